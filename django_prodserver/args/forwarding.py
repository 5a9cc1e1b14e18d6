"""Which options reach the tool: one walker over a model's options, for every renderer.

An option reaches the tool when the user set it (in the settings or on the command line): the tool
keeps its own defaults for the rest.  Each renderer walks :func:`forwarded` once per rendering (its
in-process launch and the command line ``--dry-run`` prints), so the two cannot disagree on which
options they carry; the ways the tools differ are data, a :class:`Forwarding` per renderer:

- Granian, uvicorn and gunicorn are also given the defaults this package fixes (the common options'
  documented defaults, ``meta.documented``), so that the same ARGS mean the same on every server;
- gunicorn's launch sets options no flag gives (its hooks), and reads an empty list as a value;
- Django's management commands take only what differs from the default (``--nothreading``);
- a renderer renders a few options itself (gunicorn's ``bind`` from address and port) or leaves
  some out (runserver's static-files flags without ``django.contrib.staticfiles``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from .base import BackendArgs, OptionMeta


@dataclass(frozen=True)
class Forwarding:
    """How one tool takes its options, beyond "those the user set"."""

    fixed_defaults: bool = False
    """Unset options whose default this package fixes (``meta.documented``) reach the tool too, if it has a flag."""
    flags_only: bool = True
    """Only options with a flag of the tool's command line; False when the launch also sets options no flag gives
    (gunicorn's hooks, which its renderer lists as not on the command line)."""
    empty_lists: bool = False
    """An empty list the user set reaches the tool (gunicorn and the argv-driven tools read ``[]`` as a value);
    otherwise it is left out and the tool keeps its default."""
    defaults: bool = True
    """A value the user set that equals the field's default reaches the tool; False for a command that only takes
    what differs (runserver's ``--nothreading`` is the only way to say ``use_threading`` False)."""
    apart: frozenset[str] = frozenset()
    """Fields the renderer renders itself, or leaves out."""


class Forwarded(NamedTuple):
    """One option that reaches the tool, with its value."""

    field: str
    meta: OptionMeta
    value: Any


def forwarded(args: BackendArgs, forwarding: Forwarding) -> Iterator[Forwarded]:
    """The options of ``args`` that reach the tool, in declaration order; None is never passed (the tool's default)."""
    fields = type(args).model_fields
    for field, meta in type(args).options().items():
        value = getattr(args, field)
        if field in forwarding.apart or value is None or (meta.cli is None and forwarding.flags_only):
            continue
        if value == [] and not forwarding.empty_lists:
            continue
        if field in args.model_fields_set:
            if forwarding.defaults or value != fields[field].default:
                yield Forwarded(field, meta, value)
        elif forwarding.fixed_defaults and meta.documented and meta.cli is not None:
            yield Forwarded(field, meta, value)


__all__ = ["Forwarded", "Forwarding", "forwarded"]
