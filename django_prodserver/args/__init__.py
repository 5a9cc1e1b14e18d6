"""The option machinery every backend's ARGS model is built with.  Pure pydantic: no Django, no server."""

from .base import MASK, BackendArgs, OptionMeta, Package, PathRole, option

__all__ = ["MASK", "BackendArgs", "OptionMeta", "Package", "PathRole", "option"]
