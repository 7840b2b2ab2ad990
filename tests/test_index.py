"""The cached search index: keys, atomic builds, and falling back instead of failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from poc_cli.index import cache_key, open_index
from poc_cli.search import parse_query, search

DATA = Path(__file__).resolve().parent.parent / "data" / "seminar.json"


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data" / "seminar.json"
    copy.parent.mkdir()
    shutil.copyfile(DATA, copy)
    return copy


def _index_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("index-*.sqlite"))


def test_first_search_builds_then_reuses_the_cache(dataset: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    first = search(dataset, parse_query("acronym soup"), progress=lambda d, n: calls.append((d, n)))
    # the quote “acronym soup” (ipi18-40a) first, then the paraphrase it sits in
    assert [h.id for h in first.hits] == ["ipi18-40a", "ipi18-40"] and first.warnings == ()
    assert calls and calls[-1] == (76, 76)
    (index_file,) = _index_files(tmp_path)

    def no_load(_: object) -> object:
        raise AssertionError("a warm search must not load the datasets")

    calls.clear()
    again = search(dataset, parse_query("acronym soup"), load=no_load)  # type: ignore[arg-type]
    assert again.hits == first.hits and calls == []
    assert _index_files(tmp_path) == [index_file]


def test_cache_key_changes_when_the_file_changes(dataset: Path, tmp_path: Path) -> None:
    before = cache_key([dataset])
    search(dataset, parse_query("acronym soup"))
    text = dataset.read_text(encoding="utf-8").replace("acronym soup", "alphabet soup")
    dataset.write_text(text, encoding="utf-8")
    assert cache_key([dataset]) != before
    result = search(dataset, parse_query('"alphabet soup"'))
    assert [h.id for h in result.hits] == ["ipi18-40a", "ipi18-40"]  # the quote and its paraphrase
    assert search(dataset, parse_query('"acronym soup"')).hits == ()
    assert len(_index_files(tmp_path)) == 1  # the stale index was removed


def test_corrupt_cache_is_rebuilt_with_a_warning(dataset: Path, tmp_path: Path) -> None:
    search(dataset, parse_query("acronym soup"))
    (index_file,) = _index_files(tmp_path)
    index_file.write_bytes(b"this is not an sqlite database" * 100)
    result = search(dataset, parse_query("acronym soup"))
    assert result.hits[0].id == "ipi18-40a"
    assert any("damaged" in w for w in result.warnings)
    clean = search(dataset, parse_query("acronym soup"))
    assert clean.warnings == ()


def test_truncated_cache_is_rebuilt(dataset: Path, tmp_path: Path) -> None:
    search(dataset, parse_query("acronym soup"))
    (index_file,) = _index_files(tmp_path)
    data = index_file.read_bytes()
    index_file.write_bytes(data[: len(data) // 3])
    result = search(dataset, parse_query("acronym soup"))
    assert result.hits[0].id == "ipi18-40a"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_cache_searches_in_memory(dataset: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        result = search(dataset, parse_query("acronym soup"))
    finally:
        cache.chmod(0o700)
    assert result.hits[0].id == "ipi18-40a"
    assert any("cannot write" in w for w in result.warnings)


def test_cache_dir_that_is_a_file_searches_in_memory(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("POC_CACHE_DIR", str(blocker / "cache"))
    result = search(dataset, parse_query("acronym soup"))
    assert result.hits[0].id == "ipi18-40a"
    assert any("cannot write" in w for w in result.warnings)


@pytest.mark.parametrize("failure", ["database or disk is full", "No space left on device"])
def test_a_cache_that_fills_up_while_building_searches_in_memory(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    # A full cache disk once ended the search with a sqlite3 traceback (exit 1).
    import sqlite3

    from poc_cli.index import write as index_module  # the cache loads the builder when it builds

    def full(paths: list[str], path: str, **_: object) -> None:
        Path(path).write_text("half an index")
        raise sqlite3.OperationalError(failure) if "database" in failure else OSError(28, failure)

    monkeypatch.setattr(index_module, "build_index_from_files", full)
    result = search(dataset, parse_query("acronym soup"))
    assert result.hits[0].id == "ipi18-40a"
    assert any("cannot write the search index cache" in w and failure in w for w in result.warnings)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == []  # the half index is gone


def test_open_index_reports_rebuild(dataset: Path) -> None:
    index, warnings = open_index(dataset)
    index.close()
    assert warnings == []


@pytest.mark.slow
def test_concurrent_builds_are_safe(dataset: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from poc_cli.search import parse_query, search; "
        "r = search(sys.argv[1], parse_query('acronym soup')); "
        "assert r.hits[0].id == 'ipi18-40a', r; assert not r.warnings, r.warnings"
    )
    env = {**os.environ, "POC_CACHE_DIR": str(tmp_path / "cache")}
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(dataset)], env=env) for _ in range(4)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert len(_index_files(tmp_path)) == 1
    assert not list((tmp_path / "cache").glob(".index-*"))


def _many_events(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the seminar, each its own event with its own statement ids."""
    import json

    raw = json.loads(DATA.read_text(encoding="utf-8"))
    folder.mkdir()
    files = []
    for n in range(count):
        copy = json.loads(json.dumps(raw))
        copy["event"]["id"] = f"ev{n:03d}"
        for st in copy["statements"]:
            st["id"] = f"ev{n:03d}-{st['id']}"
            if "within" in st:
                st["within"] = f"ev{n:03d}-{st['within']}"
        path = folder / f"ev{n:03d}.json"
        path.write_text(json.dumps(copy), encoding="utf-8")
        files.append(path)
    return files


def test_two_process_build_matches_a_corpus_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from poc_cli.corpus import load_corpus
    from poc_cli.index import PARALLEL_MIN_FILES
    from poc_cli.search import search_corpus

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "many"
    _many_events(folder, PARALLEL_MIN_FILES + 2)
    for text in ("acronym soup", "nuetrality", '"armed groups" -Mali', "Mamiya"):
        query = parse_query(text, limit=50)
        streamed = search(folder, query)
        in_memory = search_corpus(load_corpus(folder), query)
        assert streamed.hits == in_memory.hits, text
        assert streamed.matched_speakers == in_memory.matched_speakers
    index, _ = open_index(folder)
    assert index.fts_tables == ["fts", "fts1"]
    assert index.statement_count == 76 * (PARALLEL_MIN_FILES + 2)
    index.close()


def test_a_two_process_build_keys_organisations_by_the_spelling_first_met(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Spellings of one length that sort before the first met: in the child's half only
    # (KISAL after Kisal in the parent's), and first met in the child's half (Zeta).
    import json

    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import PARALLEL_MIN_FILES

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    files = _many_events(tmp_path / "many", PARALLEL_MIN_FILES + 2)
    for n, path in enumerate(files):
        data = json.loads(path.read_text(encoding="utf-8"))
        for speaker in data["speakers"]:
            orgs = speaker.get("organisations", [])
            if n > len(files) - 8 and "Kisal Observatory" in orgs:
                orgs[orgs.index("Kisal Observatory")] = "KISAL OBSERVATORY"
                orgs.append("Zeta Org" if n == len(files) - 7 else "ZETA ORG")
        path.write_text(json.dumps(data), encoding="utf-8")
    expected = queries.statistics(load_corpus(tmp_path / "many"))
    indexed = list(queries.indexed_statistics(tmp_path / "many").records)
    assert indexed == expected
    keys = {row["key"] for row in expected if row["by"] == "organisation"}
    assert {"Kisal Observatory", "Zeta Org"} <= keys and not {"KISAL OBSERVATORY", "ZETA ORG"} & keys


@pytest.mark.parametrize("where", [1, -2])  # the parent's half, the child's half
def test_bad_file_in_a_big_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], where: int
) -> None:
    from poc_cli.errors import DataError
    from poc_cli.index import PARALLEL_MIN_FILES

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    files = _many_events(tmp_path / "many", PARALLEL_MIN_FILES + 2)
    bad = files[where]
    bad.write_text(bad.read_text(encoding="utf-8").replace('"kind": "quote"', '"kind": "qoute"', 1))
    with pytest.raises(DataError) as caught:
        search(tmp_path / "many", parse_query("neutrality"))
    assert str(bad) in caught.value.message and "must be one of" in caught.value.message
    assert not list((tmp_path / "cache").glob(".index-*"))
    # The forked builder that met the file says nothing: the error is the parent's alone.
    assert "Traceback" not in capfd.readouterr().err


def test_repeated_statement_ids_across_files_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from poc_cli.errors import DataError
    from poc_cli.index import PARALLEL_MIN_FILES

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    files = _many_events(tmp_path / "many", PARALLEL_MIN_FILES + 2)
    files[-1].write_text(files[0].read_text(encoding="utf-8").replace('"ev000"', '"ev999"'))
    with pytest.raises(DataError) as caught:
        search(tmp_path / "many", parse_query("neutrality"))
    assert "duplicate statement id" in caught.value.message


@pytest.mark.parametrize(
    ("first", "second"),
    [(1, 2), (-2, -1), (1, -1)],
    ids=["parent's half", "child's half", "across halves"],
)
def test_repeated_event_ids_across_files_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: int, second: int
) -> None:
    """Two files with one event id (their statement ids differ) is a data error."""
    from poc_cli.errors import DataError
    from poc_cli.index import PARALLEL_MIN_FILES

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    files = _many_events(tmp_path / "many", PARALLEL_MIN_FILES + 2)
    event = f'"id": "{files[first].stem}"'
    twin = files[second]
    text = twin.read_text(encoding="utf-8")
    assert text.count(f'"id": "{twin.stem}"') == 1
    twin.write_text(text.replace(f'"id": "{twin.stem}"', event), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        search(tmp_path / "many", parse_query("neutrality"))
    assert "duplicate event id" in caught.value.message
    assert str(twin) in caught.value.message or str(files[first]) in caught.value.message


def test_a_common_word_is_not_ranked_but_gives_the_shortest_statements() -> None:
    """Over ``cap`` matches, Index.match skips bm25 and returns the shortest statements."""
    from poc_cli.corpus import load_corpus
    from poc_cli.index import build_index

    index = build_index(load_corpus(DATA))
    everything = index.match("the", limit=1000, cap=0)
    assert len(everything) > 20
    rows = index.statements(r for r, _ in everything)
    lengths = {rowid: len(row.text.split()) for rowid, row in rows.items()}
    capped = index.match("the", limit=10, cap=20)
    assert len(capped) == 10 and {rank for _, rank in capped} == {0.0}
    assert sorted(lengths[r] for r, _ in capped) == sorted(lengths.values())[:10]
    # Fewer matches than the cap: ranked by bm25 as if there were no cap.
    assert index.match("acronym", cap=10) == index.match("acronym", cap=0)
    assert index.match("acronym", cap=10)[0][1] < 0.0


def test_a_file_bigger_than_a_write_batch_is_indexed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are written every _BATCH statements, also in the middle of one file (a single
    file may hold 100,000 statements); nothing may be lost or written twice."""
    import sqlite3

    from poc_cli.corpus import load_corpus
    from poc_cli.index import write as index_module
    from poc_cli.search import search_corpus

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    queries = [
        parse_query(text, limit=60)
        for text in ("acronym soup", "nuetrality", '"armed groups" -Mali', "Mamiya", "the")
    ]
    corpus = load_corpus(DATA)
    expected = [search_corpus(corpus, query).hits for query in queries]  # one write
    monkeypatch.setattr(index_module, "_BATCH", 7)  # 76 statements: 10 full writes mid-file
    assert [search(DATA, query).hits for query in queries] == expected
    (built,) = sorted((tmp_path / "cache").glob("index-*.sqlite"))
    conn = sqlite3.connect(built)
    try:
        ids = [i for (i,) in conn.execute("SELECT id FROM statements ORDER BY id")]
        docs = conn.execute("SELECT count(*) FROM fts_docsize").fetchone()[0]
    finally:
        conn.close()
    assert ids == sorted(s.id for s in corpus.statements) and docs == 76


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux-only")
@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/ana"),
        (None, "/home/ana/"),
        ("", "/home/ana"),
        ("/var/tmp/xdg cache", "/home/ana"),
        ("/var/tmp/xdg/", "/home/ana"),
        ("relative/cache", "/home/ana"),
        ("~/cache", "/home/ana"),
        (None, "relative-home"),
        (None, ""),
        (None, None),
        ("/var/tmp/xdg", None),
    ],
)
def test_cache_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    """cache_dir() answers common Linux cases without importing platformdirs; it must
    give the folder platformdirs gives, or users' caches would move."""
    from platformdirs import user_cache_dir

    from poc_cli.index import CACHE_ENV_VAR, cache_dir

    monkeypatch.delenv(CACHE_ENV_VAR, raising=False)
    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = Path(user_cache_dir("poc"))
    except RuntimeError:  # platformdirs finds no home at all: poc must not invent one
        with pytest.raises(RuntimeError):
            cache_dir()
        return
    assert cache_dir() == expected


@pytest.mark.parametrize("where", ["", "s.kind = ?"])
def test_a_filtered_match_gives_as_many_as_an_unfiltered_one(where: str) -> None:
    """With a filter, the one-pass match must still give up to ``limit`` matches when
    more than ``cap`` pass (it once stopped at ``cap``: results silently dropped), and
    rank as the unfiltered path does when fewer pass."""
    from poc_cli.corpus import load_corpus
    from poc_cli.index import build_index

    index = build_index(load_corpus(DATA))
    params = ["paraphrase"] if where else []
    passing = index.match("the", where or "", params, limit=1000, cap=0)
    assert len(passing) > 12
    for cap, limit in [(5, 3), (5, 12), (5, 1000), (1000, 1000), (1000, 4)]:
        found = index.match("the", where or "", params, limit=limit, cap=cap)
        assert len(found) == min(limit, len(passing)), (cap, limit)
        if cap < len(passing):  # too many to rank: the shortest, in rowid order
            assert [r for r, _ in found] == sorted(r for r, _ in passing)[:limit]
        else:
            assert found == passing[:limit]


def test_a_row_that_does_not_match_its_checksum_is_damage() -> None:
    """Index.statements checks every row it serves (and the event, speaker and session
    rows it joins); a changed value raises IndexDamaged, a DatabaseError."""
    import sqlite3

    from poc_cli.corpus import load_corpus
    from poc_cli.index import IndexDamaged, build_index

    corpus = load_corpus(DATA)
    for table, column in [
        ("statements", "text"),
        ("statements", "note"),
        ("statements", "speaker"),
        ("speakers", "name"),
        ("sessions", "title"),
        ("events", "short_title"),
        ("topics", "label"),
    ]:
        index = build_index(corpus)
        rowids = [r for r, _ in index.match("acronym", cap=0)]
        assert all(row.text for row in index.statements(rowids).values())
        index.conn.execute(f"UPDATE {table} SET {column} = coalesce({column}, '') || 'x'")
        with pytest.raises(IndexDamaged) as caught:
            index.statements(rowids)
        assert isinstance(caught.value, sqlite3.DatabaseError)
        index.close()


def test_every_statement_row_carries_its_row_check() -> None:
    """The writer spells row_check out for statements (its hot loop): the same number,
    for a note or none, and for text that is not ASCII."""
    from poc_cli.corpus import load_corpus
    from poc_cli.index import build_index
    from poc_cli.index.schema import row_check
    from poc_cli.model import Corpus

    corpus = load_corpus(DATA)
    first = corpus.datasets[0]
    odd = first.statements[0]._replace(text="Neu\u200btrality, “café” ☃", note="a note ✓")
    changed = first._replace(statements=(odd, *first.statements[1:]))
    index = build_index(Corpus((changed, *corpus.datasets[1:])))
    rows = index.conn.execute("SELECT * FROM statements").fetchall()
    assert any(r[8] is None for r in rows) and any(r[8] is not None for r in rows)
    assert any(not r[6].isascii() for r in rows)
    assert all(row_check(r[:-1]) == r[-1] for r in rows)
    index.close()


def test_a_changed_meta_entry_is_damage_when_the_index_is_opened(
    dataset: Path, tmp_path: Path
) -> None:
    import sqlite3

    from poc_cli.index import Index, IndexDamaged

    search(dataset, parse_query("acronym soup"))
    (index_file,) = _index_files(tmp_path)
    conn = sqlite3.connect(index_file)
    conn.execute("UPDATE meta SET value = 'x' || value WHERE key = 'name_keys'")
    conn.commit()
    conn.close()
    with pytest.raises(IndexDamaged):
        Index.open(index_file)
    result = search(dataset, parse_query("acronym soup"))
    assert result.hits and any("damaged" in w for w in result.warnings)


def test_build_signal_handlers_are_restored_and_ignored_signals_stay_ignored() -> None:
    import signal

    from poc_cli.index.cache import _unwind_on_signals

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        with _unwind_on_signals():
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, before[signal.SIGTERM])
            with pytest.raises(SystemExit) as caught:
                signal.raise_signal(signal.SIGTERM)
            assert caught.value.code == 128 + signal.SIGTERM
            # A second signal during the clean-up is ignored.
            assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) == before[signal.SIGTERM]
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def test_a_build_removes_older_formats_indexes_of_the_same_data_only(
    dataset: Path, tmp_path: Path
) -> None:
    from poc_cli.index import INDEX_FORMAT
    from poc_cli.index.cache import _file_names

    cache = tmp_path / "cache"
    cache.mkdir()
    prefix, _ = _file_names(None, [str(dataset)], "0" * 64)
    digest = prefix.split("-")[2]
    older = cache / f"index-v{INDEX_FORMAT - 1}-{digest}-{'a' * 24}.sqlite"
    newer = cache / f"index-v{INDEX_FORMAT + 1}-{digest}-{'b' * 24}.sqlite"  # a newer poc's
    other = cache / f"index-v{INDEX_FORMAT - 1}-{'f' * 16}-{'c' * 24}.sqlite"  # other data
    for path in (older, newer, other):
        path.write_bytes(b"an index")
    search(dataset, parse_query("acronym soup"))
    assert not older.exists() and newer.exists() and other.exists()
    assert (
        len([p for p in _index_files(tmp_path) if p.name.startswith(f"index-v{INDEX_FORMAT}-")])
        == 1
    )


def test_a_cache_key_takes_inode_numbers_past_64_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    # Some file systems give inode numbers above 2**63: the key is still made, and
    # still tells two such files apart.
    import types
    from typing import Any

    from poc_cli.index import cache as cache_module

    def fake_stat(inode: int) -> Any:
        def stat(name: str, **_: Any) -> Any:
            return types.SimpleNamespace(st_size=10, st_mtime_ns=1, st_ctime_ns=2, st_ino=inode)

        return stat

    keys = set()
    for inode in (2**64 - 1, 2**64 - 2, 5):
        monkeypatch.setattr(cache_module.os, "stat", fake_stat(inode))
        keys.add(cache_module._listing_key(None, ["/x/a.json"]))
    assert len(keys) == 3


def test_the_cells_shown_as_they_are_are_those_visible_and_narrow_leave_alone() -> None:
    # index/write's one-class test of a cell, against the rules it stands for, for
    # every character: visible() escapes none of it, each is one column, no line break.
    from poc_cli.index.write import _NOT_AS_IT_IS
    from poc_cli.text.escape import UNSAFE
    from poc_cli.text.width import OTHER

    wrong = [
        hex(code)
        for code in range(0x110000)
        if bool(_NOT_AS_IT_IS.match(ch := chr(code)))
        != (ch == "\n" or bool(UNSAFE.match(ch)) or bool(OTHER.match(ch)))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        "“plain”",
        "it’s",
        "a\tb",
        "two\nlines",
        "soft\u00adhyphen",
        "zero\u200bwidth",
        "日本",
        "e\u0301",
        "\x1b[31m",
        "del\x7f",
        "\u2028",
        "",
    ],
)
def test_a_shown_cell_is_what_visible_and_shown_width_make_of_it(text: str) -> None:
    from poc_cli.index.write import _shown_cell
    from poc_cli.text.escape import visible
    from poc_cli.text.width import shown_width

    shown = visible(text)
    assert _shown_cell(text) == (shown, *shown_width(shown))
