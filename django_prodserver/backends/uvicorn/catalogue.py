"""A setting that shows each check ID on the uvicorn backends (see ``django_prodserver/catalogue.py``).

uvicorn's own IDs (E090-E098, W090-W098) are shown here, with the shared IDs its rules emit
(E052, E060, W070, W071) and the shared ones its options' metadata trigger (W046, E060).
"""

from __future__ import annotations

from ...catalogue import Example
from ...rules.packages import installed

ASGI = "django_prodserver.backends.uvicorn.UvicornServer"
WSGI = "django_prodserver.backends.uvicorn.UvicornWSGIServer"
TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}


def asgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": ASGI, "ARGS": args}}


def wsgi(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": WSGI, "ARGS": args}}


def _no_zttp(module: str) -> bool:
    return module != "zttp" and installed(module)


def _no_a2wsgi(module: str) -> bool:
    return module != "a2wsgi" and installed(module)


def _uvicorn_0_54() -> str:
    return "0.54.0"


def _all(module: str) -> bool:
    return True


def _uvicorn_port(prefix: str) -> list[str]:
    return ["UVICORN_PORT"] if prefix == "UVICORN" else []


RULES = "django_prodserver.backends.uvicorn.rules"

EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E090", asgi({"http2": True}), twin=asgi({"http2": False})),
    Example("prodserver.E091", asgi({"ssl-key": "tls/key.pem"}), twin=asgi(TLS)),
    Example("prodserver.E092", wsgi({"lifespan": "on"}), twin=wsgi({"lifespan": "off"})),
    # The example project's application hands every scope but websockets to Django's own handler.
    Example("prodserver.E070", asgi({"lifespan": "on"}), twin=asgi({"lifespan": "auto"})),
    Example("prodserver.E032", asgi({"root-path": "/caf\u00e9"}), twin=asgi({"root-path": "/cafe"})),
    Example("prodserver.E093", asgi({"header": "X-Frame-Options DENY"}), twin=asgi({"header": "X-Frame-Options:DENY"})),
    Example("prodserver.E094", asgi({**TLS, "ssl-version": 16}), twin=asgi({**TLS, "ssl-version": 17})),
    Example(
        "prodserver.E095",
        asgi({"log-config": "logging-refused.json"}),
        twin=asgi({"log-config": "logging.json"}),
    ),
    Example("prodserver.W090", asgi({"reload": True, "workers": 2}), twin=asgi({"reload": True, "workers": 1})),
    Example("prodserver.W091", asgi({"workers": 0}), twin=asgi({"workers": 1})),
    Example("prodserver.W092", asgi({"uds": "web.sock", "port": 8001}), twin=asgi({"uds": "web.sock"})),
    Example("prodserver.W093", wsgi({"ws-max-size": 1048576}), twin=asgi({"ws-max-size": 1048576})),
    Example("prodserver.W094", asgi({"threads": 4}), twin=wsgi({"threads": 4})),
    Example(
        "prodserver.W095",
        asgi({}),
        pretend=(("django_prodserver.rules.environment", "prefixed_variables", _uvicorn_port),),
        twin=asgi({}),
    ),
    Example(
        "prodserver.W096",
        wsgi({}),
        pretend=((RULES, "installed", _no_a2wsgi),),
        twin=wsgi({}),
    ),
    Example(
        "prodserver.E067",
        asgi({**TLS, "ssl-cert-reqs": 2}),
        twin=asgi({**TLS, "ssl-cert-reqs": 2, "ssl-ca-certs": "tls/cert.pem"}),
    ),
    Example(
        "prodserver.E097",
        asgi({**TLS, "ssl-ca-certs": "logging.json"}),
        twin=asgi({**TLS, "ssl-ca-certs": "tls/cert.pem"}),
    ),
    Example(
        "prodserver.E098",
        asgi({**TLS, "ssl-ciphers": "NO-SUCH-CIPHER"}),
        twin=asgi({**TLS, "ssl-ciphers": "ECDHE+AESGCM"}),
    ),
    Example("prodserver.E096", asgi({"fd": 1023}), starting=True, twin=asgi({})),
    Example("prodserver.W097", wsgi({"threads": 4}), starting=True, twin=wsgi({"threads": 10})),
    Example(
        "prodserver.W098",
        asgi({"http": "zttp", "http2": True}),
        pretend=((RULES, "uvicorn_version", _uvicorn_0_54), ("django_prodserver.rules.packages", "installed", _all)),
        twin=asgi({"http": "h11"}),
    ),
    Example(
        "prodserver.E060",
        asgi({"http": "zttp"}),
        pretend=(("django_prodserver.rules.packages", "installed", _no_zttp),),
        twin=asgi({"http": "h11"}),
    ),
    Example(
        "prodserver.E052",
        asgi({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/other-key.pem"}),
        twin=asgi(TLS),
    ),
    Example("prodserver.W046", asgi({"reload-delay": 1}), twin=asgi({"reload": True, "reload-delay": 1})),
    Example(
        "prodserver.W200",
        asgi({"forwarded-allow-ips": "127.0.0.1,10.0.0.1/8"}),
        twin=asgi({"forwarded-allow-ips": "127.0.0.1,10.0.0.0/8"}),
    ),
    Example("prodserver.W070", asgi({"reload": True}), twin=asgi({"reload": False}), deploy=True),
    Example("prodserver.W071", asgi({"log-level": "trace"}), twin=asgi({"log-level": "info"}), deploy=True),
    Example(
        "prodserver.W201",
        asgi({"address": "0.0.0.0", "forwarded-allow-ips": "*"}),
        twin=asgi({"address": "0.0.0.0", "forwarded-allow-ips": "10.0.0.1"}),
        deploy=True,
    ),
)
