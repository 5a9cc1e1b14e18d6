"""ARGS of the Flower backend: one field per tornado option Flower defines (``flower/options.py``).

Flower reads its options with tornado's parser, after the Celery app's global options
(``celery -A proj --broker ... flower --port=5555``): the model extends :class:`.CeleryArgs`.
tornado's logging options (``--logging``, ``--log-file-prefix``...) are Flower's too.  Every
option is passed only when set, so ``flowerconfig.py`` and the ``FLOWER_*`` environment
variables keep applying beneath the command line, as with ``celery flower``.
``tests/unit/workers/test_flower_drift.py`` pins names, types and defaults against
``tornado.options.options``.  Two of tornado's options are not ARGS: ``help``, and
``format_task`` (a function: only a configuration file can hold one).

Nothing here imports flower or tornado: the check imports this module on every management command.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, SecretStr

from ...args.addresses import HostAddress
from ...args.base import option as _option
from ...args.groups import Group
from ...args.values import POLL_MAX_SECONDS, AnyPath, Choice, CommaList, Int, Since, comma_list
from .options import CeleryArgs

Secrets = Annotated[list[SecretStr], BeforeValidator(comma_list)]
"""``user:password`` pairs: a comma-separated text or a list, each pair masked."""


def _numbers(value: Any) -> Any:
    # One bucket may be written as a number; a text is comma-separated, as Flower's command line takes it.
    return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else comma_list(value)


Floats = Annotated[list[float], BeforeValidator(_numbers)]

LogLevel = Literal["debug", "info", "warning", "error", "critical", "none"]
RotateWhen = Literal["s", "m", "h", "d", "midnight", "w0", "w1", "w2", "w3", "w4", "w5", "w6"]


def flag(default: bool | None, description: str, *, cli: str, group: Group, needs: tuple[str, ...] = ()) -> bool:
    result: bool = _option(default, description, cli=cli, group=group, needs=needs, bools="valued")
    return result


class FlowerArgs(CeleryArgs):
    """``celery flower``: Flower's tornado options, written ``--name=value``."""

    # tornado resolves a host name when it binds (getaddrinfo): text that is neither cannot be bound.
    address: HostAddress | None = _option(
        None, "Host name or IP address to bind to (Flower: every interface)", cli="address", group="binding"
    )
    port: Int = _option(5555, "TCP port to bind to (Flower: 5555)", cli="port", group="binding", ge=0, le=65535)
    unix_socket: AnyPath | None = _option(
        None, "Unix socket to bind to, instead of address and port", cli="unix-socket", group="binding", path="socket"
    )
    url_prefix: str | None = _option(None, "URL prefix, behind a proxy ('flower')", cli="url-prefix", group="binding")
    xheaders: bool = flag(False, "Trust the X-Real-Ip and X-Scheme headers of a proxy", cli="xheaders", group="binding")
    certfile: AnyPath | None = _option(None, "TLS certificate file", cli="certfile", group="TLS", path="file")
    keyfile: AnyPath | None = _option(None, "TLS private key file", cli="keyfile", group="TLS", path="file")
    ca_certs: AnyPath | None = _option(
        None, "CA certificates file, with certfile", cli="ca-certs", group="TLS", path="file", needs=("certfile",)
    )
    basic_auth: Secrets | None = _option(
        None, "HTTP basic authentication: 'user:password' pairs", cli="basic-auth", group="auth", secret=True
    )
    auth: str | None = _option(
        None, "Emails allowed to sign in with OAuth: 'a@x.org|b@x.org' or '.*@x.org'", cli="auth", group="auth"
    )
    auth_provider: str | None = _option(
        None, "OAuth login handler class ('flower.views.auth.GithubLoginHandler')", cli="auth-provider", group="auth"
    )
    oauth2_key: str | None = _option(None, "OAuth2 client key", cli="oauth2-key", group="auth", needs=("auth",))
    oauth2_secret: SecretStr | None = _option(
        None, "OAuth2 client secret", cli="oauth2-secret", group="auth", secret=True, needs=("auth",)
    )
    oauth2_redirect_uri: str | None = _option(
        None, "OAuth2 redirect URI", cli="oauth2-redirect-uri", group="auth", needs=("auth",)
    )
    cookie_secret: SecretStr | None = _option(
        None,
        "Secret that signs the login cookie (Flower: random at each start)",
        cli="cookie-secret",
        group="auth",
        secret=True,
    )
    # Flower 2.1 added it; 2.0 stops at start on an option its tornado parser does not define.
    read_only: Annotated[bool, Since("flower", "2.1")] = flag(
        False, "Disable every operation (revoke, shutdown...)", cli="read-only", group="auth"
    )
    broker_api: SecretStr | None = _option(
        None,
        "Broker management API ('http://guest:guest@localhost:15672/api/')",
        cli="broker-api",
        group="flower",
        secret=True,
    )
    # Kombu polls the broker's socket with epoll, whose timeout is a C int of milliseconds, as select.poll's
    # ("timeout is too large" above). A SIGTERM does not wait for an inspect in flight (backend.py).
    inspect_timeout: float | None = _option(
        None,
        f"Timeout of an inspect command, in ms, at most {POLL_MAX_SECONDS * 1000} (Flower: 1000)",
        cli="inspect-timeout",
        group="flower",
        gt=0,
        le=POLL_MAX_SECONDS * 1000,
    )
    enable_events: bool = flag(
        True, "Periodically enable task events on the workers", cli="enable-events", group="flower"
    )
    auto_refresh: bool = flag(True, "Refresh the dashboards", cli="auto-refresh", group="flower")
    max_workers: Int | None = _option(
        None, "Workers kept in memory (Flower: 5000)", cli="max-workers", group="flower", ge=1
    )
    max_tasks: Int | None = _option(
        None, "Tasks kept in memory (Flower: 100000)", cli="max-tasks", group="flower", ge=1
    )
    purge_offline_workers: Int | None = _option(
        None,
        "Seconds after which offline workers leave the dashboard",
        cli="purge-offline-workers",
        group="flower",
        ge=0,
    )
    natural_time: bool = flag(False, "Show times as relative ('2 minutes ago')", cli="natural-time", group="flower")
    tasks_columns: CommaList | None = _option(
        None, "Columns of the /tasks page, in order", cli="tasks-columns", group="flower"
    )
    task_runtime_metric_buckets: Floats | None = _option(
        None, "Buckets of the task runtime histogram, in seconds", cli="task-runtime-metric-buckets", group="flower"
    )
    persistent: bool = flag(False, "Save the state in db across restarts", cli="persistent", group="state")
    db: AnyPath | None = _option(
        None, "State file (Flower: ./flower)", cli="db", group="state", path="created", needs=("persistent",)
    )
    state_save_interval: Int | None = _option(
        None,
        "Milliseconds between two saves of the state (0: at exit only)",
        cli="state-save-interval",
        group="state",
        ge=0,
        needs=("persistent",),
    )
    conf: AnyPath | None = _option(
        None, "Configuration file (Flower: ./flowerconfig.py, if it exists)", cli="conf", group="flower", path="file"
    )
    debug: bool = flag(False, "tornado's debug mode: reloads, tracebacks to clients", cli="debug", group="logging")
    logging: Annotated[LogLevel, Choice] | None = _option(
        None, "Logging level, or 'none' (tornado: info)", cli="logging", group="logging"
    )
    log_to_stderr: bool | None = flag(None, "Log to stderr too, with a log file", cli="log-to-stderr", group="logging")
    log_file_prefix: AnyPath | None = _option(
        None, "Log file (default: stderr)", cli="log-file-prefix", group="logging", path="created"
    )
    log_file_max_size: Int | None = _option(
        None,
        "Bytes before the log file rotates (rotate-mode size)",
        cli="log-file-max-size",
        group="logging",
        ge=0,
        needs=("log_file_prefix",),
    )
    log_file_num_backups: Int | None = _option(
        None,
        "Rotated log files kept (tornado: 10)",
        cli="log-file-num-backups",
        group="logging",
        ge=0,
        needs=("log_file_prefix",),
    )
    log_rotate_when: Annotated[RotateWhen, Choice] | None = _option(
        None,
        "When the log rotates (rotate-mode time)",
        cli="log-rotate-when",
        group="logging",
        needs=("log_file_prefix",),
    )
    log_rotate_interval: Int | None = _option(
        None,
        "Units of log-rotate-when between rotations",
        cli="log-rotate-interval",
        group="logging",
        ge=1,
        needs=("log_file_prefix",),
    )
    log_rotate_mode: Annotated[Literal["size", "time"], Choice] | None = _option(
        None,
        "Rotate the log by size or by time (tornado: size)",
        cli="log-rotate-mode",
        group="logging",
        needs=("log_file_prefix",),
    )
