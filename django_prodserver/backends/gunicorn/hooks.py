"""gunicorn's settings without a CLI flag that can be given as data: the server hooks (as dotted
paths to callables), the trusted proxy headers, a logging dict and the upload directory.

gunicorn reads these from a Python config file only; prodserver sets them in-process, and the
equivalent ``gunicorn`` command line cannot carry them (the check says so when the process starts).
Each hook's number of arguments is gunicorn's own (:attr:`Hook.arity`), pinned by the drift test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...args.base import BackendArgs, ToolSpec, option
from ...args.groups import Group
from ...args.values import AnyPath

SECURE_SCHEME_HEADERS = {"X-FORWARDED-PROTOCOL": "ssl", "X-FORWARDED-PROTO": "https", "X-FORWARDED-SSL": "on"}
"""gunicorn's default: headers a trusted proxy sets on HTTPS requests."""


@dataclass(frozen=True)
class Hook(ToolSpec):
    """A server hook: the dotted path (``myproject.hooks.post_fork``) of a callable (read by ``lookups``)."""

    arity: int
    """The arguments gunicorn calls it with; -1 is ``post_request``'s, which takes 2, 3 or 4."""
    description: str
    group: Group = "server hooks"


HOOKS: dict[str, Hook] = {
    "on_starting": Hook(1, "Called just before the master process is initialized (server)"),
    "on_reload": Hook(1, "Called to recycle workers during a reload via SIGHUP (server)"),
    "when_ready": Hook(1, "Called just after the server is started (server)"),
    "pre_fork": Hook(2, "Called just before a worker is forked (server, worker)"),
    "post_fork": Hook(2, "Called just after a worker has been forked (server, worker)"),
    "post_worker_init": Hook(1, "Called just after a worker has initialized the application (worker)"),
    "worker_int": Hook(1, "Called just after a worker exited on SIGINT or SIGQUIT (worker)"),
    "worker_abort": Hook(1, "Called when a worker received the SIGABRT signal (worker)"),
    "pre_exec": Hook(1, "Called just before a new master process is forked (server)"),
    "pre_request": Hook(2, "Called just before a worker processes the request (worker, req)"),
    "post_request": Hook(-1, "Called after a worker processes the request (worker, req, environ, resp)"),
    "child_exit": Hook(2, "Called in the master process just after a worker has exited (server, worker)"),
    "worker_exit": Hook(2, "Called in the worker process just after it has exited (server, worker)"),
    "nworkers_changed": Hook(3, "Called just after num_workers has been changed (server, new, old)"),
    "on_exit": Hook(1, "Called just before exiting gunicorn (server)"),
    "ssl_context": Hook(2, "Called when an SSLContext is needed (config, default_ssl_context_factory)"),
    "on_dirty_starting": Hook(1, "Called just before the dirty arbiter starts (arbiter)", "dirty arbiters"),
    "dirty_post_fork": Hook(2, "Called just after a dirty worker has been forked (arbiter, worker)", "dirty arbiters"),
    "dirty_worker_init": Hook(
        1, "Called after a dirty worker has initialized its applications (worker)", "dirty arbiters"
    ),
    "dirty_worker_exit": Hook(2, "Called when a dirty worker has exited (arbiter, worker)", "dirty arbiters"),
}
"""gunicorn's hooks: the setting name, its arity and where it runs."""


def _hook_option(name: str) -> Any:
    spec = HOOKS[name]
    return option(
        None,
        f"{spec.description}: the dotted path of a callable",
        cli=None,
        documented=name.replace("_", "-"),
        server=name,
        group=spec.group,
        tool_spec=spec,
    )


class HookSettings(BackendArgs):
    """gunicorn's hooks and its other settings without a CLI flag."""

    on_starting: str | None = _hook_option("on_starting")
    on_reload: str | None = _hook_option("on_reload")
    when_ready: str | None = _hook_option("when_ready")
    pre_fork: str | None = _hook_option("pre_fork")
    post_fork: str | None = _hook_option("post_fork")
    post_worker_init: str | None = _hook_option("post_worker_init")
    worker_int: str | None = _hook_option("worker_int")
    worker_abort: str | None = _hook_option("worker_abort")
    pre_exec: str | None = _hook_option("pre_exec")
    pre_request: str | None = _hook_option("pre_request")
    post_request: str | None = _hook_option("post_request")
    child_exit: str | None = _hook_option("child_exit")
    worker_exit: str | None = _hook_option("worker_exit")
    nworkers_changed: str | None = _hook_option("nworkers_changed")
    on_exit: str | None = _hook_option("on_exit")
    ssl_context: str | None = _hook_option("ssl_context")
    on_dirty_starting: str | None = _hook_option("on_dirty_starting")
    dirty_post_fork: str | None = _hook_option("dirty_post_fork")
    dirty_worker_init: str | None = _hook_option("dirty_worker_init")
    dirty_worker_exit: str | None = _hook_option("dirty_worker_exit")

    secure_scheme_headers: dict[str, str] = option(
        SECURE_SCHEME_HEADERS,
        "Headers (and values) a trusted front-end proxy sets on HTTPS requests",
        cli=None,
        documented="secure-scheme-headers",
        server="secure_scheme_headers",
        group="server mechanics",
    )
    logconfig_dict: dict[str, Any] = option(
        {},
        "Logging configuration, in logging.dictConfig format",
        cli=None,
        documented="logconfig-dict",
        server="logconfig_dict",
        group="logging",
    )
    tmp_upload_dir: AnyPath | None = option(
        None,
        "Directory to store temporary request data in as it is read",
        cli=None,
        documented="tmp-upload-dir",
        server="tmp_upload_dir",
        group="server mechanics",
        path="directory",
    )


__all__ = ["HOOKS", "Hook", "HookSettings"]
