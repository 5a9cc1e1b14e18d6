"""What an address option is: a host the server binds, or a list of proxies it trusts.

**Hosts.** gunicorn and uvicorn bind a host name as well as an IP address (``socket.bind`` and
asyncio resolve ``localhost``), so their ``address`` is a :data:`HostAddress`; Granian parses an IP
address only (``IPAddress`` in :mod:`.values`).

**Trust lists.** Each server matches the connecting peer against its list of trusted proxies in its
own way (read from each server's code): uvicorn parses IP addresses and networks, keeps anything
else as text and trusts every peer only when ``'*'`` is the whole value; gunicorn refuses an entry
that is no address or network and trusts every Unix-socket peer; waitress compares its one value
with the peer's address as *text*, so a network never matches, and gives every Unix-socket peer the
address ``'localhost'``.  A backend declares how its server matches as a :class:`PeerMatching` in
the field's type (``Annotated[CommaList, UVICORN_PEERS]``): the one rule in
:mod:`django_prodserver.rules.proxy` reads it and judges every such option of every backend.

Pure: no Django, no server.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

_HOST_NAME = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*\.?")


def _host_address(value: str) -> str:
    try:
        ipaddress.ip_address(value)
        return value
    except ValueError:
        pass
    # Digits and dots only is an IP address mistyped (10.0.0.300), not a name: getaddrinfo refuses it.
    if len(value) <= 253 and _HOST_NAME.fullmatch(value) and not re.fullmatch(r"[\d.]+", value):
        return value
    raise PydanticCustomError("host_address", "Input should be an IP address or a host name such as 'localhost'")


HostAddress = Annotated[str, AfterValidator(_host_address)]
"""An IP address or a host name, for servers that resolve the name when they bind."""


@dataclass(frozen=True)
class PeerMatching:
    """How one server compares the connecting peer with the entries of a trust list."""

    server: str
    """The server's name, as messages say what it does (``uvicorn``)."""
    parses: bool
    """Entries are read as IP addresses (and networks): ``::0001`` matches ``::1``. Else compared as text."""
    networks: bool
    """An entry with a ``/`` is a network (read strictly: no host bits set)."""
    wildcard: Literal["alone", "anywhere"]
    """``'*'`` trusts every peer only as the whole value, or anywhere in the list."""
    unix_peer: Literal["trusted", "no address"] | str
    """A Unix-socket peer: always trusted, never matched (it has no address), or compared as this text."""
    refuses_invalid: bool = False
    """The server refuses to start on an entry it cannot parse (else it keeps it as text)."""
    carries: str | None = "X-Forwarded-* headers"
    """What a trusted peer's word arrives in (gunicorn's proxy-allow-from: the PROXY protocol header);
    None for a list the proxy advice does not judge (gunicorn's uwsgi-allow-from)."""
    claims: str = "the https (or the client address) its headers claim"
    """What Django then sees that a client claims."""
    switch: str | None = None
    """The option without which the server reads none of it (uvicorn's proxy-headers; gunicorn's
    proxy-protocol, off when 'off')."""
    clears: tuple[str, frozenset[str]] | None = None
    """The boolean option with which the server removes the forwarded headers of a peer it does not
    trust before Django sees them, and those headers by their WSGI names (waitress' clear-untrusted-proxy-headers)."""


def peer_matching(info: FieldInfo) -> PeerMatching | None:
    """The matching a field's type declares, if it is a trust list."""
    return next((item for item in info.metadata if isinstance(item, PeerMatching)), None)


__all__ = ["HostAddress", "PeerMatching", "peer_matching"]
