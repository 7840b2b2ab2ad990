"""Listings served from the index give the same records as over the loaded corpus.

Issue 13: ``quotes`` (and the overviews) over a folder of many files are read from the
search index instead of loading every file.  Every filter, alone and combined, over a
corpus of several events that differ where it matters (a person of another name under
the same id, an event without a date, other titles and labels, a shorter event), both
ways: the records' JSON, the notes and the errors must be the same, byte for byte.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from poc_cli.errors import PocError
from poc_cli.filters import SearchFilters


@pytest.fixture(scope="module")
def several(several_events: Path) -> Path:
    return several_events


SPEAKERS = (None, "Mamiya", "adam", "Mamya", "van den berg", "Rafael", "nobody at all")
SESSIONS = (None, "2", "keynote", "mali", "closing", "nothing-like-it")
KINDS = (None, "quote", "paraphrase", "bogus")
TOPICS = (None, "counterterrorism", "neutrality", "no such topic")
EVENTS = (None, "ev001", "ev002", "ev999")


def _both(corpus: Any, folder: Path, typed: SearchFilters) -> tuple[Any, Any]:
    from poc_cli import queries
    from poc_cli.filters import statement_filter

    def small() -> Any:
        flt = statement_filter(corpus, typed)
        found = queries.statements_records(corpus, queries.select_statements(corpus, flt))
        return json.dumps(list(found), ensure_ascii=False), flt.notes

    def indexed() -> Any:
        listing = queries.indexed_statements(folder, typed)
        assert listing.events == len(corpus.datasets)
        return json.dumps(list(listing.records), ensure_ascii=False), listing.notes

    return _outcome(small), _outcome(indexed)


def _outcome(make: Any) -> Any:
    try:
        return make()
    except PocError as error:
        return type(error).__name__, str(error)


def test_quotes_with_every_filter_alone_and_combined(several: Path) -> None:
    from poc_cli.corpus import load_corpus

    corpus = load_corpus(several)
    seen = 0
    for number, typed in enumerate(itertools.product(SPEAKERS, SESSIONS, KINDS, TOPICS, EVENTS)):
        filters = SearchFilters(*typed)
        # Every filter alone, every pair, and one in seven of the rest.
        if sum(v is not None for v in typed) > 2 and number % 7:
            continue
        small, indexed = _both(corpus, several, filters)
        assert indexed == small, filters
        seen += 1
    assert seen > 200


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("which", ["speakers", "sessions", "stats"])
def test_overviews_of_every_event_and_all(several: Path, which: str, event: str | None) -> None:
    from poc_cli import queries
    from poc_cli.corpus import load_corpus

    corpus = load_corpus(several)
    small_of = {
        "speakers": queries.speakers_overview,
        "sessions": queries.sessions_overview,
        "stats": queries.statistics,
    }
    index_of = {
        "speakers": queries.indexed_speakers_overview,
        "sessions": queries.indexed_sessions_overview,
        "stats": queries.indexed_statistics,
    }

    def small() -> Any:
        return json.dumps(small_of[which](corpus, event=event), ensure_ascii=False)

    def indexed() -> Any:
        listing = index_of[which](several, event=event)
        assert listing.events == len(corpus.datasets)
        return json.dumps(list(listing.records), ensure_ascii=False)

    assert _outcome(indexed) == _outcome(small)


def test_overviews_of_an_index_built_in_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # The overview records and statement groups are made at build time, file by file;
    # the forked builder's half is merged after this process's: still in corpus order.
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import write

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(write, "PARALLEL_MIN_FILES", 2)
    folder = new_several_events(tmp_path / "corpus")
    corpus = load_corpus(folder)
    pairs = [
        (queries.speakers_overview, queries.indexed_speakers_overview),
        (queries.sessions_overview, queries.indexed_sessions_overview),
        (queries.statistics, queries.indexed_statistics),
    ]
    for event in (None, "ev002", corpus.datasets[-1].event.id):
        for small, indexed in pairs:
            expected = json.dumps(small(corpus, event=event), ensure_ascii=False)
            got = json.dumps(list(indexed(folder, event=event).records), ensure_ascii=False)
            assert got == expected, (small.__name__, event)
    index, _ = __import__("poc_cli.index", fromlist=["open_index"]).open_index(folder)
    assert index.fts_tables == ["fts", "fts1"]  # it was built in two halves
    index.close()


def test_a_damaged_overview_is_rebuilt_never_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    from poc_cli import queries
    from poc_cli.index import open_index

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    index, _ = open_index(folder)
    index.close()
    path = Path(index.path)
    clean = path.read_bytes()
    # A speaker's role, in the overview records (and the speakers' own rows).
    assert clean.count(b"non-resident IPI adviser") >= 2
    damaged = clean.replace(b"non-resident IPI adviser", b"non-resident IPI advisor")
    for event in (None, "ev001"):
        for make in (queries.indexed_speakers_overview, queries.indexed_speaker_profiles):
            path.write_bytes(damaged)
            args = (folder, "Mamiya") if make is queries.indexed_speaker_profiles else (folder,)
            listing = make(*args, event=event)  # type: ignore[operator]
            text = json.dumps(list(listing.records), ensure_ascii=False, default=list)
            assert "IPI adviser" in text and "IPI advisor" not in text
            assert any("damaged" in w for w in listing.warnings), (make.__name__, event)


def test_statistics_of_one_event_spell_organisations_as_the_whole_corpus_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # An organisation is keyed by its fullest spelling anywhere in the corpus, also
    # when only one event is counted (queries._organisation_names).
    from poc_cli import queries
    from poc_cli.corpus import load_corpus

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    files = sorted(folder.glob("*.json"))
    first = json.loads(files[0].read_text(encoding="utf-8"))
    short = next(o for p in first["speakers"] for o in p.get("organisations", []))
    other = json.loads(files[1].read_text(encoding="utf-8"))
    other["speakers"][0]["organisations"] = [f"The Much Longer Name Of It ({short})"]
    files[1].write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    corpus = load_corpus(folder)
    for event in (first["event"]["id"], other["event"]["id"], None):
        expected = json.dumps(queries.statistics(corpus, event=event), ensure_ascii=False)
        got = queries.indexed_statistics(folder, event=event).records
        assert json.dumps(list(got), ensure_ascii=False) == expected, event
    assert "The Much Longer Name Of It" in expected


def test_damaged_statistics_are_rebuilt_never_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # The whole corpus's statistics are stored by the build: one CRC over them.
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import open_index

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    expected = json.dumps(queries.statistics(load_corpus(folder)), ensure_ascii=False)
    index, _ = open_index(folder)
    index.close()
    path = Path(index.path)
    clean = path.read_bytes()
    at = clean.index(b'"by":"topic"')
    path.write_bytes(clean[:at] + b'"by":"tupic"' + clean[at + 12 :])
    listing = queries.indexed_statistics(folder)
    assert json.dumps(list(listing.records), ensure_ascii=False) == expected
    assert any("damaged" in w for w in listing.warnings)


@pytest.mark.parametrize("chunk", [1, 3, 10_000])
def test_overviews_of_a_big_corpus_stream_the_same_records(
    several: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # Past OVERVIEWS_KEEP the whole corpus's overviews are read as they are written.
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import listings

    corpus = load_corpus(several)
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    monkeypatch.setattr(listings, "CHUNK", chunk)
    for small, indexed in (
        (queries.speakers_overview, queries.indexed_speakers_overview),
        (queries.sessions_overview, queries.indexed_sessions_overview),
    ):
        expected = small(corpus)
        records = indexed(several).records
        assert isinstance(records, listings.OverviewRecords)
        assert len(records) == len(expected)
        assert json.dumps(list(records), ensure_ascii=False) == json.dumps(
            expected, ensure_ascii=False
        )
        assert list(records) == expected  # twice
        assert records[0] == expected[0] and records[-1] == expected[-1]
        assert records[2:5] == expected[2:5]


def test_a_damaged_overview_met_while_writing_stops_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    from poc_cli import queries
    from poc_cli.errors import DataError
    from poc_cli.index import listings, open_index

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    monkeypatch.setattr(listings, "CHUNK", 2)  # the first two are clean
    folder = new_several_events(tmp_path / "corpus")
    index, _ = open_index(folder)
    index.close()
    path = Path(index.path)
    _damage_role(path, in_cells=False)
    records = queries.indexed_speakers_overview(folder).records
    written = []
    with pytest.raises(DataError, match="damaged"):
        written.extend(r["role"] for r in records)
    assert len(written) >= 2 and not any("advisor" in r for r in written)
    assert not path.exists()


def test_an_overview_knows_when_no_text_needs_cutting_for_display(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # The whole corpus's overviews carry a bound on their longest text, so a table need
    # not look through every record; a text too long to show is still cut.
    from poc_cli import queries
    from poc_cli.output.formats import DISPLAY_MAX_CHARS, cut_for_display

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    records = queries.indexed_speakers_overview(folder).records
    longest = max(len(json.dumps(r, ensure_ascii=False)) for r in records)
    assert getattr(records, "longest_text", None) is not None
    assert longest - 40 <= records.longest_text <= DISPLAY_MAX_CHARS  # type: ignore[attr-defined]
    assert cut_for_display(records)[1].texts == 0
    first = sorted(folder.glob("*.json"))[0]
    data = json.loads(first.read_text(encoding="utf-8"))
    data["speakers"][0]["role"] = "adviser " * 4000
    first.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    records = queries.indexed_speakers_overview(folder).records
    shown, cut = cut_for_display(records)
    assert cut.texts == 1 and len(shown[0]["role"]) < DISPLAY_MAX_CHARS + 10


def test_the_unfiltered_listing_is_every_statement_in_report_order(several: Path) -> None:
    from poc_cli import queries
    from poc_cli.corpus import load_corpus

    corpus = load_corpus(several)
    listing = queries.indexed_statements(several, SearchFilters())
    assert [r["id"] for r in listing.records] == [s.id for s in corpus.statements]
    assert len(listing.records) == len(corpus.statements)
    # Read twice (a table measures its columns first), and by item: the same records.
    assert list(listing.records) == list(listing.records)
    assert listing.records[3] == list(listing.records)[3]
    assert listing.records[5:9] == list(listing.records)[5:9]


def test_more_than_one_chunk_streams_the_same_records(
    several: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from poc_cli import queries
    from poc_cli.index import listings

    monkeypatch.setattr(listings, "CHUNK", 7)
    whole = list(queries.indexed_statements(several, SearchFilters()).records)
    monkeypatch.setattr(listings, "CHUNK", 10_000)
    assert whole == list(queries.indexed_statements(several, SearchFilters()).records)


def test_every_statement_streams_page_by_page_in_report_order(
    several: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Unfiltered, the rowids themselves are read as they are written (ReportOrder),
    # a page after the last one's place: a million are never held at once.
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import listings

    ids = [s.id for s in load_corpus(several).statements]
    monkeypatch.setattr(listings, "KEEP", 0)
    for chunk in (1, 7, 10_000):
        monkeypatch.setattr(listings, "CHUNK", chunk)
        records = queries.indexed_statements(several, SearchFilters()).records
        assert [r["id"] for r in records] == ids
        assert len(records) == len(ids)
        assert [r["id"] for r in records[5:9]] == ids[5:9]
        assert records[-1]["id"] == ids[-1] and records[0]["id"] == ids[0]
    index, _ = __import__("poc_cli.index", fromlist=["open_index"]).open_index(several)
    order = listings.ReportOrder(index)
    assert len(order) == len(ids) and list(order) == order[:] == order[0 : len(ids)]
    assert [page for page in order.pages(4, skip=len(ids) - 2)] == [order[-2:]]
    assert order[::2] == list(order)[::2]
    with pytest.raises(IndexError):
        order[len(ids)]
    index.close()


def test_only_a_folder_of_several_files_is_listed_from_the_index(
    several: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from poc_cli.queries import LISTING_INDEX_ENV, listings_from_index

    monkeypatch.delenv(LISTING_INDEX_ENV, raising=False)
    monkeypatch.delenv("POC_DATA", raising=False)
    assert not listings_from_index(several)  # four files: quicker loaded
    assert not listings_from_index(several / "ev000.json")
    assert not listings_from_index(None)  # the bundled seminar
    monkeypatch.setenv(LISTING_INDEX_ENV, "4")
    assert listings_from_index(several)
    assert not listings_from_index(several / "ev000.json")
    monkeypatch.setenv(LISTING_INDEX_ENV, "5")
    assert not listings_from_index(several)


# ------------------------------------------------------------------ damage


def _damage(folder: Path) -> Path:
    """The cached index of ``folder`` with one quotation changed in every event."""
    from poc_cli.index import open_index

    index, _ = open_index(folder)
    index.close()
    path = Path(index.path)
    clean = path.read_bytes()
    assert b"acronym soup" in clean
    path.write_bytes(clean.replace(b"acronym soup", b"acronym stew"))
    return path


def test_a_damaged_row_in_the_first_records_means_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    from poc_cli import queries

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    _damage(folder)
    listing = queries.indexed_statements(folder, SearchFilters(speaker="Zahar"))
    assert any("damaged" in w and "rebuilding" in w for w in listing.warnings)
    texts = [r["text"] for r in listing.records]
    assert any("acronym soup" in t for t in texts) and not any("stew" in t for t in texts)


def test_a_damaged_row_met_while_writing_stops_the_output_and_the_index_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    from poc_cli import queries
    from poc_cli.errors import DataError
    from poc_cli.index import listings

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "CHUNK", 50)  # the first chunk is clean
    monkeypatch.setattr(listings, "KEEP", 0)  # read as it is written, not all at once
    folder = new_several_events(tmp_path / "corpus")
    path = _damage(folder)
    listing = queries.indexed_statements(folder, SearchFilters())
    written = []
    with pytest.raises(DataError, match="damaged"):
        written.extend(r["text"] for r in listing.records)
    assert len(written) == 50 and not any("stew" in t for t in written)
    assert not path.exists()
    again = queries.indexed_statements(folder, SearchFilters())
    assert not any("stew" in r["text"] for r in again.records)


def test_a_damaged_row_of_a_listing_read_at_once_is_rebuilt_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    from poc_cli import queries
    from poc_cli.index import listings

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "CHUNK", 50)
    folder = new_several_events(tmp_path / "corpus")
    _damage(folder)
    listing = queries.indexed_statements(folder, SearchFilters())
    assert len(listing.records) <= listings.KEEP
    assert any("damaged" in w for w in listing.warnings)
    texts = [r["text"] for r in listing.records]
    assert texts and not any("stew" in t for t in texts)
    assert [r["text"] for r in listing.records] == texts  # kept: the same twice


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("name", SPEAKERS[1:])
def test_speaker_profiles(several: Path, name: str, event: str | None) -> None:
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.names import select_people

    corpus = load_corpus(several)

    def small() -> Any:
        queries.check_event(corpus, event)
        selection = select_people(corpus, name, event=event)
        profiles = queries.speaker_profiles(corpus, selection.keys)
        return json.dumps(profiles, ensure_ascii=False, default=list), tuple(selection.notes)

    def indexed() -> Any:
        found = queries.indexed_speaker_profiles(several, name, event=event)
        return json.dumps(list(found.records), ensure_ascii=False, default=list), found.notes

    assert _outcome(indexed) == _outcome(small)


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("text", SESSIONS[1:])
def test_session_details(several: Path, text: str, event: str | None) -> None:
    from poc_cli import queries
    from poc_cli.corpus import load_corpus

    corpus = load_corpus(several)

    def small() -> Any:
        keys = queries.session_keys(corpus, text, event)
        details = [queries.session_detail(corpus, key) for key in keys]
        return json.dumps(details, ensure_ascii=False, default=list)

    def indexed() -> Any:
        found = queries.indexed_session_details(several, text, event=event)
        return json.dumps(list(found.records), ensure_ascii=False, default=list)

    assert _outcome(indexed) == _outcome(small)


@pytest.mark.parametrize("page", [1, 2, 2000])
def test_a_big_plain_table_streams_the_loaded_corpus_table(
    several: Path, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    # The overview rows' stored cells, read page by page and padded to the widths the
    # build measured, make the table the loaded corpus's records make, byte for byte.
    from poc_cli import queries
    from poc_cli.corpus import load_corpus
    from poc_cli.index import listings
    from poc_cli.output import plain
    from poc_cli.output.tables import SESSIONS_VIEW, SPEAKERS_VIEW, with_event_column

    corpus = load_corpus(several)
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    monkeypatch.setattr(listings, "CELL_PAGE", page)
    for small, indexed, view in (
        (queries.speakers_overview, queries.indexed_speakers_overview, SPEAKERS_VIEW),
        (queries.sessions_overview, queries.indexed_sessions_overview, SESSIONS_VIEW),
    ):
        expected = small(corpus)
        records = indexed(several).records
        assert isinstance(records, listings.OverviewRecords)
        pages = list(records.cell_pages())
        assert sum(map(len, pages)) == len(expected) and len(pages[0]) <= page
        columns = with_event_column(expected, view, 4).columns
        shape = records.cells_shape()
        assert shape is not None and [c.value for c in columns] == list(records.cells_of)
        # As the build measured them, and with nothing known of their shape.
        for known in (shape, shape._replace(simple=False, plain_ends=False)):
            pieces = list(plain.plain_table_of_cells(pages, columns, known))
            assert len(pieces) > 2 or page > 1
            assert "".join(pieces) == plain.to_plain_table(expected, columns)
            # Without the event's column (a corpus of one event), the rest of the cells.
            assert "".join(
                plain.plain_table_of_cells(pages, view.columns, known, skip=1)
            ) == plain.to_plain_table(expected, view.columns)


@pytest.mark.parametrize("in_cells", [True, False])
def test_a_damaged_overview_met_while_writing_a_table_stops_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any, in_cells: bool
) -> None:
    from poc_cli import queries
    from poc_cli.errors import DataError
    from poc_cli.index import listings, open_index
    from poc_cli.output import formats

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "OVERVIEWS_KEEP", 0)
    monkeypatch.setattr(listings, "CELL_PAGE", 1)
    monkeypatch.setattr(listings, "CHUNK", 1)
    folder = new_several_events(tmp_path / "corpus")
    index, _ = open_index(folder)
    index.close()
    path = Path(index.path)
    _damage_role(path, in_cells=in_cells)
    records = queries.indexed_speakers_overview(folder).records
    assert isinstance(records, listings.OverviewRecords)
    written: list[str] = []
    with pytest.raises(DataError, match="damaged"):
        if in_cells:
            written.extend(row for page in records.cell_pages() for row in page)
        else:
            written.extend(formats.as_text(piece) for piece in formats.json_chunks(records))
    assert written and not any("advisor" in piece for piece in written)
    assert not path.exists()


def _damage_role(path: Path, *, in_cells: bool) -> None:
    """Change the last "non-resident IPI adviser" of the index file inside a speaker's
    record JSON (followed by a quotation mark), or inside its table cells (followed by
    U+001F), to "advisor": a change of one byte that only the row's checksum can find."""
    import re

    clean = path.read_bytes()
    for found in reversed(list(re.finditer(b"non-resident IPI adviser", clean))):
        # The text's end: a quotation mark in JSON, U+001F (or the row's end) in cells.
        end = re.compile(b'["\x1f]').search(clean, found.end())
        if end is not None and (end.group() == b"\x1f") == in_cells:
            at = found.start()
            path.write_bytes(clean[:at] + b"non-resident IPI advisor" + clean[at + 24 :])
            return
    raise AssertionError("no role to damage")


def test_statement_cells_are_the_cells_of_the_statement_records(several: Path) -> None:
    # index.listings makes a statement's table cells from its row, without its record:
    # they must be what records.STATEMENT_CELLS make of the record, as a table shows them.
    from poc_cli.index import listings, open_index
    from poc_cli.records import STATEMENT_CELLS
    from poc_cli.text.escape import visible

    index, _ = open_index(several)
    rowids = list(listings.ReportOrder(index))
    records = listings.statement_records(index, rowids)
    rows = listings.statement_cell_rows(index, rowids)
    cells, longest = [c for c, _ in rows], max(numbers[7] for _, numbers in rows)
    assert len(cells) == len(records) > 100
    for row, record in zip(cells, records, strict=True):
        assert row.split("\x1f") == [visible(cell(record)) for cell in STATEMENT_CELLS]
    # The stored bound: no text of any record is longer (the cut of a long text for a
    # table is decided by it), and it is no looser than the records' own.
    def texts(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from texts(v)
        elif isinstance(value, list):
            for v in value:
                yield from texts(v)

    assert max(len(t) for r in records for t in texts(r)) <= longest <= records.longest_text


def _damage_stored_cells(folder: Path, sql: str) -> Path:
    """The cached index of ``folder`` with its statement_cells changed by ``sql`` (the
    statements' own rows left clean, and the checksums as they were)."""
    import sqlite3

    from poc_cli.index import open_index

    index, _ = open_index(folder)
    index.close()
    conn = sqlite3.connect(index.path)
    assert conn.execute(sql).rowcount > 0
    conn.commit()
    conn.close()
    return Path(index.path)


STORED_CELL_DAMAGE = [
    "UPDATE statement_cells SET cells = replace(cells, 'acronym soup', 'acronym stew')"
    " WHERE cells LIKE '%acronym soup%'",
    # a width: the table would be laid out wrong, never a cell changed
    "UPDATE statement_cells SET w5 = w5 + 40 WHERE cells LIKE '%acronym soup%'",
    # a flag: 'one line of narrow characters' said of a cell that is not
    "UPDATE statement_cells SET flags = 0 WHERE cells LIKE '%acronym soup%'",
]


@pytest.mark.parametrize("sql", ["", *STORED_CELL_DAMAGE])
def test_damaged_stored_cells_of_a_table_are_rebuilt_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any, sql: str
) -> None:
    # Up to KEEP statements, a plain table's stored cells are read and checked when the
    # listing is made (no record): damaged cells (or their widths or flags, or "" the
    # index file's bytes changed everywhere) are a rebuild, never an error mid-table.
    from poc_cli import queries
    from poc_cli.index import listings
    from poc_cli.output import plain
    from poc_cli.output.tables import QUOTES_VIEW, with_event_column

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "CHUNK", 50)
    folder = new_several_events(tmp_path / "corpus")
    _damage_stored_cells(folder, sql) if sql else _damage(folder)
    listing = queries.indexed_statements(folder, SearchFilters(), for_table=True)
    assert any("damaged" in w for w in listing.warnings)
    records = listing.records
    assert isinstance(records, listings.IndexRecords) and len(records) > listings.CHUNK
    shape = records.cells_shape()
    assert shape is not None
    columns = with_event_column(records, QUOTES_VIEW, 4).columns
    table = "".join(plain.plain_table_of_cells(records.cell_pages(), columns, shape))
    assert "stew" not in table and table == plain.to_plain_table(list(records), columns)


RECORD_DAMAGE = (
    "UPDATE statement_records SET record = replace(record, 'acronym soup', 'acronym stew')"
    " WHERE record LIKE '%acronym soup%'"
)


def test_damaged_stored_records_for_json_are_rebuilt_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any
) -> None:
    # Up to KEEP statements, the stored JSON of a --json listing is read and checked
    # when the listing is made: a damaged record is a rebuild, never shown.
    from poc_cli import queries
    from poc_cli.index import listings

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = new_several_events(tmp_path / "corpus")
    _damage_stored_cells(folder, RECORD_DAMAGE)
    listing = queries.indexed_statements(folder, SearchFilters(), for_json=True)
    assert any("damaged" in w for w in listing.warnings)
    records = listing.records
    assert isinstance(records, listings.IndexRecords)
    text = b"".join(b"".join(page) for page in records.json_pages())
    assert b"acronym soup" in text and b"stew" not in text


@pytest.mark.parametrize(
    ("sql", "written_as"),
    [*((sql, "table") for sql in STORED_CELL_DAMAGE), (RECORD_DAMAGE, "json")],
)
def test_damaged_stored_views_met_while_writing_stop_the_output(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_several_events: Any,
    sql: str,
    written_as: str,
) -> None:
    # Past KEEP, a plain table is laid out by the stored widths and each page of cells
    # read as it is written, and --json each page of stored records: a damaged row
    # stops the output there (the index removed), never shows.
    from poc_cli import queries
    from poc_cli.errors import DataError
    from poc_cli.index import listings

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(listings, "CHUNK", 5)
    monkeypatch.setattr(listings, "KEEP", 0)
    folder = new_several_events(tmp_path / "corpus")
    path = _damage_stored_cells(folder, sql)
    table = written_as == "table"
    records = queries.indexed_statements(
        folder, SearchFilters(), for_table=table, for_json=not table
    ).records
    assert isinstance(records, listings.IndexRecords)
    assert not table or records.cells_shape() is not None
    written: list[Any] = []
    with pytest.raises(DataError, match="damaged"):
        for page in records.cell_pages() if table else records.json_pages():
            written.extend(page)
    stew = "stew" if table else b"stew"
    assert written and not any(stew in row for row in written)
    assert not path.exists()


@pytest.mark.parametrize(
    "label", ["plain", "lone \\ud800 surrogate", "big 123456789012345678901234567890"]
)
def test_long_stored_json_decodes_as_the_json_module_decodes_it(label: str) -> None:
    # Past _MSGSPEC_FROM bytes msgspec decodes; what it refuses (a lone surrogate, a
    # number past 64 bits) the json module still does, to the same records.
    import json

    from poc_cli.index.listings import _MSGSPEC_FROM, _decode_records

    row = '{"by":"speaker","key":"p%d","label":"%s","statements":%s}'
    number = "123456789012345678901234567890" if label.startswith("big") else "3"
    text = "[" + ",".join(row % (i, label, number) for i in range(30000)) + "]"
    assert len(text) >= _MSGSPEC_FROM
    assert _decode_records(text.encode()) == json.loads(text)


@pytest.mark.parametrize("text", [b"null", b"{}", b"[1, 2]", b"[" + b" " * (1 << 20) + b"null]"])
def test_stored_json_that_is_not_a_list_of_records_is_damage(text: bytes) -> None:
    from poc_cli.index import IndexDamaged
    from poc_cli.index.listings import _decode_records

    with pytest.raises(IndexDamaged):
        _decode_records(text)



@pytest.mark.parametrize("cap", [2000, 3])
def test_a_search_confined_to_events_finds_what_joining_the_statements_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_several_events: Any, cap: int
) -> None:
    # Index.match tells the events a filter keeps by the file numbers in the rowids,
    # before (or, for --event alone, instead of) joining every match to the statements
    # table: the same statements and ranks, over both FTS tables of a build in two
    # halves, for --event alone, with --kind, and for the people --speaker names.
    from poc_cli.filters import StatementFilter
    from poc_cli.index import open_index, write
    from poc_cli.index.catalog import search_sql

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(write, "PARALLEL_MIN_FILES", 2)
    index, _ = open_index(new_several_events(tmp_path / "corpus"))
    assert index.fts_tables == ["fts", "fts1"]
    people = index.conn.execute("SELECT event, id FROM speakers ORDER BY rowid").fetchall()
    filters = [StatementFilter(speakers=frozenset(people[::7]))]
    for event in [*index.event_ids(), "no-such-event"]:
        filters += [StatementFilter(event=event), StatementFilter(event=event, kind="quote")]
        filters.append(StatementFilter(event=event, speakers=frozenset(people[::3])))
    found = 0
    for flt in filters:
        sql = search_sql(flt)
        assert sql.events is not None
        assert sql.events_only == (flt.speakers is None and flt.kind is None)
        for word in ("civilians", "protection", "mission", "the", "xyzzy"):
            told = index.match(
                word, sql.where, sql.params, 50, cap, events=sql.events, events_only=sql.events_only
            )
            joined = index.match(word, sql.where, sql.params, 50, cap)
            assert told == joined, (flt, word)
            found += len(told)
    index.close()
    assert found  # (the words are there)


@pytest.mark.parametrize("keep", [True, False])
@pytest.mark.parametrize("for_table", [True, False])
@pytest.mark.parametrize("long", ["", "role", "text"])
def test_a_profile_knows_when_no_text_needs_cutting_for_display(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_several_events: Any,
    for_table: bool,
    long: str,
    keep: bool,
) -> None:
    # `speakers NAME` from the index carries a bound on every text of its profiles
    # (their records' and their statements'), so a human view need not walk them all;
    # a role or a statement too long to show is still cut, also when the statements
    # are read as they are written (past KEEP: no bound, every profile looked at).
    from poc_cli import queries
    from poc_cli.index import listings
    from poc_cli.output.formats import CUT_MARK, DISPLAY_MAX_CHARS, cut_for_display

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    if not keep:
        monkeypatch.setattr(listings, "KEEP", 0)
    folder = new_several_events(tmp_path / "corpus")
    if long:
        first = sorted(folder.glob("*.json"))[0]
        data = json.loads(first.read_text(encoding="utf-8"))
        if long == "role":
            person = next(p for p in data["speakers"] if p["id"] == "agnes-coutou")
            person["role"] = "adviser " * 4000
        else:
            said = next(s for s in data["statements"] if s["speaker"] == "agnes-coutou")
            said["text"] = "neutrality " * 4000
        first.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    records = queries.indexed_speaker_profiles(folder, "Coutou", for_table=for_table).records
    assert len(records) == 4
    bound = getattr(records, "longest_text", None)
    assert type(bound) is int if keep else bound is None
    shown, cut = cut_for_display(records)
    if not long:
        assert cut.texts == 0 and shown is records
        assert not keep or bound <= DISPLAY_MAX_CHARS
        return
    assert cut.texts == 1 and (not keep or bound > DISPLAY_MAX_CHARS)
    if long == "role":
        assert shown[0]["role"].endswith(CUT_MARK)
    else:
        texts = [s["text"] for p in shown for s in p["statement_list"]]
        assert sum(t.endswith(CUT_MARK) for t in texts) == 1


def test_statement_rows_read_at_once_are_each_what_its_dataset_says(
    several: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What search scores and shows of each hit: one batch of every statement of four
    # events (people of one id differing between events, a session retitled), field by
    # field against the loaded datasets. Each row's speaker forms were once the last
    # row's.
    from poc_cli.corpus import load_corpus
    from poc_cli.index import open_index

    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    index, _ = open_index(several)
    try:
        rowids = [r for (r,) in index.conn.execute("SELECT rowid FROM statements")]
        rows = {(row.event, row.id): row for row in index.statements(rowids).values()}
    finally:
        index.close()
    expected = {}
    for dataset in load_corpus(several).datasets:
        ev = dataset.event
        people = {p.id: p for p in dataset.speakers}
        sessions = {x.id: x for x in dataset.sessions}
        labels = {t.id: t.label for t in dataset.topics}
        for st in dataset.statements:
            person = people[st.speaker]
            expected[(ev.id, st.id)] = (
                ev.short_title,
                ev.date or "",
                st.speaker,
                person.name,
                st.session,
                sessions[st.session].title,
                st.kind,
                st.text,
                tuple(st.items),
                tuple(st.topics),
                tuple(labels.get(t, t) for t in st.topics),
                tuple(st.paragraphs),
                st.note,
                tuple(person.organisations),
                (person.honorific or "", *person.aliases),
            )
    assert len(rows) == len(expected) == len(rowids) > 200
    got = {
        key: (
            r.event_title,
            r.event_date,
            r.speaker,
            r.speaker_name,
            r.session,
            r.session_title,
            r.kind,
            r.text,
            r.items,
            r.topics,
            r.topic_labels,
            r.paragraphs,
            r.note,
            r.organisations,
            r.speaker_forms,
        )
        for key, r in rows.items()
    }
    assert got == expected
