"""A setting that shows each check ID on the gunicorn backend (see ``django_prodserver/catalogue.py``).

Shared IDs (ARGS errors, files, dependencies, packages) are shown with gunicorn's options;
gunicorn's own IDs (E080-E089, E150-E158, W080-W087, W150-W152, and W070, W071 as on Granian) only here.
"""

from __future__ import annotations

from ...catalogue import Example
from ...rules.packages import installed

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}
QUIET = {"no-control-socket": True}
"""For deploy examples: without it, every one also shows W083."""


def web(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": GUNICORN, "ARGS": args}}


def _nothing_installed(module: str) -> bool:
    return False


def _cmd_args() -> str:
    return "--workers 4"


def _django_believes_forwarded_proto() -> tuple[str, bool]:
    # SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https"); for W203, USE_X_FORWARDED_HOST = True.
    return "HTTP_X_FORWARDED_PROTO", False


def _django_believes_forwarded_host() -> tuple[None, bool]:
    return None, True


def _no_uvloop(module: str) -> bool:
    return module != "uvloop" and installed(module)


def _log_to(filename: str) -> dict[str, object]:
    """A logconfig-dict that sends every log to one file: gunicorn's handlers, loggers and root replaced."""
    handler = {"class": "logging.FileHandler", "filename": filename}
    return {"handlers": {"file": handler}, "loggers": {}, "root": {"handlers": ["file"]}}


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E020", web({"wokers": 4}), twin=web({"workers": 4})),
    Example("prodserver.E021", web({"preload": True, "preload_app": True}), twin=web({"preload_app": True})),
    Example("prodserver.E022", web({"timeout": "thirty"}), twin=web({"timeout": "30"})),
    Example("prodserver.E023", web({"port": 70000}), twin=web({"port": 7000})),
    Example("prodserver.E024", web({"log-level": "verbose"}), twin=web({"log-level": "debug"})),
    Example("prodserver.E027", web({"umask": "rwx"}), twin=web({"umask": "0027"})),
    Example("prodserver.E029", web({"pid": ""})),
    Example(
        "prodserver.W046", web({"max-requests-jitter": 50}), twin=web({"max-requests": 1000, "max-requests-jitter": 50})
    ),
    Example("prodserver.E050", web({"pid": "run/web.pid"}), starting=True, twin=web({"pid": "web.pid"})),
    Example("prodserver.W050", web({"worker-tmp-dir": "/dev/shm-missing"}), twin=web({"worker-tmp-dir": "static"})),
    Example(
        "prodserver.W050",
        web({"logconfig-dict": _log_to("logs/web.log")}),
        twin=web({"logconfig-dict": _log_to("web.log")}),
    ),
    Example("prodserver.E052", web({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/other-key.pem"}), twin=web(TLS)),
    Example(
        "prodserver.E060",
        web({"asgi-loop": "uvloop", "worker-class": "asgi"}),
        pretend=(("django_prodserver.rules.packages", "installed", _no_uvloop),),
        twin=web({"asgi-loop": "asyncio", "worker-class": "asgi"}),
    ),
    Example(
        "prodserver.E064",
        web({}),
        pretend=(("django_prodserver.rules.packages", "installed", _nothing_installed),),
        twin=web({}),
    ),
    Example(
        "prodserver.E080",
        web({"worker-class": "gevent"}),
        pretend=(("django_prodserver.backends.gunicorn.lookups", "installed", _nothing_installed),),
        twin=web({"worker-class": "gthread"}),
    ),
    Example("prodserver.E065", web({"worker-class": "collections.OrderedDict"}), twin=web({"worker-class": "gthread"})),
    Example("prodserver.E081", web({"bind": "0.0.0.0:80a"}), twin=web({"bind": "0.0.0.0:80"})),
    Example("prodserver.E082", web({"port": 8001, "bind": "0.0.0.0:8000"}), twin=web({"bind": "0.0.0.0:8000"})),
    Example("prodserver.E083", web({"env": ["DEBUG"]}), twin=web({"env": ["DEBUG=0"]})),
    Example(
        "prodserver.E084",
        web({"forwarded-allow-ips": "10.0.0.1/8"}),
        twin=web({"forwarded-allow-ips": "10.0.0.0/8"}),
    ),
    Example("prodserver.E085", web({"user": "no-such-user"}), twin=web({"user": 0})),
    Example("prodserver.E086", web({"workers": 0}), twin=web({"workers": 1})),
    Example("prodserver.E087", web({"post-fork": "os.getcwd"}), twin=web({"post-fork": "os.rename"})),
    Example("prodserver.E088", web({"log-config": "logging.ini"}), twin=web({"log-config-json": "logging.json"})),
    Example(
        "prodserver.E088",
        web({"logconfig-dict": {"root": {"handlers": ["file"]}}}),
        twin=web({"logconfig-dict": {"root": {"handlers": ["console"]}}}),
    ),
    Example("prodserver.E089", web({"ssl-key": "tls/key.pem"}), twin=web(TLS)),
    Example(
        "prodserver.W080",
        web({}),
        pretend=(("django_prodserver.backends.gunicorn.sources", "gunicorn_cmd_args", _cmd_args),),
        twin=web({}),
    ),
    Example("prodserver.W081", web({"threads": 4}), twin=web({"threads": 4, "worker-class": "gthread"})),
    Example("prodserver.W082", web({"threads": 4, "worker-class": "asgi"}), twin=web({"worker-class": "asgi"})),
    Example("prodserver.W083", web({}), twin=web(QUIET), deploy=True),
    Example("prodserver.W084", web({"post-fork": "os.rename"}), starting=True, twin=web({"workers": 2})),
    Example("prodserver.W085", web({"ssl-version": "TLSv1_2"}), twin=web({})),
    Example(
        "prodserver.W086",
        web({"http-protocols": "h1,h2", "worker-class": "gthread"}),
        twin=web({"http-protocols": "h1,h2", "worker-class": "gthread", **TLS}),
    ),
    Example(
        "prodserver.W087",
        web({"logconfig-dict": {"root": {"level": "WARNING"}}, "log-config-json": "logging.json"}),
        twin=web({"log-config-json": "logging.json"}),
    ),
    Example("prodserver.E150", web({"http-protocols": "h2,h1", **TLS}), twin=web({"http-protocols": "h1", **TLS})),
    Example(
        "prodserver.E151",
        web({"worker-class": "gthread", "worker-connections": 0}),
        twin=web({"worker-class": "gthread", "worker-connections": 1}),
    ),
    Example("prodserver.E152", web({"bind": "fd://99"}), starting=True, twin=web({"bind": "127.0.0.1:8000"})),
    Example(
        "prodserver.E153",
        web({"bind": ["0.0.0.0:8000", "127.0.0.1:8000"]}),
        twin=web({"bind": ["127.0.0.1:8000", "127.0.0.1:8001"]}),
    ),
    Example("prodserver.E154", web({"ca-certs": "logging.json", **TLS}), twin=web({"ca-certs": "tls/cert.pem", **TLS})),
    Example(
        "prodserver.E067",
        web({"cert-reqs": 2, **TLS}),
        twin=web({"cert-reqs": 2, "ca-certs": "tls/cert.pem", **TLS}),
    ),
    Example("prodserver.E066", web({"limit-request-line": 13}), twin=web({"limit-request-line": 14})),
    Example("prodserver.E013", web({"name": "web\x00"}), twin=web({"name": "web"})),
    Example("prodserver.E031", web({"http-protocols": ["h1", "h1"]}), twin=web({"http-protocols": ["h1"]})),
    Example("prodserver.E155", web({"ciphers": "NO-SUCH-CIPHER", **TLS}), twin=web({"ciphers": "ECDHE+AESGCM", **TLS})),
    Example("prodserver.E156", web({"access-logformat": "%(h)d"}), twin=web({"access-logformat": "%(h)s %(B)d"})),
    Example(
        "prodserver.E157",
        web({"log-syslog": True, "log-syslog-to": "http://localhost:514"}),
        twin=web({"log-syslog": True, "log-syslog-to": "udp://localhost:514"}),
    ),
    Example(
        "prodserver.E158",
        web({"dirty-workers": 1, "dirty-app": "myapp.Dirty"}),
        twin=web({"dirty-workers": 1, "dirty-app": "collections:OrderedDict"}),
    ),
    Example(
        "prodserver.W150",
        web({"limit-request-field_size": 0}),
        twin=web({"limit-request-field_size": 16380}),
    ),
    Example(
        "prodserver.W151",
        web({"http-protocols": "h1,h2", **TLS}),
        twin=web({"http-protocols": "h1,h2", "worker-class": "gthread", **TLS}),
    ),
    Example(
        "prodserver.W152",
        web({"secure-scheme-headers": {"x-forwarded-proto": "https"}}),
        twin=web({"secure-scheme-headers": {"X-FORWARDED-PROTO": "https"}}),
    ),
    # Shared IDs, for what only gunicorn refuses.
    Example("prodserver.E052", web({"ssl-cert": "tls/cert.pem"}), twin=web(TLS)),
    Example("prodserver.W046", web({"cert-reqs": 1}), twin=web({"cert-reqs": 1, **TLS})),
    Example("prodserver.W050", web({"error-logfile": "logs/error.log"}), twin=web({"error-logfile": "error.log"})),
    Example("prodserver.W070", web({"reload": True, **QUIET}), twin=web(QUIET), deploy=True),
    Example("prodserver.W071", web({"log-level": "debug", **QUIET}), twin=web(QUIET), deploy=True),
    Example(
        "prodserver.W202",
        web({"address": "0.0.0.0", **QUIET}),
        pretend=(("django_prodserver.validation", "forwarded_headers", _django_believes_forwarded_proto),),
        twin=web({"address": "127.0.0.1", **QUIET}),
        deploy=True,
    ),
    Example(
        "prodserver.W203",
        web({"address": "0.0.0.0", **QUIET}),
        pretend=(("django_prodserver.validation", "forwarded_headers", _django_believes_forwarded_host),),
        twin=web({"address": "127.0.0.1", **QUIET}),
        deploy=True,
    ),
)
