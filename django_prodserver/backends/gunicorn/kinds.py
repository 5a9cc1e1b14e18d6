"""What gunicorn's class options name: the kinds the shared import rule judges (``rules/imports.py``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from ...args.addresses import PeerMatching
from ...args.values import Account, ClassPath, CommaList, Int

BUILTIN_WORKERS = {
    "sync": "gunicorn.workers.sync.SyncWorker",
    "gevent": "gunicorn.workers.ggevent.GeventWorker",
    "gevent_wsgi": "gunicorn.workers.ggevent.GeventPyWSGIWorker",
    "gevent_pywsgi": "gunicorn.workers.ggevent.GeventPyWSGIWorker",
    "tornado": "gunicorn.workers.gtornado.TornadoWorker",
    "gthread": "gunicorn.workers.gthread.ThreadWorker",
    "asgi": "gunicorn.workers.gasgi.ASGIWorker",
}
"""gunicorn's short worker names (``gunicorn.workers.SUPPORTED_WORKERS``, pinned by the drift test)."""
DEFAULT_LOGGER = "gunicorn.glogging.Logger"

WorkerClass = Annotated[
    str,
    ClassPath(
        "gunicorn.workers.base.Worker",
        "gunicorn worker class",
        trusted=frozenset({*BUILTIN_WORKERS, *BUILTIN_WORKERS.values()}),
    ),
]
LoggerClass = Annotated[
    str, ClassPath(DEFAULT_LOGGER, "gunicorn logger class", trusted=frozenset({"simple", DEFAULT_LOGGER}))
]
GUNICORN_PEERS = PeerMatching(
    "gunicorn", parses=True, networks=True, wildcard="anywhere", unix_peer="trusted", refuses_invalid=True
)
"""gunicorn's ``_ip_in_allow_list``: '*' anywhere trusts every peer; entries are networks read strictly
(``validate_string_to_addr_list`` refuses any other at start); a peer with no IP address (a Unix socket)
is always trusted."""
TrustList = Annotated[CommaList | None, GUNICORN_PEERS]
"""forwarded-allow-ips: whose X-Forwarded-* headers gunicorn believes."""
ProxyProtocolTrustList = Annotated[
    CommaList | None,
    replace(
        GUNICORN_PEERS,
        carries="PROXY protocol header",
        claims="the client address it claims",
        switch="proxy_protocol",
    ),
]
"""proxy-allow-from: matched the same way, for the PROXY protocol header."""
UwsgiTrustList = Annotated[CommaList | None, replace(GUNICORN_PEERS, carries=None)]
"""uwsgi-allow-from: matched the same way, for the uwsgi protocol."""
User = Annotated[Int | str | None, Account("user")]
Group = Annotated[Int | str | None, Account("group")]
"""user and group: a name or a numeric id, looked up where gunicorn runs (``rules/accounts.py``)."""
