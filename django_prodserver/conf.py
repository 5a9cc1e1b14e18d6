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
