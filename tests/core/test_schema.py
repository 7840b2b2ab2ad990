"""The schema is written once (poc_cli.schema.fields): the careful validator and the
fast msgspec reader are both derived from it and must agree on every file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poc_cli.schema import validate
from poc_cli.schema.check import blank_fields, check_consistency, check_date
from poc_cli.schema.fast import STRUCTS, _surely_consistent, _valid
from poc_cli.schema.fields import RECORDS

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.json"


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_each_struct_has_exactly_the_tables_fields(kind: str) -> None:
    struct = STRUCTS[kind]
    assert struct.__struct_fields__ == tuple(f.name for f in RECORDS[kind])
    required = {f.name for f in msgspec.structs.fields(struct) if f.required}
    assert required == {f.name for f in RECORDS[kind] if f.required}


def _fast_accepts(raw: Any) -> bool:
    try:
        parsed = msgspec.json.decode(json.dumps(raw).encode(), type=STRUCTS["dataset"])
    except msgspec.ValidationError:
        return False
    return _valid(parsed)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


MUTATIONS = [
    None,
    "",
    " \u200b",
    0,
    -1,
    3,
    True,
    [],
    {},
    "nope",
    "2018-W43-5",
    "20181026",
    [1],
    ["x"],
]


@st.composite
def mutated(draw: Any) -> Any:
    raw = json.loads(MINI.read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(raw)
        path = draw(st.sampled_from(paths))
        parent = raw
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(MUTATIONS)))
    return raw


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_reader_accepts_exactly_what_the_validator_accepts(raw: Any) -> None:
    assert _fast_accepts(raw) == (validate(raw) == [])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_readers_shortcut_says_yes_only_to_what_the_rules_accept(raw: Any) -> None:
    try:
        parsed = msgspec.json.decode(json.dumps(raw).encode(), type=STRUCTS["dataset"])
    except msgspec.ValidationError:
        return
    if _surely_consistent(parsed):
        assert not blank_fields(parsed) and not check_consistency(parsed)


def test_the_unmutated_fixture_is_valid_both_ways() -> None:
    raw = json.loads(MINI.read_text(encoding="utf-8"))
    assert validate(raw) == [] and _fast_accepts(raw)
    assert _surely_consistent(msgspec.json.decode(MINI.read_bytes(), type=STRUCTS["dataset"]))


@pytest.mark.parametrize(
    "text", ["20181026", "2018-W43-5", "2018-10-26T10:00", "2018-02-30", "18-10-26"]
)
def test_a_date_is_only_yyyy_mm_dd(text: str) -> None:
    problems: list[Any] = []
    check_date(text, "event.date", problems)
    assert [str(p) for p in problems] == [f"event.date: is {text!r}; must be a date as YYYY-MM-DD"]


def test_optional_fields_added_for_extracted_drafts_are_checked() -> None:
    raw = json.loads(MINI.read_text(encoding="utf-8"))
    del raw["event"]["date"], raw["event"]["host"], raw["event"]["venue"]
    first = raw["statements"][0]["id"]
    raw["statements"][1].update(attribution="pronoun", review=True, within=first)
    assert validate(raw) == []
    raw["statements"][1].update(attribution="guess", within="nowhere", review="yes")
    problems = [str(p) for p in validate(raw)]
    assert "statements[1].review: must be a boolean, not a string" in problems
    assert "statements[1].within: unknown statement 'nowhere'" in problems
    assert any(p.startswith("statements[1].attribution: is 'guess'") for p in problems)
