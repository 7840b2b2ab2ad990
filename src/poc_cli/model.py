"""Typed records for a seminar dataset.

Plain frozen dataclasses: they cost nothing to import (poc is started many times a
day, so start-up time matters more than a validation framework), and the loader in
``dataset.py`` validates the raw JSON itself so that it can report *every* problem
with the path of the bad field, which pydantic and msgspec do not do by default.

One dataset file describes one event.  A :class:`Corpus` is one or more events
loaded together (``--data FOLDER``).  Session and speaker ids are local to their
event; statement ids are unique across the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 1

STATEMENT_KINDS = ("quote", "paraphrase")
"""``quote``: the words the report prints inside quotation marks, exactly.
``paraphrase``: the report's own reported speech, verbatim from the report, with any
quoted fragment kept inside its quotation marks."""

SESSION_KINDS = ("remarks", "panel", "keynote")
PARTS = ("remarks", "speaker", "paper-author", "moderator", "keynote")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Paper:
    title: str
    author: str  # speaker id
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    title: str
    kind: str
    paper: Paper | None = None
    moderators: tuple[str, ...] = ()  # speaker ids
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """What a person did in one session: gave remarks, spoke, moderated, …"""

    session: str  # session id
    part: str  # one of PARTS


@dataclass(frozen=True, slots=True)
class Speaker:
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


@dataclass(frozen=True, slots=True)
class Statement:
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


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    file: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    short_title: str
    title: str
    host: str
    co_sponsors: tuple[str, ...]
    venue: str
    date: str  # ISO 8601
    provenance: dict[str, str] = field(default_factory=dict)  # field -> where it comes from


@dataclass(frozen=True, slots=True)
class Dataset:
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


@dataclass(frozen=True)
class Corpus:
    """Every dataset loaded together, with the look-ups the commands need.

    Records are addressed by ``(event id, local id)`` because session and speaker
    ids are only unique inside their event.
    """

    datasets: tuple[Dataset, ...]
    _sessions: dict[tuple[str, str], Session] = field(init=False, repr=False, compare=False)
    _speakers: dict[tuple[str, str], Speaker] = field(init=False, repr=False, compare=False)
    _events: dict[str, Dataset] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sessions = {(d.event.id, s.id): s for d in self.datasets for s in d.sessions}
        speakers = {(d.event.id, p.id): p for d in self.datasets for p in d.speakers}
        object.__setattr__(self, "_sessions", sessions)
        object.__setattr__(self, "_speakers", speakers)
        object.__setattr__(self, "_events", {d.event.id: d for d in self.datasets})

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
