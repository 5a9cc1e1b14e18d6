"""The one place settings are read.  Read on every access, so ``override_settings`` works."""

from __future__ import annotations

from django.conf import settings

SETTING = "PRODUCTION_PROCESSES"


def production_processes() -> object:
    """The raw ``PRODUCTION_PROCESSES`` value ({} when unset); validation judges its shape."""
    return getattr(settings, SETTING, {})


def production_platform() -> object:
    """The raw ``PRODUCTION_PLATFORM`` value, None when unset (or when no settings are configured)."""
    return getattr(settings, "PRODUCTION_PLATFORM", None) if settings.configured else None


def forwarded_headers() -> tuple[str | None, bool]:
    """What Django believes of a proxy: ``SECURE_PROXY_SSL_HEADER``'s header (None when unset or not a
    pair, which Django's own check reports), and ``USE_X_FORWARDED_HOST``."""
    if not settings.configured:
        return None, False
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    name = header[0] if isinstance(header, (tuple, list)) and len(header) == 2 and isinstance(header[0], str) else None
    return name, bool(getattr(settings, "USE_X_FORWARDED_HOST", False))
