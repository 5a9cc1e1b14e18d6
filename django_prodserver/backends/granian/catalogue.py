"""A setting that shows each check ID on the Granian backends (see ``django_prodserver/catalogue.py``).

Shared IDs (ARGS errors, files, dependencies, packages) are shown here with Granian's options;
Granian's own IDs (E040-E049, E051, E053, E061, E062, W040-W045, W048, W049, W051-W055, W060, W070-W072)
only here.
"""

from __future__ import annotations

from ...catalogue import Example
from ...rules.packages import installed
from .machine import E062_UDS_ON_WINDOWS, W060_RUST_TASKS
from .options import GranianWSGIArgs

ASGI = "django_prodserver.backends.granian.GranianASGIServer"
WSGI = "django_prodserver.backends.granian.GranianWSGIServer"
TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}
# Production advice other than W072 is shown on settings that already have a kill timeout.
KILL = {"workers-kill-timeout": "30s"}


def _granian_workers(prefix: str) -> list[str]:
    return ["GRANIAN_WORKERS"] if prefix == "GRANIAN" else []


def asgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": ASGI, "ARGS": args}}


def wsgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": WSGI, "ARGS": args}}


def _nothing_installed(module: str) -> bool:
    return False


def _no_rloop(module: str) -> bool:
    return module != "rloop" and installed(module)


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E011", asgi(GranianWSGIArgs(workers=2)), twin=wsgi(GranianWSGIArgs(workers=2))),
    Example("prodserver.E020", asgi({"wokers": 4}), twin=asgi({"workers": 4})),
    Example("prodserver.E021", asgi({"log-level": "info", "log_level": "debug"}), twin=asgi({"log_level": "info"})),
    Example("prodserver.E022", asgi({"workers": "four"}), twin=asgi({"workers": "4"})),
    Example("prodserver.E023", asgi({"workers": 0}), twin=asgi({"workers": 1})),
    Example("prodserver.E024", asgi({"http": "3"}), twin=asgi({"http": 2, **TLS})),
    Example("prodserver.E025", asgi({"workers-lifetime": "1 hour"}), twin=asgi({"workers-lifetime": "1h"})),
    Example("prodserver.E026", asgi({"address": "localhost"}), twin=asgi({"address": "::1"})),
    Example("prodserver.E027", asgi({"uds-permissions": "rw-rw----", "uds": "web.sock"})),
    Example(
        "prodserver.W027",
        asgi({"uds": "web.sock", "uds-permissions": 660}),
        twin=asgi({"uds": "web.sock", "uds-permissions": "0660"}),
    ),
    Example("prodserver.E028", asgi({"reload-ignore-patterns": "*.pyc"})),
    Example("prodserver.E029", asgi({"ssl-cert": ""})),
    Example("prodserver.E013", asgi({"process-name": "web\x00"}), twin=asgi({"process-name": "web"})),
    Example("prodserver.E014", asgi({"access-log-fmt": ""}), twin=asgi({"access-log-fmt": "%(path)s"})),
    Example("prodserver.E053", asgi({"url-path-prefix": "/api/"}), twin=asgi({"url-path-prefix": "/api"})),
    Example(
        "prodserver.W051",
        asgi({"static-path-mount": ["static", "media"], "static-path-route": ["/static", "/static/media"]}),
        twin=asgi({"static-path-mount": ["media", "static"], "static-path-route": ["/static/media", "/static"]}),
    ),
    Example(
        "prodserver.W052",
        asgi({"http": "1", "http2-max-concurrent-streams": 100}),
        twin=asgi({"http": "auto", "http2-max-concurrent-streams": 100}),
    ),
    Example(
        "prodserver.W053",
        asgi({"ssl-cert": "tls/expired-cert.pem", "ssl-key": "tls/expired-key.pem"}),
        twin=asgi(TLS),
    ),
    Example("prodserver.W054", asgi({"log": False}), twin=asgi({"log": False, "log-access": False})),
    Example(
        "prodserver.W055",
        asgi({}),
        pretend=(("django_prodserver.rules.environment", "prefixed_variables", _granian_workers),),
        twin=asgi({}),
    ),
    Example(
        "prodserver.E046",
        asgi({"access-log-fmt": "%(remote_addr)s %(path)s"}),
        twin=asgi({"access-log-fmt": "%(addr)s %(path)s %(header{user-agent})s"}),
    ),
    Example("prodserver.E047", asgi({**TLS, "ssl-keyfile-password": "secret"}), twin=asgi(TLS)),
    Example(
        "prodserver.E048",
        asgi({"ssl-cert": "tls/p521-cert.pem", "ssl-key": "tls/p521-key.pem"}),
        twin=asgi(TLS),
    ),
    Example(
        "prodserver.E049",
        asgi({**TLS, "ssl-ca": "tls/key.pem"}),
        twin=asgi({**TLS, "ssl-ca": "tls/cert.pem"}),
    ),
    Example("prodserver.E040", asgi({"blocking-threads": 2}), twin=asgi({"blocking-threads": 1})),
    Example(
        "prodserver.E041",
        asgi({"static-path-mount": ["static", "media"], "static-path-route": ["/static"]}),
        twin=asgi({"static-path-mount": ["static", "media"], "static-path-route": ["/static", "/media"]}),
    ),
    Example("prodserver.E042", asgi({"factory": True}), twin=asgi({"factory": False})),
    Example("prodserver.E043", asgi({"ssl-cert": "tls/cert.pem"}), twin=asgi(TLS)),
    Example("prodserver.E044", asgi({"ssl-key": "tls/key.pem"}), twin=asgi(TLS)),
    Example(
        "prodserver.E045",
        asgi({"metrics": True, "metrics-port": 8000}),
        twin=asgi({"metrics": True, "metrics-port": 9090}),
    ),
    Example("prodserver.W040", wsgi({"ws": True}), twin=asgi({"ws": True})),
    Example(
        "prodserver.W041",
        asgi({**TLS, "ssl-client-verify": True}),
        twin=asgi({**TLS, "ssl-client-verify": True, "ssl-ca": "tls/cert.pem"}),
    ),
    Example("prodserver.W042", asgi({"threads": 4}), twin=wsgi({"threads": 4})),
    Example("prodserver.W043", asgi({"http": "2"}), twin=asgi({"http": "2", **TLS})),
    Example("prodserver.W044", asgi({"http": "2", "ws": True, **TLS}), twin=asgi({"ws": True, **TLS})),
    Example(
        "prodserver.W045",
        asgi({"reload": True, "workers-lifetime": "1h"}),
        twin=asgi({"workers-lifetime": "1h"}),
    ),
    Example("prodserver.W046", asgi({"reload-tick": 100}), twin=asgi({"reload": True, "reload-tick": 100})),
    Example(
        "prodserver.W047",
        {"web": {"BACKEND": ASGI, "ARGS": {"port": 8000}}, "api": {"BACKEND": ASGI, "ARGS": {"port": 8000}}},
        twin={"web": {"BACKEND": ASGI, "ARGS": {"port": 8000}}, "api": {"BACKEND": ASGI, "ARGS": {"port": 8001}}},
    ),
    Example(
        "prodserver.E050",
        asgi({"static-path-mount": "staticfiles"}),
        starting=True,
        twin=asgi({"static-path-mount": "static"}),
    ),
    Example("prodserver.W050", asgi({"static-path-mount": "staticfiles"}), twin=asgi({"static-path-mount": "static"})),
    Example("prodserver.W056", asgi({"uds": "stale.sock"}), twin=asgi({"uds": "web.sock"})),
    Example("prodserver.E055", wsgi({"pid-file": "empty.pid"}), starting=True, twin=wsgi({"pid-file": "web.pid"})),
    # Process 1 (init) is always running.
    Example("prodserver.E054", wsgi({"pid-file": "init.pid"}), starting=True, twin=wsgi({"pid-file": "web.pid"})),
    Example("prodserver.E051", asgi({"log-config": "logging.ini"}), twin=asgi({"log-config": "logging.json"})),
    Example(
        "prodserver.E052",
        asgi({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/other-key.pem"}),
        twin=asgi(TLS),
    ),
    Example(
        "prodserver.E060",
        asgi({"loop": "rloop"}),
        pretend=(("django_prodserver.rules.packages", "installed", _no_rloop),),
        twin=asgi({"loop": "asyncio"}),
    ),
    Example("prodserver.E061", asgi({"loop": "winloop"}), twin=asgi({"loop": "auto"})),
    Example("prodserver.E062", problem=E062_UDS_ON_WINDOWS),
    Example(
        "prodserver.E064",
        asgi({}),
        pretend=(("django_prodserver.rules.packages", "installed", _nothing_installed),),
        twin=asgi({}),
    ),
    Example("prodserver.W060", problem=W060_RUST_TASKS),
    Example(
        "prodserver.W048",
        asgi({"static-path-mount": "static", "static-path-route": "static"}),
        twin=asgi({"static-path-mount": "static", "static-path-route": "/static"}),
    ),
    Example("prodserver.W049", asgi({"workers": 100_000}), twin=asgi({"workers": 8})),
    Example("prodserver.W070", asgi({"reload": True, **KILL}), twin=asgi({"reload": False, **KILL}), deploy=True),
    Example(
        "prodserver.W071", asgi({"log-level": "debug", **KILL}), twin=asgi({"log-level": "info", **KILL}), deploy=True
    ),
    Example("prodserver.W072", asgi({"workers": 2}), twin=asgi({"workers": 2, **KILL}), deploy=True),
)
