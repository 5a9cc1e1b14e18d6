"""gunicorn's own settings, one field each: Logging, Debugging, Control, Dirty Arbiters.

Written by ``tests/tools/gunicorn_model.py`` from gunicorn's settings registry; do not edit by hand.

Each option is accepted under its CLI flag (the documented name) and gunicorn's setting name;
defaults are gunicorn's own, or None where gunicorn computes them (from the environment, the
user, the working directory) and the option is then left to gunicorn.  Pinned against
``gunicorn.config.KNOWN_SETTINGS`` by ``tests/unit/gunicorn/test_drift.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...args.base import BackendArgs, Package, option
from ...args.values import AnyPath, Choice, Int, OctalPermissions, StrList
from .kinds import LoggerClass

__all__ = ["LoggingSettings"]


class LoggingSettings(BackendArgs):
    """gunicorn's Logging, Debugging, Control, Dirty Arbiters settings."""

    reload: bool = option(False, "Restart workers when code changes", cli="reload", group="reloader")
    reload_engine: Annotated[Literal["auto", "poll", "inotify"], Choice] = option(
        "auto",
        "The implementation that should be used to power reload",
        cli="reload-engine",
        group="reloader",
        requires={"inotify": Package("inotify", "inotify")},
    )
    reload_extra_file: StrList = option(
        [],
        "Extra files (or glob patterns) whose changes reload the workers, e.g. templates",
        cli="reload-extra-file",
        group="reloader",
        server="reload_extra_files",
        also=("reload_extra_files",),
    )
    spew: bool = option(
        False, "Install a trace function that spews every line executed by the server", cli="spew", group="reloader"
    )
    access_logfile: str | None = option(
        None,
        "The Access log file to write to",
        cli="access-logfile",
        group="logging",
        server="accesslog",
        also=("accesslog",),
    )
    disable_redirect_access_to_syslog: bool = option(
        False, "Disable redirect access logs to syslog", cli="disable-redirect-access-to-syslog", group="logging"
    )
    access_logformat: str = option(
        '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',
        "The access log format",
        cli="access-logformat",
        group="logging",
        server="access_log_format",
        also=("access_log_format",),
    )
    error_logfile: str = option(
        "-",
        "The Error log file to write to",
        cli="error-logfile",
        group="logging",
        server="errorlog",
        also=(
            "log-file",
            "errorlog",
        ),
    )
    capture_output: bool = option(
        False, "Redirect stdout/stderr to specified file in errorlog", cli="capture-output", group="logging"
    )
    logger_class: LoggerClass = option(
        "gunicorn.glogging.Logger",
        "The logger you want to use to log events in Gunicorn",
        cli="logger-class",
        group="logging",
    )
    log_config: AnyPath | None = option(
        None,
        "The log config file to use",
        cli="log-config",
        group="logging",
        server="logconfig",
        also=("logconfig",),
        path="file",
    )
    log_config_json: AnyPath | None = option(
        None,
        "The log config to read config from a JSON file",
        cli="log-config-json",
        group="logging",
        server="logconfig_json",
        also=("logconfig_json",),
        path="file",
    )
    log_syslog_to: str = option(
        "udp://localhost:514",
        "Address to send syslog messages",
        cli="log-syslog-to",
        group="logging",
        server="syslog_addr",
        also=("syslog_addr",),
        needs=("log_syslog",),
    )
    log_syslog: bool = option(
        False, "Send Gunicorn logs to syslog", cli="log-syslog", group="logging", server="syslog", also=("syslog",)
    )
    log_syslog_prefix: str | None = option(
        None,
        "Makes Gunicorn use the parameter as program-name in the syslog entries",
        cli="log-syslog-prefix",
        group="logging",
        server="syslog_prefix",
        also=("syslog_prefix",),
        needs=("log_syslog",),
    )
    log_syslog_facility: str = option(
        "user",
        "Syslog facility name",
        cli="log-syslog-facility",
        group="logging",
        server="syslog_facility",
        also=("syslog_facility",),
        needs=("log_syslog",),
    )
    enable_stdio_inheritance: bool = option(
        False, "Enable stdio inheritance", cli="enable-stdio-inheritance", group="logging"
    )
    statsd_host: str | None = option(
        None, "The address of the StatsD server to log to", cli="statsd-host", group="logging"
    )
    dogstatsd_tags: str = option(
        "",
        "A comma-delimited list of datadog statsd (dogstatsd) tags to append to statsd metrics",
        cli="dogstatsd-tags",
        group="logging",
    )
    statsd_prefix: str = option(
        "",
        "Prefix to use when emitting statsd metrics (a trailing '.' is added, if not provided)",
        cli="statsd-prefix",
        group="logging",
    )
    enable_backlog_metric: bool = option(
        False, "Enable socket backlog metric (only supported on Linux)", cli="enable-backlog-metric", group="logging"
    )
    dirty_app: StrList = option(
        [],
        "Dirty applications to load in the dirty worker pool",
        cli="dirty-app",
        group="dirty arbiters",
        server="dirty_apps",
        also=("dirty_apps",),
        needs=("dirty_workers",),
    )
    dirty_workers: Int = option(
        0,
        "The number of dirty worker processes",
        cli="dirty-workers",
        group="dirty arbiters",
        ge=0,
        needs=("dirty_app",),
    )
    dirty_timeout: Int = option(
        300, "Timeout for dirty task execution in seconds", cli="dirty-timeout", group="dirty arbiters", ge=0
    )
    dirty_threads: Int = option(
        1, "The number of threads per dirty worker", cli="dirty-threads", group="dirty arbiters", ge=0
    )
    dirty_graceful_timeout: Int = option(
        30,
        "Timeout for graceful dirty worker shutdown in seconds",
        cli="dirty-graceful-timeout",
        group="dirty arbiters",
        ge=0,
    )
    control_socket: AnyPath | None = option(
        None, "Unix socket path for control interface", cli="control-socket", group="control socket", path="socket"
    )
    control_socket_mode: OctalPermissions = option(
        0o600, "Permission mode for control socket", cli="control-socket-mode", group="control socket", ge=0, le=0o7777
    )
    no_control_socket: bool = option(
        False,
        "Disable control socket",
        cli="no-control-socket",
        group="control socket",
        server="control_socket_disable",
        also=("control_socket_disable",),
    )
