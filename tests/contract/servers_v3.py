"""The contracts of waitress and the development servers (django-prodserver 3.x's other server backends).

waitress' registry is ``Adjustments._params``, its parser ``Adjustments.parse_args`` (what
``waitress-serve`` runs).  Each development server is a Django management command: its registry
and parser are the command's own argparse parser, and the in-process launch configures it as
``call_command`` does (the parser's defaults, then the keywords).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from django_prodserver.args.base import BackendArgs

from .kit import Backend, Contract, handed_over

# The waitress registry's socket objects have no place in a setting or on a command line.
WAITRESS_DECIDED = frozenset({"sockets"})
# Every Django command's own options: the process, not the server.
DJANGO_DECIDED = frozenset(
    {"help", "version", "settings", "pythonpath", "traceback", "no-color", "force-color", "skip-checks"}
)


def waitress_flags(backend: type[Backend]) -> set[str]:
    from waitress.adjustments import Adjustments  # type: ignore[import-untyped]

    return {name.replace("_", "-") for name, _ in Adjustments._params}


def waitress_configuration(kwargs: dict[str, Any], target: str) -> dict[str, Any]:
    from waitress.adjustments import Adjustments

    return {"app": target, **vars(Adjustments(**kwargs))}


def waitress_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    target, kwargs, _address = handed_over(backend, args)
    return waitress_configuration(kwargs, target)


def waitress_parse(argv: list[str]) -> dict[str, Any]:
    """As ``waitress-serve`` (``waitress.runner.run``) configures waitress from its argv."""
    from waitress.adjustments import Adjustments

    kwargs, [target] = Adjustments.parse_args(argv[1:])
    del kwargs["help"], kwargs["call"]
    return waitress_configuration(kwargs, target)


WAITRESS = Contract(
    package="django_prodserver.backends.waitress",
    backends=("django_prodserver.backends.waitress.WaitressServer",),
    tool_flags=waitress_flags,
    decided=WAITRESS_DECIDED,
    launch=waitress_launch,
    parse=waitress_parse,
    samples=(
        {},
        {"listen": "127.0.0.1:0 [::1]:0"},
        {"address": "127.0.0.1", "port": 0, "threads": 2, "backlog": 64, "ident": "", "url-prefix": "/app/"},
        {"listen": ["127.0.0.1:0", "127.0.0.2:0"], "ipv6": False, "expose_tracebacks": True, "channel-timeout": 30},
        {"unix-socket": "web.sock", "unix-socket-perms": "660", "connection-limit": 10},
        {"trusted-proxy": "*", "trusted-proxy-count": 2, "trusted-proxy-headers": "x-forwarded-for x-forwarded-proto"},
        {"log-socket-errors": False, "clear-untrusted-proxy-headers": False, "max-request-body-size": 1024},
    ),
    changed=("--threads=3",),
)


def command_flags(command: BaseCommand) -> set[str]:
    """Each action's first long option (or its positional's name), as ARGS name it.

    With django.contrib.staticfiles installed, as the models describe (its --nostatic and --insecure).
    """
    from django.conf import settings
    from django.test import override_settings

    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "django.contrib.staticfiles"]):
        parser = command.create_parser("manage.py", "runserver")
    flags = set()
    for action in parser._actions:
        longs = [option for option in action.option_strings if option.startswith("--")]
        flags.add(longs[0][2:] if longs else action.dest)
    return flags


def command_launch(command: BaseCommand, backend: Backend, args: BackendArgs) -> dict[str, Any]:
    """The options ``call_command`` gives the command: the parser's defaults, then the keywords."""
    positional, options = backend.run_arguments(args)  # type: ignore[attr-defined]
    parser = command.create_parser("", "runserver")
    return {**vars(parser.parse_args(positional)), **options}


def command_parse(command: BaseCommand, argv: list[str]) -> dict[str, Any]:
    """As ``python manage.py <command> ...`` parses the line (wherever the command's name is)."""
    parser = command.create_parser("manage.py", "runserver")
    return vars(parser.parse_args([word for word in argv[2:] if word not in {"runserver", "runserver_plus"}]))


def dev_contract(
    package: str, backend_path: str, samples: tuple[dict[str, Any], ...], decided: frozenset[str]
) -> Contract:
    def command(staticfiles: bool = False) -> BaseCommand:
        from django.conf import settings
        from django.test import override_settings
        from django.utils.module_loading import import_string

        apps = [*settings.INSTALLED_APPS, *(["django.contrib.staticfiles"] if staticfiles else [])]
        with override_settings(INSTALLED_APPS=apps):
            instance: BaseCommand = import_string(backend_path)().command_instance()
        return instance

    return Contract(
        package=package,
        backends=(backend_path,),
        tool_flags=lambda backend: command_flags(command(staticfiles=True)),
        decided=DJANGO_DECIDED | decided,
        launch=lambda backend, args: command_launch(command(), backend, args),
        parse=lambda argv: command_parse(command(), argv),
        samples=({}, *samples),
        changed=("--noreload",),
    )


RUNSERVER_SAMPLES = (
    {"addrport": "0.0.0.0:9000", "nothreading": True, "noreload": True, "verbosity": 2},
    {"addrport": 9000, "ipv6": True, "noreload": False},
)
DJANGO_RUNSERVER = dev_contract(
    "django_prodserver.backends.django_runserver",
    "django_prodserver.backends.django_runserver.DjangoRunserver",
    RUNSERVER_SAMPLES,
    frozenset(),
)
DAPHNE = dev_contract(
    "django_prodserver.backends.daphne",
    "django_prodserver.backends.daphne.DaphneRunserver",
    (
        *RUNSERVER_SAMPLES,
        {"http_timeout": 30, "websocket-handshake-timeout": 10, "noasgi": True, "websocket-max-frame-size": 4096},
        {"nostatic": True, "insecure": True, "ping_interval": 5, "proxy_headers": True},
    ),
    frozenset(),
)
WERKZEUG = dev_contract(
    "django_prodserver.backends.werkzeug",
    "django_prodserver.backends.werkzeug.WerkzeugRunserver",
    (
        *RUNSERVER_SAMPLES,
        {"threaded": False, "print-sql": True, "truncate-sql": 100, "print_sql_location": True, "browser": True},
        {"extra_files": ["a.py", "b.py"], "exclude_patterns": "*.pyc", "reloader-type": "stat", "reloader-interval": 2},
        {
            "cert": "dev.crt",
            "key-file": "dev.key",
            "startup-messages": "never",
            "pdb": True,
            "nopin": True,
            "output": "out.log",
        },
        {"keep-meta-shutdown": True, "pm": True, "use_debugger": False, "processes": 1},
    ),
    # runserver_plus' --cert, another flag for --cert-file: accepted as a spelling of cert-file.
    frozenset({"cert"}),
)

CONTRACTS = (WAITRESS, DJANGO_RUNSERVER, DAPHNE, WERKZEUG)
