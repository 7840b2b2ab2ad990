"""Rich renderables: the terminal table, the detailed views (one session, one person,
one statement), statistics charts and the search "Person:" header.  They build and
return; they never print, and all dataset text goes through :func:`safe_text`.

Nothing here may expand to the console width (no panels or rules): when stdout is
not a terminal the console is very wide so that nothing is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from poc_cli.text.escape import visible
from poc_cli.text.width import cell_width, widest_line

from .details import (
    Grid,
    Part,
    grid_columns,
    session_detail_parts,
    speaker_profile_parts,
    statement_context_parts,
)
from .plain import (
    BAR_WIDTH,
    bar_length,
    longest_word,
    to_plain_table,
    wrap_spans,
)
from .tables import Column, Record, View


def safe_text(text: str, style: str = "") -> Text:
    """Dataset text for Rich: never markup, never raw control characters."""
    return Text(visible(text), style=style)


def to_table(records: Sequence[Record], view: View, *, fit: bool = True) -> Table:
    """``fit``: share a terminal's width out by column ratios.  Off for pipes, where
    every column takes the width its longest cell needs, so nothing is folded."""
    from rich import box

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


GAP = 2
"""Spaces between the columns of a terminal table."""
LISTING_TEXT_MIN = 50
"""The narrowest a listing's text column may be: below it, a statement of a few
hundred characters takes ten lines of a few words each, and one block per record
(the text at the terminal's full width) reads better."""
GRID_TEXT_MIN = 30
"""The same for the statement lists under a session or a person (fewer columns)."""
OTHER_FLEX_MIN = 12
NARROW_FIRST = 16
"""A wrapped column without a ratio (a speaker's name) grows past this only when the
text column has all it can use."""


class Fitted:
    """A listing laid out for the width it is given, as ``git log`` and ``gh`` do.

    A table while every column fits without breaking a word and the text column
    keeps ``text_min`` columns; below that, one block per record: a header line of
    its key cells (id, speaker, session, kind), then its text wrapped to the whole
    width.  Either way every cell is whole and words break only between words (a
    word wider than the line stands alone on its line).  A column marked
    ``drop_if_constant`` whose value is the same in every row is left out and said
    once above the rows."""

    def __init__(
        self,
        records: Sequence[Record],
        columns: Sequence[Column],
        *,
        header: bool = True,
        text_min: int = LISTING_TEXT_MIN,
    ) -> None:
        self.records = records
        self.header = header
        self.text_min = text_min
        self.summary: list[tuple[Column, Record]] = []
        kept = []
        for column in columns:
            if (
                header
                and column.drop_if_constant
                and len(records) > 1
                and len({column.value(r) for r in records}) == 1
            ):
                self.summary.append((column, records[0]))
            else:
                kept.append(column)
        self.columns = kept
        self.cells = [[_cell(c, r) for c in kept] for r in records]

    # ------------------------------------------------------------------ layout

    def widths(self, width: int) -> list[int] | None:
        """Each column's width in a table ``width`` wide, or None: use blocks."""
        columns = self.columns
        if not columns:
            return None
        lo, hi = [], []
        for i, column in enumerate(columns):
            plains = [row[i].plain for row in self.cells]
            heads = [column.header] if self.header else []
            if column.no_wrap:
                widest = max((widest_line(t) for t in heads + plains), default=0)
                lo.append(widest)
                hi.append(widest)
            else:
                lo.append(max((longest_word(t) for t in heads + plains), default=0))
                hi.append(max((widest_line(t) for t in heads + plains), default=0))
        avail = width - GAP * (len(columns) - 1)
        if sum(lo) > avail:
            return None
        flex = [i for i, c in enumerate(columns) if c.ratio]
        rest = [i for i in range(len(columns)) if i not in flex]
        comfort = {
            i: min(hi[i], self.text_min if columns[i].block == "text" else OTHER_FLEX_MIN)
            for i in flex
        }
        w = list(lo)
        budget = avail - sum(w) - sum(max(0, comfort[i] - w[i]) for i in flex)
        for i in sorted(rest, key=lambda i: hi[i] - lo[i]):
            target = hi[i] if columns[i].no_wrap else max(lo[i], min(hi[i], NARROW_FIRST))
            give = max(0, min(target - w[i], budget))
            w[i] += give
            budget -= give
        spare = avail - sum(w)
        while spare > 0:
            growing = [i for i in flex if w[i] < hi[i]]
            if not growing:
                break
            total = sum(columns[i].ratio or 1 for i in growing)
            before = spare
            for i in growing:
                share = max(1, before * (columns[i].ratio or 1) // total)
                give = min(share, hi[i] - w[i], spare)
                w[i] += give
                spare -= give
        for i in rest:
            give = min(hi[i] - w[i], spare)
            w[i] += give
            spare -= give
        if any(w[i] < comfort[i] for i in flex):
            return None
        return w

    def lines(self, width: int) -> list[Text]:
        width = max(1, width)
        out: list[Text] = []
        if self.summary:
            line = Text()
            for n, (column, record) in enumerate(self.summary):
                if n:
                    line.append(" · ")
                line.append(f"{column.header}: ", style="dim")
                line.append(safe_text((column.summary or column.value)(record), column.style))
            out.extend(_wrapped(line, width))
            out.append(Text())
        widths = self.widths(width)
        if widths is None:
            out.extend(self._blocks(width))
        else:
            out.extend(self._table(widths))
        return out

    def _table(self, widths: list[int]) -> list[Text]:
        out: list[Text] = []
        columns = self.columns
        if self.header:
            heads = [Text(c.header, style="bold") for c in columns]
            out.extend(_row(heads, columns, widths))
            out.append(Text("━" * (sum(widths) + GAP * (len(widths) - 1)), style="bold"))
        rows = [_row(cells, columns, widths) for cells in self.cells]
        spaced = self.header and any(len(row) > 1 for row in rows)
        for n, row in enumerate(rows):
            if spaced and n:
                out.append(Text())
            out.extend(row)
        return out

    def _blocks(self, width: int) -> list[Text]:
        out: list[Text] = []
        indent = 2 if width >= 30 else 0
        key_end = next(
            (n + 1 for n, c in enumerate(self.columns) if "cyan" in c.style and c.block == "head"),
            0,
        )
        for n, cells in enumerate(self.cells):
            if n:
                out.append(Text())
            head: list[tuple[str, Text]] = []
            body: list[Text] = []
            for i, (column, cell) in enumerate(zip(self.columns, cells, strict=True)):
                if column.block == "head":
                    head.append(("" if not head else "  " if i <= key_end else " · ", cell))
                elif column.block == "text":
                    for line in _wrapped(cell, width - indent):
                        body.append(Text(" " * indent) + line)
                elif cell.plain.strip():
                    field = Text(f"{column.header}: ", style="dim") + cell
                    for line in _wrapped(field, width - indent):
                        body.append(Text(" " * indent) + line)
            out.extend(_joined(head, width))
            out.extend(body)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for line in self.lines(options.max_width):
            yield from line.render(console)
            yield Segment.line()


class Paragraph:
    """A line of text wrapped to the width between words, with a hanging indent (its
    own leading spaces, and a list number's width): Rich would fold a word."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        plain = self.text.plain
        if not plain:
            yield Segment.line()
            return
        width = max(1, options.max_width)
        lead = len(plain) - len(plain.lstrip(" "))
        number = re.match(r"\d+\. ", plain[lead:])
        hang = lead + (len(number.group()) if number else 0)
        if hang * 2 > width:
            hang = 0
        first, *rest = wrap_spans(plain, width)
        lines = [self.text[first[0] - (lead if first[0] == lead else 0) : first[1]]]
        if rest:
            tail_start = rest[0][0]
            tail = self.text[tail_start:]
            for a, b in wrap_spans(tail.plain, width - hang):
                lines.append(Text(" " * hang) + tail[a:b])
        for line in lines:
            yield from line.render(console)
            yield Segment.line()


def _paragraphs(parts: Sequence[RenderableType]) -> list[RenderableType]:
    return [Paragraph(p) if isinstance(p, Text) else p for p in parts]


def _cell(column: Column, record: Record) -> Text:
    cell = column.rich(record) if column.rich else safe_text(column.value(record))
    if column.style:
        cell.stylize(column.style, 0, len(cell))
        # the column's style under the cell's own (a kind's colour, a highlight)
        cell.spans.insert(0, cell.spans.pop())
    return cell


def _joined(parts: Sequence[tuple[str, Text]], width: int) -> list[Text]:
    """Cells on one line, each after its separator; where the line is full the next
    cell starts a line of its own (a separator never ends a line), and a cell wider
    than the line is wrapped between its words."""
    lines: list[Text] = []
    line = Text()
    for separator, cell in parts:
        used = cell_width(line.plain)
        if line.plain and used + cell_width(separator + cell.plain) <= width:
            line.append(separator)
            line.append_text(cell)
            continue
        if line.plain:
            lines.append(line)
        *whole, line = _wrapped(cell, width)
        lines.extend(whole)
    if line.plain or not lines:
        lines.append(line)
    return lines


def _wrapped(text: Text, width: int) -> list[Text]:
    return [text[a:b] for a, b in wrap_spans(text.plain, width)]


def _row(cells: Sequence[Text], columns: Sequence[Column], widths: Sequence[int]) -> list[Text]:
    split = [
        [cell[a:b] for a, b in _spans(cell.plain, column, width)]
        for cell, column, width in zip(cells, columns, widths, strict=True)
    ]
    lines = []
    last = len(columns) - 1
    for n in range(max(len(parts) for parts in split)):
        line = Text()
        for i, parts in enumerate(split):
            part = parts[n] if n < len(parts) else Text()
            gap = " " * (widths[i] - cell_width(part.plain))
            if columns[i].justify == "right":
                line.append(gap)
                line.append_text(part)
            else:
                line.append_text(part)
                if i < last:
                    line.append(gap)
            if i < last:
                line.append(" " * GAP)
        line.rstrip()
        lines.append(line)
    return lines


def _spans(plain: str, column: Column, width: int) -> list[tuple[int, int]]:
    if not column.no_wrap:
        return wrap_spans(plain, width)
    spans, start = [], 0
    for line in plain.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def rich_table_view(records: Sequence[Record], view: View, *, terminal: bool) -> RenderableType:
    """A listing as Rich: the table, then the view's detailed parts."""
    if terminal:
        fitted = Fitted(records, view.screen_columns)
        if view.extra is None:
            return fitted
        return Group(fitted, *_paragraphs(view.extra(records)))
    if not view.title and not view.caption:
        # A detailed view into a pipe: the same plain table as every other listing
        # (not Rich's heavy rule and padding), then the view's own parts.
        plain = Text(to_plain_table(records, view.columns).rstrip("\n"))
        return Group(plain, *view.extra(records) if view.extra else ())
    table = to_table(records, view, fit=terminal)
    if view.extra is None:
        return table
    return Group(table, *view.extra(records))


def highlighted(record: Record) -> Any:
    """The statement text (in quotation marks if a quote) with the matched words
    highlighted (styles show only on a terminal)."""
    text = record["text"]
    cell = safe_text(text)
    if visible(text) == text:  # spans index the original text; escapes would shift them
        for start, end in record.get("spans", []):
            cell.stylize("bold reverse", start, end)
    if record["kind"] == "quote":
        cell = Text("“") + cell + Text("”")
    return cell


KIND_STYLE = {"quote": "green", "paraphrase": "yellow"}


def kind_cell(record: Record) -> Text:
    """A statement's kind, in its colour (quote green, paraphrase yellow)."""
    return safe_text(record["kind"], style=KIND_STYLE.get(record["kind"], ""))


def statements_grid(
    records: Sequence[Record], *, with_speaker: bool = False, current: str | None = None
) -> RenderableType:
    """Statements as aligned rows (id, kind, [speaker], text) with a hanging indent,
    or blocks when the terminal is narrow; ``current`` marks one of them with ▶."""
    columns = grid_columns(Grid(records, with_speaker, current))
    return Fitted(records, columns, header=False, text_min=GRID_TEXT_MIN)


def rich_parts(parts: Sequence[Part]) -> list[RenderableType]:
    """A view's detailed parts (:mod:`.details`) as Rich renderables."""
    out: list[RenderableType] = []
    for part in parts:
        if isinstance(part, Grid):
            out.append(
                statements_grid(part.records, with_speaker=part.with_speaker, current=part.current)
            )
        elif len(part.pieces) == 1:
            out.append(safe_text(*part.pieces[0]))
        else:
            text = Text("")
            for piece, style in part.pieces:
                text.append(safe_text(piece, style=style))
            out.append(text)
    return out


def session_detail_extra(records: Sequence[Record], *, notes: bool = False) -> list[RenderableType]:
    """Each session in depth; ``notes``: the curator's notes in full."""
    return rich_parts(session_detail_parts(records, notes=notes))


def speaker_profile_extra(
    records: Sequence[Record], *, notes: bool = False
) -> list[RenderableType]:
    """Each person's profile; ``notes``: the curator's notes in full."""
    return rich_parts(speaker_profile_parts(records, notes=notes))


def statement_context_extra(records: Sequence[Record]) -> list[RenderableType]:
    return rich_parts(statement_context_parts(records))


class BarCharts:
    """``poc stats`` on a terminal: one bar chart per breakdown (speaker, session, …),
    the bars as long as the width leaves room for (40 at most); too narrow for a
    row, each label on its own line above its count and bar."""

    def __init__(self, rows: Sequence[Record]) -> None:
        self.rows = rows

    def lines(self, width: int) -> list[Text]:
        width = max(1, width)
        out: list[Text] = []
        for dimension in dict.fromkeys(r["by"] for r in self.rows):
            group = [r for r in self.rows if r["by"] == dimension]
            largest = max(r["statements"] for r in group)
            labels = [safe_text(r["label"]) for r in group]
            label_width = max(cell_width(label.plain) for label in labels)
            count_width = len(str(largest))
            out.extend(_wrapped(Text(f"Statements by {dimension}", style="bold"), width))
            inline = width - label_width - count_width - 4 >= 10
            bar_room = (
                (width - label_width - count_width - 4) if inline else width - count_width - 3
            )
            bar_width = max(1, min(BAR_WIDTH, bar_room))
            for label, r in zip(labels, group, strict=True):
                bar = Text("█" * bar_length(r["statements"], largest, bar_width), style="magenta")
                count = f"{r['statements']:>{count_width}}"
                if inline:
                    gap = " " * (label_width - cell_width(label.plain))
                    out.append(Text(" ") + label + Text(f"{gap}  {count} ") + bar)
                else:
                    out.extend(Text(" ") + line for line in _wrapped(label, width - 1))
                    out.append(Text(f"   {count} ") + bar)
            out.append(Text())
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for line in self.lines(options.max_width):
            yield from line.render(console)
            yield Segment.line()


def stats_charts(rows: Sequence[Record]) -> RenderableType:
    """One bar chart per breakdown (speaker, session, …)."""
    return BarCharts(rows)


def people_header(matched: Sequence[tuple[str, object]]) -> RenderableType:
    """The people a search query names, shown above the statements."""
    import shlex

    from poc_cli.names import person_key

    lines: list[RenderableType] = []
    seen: set[tuple[str, str]] = set()
    ids_by_name: dict[str, set[str]] = {}  # cleaned name -> ids (names match as cleaned)
    for _event, speaker in matched:
        person_id, cleaned = person_key(speaker)  # type: ignore[arg-type]
        ids_by_name.setdefault(cleaned, set()).add(person_id)
    for event, speaker in matched:
        name = getattr(speaker, "name", "")
        person = person_key(speaker)  # type: ignore[arg-type]
        if person in seen:
            continue
        seen.add(person)
        line = Text("Person: ", style="bold")
        honorific = getattr(speaker, "honorific", None)
        line.append(safe_text((honorific + " " if honorific else "") + name, style="bold"))
        role = getattr(speaker, "role", "")
        if role:
            line.append(safe_text(f" — {role}"))
        lines.append(line)
        # By name: ids are per event, and another event may give this id to someone else.
        command = f"poc speakers {shlex.quote(name)}"
        shows = "shows everything they said"
        if len(ids_by_name[person[1]]) > 1:  # two people of this name: say which event
            command += f" --event {shlex.quote(event)}"
            shows = f"shows what they said at {event}"
        lines.append(safe_text(f"  {command}  {shows}", style="dim"))
    lines.append(Text(""))
    return Group(*_paragraphs(lines))
