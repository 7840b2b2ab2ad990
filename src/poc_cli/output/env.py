"""The process's output environment: where data and messages go, and what they are.

Data goes to stdout, messages to stderr (httpie's ``Environment``, made small).  An
:class:`Environment` is made once per command from the process's streams and
variables (:meth:`Environment.current`); tests may build one with other values (a
``width`` to lay a terminal out at).  Colour (``--color``, as ripgrep and gh have it):
``auto`` styles a terminal only, never with ``NO_COLOR`` or ``TERM=dumb``, and
``FORCE_COLOR`` styles a pipe too; ``always`` and ``never`` say it outright.  The
Rich consoles are made only when something is drawn with Rich.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 100_000
"""A console's width when its stream is not a terminal: no table cell is ever cut."""
DEFAULT_WIDTH = 80
"""A terminal's width when neither it nor $COLUMNS says (a pty may report 0)."""
MAX_WIDTH = 10_000
COLOR_CHOICES = ("auto", "always", "never")


def repair_columns() -> None:
    """Forget a $COLUMNS that is not a width (``0``, ``abc``, ``-3``), so that every
    console asks the terminal instead: Rich and Typer take ``COLUMNS=0`` for a width
    of 0 and print nothing at all, errors included."""
    value = os.environ.get("COLUMNS")
    if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
        del os.environ["COLUMNS"]


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False


def terminal_size(stream: object) -> tuple[int, int]:
    """(columns, lines) of the terminal ``stream`` is on: $COLUMNS and $LINES first,
    as Rich and the shell have it, then the terminal; 80 by 25 when neither says."""
    columns = lines = 0
    try:
        size = os.get_terminal_size(stream.fileno())  # type: ignore[attr-defined]
        columns, lines = size.columns, size.lines
    except (AttributeError, ValueError, OSError):
        pass
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name, "")
        if value.isascii() and value.isdigit() and int(value) > 0:
            if name == "COLUMNS":
                columns = int(value)
            else:
                lines = int(value)
    return min(columns, MAX_WIDTH) or DEFAULT_WIDTH, lines or 25


def _force_color() -> bool:
    """FORCE_COLOR set to anything but empty or 0 (force-color.org; 0 as chalk reads it)."""
    return os.environ.get("FORCE_COLOR", "") not in ("", "0")


@dataclass
class Environment:
    stdout: TextIO
    stderr: TextIO
    stdout_isatty: bool
    stderr_isatty: bool
    no_color: bool
    width: int | None = None
    """The terminal's width for stdout; None: ask the terminal ($COLUMNS, then it)."""
    force_color: bool = False
    """Style output even where it is not a terminal (a pipe, a pager)."""
    _consoles: dict[str, Console] = field(default_factory=dict, repr=False)

    @classmethod
    def current(cls) -> Environment:
        """The environment of this process, as it is now (--color auto)."""
        no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
        return cls(
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            no_color=no_color,
            force_color=not os.environ.get("NO_COLOR") and _force_color(),
        )

    def with_color(self, choice: str) -> Environment:
        """This environment under ``--color CHOICE``: ``auto`` (as it is), ``always``
        (styles even into a pipe or any pager), ``never``."""
        if choice == "always":
            return replace(self, no_color=False, force_color=True, _consoles={})
        if choice == "never":
            return replace(self, no_color=True, force_color=False, _consoles={})
        return self

    @property
    def color(self) -> bool:
        """Whether stdout gets styles."""
        return self.force_color or (self.stdout_isatty and not self.no_color)

    @property
    def columns(self) -> int:
        """How wide stdout's terminal is (80 when it says 0 or nothing)."""
        if self.width is not None and self.width > 0:
            return min(self.width, MAX_WIDTH)
        return terminal_size(self.stdout)[0]

    @property
    def lines(self) -> int:
        return terminal_size(self.stdout)[1]

    def _console(self, name: str) -> Console:
        if name not in self._consoles:
            from rich.console import Console

            stderr = name == "err"
            is_tty = self.stderr_isatty if stderr else self.stdout_isatty
            colour = (is_tty and not self.no_color) or self.force_color
            if stderr:
                width = terminal_size(self.stderr)[0] if is_tty else PIPE_WIDTH
            else:
                width = self.columns if is_tty else PIPE_WIDTH
            self._consoles[name] = Console(
                file=self.stderr if stderr else self.stdout,
                markup=False,
                emoji=False,
                highlight=False,
                no_color=not colour,
                # NO_COLOR means no escape codes at all, bold included; colour_system
                # None makes Rich write plain text.
                color_system=("auto" if is_tty else "standard") if colour else None,
                # styles wherever they were decided on (a pipe too, when asked)
                force_terminal=True if colour else None,
                width=width,
                height=terminal_size(self.stdout)[1],
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

            # soft_wrap: the line as it is, never folded or cut to the width
            self.err.print(safe_text(text), style="dim", soft_wrap=True)
            return
        self.stderr.write(visible(text) + "\n")
        self.stderr.flush()
