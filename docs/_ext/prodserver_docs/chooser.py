"""The servers side by side, as Markdown, for docs/choosing.md (``servers`` and ``peers`` regions).

What each server *is* (interfaces, HTTP/2, TLS, WebSockets, its process and thread model) is
the small table ``SERVERS`` below; the comment on each entry says where the server's own
package states it, and ``checked`` the release it was read from: rendering fails when another
release is installed, so the drift test (``tests/unit/test_docs_generated.py``) asks for the
facts to be read again rather than letting them age. Every number comes from
``docs/benchmarks.json``, which ``make bench`` writes with ``docs/benchmarks.md`` from the same
results (``benchmarks/summary.py``) before it runs ``docs/_tools/generate.py``: nothing
measured is typed here. The backends a server has in django-prodserver are read from
``django_prodserver.registry``, and its page is linked when ``docs/backends/<key>.md`` exists.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .markdown_tables import code, table

DOCS = Path(__file__).resolve().parents[2]
RESULTS = DOCS / "benchmarks.json"


@dataclass(frozen=True)
class Server:
    """One server's facts, as Markdown (`backticks` make inline code)."""

    key: str
    """The backends' package name (``django_prodserver.backends.<key>``), its page and its distribution."""
    name: str
    checked: str
    """The release of the distribution ``key`` the facts were read from."""
    interfaces: str
    http2: str
    tls: str
    websockets: str
    model: str
    written_in: str
    platforms: str
    measured: tuple[tuple[str, str], ...] = ()
    """(server key in benchmarks.json, configuration in a word) for each configuration the benchmark
    may measure; those the last run did not are left out (``prodserver-<key>``: through prodserver)."""


SERVERS = (
    # Granian 2.8.9: its README ("Features": ASGI/3, RSGI and WSGI; HTTP/1 and HTTP/2; HTTPS and
    # mTLS; Websockets), `granian --help` (--http auto|1|2, --ws, --workers, --blocking-threads
    # "per worker", --runtime-threads, --ssl-certificate/--ssl-keyfile/--ssl-ca) and its
    # classifiers (Rust; Linux, macOS, Windows). h2c under `http: auto` is what benchmarks.md measures.
    Server(
        key="granian",
        name="Granian",
        checked="2.8.9",
        interfaces="ASGI and WSGI (and RSGI, its own)",
        http2="Yes: over TLS, or cleartext (h2c) with `http` `auto` or `2`",
        tls="Yes, and mTLS (`ssl-certificate`, `ssl-keyfile`, `ssl-ca`)",
        websockets="Yes with ASGI; not with WSGI",
        model="`workers` processes, each with a Rust runtime for I/O; WSGI calls run on"
        " `blocking-threads` threads per worker, ASGI on one event loop per worker",
        written_in="Rust (hyper, tokio)",
        platforms="Linux, macOS, Windows",
        measured=(("prodserver-wsgi", "WSGI"), ("prodserver-asgi", "ASGI")),
    ),
    # gunicorn 27.0.1: its README ("a Python WSGI HTTP Server for UNIX", "pre-fork worker model",
    # ASGI support, HTTP/2 "beta"), gunicorn/config.py (worker_class sync/gthread/gevent/tornado,
    # threads, certfile/keyfile, http_protocols "versionadded 25.0.0" needing TLS with ALPN and
    # gunicorn[http2], http2_cleartext for a trusted proxy), gunicorn/workers/sync.py ("HTTP/2 is
    # not supported by the sync worker") and gunicorn/workers/gasgi.py ("WebSocket connections").
    Server(
        key="gunicorn",
        name="gunicorn",
        checked="27.0.1",
        interfaces="WSGI; ASGI with the `asgi` worker class",
        http2="Beta: over TLS, or h2c behind a trusted proxy; `gthread`, `gevent` and `asgi` workers"
        " (not `sync`); needs `gunicorn[http2]`",
        tls="Yes (`certfile`, `keyfile`)",
        websockets="With the `asgi` worker class only",
        model="Pre-fork: an arbiter and `workers` processes; `sync` serves one request at a time per"
        " worker, `gthread` runs `threads` threads per worker",
        written_in="Python",
        platforms="Unix (Linux, macOS)",
        measured=(("gunicorn-sync", "sync"), ("gunicorn-gthread", "gthread"), ("prodserver-gunicorn", "prodserver")),
    ),
    # uvicorn 0.55.0: its README ("an ASGI web server"; HTTP/1.1, HTTP/2 and WebSockets;
    # uvicorn[standard] brings uvloop, httptools and websockets), uvicorn/main.py (--http2
    # "Requires --http zttp", --workers, --ssl-certfile/--ssl-keyfile),
    # uvicorn/protocols/http/auto_zttp_impl.py (ALPN over TLS, prior-knowledge h2c in cleartext),
    # uvicorn/middleware/wsgi.py (its WSGI implementation "is deprecated") and its classifiers.
    Server(
        key="uvicorn",
        name="uvicorn",
        checked="0.55.0",
        interfaces="ASGI (its WSGI mode is deprecated)",
        http2="With `--http zttp --http2` and the `zttp` package: over TLS, or cleartext (h2c)",
        tls="Yes (`ssl-certfile`, `ssl-keyfile`)",
        websockets="Yes (`websockets` or `wsproto`, in `uvicorn[standard]`)",
        model="One event loop per process; `workers` above 1 starts that many processes under a supervisor",
        written_in="Python; with `uvicorn[standard]`, uvloop and httptools (C)",
        platforms="Any (uvloop: not on Windows)",
        measured=(("uvicorn", "ASGI"), ("prodserver-uvicorn", "prodserver")),
    ),
    # waitress 3.0.2: its README ("pure-Python WSGI server", no dependency outside the standard
    # library, "Unix and Windows", "HTTP/1.0 and HTTP/1.1") and waitress/adjustments.py
    # (`threads = 4`; no TLS setting, `trusted_proxy` headers for a proxy that terminates TLS).
    Server(
        key="waitress",
        name="waitress",
        checked="3.0.2",
        interfaces="WSGI",
        http2="No (HTTP/1.0 and HTTP/1.1)",
        tls="No: a proxy in front terminates TLS (`trusted_proxy`)",
        websockets="No",
        model="One process; `threads` threads (4 by default) behind one I/O loop",
        written_in="Python, standard library only",
        platforms="Unix and Windows",
        measured=(("prodserver-waitress", "prodserver"),),
    ),
)

FACTS = (
    ("Interfaces", "interfaces"),
    ("HTTP/2", "http2"),
    ("TLS", "tls"),
    ("WebSockets", "websockets"),
    ("Workers and threads", "model"),
    ("Written in", "written_in"),
    ("Platforms", "platforms"),
)

NOT_MEASURED = "*not measured*"


def servers_body() -> str:
    """The ``servers`` region: one column per server, one row per fact, then the measured rows."""
    data = summary()
    headers = ["", *(server.name for server in SERVERS)]
    rows = [["**In django-prodserver**", *(backends_cell(server) for server in SERVERS)]]
    rows += [[f"**{label}**", *(getattr(server, field) for server in SERVERS)] for label, field in FACTS]
    for view in data["views"]:
        rows.append([f"**Requests/s on {code(view)}**", *(measured(server, data, view) for server in SERVERS)])
    rows.append(["**Memory (PSS of all processes)**", *(memory(server, data) for server in SERVERS)])
    sources = ", ".join(f"{server.key} {checked(server)}" for server in SERVERS)
    sources = f"Facts read from {sources}: their READMEs, command-line help and settings modules."
    return f"{table(headers, rows)}\n{sources}\n"


def checked(server: Server) -> str:
    """The release the facts were read from, which must be of the installed release's series.

    A new minor release (gunicorn 27.1) may add or change what the table says, so it must be read
    again; a patch release (2.8.10) fixes bugs, and failing the suite on it would only teach people
    to bump the number without reading.
    """
    installed = version(server.key)
    if _series(installed) != _series(server.checked):
        raise ValueError(
            f"the facts on {server.name} were read from {server.key} {server.checked}, and {installed} is"
            " installed: read them again (the comments on SERVERS in docs/_ext/prodserver_docs/chooser.py"
            " say where) and update `checked`"
        )
    return server.checked


def _series(release: str) -> tuple[str, ...]:
    return tuple(release.split(".")[:2])


def summary() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(RESULTS.read_text())
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read the benchmark results {RESULTS}: {exc}; run `make bench`") from None
    return data


def backends_cell(server: Server) -> str:
    from django_prodserver.registry import BUILTIN_BACKENDS

    prefix = f"django_prodserver.backends.{server.key}."
    names = [code(path.removeprefix(prefix)) for path in BUILTIN_BACKENDS if path.startswith(prefix)]
    if not names:
        return "*not yet*"
    page = Path("backends") / f"{server.key}.md"
    return ", ".join(names) + (f" ([page]({page.as_posix()}))" if (DOCS / page).exists() else "")


def measured(server: Server, data: dict[str, Any], view: str) -> str:
    texts = []
    for key, configuration in server.measured:
        result = data["servers"].get(key, {}).get("views", {}).get(view)
        if result is not None:
            texts.append(f"{configuration}: {result['rps']:,.0f}")
    return "; ".join(texts) or NOT_MEASURED


def memory(server: Server, data: dict[str, Any]) -> str:
    texts = []
    for key, configuration in server.measured:
        used = data["servers"].get(key, {}).get("memory")
        if used:
            texts.append(f"{configuration}: {used['pss_mib']:.0f} MiB")
    return "; ".join(texts) or NOT_MEASURED


def peers_body() -> str:
    """The ``peers`` region: every measured server, its throughput and p99 per view, its memory."""
    data = summary()
    if not data["servers"]:
        # A partial `make bench` (without the peers suite) rewrote the file: say so, do not fail.
        return f"The last benchmark run ({data['date']}) did not measure the servers: run `make bench`.\n"
    views = data["views"]
    servers = sorted(data["servers"].values(), key=lambda server: -first_rps(server, views))
    headers = ["Server", *(f"Requests/s on {code(view)} (p99 ms)" for view in views), "Memory MiB: PSS (RSS)"]
    rows = [[f"**{server['label']}**", *view_cells(server, views), memory_cell(server)] for server in servers]
    setups = "".join(f"- **{server['label']}**: {server['setup']}\n" for server in servers)
    return f"{table(headers, rows)}\n{provenance(data)}\n\n{setups}"


def provenance(data: dict[str, Any]) -> str:
    settings, machine = data["settings"], data["machine"]
    names = {"Django", *(server.key for server in SERVERS)}
    found = {name: release for packages in data["versions"].values() for name, release in packages.items()}
    versions = ", ".join(f"{name} {release}" for name, release in found.items() if name in names)
    return (
        f"Measured on {data['date']} by `{data['command']}` on a {machine['nproc']}-core {machine['cpu']}"
        f" with CPython {machine['python']}: {settings['peer_workers']} worker process per server,"
        f" {', '.join(data['protocols'])} with {settings['connections']} connections, the median of"
        f" {settings['rounds']} rounds of {settings['duration']} s. Versions: {versions}."
        " Method, noise and every result: [Benchmarks](benchmarks.md)."
    )


def first_rps(server: dict[str, Any], views: Sequence[str]) -> float:
    result = server["views"].get(views[0]) if views else None
    return float(result["rps"]) if result else 0.0


def view_cells(server: dict[str, Any], views: Sequence[str]) -> list[str]:
    cells = []
    for view in views:
        result = server["views"].get(view)
        cells.append(f"{result['rps']:,.0f} ({result['p99_ms']:.1f})" if result else NOT_MEASURED)
    return cells


def memory_cell(server: dict[str, Any]) -> str:
    used = server.get("memory")
    return f"{used['pss_mib']:.0f} ({used['rss_mib']:.0f})" if used else NOT_MEASURED
