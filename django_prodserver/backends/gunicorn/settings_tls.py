"""gunicorn's own settings, one field each: SSL, HTTP/2.

Written by ``tests/tools/gunicorn_model.py`` from gunicorn's settings registry; do not edit by hand.

Each option is accepted under its CLI flag (the documented name) and gunicorn's setting name;
defaults are gunicorn's own, or None where gunicorn computes them (from the environment, the
user, the working directory) and the option is then left to gunicorn.  Pinned against
``gunicorn.config.KNOWN_SETTINGS`` by ``tests/unit/gunicorn/test_drift.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from ...args.base import BackendArgs, Package, option
from ...args.values import AnyPath, Choice, Int, Unique, comma_list

__all__ = ["TLSSettings"]


class TLSSettings(BackendArgs):
    """gunicorn's SSL, HTTP/2 settings."""

    ssl_version: str | None = option(
        None, "SSL version to use (see stdlib ssl module's)", cli="ssl-version", group="TLS"
    )
    cert_reqs: Int = option(
        0, "Whether client certificate is required (see stdlib ssl module's)", cli="cert-reqs", group="TLS", ge=0, le=2
    )
    ca_certs: AnyPath | None = option(None, "CA certificates file", cli="ca-certs", group="TLS", path="file")
    suppress_ragged_eofs: bool = option(
        True, "Suppress ragged EOFs (see stdlib ssl module's)", cli="suppress-ragged-eofs", group="TLS"
    )
    do_handshake_on_connect: bool = option(
        False,
        "Whether to perform SSL handshake on socket connect (see stdlib ssl module's)",
        cli="do-handshake-on-connect",
        group="TLS",
    )
    ciphers: str | None = option(
        None, "SSL Cipher suite to use, in the format of an OpenSSL cipher list", cli="ciphers", group="TLS"
    )
    http_protocols: Annotated[list[Annotated[Literal["h1", "h2"], Choice]], BeforeValidator(comma_list), Unique] = (
        option(
            ["h1"],
            "HTTP protocol versions to support (comma-separated, order = preference)",
            cli="http-protocols",
            group="HTTP/2",
            requires={"h2": Package("h2", "gunicorn[http2]")},
        )
    )
    http2_cleartext: Annotated[Literal["off", "prior-knowledge", "upgrade", "both"], Choice] = option(
        "off", "Accept HTTP/2 over cleartext TCP (h2c), and by which mechanism", cli="http2-cleartext", group="HTTP/2"
    )
    http2_max_concurrent_streams: Int = option(
        100,
        "Maximum number of concurrent HTTP/2 streams per connection",
        cli="http2-max-concurrent-streams",
        group="HTTP/2",
        ge=1,
    )
    http2_initial_window_size: Int = option(
        65535,
        "Initial HTTP/2 flow control window size in bytes",
        cli="http2-initial-window-size",
        group="HTTP/2",
        ge=0,
        le=2**31 - 1,
    )
    http2_max_frame_size: Int = option(
        16384,
        "Maximum HTTP/2 frame payload size in bytes",
        cli="http2-max-frame-size",
        group="HTTP/2",
        ge=16384,
        le=16777215,
    )
    http2_max_header_list_size: Int = option(
        65536,
        "Maximum size of HTTP/2 header list in bytes (HPACK protection)",
        cli="http2-max-header-list-size",
        group="HTTP/2",
        ge=0,
    )
