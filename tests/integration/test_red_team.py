"""Issue 13: what ``manage.py check`` accepts, ``prodserver`` can run; what it cannot run is an error naming the key.

Black-box acceptance tests, one per defect instance found by the red team (see RED_TEAM_FINDINGS.md
beside this file): they go through ``manage.py check``, ``manage.py prodserver NAME --dry-run`` and
real starts of example/ only.  Most cases are processes of one shared setting, judged by one
``check`` run (each test reads the messages about its own process); a crashed shared run falls
back to one run per case.  Real servers start only for the top edge of the bounds and for the
defects that only a start shows.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from .red_team_checks import Cases, Run, crashed, process, run_manage
from .red_team_material import NAME_MAX, PASSWORD, UDS_PATH_MAX, Material, write_material
from .servers import ASGI, SETTINGS_MODULE, WSGI, Launcher, ProdServer, free_port, write_settings

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]

# -- The bounds: one table, derived from the types Granian 2.8 stores each option in ------------
# (RED_TEAM_FINDINGS.md gives the file and line of each; every top edge below was served by real
# Granian 2.8.7, every value one above it crashed or hung it.)
U16_MAX = 2**16 - 1
I32_MAX = 2**31 - 1
"""The listen backlog: socket2 takes an i32 (OverflowError at start above it)."""
U32_MAX = 2**32 - 1
"""h2/hyper settings held as u32; hyper asserts max_send_buf_size <= u32::MAX."""
U64_MAX = 2**64 - 1
"""usize on 64-bit Linux: http1 max_buf_size, WSGI blocking (Python) threads."""
PID_MAX_LIMIT = 2**22
"""Linux never runs more tasks (processes or threads) than this: workers, runtime threads."""
TOKIO_MAX_PERMITS = 2**61 - 1
"""tokio::sync::Semaphore::MAX_PERMITS (usize::MAX >> 3): backpressure above it panics the worker."""
RUNTIME_BLOCKING_MAX = U64_MAX - PID_MAX_LIMIT
"""tokio adds worker_threads to max_blocking_threads as usize: the sum wraps and the worker hangs."""
SLEEP_MAX = 2**33
"""Seconds Python's time.sleep takes (int64 nanoseconds, less the monotonic clock, with margin)."""
INSTANT_MAX = 2**62
"""Seconds hyper adds to Instant::now() for the HTTP/2 ping timeout (i64 seconds, with margin)."""
H2_MAX_WINDOW = 2**31 - 1
"""RFC 9113 section 6.9.1: the largest flow-control window."""
H2_MIN_FRAME, H2_MAX_FRAME = 2**14, 2**24 - 1
"""RFC 9113 section 6.5.2: SETTINGS_MAX_FRAME_SIZE."""
MIB_IN_U64 = U64_MAX >> 20
"""workers-max-rss is MiB compared with a u64 byte count: above this it never triggers."""


@dataclass(frozen=True)
class Bound:
    key: str
    low: float | None
    high: float | None
    backend: str = ASGI
    needs: Callable[[Material], Mapping[str, Any]] = field(default=lambda material: {})
    """Other options this one needs to take effect."""
    start: bool = True
    """Whether the top edge is served by the shared edge server (not for ports, counts of processes...)."""


def _uds(material: Material) -> Mapping[str, Any]:
    return {"uds": str(material.directory / "bound.sock")}


def _metrics(material: Material) -> Mapping[str, Any]:
    return {"metrics": True}


def _static(material: Material) -> Mapping[str, Any]:
    return {"static-path-mount": [str(material.static)]}


def _reload(material: Material) -> Mapping[str, Any]:
    return {"reload": True}


BOUNDS: tuple[Bound, ...] = (
    Bound("port", 0, U16_MAX, start=False),
    Bound("uds-permissions", 0, 0o7777, needs=_uds, start=False),
    Bound("backlog", 128, I32_MAX),
    Bound("workers", 1, PID_MAX_LIMIT, start=False),
    Bound("blocking-threads-idle-timeout", 5, 600),
    Bound("runtime-threads", 1, PID_MAX_LIMIT, start=False),
    Bound("runtime-blocking-threads", 1, RUNTIME_BLOCKING_MAX),
    Bound("backpressure", 1, TOKIO_MAX_PERMITS),
    Bound("http1-buffer-size", 8192, U64_MAX),
    Bound("http1-header-read-timeout", 1, 60_000),
    Bound("http2-initial-connection-window-size", 1024, H2_MAX_WINDOW),
    Bound("http2-initial-stream-window-size", 1024, H2_MAX_WINDOW),
    # The edge server pings every millisecond (the bottom edge), so that the timeout's top edge is exercised.
    Bound("http2-keep-alive-interval", 1, 60_000, start=False),
    Bound("http2-keep-alive-timeout", 1, INSTANT_MAX),
    Bound("http2-max-concurrent-streams", 10, U32_MAX),
    Bound("http2-max-frame-size", H2_MIN_FRAME, H2_MAX_FRAME),
    Bound("http2-max-headers-size", 167, U32_MAX),
    Bound("http2-max-send-buffer-size", 1024, U32_MAX),
    Bound("respawn-interval", 0, SLEEP_MAX),
    Bound("rss-sample-interval", 1, 300),
    Bound("rss-samples", 1, None),
    Bound("workers-lifetime", 60, SLEEP_MAX),
    Bound("workers-max-rss", 1, MIB_IN_U64),
    Bound("workers-kill-timeout", 1, 1800),
    Bound("static-path-expires", 0, None, needs=_static),
    Bound("metrics-port", 0, U16_MAX, needs=_metrics, start=False),
    Bound("metrics-scrape-interval", 1, 60, needs=_metrics),
    Bound("reload-tick", 50, 5000, needs=_reload, start=False),
    Bound("threads", 1, U64_MAX, backend=WSGI, start=False),
)
EDGES = ("below", "low", "high", "above")


def edge_value(bound: Bound, edge: str) -> float | None:
    if edge in {"below", "low"}:
        return None if bound.low is None else bound.low - (1 if edge == "below" else 0)
    return None if bound.high is None else bound.high + (1 if edge == "above" else 0)


BOUND_CASES = [
    pytest.param(bound, edge, id=f"{bound.key}-{edge}")
    for bound in BOUNDS
    for edge in EDGES
    if edge_value(bound, edge) is not None
]


def bound_case(bound: Bound, edge: str) -> str:
    return f"bound-{bound.key}-{edge}"


# -- The cases: group name -> processes, built from the material files -------------------------


def tls(material: Material, **more: Any) -> dict[str, Any]:
    return {"ssl-cert": str(material.good.cert), "ssl-key": str(material.good.key), **more}


CASES: dict[str, Callable[[Material], Mapping[str, Any]]] = {
    # 1: values far above what Granian's Rust side holds
    "respawn-interval-inf": lambda m: {"respawn-interval": "inf"},
    "respawn-interval-nan": lambda m: {"respawn-interval": "nan"},
    # 3: keys Python's ssl loads and Granian 2.8 cannot
    "tls-encrypted-pkcs8": lambda m: tls(m, **{"ssl-key": str(m.encrypted_pkcs8), "ssl-keyfile-password": PASSWORD}),
    "tls-encrypted-traditional": lambda m: tls(
        m, **{"ssl-key": str(m.encrypted_traditional), "ssl-keyfile-password": PASSWORD}
    ),
    "tls-password-for-a-plain-key": lambda m: tls(m, **{"ssl-key": str(m.plain_pkcs8), "ssl-keyfile-password": "x"}),
    "tls-p521": lambda m: {"ssl-cert": str(m.p521.cert), "ssl-key": str(m.p521.key)},
    "tls-ed448": lambda m: {"ssl-cert": str(m.ed448.cert), "ssl-key": str(m.ed448.key)},
    "tls-dsa": lambda m: {"ssl-cert": str(m.dsa.cert), "ssl-key": str(m.dsa.key)},
    "tls-ca-without-a-certificate": lambda m: tls(m, **{"ssl-ca": str(m.good.key)}),
    "tls-crl-not-a-crl": lambda m: tls(m, **{"ssl-ca": str(m.ca), "ssl-crl": [str(m.good.cert)]}),
    "tls-crl-without-ca": lambda m: tls(m, **{"ssl-crl": [str(m.crl_of_ca)]}),
    # ... and the twins Granian serves
    "tls-good": tls,
    "tls-p384": lambda m: {"ssl-cert": str(m.p384.cert), "ssl-key": str(m.p384.key)},
    "tls-ed25519": lambda m: {"ssl-cert": str(m.ed25519.cert), "ssl-key": str(m.ed25519.key)},
    "tls-ca-and-crl": lambda m: tls(m, **{"ssl-ca": str(m.ca), "ssl-crl": [str(m.crl_of_ca)]}),
    # 4: addresses Python accepts and Granian does not
    "address-zone": lambda m: {"address": "fe80::1%lo"},
    "metrics-address-zone": lambda m: {"metrics": True, "metrics-address": "::1%lo"},
    "address-v6": lambda m: {"address": "::1"},
    "address-v4-mapped": lambda m: {"address": "::ffff:127.0.0.1"},
    # 5: files judged only by existence
    "log-config-dictconfig-rejects": lambda m: {"log-config": str(m.dict_config_rejects)},
    "log-config-version-2": lambda m: {"log-config": str(m.dict_config_bad_version)},
    "log-config-good": lambda m: {"log-config": str(m.good_log_config)},
    "pid-file-directory": lambda m: {"pid-file": str(m.a_directory)},
    "uds-too-long": lambda m: {"uds": m.long_uds(UDS_PATH_MAX + 1)},
    "uds-longest": lambda m: {"uds": m.long_uds(UDS_PATH_MAX)},
    # 6: access-log-fmt placeholders Granian does not provide
    "access-log-fmt-unknown": lambda m: {"access-log-fmt": "%(remote_addr)s %(path)s"},
    "access-log-fmt-wrong-conversion": lambda m: {"access-log-fmt": "%(path)d"},
    "access-log-fmt-good": lambda m: {"access-log-fmt": '%(addr)s "%(method)s %(path)s" %(header{user-agent})s'},
    # 7: silent traps
    "uds-permissions-decimal": lambda m: {"uds": str(m.directory / "decimal.sock"), "uds-permissions": 660},
    "uds-permissions-octal": lambda m: {"uds": str(m.directory / "octal.sock"), "uds-permissions": "0660"},
    "static-route-relative": lambda m: {"static-path-mount": [str(m.static)], "static-path-route": ["static"]},
    "static-route-root": lambda m: {"static-path-mount": [str(m.static)], "static-path-route": ["/"]},
    "static-routes-as-a-set": lambda m: {
        "static-path-mount": [str(m.static), str(m.media)],
        "static-path-route": {"/static", "/media"},
    },
    "static-routes-as-a-list": lambda m: {
        "static-path-mount": [str(m.static), str(m.media)],
        "static-path-route": ["/static", "/media"],
    },
    "workers-absurd": lambda m: {"workers": 100_000},
    "workers-sane": lambda m: {"workers": 4},
    # 8: follow-on messages that contradict the first one
    "bad-route-type": lambda m: {
        "static-path-mount": [str(m.static), str(m.media)],
        "static-path-route": ["/static", 5],
    },
    "bad-mount-type": lambda m: {"static-path-mount": 5, "static-path-route": "/static"},
    "bad-cert-type": lambda m: {"ssl-cert": 42, "ssl-key": str(m.good.key)},
    "bad-key-type": lambda m: {"ssl-cert": str(m.good.cert), "ssl-key": 42},
    "bad-metrics-type": lambda m: {"metrics": "maybe", "metrics-port": 29_001},
    "bad-uds": lambda m: {"uds": "", "uds-permissions": "0660"},
    "bad-reload-type": lambda m: {"reload": "maybe", "reload-tick": 100},
    "unknown-far-from-any": lambda m: {"worker-class": "sync"},
    "unknown-close-to-workers": lambda m: {"wokers": 2},
    # 9: padding
    "padded": lambda m: {
        "address": " 127.0.0.1 ",
        "workers": " 2 ",
        "http": " 1 ",
        "log-level": " info ",
        "workers-lifetime": " 1h ",
        "metrics": True,
        "metrics-address": " 127.0.0.1 ",
    },
    # 11, 14: a valid process to print
    "plain": lambda m: {"workers": 2},
    # 15 (round 3): text no system call takes
    "r3-nul-process-name": lambda m: {"process-name": "web\x00"},
    "r3-nul-pid-file": lambda m: {"pid-file": str(m.directory / "web\x00.pid")},
    "r3-nul-uds": lambda m: {"uds": str(m.directory / "web\x00.sock")},
    "r3-surrogate-pid-file": lambda m: {"pid-file": str(m.directory / "\udcff.pid")},
    "r3-empty-access-log-fmt": lambda m: {"access-log-fmt": ""},
    # ... prefixes Django cannot strip, static routes that serve nothing
    "r3-prefix-relative": lambda m: {"url-path-prefix": "api"},
    "r3-prefix-trailing-slash": lambda m: {"url-path-prefix": "/api/"},
    "r3-prefix-root": lambda m: {"url-path-prefix": "/"},
    "r3-prefix-good": lambda m: {"url-path-prefix": "/api"},
    "r3-route-trailing-slash": lambda m: {"static-path-mount": [str(m.static)], "static-path-route": ["/static/"]},
    "r3-route-shadowed": lambda m: {
        "static-path-mount": [str(m.static), str(m.media)],
        "static-path-route": ["/s", "/s/media"],
    },
    "r3-routes-longest-first": lambda m: {
        "static-path-mount": [str(m.media), str(m.static)],
        "static-path-route": ["/s/media", "/s"],
    },
    # ... options Granian silently ignores
    "r3-http1-with-http2-option": lambda m: {"http": "1", "http2-max-concurrent-streams": 100},
    "r3-log-off-access-log-on": lambda m: {"log": False},
    "r3-rss-samples-without-max-rss": lambda m: {"rss-samples": 3},
    "r3-uds-permissions-decimal-text": lambda m: {"uds": str(m.directory / "text.sock"), "uds-permissions": "660"},
    "r3-uds-a-regular-file": lambda m: {"uds": str(m.good.cert)},
    # ... a contradicting follow-on
    "r3-password-without-tls": lambda m: {"ssl-keyfile-password": "x"},
}

GROUPS: dict[str, Callable[[Material], dict[str, dict[str, Any]]]] = {
    # 7: two processes sharing a metrics port (each its own server port)
    "metrics-shared": lambda m: {
        "metrics-shared-a": process({"metrics": True, "metrics-port": 29_100}),
        "metrics-shared-b": process({"metrics": True, "metrics-port": 29_100}),
    },
    "metrics-on-a-server-port": lambda m: {
        "metrics-cross-server": process({"port": 29_200}),
        "metrics-cross-metrics": process({"metrics": True, "metrics-port": 29_200}),
    },
    "metrics-port-zero": lambda m: {
        "metrics-zero-a": process({"metrics": True, "metrics-port": 0}),
        "metrics-zero-b": process({"metrics": True, "metrics-port": 0}),
    },
    # 8: W047 for two processes on port 0
    "port-zero": lambda m: {"port-zero-a": process({"port": 0}), "port-zero-b": process({"port": 0})},
}

LONG_NAME_KEYS = ("pid-file", "log-config", "static-path-mount", "env-files", "ssl-ca")


def long_name_args(material: Material, key: str, length: int) -> dict[str, Any]:
    path = material.long_name(length)
    value: Any = [path] if key in {"static-path-mount", "env-files"} else path
    return tls(material, **{key: value}) if key == "ssl-ca" else {key: value}


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    return write_material(tmp_path_factory.mktemp("red_team"))


def _cases(tmp_path_factory: pytest.TempPathFactory) -> Cases:
    return Cases(lambda: tmp_path_factory.mktemp("settings"), tmp_path_factory.mktemp("db") / "unused.sqlite3")


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, material: Material) -> Cases:
    """Every case in one shared setting (a crash of its check is bisected, see ``Cases.check``)."""
    built = _cases(tmp_path_factory)
    for name, args in CASES.items():
        built.add(name, args(material))
    for name, processes in GROUPS.items():
        built.add_group(name, processes(material))
    for bound in BOUNDS:
        for edge in EDGES:
            value = edge_value(bound, edge)
            if value is not None:
                built.add(bound_case(bound, edge), {**bound.needs(material), bound.key: value}, bound.backend)
    for key in LONG_NAME_KEYS:
        built.add(f"long-name-{key}", long_name_args(material, key, NAME_MAX + 1))
        built.add(f"longest-name-{key}", long_name_args(material, key, NAME_MAX))
    return built


# -- Assertions on what check and prodserver said -------------------------------------------------


def errors_on(run: Run, process_name: str, key: str) -> list[str]:
    return [f"{e.id} {e.message}" for e in run.about(process_name) if e.is_error and e.names(key)]


def problems_on(run: Run, process_name: str, key: str) -> list[str]:
    return [f"{e.id} {e.message}" for e in run.about(process_name) if e.names(key)]


def ids_about(run: Run, process_name: str) -> list[str]:
    return [entry.id for entry in run.about(process_name)]


def assert_no_crash(run: Run) -> None:
    assert not crashed(run.output), run.describe()
    assert "prodserver.E012" not in run.output, run.describe()


def assert_named(run: Run, process_name: str, keys: Sequence[str], *, error: bool) -> None:
    """``check`` reported the process at one of ``keys`` (an error, if ``error``), without crashing."""
    assert_no_crash(run)
    found = [message for key in keys for message in (errors_on if error else problems_on)(run, process_name, key)]
    assert found, f"no {'error' if error else 'problem'} at {keys} for {process_name!r}:\n{run.describe()}"


def assert_not_named(run: Run, process_name: str, keys: Sequence[str]) -> None:
    assert_no_crash(run)
    found = [message for key in keys for message in problems_on(run, process_name, key)]
    assert not found, f"unexpected problems for {process_name!r}: {found}"


def assert_refused(run: Run, keys: Sequence[str]) -> None:
    """``prodserver`` refused to start, in words that name one of ``keys``, without a traceback."""
    assert run.returncode != 0, run.describe()
    assert not crashed(run.output), run.describe()
    assert "Spawning worker" not in run.output, run.describe()
    assert any(f"[{key!r}]" in run.output or f"--{key}" in run.output for key in keys), run.describe()


# -- 1. Integer (and float) options bounded on both sides, from one table -------------------------


@pytest.mark.parametrize(("bound", "edge"), BOUND_CASES)
def test_bound_edges_are_judged_by_check(cases: Cases, bound: Bound, edge: str) -> None:
    name = bound_case(bound, edge)
    run = cases.check(name)

    if edge in {"below", "above"}:
        assert_named(run, name, [bound.key], error=True)
        # Below a request limit's floor, every request would be refused (E066); elsewhere, out of range (E023).
        refusals = ("prodserver.E023", "prodserver.E066")
        assert any(message.startswith(refusals) for message in errors_on(run, name, bound.key)), run.describe()
    else:
        assert_no_crash(run)
        assert not errors_on(run, name, bound.key), run.describe()


# Bounded options the table leaves to their own rules: blocking-threads is E040 above 1 for ASGI,
# and the ASGI backend ignores threads (W042).
NOT_IN_TABLE = {"blocking-threads", "threads"}
_HELP_OPTION = re.compile(r"^  --(?P<key>[a-z0-9-]+) (?P<metavar>[A-Z]+)\b(?P<text>.*?)(?=^  --|\Z)", re.M | re.S)
_RANGE = re.compile(r"(?:between (?P<low>[-\d.]+) and (?P<high>[-\d.]+)|at least (?P<least>[-\d.]+))")


def _number(text: str) -> float:
    return float(text) if "." in text else int(text)


def test_the_table_has_every_numeric_option_with_the_range_prodserver_applies(cases: Cases) -> None:
    """The table above is the one derivation: ``prodserver --help`` must state exactly its ranges."""
    run = cases.prodserver("plain", "--help")
    assert run.returncode == 0, run.describe()
    stated: dict[str, tuple[float | None, float | None]] = {}
    for option in _HELP_OPTION.finditer(run.stdout):
        text = " ".join(option["text"].split())
        found = _RANGE.search(text)
        if option["metavar"] in {"N", "DURATION", "SECONDS"} or found:
            assert found, f"--{option['key']} takes a number but states no range: {text}"
            if found["least"] is not None:
                stated[option["key"]] = (_number(found["least"]), None)
            else:
                stated[option["key"]] = (_number(found["low"]), _number(found["high"]))
    table = {bound.key: (bound.low, bound.high) for bound in BOUNDS if bound.backend == ASGI}

    assert {key: stated.get(key) for key in table} == table
    assert set(stated) - set(table) - NOT_IN_TABLE == set(), "numeric options missing from BOUNDS"


def _edge_args(material: Material, backend: str) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for bound in BOUNDS:
        if bound.start and bound.backend == backend and bound.high is not None:
            args.update(bound.needs(material))
            args[bound.key] = bound.high
    return args


def _exercise(server: ProdServer, *, http2: bool) -> None:
    """HTTP/1.1, HTTP/2 (h2c prior knowledge, a connection kept idle across pings), then still serving."""
    response = httpx.get(server.url("/"), timeout=5)
    assert response.status_code == 200, server.output()
    if http2:
        with httpx.Client(http1=False, http2=True, timeout=5) as client:
            assert client.get(server.url("/")).http_version == "HTTP/2"
            time.sleep(1.0)
            assert client.get(server.url("/")).status_code == 200, server.output()
    time.sleep(0.3)
    assert server.running(), server.output()
    assert not crashed(server.output()), server.output()
    assert "Unexpected exit" not in server.output(), server.output()


def test_asgi_serves_with_every_top_edge(launcher: Launcher, material: Material) -> None:
    metrics_port = free_port()
    args = {
        **_edge_args(material, ASGI),
        "http2-keep-alive-interval": 1,
        "metrics": True,
        "metrics-port": metrics_port,
    }

    server = launcher.start(args=args)

    _exercise(server, http2=True)
    assert httpx.get(f"http://127.0.0.1:{metrics_port}/", timeout=5).status_code == 200


def test_wsgi_serves_with_every_top_edge(launcher: Launcher, material: Material) -> None:
    top = {bound.key: bound.high for bound in BOUNDS if bound.backend == WSGI}
    server = launcher.start(WSGI, {**top, "backpressure": TOKIO_MAX_PERMITS, "http1-buffer-size": U64_MAX})

    _exercise(server, http2=True)


@pytest.mark.parametrize("name", ["respawn-interval-inf", "respawn-interval-nan"])
def test_respawn_interval_must_be_finite(cases: Cases, name: str) -> None:
    # time.sleep(inf) raises OverflowError in Granian's main loop at the first respawn.
    assert_named(cases.check(name), name, ["respawn-interval"], error=True)


# -- 2. The server package missing ----------------------------------------------------------------


@pytest.fixture(scope="module")
def without_granian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A settings directory whose sitecustomize makes granian impossible to find, as without the extra."""
    directory = tmp_path_factory.mktemp("no_granian")
    (directory / "sitecustomize.py").write_text(
        "import sys\n\n\n"
        "class HideGranian:\n"
        "    @staticmethod\n"
        "    def find_spec(name, path=None, target=None):\n"
        "        if name == 'granian' or name.startswith('granian.'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "        return None\n\n\n"
        "sys.meta_path.insert(0, HideGranian)\n"
    )
    write_settings(directory, directory / "unused.sqlite3", {"web": process({"port": free_port()})})
    return directory


@pytest.mark.parametrize("argv", [("check",), ("prodserver", "web")])
def test_a_missing_granian_names_the_extra(without_granian: Path, argv: tuple[str, ...]) -> None:
    run = run_manage(without_granian, *argv)

    assert run.returncode != 0, run.describe()
    assert "django-prodserver[granian]" in run.output, run.describe()
    assert not crashed(run.output), run.describe()
    assert "ModuleNotFoundError" not in run.output, run.describe()


# -- 3. TLS keys and files Python's ssl accepts and Granian 2.8 panics on --------------------------

TLS_REFUSED = {
    "tls-encrypted-pkcs8": ("ssl-key", "ssl-keyfile-password"),
    "tls-encrypted-traditional": ("ssl-key", "ssl-keyfile-password"),
    "tls-password-for-a-plain-key": ("ssl-key", "ssl-keyfile-password"),
    "tls-p521": ("ssl-key", "ssl-cert"),
    "tls-ed448": ("ssl-key", "ssl-cert"),
    "tls-dsa": ("ssl-key", "ssl-cert"),
    "tls-ca-without-a-certificate": ("ssl-ca",),
    "tls-crl-not-a-crl": ("ssl-crl",),
}


@pytest.mark.parametrize(("name", "keys"), TLS_REFUSED.items(), ids=TLS_REFUSED)
def test_tls_files_granian_cannot_load_are_errors(cases: Cases, name: str, keys: tuple[str, ...]) -> None:
    assert_named(cases.check(name), name, keys, error=True)


@pytest.mark.parametrize("name", ["tls-good", "tls-p384", "tls-ed25519", "tls-ca-and-crl"])
def test_tls_files_granian_serves_pass(cases: Cases, name: str) -> None:
    run = cases.check(name)

    assert_no_crash(run)
    assert not [entry for entry in run.about(name) if entry.is_error], run.describe()


def test_a_crl_without_a_ca_is_ignored_by_granian_so_warned(cases: Cases) -> None:
    # Granian reads ssl-crl only to build the client verifier, which it builds only with ssl-ca.
    assert_named(cases.check("tls-crl-without-ca"), "tls-crl-without-ca", ["ssl-crl"], error=False)


# -- 4. Addresses Python accepts and Granian does not --------------------------------------------


@pytest.mark.parametrize(("name", "key"), [("address-zone", "address"), ("metrics-address-zone", "metrics-address")])
def test_an_ipv6_zone_index_is_refused(cases: Cases, name: str, key: str) -> None:
    run = cases.check(name)

    assert_named(run, name, [key], error=True)
    assert any(message.startswith("prodserver.E026") for message in errors_on(run, name, key)), run.describe()


@pytest.mark.parametrize("name", ["address-v6", "address-v4-mapped"])
def test_addresses_granian_binds_pass(cases: Cases, name: str) -> None:
    assert_not_named(cases.check(name), name, ["address"])


# -- 5. Files judged by more than existence --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["log-config-dictconfig-rejects", "log-config-version-2"],
)
def test_a_log_config_dictconfig_rejects_is_reported(cases: Cases, name: str) -> None:
    assert_named(cases.check(name), name, ["log-config"], error=False)


def test_a_log_config_dictconfig_takes_passes(cases: Cases) -> None:
    assert_not_named(cases.check("log-config-good"), "log-config-good", ["log-config"])


def test_a_pid_file_that_is_a_directory_says_to_fix_the_path(cases: Cases) -> None:
    run = cases.check("pid-file-directory")

    assert_named(run, "pid-file-directory", ["pid-file"], error=False)
    hints = [entry.hint for entry in run.about("pid-file-directory") if entry.names("pid-file")]
    assert not [hint for hint in hints if "Create it" in hint], hints


def test_a_socket_path_longer_than_sun_path_is_reported(cases: Cases) -> None:
    assert_named(cases.check("uds-too-long"), "uds-too-long", ["uds"], error=False)


def test_the_longest_socket_path_passes(cases: Cases) -> None:
    assert_not_named(cases.check("uds-longest"), "uds-longest", ["uds"])


@pytest.mark.parametrize("key", LONG_NAME_KEYS)
def test_a_file_name_longer_than_name_max_is_a_file_problem(cases: Cases, key: str) -> None:
    name = f"long-name-{key}"
    run = cases.check(name)

    # A warning in check (W050-like), on its own key; never a traceback or an E012.
    assert_named(run, name, [key], error=False)


@pytest.mark.parametrize("key", LONG_NAME_KEYS)
def test_a_file_name_of_name_max_is_judged_as_usual(cases: Cases, key: str) -> None:
    name = f"longest-name-{key}"
    run = cases.check(name)

    assert_no_crash(run)
    assert all(message.startswith("prodserver.W050") for message in problems_on(run, name, key)), run.describe()


@pytest.fixture
def unreadable(material: Material, tmp_path: Path) -> Iterator[dict[str, Path]]:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: permissions cannot make one unreadable")
    log_config = tmp_path / "logging.json"
    log_config.write_text('{"version": 1}')
    key = tmp_path / "key.pem"
    key.write_bytes(material.good.key.read_bytes())
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    for path in (log_config, key):
        path.chmod(0)
    read_only.chmod(0o555)
    yield {"log-config": log_config, "ssl-key": key, "pid-file": read_only / "web.pid"}
    for path in (log_config, key):
        path.chmod(0o600)
    read_only.chmod(0o755)


@pytest.mark.parametrize("key", ["log-config", "ssl-key", "pid-file"])
def test_a_file_the_user_cannot_use_is_a_file_problem_on_its_key(
    tmp_path_factory: pytest.TempPathFactory, material: Material, unreadable: dict[str, Path], key: str
) -> None:
    args = tls(material, **{key: str(unreadable[key])}) if key == "ssl-key" else {key: str(unreadable[key])}
    cases = _cases(tmp_path_factory)
    cases.add("web", args)

    assert_named(cases.check("web"), "web", [key], error=False)
    assert_refused(cases.prodserver("web", "--dry-run"), [key])


# -- Start: prodserver refuses, on one line naming the key, everything above it cannot run --------

# Errors in check stop prodserver as they stop check (test_command.py); these representatives show
# that the defects above are refused by prodserver itself, file problems included (warnings in check).
REFUSED_AT_START = {
    "address-zone": ("address",),
    "tls-encrypted-pkcs8": ("ssl-key", "ssl-keyfile-password"),
    "log-config-dictconfig-rejects": ("log-config",),
    "long-name-pid-file": ("pid-file",),
}


@pytest.mark.parametrize(
    ("name", "keys"),
    REFUSED_AT_START.items(),
    ids=REFUSED_AT_START,
)
def test_prodserver_refuses_what_granian_cannot_run(cases: Cases, name: str, keys: tuple[str, ...]) -> None:
    assert_refused(cases.prodserver(name, "--dry-run"), keys)


def test_a_socket_path_too_long_is_refused_at_a_real_start(launcher: Launcher, material: Material) -> None:
    # Granian raises OSError("path must be shorter than SUN_LEN") from its Rust socket spec.
    server = launcher.start(args={"uds": material.long_uds(UDS_PATH_MAX + 1)}, wait=False)

    assert server.wait_for_exit() != 0
    assert not crashed(server.output()), server.output()
    assert "['uds']" in server.output() or "--uds" in server.output(), server.output()


def test_a_metrics_zone_address_is_refused_at_a_real_start(launcher: Launcher) -> None:
    # Today: ValueError from Granian's metrics socket after the workers started, and the process never exits.
    server = launcher.start(
        args={"metrics": True, "metrics-port": free_port(), "metrics-address": "::1%lo"}, wait=False
    )

    assert server.wait_for_exit() != 0, server.output()
    assert not crashed(server.output()), server.output()
    assert "Spawning worker" not in server.output(), server.output()


# -- 6. access-log-fmt -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["access-log-fmt-unknown", "access-log-fmt-wrong-conversion"])
def test_an_access_log_format_granian_cannot_fill_is_e046(cases: Cases, name: str) -> None:
    run = cases.check(name)

    assert_named(run, name, ["access-log-fmt"], error=True)
    assert "prodserver.E046" in ids_about(run, name), run.describe()


def test_an_access_log_format_with_granian_placeholders_passes(cases: Cases) -> None:
    assert_not_named(cases.check("access-log-fmt-good"), "access-log-fmt-good", ["access-log-fmt"])


# -- 7. Silent traps: warnings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("uds-permissions-decimal", "uds-permissions"),
        ("static-route-relative", "static-path-route"),
        ("static-route-root", "static-path-route"),
        ("static-routes-as-a-set", "static-path-route"),
        ("workers-absurd", "workers"),
    ],
)
def test_silent_traps_are_warned(cases: Cases, name: str, key: str) -> None:
    assert_named(cases.check(name), name, [key], error=False)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("uds-permissions-octal", "uds-permissions"),
        ("static-routes-as-a-list", "static-path-route"),
        ("workers-sane", "workers"),
    ],
)
def test_their_twins_are_not(cases: Cases, name: str, key: str) -> None:
    assert_not_named(cases.check(name), name, [key])


def test_two_processes_sharing_a_metrics_port_are_warned(cases: Cases) -> None:
    run = cases.check("metrics-shared")

    assert_no_crash(run)
    assert problems_on(run, "metrics-shared-a", "metrics-port") + problems_on(
        run, "metrics-shared-b", "metrics-port"
    ), run.describe()


def test_a_metrics_port_on_another_process_server_port_is_warned(cases: Cases) -> None:
    run = cases.check("metrics-on-a-server-port")

    assert_no_crash(run)
    assert problems_on(run, "metrics-cross-metrics", "metrics-port") + problems_on(
        run, "metrics-cross-server", "port"
    ), run.describe()


def test_metrics_on_port_zero_are_not_shared(cases: Cases) -> None:
    run = cases.check("metrics-port-zero")

    assert_not_named(run, "metrics-zero-a", ["metrics-port"])
    assert_not_named(run, "metrics-zero-b", ["metrics-port"])


# -- 8. Wrong or misleading messages ----------------------------------------------------------------


def test_two_processes_on_port_zero_share_nothing(cases: Cases) -> None:
    run = cases.check("port-zero")

    assert "prodserver.W047" not in ids_about(run, "port-zero-a") + ids_about(run, "port-zero-b"), run.describe()


@pytest.mark.parametrize(
    ("name", "first", "follow_ons"),
    [
        ("bad-route-type", "static-path-route", ["prodserver.E041"]),
        ("bad-mount-type", "static-path-mount", ["prodserver.W046", "prodserver.E041"]),
        ("bad-cert-type", "ssl-cert", ["prodserver.E044", "prodserver.W046"]),
        ("bad-key-type", "ssl-key", ["prodserver.E043", "prodserver.W046"]),
        ("bad-metrics-type", "metrics", ["prodserver.W046"]),
        ("bad-uds", "uds", ["prodserver.W046"]),
        ("bad-reload-type", "reload", ["prodserver.W046"]),
    ],
)
def test_a_rejected_value_has_no_contradicting_follow_on(
    cases: Cases, name: str, first: str, follow_ons: list[str]
) -> None:
    run = cases.check(name)

    assert_named(run, name, [first], error=True)
    assert not set(follow_ons) & set(ids_about(run, name)), run.describe()


def test_no_did_you_mean_for_a_name_that_is_not_close(cases: Cases) -> None:
    run = cases.check("unknown-far-from-any")

    assert_named(run, "unknown-far-from-any", ["worker-class"], error=True)
    assert "did you mean" not in " ".join(errors_on(run, "unknown-far-from-any", "worker-class")), run.describe()


def test_did_you_mean_for_a_close_name(cases: Cases) -> None:
    run = cases.check("unknown-close-to-workers")

    assert "did you mean 'workers'" in " ".join(errors_on(run, "unknown-close-to-workers", "wokers")), run.describe()


# -- 9. Whitespace, handled alike ----------------------------------------------------------------------

PADDED_KEYS = ("address", "workers", "http", "log-level", "workers-lifetime", "metrics-address")


def test_padded_values_are_handled_alike(cases: Cases) -> None:
    run = cases.check("padded")
    assert_no_crash(run)
    rejected = {key for key in PADDED_KEYS if errors_on(run, "padded", key)}

    assert rejected in (set(), set(PADDED_KEYS)), f"rejected only {sorted(rejected)}:\n{run.describe()}"
    if not rejected:
        # Accepted: then stripped everywhere, the command line included.
        dry = cases.prodserver("padded", "--dry-run")
        assert dry.returncode == 0, dry.describe()
        line = next(line for line in dry.stdout.splitlines() if "granian " in line)
        assert "--host 127.0.0.1 " in line, line
        assert "--metrics-address 127.0.0.1 " in line, line


@pytest.fixture(scope="module")
def setting_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """``check --deploy`` on a setting of its own: blank process names are about the whole setting
    (prodserver would refuse every process of the shared one), deploy advice needs --deploy."""
    directory = tmp_path_factory.mktemp("setting")
    processes = {
        "": process({"port": 29_400}),
        " ": process({"port": 29_402}),
        "no-kill-timeout": process({"port": 29_404}),
        "kill-timeout": process({"port": 29_406, "workers-kill-timeout": "30s"}),
    }
    write_settings(directory, directory / "unused.sqlite3", processes)
    return run_manage(directory, "check", "--deploy")


# -- 10. Blank process names ---------------------------------------------------------------------------


def test_blank_process_names_are_e002(setting_run: Run) -> None:
    blank = [entry for entry in setting_run.entries if entry.id == "prodserver.E002"]

    assert len(blank) == 2, setting_run.describe()


def test_prodserver_with_an_empty_name_runs_nothing(cases: Cases) -> None:
    run = cases.prodserver("", "--dry-run")

    assert run.returncode != 0, run.describe()
    assert not crashed(run.output), run.describe()
    assert "granian --interface" not in run.output, run.describe()


# -- 11, 14. What --dry-run prints ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plain_dry_run(cases: Cases) -> Run:
    return cases.prodserver("plain", "--dry-run")


def test_the_command_line_names_the_settings_module_given_with_settings(plain_dry_run: Run) -> None:
    run = plain_dry_run

    assert run.returncode == 0, run.describe()
    assert f"DJANGO_SETTINGS_MODULE={SETTINGS_MODULE}" in run.stdout, run.describe()


def test_the_command_line_names_the_settings_module_of_the_environment(cases: Cases) -> None:
    run = run_manage(
        cases.shared_directory,
        "prodserver",
        "plain",
        "--dry-run",
        env={"DJANGO_SETTINGS_MODULE": SETTINGS_MODULE},
        settings_option=False,
    )

    assert run.returncode == 0, run.describe()
    assert f"DJANGO_SETTINGS_MODULE={SETTINGS_MODULE}" in run.stdout, run.describe()


def test_dry_run_lists_what_was_set_not_every_option(plain_dry_run: Run) -> None:
    run = plain_dry_run

    assert run.returncode == 0, run.describe()
    assert re.search(r"^workers\s+2\s", run.stdout, re.MULTILINE), run.describe()
    # Untouched defaults that are not passed to Granian: ~70 rows of noise.
    for untouched in ("reload-ignore-worker-failure", "static-path-dir-to-file", "http2-adaptive-window"):
        assert not re.search(rf"^{untouched}\s", run.stdout, re.MULTILINE), run.describe()


@pytest.fixture(scope="module")
def runserver_first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("two_backends")
    processes = {
        "dev": process({"port": free_port()}, "django_prodserver.backends.django_runserver.DjangoRunserver"),
        "api": process({"port": free_port()}),
    }
    write_settings(directory, directory / "unused.sqlite3", processes)
    return directory


def test_call_command_overrides_the_named_process_not_the_first(runserver_first: Path) -> None:
    code = (
        "from django.core.management import call_command\n"
        "call_command('prodserver', 'api', '--workers', '8', '--dry-run')"
    )
    run = run_manage(runserver_first, "shell", "-c", code)

    assert run.returncode == 0, run.describe()
    assert "--workers 8" in run.stdout, run.describe()


def test_check_deploy_advises_workers_kill_timeout(setting_run: Run) -> None:
    assert_no_crash(setting_run)
    assert "prodserver.W072" in ids_about(setting_run, "no-kill-timeout"), setting_run.describe()
    assert problems_on(setting_run, "no-kill-timeout", "workers-kill-timeout"), setting_run.describe()
    assert "prodserver.W072" not in ids_about(setting_run, "kill-timeout"), setting_run.describe()


# -- 12. An application attribute that does not exist -----------------------------------------------


@pytest.mark.parametrize(
    ("backend", "setting"),
    [
        (ASGI, 'ASGI_APPLICATION = "demo.asgi.no_such_application"'),
        (WSGI, 'WSGI_APPLICATION = "demo.wsgi.no_such_application"'),
    ],
    ids=["asgi", "wsgi"],
)
def test_a_missing_application_attribute_is_refused_before_forking(
    launcher: Launcher, backend: str, setting: str
) -> None:
    server = launcher.start(backend, extra_settings=setting + "\n", wait=False)

    assert server.wait_for_exit() != 0, server.output()
    assert not crashed(server.output()), server.output()
    assert "Spawning worker" not in server.stdout, server.output()
    errors = [line for line in server.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, server.output()
    assert setting.split(" = ")[0] in errors[0], server.output()


# -- 13. Documentation claims --------------------------------------------------------------------------


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def test_the_tls_docs_do_not_promise_encrypted_keys() -> None:
    section = _section((REPO / "docs" / "backends" / "granian.md").read_text(), "## TLS")

    # Granian 2.8 cannot load any encrypted private key (it panics); the docs said they "all load".
    assert not re.search(r"ENCRYPTED\s+PRIVATE\s+KEY[^.]*all\s+load", section), section
    assert re.search(r"(cannot|not|no)\b[^.]*\bencrypted|encrypted[^.]*\b(cannot|not|unsupported)\b", section, re.I), (
        section
    )


def test_the_quickstart_adds_the_app_without_dropping_the_project_s_own() -> None:
    section = _section((REPO / "docs" / "quickstart.md").read_text(), "## Add the app")
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block is not None, section
    code = block.group(1)
    existing = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes", "myproject.shop"]
    namespace: dict[str, Any] = {"INSTALLED_APPS": list(existing)}

    exec(code, namespace)  # a settings snippet, as a user pastes it into settings.py

    apps = namespace["INSTALLED_APPS"]
    elided = "# ..." in code or "..." in code
    assert "django_prodserver" in apps, code
    assert elided or all(app in apps for app in existing), f"the snippet replaces INSTALLED_APPS:\n{code}"


# -- 15. Round 3 (RED_TEAM_FINDINGS.md, section 15) ------------------------------------------------------

ROUND_3_ERRORS = {
    "r3-nul-process-name": ("process-name", "prodserver.E013"),
    "r3-nul-pid-file": ("pid-file", "prodserver.E013"),
    "r3-nul-uds": ("uds", "prodserver.E013"),
    "r3-surrogate-pid-file": ("pid-file", "prodserver.E013"),
    "r3-empty-access-log-fmt": ("access-log-fmt", "prodserver.E014"),
    "r3-prefix-relative": ("url-path-prefix", "prodserver.E053"),
    "r3-prefix-trailing-slash": ("url-path-prefix", "prodserver.E053"),
    "r3-prefix-root": ("url-path-prefix", "prodserver.E053"),
}


@pytest.mark.parametrize(("name", "expected"), ROUND_3_ERRORS.items(), ids=ROUND_3_ERRORS)
def test_round_3_errors_name_the_key(cases: Cases, name: str, expected: tuple[str, str]) -> None:
    # Before: check passed; a NUL or surrogate raised ValueError/UnicodeEncodeError at start (traceback),
    # the prefixes made Django answer 404 to every request, '' silently gave Granian's default.
    key, check_id = expected
    run = cases.check(name)

    assert_named(run, name, [key], error=True)
    assert [message.split()[0] for message in errors_on(run, name, key)] == [check_id], run.describe()


@pytest.mark.parametrize("name", ["r3-nul-process-name", "r3-nul-pid-file", "r3-nul-uds", "r3-prefix-relative"])
def test_round_3_errors_are_refused_by_prodserver(cases: Cases, name: str) -> None:
    assert_refused(cases.prodserver(name, "--dry-run"), [ROUND_3_ERRORS[name][0]])


ROUND_3_WARNINGS = {
    "r3-route-trailing-slash": ("static-path-route", "prodserver.W048"),
    "r3-route-shadowed": ("static-path-route", "prodserver.W051"),
    "r3-http1-with-http2-option": ("http2-max-concurrent-streams", "prodserver.W052"),
    "r3-log-off-access-log-on": ("log", "prodserver.W054"),
    "r3-rss-samples-without-max-rss": ("rss-samples", "prodserver.W046"),
    "r3-uds-permissions-decimal-text": ("uds-permissions", "prodserver.W027"),
    "r3-uds-a-regular-file": ("uds", "prodserver.W050"),
    "r3-password-without-tls": ("ssl-keyfile-password", "prodserver.W046"),
}


@pytest.mark.parametrize(("name", "expected"), ROUND_3_WARNINGS.items(), ids=ROUND_3_WARNINGS)
def test_round_3_silent_traps_are_warned(cases: Cases, name: str, expected: tuple[str, str]) -> None:
    key, check_id = expected
    run = cases.check(name)

    assert_no_crash(run)
    # The one message about this process (no contradicting E047 beside W046 for the password).
    assert [f"{entry.id} {entry.names(key)}" for entry in run.about(name)] == [f"{check_id} True"], run.describe()


@pytest.mark.parametrize("name", ["r3-prefix-good", "r3-routes-longest-first"])
def test_round_3_twins_pass(cases: Cases, name: str) -> None:
    run = cases.check(name)

    assert_no_crash(run)
    assert run.about(name) == [], run.describe()


@pytest.mark.parametrize("backend", [ASGI, WSGI], ids=["asgi", "wsgi"])
def test_a_url_path_prefix_serves_the_application_under_it(launcher: Launcher, backend: str) -> None:
    # The twin of E053: Granian passes "/api" to Django (root_path, SCRIPT_NAME), which resolves what follows.
    server = launcher.start(backend, {"url-path-prefix": "/api"})

    assert httpx.get(server.url("/api/greetings/"), timeout=5).status_code == 200, server.output()


def test_a_static_route_with_a_trailing_slash_serves_nothing(launcher: Launcher, material: Material) -> None:
    (material.static / "app.css").write_text("body {}")
    good = launcher.start(args={"static-path-mount": [str(material.static)], "static-path-route": ["/static"]})
    slash = launcher.start(args={"static-path-mount": [str(material.static)], "static-path-route": ["/static/"]})

    assert httpx.get(good.url("/static/app.css"), timeout=5).status_code == 200, good.output()
    assert httpx.get(slash.url("/static/app.css"), timeout=5).status_code == 404, slash.output()
    assert "prodserver.W048" in slash.output(), slash.output()


def test_a_stale_socket_file_is_named_with_the_remedy(launcher: Launcher, material: Material) -> None:
    import socket

    path = material.directory / "stale.sock"
    with socket.socket(socket.AF_UNIX) as stale:
        stale.bind(str(path))  # closed without unlinking: what a killed server leaves behind
    server = launcher.start(args={"uds": str(path)}, wait=False)

    assert server.wait_for_exit() == 1, server.output()
    assert not crashed(server.output()), server.output()
    # Judged before the start (E055), with the remedy; Granian's own bind fault says it too, for a race.
    assert "(prodserver.E055)" in server.stderr, server.output()
    assert "Remove the socket file (left by a server that did not stop)" in server.stderr, server.output()
