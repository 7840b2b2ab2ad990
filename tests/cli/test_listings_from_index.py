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
    ("sessions", "remarks"),  # fits several sessions: the note says which
    ("sessions", "panel", "--event", "ev002"),
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


def _odd_cells(folder: Path) -> Path:
    """The events of ``folder`` with cells that make a table's columns hard to measure:
    a long role, wide (East Asian) and combining characters, a character written as an
    escape (a zero-width space, a right-to-left override, a line separator: JSON writes
    them as \\u escapes), and sessions whose cell has a second line (a paper)."""
    for n, path in enumerate(sorted(folder.glob("*.json"))):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, speaker in enumerate(data["speakers"]):
            if i % 3 == n % 3:
                speaker["role"] = f"{speaker['role']} " + "adviser on protection " * (20 + n * 7)
            if i % 4 == 1:
                speaker["name"] = f"{speaker['name']} 李小龍{'の' * n}"
            if i % 5 == 2:
                speaker["organisations"] = [
                    *speaker["organisations"],
                    "Cafe\u0301 Zu\u200bRi\u202ech",
                ]
        for i, session in enumerate(data["sessions"]):
            if i % 2 == n % 2:
                session["title"] = f"{session['title']} — 平和維持 {'長い' * (n + i)}\u2028"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


PLAIN_STREAMED = [
    ("speakers",),
    ("sessions",),
    ("speakers", "--event", "ev001"),
    ("sessions", "--event", "ev002"),
]


@pytest.mark.parametrize(("page", "chunk"), [(1, 1), (2, 3), (7, 5), (2000, 500)])
def test_big_plain_tables_stream_byte_for_byte_the_corpus_ones(
    poc: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_several_events: Any,
    page: int,
    chunk: int,
) -> None:
    # Past OVERVIEWS_KEEP, `speakers` and `sessions` into a pipe are written from the
    # cells and widths stored at build time, a page at a time: the same bytes as the
    # loaded corpus's table, across pages, with long, wide, combining and escaped cells,
    # and the same JSON, formatted from the stored JSON.
    from poc_cli.index import listings

    folder = _odd_cells(new_several_events(tmp_path / "corpus"))
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    monkeypatch.setattr(listings, "CHUNK", chunk)
    monkeypatch.setattr(listings, "CELL_PAGE", page)
    streamed = _tables_of_cells(monkeypatch)
    tables = ""
    for args in PLAIN_STREAMED:
        for fmt in ((), ("--json",)):
            indexed = _run(poc, folder, (*args, *fmt), INDEX)
            loaded = _run(poc, folder, (*args, *fmt), CORPUS)
            assert indexed == loaded, args
            assert indexed[0] == 0 and "李小龍" in indexed[1] and ".json:" not in indexed[2]
            tables += "" if fmt else indexed[1]
            if fmt and not args[1:]:
                assert ("\\u202e" if args[0] == "speakers" else "\\u2028") in indexed[1]
    assert "adviser on protection " * 20 in tables and "Paper:" in tables
    assert len(streamed) == 2  # the whole corpus's (one event's overviews are read at once)
    # Into a file (-o) the same bytes as into the pipe.
    for args in PLAIN_STREAMED[:2]:
        out = tmp_path / f"{args[0]}.txt"
        code, _, err = _run(poc, folder, (*args, "-o", str(out)), INDEX)
        assert code == 0, err
        assert out.read_text(encoding="utf-8") == _run(poc, folder, args, CORPUS)[1]


def test_a_big_plain_table_whose_columns_are_not_the_stored_cells_is_made_from_records(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # Stored cells are used only for exactly the columns they were made for; a view
    # whose cells differ (changed without records.OVERVIEW_CELLS) is made from records.
    from poc_cli import records
    from poc_cli.index import listings
    from poc_cli.output import plain

    folder = _odd_cells(new_several_events(tmp_path / "corpus"))
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    cells = records.OVERVIEW_CELLS["speaker"]
    monkeypatch.setitem(
        records.OVERVIEW_CELLS, "speaker", (*cells[:2], records.organisation_cell, *cells[3:])
    )

    def not_used(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("stored cells used for other columns")

    monkeypatch.setattr(plain, "plain_table_of_cells", not_used)
    indexed = _run(poc, folder, ("speakers",), INDEX)
    assert indexed == _run(poc, folder, ("speakers",), CORPUS)
    assert indexed[0] == 0, indexed


def _odd_texts(folder: Path) -> Path:
    """:func:`_odd_cells`, and statements whose text holds a line break, a terminal
    escape, a tab, wide characters and a combining mark."""
    for n, path in enumerate(sorted(_odd_cells(folder).glob("*.json"))):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, statement in enumerate(data["statements"]):
            if i % 7 == n:
                statement["text"] += "\nsecond line\x1b[31m red\tTAB 平和 Cafe\u0301"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.parametrize("chunk", [1, 3, 20])
def test_big_statement_tables_stream_byte_for_byte_the_corpus_ones(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any, chunk: int
) -> None:
    # Past KEEP statements, a `quotes` table into a pipe is measured by one pass over the
    # statements' cells and written by a second (no record made, memory of a page): the
    # same bytes as the loaded corpus's table, for every statement and for a filter.
    from poc_cli.index import listings

    folder = _odd_texts(new_several_events(tmp_path / "corpus"))
    monkeypatch.setattr(listings, "KEEP", 0)
    monkeypatch.setattr(listings, "CHUNK", chunk)
    streamed = _tables_of_cells(monkeypatch)
    for args in (("quotes",), ("quotes", "--kind", "paraphrase"), ("quotes", "--event", "ev002")):
        indexed = _run(poc, folder, args, INDEX)
        assert indexed == _run(poc, folder, args, CORPUS), args
        assert indexed[0] == 0 and ".json:" not in indexed[2], indexed
        assert "\\x1b[31m" in indexed[1] and "second line" in indexed[1]
    assert len(streamed) == 3


def test_profiles_into_a_pipe_are_drawn_from_the_stored_cells(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # `speakers NAME` into a pipe draws each person's statements from the cells and
    # widths stored at build time: the same bytes as from the loaded corpus's records.
    from poc_cli.index import listings

    folder = _odd_texts(new_several_events(tmp_path / "corpus"))
    grids: list[Any] = []
    real = listings.IndexRecords.grid_cells

    def counted(self: Any) -> Any:
        found = real(self)
        grids.append(found is not None)
        return found

    monkeypatch.setattr(listings.IndexRecords, "grid_cells", counted)
    for args in (
        ("speakers", "Mamiya"),
        ("speakers", "adam"),
        ("speakers", "a", "--event", "ev001"),
    ):
        indexed = _run(poc, folder, args, INDEX)
        assert indexed == _run(poc, folder, args, CORPUS), args
    assert grids and all(grids)
    assert "second line" in _run(poc, folder, ("speakers", "Mamiya"), INDEX)[1]


@pytest.mark.parametrize(("chunk", "keep"), [(1, 0), (3, 0), (20, 20000)])
def test_json_from_the_stored_statement_records_is_the_corpus_json(
    poc: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_several_events: Any,
    chunk: int,
    keep: int,
) -> None:
    # `quotes --json` over the index formats the records' JSON stored at build time, a
    # page at a time: the same bytes as the loaded corpus's, with line breaks, terminal
    # escapes, tabs, wide and combining characters, bidi controls and line separators.
    from poc_cli.index import listings
    from poc_cli.output import formats

    folder = _odd_texts(new_several_events(tmp_path / "corpus"))
    monkeypatch.setattr(listings, "KEEP", keep)
    monkeypatch.setattr(listings, "CHUNK", chunk)
    monkeypatch.setattr(formats, "FAST_JSON_FROM", 1)
    pages: list[Any] = []
    real = listings.IndexRecords.json_pages

    def counted(self: Any) -> Any:
        for page in real(self):
            pages.append(page)
            yield page

    monkeypatch.setattr(listings.IndexRecords, "json_pages", counted)
    profiles: list[Any] = []
    real_profiles = listings.Profiles.json_pages

    def profiles_counted(self: Any) -> Any:
        profiles.append(len(self))
        return real_profiles(self)

    monkeypatch.setattr(listings.Profiles, "json_pages", profiles_counted)
    monkeypatch.setattr(listings.Profiles, "PAGE", 2)
    for args in (
        ("quotes",),
        ("quotes", "--speaker", "Mamiya"),
        ("quotes", "--event", "ev002"),
        ("speakers", "Mamiya"),  # a profile's statements from their stored JSON too
        ("speakers", "adam"),
        ("speakers", "Lupel", "--event", "ev001"),
    ):
        indexed = _run(poc, folder, (*args, "--json"), INDEX)
        assert indexed == _run(poc, folder, (*args, "--json"), CORPUS), args
        assert indexed[0] == 0, indexed
        assert args[0] == "speakers" or "\\u001b[31m" in indexed[1], indexed
    assert len(pages) >= 6 and len(profiles) == 3


def _tables_of_cells(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The calls of ``output.plain.plain_table_of_cells`` from now on (still made)."""
    from poc_cli.output import plain

    calls: list[Any] = []
    real = plain.plain_table_of_cells

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(plain, "plain_table_of_cells", counted)
    return calls


def test_organisation_spellings_of_one_length_are_keyed_by_the_first_met_both_ways(
    poc: Any, tmp_path: Path, new_several_events: Any
) -> None:
    # "Kisal Observatory" in the first events, "KISAL OBSERVATORY" (as long, and first
    # in the index's sorted table of spellings) in a later one: the first met keys the
    # row, as the loaded corpus has it. The index once took the first in sorted order.
    folder = new_several_events(tmp_path / "corpus")
    later = folder / "ev003.json"
    data = json.loads(later.read_text(encoding="utf-8"))
    for speaker in data["speakers"]:
        speaker["organisations"] = [
            "KISAL OBSERVATORY" if o == "Kisal Observatory" else o
            for o in speaker.get("organisations", [])
        ]
    later.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for args in (("stats", "--by", "organisation"), ("stats",), ("stats", "--event", "ev003")):
        _same_both_ways(poc, folder, args)
        code, out, _ = _run(poc, folder, (*args, "--json"), INDEX)
        assert code == 0 and "Kisal Observatory" in out and "KISAL" not in out, args


def test_people_of_one_name_are_listed_in_the_order_the_corpus_first_gives_them(
    poc: Any, tmp_path: Path, new_several_events: Any
) -> None:
    # In ev002 "Agnès Coutou" is also the id ralph-mamiya, listed before agnes-coutou
    # there, who is met first in ev000: the note names agnes-coutou first both ways.
    folder = new_several_events(tmp_path / "corpus")
    later = folder / "ev002.json"
    data = json.loads(later.read_text(encoding="utf-8"))
    for speaker in data["speakers"]:
        if speaker["id"] == "ralph-mamiya":
            speaker["name"], speaker["aliases"] = "Agnès Coutou", []
    later.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for args in (
        ("speakers", "Agnès Coutou", "--event", "ev002"),
        ("speakers", "Agnès Coutou"),
        ("quotes", "--speaker", "Agnès Coutou", "--event", "ev002"),
        ("search", "armed", "--speaker", "Agnès Coutou", "--event", "ev002"),
    ):
        _same_both_ways(poc, folder, args)
        _, _, err = _run(poc, folder, args, INDEX)
        assert "fits 2 people: Agnès Coutou (agnes-coutou); Agnès Coutou (ralph-mamiya)" in err
