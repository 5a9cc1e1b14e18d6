"""The backend contract kit: what every backend package must keep true, checked the same way for all.

A backend joins by declaring one :class:`Contract` in ``tests/contract/backends.py``; the tests in
``test_contract.py`` then pin, for each of its backends:

- drift: its options are exactly the tool's own (its option registry), minus what the backend decides;
- equivalence: the copyable command line, parsed by the tool's own parser, configures the tool as the
  launch does (from what the backend hands over to the process that replaces ``manage.py``), for
  every sample (and a changed line does not: the comparison can fail);
- the catalogue: every check ID its package emits has an example (the catalogue tests run them);
- robustness: validation never raises, whatever a setting holds (hypothesis);
- the check path stays light: importing the backend does not import the tool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django_prodserver.args.base import BackendArgs
from django_prodserver.backends.base import TypedBackend

Backend = TypedBackend[Any]


def handed_over(backend: Backend, args: BackendArgs) -> Any:
    """What a server's launcher reads after ``manage.py prodserver`` replaced itself (``backend.launch(args)``)."""
    from django_prodserver.backends.handover import decoded, encoded

    return decoded(encoded(backend.launch(args)))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Contract:
    """One backend package, as the contract tests see it."""

    package: str
    """``django_prodserver.backends.granian``."""
    backends: tuple[str, ...]
    """Dotted paths of its backends, as settings name them."""
    tool_flags: Callable[[type[Backend]], set[str]]
    """The tool's own options for this backend, read from its registry (flags without dashes)."""
    decided: frozenset[str]
    """The tool's options the backend decides (the application, the interface): never ARGS."""
    launch: Callable[[Backend, BackendArgs], Any]
    """The tool's configuration as the launch builds it (without serving): for a server, from what the
    backend hands over to its launcher (:func:`handed_over`), through the same encoding."""
    parse: Callable[[list[str]], Any]
    """The tool's configuration as its own parser builds it from the command line."""
    samples: tuple[dict[str, Any], ...] = ({},)
    """ARGS whose command line and launch are compared (the defaults at least)."""
    files: Callable[[Path], None] = field(default=lambda directory: None)
    """Creates the files the samples name, in the current directory."""
    changed: tuple[str, ...] = ()
    """Arguments appended to a command line that must change the configuration (``--workers 3``)."""
