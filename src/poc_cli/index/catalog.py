"""The index as a :class:`~poc_cli.filters.Catalog`, and a resolved
:class:`~poc_cli.filters.StatementFilter` as SQL: the index side of the one resolver.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from poc_cli.model import Session, Speaker

if TYPE_CHECKING:
    from poc_cli.filters import StatementFilter
    from poc_cli.names import SpeakerMatch

    from .read import Index


class IndexCatalog:
    """An open :class:`~poc_cli.index.read.Index` as a Catalog: names are looked up in
    the index, never by loading every speaker or session of a big corpus."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def has_event(self, event: str) -> bool:
        return self.index.has_event(event)

    def event_ids(self) -> list[str]:
        return self.index.event_ids()

    def match_speakers(self, name: str) -> SpeakerMatch:
        return match_speakers_index(self.index, name)

    def session_ids(self, event: str | None = None) -> list[str]:
        return self.index.session_ids(event)

    def session_forms(self, event: str | None = None) -> list[Session]:
        return self.index.session_kinds(event)

    def topic_pairs(self) -> Iterable[tuple[str, str]]:
        return self.index.topic_kinds()


def filter_sql(flt: StatementFilter) -> tuple[str, list[Any]]:
    """SQL over ``statements s`` for a resolved filter, and its parameters ("" for none)."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.event is not None:
        clauses.append("s.event = ?")
        params.append(flt.event)
    if flt.speakers is not None:
        pairs = sorted(flt.speakers)
        # Through a subquery: SQLite searches statements_speaker for each pair then,
        # where a bare IN (VALUES …) of several pairs scans the whole index.
        values = ",".join("(?,?)" for _ in pairs)
        clauses.append(f"(s.event, s.speaker) IN (SELECT column1, column2 FROM (VALUES {values}))")
        params.extend(x for pair in pairs for x in pair)
    if flt.session_ids is not None:
        ids = sorted(flt.session_ids)
        clauses.append(f"s.session IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if flt.session_forms is not None:
        forms = sorted(flt.session_forms)
        sql = "SELECT event, id FROM sessions WHERE (id, title, kind) IN (VALUES "
        sql += ",".join("(?,?,?)" for _ in forms) + ")"
        clauses.append(f"(s.event, s.session) IN ({sql})")
        params.extend(x for form in forms for x in form)
    if flt.kind is not None:
        clauses.append("s.kind = ?")
        params.append(flt.kind)
    if flt.topics is not None:
        ids = sorted(flt.topics)
        # The statements table keeps topics as element 1 of its `extra` JSON (schema.py).
        clauses.append(
            "EXISTS (SELECT 1 FROM json_each(s.extra, '$[1]') WHERE value IN ("
            + ",".join("?" * len(ids))
            + "))"
        )
        params.extend(ids)
    return " AND ".join(clauses), params


class SearchSql(NamedTuple):
    """A resolved filter as search gives it to :meth:`~.read.Index.match`: SQL over
    ``statements s`` and its parameters, and the events it keeps statements of (None:
    any), which the index tells by the dataset files their rowids name, without
    joining every match to the statements table (``events_only``: and that is all the
    filter asks)."""

    where: str = ""
    params: tuple[Any, ...] = ()
    events: frozenset[str] | None = None
    events_only: bool = False


def search_sql(flt: StatementFilter) -> SearchSql:
    """:func:`filter_sql` of ``flt``, with the events it is confined to: the ``--event``
    one, and those of the people ``--speaker`` named."""
    where, params = filter_sql(flt)
    events = None if flt.event is None else frozenset((flt.event,))
    if flt.speakers is not None:
        theirs = frozenset(event for event, _ in flt.speakers)
        events = theirs if events is None else events & theirs
    only = flt._replace(event=None, notes=()) == type(flt)()
    return SearchSql(where, tuple(params), events, only and events is not None)


def match_speakers_index(index: Index, name: str) -> SpeakerMatch:
    """:func:`poc_cli.names.match_speakers` over an index, without the corpus.

    Exact name forms are looked up in the index; only a name that is not one of them
    loads every speaker to be matched word by word or as a typo.
    """
    from poc_cli.names import (
        SpeakerMatch,
        forms_that_could_match,
        is_a_form_of_the_name,
        match_speakers_in,
        query_keys,
    )

    keys = query_keys(name)
    if keys:
        # An exact form: who it names is told by id and name alone (names.person_key),
        # so no record's JSON is decoded (2,422 records of "Mamiya" at a million).
        exact = index.speakers_by_name_key(keys, whole=False)
        if exact and all(is_a_form_of_the_name(sp.name, keys) for _, sp in exact):
            # Every record of these people has the same name, so that form too: all
            # of them are found already (an alias may be given in one event only).
            return SpeakerMatch(_by_person(exact), typo=False)
        if exact:
            records = _every_record_of(index, exact, whole=False)
            return SpeakerMatch(_by_person(records), typo=False)
    # Not a name form: matched word by word or as a typo, against the people who could
    # fit (at a million statements, loading all 200,000 speakers took 13 s).
    forms = forms_that_could_match(index.name_keys(), name) if keys else None
    if forms is None:
        return match_speakers_in(index.speaker_records(), name)
    found = index.speakers_by_name_key(forms) if forms else []
    return match_speakers_in(_every_record_of(index, found), name)


def _by_person(records: list[tuple[str, Speaker]]) -> list[tuple[str, Speaker]]:
    """Records in corpus order, grouped by person, the people in the order the corpus
    first gives them: as :func:`poc_cli.names.match_speakers_in` returns them (a note
    that lists the people names them in that order)."""
    from poc_cli.names import person_key

    keys: dict[tuple[str, str], Any] = {}  # (id, name) → person key: names recur
    people: dict[Any, list[tuple[str, Speaker]]] = {}
    for record in records:
        pair = (record[1].id, record[1].name)
        key = keys.get(pair)
        if key is None:
            key = keys[pair] = person_key(record[1])
        people.setdefault(key, []).append(record)
    return records if len(people) < 2 else [r for group in people.values() for r in group]


def _every_record_of(
    index: Index, found: Sequence[tuple[str, Speaker]], *, whole: bool = True
) -> list[tuple[str, Speaker]]:
    """Every (event, Speaker) record, in any event, of the people in ``found``: the same
    id under the same name (:func:`poc_cli.names.person_key`; ids are per event).
    ``whole=False``: the records hold id and name only (``read.light_speaker``)."""
    from poc_cli.names import person_key

    from .read import light_speaker

    keys: dict[tuple[str, str], Any] = {}  # (id, name) → person key: names recur

    def key_of(speaker: Speaker) -> Any:
        pair = (speaker.id, speaker.name)
        key = keys.get(pair)
        if key is None:
            key = keys[pair] = person_key(speaker)
        return key

    people = {key_of(sp) for _, sp in found}
    have = {(event, sp.id): sp for event, sp in found}

    def known(event: str, ident: str, name: str) -> Speaker | None:
        # Each row is checked; only a record not found already is decoded, and only if
        # it is one of these people and whole records are wanted.
        if (event, ident) in have:
            return have[(event, ident)]
        light = light_speaker(ident, name)
        return None if whole and key_of(light) in people else light

    candidates = index.speakers_by_id(dict.fromkeys(sp.id for _, sp in found), known)
    return [record for record in candidates if key_of(record[1]) in people]
