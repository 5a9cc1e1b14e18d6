"""The output of ``prodserver --all``: each line prefixed with the time and its process's name.

As honcho and foreman show it: names aligned, each in its own colour on a terminal, plain when not.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TextIO

SYSTEM = "prodserver"
"""The name the runner's own lines carry (a process started, stopped, or killed)."""
_COLOURS = ("36", "33", "32", "35", "34", "96", "93", "92", "95", "94")


class Printer:
    """Writes one process's line at a time, with its aligned, coloured prefix."""

    def __init__(self, names: Sequence[str], out: TextIO, *, colour: bool) -> None:
        self.out = out
        self.width = max(len(name) for name in [*names, SYSTEM])
        self.colours = {name: _COLOURS[index % len(_COLOURS)] for index, name in enumerate(names)}
        self.colour = colour

    def write(self, name: str, text: str) -> None:
        prefix = f"{time.strftime('%H:%M:%S')} {name.ljust(self.width)} | "
        if self.colour:
            # The runner's own lines in bold, each process in its colour.
            prefix = f"\x1b[{self.colours.get(name, '1')}m{prefix}\x1b[0m"
        self.out.write(prefix + text.rstrip("\r\n") + "\n")
        self.out.flush()

    def system(self, text: str) -> None:
        self.write(SYSTEM, text)
