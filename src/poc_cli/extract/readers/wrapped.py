"""Hard-wrapped plain text and Markdown: a paragraph's lines joined into one.

Text saved from a PDF (``pdftotext``), an e-mail, or Markdown written at 72 or 80 columns
breaks every paragraph into lines of about the same width.  A quotation broken over two
lines is still one quotation, and "protec-" + "tion" is still one word, so such a text is
read as a PDF is: each paragraph's lines joined by the rules of ``readers/lines.py``.

A text is taken as hard-wrapped only when it looks it: at least four lines that have a next
line in the same block, most of them close to the text's line width, and that width between 50
and 110 characters.  A report whose paragraphs are single long lines, a roster of short lines or
a poem comes back unchanged.  Inside a wrapped text a line stays a line of its own when it
ends a sentence and stops short of the width, when it is short and the next one is short
too (a title, a date line), or when the next one starts a list item, a heading, a quotation
block or a table row.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Final

from .lines import join_lines, vocabulary

MAX_WIDTH: Final = 110  # a text wrapped wider than this is not wrapped by hand
MIN_INNER_LINES: Final = 4
MIN_WIDTH: Final = 50  # nobody wraps running text narrower: shorter lines are a list
FULL: Final = 0.6  # a line at least this share of the width is a full line
_MARKER: Final = re.compile(
    r"^\s*(?:[-*+•◦▪‣–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|#{1,6}\s|>|\||```|~~~)"
)
_SENTENCE_END: Final = re.compile(r"[.!?:;”\"’')\]]\s*$")


def unwrap(text: str) -> str:
    """``text`` with the lines of each hard-wrapped paragraph joined, or ``text`` itself
    when it does not look hard-wrapped."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    words = vocabulary(lines)
    out: list[str] = []
    group: list[str] = []
    for k, line in enumerate(lines):
        if not line.strip():
            _flush(group, out, words)
            out.append(line)
            continue
        group.append(line.strip() if group else line.rstrip())
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if not nxt.strip() or not _continues(line, nxt, width):
            _flush(group, out, words)
    _flush(group, out, words)
    return "\n".join(out)


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None if it was not."""
    inner = [
        len(line.rstrip())
        for k, line in enumerate(lines[:-1])
        if line.strip() and lines[k + 1].strip() and not _MARKER.match(lines[k + 1])
    ]
    if len(inner) < MIN_INNER_LINES:
        return None
    longest = max(len(line.rstrip()) for line in lines)
    if longest > MAX_WIDTH:
        return None
    width = int(statistics.quantiles(inner, n=10)[-1]) if len(inner) >= 2 else inner[0]
    full = sum(1 for n in inner if n >= FULL * width)
    if width < MIN_WIDTH or full < 0.6 * len(inner):
        return None
    return width


def _continues(line: str, nxt: str, width: int) -> bool:
    """Does ``nxt`` go on with the paragraph that ``line`` is part of?"""
    if _MARKER.match(nxt):
        return False
    short = len(line.rstrip()) < FULL * width
    if short and _SENTENCE_END.search(line):
        return False  # the paragraph's last line
    # a title over a date line, an address: two short lines
    return not (
        short and len(nxt.rstrip()) < FULL * width and not line.rstrip().endswith(("-", ","))
    )


def _flush(group: list[str], out: list[str], words: Counter[str]) -> None:
    if group:
        out.append(join_lines(group, words) if len(group) > 1 else group[0])
        group.clear()
