"""A setting that shows each check ID of the waitress backend (see ``django_prodserver/catalogue.py``).

E100 (a string of flags that does not read as flags) belongs to the shared ARGS rules; it is
shown here because waitress' 3.x settings are where strings of flags come from.
"""

from __future__ import annotations

from ...catalogue import Example

WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
GRANIAN = "django_prodserver.backends.granian.GranianWSGIServer"


def waitress(args: object) -> dict[str, object]:
    return {"web": {"BACKEND": WAITRESS, "ARGS": args}}


def _django_believes_forwarded_proto() -> tuple[str, bool]:
    # SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https").
    return "HTTP_X_FORWARDED_PROTO", False


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E100", waitress("--threads 8 1"), twin=waitress("--threads 8 --no-ipv6")),
    Example(
        "prodserver.E101",
        waitress({"listen": "127.0.0.1:8080", "port": 8080}),
        twin=waitress({"listen": "127.0.0.1:8080"}),
    ),
    Example(
        "prodserver.E102",
        waitress({"unix-socket": "web.sock", "port": 8080}),
        twin=waitress({"unix-socket": "web.sock", "unix-socket-perms": "660"}),
    ),
    Example(
        "prodserver.E103",
        waitress({"trusted-proxy-headers": "x-forwarded-for"}),
        twin=waitress({"trusted-proxy": "127.0.0.1", "trusted-proxy-headers": "x-forwarded-for"}),
    ),
    Example(
        "prodserver.E104",
        waitress({"trusted-proxy": "*", "trusted-proxy-headers": "forwarded x-forwarded-for"}),
        twin=waitress({"trusted-proxy": "*", "trusted-proxy-headers": "forwarded"}),
    ),
    Example("prodserver.E105", waitress({"listen": "127.0.0.1"}), twin=waitress({"listen": "127.0.0.1:8080"})),
    Example(
        "prodserver.E066",
        waitress({"max-request-header-size": 18}),
        twin=waitress({"max-request-header-size": 19}),
    ),
    Example("prodserver.E073", waitress({"threads": 2**23}), twin=waitress({"threads": 8})),
    Example(
        "prodserver.E115",
        waitress({"listen": "0.0.0.0:8080 127.0.0.1:8080"}),
        twin=waitress({"listen": "0.0.0.0:8080 [::]:8080"}),
    ),
    Example(
        "prodserver.E114",
        waitress({"address": "::1", "ipv6": False}),
        twin=waitress({"address": "127.0.0.1", "ipv6": False}),
    ),
    Example("prodserver.W100", waitress({"ipv4": False, "ipv6": False}), twin=waitress({"ipv6": False})),
    Example("prodserver.W101", waitress({"send-bytes": 9000}), twin=waitress({})),
    Example(
        "prodserver.W102",
        waitress({"trusted-proxy": "127.0.0.1"}),
        twin=waitress({"trusted-proxy": "127.0.0.1", "trusted-proxy-headers": "x-forwarded-proto"}),
    ),
    Example("prodserver.W103", waitress({"expose-tracebacks": True}), twin=waitress({}), deploy=True),
    Example(
        "prodserver.W200",
        waitress({"trusted-proxy": "10.0.0.0/8", "trusted-proxy-headers": "x-forwarded-for"}),
        twin=waitress({"trusted-proxy": "10.0.0.2", "trusted-proxy-headers": "x-forwarded-for"}),
    ),
    Example(
        "prodserver.W204",
        waitress({"address": "127.0.0.1"}),
        pretend=(("django_prodserver.validation", "forwarded_headers", _django_believes_forwarded_proto),),
        twin=waitress(
            {"address": "127.0.0.1", "trusted-proxy": "127.0.0.1", "trusted-proxy-headers": "x-forwarded-proto"}
        ),
    ),
)
