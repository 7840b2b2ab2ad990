"""The terminal poc writes to: two Rich consoles, and what they are attached to.

Data goes to stdout, messages to stderr.  Colour only on a terminal, never with
``NO_COLOR`` (Rich honours it) or ``TERM=dumb``.  When stdout is not a terminal the
console is made wide enough that no table cell is ever cut or folded.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from rich.console import Console

PIPE_WIDTH = 100_000


@dataclass(frozen=True)
class Terminal:
    out: Console
    err: Console

    @property
    def interactive(self) -> bool:
        return self.out.is_terminal


def _console(stream: object, *, stderr: bool) -> Console:
    is_tty = bool(getattr(stream, "isatty", lambda: False)())
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return Console(
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        no_color=no_color,
        # NO_COLOR means no escape codes at all, bold included; colour_system None
        # makes Rich write plain text.
        color_system=None if no_color else "auto",
        width=None if is_tty else PIPE_WIDTH,
        soft_wrap=False,
    )


def make_terminal() -> Terminal:
    return Terminal(out=_console(sys.stdout, stderr=False), err=_console(sys.stderr, stderr=True))
