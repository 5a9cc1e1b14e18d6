"""What gunicorn 27 refuses or silently changes at start, that the check now says first (E150-E158,
W150-W152, and gunicorn's cases of shared IDs), by their exact messages.

Each was found by starting gunicorn: a traceback at start, workers that fail to boot in a loop, a server
that never answers, or one that runs other than configured (see tests/integration/test_gunicorn.py).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from django_prodserver.backends.gunicorn.logs import SYSLOG_FACILITIES, syslog_fault
from django_prodserver.backends.gunicorn.rules import bind_fault

from ..tls_files import write_tls_files
from .test_rules import ARGS, messages


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative file names: messages show them whole (a long path is shortened).
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def tls(tmp_path: Path) -> dict[str, str]:
    issued = trustme.CA().issue_cert("127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(tmp_path / "cert.pem"))
    issued.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
    return {"ssl-cert": "cert.pem", "ssl-key": "key.pem"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"timeout": 10**12},
            ("prodserver.E023", f"{ARGS}['timeout'] is 1000000000000; expected between 0 and 17179869184."),
        ),
        (
            {"limit-request-line": 8191},
            (
                "prodserver.E023",
                f"{ARGS}['limit-request-line'] is 8191; expected 0 (no limit) or between 14 and 8190.",
            ),
        ),
        (
            {"limit-request-fields": 32769},
            (
                "prodserver.E023",
                f"{ARGS}['limit-request-fields'] is 32769; expected 0 (no limit) or between 2 and 32768.",
            ),
        ),
        (
            # gunicorn lowercases the protocols, then refuses a repeated one ("Duplicate protocols specified").
            {"http-protocols": "h2,H1,h1"},
            (
                "prodserver.E031",
                f"{ARGS}['http-protocols'] is 'h2,H1,h1', which gives 'h1' twice: the server refuses a value given "
                "twice at start.",
            ),
        ),
        (
            {"limit-request-field_size": 0},
            (
                "prodserver.W150",
                f"{ARGS}['limit-request-field_size'] is 0, which gunicorn documents as unlimited but reads as "
                "its default: 8190 bytes per header.",
            ),
        ),
        (
            {"worker-class": "gthread", "worker-connections": 0},
            (
                "prodserver.E151",
                f"{ARGS}['worker-connections'] is 0: the gthread worker accepts a connection only below this "
                "limit, so it would serve nothing.",
            ),
        ),
        (
            {"bind": ""},
            ("prodserver.E081", f"{ARGS}['bind'][0] is empty: gunicorn would listen on 0.0.0.0:8000, every interface."),
        ),
        (
            {"bind": "[fe80::1%lo]:8000"},
            (
                "prodserver.E081",
                f"{ARGS}['bind'][0] is '[fe80::1%lo]:8000', which has an IPv6 zone index (%interface), which "
                "gunicorn cannot bind; gunicorn would refuse to start.",
            ),
        ),
        (
            {"bind": ["0.0.0.0:8000", "tcp://127.0.0.1:8000"]},
            (
                "prodserver.E153",
                f"{ARGS}['bind'][1] is 'tcp://127.0.0.1:8000', which bind[0] ('0.0.0.0:8000') already takes: "
                "gunicorn's second bind of it fails, and it would refuse to start.",
            ),
        ),
        (
            {"bind": ["localhost", "LOCALHOST:8000"]},
            (
                "prodserver.E153",
                f"{ARGS}['bind'][1] is 'LOCALHOST:8000', which bind[0] ('localhost') already takes: "
                "gunicorn's second bind of it fails, and it would refuse to start.",
            ),
        ),
        (
            {"access-logformat": "%(h)s %(nosuch"},
            (
                "prodserver.E156",
                f"{ARGS}['access-logformat'] is '%(h)s %(nosuch', which Python's % formatting refuses "
                "(ValueError: incomplete format key); gunicorn would fail to log every request.",
            ),
        ),
        (
            {"access-logformat": "%(h)d"},
            (
                "prodserver.E156",
                f"{ARGS}['access-logformat'] is '%(h)d', which Python's % formatting refuses (TypeError: %d "
                "format: a real number is required, not str); gunicorn would fail to log every request.",
            ),
        ),
        (
            {"log-syslog": True, "log-syslog-to": "http://localhost:514"},
            (
                "prodserver.E157",
                f"{ARGS}['log-syslog-to'] is 'http://localhost:514', which does not start with udp://, tcp:// "
                "or unix://; gunicorn would refuse to start.",
            ),
        ),
        (
            {"log-syslog": True, "log-syslog-to": "udp://localhost:abc"},
            (
                "prodserver.E157",
                f"{ARGS}['log-syslog-to'] is 'udp://localhost:abc', which has the port 'abc', not a number; "
                "gunicorn would refuse to start.",
            ),
        ),
        (
            {"log-syslog": True, "log-syslog-facility": "nosuch"},
            (
                "prodserver.E157",
                f"{ARGS}['log-syslog-facility'] is 'nosuch', which is not a syslog facility; gunicorn would "
                "refuse to start.",
            ),
        ),
        (
            {"log-syslog-to": "http://x"},
            ("prodserver.W046", f"{ARGS}['log-syslog-to'] has no effect without log-syslog."),
        ),
        (
            {"dirty-workers": 1, "dirty-app": "nosuch"},
            (
                "prodserver.E158",
                f"{ARGS}['dirty-app'][0] is 'nosuch', which is not module:Class or module:Class:N; gunicorn's "
                "dirty arbiter would fail to start it.",
            ),
        ),
        (
            {"dirty-workers": 1, "dirty-app": "nosuch.mod:App"},
            (
                "prodserver.E158",
                f"{ARGS}['dirty-app'][0] is 'nosuch.mod:App', whose module 'nosuch.mod' does not exist; "
                "gunicorn's dirty arbiter would fail to start it.",
            ),
        ),
        (
            {"dirty-workers": 1, "dirty-app": "collections:OrderedDict:0"},
            (
                "prodserver.E158",
                f"{ARGS}['dirty-app'][0] is 'collections:OrderedDict:0', whose worker count '0' is not a whole "
                "number of 1 or more; gunicorn's dirty arbiter would fail to start it.",
            ),
        ),
        (
            {"dirty-workers": 2},
            ("prodserver.W046", f"{ARGS}['dirty-workers'] has no effect without dirty-app."),
        ),
        (
            {"user": -5},
            (
                "prodserver.E085",
                f"{ARGS}['user'] is -5, which is not a user id (0 to 4294967294); the process would fail to start.",
            ),
        ),
        (
            {"group": str(2**40)},
            (
                "prodserver.E085",
                f"{ARGS}['group'] is 1099511627776, which is not a group id (0 to 4294967294); the process "
                "would fail to start.",
            ),
        ),
        (
            {"env": ["=1"]},
            (
                "prodserver.E083",
                f"{ARGS}['env'][0] is '=1', without a name before '='; gunicorn would refuse to start.",
            ),
        ),
        (
            {"env": ["A=\0"]},
            (
                "prodserver.E013",
                f"{ARGS}['env'][0] holds a NUL character ('\\x00'): no command line or exec can carry it, so the "
                "printed line and the start would not pass it whole.",
            ),
        ),
        (
            {"secure-scheme-headers": {"x-forwarded-proto": "https"}},
            (
                "prodserver.W152",
                f"{ARGS}['secure-scheme-headers'] holds 'x-forwarded-proto', not in upper case: gunicorn compares "
                "the request's header names in upper case, so it never matches.",
            ),
        ),
        (
            {"forwarder-headers": "SCRIPT_NAME,path_info"},
            (
                "prodserver.W152",
                f"{ARGS}['forwarder-headers'] holds 'path_info', not in upper case: gunicorn compares the "
                "request's header names in upper case, so it never matches.",
            ),
        ),
        (
            {"cert-reqs": 2},
            (
                "prodserver.W046",
                f"{ARGS}['cert-reqs'] has no effect without ssl-cert: gunicorn reads it only to build its TLS context.",
            ),
        ),
    ],
)
def test_each_start_fault_says_what_and_where(args: dict[str, Any], expected: tuple[str, str]) -> None:
    assert messages(args) == [expected]


def test_good_settings_say_nothing() -> None:
    assert messages({"timeout": 2**34, "limit-request-line": 8190, "limit-request-fields": 32768}) == []
    assert messages({"bind": ["127.0.0.1:8000", "[::1]:8000", "127.0.0.1:8001"]}) == []
    # With reuse-port, each worker binds every address itself: the kernel accepts the same one twice.
    assert messages({"bind": ["127.0.0.1:8000", "127.0.0.1:8000"], "reuse-port": True}) == []
    assert messages({"access-logformat": "%(h)s %(B)d %({x-real-ip}i)s 100%%", "user": 0, "env": ["A=b=c"]}) == []
    assert messages({"log-syslog": True, "log-syslog-to": "tcp://[::1]:514", "log-syslog-facility": "LOCAL7"}) == []
    assert messages({"dirty-workers": 1, "dirty-app": ["collections:OrderedDict", "collections:Counter:1"]}) == []
    assert messages({"worker-class": "gthread", "worker-connections": 1, "limit-request-field_size": 25}) == []
    assert messages({"http-protocols": "h1,h2", "http2-cleartext": "both", "worker-class": "gthread"}) == []


@pytest.mark.parametrize(
    "address", ["udp://localhost:514", "udp://localhost", "tcp://[::1]:514", "unix:///dev/log", "unix:///s#dgram"]
)
def test_syslog_fault_accepts_what_gunicorn_parses(address: str) -> None:
    from gunicorn.glogging import parse_syslog_address  # type: ignore[import-untyped]

    parse_syslog_address(address)
    assert syslog_fault(address) is None


@pytest.mark.parametrize("address", ["http://localhost:514", "localhost:514", "udp://localhost:x"])
def test_syslog_fault_refuses_what_gunicorn_refuses(address: str) -> None:
    from gunicorn.glogging import parse_syslog_address

    with pytest.raises(RuntimeError):
        parse_syslog_address(address)
    assert syslog_fault(address) is not None


def test_the_syslog_facilities_are_gunicorns() -> None:
    from gunicorn.glogging import SYSLOG_FACILITIES as GUNICORNS

    assert frozenset(GUNICORNS) == SYSLOG_FACILITIES


def test_an_empty_bind_is_what_gunicorn_reads_as_every_interface() -> None:
    from gunicorn.util import parse_address  # type: ignore[import-untyped]

    assert parse_address("") == ("0.0.0.0", 8000)
    assert bind_fault("") is not None


def test_the_limits_gunicorn_caps_silently() -> None:
    # The bounds of limit-request-line and limit-request-fields are where gunicorn's parser stops obeying.
    from gunicorn.http.message import MAX_HEADERS, MAX_REQUEST_LINE  # type: ignore[import-untyped]

    assert (MAX_REQUEST_LINE, MAX_HEADERS) == (8190, 32768)


def test_a_lower_case_secure_scheme_header_never_matches() -> None:
    """gunicorn upper-cases the request's header names before it looks them up (the W152 premise)."""
    from gunicorn.config import Config  # type: ignore[import-untyped]
    from gunicorn.http.message import Request
    from gunicorn.http.unreader import IterUnreader  # type: ignore[import-untyped]

    def scheme(headers: dict[str, str]) -> str:
        cfg = Config()
        cfg.set("secure_scheme_headers", headers)
        cfg.set("forwarded_allow_ips", "*")
        raw = b"GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-Proto: https\r\n\r\n"
        request = Request(cfg, IterUnreader([raw]), ("127.0.0.1", 1), 1)
        return str(request.scheme)

    assert scheme({"x-forwarded-proto": "https"}) == "http"
    assert scheme({"X-FORWARDED-PROTO": "https"}) == "https"


class TestTLS:
    def test_an_encrypted_key_is_refused_with_the_fix(self, tmp_path: Path) -> None:
        write_tls_files(tmp_path, "secret")

        assert messages({"ssl-cert": "cert.pem", "ssl-key": "key.pem"}) == [
            (
                "prodserver.E052",
                f"{ARGS}['ssl-key'] names 'key.pem', an encrypted private key: gunicorn loads it without a "
                "password, and it cannot be used.",
            )
        ]

    def test_an_ssl_context_hook_loads_the_pair_itself(self, tmp_path: Path) -> None:
        write_tls_files(tmp_path, "secret")

        # The hook may load the key with its password: the check does not judge the pair (the start does).
        assert messages({"ssl-cert": "cert.pem", "ssl-key": "key.pem", "ssl-context": "os.rename"}) == []

    def test_a_certificate_without_its_key(self, tls: dict[str, str]) -> None:
        assert messages({"ssl-cert": tls["ssl-cert"]}) == [
            (
                "prodserver.E052",
                f"{ARGS}['ssl-cert'] names '{tls['ssl-cert']}', which holds no private key, and ssl-key is not "
                "set: gunicorn reads the key from the certificate file then.",
            )
        ]

    def test_a_ca_file_without_certificates(self, tls: dict[str, str], tmp_path: Path) -> None:
        (tmp_path / "ca.pem").write_text("not a certificate\n")

        [(problem_id, message)] = messages({**tls, "ca-certs": "ca.pem"})

        assert problem_id == "prodserver.E154"
        assert message.startswith(
            f"{ARGS}['ca-certs'] names 'ca.pem', which OpenSSL cannot load as CA certificates (SSLError: "
        )
        assert message.endswith("); gunicorn would refuse to start.")

    def test_a_cipher_list_openssl_refuses(self, tls: dict[str, str]) -> None:
        assert messages({**tls, "ciphers": "NO-SUCH-CIPHER"}) == [
            (
                "prodserver.E155",
                f"{ARGS}['ciphers'] is 'NO-SUCH-CIPHER', from which this machine's OpenSSL selects no cipher; "
                "gunicorn would refuse to start.",
            )
        ]

    def test_h2_preferred_with_the_sync_worker(self, tls: dict[str, str]) -> None:
        assert messages({**tls, "http-protocols": "h2,h1"}) == [
            (
                "prodserver.E150",
                f"{ARGS}['http-protocols'] prefers 'h2', but the sync worker class speaks HTTP/1.1 only: TLS "
                "still offers h2, so every client that speaks HTTP/2 (every browser) gets a connection the "
                "worker cannot read.",
            )
        ]

    def test_h2_after_h1_with_the_sync_worker(self, tls: dict[str, str]) -> None:
        assert messages({**tls, "http-protocols": "h1,h2"}) == [
            (
                "prodserver.W151",
                f"{ARGS}['http-protocols'] includes 'h2', but the sync worker class speaks HTTP/1.1 only: "
                "gunicorn ignores it.",
            )
        ]

    def test_h2_with_a_worker_that_speaks_it(self, tls: dict[str, str]) -> None:
        assert messages({**tls, "http-protocols": "h2,h1", "worker-class": "gthread"}) == []
        # The sync worker with threads is gthread.
        assert messages({**tls, "http-protocols": "h2,h1", "threads": 2}) == [
            (
                "prodserver.W081",
                f"{ARGS}['threads'] is more than 1 with the sync worker class: gunicorn silently runs the "
                "gthread worker instead.",
            )
        ]


class TestPaths:
    def test_a_unix_socket_in_a_missing_directory(self) -> None:
        address = "unix:missing/web.sock"
        message = f"{ARGS}['bind'][0] names the socket 'missing/web.sock', in a directory that does not exist."

        assert messages({"bind": address}) == [("prodserver.W050", message)]
        assert messages({"bind": address}, starting=True) == [("prodserver.E050", message)]

    def test_log_files_in_a_missing_directory_or_a_directory(self, tmp_path: Path) -> None:
        (tmp_path / "logs").mkdir()
        args = {"error-logfile": "missing/error.log", "access-logfile": "logs"}

        assert messages(args, starting=True) == [
            (
                "prodserver.E050",
                f"{ARGS}['error-logfile'] names 'missing/error.log', in a directory that does not exist.",
            ),
            ("prodserver.E050", f"{ARGS}['access-logfile'] names 'logs', which is a directory."),
        ]

    def test_log_files_are_found_from_chdir(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (tmp_path / "logs").mkdir()
        monkeypatch.chdir("/")

        assert messages({"chdir": str(tmp_path), "error-logfile": "logs/error.log"}, starting=True) == []

    def test_a_missing_reload_file_but_not_a_pattern(self) -> None:
        args = {"reload-extra-file": ["templates/*.html", "missing.txt"]}

        assert messages(args, starting=True) == [
            ("prodserver.E050", f"{ARGS}['reload-extra-file'][1] names 'missing.txt', which does not exist.")
        ]

    def test_a_missing_syslog_socket(self) -> None:
        args = {"log-syslog": True, "log-syslog-to": "unix://log.sock"}

        assert messages(args, starting=True) == [
            (
                "prodserver.E050",
                f"{ARGS}['log-syslog-to'] names the socket 'log.sock', which does not exist: gunicorn could not "
                "send a log.",
            )
        ]


@pytest.fixture
def open_socket() -> Iterator[int]:
    with socket.socket() as listener:
        yield listener.fileno()


def test_fd_binds_are_judged_when_starting(open_socket: int, tmp_path: Path) -> None:
    with (tmp_path / "file").open("w") as not_a_socket:
        closed = os.open(tmp_path, os.O_RDONLY)
        os.close(closed)
        args = {"bind": [f"fd://{open_socket}", f"fd://{closed}", f"fd://{not_a_socket.fileno()}"]}

        assert messages(args) == []
        assert messages(args, starting=True) == [
            (
                "prodserver.E152",
                f"{ARGS}['bind'][1] is 'fd://{closed}', but file descriptor {closed} is not open in this process.",
            ),
            (
                "prodserver.E152",
                f"{ARGS}['bind'][2] is 'fd://{not_a_socket.fileno()}', but file descriptor "
                f"{not_a_socket.fileno()} is not a socket in this process.",
            ),
        ]


@pytest.mark.parametrize(
    ("field", "dotted", "kind", "base"),
    [
        ("worker-class", "collections.OrderedDict", "worker", "gunicorn.workers.base.Worker"),
        ("logger-class", "collections.OrderedDict", "logger", "gunicorn.glogging.Logger"),
    ],
)
def test_a_class_gunicorn_cannot_use_is_refused_as_at_start(field: str, dotted: str, kind: str, base: str) -> None:
    expected = [
        (
            "prodserver.E065",
            f"{ARGS}['{field}'] is '{dotted}', which is not a gunicorn {kind} class (a subclass of {base}); "
            "the process would fail to start.",
        )
    ]

    assert messages({field: dotted}) == expected
    assert messages({field: dotted}, starting=True) == expected


def test_subclasses_of_gunicorns_classes_are_accepted_when_starting() -> None:
    args = {"worker-class": "uvicorn.workers.UvicornWorker", "logger-class": "gunicorn.instrument.statsd.Statsd"}

    assert messages(args, starting=True) == []
