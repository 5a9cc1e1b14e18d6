"""waitress' launcher: the process ``manage.py prodserver`` becomes (:mod:`..handover`), serving the
application as ``waitress-serve`` does.

It runs in a fresh interpreter: the project is imported as by ``waitress-serve``, without the
validation, pydantic and the models that ``manage.py prodserver`` held.
"""

from __future__ import annotations

import logging
import pkgutil
import signal
from types import FrameType
from typing import Any

from ..handover import ServerStartError, launched, taken_over


def serve(target: str, kwargs: dict[str, Any], address: str) -> None:
    """Serve until SIGTERM or SIGINT; :class:`ServerStartError` if waitress cannot start."""
    from waitress import serve  # type: ignore[import-untyped]  # waitress ships no types

    application = pkgutil.resolve_name(target)
    # As waitress-serve does: its "Serving on ..." line is logged at INFO.
    logger = logging.getLogger("waitress")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
    # waitress stops on SystemExit (closing its sockets and threads); SIGTERM would kill it mid-request.
    signal.signal(signal.SIGTERM, _exit)
    try:
        serve(application, **kwargs)
    except ValueError as exc:
        # Adjustments refuses what the check cannot know (a host name that does not resolve).
        raise ServerStartError(f"waitress refused to start: {exc}") from None
    except OSError as exc:
        raise ServerStartError(f"Cannot listen on {address}: {exc.strerror or exc}.") from None


def _exit(signum: int, frame: FrameType | None) -> Any:
    raise SystemExit(0)


def main() -> None:
    """The launcher's entry: serve what ``manage.py prodserver`` validated and handed over."""
    target, kwargs, address = taken_over()
    launched(lambda: serve(target, kwargs, address))


if __name__ == "__main__":
    main()
