"""Write the gunicorn backend's native option modules from gunicorn's own settings registry.

Run once per gunicorn release, then review the diff: ``python -m tests.tools.gunicorn_model``.
It reads ``gunicorn.config.KNOWN_SETTINGS`` (names, CLI flags, validators, defaults, sections)
and writes ``django_prodserver/backends/gunicorn/settings_*.py``; what the registry cannot say
(which strings are paths, which are choices, the real bounds) is the table :data:`TYPES` below.
``tests/unit/gunicorn/test_drift.py`` pins the written models against the registry, so a new
gunicorn that adds, renames or retypes a setting fails the tests until this is run again.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[2] / "django_prodserver" / "backends" / "gunicorn"

DECIDED = frozenset({"config", "wsgi_app", "paste", "raw_paste_global_conf", "print_config", "check_config", "daemon"})
"""Settings the backend decides: the application (and its loaders), the configuration sources, the foreground run."""

COMMON = {
    "bind": None,  # replaced by the common address and port, or given natively (bind): options.py
    "backlog": None,
    "workers": None,
    "threads": None,
    "loglevel": None,
    "certfile": None,
    "keyfile": None,
}
"""Settings that options.py declares under the names every backend shares."""

HOOK_SECTIONS = ("Server Hooks", "Dirty Arbiter Hooks")

MODULES = {
    "settings_server": ("Server Socket", "Worker Processes", "Security", "Server Mechanics", "Process Naming"),
    "settings_logging": ("Logging", "Debugging", "Control", "Dirty Arbiters"),
    "settings_tls": ("SSL", "HTTP/2"),
}

GROUPS = {
    "Server Socket": "binding",
    "Worker Processes": "workers",
    "Security": "limits",
    "Server Mechanics": "server mechanics",
    "Process Naming": "server mechanics",
    "Logging": "logging",
    "Debugging": "reloader",
    "Control": "control socket",
    "Dirty Arbiters": "dirty arbiters",
    "SSL": "TLS",
    "HTTP/2": "HTTP/2",
}

# Setting -> (annotation, default as code, extra option() keywords as code). Unlisted settings follow
# their validator (see _by_validator).
TYPES: dict[str, tuple[str, str, str]] = {
    "worker_tmp_dir": ("AnyPath | None", "None", 'path="directory"'),
    "pidfile": ("AnyPath | None", "None", 'path="created"'),
    "chdir": ("AnyPath | None", "None", 'path="directory"'),
    "logconfig": ("AnyPath | None", "None", 'path="file"'),
    "logconfig_json": ("AnyPath | None", "None", 'path="file"'),
    "ca_certs": ("AnyPath | None", "None", 'path="file"'),
    "control_socket": ("AnyPath | None", "None", 'path="socket"'),
    "user": ("User", "None", ""),
    "group": ("Group", "None", ""),
    "umask": ("OctalPermissions", "0", "ge=0, le=0o7777"),
    "control_socket_mode": ("OctalPermissions", "0o600", "ge=0, le=0o7777"),
    "cert_reqs": ("Int", "0", "ge=0, le=2"),
    "ssl_version": ("str | None", "None", ""),
    "sendfile": ("bool", "False", ""),
    # How gunicorn matches a peer against them is on the type: the shared rule judges it (rules/proxy.py).
    "forwarded_allow_ips": ("TrustList", "None", ""),
    "proxy_allow_ips": ("ProxyProtocolTrustList", "None", ""),
    "uwsgi_allow_ips": ("UwsgiTrustList", "None", ""),
    "forwarder_headers": ("CommaList", '["SCRIPT_NAME", "PATH_INFO"]', ""),
    "pythonpath": ("CommaList | None", "None", ""),
    "http_protocols": (
        'Annotated[list[Annotated[Literal["h1", "h2"], Choice]], BeforeValidator(comma_list)]',
        '["h1"]',
        'requires={"h2": Package("h2", "gunicorn[http2]")}',
    ),
    "http2_cleartext": ('Annotated[Literal["off", "prior-knowledge", "upgrade", "both"], Choice]', '"off"', ""),
    "proxy_protocol": ('Annotated[Literal["off", "v1", "v2", "auto"], Choice]', '"off"', ""),
    "protocol": ('Annotated[Literal["http", "uwsgi"], Choice]', '"http"', ""),
    "header_map": ('Annotated[Literal["drop", "refuse", "dangerous"], Choice]', '"drop"', ""),
    "asgi_loop": (
        'Annotated[Literal["auto", "asyncio", "uvloop"], Choice]',
        '"auto"',
        'requires={"uvloop": Package("uvloop", "uvloop")}',
    ),
    "asgi_lifespan": ('Annotated[Literal["auto", "on", "off"], Choice]', '"auto"', ""),
    "http_parser": (
        'Annotated[Literal["auto", "fast", "python"], Choice]',
        '"auto"',
        'requires={"fast": Package("gunicorn_h1c", "gunicorn[fast]")}',
    ),
    "reload_engine": (
        'Annotated[Literal["auto", "poll", "inotify"], Choice]',
        '"auto"',
        'requires={"inotify": Package("inotify", "inotify")}',
    ),
    "reload_extra_files": ("StrList", "[]", ""),
    # What the class must be is on its type: the shared import rule judges it (rules/imports.py).
    "worker_class": ("WorkerClass", '"sync"', ""),
    "logger_class": ("LoggerClass", '"gunicorn.glogging.Logger"', ""),
    "http2_initial_window_size": ("Int", "65535", "ge=0, le=2**31 - 1"),
    "http2_max_concurrent_streams": ("Int", "100", "ge=1"),
    "http2_max_frame_size": ("Int", "16384", "ge=16384, le=16777215"),
    "statsd_host": ("str | None", "None", ""),
    "max_requests": ("Int | None", "None", "ge=0"),
    "max_requests_jitter": ("Int", "0", 'ge=0, needs=("max_requests",)'),
    "syslog_addr": ("str", '"udp://localhost:514"', 'needs=("log_syslog",)'),
    # The sync worker waits timeout / 2 seconds in select(), which takes at most 2**63 ns: 2**34 s is below.
    "timeout": ("Int", "30", "ge=0, le=2**34"),
    # gunicorn caps the request line at 8190 bytes and the header count at 32768, silently (http/message.py).
    # gunicorn refuses a request line longer than the limit (414): under 14 bytes, even 'GET / HTTP/1.1'.
    "limit_request_line": (
        "Annotated[Int, ServesFrom(14, \"the shortest request line, 'GET / HTTP/1.1', is 14 bytes\", off=0)]",
        "4094",
        "ge=0, le=8190",
    ),
    "limit_request_fields": ("Int", "100", "ge=0, le=32768"),
    # Syslog settings are read only when syslog is on; dirty workers need dirty apps, and the reverse.
    "syslog_prefix": ("str | None", "None", 'needs=("log_syslog",)'),
    "syslog_facility": ("str", '"user"', 'needs=("log_syslog",)'),
    "dirty_workers": ("Int", "0", 'ge=0, needs=("dirty_app",)'),
    "dirty_apps": ("StrList", "[]", 'needs=("dirty_workers",)'),
}


def _by_validator(setting: Any) -> tuple[str, str, str]:
    name = setting.validator.__name__
    default = setting.default
    if name == "validate_pos_int":
        return "Int", repr(int(default)), "ge=0"
    if name == "validate_bool":
        return "bool", repr(bool(default)), ""
    if name in {"validate_string", "validate_class"}:
        return ("str", json.dumps(default), "") if isinstance(default, str) else ("str | None", "None", "")
    if name == "validate_list_string":
        return "StrList", "[]", ""
    raise SystemExit(f"no type for {setting.name} ({name}): add it to TYPES")


SHORTER = {
    "reload_extra_files": "Extra files (or glob patterns) whose changes reload the workers, e.g. templates",
    "initgroups": "Give the workers the supplementary groups of their user, plus the group",
    "forwarder_headers": "Headers the front-end proxy (see forwarded-allow-ips) may set in the WSGI environment",
}
"""Descriptions whose first sentence does not fit one line."""


def _description(setting: Any) -> str:
    """The first sentence of gunicorn's own description, without its reStructuredText markup."""
    if setting.name in SHORTER:
        return SHORTER[setting.name]
    paragraph = " ".join((setting.desc or setting.name).split("\n\n")[0].split())
    text = re.sub(r":ref:`([^`<]*?)\s*(<[^>]*>)?`", r"\1", paragraph)
    text = text.replace("``", "'").replace("*", "")
    return re.split(r"(?<=[a-z0-9)'])\. ", text)[0].strip().rstrip(".")


def _spellings(setting: Any) -> tuple[str, tuple[str, ...]]:
    """The documented name (the long CLI flag without dashes) and the other spellings."""
    longs = [flag.removeprefix("--") for flag in setting.cli if flag.startswith("--")]
    cli = longs[0]
    same = {cli.replace("_", "-"), cli.replace("-", "_")}
    also = tuple(name for name in (*longs[1:], setting.name) if name not in same and name.replace("_", "-") not in same)
    return cli, tuple(dict.fromkeys(also))


RENAMED = {"pythonpath": "python-path"}
"""Documented names other than the flag: ``manage.py`` has a ``--pythonpath`` option of its own."""


def option_code(setting: Any) -> str:
    annotation, default, extra = TYPES.get(setting.name) or _by_validator(setting)
    cli, also = _spellings(setting)
    field = RENAMED.get(setting.name, cli).replace("-", "_")
    keywords = [f'cli="{cli}"', f'group="{GROUPS[setting.section]}"']
    if setting.name in RENAMED:
        keywords.append(f'documented="{RENAMED[setting.name]}"')
    if setting.name != field:
        keywords.append(f'server="{setting.name}"')
    if also and setting.name != "sendfile":
        # gunicorn's `sendfile` setting means the opposite of its --no-sendfile flag: options.py has it.
        keywords.append(f"also=({', '.join(json.dumps(name) for name in also)},)")
    if extra:
        keywords.append(extra)
    if setting.name == "sendfile":
        keywords.append("inverted=True")
    arguments = ", ".join([default, json.dumps(_description(setting)), *keywords])
    return f"    {field}: {annotation} = option({arguments})\n"


HEADER = '''"""gunicorn's own settings, one field each: {sections}.

Written by ``tests/tools/gunicorn_model.py`` from gunicorn's settings registry; do not edit by hand.

Each option is accepted under its CLI flag (the documented name) and gunicorn's setting name;
defaults are gunicorn's own, or None where gunicorn computes them (from the environment, the
user, the working directory) and the option is then left to gunicorn.  Pinned against
``gunicorn.config.KNOWN_SETTINGS`` by ``tests/unit/gunicorn/test_drift.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from ...args.base import BackendArgs, Package, option
from ...args.values import AnyPath, Choice, CommaList, Int, OctalPermissions, ServesFrom, StrList, comma_list
from .kinds import Group, LoggerClass, ProxyProtocolTrustList, TrustList, User, UwsgiTrustList, WorkerClass

__all__ = ["{cls}"]


class {cls}(BackendArgs):
    """{doc}"""

'''


def module_code(module: str, sections: tuple[str, ...], settings: list[Any]) -> str:
    cls = {"settings_server": "ServerSettings", "settings_logging": "LoggingSettings", "settings_tls": "TLSSettings"}[
        module
    ]
    doc = f"gunicorn's {', '.join(sections)} settings."
    body = "".join(option_code(setting) for setting in settings if setting.section in sections)
    return HEADER.format(sections=", ".join(sections), cls=cls, doc=doc) + body


def main() -> None:
    from gunicorn.config import KNOWN_SETTINGS  # type: ignore[import-untyped]

    settings = [
        setting
        for setting in KNOWN_SETTINGS
        if setting.cli and setting.name not in DECIDED and setting.name not in COMMON
    ]
    for module, sections in MODULES.items():
        (PACKAGE / f"{module}.py").write_text(module_code(module, sections, settings))
    written = [str(PACKAGE / f"{module}.py") for module in MODULES]
    ruff = Path(sys.executable).with_name("ruff")
    subprocess.run([ruff, "check", "-q", "--fix", "--select", "F401,I", *written], check=True)
    subprocess.run([ruff, "format", "-q", *written], check=True)
    print(f"wrote {len(settings)} settings", file=sys.stderr)


if __name__ == "__main__":
    main()
