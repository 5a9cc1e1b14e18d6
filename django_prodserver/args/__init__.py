"""Typed ARGS models, one per backend.  Pure pydantic: no Django, no granian import."""

from .base import OptionMeta, ServerArgs, option
from .granian import GranianArgs, GranianASGIArgs, GranianWSGIArgs

__all__ = ["GranianASGIArgs", "GranianArgs", "GranianWSGIArgs", "OptionMeta", "ServerArgs", "option"]
