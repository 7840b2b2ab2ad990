"""Read dataset files fast, for building the search index of a big corpus.

The careful loader (:func:`poc_cli.corpus.load.load_dataset`) parses with the
standard ``json`` module, validates the dicts in Python (collecting every problem with
its field path) and builds model records.  Building the index needs none of those
records, and a valid file needs none of those messages, so this reader takes a faster
road and only falls back to the careful one when something is wrong:

1. msgspec decodes each file straight into typed structs (:class:`DatasetFile`),
   checking every field's type and presence in C.  The structs are **built from**
   :data:`poc_cli.schema.fields.RECORDS`, the same table the careful validator reads;
2. :func:`~poc_cli.schema.check.blank_fields` and
   :func:`~poc_cli.schema.check.check_consistency` — the very functions the careful
   validator runs — check what types cannot say.

Python's json module and msgspec differ in one way: msgspec keeps the last of two
equal keys in an object, where the careful loader refuses the file.  So a file with a
repeated key can be searched but is refused by every other command and by
``poc validate`` (which says which key).

A file that fails either step, or cannot be read, is handed to the careful loader,
which raises the precise :class:`~poc_cli.errors.DataError` every other command gives.

msgspec is imported only here, and this module only when an index is built.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import msgspec

from poc_cli.model import ATTRIBUTIONS, PARTS, SCHEMA_VERSION, SESSION_KINDS, STATEMENT_KINDS
from poc_cli.text.invisible import is_blank

from .check import blank_fields, check_consistency, check_date
from .fields import RECORDS
from .read_json import MAX_FILE_BYTES, MAX_NESTING

__all__ = ["DatasetFile", "STRUCTS", "from_dataset", "read_dataset_file"]


def _struct_types() -> dict[str, type[msgspec.Struct]]:
    """One msgspec struct per record kind, from the field table (nested kinds first)."""
    structs: dict[str, type[msgspec.Struct]] = {}

    def build(kind: str) -> type[msgspec.Struct]:
        if kind in structs:
            return structs[kind]
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for f in RECORDS[kind]:
            annotation: Any
            if f.record is not None:
                annotation = build(f.record)
            elif f.json_type is list and isinstance(f.element, str):
                annotation = list[build(f.element)]  # type: ignore[misc]
            elif f.json_type is list:
                annotation = list[f.element]  # type: ignore[name-defined]
            elif f.json_type is dict:
                annotation = dict[str, Any]
            else:
                annotation = f.json_type
            if f.required:
                fields.append((f.name, annotation))
            else:
                fields.append((f.name, annotation | None, None))
        name = "DatasetFile" if kind == "dataset" else f"_{kind.title()}"
        # Unknown fields are refused here (the careful reader then decides): msgspec
        # skips them unread, so they could nest deeper than read_json.MAX_NESTING.
        structs[kind] = msgspec.defstruct(name, fields, kw_only=True, forbid_unknown_fields=True)
        return structs[kind]

    for kind in RECORDS:
        build(kind)
    return structs


STRUCTS = _struct_types()
DatasetFile: Any = STRUCTS["dataset"]
"""One dataset file as the schema describes it (absent optional fields are None)."""

_decoder = msgspec.json.Decoder(DatasetFile)


def _depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests (a scalar is 0), counting no further than ``limit``."""
    if limit <= 0 or not isinstance(value, dict | list):
        return 0
    items = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(v, limit - 1) for v in items), default=0)


def _free_form(parsed: Any) -> list[Any]:
    """The values the schema does not type (``dict[str, Any]`` fields)."""
    return [parsed.event.provenance] if parsed.event.provenance is not None else []


def _valid(parsed: Any) -> bool:
    # A free-form value nests under dataset -> event -> provenance: three levels.
    limit = MAX_NESTING - 3
    if any(_depth(v, limit + 1) > limit for v in _free_form(parsed)):
        return False  # the careful reader says whether the file nests too deep
    if _surely_consistent(parsed):
        return True
    return not blank_fields(parsed) and not check_consistency(parsed)


def _shown(text: str) -> bool:
    """Not blank (:func:`~poc_cli.text.invisible.is_blank`), ASCII text without a call."""
    if text.isascii():
        return bool(text) and not text.isspace()
    return not is_blank(text)


def _surely_consistent(parsed: Any) -> bool:
    """A quick yes for a decoded file that :func:`blank_fields` and
    :func:`check_consistency` would both pass: the same rules, read straight off the
    structs, without the JSON paths those functions write for every value they check
    (about half of a 100,000-statement build's decoding time).  False means "ask them":
    they remain the rules, this only skips them when nothing can be wrong."""
    if type(parsed.schema_version) is not int or parsed.schema_version != SCHEMA_VERSION:
        return False
    ev, source = parsed.event, parsed.source
    if not all(map(_shown, (ev.id, ev.short_title, ev.title, source.title, source.file))):
        return False
    if ev.date is not None:
        problems: list[Any] = []
        check_date(ev.date, "", problems)
        if problems:
            return False
    paragraph_count = len(source.paragraphs)
    sessions, speakers, statements = parsed.sessions, parsed.speakers, parsed.statements
    topics = parsed.topics or ()
    session_ids = {x.id for x in sessions}
    speaker_ids = {p.id for p in speakers}
    topic_ids = {t.id for t in topics}
    statement_ids = {st.id for st in statements}
    if (
        len(session_ids) != len(sessions)
        or len(speaker_ids) != len(speakers)
        or len(topic_ids) != len(topics)
        or len(statement_ids) != len(statements)
    ):
        return False
    for x in sessions:
        if not (_shown(x.id) and _shown(x.title) and x.kind in SESSION_KINDS):
            return False
        paper = x.paper
        if paper is not None and not (
            _shown(paper.title) and _shown(paper.author) and paper.author in speaker_ids
        ):
            return False
        if x.moderators and not speaker_ids.issuperset(x.moderators):
            return False
    for p in speakers:
        if not (_shown(p.id) and _shown(p.name)):
            return False
        for part in p.parts:
            if not (_shown(part.session) and part.session in session_ids and part.part in PARTS):
                return False
    for t in topics:
        if not (_shown(t.id) and _shown(t.label)):
            return False
    for st in statements:
        numbers = st.paragraphs
        if not (
            st.speaker in speaker_ids
            and st.session in session_ids
            and st.kind in STATEMENT_KINDS
            and numbers
            and _shown(st.id)
            and _shown(st.text)
            and (st.attribution is None or st.attribution in ATTRIBUTIONS)
            and (st.within is None or st.within in statement_ids)
            and (not st.topics or topic_ids.issuperset(st.topics))
        ):
            return False
        for number in numbers:
            if type(number) is not int or not 1 <= number <= paragraph_count:
                return False
    return True


def read_dataset_file(path: Path | str) -> Any:
    """One valid dataset file as a :data:`DatasetFile`, or the DataError the careful
    loader raises."""
    try:
        status = os.stat(path)
        # Anything but a small regular file (a pipe would block) takes the careful road.
        if stat.S_ISREG(status.st_mode) and status.st_size <= MAX_FILE_BYTES:
            with open(path, "rb") as f:
                parsed = _decoder.decode(f.read())
            if _valid(parsed):
                return parsed
    except (OSError, msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        pass
    from poc_cli.corpus.load import load_dataset

    return from_dataset(load_dataset(Path(path)))


def from_dataset(dataset: Any) -> Any:
    """A loaded model :class:`~poc_cli.model.Dataset` as a :data:`DatasetFile`."""
    from .codec import dataset_to_dict

    return msgspec.convert(dataset_to_dict(dataset), DatasetFile)
