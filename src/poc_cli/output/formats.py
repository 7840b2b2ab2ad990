"""Output formats: one registry, each format with its render and its "nothing found".

Every listing goes through :func:`render`, so the formats cannot drift apart.  A
format is a :class:`Formatter`: ``render(records, view) -> str`` and ``empty(view) ->
str``, the answer when nothing was found (``[]``, a CSV header, an empty Markdown
table).  To add a format (TSV, JSON Lines): add a member to :class:`Format` and an
entry to :data:`FORMATS`; every command with output options gets it.

The ``table`` format is the human one: a Rich table on a terminal
(:mod:`.rich_views`), plain aligned text into a pipe or file (:mod:`.plain`).
Renderers build and return; printing is :mod:`.emit`'s job.  Text from a dataset is
data: never markup, and control characters are made visible in every human format.
JSON keeps the exact text, escaped as JSON escapes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from poc_cli.text.escape import UNSAFE_IN_JSON, markdown_escape, visible

from .plain import to_plain_table
from .tables import Column, Record, View

if TYPE_CHECKING:
    from rich.console import RenderableType


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def to_json(records: Sequence[Record]) -> str:
    text = json.dumps(list(records), ensure_ascii=False, indent=2)
    return UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


class Formatter(NamedTuple):
    render: Callable[[Sequence[Record], View], str]
    empty: Callable[[View], str]


FORMATS: dict[Format, Formatter] = {
    Format.json: Formatter(lambda records, view: to_json(records), lambda view: "[]\n"),
    Format.csv: Formatter(
        lambda records, view: to_csv(records, view.flat_columns),
        lambda view: to_csv([], view.flat_columns),
    ),
    Format.markdown: Formatter(
        lambda records, view: to_markdown(records, view.flat_columns),
        lambda view: to_markdown([], view.flat_columns),
    ),
    # Nothing found in a table: nothing on stdout (the message is on stderr).
    Format.table: Formatter(
        lambda records, view: to_plain_table(records, view.columns), lambda view: ""
    ),
}


def empty_answer(fmt: Format, view: View | None) -> str:
    """What stdout (or the --output file) holds when nothing was found."""
    if view is None:
        return FORMATS[fmt].empty(View(())) if fmt is Format.json else ""
    return FORMATS[fmt].empty(view)


def render(
    records: Sequence[Record], view: View, fmt: Format, *, terminal: bool = True
) -> RenderableType | str:
    """One place that chooses the output format.

    ``terminal``: the table goes to a terminal, so it is a Rich table that shares the
    width out; otherwise it is plain aligned text (detailed views keep their extra
    parts, after the same plain table)."""
    if fmt is not Format.table:
        return FORMATS[fmt].render(records, view)
    if not terminal and view.extra is None:
        return to_plain_table(records, view.columns)
    from .rich_views import rich_table_view

    return rich_table_view(records, view, terminal=terminal)
