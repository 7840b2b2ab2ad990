"""Turn records into output: Rich tables, JSON, CSV or Markdown.

Every listing command goes through :func:`render`, so the formats cannot drift
apart.  Renderers build and return (a Rich renderable or a string); printing is the
CLI's job.  Text from a dataset is data: it is placed in Rich ``Text`` objects
(never parsed as markup), and terminal control characters are made visible in
every human format.  JSON keeps the exact text, escaped as JSON escapes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from .text.escape import UNSAFE_IN_JSON as _UNSAFE_IN_JSON
from .text.escape import markdown_escape, visible

if TYPE_CHECKING:  # Rich is imported only when a table is drawn: --json stays fast
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

Record = dict[str, Any]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def safe_text(text: str, style: str = "") -> Text:
    """Dataset text for Rich: never markup, never raw control characters."""
    from rich.text import Text

    return Text(visible(text), style=style)


class Column(NamedTuple):
    header: str
    value: Callable[[Record], str]
    style: str = ""
    no_wrap: bool = False
    ratio: int | None = None
    justify: str = "left"
    # Optional richer cell for tables (highlighted matches); must show the same text.
    rich: Callable[[Record], Text] | None = None


class View(NamedTuple):
    """How a list of records looks as a table, a CSV file and a Markdown table."""

    columns: tuple[Column, ...]
    csv_columns: tuple[Column, ...] = ()
    title: str | None = None
    caption: str | None = None
    extra: Callable[[Sequence[Record]], list[RenderableType]] | None = None

    @property
    def flat_columns(self) -> tuple[Column, ...]:
        return self.csv_columns or self.columns


def to_json(records: Sequence[Record]) -> str:
    text = json.dumps(list(records), ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_csv(records: Sequence[Record], columns: Sequence[Column]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.header for c in columns])
    for record in records:
        writer.writerow([visible(c.value(record)) for c in columns])
    return buffer.getvalue()


def _markdown_cell(value: str) -> str:
    value = markdown_escape(visible(value))
    return value.replace("\r\n", "\n").replace("\n", "<br>")


def to_markdown(records: Sequence[Record], columns: Sequence[Column]) -> str:
    lines = [
        "| " + " | ".join(_markdown_cell(c.header) for c in columns) + " |",
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |",
    ]
    lines += [
        "| " + " | ".join(_markdown_cell(c.value(r)) for c in columns) + " |" for r in records
    ]
    return "\n".join(lines) + "\n"


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


def to_table(records: Sequence[Record], view: View, *, fit: bool = True) -> Table:
    """``fit``: share a terminal's width out by column ratios.  Off for pipes, where
    every column takes the width its longest cell needs, so nothing is folded."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=safe_text(view.title) if view.title else None,
        caption=safe_text(view.caption) if view.caption else None,
        box=box.SIMPLE_HEAVY,
        show_edge=False,
        show_lines=False,
        header_style="bold",
        title_justify="left",
    )
    for column in view.columns:
        table.add_column(
            column.header,
            style=column.style,
            no_wrap=column.no_wrap,
            ratio=column.ratio if fit else None,
            overflow="fold",
            justify=column.justify,  # type: ignore[arg-type]
        )
    for record in records:
        table.add_row(
            *(c.rich(record) if c.rich else safe_text(c.value(record)) for c in view.columns)
        )
    return table


def render(
    records: Sequence[Record], view: View, fmt: Format, *, terminal: bool = True
) -> RenderableType | str:
    """One place that chooses the output format.

    ``terminal``: the table goes to a terminal, so it is a Rich table that shares the
    width out; otherwise it is plain aligned text (detailed views stay Rich, drawn
    wide enough that nothing is folded)."""
    if fmt is Format.json:
        return to_json(records)
    if fmt is Format.csv:
        return to_csv(records, view.flat_columns)
    if fmt is Format.markdown:
        return to_markdown(records, view.flat_columns)
    if not terminal and view.extra is None:
        return to_plain_table(records, view.columns)
    from rich.console import Group

    if not terminal and not view.title and not view.caption:
        # A detailed view into a pipe: the same plain table as every other listing
        # (not Rich's heavy rule and padding), then the view's own parts.
        from rich.text import Text

        plain = Text(to_plain_table(records, view.columns).rstrip("\n"))
        return Group(plain, *view.extra(records) if view.extra else ())
    table = to_table(records, view, fit=terminal)
    if view.extra is None:
        return table
    return Group(table, *view.extra(records))


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
