"""How many terminal columns text takes: the rule every table shares (plain tables
for pipes, terminal layouts, and the column widths the index measures at build time
for the big listings, ``index/write.py``).  Standard library only."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

NARROW = "\x00-\u02ff\u2000-\u2064\u2066-\u206f"
"""Characters that are one column each: none is combining or wide (Latin with its
accents, general punctuation such as curly quotes and dashes; checked in the tests)."""
OTHER = re.compile(f"[^{NARROW}]")
"""A character that may not be one column wide."""


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide East Asian characters take two,
    combining marks none."""
    if text.isascii():
        return len(text)
    others = OTHER.findall(text)
    if not others:
        return len(text)
    from unicodedata import combining, east_asian_width

    # Only the characters outside NARROW are looked up.
    return len(text) + sum(
        -1 if combining(ch) else 1 if east_asian_width(ch) in "WF" else 0 for ch in others
    )


def widest_line(text: str) -> int:
    return max((cell_width(line) for line in text.split("\n")), default=0)


def shown_width(text: str) -> tuple[int, bool]:
    """The columns a table cell takes (its widest line's: :func:`column_width` of it
    alone), and whether it is simple: one line of narrow characters (as
    :class:`CellsShape` means it)."""
    if "\n" in text:
        return widest_line(text), False
    if is_narrow(text):
        return len(text), True
    return cell_width(text), False


def is_narrow(text: str) -> bool:
    """True if every character of ``text`` is one column wide (its width is its len())."""
    return text.isascii() or not OTHER.search(text)


def column_width(texts: list[str]) -> int:
    """The width of a column of cells: its widest cell's, a cell of several lines
    measured by its widest line (as a plain table aligns them)."""
    joined = " ".join(texts)
    if "\n" in joined:
        return max(map(widest_line, texts), default=0)
    if is_narrow(joined):
        return max(map(len, texts), default=0)
    return max(map(cell_width, texts), default=0)


class CellsShape(NamedTuple):
    """What a table needs to know of its rows before it writes the first: each column's
    widest cell (:func:`column_width`), and whether every cell is one line of narrow
    characters (``simple``) and every row's last cell is neither empty nor ends in a
    space (``plain_ends``: a line then needs no trailing spaces cut).  The index
    measures its overview cells so at build time (``<kind>_cells`` in its meta table)."""

    widths: tuple[int, ...]
    simple: bool
    plain_ends: bool

    def text(self) -> str:
        return ",".join(map(str, (*self.widths, int(self.simple), int(self.plain_ends))))

    @classmethod
    def of_text(cls, text: str) -> CellsShape | None:
        """The shape :meth:`text` wrote, or None for anything else."""
        found = text.split(",")
        if len(found) < 3 or not all(n.isdigit() for n in found):
            return None
        numbers = [int(n) for n in found]
        return cls(tuple(numbers[:-2]), numbers[-2] == 1, numbers[-1] == 1)


def cells_shape(rows: Iterable[Sequence[str]]) -> CellsShape | None:
    """The :class:`CellsShape` of rows of cells (None for no rows)."""
    widths: list[int] = []
    simple = plain_ends = True
    found_rows = iter(rows)
    while batch := list(itertools.islice(found_rows, 5000)):
        columns = [list(texts) for texts in zip(*batch, strict=True)]
        found = [column_width(texts) for texts in columns]
        widths = [max(a, b) for a, b in zip(widths, found, strict=True)] if widths else found
        joined = "\x1f".join(["\x1f".join(texts) for texts in columns])
        simple = simple and "\n" not in joined and is_narrow(joined)
        plain_ends = plain_ends and all(x and not x[-1].isspace() for x in columns[-1])
    return CellsShape(tuple(widths), simple, plain_ends) if widths else None
