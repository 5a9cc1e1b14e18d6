"""Every check ID, with what it means, how to fix it and a setting that triggers it: the docs' source.

``tests/unit/test_check_catalogue.py`` keeps this list honest: every ID the code can emit is
here, no ID appears twice, and every example triggers its ID and nothing else.  Examples name
files relative to the current directory; the test creates the ones that should exist:
``tls/cert.pem`` and its ``tls/key.pem``, another certificate's ``tls/other-key.pem``,
``static/``, ``media/`` and ``logging.ini``.  An ID is never reused, even after its check is
removed: list it in the test's RETIRED set instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..args.granian import GranianWSGIArgs
from ..backends.granian import GranianASGIServer
from ..problems import Severity

ASGI = "django_prodserver.backends.granian.GranianASGIServer"
WSGI = "django_prodserver.backends.granian.GranianWSGIServer"


@dataclass(frozen=True)
class CheckInfo:
    id: str
    severity: Severity
    summary: str
    hint: str
    example: Any
    """A whole ``PRODUCTION_PROCESSES`` value that triggers this ID alone; None where a setting
    cannot show it (the check needs a missing package, another platform or another setting)."""
    deploy: bool = False
    """Shown by ``check --deploy`` only."""


def asgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": ASGI, "ARGS": args}}


def wsgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": WSGI, "ARGS": args}}


def error(id: str, summary: str, hint: str, example: Any) -> CheckInfo:
    return CheckInfo(f"prodserver.{id}", Severity.ERROR, summary, hint, example)


def warning(id: str, summary: str, hint: str, example: Any, *, deploy: bool = False) -> CheckInfo:
    return CheckInfo(f"prodserver.{id}", Severity.WARNING, summary, hint, example, deploy)


_SHAPE = (
    error("E001", "PRODUCTION_PROCESSES is not a dict.", "Map process names to processes.", [ASGI]),
    error(
        "E002", "A process name is not a string.", "Name processes with strings such as 'web'.", {1: {"BACKEND": ASGI}}
    ),
    error("E003", "A process is not a dict.", "Write {'BACKEND': ..., 'ARGS': {...}}.", {"web": ASGI}),
    error(
        "E004",
        "A process has an unknown key.",
        "Keep only 'BACKEND' and 'ARGS'.",
        {"web": {"BACKEND": ASGI, "ARG": {}}},
    ),
    error("E005", "A process has no BACKEND.", "Add the backend's dotted path.", {"web": {"ARGS": {"workers": 2}}}),
    error(
        "E006",
        "BACKEND is not a dotted path string.",
        "Write the path as a string.",
        {"web": {"BACKEND": GranianASGIServer}},
    ),
    error(
        "E007",
        "BACKEND cannot be imported.",
        "Fix the dotted path.",
        {"web": {"BACKEND": "django_prodserver.backends.granian.GranianServerASGI"}},
    ),
    error(
        "E008",
        "BACKEND is not a backend class.",
        "Name a subclass of BaseProcessBackend.",
        {"web": {"BACKEND": "django_prodserver.args.GranianASGIArgs"}},
    ),
    error("E009", "The backend cannot be created from the process's settings.", "Fix the process's ARGS.", None),
    error("E010", "ARGS is not a dict.", "Write ARGS as a dict of options.", asgi(["--workers=4"])),
    error(
        "E011",
        "ARGS is a model instance for another backend.",
        "Build ARGS with the backend's own model, or write a dict.",
        {"web": {"BACKEND": ASGI, "ARGS": GranianWSGIArgs(workers=2)}},
    ),
    error("E012", "The backend failed while validating the process.", "Report it to the backend's authors.", None),
)

_ARGS = (
    error(
        "E020",
        "An ARGS key is not an option of the backend.",
        "Rename it as suggested, or remove it.",
        asgi({"wokers": 4}),
    ),
    error(
        "E021",
        "An option is given twice, under two spellings.",
        "Keep one of them.",
        asgi({"log-level": "info", "log_level": "debug"}),
    ),
    error(
        "E022",
        "An option has a value of the wrong type.",
        "Write a value of the expected type.",
        asgi({"workers": "four"}),
    ),
    error("E023", "An option is out of range.", "Use a value in the range given.", asgi({"workers": 0})),
    error("E024", "An option is not one of its choices.", "Use one of the choices listed.", asgi({"http": "3"})),
    error(
        "E025", "An option is not a duration.", "Write seconds (90) or '1h30m'.", asgi({"workers-lifetime": "1 hour"})
    ),
    error(
        "E026",
        "An address is not an IP address.",
        "Use an IP address: '0.0.0.0' or '127.0.0.1'.",
        asgi({"address": "localhost"}),
    ),
    error("E027", "File permissions are not octal.", "Write them as '0660'.", asgi({"uds-permissions": "rw-rw----"})),
    error(
        "E028", "A pattern is not a regular expression.", "Fix the pattern.", asgi({"reload-ignore-patterns": "*.pyc"})
    ),
    error("E029", "A path is empty.", "Name a file or directory, or remove the option.", asgi({"ssl-cert": ""})),
    error("E030", "The backend's model rejects an option's value.", "See the option's reference.", None),
)

_GRANIAN = (
    error("E040", "More than 1 blocking thread for ASGI.", "Scale ASGI with workers.", asgi({"blocking-threads": 2})),
    error(
        "E041",
        "Static routes and mounts differ in number.",
        "Give one static-path-route per static-path-mount.",
        asgi({"static-path-mount": ["static", "media"], "static-path-route": ["/static"]}),
    ),
    error(
        "E042", "factory is True; Django's application is not a factory.", "Remove factory.", asgi({"factory": True})
    ),
    error("E043", "ssl-cert without ssl-key.", "Set ssl-key.", asgi({"ssl-cert": "tls/cert.pem"})),
    error("E044", "ssl-key without ssl-cert.", "Set ssl-cert.", asgi({"ssl-key": "tls/key.pem"})),
    error(
        "E045",
        "The metrics exporter and the server bind the same port.",
        "Give the metrics exporter another port.",
        asgi({"metrics": True, "metrics-port": 8000}),
    ),
    warning("W040", "Websockets on WSGI are turned off.", "Use the ASGI backend for websockets.", wsgi({"ws": True})),
    warning(
        "W041",
        "Client verification without ssl-ca is ignored.",
        "Set ssl-ca.",
        asgi({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem", "ssl-client-verify": True}),
    ),
    warning("W042", "threads is ignored by the ASGI backend.", "Scale with workers.", asgi({"threads": 4})),
    warning("W043", "HTTP/2 only without TLS refuses HTTP/1.1 clients.", "Use http 'auto'.", asgi({"http": "2"})),
    warning(
        "W044",
        "Websockets cannot connect over HTTP/2 only.",
        "Use http 'auto'.",
        asgi({"http": "2", "ws": True, "ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}),
    ),
    warning(
        "W045",
        "An option is ignored while reload is enabled.",
        "Disable reload in production.",
        asgi({"reload": True, "workers-lifetime": "1h"}),
    ),
    warning("W046", "An option has no effect without the one it depends on.", "Remove it.", asgi({"reload-tick": 100})),
    warning(
        "W047",
        "Two processes bind the same address: Granian shares the port, the kernel splits connections.",
        "Give each process its own port.",
        {"web": {"BACKEND": ASGI, "ARGS": {"port": 8000}}, "api": {"BACKEND": ASGI, "ARGS": {"port": 8000}}},
    ),
)

_FILES = (
    error(
        "E050",
        "A file or directory named by ARGS is missing, as the process starts.",
        "Create it.",
        asgi({"static-path-mount": "staticfiles"}),
    ),
    error(
        "E051",
        "log-config is not a JSON object.",
        "Write logging.dictConfig JSON.",
        asgi({"log-config": "logging.ini"}),
    ),
    error(
        "E052",
        "ssl-cert and ssl-key cannot be loaded together.",
        "Use the certificate's own key, in PEM, with its password.",
        asgi({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/other-key.pem"}),
    ),
    warning(
        "W050",
        "A file or directory named by ARGS is missing on this machine.",
        "Create it where prodserver runs, or fix the path.",
        asgi({"static-path-mount": "staticfiles"}),
    ),
)

_ENVIRONMENT = (
    error("E060", "An option needs a package that is not installed.", "Install the Granian extra named.", None),
    error("E061", "loop 'winloop' off Windows.", "Use 'auto'.", asgi({"loop": "winloop"})),
    error("E062", "uds on Windows.", "Bind an address and port.", asgi({"uds": "app.sock"})),
    error("E063", "The application's module does not exist.", "Fix ASGI_APPLICATION or WSGI_APPLICATION.", None),
    warning(
        "W060",
        "task-impl 'rust' falls back to asyncio on Python 3.12+.",
        "Remove task-impl.",
        asgi({"task-impl": "rust"}),
    ),
)

_DEPLOY = (
    warning(
        "W070", "reload is enabled.", "Remove reload from production settings.", asgi({"reload": True}), deploy=True
    ),
    warning(
        "W071",
        "The log level is debug or notset.",
        "Use 'info' or 'warning'.",
        asgi({"log-level": "debug"}),
        deploy=True,
    ),
)

CATALOGUE: tuple[CheckInfo, ...] = (*_SHAPE, *_ARGS, *_GRANIAN, *_FILES, *_ENVIRONMENT, *_DEPLOY)
"""Every check ID, in order."""
