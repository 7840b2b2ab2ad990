"""How each kind of record looks as a table, a CSV file and a Markdown table.

A :class:`View` is a list of :class:`Column`\\ s (header + how to get the cell from a
record) for tables, and another for CSV and Markdown, plus an optional detailed part
drawn below a terminal table.  Every command's views are defined here, so a change of
column is one place for every format.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from poc_cli import records as cells

if TYPE_CHECKING:  # Rich is imported only when a table is drawn: --json stays fast
    from rich.console import RenderableType
    from rich.text import Text

Record = dict[str, Any]


class Column(NamedTuple):
    header: str
    value: Callable[[Record], str]
    style: str = ""
    no_wrap: bool = False
    ratio: int | None = None
    justify: str = "left"
    # Optional richer cell for tables (highlighted matches); must show the same text.
    rich: Callable[[Record], Text] | None = None
    # On a terminal: "head" cells make a record's header line in the block layout,
    # "text" is the paragraph under it, "field" a "Header: value" line.
    block: str = "field"
    # On a terminal, a column whose value is the same in every row (a filter made it
    # so) is left out and said once above the rows, as ``summary`` gives it.
    drop_if_constant: bool = False
    summary: Callable[[Record], str] | None = None


class View(NamedTuple):
    """How a list of records looks as a table, a CSV file and a Markdown table."""

    columns: tuple[Column, ...]
    csv_columns: tuple[Column, ...] = ()
    title: str | None = None
    caption: str | None = None
    extra: Callable[[Sequence[Record]], list[RenderableType]] | None = None
    # The columns of a terminal table, when they differ from a pipe's (a session's
    # short label instead of its title): a pipe's table has room for every cell whole.
    terminal_columns: tuple[Column, ...] = ()

    @property
    def flat_columns(self) -> tuple[Column, ...]:
        return self.csv_columns or self.columns

    @property
    def screen_columns(self) -> tuple[Column, ...]:
        return self.terminal_columns or self.columns


EVENT_COLUMN = Column("Event", cells.event_cell, style="magenta", no_wrap=True, block="head")


def with_event_column(records: Sequence[Record], view: View, events: int) -> View:
    """With a corpus of several events, tables say which event each row is from, even
    when every row is from the same one (which else would the reader take it for?)."""
    if events < 2:
        return view
    # A sequence that knows every record carries its event (the index's statements)
    # says so: asking each record would read a big listing once more before writing it.
    if not getattr(records, "every_record_has_event", False) and not all(
        isinstance(r.get("event"), dict) for r in records
    ):
        return view
    return view._replace(
        columns=(EVENT_COLUMN, *view.columns),
        terminal_columns=(EVENT_COLUMN, *view.terminal_columns) if view.terminal_columns else (),
    )


def _join(values: Sequence[str]) -> str:
    return ", ".join(values)


quoted = cells.quoted


def _session_summary(record: Record) -> str:
    return f"{record['session']['id']} ({record['session']['title']})"


ID_COLUMN = Column("ID", cells.id_cell, style="cyan", no_wrap=True, block="head")
SPEAKER_COLUMN = Column(
    "Speaker", cells.speaker_cell, style="bold", block="head", drop_if_constant=True
)
SESSION_TITLE_COLUMN = Column(
    "Session", cells.session_title_cell, block="head", drop_if_constant=True
)
SESSION_LABEL_COLUMN = Column(
    "Session",
    lambda r: r["session"]["id"],
    no_wrap=True,
    block="head",
    drop_if_constant=True,
    summary=_session_summary,
)


def _kind(record: Record) -> Text:
    from .rich_views import kind_cell

    return kind_cell(record)


KIND_COLUMN = Column(
    "Kind", cells.kind_cell, no_wrap=True, block="head", drop_if_constant=True, rich=_kind
)
TEXT_COLUMN = Column("Text", quoted, ratio=4, block="text")

STATEMENT_COLUMNS = (ID_COLUMN, SPEAKER_COLUMN, SESSION_TITLE_COLUMN, KIND_COLUMN, TEXT_COLUMN)
STATEMENT_SCREEN = (ID_COLUMN, SPEAKER_COLUMN, SESSION_LABEL_COLUMN, KIND_COLUMN, TEXT_COLUMN)
"""On a terminal a session is its id: its title in every row took more room than the text."""
STATEMENT_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("session_id", lambda r: r["session"]["id"]),
    Column("session", lambda r: r["session"]["title"]),
    Column("speaker_id", lambda r: r["speaker"]["id"]),
    Column("speaker", lambda r: r["speaker"]["name"]),
    Column("kind", lambda r: r["kind"]),
    Column("text", lambda r: r["text"]),
    Column("topics", lambda r: "; ".join(r["topics"])),
    Column("paragraphs", lambda r: "; ".join(str(n) for n in r["paragraphs"])),
)
QUOTES_VIEW = View(STATEMENT_COLUMNS, STATEMENT_CSV, terminal_columns=STATEMENT_SCREEN)


SESSION_COLUMNS = (
    Column("ID", cells.id_cell, style="cyan", no_wrap=True, block="head"),
    Column("Session", cells.session_cell, ratio=3),
    Column("Moderators", cells.moderators_cell),
    Column("Speakers", cells.session_speakers_cell, ratio=2),
    Column("Statements", cells.statements_cell, justify="right"),
)
SESSION_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("title", lambda r: r["title"]),
    Column("kind", lambda r: r["kind"]),
    Column("paper", lambda r: r["paper"]["title"] if r["paper"] else ""),
    Column("paper_author", lambda r: r["paper"]["author"]["name"] if r["paper"] else ""),
    Column("moderators", lambda r: "; ".join(r["moderators"])),
    Column("speakers", lambda r: "; ".join(r["speakers"])),
    Column("statements", lambda r: str(r["statements"])),
)


SPEAKER_COLUMNS = (
    Column("Name", cells.speaker_name_cell, style="bold", ratio=2, block="head"),
    Column("Role", cells.role_cell, ratio=3),
    Column("Organisation", cells.organisation_cell, ratio=2),
    Column("Sessions", cells.sessions_cell),
    Column("Statements", cells.statements_cell, justify="right"),
)
SPEAKER_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("honorific", lambda r: r["honorific"] or ""),
    Column("name", lambda r: r["name"]),
    Column("role", lambda r: r["role"]),
    Column("organisation", lambda r: r["organisation"]),
    Column("sessions", lambda r: "; ".join(r["sessions"])),
    Column("parts", lambda r: "; ".join(f"{p['session']}:{p['part']}" for p in r["parts"])),
    Column("statements", lambda r: str(r["statements"])),
)


STATS_COLUMNS = (
    Column("By", lambda r: r["by"], style="cyan", no_wrap=True, block="head"),
    Column("Name", lambda r: r["label"], ratio=2),
    Column("Statements", lambda r: str(r["statements"]), justify="right"),
)


def _highlighted(record: Record) -> Text:
    from .rich_views import highlighted

    return highlighted(record)  # type: ignore[no-any-return]


# Whole points, rounded down: 90.7 shows as 90, as --min-score 91 (which leaves it
# out) and "90 and above: found exactly" read it.
SCORE_COLUMN = Column(
    "Score", lambda r: str(math.floor(r["score"])), justify="right", no_wrap=True, block="head"
)
HIGHLIGHTED_TEXT = TEXT_COLUMN._replace(rich=_highlighted)
SEARCH_COLUMNS = (SCORE_COLUMN, *STATEMENT_COLUMNS[:-1], HIGHLIGHTED_TEXT)
SEARCH_SCREEN = (SCORE_COLUMN, *STATEMENT_SCREEN[:-1], HIGHLIGHTED_TEXT)
SEARCH_CSV = (Column("score", lambda r: f"{r['score']:.1f}"), *STATEMENT_CSV)


SESSIONS_VIEW = View(SESSION_COLUMNS, SESSION_CSV)
SPEAKERS_VIEW = View(SPEAKER_COLUMNS, SPEAKER_CSV)
STATEMENTS_VIEW = QUOTES_VIEW
STATS_VIEW = View(STATS_COLUMNS)
SEARCH_VIEW = View(SEARCH_COLUMNS, SEARCH_CSV, terminal_columns=SEARCH_SCREEN)


def _session_detail(records: Sequence[Record]) -> list[RenderableType]:
    from .rich_views import session_detail_extra

    return session_detail_extra(records)


def _speaker_profile(records: Sequence[Record]) -> list[RenderableType]:
    from .rich_views import speaker_profile_extra

    return speaker_profile_extra(records)


def _statement_context(records: Sequence[Record]) -> list[RenderableType]:
    from .rich_views import statement_context_extra

    return statement_context_extra(records)


SESSION_DETAIL_VIEW = SESSIONS_VIEW._replace(extra=_session_detail)
SPEAKER_PROFILE_VIEW = SPEAKERS_VIEW._replace(extra=_speaker_profile)
STATEMENT_CONTEXT_VIEW = QUOTES_VIEW._replace(extra=_statement_context)
