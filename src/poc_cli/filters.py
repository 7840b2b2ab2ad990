"""What the user typed (``--speaker``, ``--session``, ``--topic``, ``--event``, ``--kind``)
turned into one filter value, the same for listings and for search.

:func:`resolve` is the only place that understands those options.  It asks a
:class:`Catalog` (the loaded :class:`~poc_cli.model.Corpus`, or the search index) who
and what the words name, and returns a :class:`StatementFilter` with the notes the
user should see (a name taken for a typo, a name that fits several people).  Two small
executors then apply it: :meth:`StatementFilter.matches` over model statements
(``queries.py``) and :meth:`poc_cli.index.read.Index.filter_sql` over the index.
So both give the same statements and the same messages.

The ambiguity rule, for every command: a name that fits several people (or sessions)
shows all of them, with a note on stderr naming them — never silently narrowed, never
refused (``poc speakers NAME`` then shows each profile).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .errors import unknown
from .model import STATEMENT_KINDS, Corpus, Session, Speaker, Statement

if TYPE_CHECKING:
    from .names import SpeakerMatch

SessionForm = tuple[str, str, str]  # (id, title, kind): the same in every event that has it


class SearchFilters(NamedTuple):
    """Restrict a listing or a search; each is what the user typed."""

    speaker: str | None = None  # any name form, forgiving typos (names.py)
    session: str | None = None  # id, number, or title/kind word
    kind: str | None = None  # "quote" or "paraphrase"
    topic: str | None = None  # topic id or label
    event: str | None = None  # event id


class StatementFilter(NamedTuple):
    """Which statements pass, resolved: ``None`` means "any"."""

    event: str | None = None
    speakers: frozenset[tuple[str, str]] | None = None  # (event id, speaker id)
    session_ids: frozenset[str] | None = None  # by id or number: in any event
    session_forms: frozenset[SessionForm] | None = None  # by title, kind or a typo
    kind: str | None = None
    topics: frozenset[str] | None = None  # topic ids
    notes: tuple[str, ...] = ()  # how the options were read, for the user

    def matches(self, statement: Statement, session: Session) -> bool:
        return (
            (self.event is None or statement.event == self.event)
            and (self.speakers is None or (statement.event, statement.speaker) in self.speakers)
            and (self.session_ids is None or statement.session in self.session_ids)
            and (
                self.session_forms is None
                or (session.id, session.title, session.kind) in self.session_forms
            )
            and (self.kind is None or statement.kind == self.kind)
            and (self.topics is None or not self.topics.isdisjoint(statement.topics))
        )


class Catalog(Protocol):
    """What resolving needs to know of a corpus: its events, people, sessions, topics."""

    def has_event(self, event: str) -> bool: ...
    def event_ids(self) -> list[str]: ...
    def match_speakers(self, name: str) -> SpeakerMatch: ...
    def session_ids(self, event: str | None = None) -> list[str]: ...
    def session_forms(self, event: str | None = None) -> list[Session]: ...
    def topic_pairs(self) -> Iterable[tuple[str, str]]: ...


class CorpusCatalog:
    """A loaded :class:`~poc_cli.model.Corpus` as a :class:`Catalog`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def has_event(self, event: str) -> bool:
        return any(d.event.id == event for d in self.corpus.datasets)

    def event_ids(self) -> list[str]:
        return [d.event.id for d in self.corpus.datasets]

    def match_speakers(self, name: str) -> SpeakerMatch:
        from .names import match_speakers

        return match_speakers(self.corpus, name)

    def _sessions(self, event: str | None) -> list[Session]:
        return [s for e, s in self.corpus.sessions if event is None or e.id == event]

    def session_ids(self, event: str | None = None) -> list[str]:
        return list(dict.fromkeys(s.id for s in self._sessions(event)))

    def session_forms(self, event: str | None = None) -> list[Session]:
        forms = {(s.id, s.title, s.kind): s for s in self._sessions(event)}
        return [Session(id=i, title=t, kind=k) for i, t, k in forms]

    def topic_pairs(self) -> Iterable[tuple[str, str]]:
        return dict.fromkeys((t.id, t.label) for d in self.corpus.datasets for t in d.topics)


def resolve(catalog: Catalog, typed: SearchFilters) -> StatementFilter:
    """``typed`` resolved against ``catalog``; UsageError/NotFound for what names nothing."""
    notes: list[str] = []
    if typed.event is not None and not catalog.has_event(typed.event):
        raise unknown("event", typed.event, catalog.event_ids())
    if typed.kind is not None and typed.kind not in STATEMENT_KINDS:
        raise unknown("kind", typed.kind, STATEMENT_KINDS)
    speakers = None
    if typed.speaker is not None:
        speakers = _speakers(catalog.match_speakers(typed.speaker), typed.speaker, notes)
    session_ids = session_forms = None
    if typed.session is not None:
        session_ids, session_forms = _sessions(catalog, typed.session, typed.event)
        if session_forms is not None:
            notes.extend(sessions_note(typed.session, session_forms))
    topics = None
    if typed.topic is not None:
        from .names import topic_ids_named

        topics = frozenset(topic_ids_named(catalog.topic_pairs(), typed.topic))
    return StatementFilter(
        event=typed.event,
        speakers=speakers,
        session_ids=session_ids,
        session_forms=session_forms,
        kind=typed.kind,
        topics=topics,
        notes=tuple(notes),
    )


def _speakers(match: SpeakerMatch, typed: str, notes: list[str]) -> frozenset[tuple[str, str]]:
    notes.extend(people_notes(match, typed, match.records))
    return frozenset((event, speaker.id) for event, speaker in match.records)


def people_notes(
    match: SpeakerMatch, typed: str, records: Sequence[tuple[str, Speaker]]
) -> list[str]:
    """What to tell the user about a name: taken for a typo; fits several people."""
    from .names import person_key

    notes = []
    typo = match.typo_note(typed)
    if typo:
        notes.append(f"note: {typo}")
    people = {person_key(speaker): speaker for _, speaker in records}
    if len(people) > 1:
        listing = "; ".join(f"{p.name} ({p.id})" for p in people.values())
        notes.append(f"{typed!r} fits {len(people)} people: {listing}; showing all of them")
    return notes


def _sessions(
    catalog: Catalog, text: str, event: str | None
) -> tuple[frozenset[str] | None, frozenset[SessionForm] | None]:
    """By id or number (the first thing tried; the distinct ids are few), else by title,
    kind or a typo, over each distinct (id, title, kind) once, not once per event."""
    from .names import resolve_session_in, session_ids_named

    ids = session_ids_named(catalog.session_ids(event), text)
    if ids:
        return frozenset(ids), None
    named = resolve_session_in(
        [(event or "", s) for s in catalog.session_forms(event)], text, event
    )
    return None, frozenset((s.id, s.title, s.kind) for _, s in named)


def sessions_note(typed: str, forms: Iterable[SessionForm]) -> list[str]:
    """The note when a session name fits several sessions (all are shown)."""
    named = dict.fromkeys((i, t) for i, t, _ in sorted(forms))
    if len({i for i, _ in named}) < 2:
        return []
    listing = "; ".join(f"{i} ({t})" for i, t in named)
    return [f"{typed!r} fits {len(named)} sessions: {listing}; showing all of them"]


def statement_filter(corpus: Corpus, typed: SearchFilters) -> StatementFilter:
    """:func:`resolve` over a loaded corpus."""
    return resolve(CorpusCatalog(corpus), typed)


def select(corpus: Corpus, flt: StatementFilter) -> Sequence[Statement]:
    """The corpus's statements that pass ``flt``, in report order."""
    return [s for s in corpus.statements if flt.matches(s, corpus.session(s.event, s.session))]
