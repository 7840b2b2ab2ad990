"""Plain text output for pipes and files: aligned tables and bar charts, no Rich.

Most of what poc prints into pipes is drawn here, many times faster than Rich.
"""

from __future__ import annotations

from collections.abc import Sequence

from poc_cli.text.escape import visible

from .tables import Column, Record


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide East Asian characters take two,
    combining marks none."""
    if text.isascii():
        return len(text)
    from unicodedata import combining, east_asian_width

    return sum(0 if combining(ch) else 2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, justify: str) -> str:
    gap = " " * (width - cell_width(text))
    return gap + text if justify == "right" else text + gap


def to_plain_table(records: Sequence[Record], columns: Sequence[Column]) -> str:
    """A table as plain aligned text, for pipes and files.

    Every cell is whole (never cut or folded); a cell with several lines keeps them,
    aligned under its column.  No Rich: this is most of what poc prints into pipes,
    and it is many times faster to draw.
    """
    header = [c.header for c in columns]
    body = [[visible(c.value(r)).split("\n") for c in columns] for r in records]
    widths = [
        max([cell_width(header[i])] + [cell_width(line) for row in body for line in row[i]])
        for i in range(len(columns))
    ]
    out = [
        "  ".join(_pad(h, w, c.justify) for h, w, c in zip(header, widths, columns, strict=True))
    ]
    out.append("  ".join("-" * w for w in widths))
    for row in body:
        for n in range(max(len(cell) for cell in row)):
            cells = (cell[n] if n < len(cell) else "" for cell in row)
            out.append(
                "  ".join(
                    _pad(x, w, c.justify) for x, w, c in zip(cells, widths, columns, strict=True)
                )
            )
    return "\n".join(line.rstrip() for line in out) + "\n"


BAR_WIDTH = 40


def bar_length(count: int, largest: int, width: int = BAR_WIDTH) -> int:
    return max(1, round(width * count / (largest or 1)))


def plain_bar_charts(rows: Sequence[Record]) -> str:
    """``poc stats`` as plain text: one chart per breakdown, a bar of █ per count."""
    out: list[str] = []
    for dimension in dict.fromkeys(r["by"] for r in rows):
        group = [r for r in rows if r["by"] == dimension]
        largest = max(r["statements"] for r in group)
        labels = [visible(r["label"]) for r in group]
        label_width = max(cell_width(label) for label in labels)
        count_width = len(str(largest))
        out.append(f"Statements by {dimension}")
        for label, r in zip(labels, group, strict=True):
            bar = "█" * bar_length(r["statements"], largest)
            out.append(
                f"  {_pad(label, label_width, 'left')}  {r['statements']:>{count_width}}  {bar}"
            )
        out.append("")
    return "\n".join(out)
