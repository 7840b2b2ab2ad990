"""The dataset schema, written once: every record kind and its fields.

Both readers are derived from these tables, so they cannot drift apart:

* the careful validator (:mod:`poc_cli.schema.check`) checks a parsed file's types,
  presence and "must not be empty" field by field, with the JSON path of each
  problem;
* the fast reader (:mod:`poc_cli.schema.fast`) builds its msgspec structs from the
  same tables, so msgspec checks the same types and presence in C.

What a table cannot say (unique ids, references, choices, dates, paragraph ranges)
is :func:`poc_cli.schema.check.check_consistency`, which both readers run.

To add an optional field: add one :class:`Field` here, read it in
:mod:`poc_cli.schema.codec` (and :mod:`poc_cli.model` if the model should carry it),
and document it in README.md ("Schema").  Every existing dataset stays valid.
"""

from __future__ import annotations

from typing import NamedTuple

from poc_cli.model import ATTRIBUTIONS, PARTS, SESSION_KINDS, STATEMENT_KINDS


class Field(NamedTuple):
    name: str
    json_type: type  # str, int, bool, list or dict
    required: bool = False
    element: type | str | None = None  # a list's elements: a type, or a record kind's name
    record: str | None = None  # a nested object's record kind (dict fields)
    choices: tuple[str, ...] = ()

    @property
    def nonempty(self) -> bool:
        """A required string must hold something visible."""
        return self.required and self.json_type is str


def _f(name: str, kind: type, required: bool = False, **more: object) -> Field:
    return Field(name, kind, required, **more)  # type: ignore[arg-type]


RECORDS: dict[str, tuple[Field, ...]] = {
    "dataset": (
        _f("schema_version", int, True),
        _f("event", dict, True, record="event"),
        _f("source", dict, True, record="source"),
        _f("sessions", list, True, element="session"),
        _f("speakers", list, True, element="speaker"),
        _f("topics", list, element="topic"),
        _f("statements", list, True, element="statement"),
        _f("notes", list, element=str),
    ),
    "event": (
        _f("id", str, True),
        _f("short_title", str, True),
        _f("title", str, True),
        _f("host", str),
        _f("co_sponsors", list, element=str),
        _f("venue", str),
        _f("date", str),  # YYYY-MM-DD; left out when the report does not give it
        _f("provenance", dict),
    ),
    "source": (
        _f("title", str, True),
        _f("file", str, True),
        _f("paragraphs", list, True, element=str),
        _f("url", str),
        _f("doi", str),
    ),
    "session": (
        _f("id", str, True),
        _f("title", str, True),
        _f("kind", str, True, choices=SESSION_KINDS),
        _f("paper", dict, record="paper"),
        _f("moderators", list, element=str),
        _f("note", str),
    ),
    "paper": (
        _f("title", str, True),
        _f("author", str, True),
        _f("note", str),
    ),
    "speaker": (
        _f("id", str, True),
        _f("name", str, True),
        _f("honorific", str),
        _f("role", str),  # as printed; left out when the report gives none
        _f("organisations", list, True, element=str),
        _f("aliases", list, element=str),
        _f("parts", list, True, element="part"),
        _f("notes", list, element=str),
    ),
    "part": (
        _f("session", str, True),
        _f("part", str, True, choices=PARTS),
    ),
    "topic": (
        _f("id", str, True),
        _f("label", str, True),
    ),
    "statement": (
        _f("id", str, True),
        _f("speaker", str, True),
        _f("session", str, True),
        _f("kind", str, True, choices=STATEMENT_KINDS),
        _f("text", str, True),
        _f("paragraphs", list, True, element=int),
        _f("items", list, element=str),
        _f("topics", list, element=str),
        _f("note", str),
        # How the statement was tied to its speaker, when not by the name in its own
        # sentence; written by `poc extract` (see model.ATTRIBUTIONS).
        _f("attribution", str, choices=ATTRIBUTIONS),
        _f("review", bool),  # true: a person should check this statement
        _f("within", str),  # a quote inside a paraphrase: that paraphrase's id
    ),
}
"""Record kind -> its fields, in the order files write them."""
