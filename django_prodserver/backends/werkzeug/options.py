"""ARGS of django-extensions' ``runserver_plus`` (Werkzeug's server and debugger), and 3.x's other keys.

``tests/unit/devservers/test_drift.py`` pins the options against runserver_plus' own parser.
django-prodserver 3.x called ``werkzeug.serving.run_simple`` itself; its keys that runserver_plus
has no option for (``use_debugger``, ``trusted_hosts``...) are in the ``3.x`` group: accepted and
ignored (W104).  ``processes`` above 1 cannot be served (E106).
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...args.base import Package, option
from ...args.values import SLEEP_MAX_SECONDS, AnyPath, Choice, Int, StrList
from ..django_runserver.options import CommandArgument, RunserverArgs, legacy

ReloaderType = Literal["auto", "watchdog", "stat"]
StartupMessages = Literal["reload", "once", "never", "always"]


class WerkzeugRunserverArgs(RunserverArgs):
    """``manage.py runserver_plus``."""

    nothreading: bool = option(
        False, "Serve one request at a time", cli="nothreading", server="threaded", inverted=True, group="workers"
    )
    threaded: bool = option(
        True,
        "Serve each request in a thread",
        cli="threaded",
        group="workers",
        tool_spec=CommandArgument(off="nothreading"),
    )
    browser: bool = option(
        False, "Open a browser on the server's address", cli="browser", server="open_browser", group="development"
    )
    output: AnyPath | None = option(
        None, "File the server's output goes to", cli="output", server="output_file", group="logging", path="created"
    )
    print_sql: bool = option(False, "Print the SQL of each query", cli="print-sql", group="logging")
    truncate_sql: Int | None = option(
        None,
        "Truncate printed SQL to this many characters",
        cli="truncate-sql",
        ge=1,
        group="logging",
        needs=("print_sql",),
    )
    print_sql_location: bool = option(
        False, "Print where each query was made", cli="print-sql-location", group="logging", needs=("print_sql",)
    )
    cert_file: str | None = option(
        None,
        "TLS certificate (created for development if it does not exist)",
        cli="cert-file",
        also=("cert",),
        server="cert_path",
        group="TLS",
    )
    key_file: str | None = option(None, "TLS private key", cli="key-file", server="key_file_path", group="TLS")
    extra_file: StrList = option(
        [],
        "More files whose change reloads the server",
        cli="extra-file",
        also=("extra_files",),
        server="extra_files",
        group="reloader",
    )
    exclude_pattern: StrList = option(
        [],
        "Files (glob patterns) whose change does not reload",
        cli="exclude-pattern",
        also=("exclude_patterns",),
        server="exclude_patterns",
        group="reloader",
    )
    reloader_interval: Int = option(
        1,
        "Seconds between checks of the stat reloader",
        cli="reloader-interval",
        ge=1,
        le=SLEEP_MAX_SECONDS,
        group="reloader",
    )
    reloader_type: Annotated[ReloaderType, Choice] = option(
        "auto",
        "Werkzeug's reloader",
        cli="reloader-type",
        group="reloader",
        requires={"watchdog": Package("watchdog", "watchdog")},
    )
    pdb: bool = option(False, "Drop into pdb when a view raises", cli="pdb", group="development")
    ipdb: bool = option(
        False, "Drop into ipdb when a view raises", cli="ipdb", group="development", requires=Package("ipdb", "ipdb")
    )
    pm: bool = option(False, "Drop into (i)pdb after a view raised (post mortem)", cli="pm", group="development")
    startup_messages: Annotated[StartupMessages, Choice] = option(
        "reload", "When to print the startup messages", cli="startup-messages", group="logging"
    )
    keep_meta_shutdown: bool = option(
        False,
        "Keep werkzeug.server.shutdown in request.META",
        cli="keep-meta-shutdown",
        server="keep_meta_shutdown_func",
        group="development",
    )
    nopin: bool = option(False, "Open the debugger without a PIN", cli="nopin", group="development")

    # django-prodserver 3.x called werkzeug's run_simple itself; runserver_plus has no option for these.
    processes: Int = option(
        1,
        "3.x: worker processes; runserver_plus serves from one (E106 above 1)",
        cli=None,
        documented="processes",
        ge=1,
        group="workers",
    )
    use_debugger: bool = legacy("use_debugger", True, "3.x: Werkzeug's debugger (runserver_plus always uses it)")
    evalex: bool = legacy("evalex", True, "3.x: the debugger's console")
    trusted_hosts: StrList = legacy("trusted_hosts", [], "3.x: hosts the debugger trusts")
    passthrough_errors: bool = legacy("passthrough_errors", False, "3.x: let errors crash the server")
    ssl_dev_cert_dir: str | None = legacy("ssl_dev_cert_dir", None, "3.x: directory of generated certificates")
