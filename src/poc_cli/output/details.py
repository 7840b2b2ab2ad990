"""The detailed parts of a view (one session, one person, one statement), said once and
drawn two ways: as Rich renderables on a terminal (:mod:`.rich_views`) and as plain
text into a pipe or a file (here, without importing Rich: ``poc show ID | …`` took
1.25× the start-up of a minimal Typer app for Rich's import alone).

A part is a :class:`Line` (pieces of text, each with a style) or a :class:`Grid` (a
list of statements, aligned).  The plain drawing is the one Rich gave into a pipe,
byte for byte (tests/cli/test_details_plain.py): nothing wrapped, a grid's columns as
wide as their widest line, tabs set at every eighth column as Rich sets them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from poc_cli.records import STATEMENT_CELLS, id_cell, kind_cell
from poc_cli.text.escape import visible
from poc_cli.text.width import cell_width, column_width, is_narrow

from .plain import to_plain_table
from .tables import (
    SESSION_DETAIL_VIEW,
    SPEAKER_PROFILE_VIEW,
    STATEMENT_CONTEXT_VIEW,
    Column,
    Record,
    View,
    quoted,
)

if TYPE_CHECKING:
    from rich.text import Text


class Line(NamedTuple):
    """One line of text (it may hold the text's own line breaks), in styled pieces."""

    pieces: tuple[tuple[str, str], ...]


def line(text: str = "", style: str = "") -> Line:
    return Line(((text, style),))


class Grid(NamedTuple):
    """Statements as aligned rows: id, kind, [speaker], text; ``current`` marked ▶."""

    records: Sequence[Record]
    with_speaker: bool = False
    current: str | None = None


Part = Line | Grid

HEADING = "bold underline"


def _kind(record: Record) -> Text:
    from .rich_views import kind_cell

    return kind_cell(record)


MARKER = Column("", lambda r: "", no_wrap=True, block="head")
GRID_ID = Column("ID", id_cell, style="cyan", no_wrap=True, block="head")
GRID_KIND = Column("Kind", kind_cell, no_wrap=True, block="head", rich=_kind)
GRID_SPEAKER = Column("Speaker", lambda r: r["speaker"]["name"], style="bold", block="head")
GRID_TEXT = Column("Text", quoted, ratio=1, block="text")


def grid_columns(grid: Grid) -> list[Column]:
    columns = [GRID_ID, GRID_KIND, *([GRID_SPEAKER] if grid.with_speaker else []), GRID_TEXT]
    if grid.current is not None:
        current = grid.current
        columns.insert(0, MARKER._replace(value=lambda r: "▶" if r["id"] == current else " "))
    return columns


# ------------------------------------------------------------------ the parts


def _event_line(record: Record) -> Line:
    """Which event a block is from: ``Event: Seminar 0 (ev000)``."""
    event = record["event"]
    title = event.get("title") or ""
    shown = f"{title} ({event['id']})" if title and title != event["id"] else event["id"]
    return line("Event: " + shown, "magenta")


def _several_events(records: Sequence[Record]) -> bool:
    """Whether ``records`` come from more than one event: then each block says which
    (two people or sessions of the same name would otherwise read as one, twice)."""
    return len({(r.get("event") or {}).get("id") for r in records}) > 1


def _curators_notes(notes: Sequence[str], shown: bool, about: str) -> list[Part]:
    """A curator's notes (how the data was taken from the report): shown with
    ``--notes``; otherwise one dim line says there are some.  They are about the
    dataset, not what the reader came for (``Session title as printed in the report's
    heading …``), but some say what the report leaves open (an inferred moderator),
    so they are never hidden without a word."""
    if not notes:
        return []
    if shown:
        return [line("Note: " + note, "dim") for note in notes]
    count = "a note from the curator" if len(notes) == 1 else f"{len(notes)} notes from the curator"
    return [line(f"({count} on {about}: add --notes)", "dim")]


def session_detail_parts(records: Sequence[Record], *, notes: bool = False) -> list[Part]:
    """Each session in depth; ``notes``: the curator's notes in full."""
    parts: list[Part] = []
    several = _several_events(records)
    for record in records:
        parts.append(line())
        parts.append(line(record["title"], HEADING))
        if several:
            parts.append(_event_line(record))
        if record["paper"]:
            paper = record["paper"]
            parts.append(line(f"Paper: “{paper['title']}” by {paper['author']['name']}"))
        if record["moderators"]:
            parts.append(line("Moderated by " + ", ".join(record["moderators"])))
        note = [record["note"]] if record["note"] else []
        parts.extend(_curators_notes(note, notes, "this session"))
        if record["recommendations"]:
            parts.append(line())
            parts.append(line("The paper's recommendations", HEADING))
            parts.extend(
                line(f"  {i}. {item}") for i, item in enumerate(record["recommendations"], 1)
            )
        parts.append(line())
        parts.append(line("Speakers in order of appearance", HEADING))
        for person in record["people"]:
            about = f" ({', '.join(person['parts'])})" + (
                f" — {person['role']}" if person["role"] else ""
            )
            parts.append(Line(((person["name"], "bold"), (about, "dim"))))
            if not person["statements"]:
                parts.append(line("  (the report records no statement)", "dim"))
            else:
                parts.append(Grid(person["statements"]))
    return parts


def speaker_profile_parts(records: Sequence[Record], *, notes: bool = False) -> list[Part]:
    """Each person's profile; ``notes``: the curator's notes in full."""
    parts: list[Part] = []
    several = _several_events(records)
    for record in records:
        parts.append(line())
        title = (record["honorific"] + " " if record["honorific"] else "") + record["name"]
        parts.append(line(title, HEADING))
        if several:
            parts.append(_event_line(record))
        if record["role"]:
            parts.append(line(record["role"]))
        taken = ", ".join(f"{p['part']} ({p['session']})" for p in record["parts"])
        parts.append(line("Part in the event: " + taken))
        parts.extend(_curators_notes(record["notes"], notes, "this person"))
        parts.append(line())
        if not record["statement_list"]:
            parts.append(line("The report records no statement by this person.", "dim"))
        else:
            parts.append(Grid(record["statement_list"]))
    return parts


def statement_context_parts(records: Sequence[Record]) -> list[Part]:
    """One statement in full: who, where, its note, the statements around it and the
    report's paragraphs.  Its note is always shown: this is the view one checks a
    statement in before quoting it, and a note can say the words are not the
    speaker's own position."""
    parts: list[Part] = []
    for record in records:
        speaker = record["speaker"]
        parts.append(line())
        honorific = speaker.get("honorific")
        who = (honorific + " " if honorific else "") + speaker["name"]
        role = speaker.get("role") or ""
        parts.append(line(f"{who}, {role}" if role else who, "bold"))
        event = record["event"]
        when = f", {event['date']}" if event.get("date") else ""
        parts.append(line(f"{record['session']['title']} — {event['title']}{when}"))
        if record["note"]:
            parts.append(line("Note: " + record["note"], "dim"))
        context = record["context"]
        if context["before"] or context["after"]:
            parts.append(line())
            parts.append(line("Around it", HEADING))
            around = [*context["before"], record, *context["after"]]
            parts.append(Grid(around, with_speaker=True, current=record["id"]))
        for paragraph in context["source_paragraphs"]:
            parts.append(line())
            parts.append(line(f"The report, paragraph {paragraph['number']}", HEADING))
            parts.append(line(paragraph["text"]))
    return parts


# ------------------------------------------------------------------ plain drawing

TAB_SIZE = 8


def _expand_tabs(text: str) -> str:
    """Tabs as spaces to the next eighth column, as Rich draws a text's tabs."""
    if "\t" not in text:
        return text
    out: list[str] = []
    column = 0
    for part in text.split("\t")[:-1]:
        out.append(part + " ")
        column += cell_width(part) + 1
        remainder = column % TAB_SIZE
        if remainder:
            out.append(" " * (TAB_SIZE - remainder))
            column += TAB_SIZE - remainder
    out.append(text.rsplit("\t", 1)[1])
    return "".join(out)


def _text_lines(text: str) -> list[str]:
    return [_expand_tabs(piece) for piece in text.split("\n")]


def plain_grid(grid: Grid) -> list[str]:
    """A grid's rows as a pipe gets them: every column as wide as its widest line, two
    spaces between, a cell's own lines kept (and its words never rewrapped).

    As wide as its widest line, no column wraps: a wrapping column's lines only lose
    the spaces at their ends, as :func:`~.plain.wrap_spans` cuts them (10,000 statements
    of a profile spent most of their time wrapping nothing)."""
    columns = grid_columns(grid)
    stored = _stored_cells(grid.records, columns)
    if stored is not None:  # the index's cells of these statements, and their widths
        which = stored[0]
        cells = [[split[i] for i in which] for split in (row.split("\x1f") for row, _ in stored[1])]
    else:
        cells = [[visible(c.value(r)) for c in columns] for r in grid.records]
    by_column = [[row[i] for row in cells] for i in range(len(columns))]
    if stored is not None:
        widths = [max([numbers[i] for _, numbers in stored[1]]) for i in stored[0]]
    else:
        widths = [column_width(texts) for texts in by_column]
    lines_by_column = [
        [cell.split("\n") for cell in texts]
        if column.no_wrap
        else [[part.strip() for part in cell.split("\n")] for cell in texts]
        for column, texts in zip(columns, by_column, strict=True)
    ]
    narrow = is_narrow("".join(["".join(texts) for texts in by_column]))
    last = len(columns) - 1
    out: list[str] = []
    for split in zip(*lines_by_column, strict=True):
        if narrow and all(len(parts) == 1 for parts in split):  # one line, len() its width
            out.append(
                "  ".join([parts[0].ljust(widths[i]) for i, parts in enumerate(split)]).rstrip()
            )
            continue
        for n in range(max(len(parts) for parts in split)):
            text = ""
            for i, parts in enumerate(split):
                part = parts[n] if n < len(parts) else ""
                text += part
                if i < last:
                    text += " " * (widths[i] - cell_width(part)) + "  "
            out.append(text.rstrip())
    return out


def _stored_cells(
    records: Sequence[Record], columns: Sequence[Column]
) -> tuple[list[int], list[tuple[str, tuple[int, ...]]]] | None:
    """Where a grid's statements come with the index's stored table cells
    (``index.listings.IndexRecords.grid_cells``) and every column is one of
    :data:`~poc_cli.records.STATEMENT_CELLS`: which of them, and the stored rows (the
    cells, as visible() shows them, joined by U+001F, and their widths).  None: the
    cells are made from the records."""
    grid_cells = getattr(records, "grid_cells", None)
    if grid_cells is None or not records:
        return None
    try:
        which = [STATEMENT_CELLS.index(c.value) for c in columns]
    except ValueError:
        return None
    rows = grid_cells()
    return (which, rows) if rows is not None else None


def plain_parts(parts: Sequence[Part]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if isinstance(part, Grid):
            out.extend(plain_grid(part))
        else:
            out.extend(_text_lines(visible("".join(text for text, _ in part.pieces))))
    return out


def plain_detail(records: Sequence[Record], view: View, parts: Sequence[Part]) -> str:
    """A detailed view into a pipe or a file: its plain table, then its parts."""
    table = to_plain_table(records, view.columns).rstrip("\n")
    lines = [*_text_lines(table), *plain_parts(parts)]
    return "\n".join(text.rstrip() for text in lines) + "\n"


class Detail:
    """A view's detailed part (``View.extra``), drawn with Rich when called, and as
    plain text by :meth:`plain` (no Rich)."""

    def __init__(self, parts: Callable[[Sequence[Record]], list[Part]]) -> None:
        self.parts = parts

    def __call__(self, records: Sequence[Record]) -> list[Any]:
        from .rich_views import rich_parts

        return rich_parts(self.parts(records))

    def plain(self, records: Sequence[Record], view: View) -> str:
        return plain_detail(records, view, self.parts(records))


def detailed(view: View, parts: Callable[..., list[Part]], **options: Any) -> View:
    """``view`` with its detailed part drawn from ``parts(records, **options)``."""
    return view._replace(extra=Detail(lambda records: parts(records, **options)))


def session_detail_view(*, notes: bool = False) -> View:
    """``sessions S``: the session's row, then each session in depth."""
    return detailed(SESSION_DETAIL_VIEW, session_detail_parts, notes=notes)


def speaker_profile_view(*, notes: bool = False) -> View:
    """``speakers NAME``: the person's row, then each profile."""
    return detailed(SPEAKER_PROFILE_VIEW, speaker_profile_parts, notes=notes)


STATEMENT_DETAIL_VIEW = detailed(STATEMENT_CONTEXT_VIEW, statement_context_parts)
"""``show ID``: the statement's row, then it in full with its context."""
