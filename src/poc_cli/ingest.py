"""Read dataset files fast, for building the search index of a big corpus.

:func:`poc_cli.dataset.load_dataset` parses with the standard ``json`` module,
validates the dicts in Python (collecting every problem with its field path) and
builds model records: about 4 s for 100,000 statements.  Building the index needs
none of those records, and a valid file needs none of those messages, so this module
takes a faster road and only falls back to the careful one when something is wrong:

1. msgspec decodes each file straight into typed structs (:class:`DatasetFile`),
   checking every field's type and presence in C (about 5× faster than ``json``
   alone, validation included);
2. :func:`_consistent` checks in Python what types cannot say: non-empty strings,
   unique ids, references, choices, dates, paragraph ranges, the schema version.

Python's json module and msgspec differ in one way that matters here: msgspec keeps
the last of two equal keys in an object, where the careful loader refuses the file.
So a file with a repeated key can be searched but is refused by every other command
and by ``poc validate`` (which says which key).

A file that fails either step, or cannot be read, is handed to
:func:`poc_cli.dataset.load_dataset`, which raises the same precise
:class:`~poc_cli.errors.DataError` that every other command gives.  The fast checks
are *conservative*: anything :func:`poc_cli.dataset.validate` rejects, they reject
(so the error is always the careful one); should they ever reject a valid file, the
careful loader's records are used instead.

msgspec is imported only here, and this module only when an index is built.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from . import dataset as _dataset
from .model import PARTS, SCHEMA_VERSION, SESSION_KINDS, STATEMENT_KINDS, Dataset

__all__ = ["DatasetFile", "read_dataset_file", "read_dataset_files"]


class _Paper(msgspec.Struct, kw_only=True):
    title: str
    author: str
    note: str | None = None


class _Session(msgspec.Struct, kw_only=True):
    id: str
    title: str
    kind: str
    paper: _Paper | None = None
    moderators: list[str] | None = None
    note: str | None = None


class _Part(msgspec.Struct, kw_only=True):
    session: str
    part: str


class _Speaker(msgspec.Struct, kw_only=True):
    id: str
    name: str
    honorific: str | None = None
    role: str
    organisations: list[str]
    aliases: list[str] | None = None
    parts: list[_Part]
    notes: list[str] | None = None


class _Topic(msgspec.Struct, kw_only=True):
    id: str
    label: str


class _Statement(msgspec.Struct, kw_only=True):
    id: str
    speaker: str
    session: str
    kind: str
    text: str
    paragraphs: list[int]
    items: list[str] | None = None
    topics: list[str] | None = None
    note: str | None = None


class _Event(msgspec.Struct, kw_only=True):
    id: str
    short_title: str
    title: str
    host: str
    co_sponsors: list[str] | None = None
    venue: str
    date: str
    provenance: dict[str, Any] | None = None


class _Source(msgspec.Struct, kw_only=True):
    title: str
    file: str
    paragraphs: list[str]


class DatasetFile(msgspec.Struct, kw_only=True):
    """One dataset file as the schema describes it (optional lists may be None)."""

    schema_version: int
    event: _Event
    source: _Source
    sessions: list[_Session]
    speakers: list[_Speaker]
    topics: list[_Topic] | None = None
    statements: list[_Statement]
    notes: list[str] | None = None


_decoder = msgspec.json.Decoder(DatasetFile)


def _filled(*values: str) -> bool:
    return all(v.strip() for v in values)


def _consistent(d: DatasetFile) -> bool:
    """True only if :func:`poc_cli.dataset.validate` would find nothing wrong."""
    if d.schema_version != SCHEMA_VERSION:
        return False
    ev = d.event
    if not _filled(ev.id, ev.short_title, ev.title, ev.host, ev.venue, ev.date):
        return False
    try:
        date.fromisoformat(ev.date)
    except ValueError:
        return False
    if not _filled(d.source.title, d.source.file):
        return False
    paragraph_count = len(d.source.paragraphs)
    sessions = {s.id for s in d.sessions}
    speakers = {p.id for p in d.speakers}
    topics = {t.id for t in d.topics or ()}
    if (
        len(sessions) != len(d.sessions)
        or len(speakers) != len(d.speakers)
        or len(topics) != len(d.topics or ())
        or len({s.id for s in d.statements}) != len(d.statements)
    ):
        return False  # a duplicate id
    for t in d.topics or ():
        if not _filled(t.id, t.label):
            return False
    for s in d.sessions:
        if not _filled(s.id, s.title) or s.kind not in SESSION_KINDS:
            return False
        if s.moderators and not speakers.issuperset(s.moderators):
            return False
        if s.paper is not None and (
            not _filled(s.paper.title, s.paper.author) or s.paper.author not in speakers
        ):
            return False
    for p in d.speakers:
        if not _filled(p.id, p.name, p.role):
            return False
        for part in p.parts:
            if part.session not in sessions or part.part not in PARTS:
                return False
    for st in d.statements:
        if (
            st.speaker not in speakers
            or st.session not in sessions
            or st.kind not in STATEMENT_KINDS
            or not st.paragraphs
            or not _filled(st.id, st.text)
            or (st.topics and not topics.issuperset(st.topics))
        ):
            return False
        for n in st.paragraphs:
            if not 1 <= n <= paragraph_count:
                return False
    # Ids used as references were checked non-empty where they are defined.
    return all(_filled(i) for i in sessions | speakers)


def read_dataset_file(path: Path | str) -> DatasetFile:
    """One valid dataset file, or the DataError :func:`~poc_cli.dataset.load_dataset` raises."""
    try:
        status = os.stat(path)
        # Anything but a small regular file (a pipe would block) takes the careful road.
        if stat.S_ISREG(status.st_mode) and status.st_size <= _dataset.MAX_FILE_BYTES:
            with open(path, "rb") as f:
                parsed = _decoder.decode(f.read())
            if _consistent(parsed):
                return parsed
    except (OSError, msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        pass
    return from_dataset(_dataset.load_dataset(Path(path)))


def from_dataset(dataset: Dataset) -> DatasetFile:
    """A loaded model :class:`~poc_cli.model.Dataset` as a :class:`DatasetFile`."""
    return msgspec.convert(_dataset.dataset_to_dict(dataset), DatasetFile)


def read_dataset_files(paths: list[str]) -> Iterator[tuple[str, DatasetFile]]:
    """``(path, DatasetFile)`` of each file in order; DataError at the first bad one."""
    for path in paths:
        yield path, read_dataset_file(path)
