"""What the search index stores: its tables, FTS columns and weights, and the rowid
layout.  The one place that knows the index's SQL schema (see the package docstring).
"""

from __future__ import annotations

import sqlite3
import struct
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple
from zlib import crc32

INDEX_FORMAT = 23
"""Bump whenever what the index stores or how it tokenizes changes (5: row checksums;
6: FTS text without invisible characters; 7: a name of several words also as one;
8: row checksums of joined values; 9: statements indexed by event, speaker, session
and report order, for listings; 10: by (event, session, speaker); 11: by kind;
12: each speaker's and session's overview record and statement groups, made at build
time; 13: and the whole corpus's statistics; 14: the longest overview record;
15: every organisation's spelling; 16: how many overviews of each kind; 17: each
overview's table cells and each kind's column widths; 18: overview JSON stored
json_safe; 19: an overview record's checksum the CRC-32 of its JSON alone; 20: each
statement's table cells and their widths, and its record's JSON; 21: those two keyed
by report order, the cells' checksum over their packed numbers; 22: overviews by kind,
their cells in a table of their own; 23: where each organisation's spelling is first
met; bump on every change
of layout, also between commits, or an index of the one before reads as damaged).  The
overview records and cells are :mod:`poc_cli.records`' JSON and OVERVIEW_CELLS: a
change to a speaker's or a session's record or cells there, or to STATEMENT_CELLS,
must bump this too."""
TOKENIZER = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("text", "items", "topics", "speaker", "org")
FTS_WEIGHTS = (1.0, 1.0, 0.6, 0.6, 0.3)
"""bm25 weights of the FTS columns, in FTS_COLUMNS order."""

Progress = Callable[[int, int], None]
"""``progress(done, total)``: statements (or, streaming from files, files) indexed so far."""

_PROGRESS_STEP = 5000
_BATCH = 10000
"""Statements buffered before they are written (and sorted by rowid for FTS5).  10,000
built as fast as 20,000 and kept the build's peak lower (100k: 74 against 94 MB; 1m: 200
against 226 MB), with the same search results (30 queries at 100k, ids and scores)."""

LENGTH_SHIFT = 40
FILE_SHIFT = 20
"""A statement's rowid is ``length << 40 | file number << 20 | place in file``: the file
number is the dataset's place in the corpus (the sorted file names of a folder)."""
MAX_FILES = 1 << (LENGTH_SHIFT - FILE_SHIFT)


def file_of_rowid(rowid: int) -> int:
    """The number of the dataset file a statement's rowid names."""
    return (rowid >> FILE_SHIFT) & (MAX_FILES - 1)


MAX_LENGTH_BUCKET = (1 << 22) - 1
RANK_CAP = 2000
"""Above this many matches (per FTS table) none is ranked by bm25: see :meth:`Index.match`."""


class StatementRow(NamedTuple):
    """One statement as the index holds it: all a search hit needs to be shown."""

    rowid: int
    id: str
    event: str
    event_title: str
    event_date: str
    speaker: str
    speaker_name: str
    session: str
    session_title: str
    kind: str
    text: str
    items: tuple[str, ...]
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    paragraphs: tuple[int, ...]
    note: str | None
    organisations: tuple[str, ...]
    speaker_forms: tuple[str, ...] = ()  # honorific and aliases: names FTS5 indexed


def row_check(values: tuple[Any, ...]) -> int:
    """The checksum stored in a row's ``checksum`` column: CRC-32 of every other value
    of the row, in column order, joined by U+001F (a value that is not a string, such
    as a rowid or a missing note, as U+001E and its ``repr``).

    Served rows are checked against it when they are read (:class:`~.read.Index`), so
    bytes changed inside the index file can never show as an altered quotation or
    attribution: the index is rebuilt instead.  It guards against damage, not an
    attacker (who could write the checksum too); CRC-32 finds every change of up to
    four bytes in a row and all but one in 2**32 of any others, at 0.3-1 µs a row.
    """
    if values and type(values[0]) is str:
        try:
            text = "\x1f".join(values)
        except TypeError:  # a None or a number among them
            text = _joined(values)
    else:
        text = _joined(values)
    return crc32(text.encode("utf-8", "surrogatepass"))


def statement_check(row: tuple[Any, ...]) -> int:
    """:func:`row_check` of a statements row's first nine values (rowid, id, event,
    speaker, session, kind, text, extra, note), made without looking at each value's
    type where they are as written (an int, seven strings, a string or None)."""
    note = row[8]
    try:
        text = (
            f"\x1e{row[0]!r}\x1f"
            + "\x1f".join(row[1:8])
            + ("\x1f\x1eNone" if note is None else "\x1f" + note)
        )
    except TypeError:  # not as written: checked value by value
        return row_check(tuple(row[:9]))
    if type(row[0]) is not int:
        return row_check(tuple(row[:9]))
    return crc32(text.encode("utf-8", "surrogatepass"))


_NUMBERS = struct.Struct("<8q")


def cells_check(cells: str, numbers: tuple[int, ...]) -> int:
    """The checksum of a ``statement_cells`` row: CRC-32 of its cells' UTF-8 and then of
    its numbers (w0..w5, flags, bound) as eight little-endian 64-bit integers (-1, which
    no CRC is, for numbers that are not eight such integers: a damaged row)."""
    try:
        packed = _NUMBERS.pack(*numbers)
    except (struct.error, TypeError):
        return -1
    return crc32(packed, crc32(cells.encode("utf-8", "surrogatepass")))


def _joined(values: tuple[Any, ...]) -> str:
    return "\x1f".join([v if type(v) is str else f"\x1e{v!r}" for v in values])


def meta_check(meta: dict[str, str]) -> int:
    """The ``checksum`` entry of the meta table: :func:`row_check` of every other entry."""
    return row_check(tuple(sorted((k, v) for k, v in meta.items() if k != "checksum")))


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events(id TEXT PRIMARY KEY, short_title TEXT, title TEXT, date TEXT,
                    checksum INTEGER);
CREATE TABLE sessions(event TEXT, id TEXT, title TEXT, kind TEXT, json TEXT, checksum INTEGER,
                      PRIMARY KEY(event, id));
CREATE TABLE speakers(event TEXT, id TEXT, name TEXT, json TEXT, checksum INTEGER,
                      PRIMARY KEY(event, id));
CREATE TABLE names(key TEXT, event TEXT, speaker TEXT);
CREATE TABLE topics(event TEXT, id TEXT, label TEXT, checksum INTEGER, PRIMARY KEY(event, id));
CREATE TABLE statements(
    rowid INTEGER PRIMARY KEY, id TEXT, event TEXT, speaker TEXT, session TEXT,
    kind TEXT, text TEXT, extra TEXT, note TEXT, checksum INTEGER);
    -- extra: [items, topics, paragraphs]; checksum: row_check() of the other columns
CREATE TABLE statement_cells(place INTEGER PRIMARY KEY, cells TEXT, w0 INTEGER, w1 INTEGER,
                              w2 INTEGER, w3 INTEGER, w4 INTEGER, w5 INTEGER, flags INTEGER,
                              bound INTEGER, checksum INTEGER);
    -- a statement's table cells (records.STATEMENT_CELLS, as text.escape.visible shows
    -- them, joined by U+001F), by the statement's place in report order (its rowid &
    -- PLACE_MASK: rows are appended as they are made); w0..w5: each cell's width (its
    -- widest line's, text.width.shown_width); flags: 1 if every cell is one line of
    -- narrow characters, | 2 if the last ends in neither a space nor nothing; bound: no
    -- text of the statement's record is longer; checksum: cells_check() of the rest
CREATE TABLE statement_records(place INTEGER PRIMARY KEY, record TEXT, checksum INTEGER);
    -- a statement's record (records.statement_json) as compact JSON, json_safe, by its
    -- place in report order, as statement_cells; checksum: the CRC-32 of its UTF-8
CREATE TABLE overviews(id INTEGER PRIMARY KEY, kind TEXT, event TEXT, key TEXT, record TEXT,
                       checksum INTEGER);
    -- kind 'speaker' or 'session'; id: overview_id() (kind first, then corpus order,
    -- so that a kind's rows lie together); record: its JSON as `poc speakers` /
    -- `poc sessions` lists it (records.speaker_json / session_json, with its statement
    -- count); checksum: the CRC-32 of the record's UTF-8 (the record names its event
    -- and id; one CRC a row streams 200,000 of them)
CREATE TABLE overview_cells(id INTEGER PRIMARY KEY, cells TEXT, checksum INTEGER);
    -- an overview's table cells (records.OVERVIEW_CELLS) as a table shows them
    -- (text.escape.visible: no control character, so U+001F can join them), under its
    -- overview's id, apart from the records so that a whole-corpus table reads only
    -- them (a speaker's record is about 4 times its cells); checksum: the CRC-32 of
    -- the cells' UTF-8 (a table shows nothing else of the row, and one CRC a row is
    -- what streams 200,000 of them).  The meta table keeps each kind's cells' widths
    -- and shape (<kind>_cells: text.width.CellsShape)
CREATE TABLE groups(by TEXT, event TEXT, key TEXT, statements INTEGER, first INTEGER,
                    last INTEGER);
    -- statements of one event by speaker, session, kind or topic: how many, the first
    -- (report order << 16, | the topic's place in its statement's list) and the last
CREATE TABLE organisations(name TEXT PRIMARY KEY, first INTEGER, checksum INTEGER)
    WITHOUT ROWID;
    -- every spelling of an organisation in the corpus (stats keys each by its fullest,
    -- the first met of equally long ones); first: where it is first met, in corpus
    -- order (its file's number << FILE_SHIFT, then its place among the file's new ones)
CREATE TABLE precomputed(name TEXT PRIMARY KEY, value TEXT);
    -- whole-corpus answers as JSON ('statistics': `poc stats --json`'s rows), each
    -- checked against meta's precomputed_<name> (CRC-32)
CREATE TABLE vocab(term TEXT PRIMARY KEY, canon TEXT, key TEXT, df INTEGER, len INTEGER,
                   initial TEXT) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE TABLE name_forms(key TEXT PRIMARY KEY, len INTEGER) WITHOUT ROWID;
INSERT INTO name_forms SELECT DISTINCT key, length(key) FROM names;
CREATE INDEX name_forms_len ON name_forms(len);
CREATE INDEX statements_id ON statements(id);
CREATE INDEX statements_speaker ON statements(event, speaker);
CREATE INDEX statements_session ON statements(event, session, speaker);
CREATE INDEX statements_session_id ON statements(session);
CREATE INDEX statements_kind ON statements(event, kind);
CREATE INDEX statements_place ON statements((rowid & 1099511627775));
CREATE INDEX overviews_key ON overviews(kind, event, key);
CREATE INDEX groups_by ON groups(by, event);
"""
_VOCAB_INDEXES = """
CREATE INDEX vocab_key ON vocab(key);
CREATE INDEX vocab_len ON vocab(len);
CREATE INDEX vocab_initial_len ON vocab(initial, len);
"""
OVERVIEW_KINDS = ("speaker", "session")


def overview_id(kind_number: int, file_number: int, place: int) -> int:
    """The id of an overview row: its kind's number (its place in
    :data:`OVERVIEW_KINDS`), its dataset's number and its place among the dataset's
    overviews of that kind (from 1): one kind's rows lie together, in corpus order,
    and a shard's ids need no renumbering."""
    return kind_number << LENGTH_SHIFT | file_number << FILE_SHIFT | place


def overview_ids(kind: str) -> tuple[int, int]:
    """``(low, high)``: the ids of ``kind``'s overviews are above low and below high."""
    number = OVERVIEW_KINDS.index(kind)
    return number << LENGTH_SHIFT, (number + 1) << LENGTH_SHIFT


OVERVIEWS_ALL = (
    "SELECT CAST(group_concat(record, ',') AS BLOB)"
    " FROM (SELECT record FROM overviews WHERE kind = ? ORDER BY rowid)"
)
"""Every overview record of a kind, in corpus order, as the members of one JSON array
(UTF-8 bytes): the meta table keeps the CRC-32 of it (``<kind>_overviews``)."""
PLACE_MASK = (1 << LENGTH_SHIFT) - 1
"""``rowid & PLACE_MASK``: a statement's file number and place, i.e. report order (the
``statements_place`` index above writes the number out: it must be the same)."""


FTS_BUILD_OPTIONS = (("automerge", 0), ("crisismerge", 256))
"""FTS5 options of a table being built (see :func:`_create_fts`); they do not change
what it holds or how it ranks."""


def _create_fts(conn: sqlite3.Connection, name: str) -> None:
    """A contentless FTS5 table over :data:`FTS_COLUMNS`, ranked by weighted bm25."""
    conn.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(FTS_COLUMNS)}, content='',"
        f" tokenize='{TOKENIZER}')"
    )
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    conn.execute(f"INSERT INTO {name}({name}, rank) VALUES('rank', ?)", (f"bm25({weights})",))
    # No merging of segments while building: each writer merges its table once, at the
    # end ('optimize').  FTS5's default (automerge 4, crisismerge 16) merged the same
    # postings again and again: filling and optimizing a table of 100,000 statements
    # took 1.8 s against 1.3 s without, of 500,000 10.7 s against 7.0 s (the pending
    # terms, and so the memory, stay as they were).
    for option, value in FTS_BUILD_OPTIONS:
        conn.execute(f"INSERT INTO {name}({name}, rank) VALUES(?, ?)", (option, value))


def _nfc(text: str) -> str:
    # unicode61 treats a combining mark as a separator; composed text keeps words whole.
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else (unicodedata.normalize("NFC", text))
    )
