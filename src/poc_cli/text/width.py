"""How many terminal columns text takes: the rule every table shares (plain tables
for pipes, terminal layouts, and the column widths the index measures at build time
for the big listings, ``index/write.py``).  Standard library only."""

from __future__ import annotations

import re

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
