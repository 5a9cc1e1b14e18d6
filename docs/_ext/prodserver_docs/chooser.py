"""``prodserver-servers`` and ``prodserver-peers``: the servers side by side, for docs/choosing.md.

What each server *is* (interfaces, HTTP/2, TLS, WebSockets, its process and thread model) is
the small table ``SERVERS`` below; the comment on each entry says where the server's own
package states it. Every number comes from ``docs/benchmarks.json``, which ``make bench``
writes with ``docs/benchmarks.md`` from the same results (``benchmarks/summary.py``): nothing
measured is typed here. The backends a server has in django-prodserver are read from
``django_prodserver.registry``, and its page is linked when ``backends/<key>.md`` exists.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .tables import Cell, code, table


@dataclass(frozen=True)
class Server:
    """One server's facts, as short texts (`backticks` make inline code)."""

    key: str
    """The backends' package name (``django_prodserver.backends.<key>``) and page (``backends/<key>``)."""
    name: str
    checked: str
    """The release the facts were read from."""
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
    # Granian 2.8.7: its README ("Features": ASGI/3, RSGI and WSGI; HTTP/1 and HTTP/2; HTTPS and
    # mTLS; Websockets), `granian --help` (--http auto|1|2, --ws, --workers, --blocking-threads
    # "per worker", --runtime-threads, --ssl-certificate/--ssl-keyfile/--ssl-ca) and its
    # classifiers (Rust; Linux, macOS, Windows). h2c under `http: auto` is what benchmarks.md measures.
    Server(
        key="granian",
        name="Granian",
        checked="granian 2.8.7",
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
        checked="gunicorn 27.0.1",
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
    # uvicorn 0.54.0: its README ("an ASGI web server"; HTTP/1.1, HTTP/2 and WebSockets;
    # uvicorn[standard] brings uvloop, httptools and websockets), uvicorn/main.py (--http2
    # "Requires --http zttp", --workers, --ssl-certfile/--ssl-keyfile),
    # uvicorn/protocols/http/auto_zttp_impl.py (ALPN over TLS, prior-knowledge h2c in cleartext),
    # uvicorn/middleware/wsgi.py (its WSGI implementation "is deprecated") and its classifiers.
    Server(
        key="uvicorn",
        name="uvicorn",
        checked="uvicorn 0.54.0",
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
        checked="waitress 3.0.2",
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


def inline(text: str) -> list[nodes.Node]:
    """``text`` with its `backticked` parts as inline code."""
    parts = text.split("`")
    return [code(part) if index % 2 else nodes.Text(part) for index, part in enumerate(parts) if part]


def strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def lines(texts: Sequence[str]) -> nodes.line_block:
    return nodes.line_block("", *(nodes.line("", "", *inline(text)) for text in texts))


def doc_link(docname: str, text: str, refdoc: str) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline("", text, classes=["doc"]),
        refdomain="std",
        reftype="doc",
        reftarget=f"/{docname}",
        refexplicit=True,
        refdoc=refdoc,
    )


class BenchmarkDirective(SphinxDirective):
    """Reads the benchmark summary (``prodserver_benchmarks`` in conf.py, relative to docs/)."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {}

    def summary(self) -> dict[str, Any]:
        path = Path(self.env.srcdir) / self.config.prodserver_benchmarks
        self.env.note_dependency(str(path))
        try:
            data: dict[str, Any] = json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise self.error(f"Cannot read the benchmark results {path}: {exc}; run `make bench`.") from None
        return data


def rps_text(result: dict[str, Any] | None) -> str | None:
    return None if result is None else f"{result['rps']:,.0f}"


class ServersDirective(BenchmarkDirective):
    """``{prodserver-servers}``: one column per server, one row per fact, then the measured rows."""

    def run(self) -> list[nodes.Node]:
        data = self.summary()
        headers = ["", *(server.name for server in SERVERS)]
        rows: list[Sequence[Cell]] = [self.backend_row()]
        rows += [[strong(label), *(inline(getattr(server, field)) for server in SERVERS)] for label, field in FACTS]
        for view in data["views"]:
            label = nodes.strong("", "", nodes.Text("Requests/s on "), code(view))
            rows.append([label, *(measured(server, data, view) for server in SERVERS)])
        rows.append([strong("Memory (PSS of all processes)"), *(memory(server, data) for server in SERVERS)])
        sources = "Facts read from " + ", ".join(server.checked for server in SERVERS)
        sources += ": their READMEs, command-line help and settings modules."
        return [table(headers, rows, (16, 21, 21, 21, 21)), nodes.paragraph("", sources)]

    def backend_row(self) -> Sequence[Cell]:
        from django_prodserver.registry import BUILTIN_BACKENDS

        cells: list[Cell] = []
        for server in SERVERS:
            prefix = f"django_prodserver.backends.{server.key}."
            names = [path.removeprefix(prefix) for path in BUILTIN_BACKENDS if path.startswith(prefix)]
            if not names:
                cells.append(nodes.emphasis("", "not yet"))
                continue
            cell: list[nodes.Node] = []
            for index, name in enumerate(names):
                cell += [nodes.Text(", "), code(name)] if index else [code(name)]
            page = f"backends/{server.key}"
            if page in self.env.found_docs:
                cell += [nodes.Text(" ("), doc_link(page, "page", self.env.docname), nodes.Text(")")]
            cells.append(cell)
        return [strong("In django-prodserver"), *cells]


def measured(server: Server, data: dict[str, Any], view: str) -> Cell:
    texts = []
    for key, configuration in server.measured:
        text = rps_text(data["servers"].get(key, {}).get("views", {}).get(view))
        if text is not None:
            texts.append(f"{configuration}: {text}")
    return lines(texts) if texts else nodes.emphasis("", "not measured")


def memory(server: Server, data: dict[str, Any]) -> Cell:
    texts = []
    for key, configuration in server.measured:
        used = data["servers"].get(key, {}).get("memory")
        if used:
            texts.append(f"{configuration}: {used['pss_mib']:.0f} MiB")
    return lines(texts) if texts else nodes.emphasis("", "not measured")


class PeersDirective(BenchmarkDirective):
    """``{prodserver-peers}``: every measured server, its throughput and p99 per view, its memory."""

    def run(self) -> list[nodes.Node]:
        data = self.summary()
        if not data["servers"]:
            # A partial `make bench` (without the peers suite) rewrote the file: say so, do not fail.
            text = f"The last benchmark run ({data['date']}) did not measure the servers: run `make bench`."
            return [nodes.paragraph("", "", *inline(text))]
        views = data["views"]
        servers = sorted(data["servers"].values(), key=lambda server: -first_rps(server, views))
        headers = ["Server", *(f"Requests/s on {view} (p99 ms)" for view in views), "Memory MiB: PSS (RSS)"]
        rows = [
            [nodes.strong("", server["label"]), *view_cells(server, views), memory_cell(server)] for server in servers
        ]
        widths = (24, *(60 // len(views),) * len(views), 16)
        return [table(headers, rows, widths), self.provenance(data), setups(servers)]

    def provenance(self, data: dict[str, Any]) -> nodes.paragraph:
        settings, machine = data["settings"], data["machine"]
        servers = {"Django", *(server.key for server in SERVERS)}
        found = {name: version for packages in data["versions"].values() for name, version in packages.items()}
        versions = ", ".join(f"{name} {version}" for name, version in found.items() if name in servers)
        text = (
            f"Measured on {data['date']} by `{data['command']}` on a {machine['nproc']}-core {machine['cpu']}"
            f" with CPython {machine['python']}: {settings['peer_workers']} worker process per server,"
            f" {', '.join(data['protocols'])} with {settings['connections']} connections, the median of"
            f" {settings['rounds']} rounds of {settings['duration']} s. Versions: {versions}. "
        )
        more = doc_link("benchmarks", "Benchmarks", self.env.docname)
        return nodes.paragraph(
            "", "", *inline(text), nodes.Text("Method, noise and every result: "), more, nodes.Text(".")
        )


def first_rps(server: dict[str, Any], views: Sequence[str]) -> float:
    result = server["views"].get(views[0]) if views else None
    return float(result["rps"]) if result else 0.0


def view_cells(server: dict[str, Any], views: Sequence[str]) -> list[Cell]:
    cells: list[Cell] = []
    for view in views:
        result = server["views"].get(view)
        cells.append(f"{result['rps']:,.0f} ({result['p99_ms']:.1f})" if result else "not measured")
    return cells


def memory_cell(server: dict[str, Any]) -> Cell:
    used = server.get("memory")
    return f"{used['pss_mib']:.0f} ({used['rss_mib']:.0f})" if used else "not measured"


def setups(servers: Sequence[dict[str, Any]]) -> nodes.bullet_list:
    """How each measured server was run, as the benchmark recorded it."""
    items = [
        nodes.list_item(
            "", nodes.paragraph("", "", nodes.strong("", server["label"]), nodes.Text(": "), *inline(server["setup"]))
        )
        for server in servers
    ]
    return nodes.bullet_list("", *items)


def setup(app: Sphinx) -> None:
    app.add_config_value("prodserver_benchmarks", "benchmarks.json", "env", types=[str])
    app.add_directive("prodserver-servers", ServersDirective)
    app.add_directive("prodserver-peers", PeersDirective)
