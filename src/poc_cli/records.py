"""The stable, JSON-ready shape of every record poc outputs.

Each command builds plain dicts here and hands them to ``render.py``; the same dict
becomes a JSON object, a CSV row, a Markdown row or a table row, so all formats
agree.  The shapes are documented in README.md ("JSON output"); change them only
by adding fields.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import StatementRow

from .model import Corpus, Event, Session, Speaker, Statement

Record = dict[str, Any]


def statement_json(
    *,
    id: str,
    speaker: tuple[str, str],
    session: tuple[str, str],
    event: tuple[str, str, str | None],
    kind: str,
    text: str,
    items: tuple[str, ...],
    topics: tuple[str, ...],
    paragraphs: tuple[int, ...],
    note: str | None,
) -> Record:
    """The one definition of a statement's JSON object (``quotes``, ``show``, ``search``).

    ``speaker`` is (id, name), ``session`` (id, title), ``event`` (id, title, date).
    """
    return {
        "id": id,
        "speaker": {"id": speaker[0], "name": speaker[1]},
        "session": {"id": session[0], "title": session[1]},
        "event": {"id": event[0], "title": event[1], "date": event[2]},
        "kind": kind,
        "text": text,
        "items": list(items),
        "topics": list(topics),
        "paragraphs": list(paragraphs),
        "note": note,
    }


def statement_from_row(row: StatementRow) -> Record:
    """A statement's JSON object from the search index's row (search hits)."""
    return statement_json(
        id=row.id,
        speaker=(row.speaker, row.speaker_name),
        session=(row.session, row.session_title),
        event=(row.event, row.event_title, row.event_date),
        kind=row.kind,
        text=row.text,
        items=row.items,
        topics=row.topics,
        paragraphs=row.paragraphs,
        note=row.note,
    )


def statement_record(corpus: Corpus, statement: Statement) -> Record:
    event = corpus.dataset(statement.event).event
    speaker = corpus.speaker(statement.event, statement.speaker)
    session = corpus.session(statement.event, statement.session)
    return statement_json(
        id=statement.id,
        speaker=(speaker.id, speaker.name),
        session=(session.id, session.title),
        event=(event.id, event.short_title, event.date),
        kind=statement.kind,
        text=statement.text,
        items=statement.items,
        topics=statement.topics,
        paragraphs=statement.paragraphs,
        note=statement.note,
    )


def statement_counts(corpus: Corpus) -> Counter[tuple[str, str, str]]:
    """Statements per (event, kind of key, key) for speakers and sessions."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for statement in corpus.statements:
        counts[(statement.event, "speaker", statement.speaker)] += 1
        counts[(statement.event, "session", statement.session)] += 1
    return counts


def speaker_record(corpus: Corpus, event: Event, speaker: Speaker, count: int) -> Record:
    return speaker_json(event, speaker, count)


def speaker_json(event: Event, speaker: Speaker, count: int) -> Record:
    """The one definition of a speaker's JSON object (``speakers``, over a corpus or the index)."""
    return {
        "id": speaker.id,
        "name": speaker.name,
        "honorific": speaker.honorific,
        "role": speaker.role,
        "organisation": speaker.organisation,
        "organisations": list(speaker.organisations),
        "aliases": list(speaker.aliases),
        "sessions": list(speaker.session_ids),
        "parts": [{"session": p.session, "part": p.part} for p in speaker.parts],
        "statements": count,
        "notes": list(speaker.notes),
        "event": {"id": event.id, "title": event.short_title},
    }


def session_speakers(corpus: Corpus, event: Event, session: Session) -> list[Speaker]:
    """Everyone with a part in a session: those who speak in order of their first
    statement, then those who only moderate or give unrecorded remarks."""
    ordered: dict[str, None] = {}
    for statement in corpus.dataset(event.id).statements:
        if statement.session == session.id:
            ordered.setdefault(statement.speaker)
    for speaker in corpus.dataset(event.id).speakers:
        if session.id in speaker.session_ids:
            ordered.setdefault(speaker.id)
    return [corpus.speaker(event.id, speaker_id) for speaker_id in ordered]


def session_record(corpus: Corpus, event: Event, session: Session, count: int) -> Record:
    return session_json(
        event,
        session,
        count,
        lambda speaker_id: corpus.speaker(event.id, speaker_id),
        session_speakers(corpus, event, session),
    )


def session_json(
    event: Event,
    session: Session,
    count: int,
    speaker: Callable[[str], Speaker],
    people: Sequence[Speaker],
) -> Record:
    """The one definition of a session's JSON object: ``speaker(id)`` is the event's
    speaker of that id, ``people`` :func:`session_speakers`' answer."""
    paper = session.paper
    author = speaker(paper.author) if paper else None
    return {
        "id": session.id,
        "title": session.title,
        "kind": session.kind,
        "paper": {"title": paper.title, "author": {"id": author.id, "name": author.name}}
        if paper and author
        else None,
        "moderators": [speaker(m).name for m in session.moderators],
        "speakers": [s.name for s in people],
        "statements": count,
        "note": session.note,
        "event": {"id": event.id, "title": event.short_title},
    }


# ---------------------------------------------------------------- table cells
# What a listing's table shows of a speaker's and a session's overview record, column
# by column: ``output.tables`` gives them headers (SPEAKER_COLUMNS, SESSION_COLUMNS,
# EVENT_COLUMN), and the index measures them at build time for the whole corpus's
# listings (``index/write.py``), so a big table is written in one pass.  One definition
# for both: change a cell here and both follow.


def event_cell(record: Record) -> str:
    return record["event"]["id"]  # type: ignore[no-any-return]


def id_cell(record: Record) -> str:
    return record["id"]  # type: ignore[no-any-return]


def statements_cell(record: Record) -> str:
    return str(record["statements"])


def speaker_name_cell(record: Record) -> str:
    name: str = record["name"]
    return f"{record['honorific']} {name}" if record["honorific"] else name


def role_cell(record: Record) -> str:
    return record["role"]  # type: ignore[no-any-return]


def organisation_cell(record: Record) -> str:
    return record["organisation"]  # type: ignore[no-any-return]


def sessions_cell(record: Record) -> str:
    return ", ".join(record["sessions"])


def session_cell(record: Record) -> str:
    paper = record["paper"]
    if not paper:
        return record["title"]  # type: ignore[no-any-return]
    return f"{record['title']}\nPaper: “{paper['title']}” by {paper['author']['name']}"


def moderators_cell(record: Record) -> str:
    return ", ".join(record["moderators"])


def session_speakers_cell(record: Record) -> str:
    return ", ".join(record["speakers"])


def speaker_cell(record: Record) -> str:
    return record["speaker"]["name"]  # type: ignore[no-any-return]


def session_title_cell(record: Record) -> str:
    return record["session"]["title"]  # type: ignore[no-any-return]


def kind_cell(record: Record) -> str:
    return record["kind"]  # type: ignore[no-any-return]


def quoted(record: Record) -> str:
    """A statement's text as a reader sees it: a quote in quotation marks (the
    speaker's own words), a paraphrase without (the report's)."""
    return quoted_text(record["kind"], record["text"])


def quoted_text(kind: str, text: str) -> str:
    """:func:`quoted` of a statement of this kind and text."""
    return f"“{text}”" if kind == "quote" else text


STATEMENT_CELLS: tuple[Callable[[Record], str], ...] = (
    event_cell,
    id_cell,
    speaker_cell,
    session_title_cell,
    kind_cell,
    quoted,
)
"""The cells of a statement in a pipe's table (``output.tables.STATEMENT_COLUMNS`` after
the event's); the index stores them, made from the statement's values at build time
(``index/write.py``; ``tests/core/test_listings_index.py`` checks they agree)."""


OVERVIEW_CELLS: dict[str, tuple[Callable[[Record], str], ...]] = {
    "speaker": (
        event_cell,
        speaker_name_cell,
        role_cell,
        organisation_cell,
        sessions_cell,
        statements_cell,
    ),
    "session": (
        event_cell,
        id_cell,
        session_cell,
        moderators_cell,
        session_speakers_cell,
        statements_cell,
    ),
}
"""The cells of each kind of overview record, the event's first (a table of several
events shows it; of one event, the rest)."""
