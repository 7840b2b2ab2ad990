"""Validate a parsed dataset file: every problem, each with the JSON path of the bad field.

Two layers, both shared by the careful and the fast reader:

* :func:`check_fields` — types, presence and "must not be empty", driven by the
  tables in :mod:`poc_cli.schema.fields` (the fast reader gets types and presence
  from msgspec structs built from the same tables, and runs :func:`blank_fields`);
* :func:`check_consistency` — what types cannot say: the schema version, unique ids,
  references, choices, dates and paragraph ranges.  It reads records through
  :func:`_get`, so it runs on the parsed dicts *and* on the fast reader's structs:
  one set of rules, so the two readers cannot disagree.

:func:`validate` is the careful validator; ``poc validate`` is its executable form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from poc_cli.model import SCHEMA_VERSION
from poc_cli.text.invisible import is_blank

from .fields import RECORDS, Field


class Problem(NamedTuple):
    """One thing wrong with a dataset: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    list: "a list",
    dict: "an object",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, float) else type(value).__name__


def _is(value: Any, kind: type) -> bool:
    # bool is an int in Python, never in our schema
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


_MISSING = object()


def _field_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def check_fields(obj: Any, path: str, kind: str, problems: list[Problem]) -> bool:
    """Check one object's own fields against its record kind; True if it is an object.

    Runs for every statement of every file a command loads, so a valid field costs
    one ``type()`` test; paths and messages are made only for a problem.  Nested
    records are not entered (see :func:`validate`).
    """
    if not isinstance(obj, dict):
        problems.append(Problem(path, f"must be an object, not {_type_name(obj)}"))
        return False
    for field in RECORDS[kind]:
        value = obj.get(field.name, _MISSING)
        if value is _MISSING or (value is None and not field.required):
            if field.required:
                problems.append(Problem(_field_path(path, field.name), "missing required field"))
            continue
        if type(value) is not field.json_type and not _is(value, field.json_type):
            problems.append(
                Problem(
                    _field_path(path, field.name),
                    f"must be {_TYPE_NAMES[field.json_type]}, not {_type_name(value)}",
                )
            )
        elif field.nonempty and is_blank(value):
            problems.append(Problem(_field_path(path, field.name), "must not be empty"))
        elif isinstance(field.element, type):
            element = field.element
            for i, item in enumerate(value):
                if type(item) is not element and not _is(item, element):
                    problems.append(
                        Problem(
                            f"{_field_path(path, field.name)}[{i}]",
                            f"must be {_TYPE_NAMES[element]}, not {_type_name(item)}",
                        )
                    )
    return True


_NONEMPTY = {kind: tuple(f.name for f in fields if f.nonempty) for kind, fields in RECORDS.items()}


def blank_fields(doc: Any) -> bool:
    """True if any required string of a well-typed document is blank (the fast
    reader's form of the "must not be empty" check that :func:`check_fields` makes)."""
    event, source = _get(doc, "event"), _get(doc, "source")
    records: list[tuple[str, Any]] = [("event", event), ("source", source)]
    for kind, key in (
        ("session", "sessions"),
        ("speaker", "speakers"),
        ("topic", "topics"),
        ("statement", "statements"),
    ):
        records.extend((kind, r) for r in _list(_get(doc, key)))
    for session in _list(_get(doc, "sessions")):
        paper = _get(session, "paper")
        if paper is not None:
            records.append(("paper", paper))
    for speaker in _list(_get(doc, "speakers")):
        records.extend(("part", p) for p in _list(_get(speaker, "parts")))
    for kind, record in records:
        for name in _NONEMPTY[kind]:
            value = _get(record, name)
            if isinstance(value, str) and is_blank(value):
                return True
    return False


# ----------------------------------------------------------------- consistency


def _get(record: Any, name: str) -> Any:
    """A field of a parsed dict or of a fast-reader struct (None when absent)."""
    if type(record) is dict:
        return record.get(name)
    return getattr(record, name, None)


def _is_record(value: Any) -> bool:
    return type(value) is dict or hasattr(value, "__struct_fields__")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _records(doc: Any, key: str) -> Iterator[tuple[str, Any]]:
    """The well-formed records of a top-level list, with their paths."""
    for i, item in enumerate(_list(_get(doc, key))):
        if _is_record(item):
            yield f"{key}[{i}]", item


def _unique_ids(records: list[tuple[str, Any]], what: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, str] = {}
    for path, record in records:
        ident = _get(record, "id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problems.append(
                Problem(f"{path}.id", f"duplicate {what} id {ident!r} (first at {seen[ident]})")
            )
        else:
            seen[ident] = path
    return set(seen)


def _check_ref(value: Any, known: set[str], path: str, what: str, problems: list[Problem]) -> None:
    if isinstance(value, str) and value not in known:
        problems.append(Problem(path, f"unknown {what} {value!r}"))


def _check_choice(value: Any, field: Field, path: str, problems: list[Problem]) -> None:
    if isinstance(value, str) and value not in field.choices:
        problems.append(Problem(path, f"is {value!r}; must be one of {', '.join(field.choices)}"))


def _field(kind: str, name: str) -> Field:
    return next(f for f in RECORDS[kind] if f.name == name)


_SESSION_KIND = _field("session", "kind")
_PART = _field("part", "part")
_STATEMENT_KIND = _field("statement", "kind")
_ATTRIBUTION = _field("statement", "attribution")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def check_date(value: Any, path: str, problems: list[Problem]) -> None:
    """A calendar date written YYYY-MM-DD, and nothing else: Python's
    ``date.fromisoformat`` also takes ``20181026`` and ``2018-W43-5``."""
    from datetime import date

    if not isinstance(value, str):
        return
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(path, f"is {value!r}; must be a date as YYYY-MM-DD"))


def check_consistency(doc: Any) -> list[Problem]:
    """Every problem of a well-formed document that its field types cannot show."""
    problems: list[Problem] = []
    version = _get(doc, "schema_version")
    if _is(version, int) and version != SCHEMA_VERSION:
        problems.append(
            Problem(
                "schema_version", f"is {version}; this poc reads schema_version {SCHEMA_VERSION}"
            )
        )
    event = _get(doc, "event")
    if _is_record(event):
        check_date(_get(event, "date"), "event.date", problems)
    source = _get(doc, "source")
    paragraphs = _get(source, "paragraphs") if _is_record(source) else None
    paragraph_count = len(paragraphs) if isinstance(paragraphs, list) else 0

    sessions = list(_records(doc, "sessions"))
    speakers = list(_records(doc, "speakers"))
    statements = list(_records(doc, "statements"))
    session_ids = _unique_ids(sessions, "session", problems)
    speaker_ids = _unique_ids(speakers, "speaker", problems)
    topic_ids = _unique_ids(list(_records(doc, "topics")), "topic", problems)
    statement_ids = _unique_ids(statements, "statement", problems)

    for path, session in sessions:
        _check_choice(_get(session, "kind"), _SESSION_KIND, f"{path}.kind", problems)
        for i, moderator in enumerate(_list(_get(session, "moderators"))):
            _check_ref(moderator, speaker_ids, f"{path}.moderators[{i}]", "speaker", problems)
        paper = _get(session, "paper")
        if _is_record(paper):
            _check_ref(
                _get(paper, "author"), speaker_ids, f"{path}.paper.author", "speaker", problems
            )
    for path, speaker in speakers:
        for i, part in enumerate(_list(_get(speaker, "parts"))):
            where = f"{path}.parts[{i}]"
            if _is_record(part):
                _check_ref(
                    _get(part, "session"), session_ids, f"{where}.session", "session", problems
                )
                _check_choice(_get(part, "part"), _PART, f"{where}.part", problems)
    for path, statement in statements:
        _check_statement(
            path, statement, speaker_ids, session_ids, topic_ids, paragraph_count, problems
        )
        within = _get(statement, "within")
        if isinstance(within, str) and within not in statement_ids:
            problems.append(Problem(f"{path}.within", f"unknown statement {within!r}"))
    return problems


def _check_statement(
    path: str,
    statement: Any,
    speaker_ids: set[str],
    session_ids: set[str],
    topic_ids: set[str],
    paragraph_count: int,
    problems: list[Problem],
) -> None:
    _check_ref(_get(statement, "speaker"), speaker_ids, f"{path}.speaker", "speaker", problems)
    _check_ref(_get(statement, "session"), session_ids, f"{path}.session", "session", problems)
    _check_choice(_get(statement, "kind"), _STATEMENT_KIND, f"{path}.kind", problems)
    _check_choice(_get(statement, "attribution"), _ATTRIBUTION, f"{path}.attribution", problems)
    for i, topic in enumerate(_list(_get(statement, "topics"))):
        _check_ref(topic, topic_ids, f"{path}.topics[{i}]", "topic", problems)
    numbers = _get(statement, "paragraphs")
    if isinstance(numbers, list) and not numbers:
        problems.append(Problem(f"{path}.paragraphs", "must name at least one paragraph"))
    for i, number in enumerate(_list(numbers)):
        if _is(number, int) and not 1 <= number <= paragraph_count:
            problems.append(
                Problem(
                    f"{path}.paragraphs[{i}]",
                    f"paragraph {number} is out of range (source has {paragraph_count})",
                )
            )


def validate(raw: Any) -> list[Problem]:
    """Every problem in one parsed dataset file; an empty list means it is valid."""
    problems: list[Problem] = []
    if not check_fields(raw, "", "dataset", problems):
        return [Problem("", f"the top level must be an object, not {_type_name(raw)}")]
    for name, kind in (("event", "event"), ("source", "source")):
        if isinstance(raw.get(name), dict):
            check_fields(raw[name], name, kind, problems)
    for key, kind in (
        ("sessions", "session"),
        ("speakers", "speaker"),
        ("topics", "topic"),
        ("statements", "statement"),
    ):
        for i, item in enumerate(_list(raw.get(key))):
            if check_fields(item, f"{key}[{i}]", kind, problems):
                _check_nested(item, f"{key}[{i}]", kind, problems)
    # Field problems first, then the cross-checks.
    return problems + check_consistency(raw)


def _check_nested(record: dict[str, Any], path: str, kind: str, problems: list[Problem]) -> None:
    """A session's paper and a speaker's parts, which are records of their own."""
    if kind == "session" and isinstance(record.get("paper"), dict):
        check_fields(record["paper"], f"{path}.paper", "paper", problems)
    if kind == "speaker":
        for i, part in enumerate(_list(record.get("parts"))):
            check_fields(part, f"{path}.parts[{i}]", "part", problems)
