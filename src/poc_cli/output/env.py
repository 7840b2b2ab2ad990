"""The process's output environment: where data and messages go, and what they are.

Data goes to stdout, messages to stderr (httpie's ``Environment``, made small).  An
:class:`Environment` is made once per command from the process's streams and
variables (:meth:`Environment.current`); tests may build one with other values.
Colour only on a terminal, never with ``NO_COLOR`` or ``TERM=dumb``.  The Rich
consoles are made only when something is drawn with Rich.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 100_000
"""A console's width when its stream is not a terminal: no table cell is ever cut."""


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False


@dataclass
class Environment:
    stdout: TextIO
    stderr: TextIO
    stdout_isatty: bool
    stderr_isatty: bool
    no_color: bool
    _consoles: dict[str, Console] = field(default_factory=dict, repr=False)

    @classmethod
    def current(cls) -> Environment:
        """The environment of this process, as it is now."""
        no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
        return cls(
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            no_color=no_color,
        )

    def _console(self, name: str) -> Console:
        if name not in self._consoles:
            from rich.console import Console

            stderr = name == "err"
            is_tty = self.stderr_isatty if stderr else self.stdout_isatty
            self._consoles[name] = Console(
                file=self.stderr if stderr else self.stdout,
                markup=False,
                emoji=False,
                highlight=False,
                no_color=self.no_color,
                # NO_COLOR means no escape codes at all, bold included; colour_system
                # None makes Rich write plain text.
                color_system=None if self.no_color else "auto",
                width=None if is_tty else PIPE_WIDTH,
                soft_wrap=False,
            )
        return self._consoles[name]

    @property
    def out(self) -> Console:
        """A Rich console on stdout."""
        return self._console("out")

    @property
    def err(self) -> Console:
        """A Rich console on stderr."""
        return self._console("err")

    def message(self, text: str, *, dim: bool = False) -> None:
        """One message line (or several) on stderr, shown as data: control characters
        visible, never markup."""
        from poc_cli.text.escape import visible

        if self.stderr_isatty and not self.no_color and dim:
            from .rich_views import safe_text

            self.err.print(safe_text(text), style="dim")
            return
        self.stderr.write(visible(text) + "\n")
        self.stderr.flush()
