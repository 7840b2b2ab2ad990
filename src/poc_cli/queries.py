"""What the listing commands ask of a corpus, as plain functions.

Each function takes a :class:`~poc_cli.model.Corpus` and returns records (see
``records.py``) or model objects; none prints.  Filters arrive resolved
(:func:`poc_cli.filters.resolve`).  From a folder of
:data:`LISTING_INDEX_MIN_FILES` files up, each listing has an ``indexed_*`` twin that
answers the same records from the search index (SQL in ``index/listings.py``).

Why one module of about 670 lines: each listing and its index twin stand side by side,
because they must give the same bytes (tests/core/test_listings_index.py compares
them); split apart, a change to one would be easy to make without the other.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .errors import DataError, NotFound, UsageError, unknown
from .filters import SearchFilters, StatementFilter
from .model import Corpus, Event, Speaker, Statement
from .records import (
    Record,
    session_record,
    session_speakers,
    speaker_record,
    statement_counts,
    statement_record,
)

if TYPE_CHECKING:
    from .index import Index, Progress

SpeakerKey = tuple[str, str]  # (event id, speaker id)
SessionKey = tuple[str, str]  # (event id, session id)
T = TypeVar("T")

# ---------------------------------------------------------------- from the index

LISTING_INDEX_MIN_FILES = 8
"""From a folder of this many dataset files up, listings are served from the search
index (the same answer, without loading and checking every file: see
:func:`indexed_statements`); a single file, such as the bundled seminar, is loaded.
Measured (warm ``quotes --speaker Mamiya --json``, generated files of 50 statements):
2 files 0.085 s loaded against 0.089-0.10 s from the index; 8 files 0.091 against
0.088; 20 files 0.107-0.110 against 0.090; 2,000 files 2.7 s against 0.1 s."""
LISTING_INDEX_ENV = "POC_LISTING_INDEX_MIN_FILES"
"""Overrides :data:`LISTING_INDEX_MIN_FILES`: for tests, which compare both paths."""


def listings_from_index(data: Path | str | None) -> bool:
    """Are listings of ``data`` served from the index (see :data:`LISTING_INDEX_MIN_FILES`)?"""
    from .corpus.sources import DATA_ENV_VAR, _is_dataset_name, dataset_listing

    least = LISTING_INDEX_MIN_FILES
    override = os.environ.get(LISTING_INDEX_ENV, "")
    if override.isascii() and override.isdigit():
        least = int(override)
    typed = data if data is not None and str(data) != "" else os.environ.get(DATA_ENV_VAR)
    if typed:
        # A folder with that many dataset files says yes without listing (and sorting)
        # all of them: the index's own listing follows at once.  Anything else (too
        # few, not a folder, an error) is answered as dataset_listing answers it.
        found = 0
        try:
            with os.scandir(os.path.expanduser(typed)) as entries:
                for entry in entries:
                    found += _is_dataset_name(entry.name)
                    if found >= least:
                        return True
        except OSError:
            pass
    folder, names = dataset_listing(data)
    return folder is not None and len(names) >= least


class IndexedListing(NamedTuple):
    """What a listing served from the index found: the same records as over the
    loaded corpus, the notes on how the filters were read, cache warnings, and how
    many events the corpus holds."""

    records: Sequence[Record]
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    events: int


def with_index(
    data: Path | str | None,
    work: Callable[[Index], T],
    *,
    progress: Progress | None = None,
) -> tuple[T, Index, list[str]]:
    """``work(index)`` over the cached index of ``data`` (built if need be), rebuilt
    and done again if the index is found damaged (as ``search.search`` does); returns
    its answer, the open index (records may still be reading from it) and warnings."""
    import sqlite3

    from .index import open_index

    index, warnings = open_index(data, progress=progress)
    try:
        return work(index), index, warnings
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        index.close()
        index, more = open_index(
            data, progress=progress, rebuild=True, reason=str(exc) or type(exc).__name__
        )
        return work(index), index, [*warnings, *more]


def indexed_statements(
    data: Path | str | None,
    typed: SearchFilters,
    *,
    progress: Progress | None = None,
    for_table: bool = False,
    for_json: bool = False,
) -> IndexedListing:
    """``poc quotes`` from the index: the statements ``typed`` selects (resolved by
    the one resolver, over the index) as the records :func:`statements_records` makes
    of :func:`select_statements` over the loaded corpus, byte for byte, in report
    order, read as they are written (``for_table``, ``for_json``: to be written as a
    plain table or as ``--json``, which read their stored cells or JSON, not their
    records: ``index.listings.IndexRecords``)."""
    from .filters import resolve
    from .index.catalog import IndexCatalog
    from .index.listings import IndexRecords, statement_rowids

    def work(index: Index) -> tuple[tuple[str, ...], Sequence[Record], int]:
        flt = resolve(IndexCatalog(index), typed)
        rowids = statement_rowids(index, flt)
        damaged = _damaged_while_writing(index)
        records = IndexRecords(index, rowids, damaged, for_table=for_table, for_json=for_json)
        return flt.notes, records, index.event_count()

    (notes, records, events), _, warnings = with_index(data, work, progress=progress)
    return IndexedListing(records, notes, tuple(warnings), events)


def _check_event_index(index: Index, event: str | None) -> None:
    if event is not None and not index.has_event(event):
        raise unknown("event", event, index.event_ids())


def _event_of(events: dict[str, Event], event: str) -> Event:
    from .index import IndexDamaged

    found = events.get(event)
    if found is None:
        raise IndexDamaged(f"event {event!r} is missing from the index")
    return found


def _overview(
    data: Path | str | None, work: Callable[[Index], Sequence[Record]], progress: Progress | None
) -> IndexedListing:
    def counted(index: Index) -> tuple[Sequence[Record], int]:
        return work(index), index.event_count()

    (records, events), index, warnings = with_index(data, counted, progress=progress)
    if isinstance(records, list):
        index.close()  # (records still being read keep it open)
    return IndexedListing(records, (), tuple(warnings), events)


def indexed_speakers_overview(
    data: Path | str | None, *, event: str | None = None, progress: Progress | None = None
) -> IndexedListing:
    """:func:`speakers_overview` from the index, the same records."""
    from .index import listings

    def work(index: Index) -> Sequence[Record]:
        _check_event_index(index, event)
        # Made at build time by records.speaker_json, with the statement count.
        return listings.overview_records(index, "speaker", event, _damaged_while_writing(index))

    return _overview(data, work, progress)


def indexed_speaker_profiles(
    data: Path | str | None,
    name: str,
    *,
    event: str | None = None,
    progress: Progress | None = None,
    for_json: bool = False,
    for_table: bool = False,
) -> IndexedListing:
    """``poc speakers NAME`` from the index: :func:`poc_cli.names.select_people` and
    :func:`speaker_profiles` over the index, the same records (each profile's
    statements read from the index as they are written; ``for_json``: to be written as
    ``--json``, from the statements' stored JSON: ``index.listings.Profiles``;
    ``for_table``: into a pipe, each profile's statements drawn from their stored
    cells)."""
    from .filters import people_notes
    from .index import IndexDamaged, listings
    from .index.catalog import match_speakers_index
    from .index.listings import (
        IndexRecords,
        Profiles,
        rowids_by_speaker,
        statement_cell_rows,
        statement_json_rows,
        statement_records,
    )

    def work(index: Index) -> tuple[list[Record], tuple[str, ...], int]:
        _check_event_index(index, event)
        match = match_speakers_index(index, name)
        matches = [r for r in match.records if event is None or r[0] == event]
        notes = people_notes(match, name, matches)
        wanted = sorted({(ev, speaker.id) for ev, speaker in matches})
        profiles = listings.overview_records_of(index, "speaker", wanted)
        own = rowids_by_speaker(index, wanted)
        every = [rowid for key in wanted for rowid in own[key]]
        # Everyone's statements (or their stored JSON) read at once when they are few
        # (as IndexRecords keeps them), else each profile's as it is written.
        few = len(every) <= listings.KEEP
        cells = few and for_table and not for_json
        read = statement_records(index, every) if few and not for_json and not cells else None
        by_rowid = dict(zip(every, read, strict=True)) if read is not None else {}
        stored = statement_json_rows(index, every) if few and for_json else None
        json_by_rowid = dict(zip(every, stored, strict=True)) if stored is not None else {}
        cell_rows = statement_cell_rows(index, every) if cells else None
        cells_by_rowid = dict(zip(every, cell_rows, strict=True)) if cell_rows else {}
        damaged = _damaged_while_writing(index)
        for profile in profiles:
            key = (profile["event"]["id"], profile["id"])
            rowids = own[key]
            if len(rowids) != profile["statements"]:
                raise IndexDamaged(f"the statements of speaker {key[1]!r} do not add up")
            records = None
            if read is not None:  # (no text of theirs is longer than of them all)
                records = listings.Bounded([by_rowid[r] for r in rowids])
                records.longest_text = read.longest_text
            profile["statement_list"] = IndexRecords(
                index,
                rowids,
                damaged,
                records,
                for_json=for_json,
                stored_json=[json_by_rowid[r] for r in rowids] if stored is not None else None,
                stored_cells=[cells_by_rowid[r] for r in rowids] if cell_rows else None,
            )
        if for_json:
            return Profiles(profiles), tuple(notes), index.event_count()
        # A bound on every text of the profiles (their own records' and, known from
        # what was read, their statements'), so that a human view need not walk 2,422
        # of them at a million to find none too long to show (cut_for_display); none
        # when their statements are read as they are written.
        bounds = [profiles.longest_text]
        bounds += [p["statement_list"].longest_text for p in profiles] if few else [None]
        known = [b for b in bounds if type(b) is int]
        profiles.longest_text = max(known) if len(known) == len(bounds) else None
        return profiles, tuple(notes), index.event_count()

    (records, notes, count), _, warnings = with_index(data, work, progress=progress)
    return IndexedListing(records, notes, tuple(warnings), count)


def indexed_session_details(
    data: Path | str | None,
    text: str,
    *,
    event: str | None = None,
    progress: Progress | None = None,
) -> IndexedListing:
    """``poc sessions S`` from the index: :func:`session_keys` and :func:`session_detail`
    over the index, the same records."""
    from .filters import sessions_note
    from .index import IndexDamaged, listings
    from .index.listings import statement_records, statement_rowids
    from .names import resolve_session_in
    from .records import session_json

    def work(index: Index) -> tuple[list[Record], list[str], int]:
        # (resolve_session_in keeps one event's sessions, if one is given: read only them)
        named = resolve_session_in(listings.sessions(index, event), text, event)
        forms = {(s.id, s.title, s.kind) for _, s in named}
        notes = sessions_note(text, forms) if not text.isdigit() else []
        events = listings.events(index, sorted({ev for ev, _ in named}))
        details = []
        for ev, session in named:
            by_id = {sp.id: sp for _, sp in listings.speakers(index, ev)}

            def of(speaker_id: str, by_id: dict[str, Speaker] = by_id) -> Speaker:
                found = by_id.get(speaker_id)
                if found is None:
                    raise IndexDamaged(f"speaker {speaker_id!r} is missing from the index")
                return found

            flt = StatementFilter(event=ev, session_ids=frozenset([session.id]))
            statements = statement_records(index, statement_rowids(index, flt))
            ordered = dict.fromkeys(r["speaker"]["id"] for r in statements)
            for speaker in by_id.values():
                if session.id in speaker.session_ids:
                    ordered.setdefault(speaker.id)
            people = [of(i) for i in ordered]
            record = session_json(_event_of(events, ev), session, len(statements), of, people)
            record["people"] = [
                {
                    "id": speaker.id,
                    "name": speaker.name,
                    "role": speaker.role,
                    "parts": [p.part for p in speaker.parts if p.session == session.id],
                    "statements": [r for r in statements if r["speaker"]["id"] == speaker.id],
                }
                for speaker in people
            ]
            author = session.paper.author if session.paper else None
            record["recommendations"] = [
                item for r in statements if r["speaker"]["id"] == author for item in r["items"]
            ]
            details.append(record)
        return details, notes, index.event_count()

    (records, notes, count), index, warnings = with_index(data, work, progress=progress)
    index.close()
    return IndexedListing(records, tuple(notes), tuple(warnings), count)


def indexed_sessions_overview(
    data: Path | str | None, *, event: str | None = None, progress: Progress | None = None
) -> IndexedListing:
    """:func:`sessions_overview` from the index, the same records."""
    from .index import listings

    def work(index: Index) -> Sequence[Record]:
        _check_event_index(index, event)
        # Made at build time by records.session_json, with who spoke and how often.
        return listings.overview_records(index, "session", event, _damaged_while_writing(index))

    return _overview(data, work, progress)


def _damaged_while_writing(index: Index) -> Callable[[BaseException], None]:
    """What to do when a row read after the output began fails its check: the index
    file is removed (the next run builds it again) and the command fails."""

    def damaged(exc: BaseException) -> None:
        path = Path(index.path)
        if path.name.startswith("index-v") and path.is_file():
            import contextlib

            with contextlib.suppress(OSError):
                path.unlink()
        raise DataError(
            f"the search index {index.path} is damaged ({exc or type(exc).__name__});"
            " the output stopped there; run the command again (the index will be rebuilt)"
        )

    return damaged


# ---------------------------------------------------------------- from the corpus


def check_event(corpus: Corpus, event: str | None) -> None:
    if event is not None and event not in {e.id for e in corpus.events}:
        raise unknown("event", event, [e.id for e in corpus.events])


def select_statements(corpus: Corpus, flt: StatementFilter | None = None) -> list[Statement]:
    """Statements in report order that pass ``flt`` (resolved by
    :func:`poc_cli.filters.resolve`, as search's are); all of them without one."""
    from .filters import select

    return list(select(corpus, flt or StatementFilter()))


def statements_records(corpus: Corpus, statements: Sequence[Statement]) -> Sequence[Record]:
    """The records of ``statements``, each made when it is written (memory stays flat)."""
    from functools import partial

    from .lazy import LazyRecords

    return LazyRecords(statements, partial(statement_record, corpus))


def sessions_overview(corpus: Corpus, *, event: str | None = None) -> list[Record]:
    check_event(corpus, event)
    counts = statement_counts(corpus)
    return [
        session_record(corpus, ev, session, counts[(ev.id, "session", session.id)])
        for ev, session in corpus.sessions
        if event is None or ev.id == event
    ]


def session_detail(corpus: Corpus, key: SessionKey) -> Record:
    """One session in depth: the overview record plus who said what, in order."""
    event_id, session_id = key
    event = corpus.dataset(event_id).event
    session = corpus.session(event_id, session_id)
    statements = [s for s in corpus.dataset(event_id).statements if s.session == session_id]
    record = session_record(corpus, event, session, len(statements))
    people = []
    for speaker in session_speakers(corpus, event, session):
        own = [s for s in statements if s.speaker == speaker.id]
        people.append(
            {
                "id": speaker.id,
                "name": speaker.name,
                "role": speaker.role,
                "parts": [p.part for p in speaker.parts if p.session == session_id],
                "statements": [statement_record(corpus, s) for s in own],
            }
        )
    record["people"] = people
    author = session.paper.author if session.paper else None
    record["recommendations"] = [
        item for s in statements if s.speaker == author for item in s.items
    ]
    return record


def speakers_overview(
    corpus: Corpus, *, event: str | None = None, keys: Iterable[SpeakerKey] | None = None
) -> list[Record]:
    check_event(corpus, event)
    wanted = set(keys) if keys is not None else None
    counts = statement_counts(corpus)
    return [
        speaker_record(corpus, ev, speaker, counts[(ev.id, "speaker", speaker.id)])
        for ev, speaker in corpus.speakers
        if (event is None or ev.id == event) and (wanted is None or (ev.id, speaker.id) in wanted)
    ]


def speaker_profiles(corpus: Corpus, keys: Sequence[SpeakerKey]) -> list[Record]:
    """Speaker records with every statement of theirs, in report order."""
    profiles = speakers_overview(corpus, keys=keys)
    # One pass over the corpus for everyone (one a profile was quadratic: 28 s for a
    # name in 330 events of a 100,000-statement file), then each person's, in order.
    wanted = frozenset((p["event"]["id"], p["id"]) for p in profiles)
    own: dict[SpeakerKey, list[Statement]] = {key: [] for key in wanted}
    for statement in select_statements(corpus, StatementFilter(speakers=wanted)):
        own[(statement.event, statement.speaker)].append(statement)
    for profile in profiles:
        key = (profile["event"]["id"], profile["id"])
        profile["statement_list"] = statements_records(corpus, own[key])
    return profiles


def find_statement(corpus: Corpus, statement_id: str) -> Statement:
    """A statement by id; a bare number (``7`` or ``07``) works when it is unambiguous.

    A number is ASCII digits only, compared as written (without leading zeros), never
    through ``int()``: ``²¹`` and ``①`` are digits to Unicode but not numbers to
    ``int()``, and ``int()`` refuses 5,000 digits.  Such ids are still found exactly."""
    wanted = statement_id.strip()
    statements = corpus.statements
    for statement in statements:
        if statement.id == wanted:
            return statement
    number = _as_number(wanted)
    if number is not None:
        matches = [s for s in statements if _trailing_number(s.id) == number]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            ids = ", ".join(s.id for s in matches[:10])
            more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
            raise UsageError(f"statement number {wanted} is ambiguous across events: {ids}{more}")
    lowered = [s for s in statements if s.id.casefold() == wanted.casefold()]
    if len(lowered) == 1:
        return lowered[0]
    raise NotFound(f"no statement with id {_shown(statement_id)}; `poc quotes` lists the ids")


_ASCII_DIGITS = frozenset("0123456789")
_SHOWN_MAX = 60


def _shown(typed: str) -> str:
    """What was typed, quoted, and cut short if it is long (a message is one line)."""
    if len(typed) <= _SHOWN_MAX:
        return repr(typed)
    return repr(typed[:_SHOWN_MAX]) + f"… ({len(typed):,} characters)"


def _as_number(text: str) -> str | None:
    """``text`` as a statement number (ASCII digits, leading zeros dropped), or None."""
    if not text or not _ASCII_DIGITS.issuperset(text):
        return None
    return text.lstrip("0") or "0"


def _trailing_number(identifier: str) -> str | None:
    """The number an id ends in (``ipi18-07`` → ``"7"``), as :func:`_as_number` gives it."""
    end = len(identifier)
    start = end
    while start > 0 and identifier[start - 1] in _ASCII_DIGITS:
        start -= 1
    return _as_number(identifier[start:end]) if start < end else None


def statement_context(corpus: Corpus, statement: Statement, *, around: int = 1) -> Record:
    """A statement with its neighbours and the report paragraph(s) it comes from."""
    dataset = corpus.dataset(statement.event)
    ordered = dataset.statements
    index = ordered.index(statement)
    record = statement_record(corpus, statement)
    speaker = corpus.speaker(statement.event, statement.speaker)
    record["speaker"].update(
        {"honorific": speaker.honorific, "role": speaker.role, "organisation": speaker.organisation}
    )
    record["context"] = {
        "before": statements_records(corpus, ordered[max(0, index - around) : index]),
        "after": statements_records(corpus, ordered[index + 1 : index + 1 + around]),
        "source_paragraphs": [
            {"number": n, "text": dataset.source.paragraphs[n - 1]} for n in statement.paragraphs
        ],
    }
    return record


ORGANISATIONS_COUNTED = (
    "a statement counts once for each organisation of its speaker, so the organisation "
    "counts add up to more than the statements"
)


def statistics(corpus: Corpus, *, event: str | None = None) -> list[Record]:
    """Statement counts by speaker, session, organisation, topic and kind, largest first.

    Each row: ``by``, ``key`` (an id: speaker, session or topic id; an organisation's
    fullest spelling), ``label`` (what people read) and ``statements``.  People are counted
    as people (:func:`~poc_cli.names.person_key`): two people of one name are two rows.
    One organisation printed several ways ("UN Department of … (DPKO/DFS)" and
    "DPKO/DFS") is one row; see :data:`ORGANISATIONS_COUNTED` for how a statement by a
    person with two organisations counts.
    """
    from .names import person_key

    check_event(corpus, event)
    statements = select_statements(corpus, StatementFilter(event=event))
    by: dict[str, Counter[str]] = {k: Counter() for k in STATISTICS_BY}
    labels: dict[tuple[str, str], str] = {}
    multi_event = len({s.event for s in statements}) > 1
    topic_labels = {(d.event.id, t.id): t.label for d in corpus.datasets for t in d.topics}
    person_ids: dict[tuple[str, str], str] = {}  # person -> key
    taken: set[str] = set()  # its values
    organisations = _organisation_names(corpus)
    for s in statements:
        speaker = corpus.speaker(s.event, s.speaker)
        session = corpus.session(s.event, s.session)
        prefix = f"{s.event}/" if multi_event else ""
        person = person_key(speaker)
        key = person_ids.get(person)
        if key is None:
            key = person_ids[person] = _unused(speaker.id, s.event, taken)
            taken.add(key)
        by["speaker"][key] += 1
        labels[("speaker", key)] = speaker.name
        by["session"][prefix + session.id] += 1
        labels[("session", prefix + session.id)] = f"{prefix}{session.title}"
        # Keyed by the fullest spelling, as printed (a key is data, never rewritten).
        for organisation in dict.fromkeys(
            organisations[_organisation_key(o)] for o in speaker.organisations
        ):
            by["organisation"][organisation] += 1
        for topic in s.topics:
            by["topic"][topic] += 1
            labels[("topic", topic)] = topic_labels.get((s.event, topic), topic)
        by["kind"][s.kind] += 1
    return _statistics_rows(by, labels)


STATISTICS_BY = ("speaker", "session", "organisation", "topic", "kind")


def _statistics_rows(
    by: dict[str, Counter[str]], labels: dict[tuple[str, str], str]
) -> list[Record]:
    """:func:`statistics`' rows of its counts (each in order of first statement)."""
    _tell_apart(labels, "speaker")
    rows: list[Record] = []
    for dimension, counter in by.items():
        ordered = sorted(
            counter.items(), key=lambda kv: (-kv[1], labels.get((dimension, kv[0]), kv[0]))
        )
        for key, count in ordered:
            row: Record = {
                "by": dimension,
                "key": key,
                "label": labels.get((dimension, key), key),
                "statements": count,
            }
            if dimension == "organisation":
                row["note"] = ORGANISATIONS_COUNTED
            rows.append(row)
    return rows


def indexed_statistics(
    data: Path | str | None, *, event: str | None = None, progress: Progress | None = None
) -> IndexedListing:
    """:func:`statistics` from the index, the same rows: those of the whole corpus as
    the build counted them (:func:`statistics_of_index`, stored in the index), those of
    one event counted now."""
    from .index import listings

    def work(index: Index) -> list[Record]:
        _check_event_index(index, event)
        if event is None:
            return listings.precomputed(index, "statistics")
        return statistics_of_index(index, event)

    return _overview(data, work, progress)


def statistics_of_index(index: Index, event: str | None = None) -> list[Record]:
    """:func:`statistics` over an index: each statement group (speaker, session, topic,
    kind of one event) counted at once, in the order of its first statement, so keys,
    labels and ties come out as the statement-by-statement count.  The index build
    calls it for the whole corpus (``index/write.py``), so a warm ``poc stats`` reads
    its answer."""
    from .index import IndexDamaged, listings
    from .model import STATEMENT_KINDS
    from .names import person_key

    multi_event = index.conn.execute(
        "SELECT count(*) > 1 FROM (SELECT DISTINCT event FROM groups WHERE by = 'speaker'"
        + (" AND event = ?)" if event is not None else ")"),
        () if event is None else (event,),
    ).fetchone()[0]
    by: dict[str, Counter[str]] = {k: Counter() for k in STATISTICS_BY}
    labels: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], int] = {}

    def label(dimension: str, key: str, text: str, when: int) -> None:
        # The label of a key's last statement, as the count statement by statement.
        if when >= last.get((dimension, key), -1):
            last[(dimension, key)] = when
            labels[(dimension, key)] = text

    # Each organisation keyed by its fullest spelling in the whole corpus (as
    # _organisation_names), whatever the event.
    names: dict[str, str] = {}
    keys: dict[str, str] = {}  # organisation -> _organisation_key
    for spelling in listings.organisation_spellings(index):
        key = keys[spelling] = _organisation_key(spelling)
        if key not in names or len(spelling) > len(names[key]):
            names[key] = spelling
    person_ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    people: dict[tuple[str, str], tuple[str, str]] = {}  # (id, name) → person: names recur
    for g, name, orgs in listings.speaker_groups(index, event):
        person = people.get((g.key, name))
        if person is None:
            sp = Speaker(
                id=g.key, name=name, honorific=None, role="", organisations=(), aliases=(), parts=()
            )
            person = people[(g.key, name)] = person_key(sp)
        row_key = person_ids.get(person)
        if row_key is None:
            row_key = person_ids[person] = _unused(g.key, g.event, taken)
            taken.add(row_key)
        by["speaker"][row_key] += g.statements
        label("speaker", row_key, name, g.last)
        try:
            spelt = dict.fromkeys(names[keys[o]] for o in orgs)
        except KeyError:
            raise IndexDamaged("an organisation is missing from the index") from None
        for organisation in spelt:
            by["organisation"][organisation] += g.statements
    for g, title in listings.labelled_groups(index, "session", event):
        prefix = f"{g.event}/" if multi_event else ""
        by["session"][prefix + g.key] += g.statements
        label("session", prefix + g.key, f"{prefix}{title}", g.last)
    for g, text in listings.labelled_groups(index, "topic", event):
        by["topic"][g.key] += g.statements
        label("topic", g.key, text, g.last)
    for g in listings.groups(index, "kind", event):
        if g.key not in STATEMENT_KINDS:
            raise IndexDamaged(f"a statement's kind {g.key!r} does not decode")
        by["kind"][g.key] += g.statements
    return _statistics_rows(by, labels)


def _unused(ident: str, event: str, taken: set[str]) -> str:
    """A speaker's id as a row key, or event/id when another person has that id."""
    return ident if ident not in taken else f"{event}/{ident}"


def _tell_apart(labels: dict[tuple[str, str], str], dimension: str) -> None:
    """Two people of one name: each label gets its key, so the rows are told apart."""
    names = Counter(label for (dim, _), label in labels.items() if dim == dimension)
    for (dim, key), label in list(labels.items()):
        if dim == dimension and names[label] > 1:
            labels[(dim, key)] = f"{label} ({key})"


_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[^()]+)\)$")


def _organisation_key(name: str) -> str:
    """One key for the ways a report prints an organisation: "UN Department of
    Peacekeeping Operations/Department of Field Support (DPKO/DFS)" and "DPKO/DFS" are
    one; case, accents and a leading "the" aside."""
    from .text.normalise import fold

    match = _ACRONYM.match(name.strip())
    text = match.group("acronym") if match else name
    folded = fold(text)
    return folded[4:] if folded.startswith("the ") else folded


def _organisation_names(corpus: Corpus) -> dict[str, str]:
    """Organisation key -> the fullest way the corpus prints it."""
    names: dict[str, str] = {}
    for _, speaker in corpus.speakers:
        for name in speaker.organisations:
            key = _organisation_key(name)
            if key not in names or len(name) > len(names[key]):
                names[key] = name
    return names


def session_keys(corpus: Corpus, text: str, event: str | None) -> list[SessionKey]:
    """The (event, session id) keys of the sessions ``text`` names."""
    from .names import resolve_session

    return [
        (event_id, session.id) for event_id, session in resolve_session(corpus, text, event=event)
    ]
