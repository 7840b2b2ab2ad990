"""Property-based hostile input (Hypothesis).

(a) Random valid datasets (any Unicode, controls and markup included, in every text
    field; consistent ids and references) round-trip: validate -> build -> to dict ->
    JSON -> load gives the same dataset, and ``quotes --json`` / ``speakers --json``
    give back every text exactly.
(b) Random corruptions of a valid dataset (a key deleted, a value replaced by one of
    another type, the file truncated, a byte flipped, bytes inserted) are accepted or
    rejected with DataError; never any other exception.
(c) Random Unicode queries never crash search, and scores stay within 0-100.

Most examples use the core functions; a few go through the CLI.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import BUNDLED, HOSTILE, hostile_dataset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from poc_cli.cli import app
from poc_cli.corpus import load_corpus, load_dataset
from poc_cli.errors import DataError, NotFound, UsageError
from poc_cli.schema import build_dataset, dataset_to_dict, validate
from poc_cli.text.invisible import is_blank

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

# Any code point but lone surrogates (which cannot be written as UTF-8; see the
# lone-surrogate case in test_hostile_datasets.py).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
any_text = st.one_of(
    st.text(ANY_CHAR, max_size=30),
    st.sampled_from(sorted(HOSTILE.values())),
    st.text(st.sampled_from("[]/\\\x1b\x9b\u202e\u2066\x07;:=|\n\t\r\u2028 ab"), max_size=20),
)
nonblank = any_text.filter(lambda s: not is_blank(s))


@st.composite
def datasets(draw: Any) -> dict[str, Any]:
    def ids(n: int) -> list[str]:
        return draw(st.lists(nonblank, min_size=n, max_size=n, unique=True))

    session_ids = ids(draw(st.integers(1, 3)))
    speaker_ids = ids(draw(st.integers(1, 3)))
    topic_ids = ids(draw(st.integers(0, 2)))
    statement_ids = ids(draw(st.integers(0, 5)))
    paragraphs = draw(st.lists(any_text, min_size=1, max_size=3))
    optional = lambda strategy: st.one_of(st.none(), strategy)  # noqa: E731
    sessions = []
    for sid in session_ids:
        session: dict[str, Any] = {
            "id": sid,
            "title": draw(nonblank),
            "kind": draw(st.sampled_from(["remarks", "panel", "keynote"])),
            "moderators": draw(st.lists(st.sampled_from(speaker_ids), max_size=2)),
        }
        if draw(st.booleans()):
            session["paper"] = {"title": draw(nonblank), "author": draw(st.sampled_from(speaker_ids))}
        if draw(st.booleans()):
            session["note"] = draw(any_text)
        sessions.append(session)
    speakers = [
        {
            "id": pid,
            "name": draw(nonblank),
            "honorific": draw(optional(any_text)),
            "role": draw(nonblank),
            "organisations": draw(st.lists(any_text, max_size=2)),
            "aliases": draw(st.lists(any_text, max_size=2)),
            "parts": [
                {
                    "session": draw(st.sampled_from(session_ids)),
                    "part": draw(st.sampled_from(["remarks", "speaker", "paper-author", "moderator", "keynote"])),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
            "notes": draw(st.lists(any_text, max_size=1)),
        }
        for pid in speaker_ids
    ]
    statements = []
    for stid in statement_ids:
        statement: dict[str, Any] = {
            "id": stid,
            "speaker": draw(st.sampled_from(speaker_ids)),
            "session": draw(st.sampled_from(session_ids)),
            "kind": draw(st.sampled_from(["quote", "paraphrase"])),
            "text": draw(nonblank),
            "paragraphs": draw(st.lists(st.integers(1, len(paragraphs)), min_size=1, max_size=2)),
            "topics": draw(st.lists(st.sampled_from(topic_ids), max_size=2)) if topic_ids else [],
        }
        if draw(st.booleans()):
            statement["items"] = draw(st.lists(any_text, max_size=2))
        if draw(st.booleans()):
            statement["note"] = draw(any_text)
        statements.append(statement)
    return {
        "schema_version": 1,
        "event": {
            "id": draw(nonblank),
            "short_title": draw(nonblank),
            "title": draw(nonblank),
            "host": draw(nonblank),
            "co_sponsors": draw(st.lists(any_text, max_size=2)),
            "venue": draw(nonblank),
            "date": draw(st.dates()).isoformat(),
            "provenance": draw(st.dictionaries(any_text, any_text, max_size=2)),
        },
        "source": {"title": draw(nonblank), "file": draw(nonblank), "paragraphs": paragraphs},
        "sessions": sessions,
        "speakers": speakers,
        "topics": [{"id": t, "label": draw(nonblank)} for t in topic_ids],
        "statements": statements,
        "notes": draw(st.lists(any_text, max_size=2)),
    }


@settings(max_examples=100, **SETTINGS)
@given(datasets())
def test_valid_dataset_round_trips_through_the_core(raw: dict[str, Any]) -> None:
    assert validate(raw) == []
    dataset = build_dataset(raw, "mem.json")
    again = json.loads(json.dumps(dataset_to_dict(dataset), ensure_ascii=False))
    assert validate(again) == []
    assert build_dataset(again, "mem.json") == dataset
    assert [s.text for s in dataset.statements] == [s["text"] for s in raw["statements"]]
    assert [p.name for p in dataset.speakers] == [p["name"] for p in raw["speakers"]]


def _runner_env(path: Path, cache: str) -> dict[str, str | None]:
    return {"POC_DATA": str(path), "NO_COLOR": None, "POC_CACHE_DIR": cache}


@settings(max_examples=25, **SETTINGS)
@given(datasets())
def test_valid_dataset_round_trips_through_the_cli(raw: dict[str, Any]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.json"
        path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        env = _runner_env(path, folder)
        quotes = runner.invoke(app, ["quotes", "--json"], env=env)
        assert quotes.exception is None or isinstance(quotes.exception, SystemExit), quotes.exception
        assert quotes.exit_code == (0 if raw["statements"] else 1), quotes.stderr
        out = json.loads(quotes.stdout)
        assert [r["text"] for r in out] == [s["text"] for s in raw["statements"]]
        names = {p["id"]: p["name"] for p in raw["speakers"]}
        assert [r["speaker"]["name"] for r in out] == [names[s["speaker"]] for s in raw["statements"]]
        speakers = runner.invoke(app, ["speakers", "--json"], env=env)
        assert speakers.exit_code == 0, speakers.stderr
        assert [r["name"] for r in json.loads(speakers.stdout)] == [p["name"] for p in raw["speakers"]]
        # and what poc printed, loaded back, is the same dataset
        assert load_dataset(path) == build_dataset(raw, str(path))
        for args in (["sessions"], ["stats"], ["quotes", "--format", "csv"]):
            result = runner.invoke(app, args, env=env)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
            assert result.exit_code in (0, 1), (args, result.stderr)


# ------------------------------------------------------------------ corruptions

BASE = hostile_dataset()
BASE_BYTES = json.dumps(BASE, ensure_ascii=False, indent=1).encode("utf-8")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*prefix, i))
    return found


PATHS = _paths(BASE)
REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def corrupted(draw: Any) -> bytes:
    how = draw(st.sampled_from(["delete", "replace", "truncate", "flip", "insert"]))
    if how in ("truncate", "flip", "insert"):
        data = bytearray(BASE_BYTES)
        at = draw(st.integers(0, len(data) - 1))
        if how == "truncate":
            return bytes(data[:at])
        if how == "flip":
            data[at] ^= draw(st.integers(1, 255))
            return bytes(data)
        return bytes(data[:at]) + draw(st.binary(min_size=1, max_size=8)) + bytes(data[at:])
    raw = json.loads(BASE_BYTES)
    path = draw(st.sampled_from(PATHS))
    parent = raw
    for step in path[:-1]:
        parent = parent[step]
    if how == "delete":
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(REPLACEMENTS)
    return json.dumps(raw, ensure_ascii=False).encode("utf-8")


@settings(max_examples=150, **SETTINGS)
@given(corrupted())
def test_corruption_is_accepted_or_a_clean_data_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.json"
        path.write_bytes(data)
        try:
            load_corpus(path)
        except DataError as error:
            assert str(path) in error.message


@settings(max_examples=30, **SETTINGS)
@given(corrupted())
def test_corruption_through_the_cli(data: bytes) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.json"
        path.write_bytes(data)
        env = _runner_env(path, folder)
        for args in (["quotes", "--json"], ["sessions"], ["speakers", "--format", "csv"], ["validate"]):
            result = runner.invoke(app, args, env=env)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
            assert result.exit_code in (0, 1, 2), (args, result.stderr)
            assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ search

try:
    from poc_cli.search import parse_query, search_corpus
except ImportError:  # search not there yet
    parse_query = search_corpus = None  # type: ignore[assignment]

needs_search = pytest.mark.skipif(search_corpus is None, reason="poc_cli.search is not there yet")
queries = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.lists(st.sampled_from(["neutrality", "armed", '"', "-", "groups", "Mali", "*", "NEAR", "OR", "(", ")", "nuetrality", "ü", "[", "\\", "'"]), max_size=8).map(" ".join),
)


@pytest.fixture(scope="module")
def bundled_corpus() -> Any:
    return load_corpus(BUNDLED)


@needs_search
@settings(max_examples=100, **SETTINGS)
@given(text=queries, limit=st.integers(1, 60))
def test_random_queries_never_crash_search(bundled_corpus, text: str, limit: int) -> None:
    try:
        result = search_corpus(bundled_corpus, parse_query(text, limit=limit))
    except (UsageError, NotFound):
        return
    assert len(result.hits) <= limit
    for hit in result.hits:
        assert 0.0 <= hit.score <= 100.0, hit.score
        for start, end in hit.spans:
            assert 0 <= start <= end <= len(hit.text)


@needs_search
@settings(max_examples=15, **SETTINGS)
@given(text=queries)
def test_random_queries_through_the_cli(text: str) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        result = runner.invoke(app, ["search", text, "--json"], env={"POC_DATA": None, "POC_CACHE_DIR": folder})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 0:
        for hit in json.loads(result.stdout):
            assert 0 <= hit["score"] <= 100
