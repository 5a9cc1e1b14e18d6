"""The WSGI backend's ``threads``: uvicorn builds its WSGI adapter with 10 threads and no flag to change it.

Imported only when a WSGI server with another number of threads starts (it imports uvicorn).  A
module-level class, so that uvicorn's worker processes (spawned, not forked) unpickle the config.
"""

from __future__ import annotations

from typing import Any

from uvicorn import Config
from uvicorn.importer import import_from_string
from uvicorn.middleware.wsgi import WSGIMiddleware  # type: ignore[attr-defined]  # a2wsgi's, or uvicorn's own


class ThreadedWSGIConfig(Config):
    """A ``Config`` for ``interface="wsgi"`` whose adapter runs the application on ``wsgi_threads`` threads."""

    def __init__(self, *, wsgi_threads: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wsgi_threads = wsgi_threads

    def load_app(self) -> Any:
        # Config.load calls this, then wraps a WSGI application in WSGIMiddleware(app) with its
        # default threads: wrap it here with ours, and let load take it for the ASGI 3 app it now is.
        app = import_from_string(self.app)
        if self.interface != "wsgi":
            return app
        self.interface = "asgi3"
        # As load does for WSGI: no websockets (it set their protocol before importing the app).
        self.ws_protocol_class = None
        return WSGIMiddleware(app, workers=self.wsgi_threads)
