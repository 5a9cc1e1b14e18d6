"""What the start-time fuzz draws: ARGS from a backend's model, fed with bad-but-typed values.

Each option's values come from its field (its type, bounds, choices and path role, as
``option()`` declares them), mixed with values of the kinds issue 22 lists, which pass the
types and may still fail at start: dotted paths to the wrong kind of class, socket paths held
by a file or a directory, colliding listen lists, limits of 0 and 1, client certificates
required with no CA, queue selections that select nothing, users that do not exist, odd
format strings, NUL bytes in text.

Values are written with placeholders that the run resolves (:func:`resolved`): ``@DIR@``,
the example's own directory (holding the files :mod:`fuzz_material` writes), ``@PORT@``, its
port, and ``@PORT2@``, a second free port.  So a failing configuration prints as a setting
anyone can reproduce by writing those files.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from hypothesis import strategies as st
from pydantic import SecretStr
from pydantic.fields import FieldInfo

from django_prodserver.args.base import BackendArgs, OptionMeta
from django_prodserver.args.describe import choices, is_repeatable, item_type

NOT_DRAWN = frozenset(
    {
        # Where it listens is the run's: 127.0.0.1 on a port of this test run (see fuzz_runs).
        "address",
        "port",
        "addrport",
        "fd",
        "metrics-address",
        # Would leave the test's process tree, open a browser or a debugger, or flood the output.
        "detach",
        "browser",
        "pdb",
        "ipdb",
        "pm",
        "spew",
        # The broker is the workers' project's (Kombu's filesystem transport); another one receives nothing.
        "broker",
        "broker-api",
        "result-backend",
        "executable",
    }
)
"""Options the fuzz never sets (by documented name)."""

COUNTS = frozenset(
    {
        "workers",
        "threads",
        "runtime-threads",
        "blocking-threads",
        "processes",
        "dirty-workers",
        "dirty-threads",
        "max-workers",
        "concurrency",
    }
)
"""Processes and threads started eagerly: drawn small, so a run never forks thousands on a shared machine."""

TEXT = ("x", "", " ", "%", "%s", "{}", "a\x00b", "é", "a,b", "-x", "\\", "../x")
DOTTED_CLASSES = (
    "logging.Logger",
    "collections.OrderedDict",
    "os.path",
    "os.getpid",
    "no.such.Thing",
    "django_prodserver.backends.base.TypedBackend",
)
"""Import fine, or not: and name a class of the wrong kind, a module, a function."""
FORMATS = ("%(h)s", "%(nonexistent)s", "%", "%d", "%(h)", "{h}", "%(t)s %(r)s %(s)s")
FAKE_USERS = ("root", "0", "nosuchuser", "99999")

BY_NAME: Mapping[str, tuple[Any, ...]] = {
    # Dotted paths to classes and callables (class 1).
    "worker-class": (
        "sync",
        "gthread",
        "asgi",
        "gunicorn.workers.sync.SyncWorker",
        "uvicorn.workers.UvicornWorker",
        *DOTTED_CLASSES,
    ),
    "logger-class": ("gunicorn.glogging.Logger", "simple", *DOTTED_CLASSES),
    "scheduler": (
        "celery.beat:PersistentScheduler",
        "celery.beat.PersistentScheduler",
        "celery.beat:Service",
        *DOTTED_CLASSES,
    ),
    "loader": ("celery.loaders.app:AppLoader", "celery.loaders.default:Loader", *DOTTED_CLASSES),
    "auth-provider": ("flower.views.auth.GithubLoginHandler", *DOTTED_CLASSES),
    "config": ("os", "no.such.module", "tests.workers_project.settings"),
    "include": (["tests.workers_project.tasks"], ["no.such.module"], ["os"]),
    "dirty-app": (["os.path:join"], ["no.such:App"]),
    # Users and groups (class 5).
    "user": (0, 99999),
    "group": (0, 99999),
    "uid": FAKE_USERS,
    "gid": FAKE_USERS,
    # Format strings (class 5).
    "access-logformat": FORMATS,
    "access-log-fmt": FORMATS,
    "log-syslog-prefix": ("x", "%", "a\x00b"),
    "hostname": ("w1@%h", "%", "%n", "a b", "@"),
    "log-syslog-facility": ("user", "local0", "nosuchfacility"),
    # Proxy trust lists (class 2).
    "forwarded-allow-ips": (["127.0.0.1"], ["*"], ["10.0.0.0/8"], ["localhost"], ["not an ip"]),
    "proxy-allow-from": (["127.0.0.1"], ["*"], ["10.0.0.0/8"], ["localhost"]),
    "uwsgi-allow-from": (["127.0.0.1"], ["*"], ["localhost"]),
    "trusted-proxy": ("127.0.0.1", "*", "10.0.0.0/8", "localhost"),
    # Listen lists that collide, on this run's port only (class 3).
    "bind": (
        ["127.0.0.1:@PORT@"],
        ["127.0.0.1:@PORT@", "127.0.0.1:@PORT@"],
        ["127.0.0.1:@PORT@", "unix:@DIR@/new.sock"],
        ["127.0.0.1:@PORT@", "unix:@DIR@/held-by-file.sock"],
        ["127.0.0.1:@PORT@", "unix:@DIR@/held-by-dir.sock"],
    ),
    "listen": (
        ["127.0.0.1:@PORT@"],
        ["127.0.0.1:@PORT@", "127.0.0.1:@PORT@"],
        ["127.0.0.1:@PORT@", "localhost:@PORT@"],
    ),
    "endpoints": (["tcp:port=@PORT2@:interface=127.0.0.1"], ["tcp:port=@PORT@:interface=127.0.0.1"], ["nope:x"]),
    "metrics-port": ("@PORT2@", "@PORT@"),
    # Queues: the task of each run goes to the default queue (class 4).
    "queues": (["celery"], ["celery", "other"], ["other"]),
    "queue-name": (["default"], ["*"], ["other"]),
    "exclude-queues": (["celery"], ["default"], ["other"]),
    "backend": ("default", "nosuchbackend"),
    "concurrency": ("1", "2", "0", "auto"),
    "autoscale": ("2,1", "1,0", "0,0", "1,2", "x"),
    "umask": ("022", "0o22", "999", "x", 0, 18),
    # Text the tools parse.
    "header": (["X-A: 1"], ["X-A:"], [":"], ["Bad Name: v"], ["X-A: \x00"]),
    "env": (["A=1"], ["A"], ["=1"], ["A=\x00"]),
    "ciphers": ("DEFAULT", "NOPE", "ECDHE+AESGCM", "eNULL"),
    "ssl-ciphers": ("DEFAULT", "NOPE", "ECDHE+AESGCM", "eNULL"),
    "ssl-version": ("TLSv1_2", "TLS", "nope", 2, 17),
    "statsd-host": ("127.0.0.1:@PORT2@", "unix:@DIR@/statsd.sock", "localhost:@PORT2@"),
    "log-syslog-to": ("udp://127.0.0.1:@PORT2@", "unix://@DIR@/no-syslog.sock", "tcp://127.0.0.1:@PORT2@"),
    "python-path": (["@DIR@"], ["@DIR@/missing-dir"]),
    "basic-auth": (["a:b"], ["ab"], [":"], ["a:b", "a:c"]),
    "cert-file": ("@DIR@/cert.pem", "@DIR@/junk.txt", "@DIR@/missing.pem"),
    "key-file": ("@DIR@/key.pem", "@DIR@/junk.txt", "@DIR@/missing.pem"),
    "ssl-dev-cert-dir": ("@DIR@", "@DIR@/missing-dir"),
    "unix-socket": ("@DIR@/new.sock", "@DIR@/held-by-file.sock", "@DIR@/held-by-dir.sock", "@DIR@/stale.sock"),
    "secure-scheme-headers": ({}, {"X-FORWARDED-PROTO": "https"}, {"": ""}),
    "logconfig-dict": ({}, {"version": 1}, {"version": 1, "root": {"handlers": ["nope"]}}),
}
"""Values by the option's documented name, where its type alone says too little."""

GOOD_FILES: Mapping[str, tuple[str, ...]] = {
    "cert": ("@DIR@/cert.pem",),
    "key": ("@DIR@/key.pem",),
    "ca": ("@DIR@/ca.pem",),
    "crl": ("@DIR@/ca.pem",),
    "log-config": ("@DIR@/logging.json", "@DIR@/logging.ini", "@DIR@/logging-bad.json"),
    "env": ("@DIR@/app.env",),
    "conf": ("@DIR@/flowerconfig.py",),
}
"""Files that suit an option, by a word of its name (a certificate for ``ssl-cert``...)."""

PATHS_BY_ROLE: Mapping[str, tuple[str, ...]] = {
    "file": ("@DIR@/empty.txt", "@DIR@/junk.txt", "@DIR@/a-dir", "@DIR@/missing.txt"),
    "directory": ("@DIR@", "@DIR@/a-dir", "@DIR@/empty.txt", "@DIR@/missing-dir"),
    "exists": ("@DIR@", "@DIR@/empty.txt", "@DIR@/missing"),
    "created": ("@DIR@/new.out", "@DIR@/a-dir", "@DIR@/no-dir/new.out", "@DIR@/empty.txt", "@DIR@/held-by-dir.sock"),
    "socket": (
        "@DIR@/new.sock",
        "@DIR@/held-by-file.sock",
        "@DIR@/held-by-dir.sock",
        "@DIR@/stale.sock",
        "@DIR@/no-dir/x.sock",
        "@DIR@/" + "s" * 120 + ".sock",
    ),
}


def configurations(model: type[BackendArgs], most: int = 4) -> st.SearchStrategy[dict[str, Any]]:
    """ARGS of ``model``: up to ``most`` of its options, each under its documented spelling."""
    options = {meta.spellings[0]: name for name, meta in model.options().items() if meta.name not in NOT_DRAWN}
    keys = st.lists(st.sampled_from(sorted(options)), max_size=most, unique=True)
    return keys.flatmap(
        lambda chosen: st.fixed_dictionaries(
            {key: option_values(model.model_fields[options[key]], model.options()[options[key]]) for key in chosen}
        )
    )


def option_values(info: FieldInfo, meta: OptionMeta) -> st.SearchStrategy[Any]:
    """Values of one option: its own kind's, or what its type and bounds allow (edges first)."""
    if meta.name in BY_NAME:
        return st.sampled_from(BY_NAME[meta.name])
    one = _item_values(info, meta)
    if is_repeatable(info):
        return st.lists(one, min_size=1, max_size=3)
    return one


def _item_values(info: FieldInfo, meta: OptionMeta) -> st.SearchStrategy[Any]:
    annotation, _ = item_type(info)
    if choices(info):
        return st.sampled_from(choices(info))
    if meta.path is not None or annotation is Path:
        goods = [path for word, paths in GOOD_FILES.items() if word in meta.name for path in paths]
        bad = st.sampled_from(PATHS_BY_ROLE[meta.path or "exists"])
        # Mostly a suitable file where one exists, so that the options it enables get drawn too.
        return st.one_of(st.sampled_from(goods), st.sampled_from(goods), bad) if goods else bad
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.sampled_from(_int_edges(info, meta))
    if annotation is float:
        return st.sampled_from(_float_edges(info))
    if annotation is dict or typing.get_origin(annotation) is dict:
        return st.sampled_from(({}, {"x": "y"}))
    if annotation is SecretStr:
        return st.sampled_from(("s3cret", "pa ss", "", "a\x00b", "%"))
    return st.sampled_from(TEXT)


def _bounds(info: FieldInfo) -> tuple[int | float | None, int | float | None]:
    low = next((m.ge if isinstance(m, Ge) else m.gt for m in info.metadata if isinstance(m, (Ge, Gt))), None)
    high = next((m.le if isinstance(m, Le) else m.lt for m in info.metadata if isinstance(m, (Le, Lt))), None)
    return low, high  # type: ignore[return-value]


def _int_edges(info: FieldInfo, meta: OptionMeta) -> list[int]:
    """0, 1, each bound and its neighbour, the default; counts at most 4."""
    low, high = _bounds(info)
    top = 4 if meta.name in COUNTS else (high if high is not None else 2**63)
    candidates = {0, 1, 2, 3, int(low or 0), int(low or 0) + 1, int(top), int(top) - 1, 2**31 - 1}
    if isinstance(info.default, int) and not isinstance(info.default, bool):
        candidates.add(info.default)
    bottom = int(low) if low is not None else -1
    return sorted(value for value in candidates if bottom <= value <= top)


def _float_edges(info: FieldInfo) -> list[float]:
    low, high = _bounds(info)
    candidates = [0.0, 0.001, 0.5, 1.0, 30.0, 1e9, float(high) if high is not None else 1e18]
    return [value for value in candidates if (low is None or value >= low) and (high is None or value <= high)]


def resolved(value: Any, directory: Path, ports: tuple[int, int]) -> Any:
    """``value`` with its placeholders replaced, in strings, lists and dict values."""
    if isinstance(value, str):
        text = value.replace("@DIR@", str(directory)).replace("@PORT2@", str(ports[1]))
        return text.replace("@PORT@", str(ports[0]))
    if isinstance(value, list):
        return [resolved(item, directory, ports) for item in value]
    if isinstance(value, dict):
        return {key: resolved(item, directory, ports) for key, item in value.items()}
    return value
