"""Typed records for a seminar dataset.

Typed NamedTuples: immutable, typed, and nearly free to define — a frozen dataclass
costs over a millisecond to create at import, a NamedTuple a fifth of that, and poc
is started many times a day.  No validation framework either: the loader in
``dataset.py`` validates the raw JSON itself so that it can report *every* problem
with the path of the bad field, which pydantic and msgspec do not do by default.

One dataset file describes one event.  A :class:`Corpus` is one or more events
loaded together (``--data FOLDER``).  Session and speaker ids are local to their
event; statement ids are unique across the whole corpus.
"""

from __future__ import annotations

from typing import NamedTuple

SCHEMA_VERSION = 1

STATEMENT_KINDS = ("quote", "paraphrase")
"""``quote``: the words the report prints inside quotation marks, exactly.
``paraphrase``: the report's own reported speech, verbatim from the report, with any
quoted fragment kept inside its quotation marks."""

SESSION_KINDS = ("remarks", "panel", "keynote")
PARTS = ("remarks", "speaker", "paper-author", "moderator", "keynote")

ATTRIBUTIONS = ("name", "alias", "title", "pronoun", "context")
"""How a statement was tied to its speaker: by the ``name`` in its own sentence, by an
``alias`` (surname, honorific + surname), by a ``title`` or role ("the
Under-Secretary-General"), by a ``pronoun`` ("she said"), or by ``context`` (an
untagged quotation that continues the speaker's words)."""


class Topic(NamedTuple):
    id: str
    label: str


class Paper(NamedTuple):
    title: str
    author: str  # speaker id
    note: str | None = None


class Session(NamedTuple):
    id: str
    title: str
    kind: str
    paper: Paper | None = None
    moderators: tuple[str, ...] = ()  # speaker ids
    note: str | None = None


class Part(NamedTuple):
    """What a person did in one session: gave remarks, spoke, moderated, …"""

    session: str  # session id
    part: str  # one of PARTS


class Speaker(NamedTuple):
    id: str
    name: str  # exactly as printed, diacritics kept
    honorific: str | None
    role: str  # as printed
    organisations: tuple[str, ...]
    aliases: tuple[str, ...]  # forms people type: surname, first name, ASCII name …
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = ()

    @property
    def organisation(self) -> str:
        return "; ".join(self.organisations)

    @property
    def session_ids(self) -> tuple[str, ...]:
        """Sessions this person took part in, in the order first named."""
        return tuple(dict.fromkeys(p.session for p in self.parts))

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


class Statement(NamedTuple):
    id: str
    speaker: str  # speaker id
    session: str  # session id
    kind: str  # one of STATEMENT_KINDS
    text: str
    paragraphs: tuple[int, ...]  # 1-based indexes into Source.paragraphs
    items: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    note: str | None = None
    event: str = ""  # event id, filled in by the loader
    attribution: str | None = None  # one of ATTRIBUTIONS, when recorded
    review: bool = False  # a person should check it (an extracted draft's guess)
    within: str | None = None  # a quote inside a paraphrase: that paraphrase's id


class Source(NamedTuple):
    title: str
    file: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    doi: str | None = None


class Event(NamedTuple):
    id: str
    short_title: str
    title: str
    host: str | None  # None: the report does not say
    co_sponsors: tuple[str, ...]
    venue: str | None
    date: str | None  # YYYY-MM-DD; None when the report does not give it
    provenance: dict[str, str] = {}  # field -> where it comes from (never mutated)


class Dataset(NamedTuple):
    """One event: the contents of one dataset file."""

    path: str
    schema_version: int
    event: Event
    source: Source
    sessions: tuple[Session, ...]
    speakers: tuple[Speaker, ...]
    topics: tuple[Topic, ...]
    statements: tuple[Statement, ...]
    notes: tuple[str, ...] = ()


class Corpus:
    """Every dataset loaded together, with the look-ups the commands need.

    Records are addressed by ``(event id, local id)`` because session and speaker
    ids are only unique inside their event.
    """

    __slots__ = ("datasets", "_sessions", "_speakers", "_events", "__weakref__")

    def __init__(self, datasets: tuple[Dataset, ...]) -> None:
        self.datasets = datasets
        self._sessions = {(d.event.id, s.id): s for d in datasets for s in d.sessions}
        self._speakers = {(d.event.id, p.id): p for d in datasets for p in d.speakers}
        self._events = {d.event.id: d for d in datasets}

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(d.event for d in self.datasets)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """All statements, event by event, each event in report order."""
        return tuple(s for d in self.datasets for s in d.statements)

    @property
    def sessions(self) -> tuple[tuple[Event, Session], ...]:
        return tuple((d.event, s) for d in self.datasets for s in d.sessions)

    @property
    def speakers(self) -> tuple[tuple[Event, Speaker], ...]:
        return tuple((d.event, p) for d in self.datasets for p in d.speakers)

    def dataset(self, event_id: str) -> Dataset:
        return self._events[event_id]

    def session(self, event_id: str, session_id: str) -> Session:
        return self._sessions[(event_id, session_id)]

    def speaker(self, event_id: str, speaker_id: str) -> Speaker:
        return self._speakers[(event_id, speaker_id)]
