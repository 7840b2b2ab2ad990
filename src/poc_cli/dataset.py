"""Find, read and validate dataset files, and turn them into model records.

A dataset is one JSON file per event (schema in README.md, "Dataset schema").
``--data`` / ``POC_DATA`` name a file or a folder of ``*.json`` files; without them
poc uses the bundled seminar.

Validation collects *every* problem, each with the path of the bad field
(``statements[12].speaker``), so that ``poc validate`` can list them all and the
other commands can refuse bad data with a precise message instead of a traceback.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .errors import DataError
from .model import (
    PARTS,
    SCHEMA_VERSION,
    SESSION_KINDS,
    STATEMENT_KINDS,
    Corpus,
    Dataset,
    Event,
    Paper,
    Part,
    Session,
    Source,
    Speaker,
    Statement,
    Topic,
)

DATA_ENV_VAR = "POC_DATA"
MAX_FILE_BYTES = 50 * 1024 * 1024
"""One event's dataset is tens of kilobytes; a file this big is a mistake, and reading
it would only make poc slow before it fails."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dataset_path() -> Path:
    """The seminar dataset shipped with poc.

    A wheel carries it inside the package (``poc_cli/data/seminar.json``, put there by
    hatchling's force-include).  An editable install or a plain checkout has no such
    copy, so fall back to the checkout's top-level ``data/seminar.json``.
    """
    in_package = _PACKAGE_DIR / "data" / "seminar.json"
    if in_package.is_file():
        return in_package
    in_checkout = _PACKAGE_DIR.parent.parent / "data" / "seminar.json"
    if in_checkout.is_file():
        return in_checkout
    raise DataError(
        "the bundled dataset is missing from this installation "
        f"(looked for {in_package} and {in_checkout}); reinstall poc or pass --data PATH"
    )


def dataset_paths(data: Path | str | None = None) -> list[Path]:
    """The dataset files to load: ``data``, else ``$POC_DATA``, else the bundled one.

    A folder means every ``*.json`` file directly inside it, in name order.
    """
    folder, names = dataset_listing(data)
    if folder is None:
        return [Path(names[0])]
    return [folder / name for name in names]


def dataset_listing(data: Path | str | None = None) -> tuple[Path | None, list[str]]:
    """What :func:`dataset_paths` lists, cheaply: ``(folder, file names in it)``, or
    ``(None, [the one file])``.

    Over a folder of 20,000 files, making and sorting Path objects costs about half a
    second; names are listed with ``os.scandir`` and sorted as strings (the same order).
    """
    if data is None or str(data) == "":
        data = os.environ.get(DATA_ENV_VAR) or None
    if data is None:
        return None, [str(bundled_dataset_path())]
    path = Path(data).expanduser()
    if path.is_dir():
        with os.scandir(path) as entries:
            names = sorted(
                e.name for e in entries if e.name.endswith(".json") and not e.name.startswith(".")
            )
        if not names:
            raise DataError(f"{path}: folder holds no *.json dataset files")
        return path, names
    try:
        os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file or folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{path}: symbolic link loop") from None
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return None, [str(path)]


# --------------------------------------------------------------------------- reading


class _NotJson(ValueError):
    """Something Python's json module accepts but JSON does not allow."""


def _no_constants(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotJson(f"duplicate key {key!r} in one object (which one would count?)")
            seen.add(key)
    return obj


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _LongNumber(int):
    """Stands in for an integer too long for Python to read, so its path can be found."""


def _int_parser(long_numbers: list[int]) -> Callable[[str], int]:
    """json's ``parse_int``, noting in ``long_numbers`` any integer Python would refuse."""

    def parse_int(digits: str) -> int:
        # Python refuses integers over 4,300 digits (the sign does not count) with an
        # error that has no position.
        if len(digits) - digits.startswith("-") <= 4300:
            return int(digits)
        long_numbers.append(len(digits))
        return _LongNumber(len(digits))

    return parse_int


def _not_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _find(value: Any, bad: Callable[[Any], bool], path: str = "") -> str | None:
    """The JSON path of the first value (or key) for which ``bad`` is true."""
    if bad(value):
        return path or "(top level)"
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            found = _find(key, bad, where) or _find(item, bad, where)
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _find(item, bad, f"{path}[{i}]")
            if found:
                return found
    return None


def read_json(path: Path) -> Any:
    """Parse one file as JSON, turning every way it can fail into one clear DataError.

    Stricter than Python's json module, which accepts NaN and Infinity, keeps the last
    of two equal keys, and returns lone surrogates that cannot be printed.
    """
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise DataError(f"{path}: is a folder, not a dataset file")
        if not stat.S_ISREG(status.st_mode):
            raise DataError(f"{path}: is not a regular file (a pipe, device or socket)")
        if status.st_size > MAX_FILE_BYTES:
            raise DataError(
                f"{path}: file is {status.st_size / 1_000_000:.1f} MB; a dataset file may be at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB (split a corpus into one file per event)"
            )
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # a file that grows meanwhile is still capped
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a dataset file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{path}: symbolic link loop") from None
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            f"{path}: file grew past {MAX_FILE_BYTES // (1024 * 1024)} MiB while being read"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            f"{path}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at line {line}, "
            f"byte offset {exc.start}); save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is harmless; editors on Windows add one
    if not text.strip():
        raise DataError(f"{path}: file is empty")
    long_numbers: list[int] = []
    try:
        parsed = json.loads(
            text,
            parse_constant=_no_constants,
            parse_int=_int_parser(long_numbers),
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise DataError(f"{path}: invalid JSON: nested too deeply") from None
    except _NotJson as exc:
        raise DataError(f"{path}: invalid JSON: {exc}") from None
    except ValueError as exc:
        raise DataError(f"{path}: invalid JSON: {exc}") from None
    # Both checks below walk the parsed file, so each runs only when a cheap test says
    # it may find something (a regex over every file cost 0.2 s per 10,000 statements).
    long_number = long_numbers and _find(parsed, lambda v: isinstance(v, _LongNumber))
    if long_number:
        raise DataError(
            f"{path}: {long_number}: a number of over 4,300 digits is not a value poc reads"
        )
    if ("\\ud" in text or "\\uD" in text) and _SURROGATE_ESCAPE.search(text):
        where = _find(parsed, lambda v: isinstance(v, str) and _not_text(v))
        if where:
            raise DataError(
                f"{path}: {where}: holds a lone surrogate escape (\\ud800-\\udfff), which is not text"
            )
    return parsed


# ------------------------------------------------------------------------ validation


class Problem(NamedTuple):
    """One thing wrong with a dataset: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object"}


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


# A field spec: name -> (type, required, element type for lists)
_Spec = dict[str, tuple[type, bool, type | None]]

_EVENT: _Spec = {
    "id": (str, True, None),
    "short_title": (str, True, None),
    "title": (str, True, None),
    "host": (str, True, None),
    "co_sponsors": (list, False, str),
    "venue": (str, True, None),
    "date": (str, True, None),
    "provenance": (dict, False, None),
}
_SOURCE: _Spec = {
    "title": (str, True, None),
    "file": (str, True, None),
    "paragraphs": (list, True, str),
}
_SESSION: _Spec = {
    "id": (str, True, None),
    "title": (str, True, None),
    "kind": (str, True, None),
    "paper": (dict, False, None),
    "moderators": (list, False, str),
    "note": (str, False, None),
}
_PAPER: _Spec = {
    "title": (str, True, None),
    "author": (str, True, None),
    "note": (str, False, None),
}
_SPEAKER: _Spec = {
    "id": (str, True, None),
    "name": (str, True, None),
    "honorific": (str, False, None),
    "role": (str, True, None),
    "organisations": (list, True, str),
    "aliases": (list, False, str),
    "parts": (list, True, dict),
    "notes": (list, False, str),
}
_PART: _Spec = {"session": (str, True, None), "part": (str, True, None)}
_TOPIC: _Spec = {"id": (str, True, None), "label": (str, True, None)}
_STATEMENT: _Spec = {
    "id": (str, True, None),
    "speaker": (str, True, None),
    "session": (str, True, None),
    "kind": (str, True, None),
    "text": (str, True, None),
    "paragraphs": (list, True, int),
    "items": (list, False, str),
    "topics": (list, False, str),
    "note": (str, False, None),
}
_TOP: _Spec = {
    "schema_version": (int, True, None),
    "event": (dict, True, None),
    "source": (dict, True, None),
    "sessions": (list, True, dict),
    "speakers": (list, True, dict),
    "topics": (list, False, dict),
    "statements": (list, True, dict),
    "notes": (list, False, str),
}


_MISSING = object()


def _check_fields(obj: Any, path: str, spec: _Spec, problems: list[Problem]) -> bool:
    """Check one object's fields against ``spec``; True if it is an object at all.

    Runs for every statement of every file a command loads, so a valid field costs
    one ``type()`` test; paths and messages are made only for a problem.
    """
    if not isinstance(obj, dict):
        problems.append(Problem(path, f"must be an object, not {_type_name(obj)}"))
        return False
    for name, (kind, required, element) in spec.items():
        value = obj.get(name, _MISSING)
        if value is _MISSING or (value is None and not required):
            if required:
                problems.append(Problem(_field_path(path, name), "missing required field"))
            continue
        if type(value) is not kind and not _is(value, kind):
            problems.append(
                Problem(
                    _field_path(path, name),
                    f"must be {_TYPE_NAMES[kind]}, not {_type_name(value)}",
                )
            )
        elif kind is str and required and not value.strip():
            problems.append(Problem(_field_path(path, name), "must not be empty"))
        elif element is not None:
            for i, item in enumerate(value):
                if type(item) is not element and not _is(item, element):
                    problems.append(
                        Problem(
                            f"{_field_path(path, name)}[{i}]",
                            f"must be {_TYPE_NAMES[element]}, not {_type_name(item)}",
                        )
                    )
    return True


def _field_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _records(raw: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    """The well-formed objects of a top-level list, with their paths."""
    value = raw.get(key)
    if not isinstance(value, list):
        return []
    return [(f"{key}[{i}]", item) for i, item in enumerate(value) if isinstance(item, dict)]


def _unique_ids(
    records: list[tuple[str, dict[str, Any]]], what: str, problems: list[Problem]
) -> set[str]:
    seen: dict[str, str] = {}
    for path, record in records:
        ident = record.get("id")
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


def validate(raw: Any) -> list[Problem]:
    """Every problem in one parsed dataset file; an empty list means it is valid."""
    problems: list[Problem] = []
    if not _check_fields(raw, "", _TOP, problems):
        return [Problem("", f"the top level must be an object, not {_type_name(raw)}")]
    version = raw.get("schema_version")
    if _is(version, int) and version != SCHEMA_VERSION:
        problems.append(
            Problem(
                "schema_version", f"is {version}; this poc reads schema_version {SCHEMA_VERSION}"
            )
        )
    if isinstance(raw.get("event"), dict) and _check_fields(
        raw["event"], "event", _EVENT, problems
    ):
        _check_date(raw["event"].get("date"), "event.date", problems)
    paragraph_count = 0
    if isinstance(raw.get("source"), dict) and _check_fields(
        raw["source"], "source", _SOURCE, problems
    ):
        paragraphs = raw["source"].get("paragraphs")
        paragraph_count = len(paragraphs) if isinstance(paragraphs, list) else 0

    for key, spec in (
        ("sessions", _SESSION),
        ("speakers", _SPEAKER),
        ("topics", _TOPIC),
        ("statements", _STATEMENT),
    ):
        value = raw.get(key)
        if isinstance(value, list):
            for i, item in enumerate(value):
                _check_fields(item, f"{key}[{i}]", spec, problems)

    sessions = _records(raw, "sessions")
    speakers = _records(raw, "speakers")
    statements = _records(raw, "statements")
    session_ids = _unique_ids(sessions, "session", problems)
    speaker_ids = _unique_ids(speakers, "speaker", problems)
    topic_ids = _unique_ids(_records(raw, "topics"), "topic", problems)
    _unique_ids(statements, "statement", problems)

    for path, session in sessions:
        _check_choice(session.get("kind"), SESSION_KINDS, f"{path}.kind", problems)
        for i, moderator in enumerate(_list(session.get("moderators"))):
            _check_ref(moderator, speaker_ids, f"{path}.moderators[{i}]", "speaker", problems)
        paper = session.get("paper")
        if isinstance(paper, dict) and _check_fields(paper, f"{path}.paper", _PAPER, problems):
            _check_ref(
                paper.get("author"), speaker_ids, f"{path}.paper.author", "speaker", problems
            )
    for path, speaker in speakers:
        for i, part in enumerate(_list(speaker.get("parts"))):
            where = f"{path}.parts[{i}]"
            if _check_fields(part, where, _PART, problems):
                _check_ref(
                    part.get("session"), session_ids, f"{where}.session", "session", problems
                )
                _check_choice(part.get("part"), PARTS, f"{where}.part", problems)
    for path, statement in statements:
        _check_ref(statement.get("speaker"), speaker_ids, f"{path}.speaker", "speaker", problems)
        _check_ref(statement.get("session"), session_ids, f"{path}.session", "session", problems)
        _check_choice(statement.get("kind"), STATEMENT_KINDS, f"{path}.kind", problems)
        for i, topic in enumerate(_list(statement.get("topics"))):
            _check_ref(topic, topic_ids, f"{path}.topics[{i}]", "topic", problems)
        paragraphs = _list(statement.get("paragraphs"))
        if isinstance(statement.get("paragraphs"), list) and not paragraphs:
            problems.append(Problem(f"{path}.paragraphs", "must name at least one paragraph"))
        for i, number in enumerate(paragraphs):
            if _is(number, int) and not 1 <= number <= paragraph_count:
                problems.append(
                    Problem(
                        f"{path}.paragraphs[{i}]",
                        f"paragraph {number} is out of range (source has {paragraph_count})",
                    )
                )
    return problems


def _check_date(value: Any, path: str, problems: list[Problem]) -> None:
    from datetime import date

    if not isinstance(value, str):
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(path, f"is {value!r}; must be a date as YYYY-MM-DD"))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _check_choice(value: Any, choices: tuple[str, ...], path: str, problems: list[Problem]) -> None:
    if isinstance(value, str) and value not in choices:
        problems.append(Problem(path, f"is {value!r}; must be one of {', '.join(choices)}"))


# ----------------------------------------------------------------------- building


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, list) else ()


def build_dataset(raw: dict[str, Any], path: str) -> Dataset:
    """Model records from a dataset that :func:`validate` found valid."""
    event_raw = raw["event"]
    event = Event(
        id=event_raw["id"],
        short_title=event_raw["short_title"],
        title=event_raw["title"],
        host=event_raw["host"],
        co_sponsors=_tuple(event_raw.get("co_sponsors")),
        venue=event_raw["venue"],
        date=event_raw["date"],
        provenance={str(k): str(v) for k, v in (event_raw.get("provenance") or {}).items()},
    )
    source = Source(
        title=raw["source"]["title"],
        file=raw["source"]["file"],
        paragraphs=tuple(raw["source"]["paragraphs"]),
    )
    sessions = tuple(
        Session(
            id=s["id"],
            title=s["title"],
            kind=s["kind"],
            paper=_paper(s.get("paper")),
            moderators=_tuple(s.get("moderators")),
            note=s.get("note"),
        )
        for s in raw["sessions"]
    )
    speakers = tuple(
        Speaker(
            id=p["id"],
            name=p["name"],
            honorific=p.get("honorific"),
            role=p["role"],
            organisations=tuple(p["organisations"]),
            aliases=_tuple(p.get("aliases")),
            parts=tuple(Part(session=x["session"], part=x["part"]) for x in p["parts"]),
            notes=_tuple(p.get("notes")),
        )
        for p in raw["speakers"]
    )
    statements = tuple(
        Statement(
            id=s["id"],
            speaker=s["speaker"],
            session=s["session"],
            kind=s["kind"],
            text=s["text"],
            paragraphs=tuple(s["paragraphs"]),
            items=_tuple(s.get("items")),
            topics=_tuple(s.get("topics")),
            note=s.get("note"),
            event=event.id,
        )
        for s in raw["statements"]
    )
    return Dataset(
        path=path,
        schema_version=raw["schema_version"],
        event=event,
        source=source,
        sessions=sessions,
        speakers=speakers,
        topics=tuple(Topic(id=t["id"], label=t["label"]) for t in _list(raw.get("topics"))),
        statements=statements,
        notes=_tuple(raw.get("notes")),
    )


def _paper(raw: Any) -> Paper | None:
    if not isinstance(raw, dict):
        return None
    return Paper(title=raw["title"], author=raw["author"], note=raw.get("note"))


def load_dataset(path: Path) -> Dataset:
    """Read, validate and build one dataset file; DataError lists every problem."""
    raw = read_json(path)
    problems = validate(raw)
    if problems:
        # With several problems, list them all under the summary line.
        details = tuple(f"{path}: {p}" for p in problems) if len(problems) > 1 else ()
        raise DataError(_summary(path, problems), details=details)
    return build_dataset(raw, str(path))


def _summary(path: Path, problems: list[Problem]) -> str:
    first = problems[0]
    more = (
        f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
        if len(problems) > 1
        else ""
    )
    return f"{path}: {first}{more}"


def corpus_problems(datasets: Iterable[Dataset]) -> list[str]:
    """Problems that only show when several files are loaded together."""
    problems: list[str] = []
    events: dict[str, str] = {}
    statements: dict[str, str] = {}
    for dataset in datasets:
        if dataset.event.id in events:
            problems.append(
                f"{dataset.path}: event.id: duplicate event id {dataset.event.id!r} (also in {events[dataset.event.id]})"
            )
        events.setdefault(dataset.event.id, dataset.path)
        for i, statement in enumerate(dataset.statements):
            if statement.id in statements and statements[statement.id] != dataset.path:
                problems.append(
                    f"{dataset.path}: statements[{i}].id: duplicate statement id {statement.id!r} "
                    f"(also in {statements[statement.id]})"
                )
            statements.setdefault(statement.id, dataset.path)
    return problems


def load_corpus(
    data: Path | str | None = None,
    *,
    on_file: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Load the dataset file(s) that ``data`` names (see :func:`dataset_paths`).

    ``on_file(done, total)`` is called after each file, for progress bars.
    """
    paths = dataset_paths(data)
    datasets = []
    for done, path in enumerate(paths, 1):
        datasets.append(load_dataset(path))
        if on_file is not None:
            on_file(done, len(paths))
    problems = corpus_problems(datasets)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(problems[0] + more, details=tuple(problems) if len(problems) > 1 else ())
    return Corpus(tuple(datasets))


def check_paths(data: Path | str | None = None) -> tuple[list[Path], list[str]]:
    """Every problem in every file ``data`` names, for ``poc validate``.

    Returns the files checked and the problems, each a line that starts with its file.
    """
    paths = dataset_paths(data)
    problems: list[str] = []
    datasets: list[Dataset] = []
    for path in paths:
        try:
            raw = read_json(path)
        except DataError as exc:
            problems.append(exc.message)
            continue
        found = validate(raw)
        problems.extend(f"{path}: {p}" for p in found)
        if not found:
            datasets.append(build_dataset(raw, str(path)))
    problems.extend(corpus_problems(datasets))
    return paths, problems


# --------------------------------------------------------------------- writing back


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    """The dataset as schema JSON: ``build_dataset(dataset_to_dict(d))`` equals ``d``."""

    def optional(**fields: Any) -> dict[str, Any]:
        return {
            k: (list(v) if isinstance(v, tuple) else v)
            for k, v in fields.items()
            if v not in (None, ())
        }

    event = dataset.event
    return {
        "schema_version": dataset.schema_version,
        "event": {
            "id": event.id,
            "short_title": event.short_title,
            "title": event.title,
            "host": event.host,
            "co_sponsors": list(event.co_sponsors),
            "venue": event.venue,
            "date": event.date,
            "provenance": dict(event.provenance),
        },
        "source": {
            "title": dataset.source.title,
            "file": dataset.source.file,
            "paragraphs": list(dataset.source.paragraphs),
        },
        "sessions": [
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind,
                "paper": optional(title=s.paper.title, author=s.paper.author, note=s.paper.note)
                if s.paper
                else None,
                "moderators": list(s.moderators),
                **optional(note=s.note),
            }
            for s in dataset.sessions
        ],
        "speakers": [
            {
                "id": p.id,
                "name": p.name,
                "honorific": p.honorific,
                "role": p.role,
                "organisations": list(p.organisations),
                "aliases": list(p.aliases),
                "parts": [{"session": x.session, "part": x.part} for x in p.parts],
                "notes": list(p.notes),
            }
            for p in dataset.speakers
        ],
        "topics": [{"id": t.id, "label": t.label} for t in dataset.topics],
        "statements": [
            {
                "id": s.id,
                "speaker": s.speaker,
                "session": s.session,
                "kind": s.kind,
                "text": s.text,
                "paragraphs": list(s.paragraphs),
                "topics": list(s.topics),
                **optional(items=s.items, note=s.note),
            }
            for s in dataset.statements
        ],
        "notes": list(dataset.notes),
    }
