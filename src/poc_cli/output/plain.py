"""Plain text output for pipes and files: aligned tables and bar charts, no Rich;
and the word wrapping that terminal layouts share.

Most of what poc prints into pipes is drawn here, many times faster than Rich.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from poc_cli.text.escape import UNSAFE, visible
from poc_cli.text.width import OTHER as _OTHER
from poc_cli.text.width import CellsShape, cell_width, is_narrow, widest_line

from .tables import Column, Record

_WORD = re.compile(r"\S+")


def longest_word(text: str) -> int:
    """The width of the widest word (run of non-spaces) in ``text``: a column that
    wraps ``text`` must be at least this wide or it would have to break a word."""
    if text.isascii():
        return max((len(w) for w in text.split()), default=0)
    return max((cell_width(m.group()) for m in _WORD.finditer(text)), default=0)


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut ``text`` into lines at most ``width`` columns wide: (start, end)
    offsets of each line.

    Lines break only between words, and at the text's own newlines; spaces at a
    break are dropped.  A word wider than the line is never broken: it stands whole
    on a line of its own (the terminal folds it, and a copied id or address stays
    whole)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        start = end = -1
        used = 0
        for match in _WORD.finditer(paragraph):
            if start < 0:
                start, end, used = match.start(), match.end(), cell_width(match.group())
                continue
            grown = used + cell_width(paragraph[end : match.end()])
            if grown <= width:
                end, used = match.end(), grown
            else:
                lines.append((offset + start, offset + end))
                start, end, used = match.start(), match.end(), cell_width(match.group())
        lines.append((offset + start, offset + end) if start >= 0 else (offset, offset))
        offset += len(paragraph) + 1
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` wide, broken only between words."""
    return [text[a:b] for a, b in wrap_spans(text, width)]


def _pad(text: str, width: int, justify: str) -> str:
    gap = " " * (width - cell_width(text))
    return gap + text if justify == "right" else text + gap


Paint = Callable[[str, Column, Record | None], str]
"""Styles a padded cell (``None``: the header row) for a pipe that asked for colour."""


def to_plain_table(
    records: Sequence[Record], columns: Sequence[Column], *, paint: Paint | None = None
) -> str:
    """A table as plain aligned text, for pipes and files.

    Every cell is whole (never cut or folded); a cell with several lines keeps them,
    aligned under its column.  No Rich: this is most of what poc prints into pipes,
    and it is many times faster to draw.  ``paint``: escape codes around each cell,
    when colour was asked for into a pipe (``--color always``, ``FORCE_COLOR``).
    """
    if paint is not None:
        return _painted_table(records, columns, paint)
    # The cells, column by column, read in one pass a batch of records at a time: a
    # lazy sequence is read once, and no more records are held than a batch (the
    # cells are about the size of the table; 200,000 speakers' records were 1 GB).
    cells: list[list[str]] = [[] for _ in columns]
    values = [c.value for c in columns]
    rows = iter(records)
    while batch := list(islice(rows, TABLE_BATCH)):
        for texts, value in zip(cells, values, strict=True):
            texts.extend([value(r) for r in batch])
    del batch
    measured = _Measured(cells)
    widths = table_widths(columns, [measured])
    out = _header_lines(columns, widths)
    out.extend(measured.lines(columns, widths))
    del measured, cells
    out.append("")  # the last newline, without copying the table once more
    return "\n".join(out)


TABLE_BATCH = 2000
"""Records whose cells are made, measured and written together."""


class _Measured:
    """The cells of a batch of rows, column by column, made visible (control
    characters escaped) and measured: ``sizes`` (each cell's width, its widest line's
    for a cell of several lines), ``by_len`` (a column whose every cell is as wide as
    its len()) and ``broken`` (the rows with a cell of several lines)."""

    __slots__ = ("broken", "by_len", "cells", "sizes")

    def __init__(self, cells: list[list[str]]) -> None:
        # A column whose text needs no escape and no look-up (ASCII without controls, or
        # no character outside _NARROW) is checked once, as one text.
        self.cells = cells
        self.sizes: list[list[int]] = []
        self.by_len: list[bool] = []
        self.broken: set[int] = set()
        for i, texts in enumerate(cells):
            joined = " ".join(texts)
            if not _needs_no_escape(joined):
                texts = [visible(x) for x in texts]
                joined = " ".join(texts)
            by_len = False
            if "\n" in joined:
                self.broken.update(n for n, x in enumerate(texts) if "\n" in x)
                self.sizes.append([widest_line(x) for x in texts])
            elif joined.isascii() or not _OTHER.search(joined):
                self.sizes.append(list(map(len, texts)))
                by_len = True
            else:
                self.sizes.append(list(map(cell_width, texts)))
            del joined
            self.by_len.append(by_len)
            cells[i] = texts

    def widest(self) -> list[int]:
        return [max(found, default=0) for found in self.sizes]

    def lines(self, columns: Sequence[Column], widths: Sequence[int]) -> list[str]:
        """The rows' lines, each column padded to ``widths``."""
        cells = self.cells
        spaces = " " * (max(widths, default=0) + 1)
        # One %-format per row: a column measured by len() is padded by the format itself,
        # any other is padded here first.
        specs = []
        arguments = []
        for texts, found, w, c, by_len in zip(
            cells, self.sizes, widths, columns, self.by_len, strict=True
        ):
            right = c.justify == "right"
            if by_len:
                specs.append(f"%{'' if right else '-'}{w}s")
                arguments.append(texts)
            else:
                specs.append("%s")
                arguments.append(
                    [spaces[: w - n] + x for x, n in zip(texts, found, strict=True)]
                    if right
                    else [x + spaces[: w - n] for x, n in zip(texts, found, strict=True)]
                )
        row_format = "  ".join(specs)
        lines = [(row_format % row).rstrip() for row in zip(*arguments, strict=True)]
        del arguments
        for n in sorted(self.broken, reverse=True):
            parts = [texts[n].split("\n") for texts in cells]
            lines[n : n + 1] = [
                "  ".join(
                    _pad(cell[k] if k < len(cell) else "", w, c.justify)
                    for cell, w, c in zip(parts, widths, columns, strict=True)
                ).rstrip()
                for k in range(max(len(cell) for cell in parts))
            ]
        return lines


def table_widths(columns: Sequence[Column], batches: Iterable[_Measured]) -> list[int]:
    """Each column's width: its header's, or its widest cell's in any batch."""
    widths = [cell_width(c.header) for c in columns]
    for measured in batches:
        widths = [max(w, found) for w, found in zip(widths, measured.widest(), strict=True)]
    return widths


def _header_lines(columns: Sequence[Column], widths: Sequence[int]) -> list[str]:
    header = "  ".join(_pad(c.header, w, c.justify) for w, c in zip(widths, columns, strict=True))
    return [header.rstrip(), "  ".join("-" * w for w in widths).rstrip()]


def plain_table_of_cells(
    pages: Iterable[Sequence[str]],
    columns: Sequence[Column],
    shape: CellsShape,
    *,
    skip: int = 0,
) -> Iterator[str]:
    """The text :func:`to_plain_table` gives, written a page at a time from cells
    already made and measured (the index's overviews: ``cell_pages``): each row its
    cells as :func:`~poc_cli.text.escape.visible` shows them, joined by U+001F (which
    visible never leaves in a text), the first ``skip`` of them not shown; ``shape``:
    their widths and shape (:func:`~poc_cli.text.width.cells_shape`, of every cell).
    One pass, and no more than a page in memory however many rows there are."""
    widest = shape.widths[skip:]
    widths = [max(cell_width(c.header), w) for c, w in zip(columns, widest, strict=True)]
    yield "\n".join(_header_lines(columns, widths)) + "\n"
    formats = [
        f"%{'' if c.justify == 'right' else '-'}{w}s" for c, w in zip(columns, widths, strict=True)
    ]
    if columns[-1].justify != "right":
        formats[-1] = "%s"  # (its padding would be cut off the line)
    row_format = "  ".join(formats)
    if shape.simple and shape.plain_ends:
        # One line of narrow characters a row, and none ends in spaces (nor does a row's
        # line, so nothing is cut off it): a page is one %-format of all its cells
        # ("%.0s" leaves out the skipped ones).
        page_row = "%.0s" * skip + row_format + "\n"
        by_length: dict[int, str] = {}
        for page in pages:
            page_format = by_length.get(len(page)) or by_length.setdefault(
                len(page), page_row * len(page)
            )
            yield page_format % tuple("\x1f".join(page).split("\x1f"))
        return
    for page in pages:
        text = "\x1e".join(page)
        narrow = shape.simple or is_narrow(text)
        if narrow and "\n" not in text:  # every cell as wide as its len(), one line each
            lines = [(row_format % tuple(row.split("\x1f")[skip:])).rstrip() for row in page]
        else:
            lines = []
            add = lines.append
            for row in page:
                if not (narrow or is_narrow(row)):  # wide characters: measured cell by cell
                    cells = row.split("\x1f")[skip:]
                    lines.extend(_Measured([[x] for x in cells]).lines(columns, widths))
                elif "\n" not in row:
                    add((row_format % tuple(row.split("\x1f")[skip:])).rstrip())
                else:  # a cell of several lines: each line under its column
                    parts = [x.split("\n") for x in row.split("\x1f")[skip:]]
                    for k in range(max(map(len, parts))):
                        line = tuple([part[k] if k < len(part) else "" for part in parts])
                        add((row_format % line).rstrip())
        if lines:
            yield "\n".join(lines) + "\n"


def _needs_no_escape(text: str) -> bool:
    """True if :func:`~poc_cli.text.escape.visible` leaves ``text`` as it is: printable
    ASCII holds no control character (known at C speed); other text is searched."""
    if text.isascii():
        return text.isprintable()
    return UNSAFE.search(text) is None


def _painted_table(records: Sequence[Record], columns: Sequence[Column], paint: Paint) -> str:
    header = [c.header for c in columns]
    body = [[visible(c.value(r)).split("\n") for c in columns] for r in records]
    widths = [
        max([cell_width(header[i])] + [cell_width(line) for row in body for line in row[i]])
        for i in range(len(columns))
    ]
    last = len(columns) - 1

    def row_line(cells: Sequence[str], record: Record | None) -> str:
        parts = []
        for i, (text, column) in enumerate(zip(cells, columns, strict=True)):
            padded = text if i == last else _pad(text, widths[i], column.justify)
            parts.append(paint(padded, column, record) if text else padded)
        return "  ".join(parts).rstrip()

    out = [row_line(header, None), "  ".join("-" * w for w in widths)]
    for record, row in zip(records, body, strict=True):
        for n in range(max(len(cell) for cell in row)):
            out.append(row_line([cell[n] if n < len(cell) else "" for cell in row], record))
    return "\n".join(out) + "\n"


ANSI = {
    "bold": "1",
    "dim": "2",
    "reverse": "7",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
}


def ansi(text: str, style: str) -> str:
    """``text`` in a style named as Rich names it ("bold cyan"); unknown words ignored."""
    codes = [ANSI[word] for word in style.split() if word in ANSI]
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes and text else text


BAR_WIDTH = 40


def bar_length(count: int, largest: int, width: int = BAR_WIDTH) -> int:
    return max(1, round(width * count / (largest or 1)))


def plain_bar_charts(rows: Sequence[Record]) -> str:
    """``poc stats`` as plain text: one chart per breakdown, a bar of █ per count."""
    out: list[str] = []
    groups: dict[str, list[Record]] = {}
    for r in rows:
        groups.setdefault(r["by"], []).append(r)
    bars = ["█" * n for n in range(BAR_WIDTH + 1)]
    for dimension, group in groups.items():
        largest = max(r["statements"] for r in group)
        labels = [r["label"] for r in group]
        joined = "\n".join(labels)
        if not _needs_no_escape(joined.replace("\n", " ")):
            labels = [visible(label) for label in labels]
            joined = "\n".join(labels)
        if joined.isascii() or not _OTHER.search(joined):
            sizes = list(map(len, labels))
        else:
            sizes = list(map(cell_width, labels))
        label_width = max(sizes)
        count_width = len(str(largest))
        spaces = " " * (label_width + 1)
        out.append(f"Statements by {dimension}")
        # What follows a label (its count and bar) is made once for each count: most
        # of a big corpus's thousands of people share a few small counts.
        tails: dict[int, str] = {}
        for label, size, r in zip(labels, sizes, group, strict=True):
            count = r["statements"]
            tail = tails.get(count)
            if tail is None:
                n = bar_length(count, largest)
                bar = bars[n] if n <= BAR_WIDTH else "█" * n
                tail = tails[count] = f"  {count:>{count_width}}  {bar}"
            out.append(f"  {label}{spaces[: label_width - size]}{tail}")
        out.append("")
    return "\n".join(out)
