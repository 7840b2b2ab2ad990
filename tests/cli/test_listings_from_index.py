"""Every listing command with every filter, over a corpus of several events, served from
the index and from the loaded corpus: the same bytes on stdout and stderr, the same exit
status, in every output format (issue 13).  ``POC_LISTING_INDEX_MIN_FILES`` (read only
by :func:`poc_cli.queries.listings_from_index`, for tests) picks the path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

INDEX = {"POC_LISTING_INDEX_MIN_FILES": "1"}
CORPUS = {"POC_LISTING_INDEX_MIN_FILES": "1000000"}
FORMATS = ((), ("--json",), ("--format", "csv"), ("--format", "markdown"), ("--format", "jsonl"))


@pytest.fixture(scope="module")
def several(several_events: Path) -> Path:
    return several_events


QUOTES = [
    (),
    ("--speaker", "Mamiya"),
    ("--speaker", "adam"),
    ("--speaker", "Mamya"),
    ("--speaker", "Rafael"),
    ("--speaker", "nobody at all"),
    ("--session", "2"),
    ("--session", "keynote"),
    ("--session", "Keynote address"),
    ("--session", "nothing-like-it"),
    ("--kind", "quote"),
    ("--kind", "bogus"),
    ("--topic", "counterterrorism"),
    ("--topic", "Neutrality of the UN"),
    ("--topic", "no such topic"),
    ("--event", "ev001"),
    ("--event", "ev999"),
    ("--speaker", "lion", "--kind", "quote", "--event", "ev002"),
    ("--session", "2", "--topic", "mali", "--speaker", "Di Razza"),
]


def _run(poc: Any, folder: Path, args: tuple[str, ...], env: dict[str, str]) -> Any:
    result = poc("--data", str(folder), *args, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("filters", QUOTES, ids=" ".join)
def test_quotes_from_the_index_are_byte_for_byte_the_corpus_listing(
    poc: Any, several: Path, filters: tuple[str, ...]
) -> None:
    _same_both_ways(poc, several, ("quotes", *filters))


def _same_both_ways(poc: Any, folder: Path, args: tuple[str, ...]) -> None:
    for fmt in FORMATS:
        indexed = _run(poc, folder, (*args, *fmt), INDEX)
        assert indexed == _run(poc, folder, (*args, *fmt), CORPUS), (*args, *fmt)
        # A corpus that fails to load would make both answers the same error.
        assert ".json:" not in indexed[2], indexed


OVERVIEWS = [
    ("speakers",),
    ("speakers", "--event", "ev001"),
    ("speakers", "--event", "ev999"),
    ("sessions",),
    ("sessions", "--event", "ev002"),
    ("sessions", "--event", "ev999"),
    ("speakers", "Mamiya"),
    ("speakers", "adam"),
    ("speakers", "Mamya"),
    ("speakers", "Rafael"),
    ("speakers", "lion", "--event", "ev002"),
    ("speakers", "Rafael", "--event", "ev002"),
    ("speakers", "nobody at all"),
    ("sessions", "2"),
    ("sessions", "keynote"),
    ("sessions", "Keynote address"),
    ("sessions", "mali", "--event", "ev001"),
    ("sessions", "closing", "--event", "ev999"),
    ("sessions", "nothing-like-it"),
    ("stats",),
    ("stats", "--event", "ev001"),
    ("stats", "--event", "ev999"),
    ("stats", "--by", "speaker"),
    ("stats", "--by", "organisation", "--event", "ev002"),
    ("stats", "--by", "topic"),
    ("stats", "--by", "nonsense"),
]


@pytest.mark.parametrize("args", OVERVIEWS, ids=" ".join)
def test_overviews_from_the_index_are_byte_for_byte_the_corpus_ones(
    poc: Any, several: Path, args: tuple[str, ...]
) -> None:
    _same_both_ways(poc, several, args)


def test_the_corpus_loads(poc: Any, several: Path) -> None:
    code, out, err = _run(poc, several, ("quotes", "--json"), CORPUS)
    assert code == 0, err
    assert len(json.loads(out)) == 4 * 76 - 31


def test_the_index_path_is_the_one_taken(
    poc: Any, several: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from poc_cli import queries

    calls = []
    real = queries.indexed_statements

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "indexed_statements", counted)
    ran = _run(poc, several, ("quotes", "--json"), INDEX)
    assert ran[0] == 0, ran[2]
    assert len(calls) == 1
    assert _run(poc, several, ("quotes", "--json"), CORPUS)[0] == 0
    assert len(calls) == 1


@pytest.mark.parametrize("args", [("quotes", "--json"), ("speakers", "Zahar", "--json")])
def test_a_damaged_index_is_rebuilt_never_served(
    poc: Any, several: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    env = {**INDEX, "POC_CACHE_DIR": str(tmp_path / "cache")}
    code, out, err = _run(poc, several, args, env)
    assert code == 0, err
    (index_file,) = (tmp_path / "cache").glob("index-v*.sqlite")
    clean = index_file.read_bytes()
    index_file.write_bytes(clean.replace(b"acronym soup", b"acronym stew"))
    code, damaged_out, err = _run(poc, several, args, env)
    assert code == 0, err
    assert "damaged" in err and "rebuilding" in err
    assert damaged_out == out and "stew" not in damaged_out
