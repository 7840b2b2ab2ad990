"""Listings served from the index: the SQL of ``poc quotes``, ``speakers``, ``sessions``
and ``stats`` over a big corpus, giving the same records as :mod:`poc_cli.queries` gives
over the loaded corpus (``tests/core/test_listings_index.py`` compares their bytes).

Report order is the order of the corpus: file number, then place in the file, which
are the low 40 bits of a statement's rowid (:data:`~.schema.LENGTH_SHIFT`; the
``statements_place`` index keeps them sorted).  Every row served is checked against
its checksum, as :meth:`~.read.Index.statements` checks them: a row that does not
match raises :class:`~.read.IndexDamaged`, never shows.  Counts (statements per
speaker, session, kind, topic) come from the indexed columns without reading every
row's checksum, as the search's own filters do.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple
from zlib import crc32

from poc_cli.lazy import LazyRecords
from poc_cli.model import Event, Session, Speaker
from poc_cli.records import OVERVIEW_CELLS, STATEMENT_CELLS, Record, statement_json
from poc_cli.text.width import CellsShape

from .catalog import filter_sql
from .read import IndexDamaged, _checked_speakers, _damaged
from .schema import (
    OVERVIEWS_ALL,
    PLACE_MASK,
    cells_check,
    overview_ids,
    row_check,
    statement_check,
)

if TYPE_CHECKING:
    from poc_cli.filters import StatementFilter

    from .read import Index

CHUNK = 500
"""Statements read per query while records are written."""
KEEP = 20000
"""Up to this many statements, a listing's records (or, for a plain table, their stored
cells) are read once, when it is made, and kept: every row is checked before the first
is written, and a damaged index is rebuilt rather than found half-way (a record is
about 2 KB: 40 MB at most)."""

_ROWS = (
    "SELECT rowid, id, event, speaker, session, kind, text, extra, note, checksum"
    " FROM statements WHERE rowid IN "
)


def statement_rowids(index: Index, flt: StatementFilter) -> Sequence[int]:
    """The rowids of the statements that pass ``flt``, in report order (a list; for no
    filter at all, a :class:`ReportOrder` that reads them as they are needed)."""
    where, params = filter_sql(flt)
    if not where:
        # Every statement: read in order from the statements_place index as they are
        # written, never held (a million rowids were 40 MB before the first byte).
        return ReportOrder(index)
    rows = index.conn.execute(
        f"SELECT s.rowid FROM statements s WHERE {where} ORDER BY s.rowid & {PLACE_MASK}", params
    )
    return [r for (r,) in rows]


_IN_ORDER = (
    f"SELECT rowid FROM statements WHERE (rowid & {PLACE_MASK}) > ?"
    f" ORDER BY (rowid & {PLACE_MASK}) LIMIT ?"
)
"""The next rowids in report order after a place: a walk along statements_place."""


class ReportOrder(Sequence[int]):
    """The rowid of every statement, in report order, read from the index a page at a
    time (:meth:`pages`: each page starts where the last one ended, by the
    ``statements_place`` index); indexing and slicing read what they ask for."""

    def __init__(self, index: Index) -> None:
        self._index = index
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self._index.statement_count  # (the meta table's, checked)
        return self._count

    def pages(self, size: int, skip: int = 0) -> Iterator[list[int]]:
        """The rowids, ``size`` at a time, after the first ``skip``."""
        conn = self._index.conn
        after = -1
        if skip:
            first = self[skip - 1 : skip]
            if not first:
                return
            after = first[0] & PLACE_MASK
        while True:
            page = [r for (r,) in conn.execute(_IN_ORDER, (after, size))]
            if not page:
                return
            yield page
            after = page[-1] & PLACE_MASK

    def __getitem__(self, index: Any) -> Any:
        sql = f"SELECT rowid FROM statements ORDER BY (rowid & {PLACE_MASK}) LIMIT ? OFFSET ?"
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            rows = self._index.conn.execute(sql, (max(0, stop - start), start))
            return [r for (r,) in rows]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return self._index.conn.execute(sql, (1, position)).fetchone()[0]

    def __iter__(self) -> Iterator[int]:
        for page in self.pages(CHUNK):
            yield from page


def rowids_by_speaker(
    index: Index, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], list[int]]:
    """The rowids of each (event, speaker id)'s statements, in report order: one query
    for every person of a profile listing (``speakers NAME``), not one each."""
    if not keys:
        return {}
    pairs = sorted(set(keys))
    values = ",".join("(?,?)" for _ in pairs)
    rows = index.conn.execute(
        "SELECT s.event, s.speaker, s.rowid FROM statements s WHERE (s.event, s.speaker) IN"
        f" (SELECT column1, column2 FROM (VALUES {values}))",
        [x for pair in pairs for x in pair],
    )
    out: dict[tuple[str, str], list[int]] = {pair: [] for pair in pairs}
    for event, speaker, rowid in rows:
        out[(event, speaker)].append(rowid)
    for found in out.values():
        found.sort(key=lambda r: r & PLACE_MASK)
    return out


class Bounded(list[Record]):
    """Records with a bound on the longest text in any of them (the build's, or
    :func:`statement_records`'s): ``output.formats.cut_for_display`` need not look
    through every field of 21,386 speakers or 11,056 statements to find that none is
    too long to show."""

    longest_text: int | None = None


class _StatementRows(NamedTuple):
    """Statement rows read by rowid, with their events, speakers and sessions, checked."""

    rows: list[tuple[Any, ...]]
    events: dict[Any, tuple[Any, ...]]
    speakers: dict[Any, tuple[Any, ...]]
    sessions: dict[Any, tuple[Any, ...]]

    def parts(self, r: tuple[Any, ...]) -> tuple[tuple[Any, ...], ...]:
        """The event, speaker and session rows of statement row ``r``."""
        event = self.events.get(r[2])
        speaker = self.speakers.get((r[2], r[3]))
        session = self.sessions.get((r[2], r[4]))
        if event is None or speaker is None or session is None:
            raise IndexDamaged(f"the event, speaker or session of statement row {r[0]} is missing")
        return event, speaker, session

    def longest_text(self) -> int:
        """No text of their records is longer than this (the longest value each is made
        of; the items and topics are inside the extra JSON, which escapes only lengthen)."""
        rows = self.rows
        return max(
            max((sum(map(len, r[1:8])) + len(r[8] or "") for r in rows), default=0),
            max((len(e[1] or "") + len(e[3] or "") for e in self.events.values()), default=0),
            max((len(p[2]) for p in self.speakers.values()), default=0),
            max((len(x[2]) for x in self.sessions.values()), default=0),
        )


def _statement_rows(index: Index, rowids: Sequence[int]) -> _StatementRows:
    """The statements are read by rowid, then their events, speakers and sessions, each
    once (joined row by row, SQLite looked each of them up again for every statement:
    three times the time for one person's 1,568 statements at 100,000)."""
    conn = index.conn
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(f"{_ROWS}({marks})", list(rowids)).fetchall()
    if len(rows) != len(set(rowids)):
        raise IndexDamaged("a listed statement is missing from the index")
    for r in rows:
        if statement_check(r) != r[9]:
            raise _damaged(f"statement row {r[0]}")
    events = _rows_by_key(
        conn,
        "SELECT id, short_title, title, date, checksum FROM events WHERE id IN",
        {r[2] for r in rows},
    )
    speakers = _rows_by_key(
        conn,
        "SELECT event, id, name, json, checksum FROM speakers WHERE (event, id) IN",
        {(r[2], r[3]) for r in rows},
    )
    sessions = _rows_by_key(
        conn,
        "SELECT event, id, title, kind, json, checksum FROM sessions WHERE (event, id) IN",
        {(r[2], r[4]) for r in rows},
    )
    return _StatementRows(rows, events, speakers, sessions)


def statement_records(index: Index, rowids: Sequence[int]) -> Bounded:
    """:func:`poc_cli.records.statement_json` of these statements, in this order,
    each row checked against its checksum (and its event, speaker and session's)."""
    if not rowids:
        return Bounded()
    found = _statement_rows(index, rowids)
    rows = found.rows
    # Every row's extra JSON decoded by one call (one call a row was a quarter of the time).
    try:
        extras = json.loads("[" + ",".join([r[7] for r in rows]) + "]")
    except (TypeError, ValueError):
        raise IndexDamaged("a statement row does not decode") from None
    made: dict[int, Record] = {}
    for r, extra in zip(rows, extras, strict=True):
        event, speaker, session = found.parts(r)
        try:
            items, topics, paragraphs = extra
            made[r[0]] = statement_json(
                id=r[1],
                speaker=(r[3], speaker[2]),
                session=(r[4], session[2]),
                event=(r[2], event[1], event[3]),
                kind=r[5],
                text=r[6],
                items=tuple(items),
                topics=tuple(topics),
                paragraphs=tuple(paragraphs),
                note=r[8],
            )
        except (TypeError, ValueError):
            raise IndexDamaged(f"statement row {r[0]} does not decode") from None
    out = Bounded([made[rowid] for rowid in rowids])
    out.longest_text = found.longest_text()
    return out


_CELLS = (
    "SELECT place, cells, w0, w1, w2, w3, w4, w5, flags, bound, checksum"
    " FROM statement_cells WHERE place IN "
)
_CELLS_SHAPE = (
    "SELECT max(w0), max(w1), max(w2), max(w3), max(w4), max(w5), min(flags & 1),"
    " min(flags & 2), max(bound), count(*) FROM statement_cells"
)


def statement_cell_rows(
    index: Index, rowids: Sequence[int], within: CellsShape | None = None
) -> list[tuple[str, tuple[int, ...]]]:
    """The table cells of these statements as the build stored them
    (:data:`~poc_cli.records.STATEMENT_CELLS`, as ``text.escape.visible`` shows them,
    joined by U+001F), each with its stored numbers (w0..w5, flags, bound), in this
    order, each row checked against its checksum, without making their records.
    ``within``: the shape a table was laid out by (:func:`statement_cells_shape`); a
    row that does not fit it is damage."""
    if not rowids:
        return []
    places, rows = _by_place(index, _CELLS, rowids, "cells")
    by_place: dict[int, tuple[str, tuple[int, ...]]] = {}
    for r in rows:
        cells, numbers = r[1], r[2:10]
        if type(cells) is not str or cells_check(cells, numbers) != r[10]:
            raise _damaged(f"statement row {r[0]}'s cells")
        if within is not None and not _fits(numbers, within):
            raise _damaged(f"statement row {r[0]}'s cells")
        by_place[r[0]] = (cells, numbers)
    return [by_place[place] for place in places]


def _by_place(
    index: Index, sql: str, rowids: Sequence[int], what: str
) -> tuple[list[int], list[tuple[Any, ...]]]:
    """The places of these statements (``rowid & PLACE_MASK``: what statement_cells and
    statement_records are keyed by) and the rows ``sql`` (``… WHERE place IN``) reads
    for them; a row missing is damage."""
    places = [rowid & PLACE_MASK for rowid in rowids]
    rows = index.conn.execute(f"{sql}({','.join('?' * len(places))})", places).fetchall()
    if len(rows) != len(set(places)):
        raise IndexDamaged(f"a listed statement's {what} is missing from the index")
    return places, rows


_RECORDS = "SELECT place, CAST(record AS BLOB), checksum FROM statement_records WHERE place IN "


def statement_json_rows(index: Index, rowids: Sequence[int]) -> list[bytes]:
    """The records of these statements as the build stored them: the compact UTF-8 JSON
    of :func:`~poc_cli.records.statement_json`, json_safe, in this order, each checked
    against its CRC, without decoding one (``--json`` formats them as they are)."""
    if not rowids:
        return []
    places, rows = _by_place(index, _RECORDS, rowids, "record")
    if any([type(r[1]) is not bytes or crc32(r[1]) != r[2] for r in rows]):
        raise _damaged("a statement record")
    by_place = {r[0]: r[1] for r in rows}
    return [by_place[place] for place in places]


def _shape_of(numbers: Sequence[tuple[int, ...]]) -> tuple[CellsShape | None, int]:
    """The shape of rows with these stored numbers (w0..w5, flags, bound), and their
    bound."""
    if not numbers:
        return None, 0
    widths = tuple(max([n[i] for n in numbers]) for i in range(6))
    simple = all([n[6] & 1 for n in numbers])
    plain_ends = all([n[6] & 2 for n in numbers])
    return CellsShape(widths, simple, plain_ends), max([n[7] for n in numbers])


def _fits(numbers: tuple[int, ...], shape: CellsShape) -> bool:
    """True if a row's stored widths and flags (w0..w5, flags) are within ``shape``."""
    flags = numbers[6]
    return (
        all([w <= most for w, most in zip(numbers[:6], shape.widths, strict=True)])
        and (bool(flags & 1) or not shape.simple)
        and (bool(flags & 2) or not shape.plain_ends)
    )


def statement_cells_shape(index: Index, rowids: Sequence[int]) -> tuple[CellsShape | None, int]:
    """The :class:`~poc_cli.text.width.CellsShape` of these statements' stored cells
    and a bound on their records' longest text, from their stored widths (no cell
    read); (None, 0) for none.  The widths are checked with their rows' checksums as
    the rows are read (:func:`statement_cell_rows` ``within``)."""
    if not rowids:
        return None, 0
    conn = index.conn
    if isinstance(rowids, ReportOrder):
        found = [conn.execute(_CELLS_SHAPE).fetchone()]
    else:
        found = []
        for start in range(0, len(rowids), CHUNK):
            page = [rowid & PLACE_MASK for rowid in rowids[start : start + CHUNK]]
            sql = f"{_CELLS_SHAPE} WHERE place IN ({','.join('?' * len(page))})"
            found.append(conn.execute(sql, page).fetchone())
    if sum([row[9] for row in found]) != len(rowids) or any(None in row for row in found):
        raise IndexDamaged("a listed statement's cells are missing from the index")
    # (each page's maxima, and its flags as one row's: 1 and 2 set where all had them)
    return _shape_of(
        [(*row[:6], (1 if row[6] else 0) | (2 if row[7] else 0), row[8]) for row in found]
    )


def _rows_by_key(conn: Any, sql: str, keys: set[Any]) -> dict[Any, tuple[Any, ...]]:
    """The rows of ``sql`` (``… WHERE key IN``) for these keys (a value or a pair), by
    key, each checked against its checksum (its last column)."""
    if not keys:
        return {}
    ordered = sorted(keys)
    pairs = isinstance(ordered[0], tuple)
    if pairs:
        # Through a subquery, so that SQLite searches the primary key for each pair.
        values = ",".join("(?,?)" for _ in ordered)
        rows = conn.execute(
            f"{sql} (SELECT column1, column2 FROM (VALUES {values}))",
            [x for key in ordered for x in key],
        )
    else:
        rows = conn.execute(f"{sql} ({','.join('?' * len(ordered))})", ordered)
    check = row_check
    out: dict[Any, tuple[Any, ...]] = {}
    for row in rows:
        if check(row[:-1]) != row[-1]:
            raise _damaged("the event, speaker or session of a statement")
        out[(row[0], row[1]) if pairs else row[0]] = row
    return out


def _guarded(on_damage: Any, read: Callable[..., Any], *args: Any) -> Any:
    """``read(*args)``; damage found there goes to ``on_damage``, which must raise, if
    there is one (the output has begun: the caller cannot rebuild and start again)."""
    import sqlite3

    try:
        return read(*args)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if on_damage is not None:
            on_damage(exc)
        raise


def _decode(text: Any) -> Any:
    if not isinstance(text, str):
        raise IndexDamaged("a JSON column does not hold text")
    return json.loads(text)


class IndexRecords(LazyRecords[Record]):
    """The records of ``rowids``, read from the index :data:`CHUNK` at a time as they
    are written (memory stays flat however many there are).

    ``on_damage(exc)`` is called, and must raise, if a row read after the first chunk
    fails its checksum: the output has begun, so the caller cannot quietly rebuild
    and start again (the first chunk is read, and checked, when this is made)."""

    __slots__ = (
        "_cell_rows",
        "_cells",
        "_first",
        "_index",
        "_json",
        "_on_damage",
        "_rowids",
        "_shape",
    )
    _first: list[Record] | None
    _shape: tuple[CellsShape | None, int] | None
    _cells: list[str] | None
    _json: list[bytes] | None
    _cell_rows: list[tuple[str, tuple[int, ...]]] | None
    every_record_has_event = True
    """Each is :func:`~poc_cli.records.statement_json`'s, with its event: tables need not
    read them all to know (``output.tables.with_event_column``)."""

    def __init__(
        self,
        index: Index,
        rowids: Sequence[int],
        on_damage: Any = None,
        records: list[Record] | None = None,
        *,
        for_table: bool = False,
        for_json: bool = False,
        stored_json: list[bytes] | None = None,
        stored_cells: list[tuple[str, tuple[int, ...]]] | None = None,
    ) -> None:
        """``records``: those of every rowid, already read (and checked) by the caller.
        ``for_table``: they will be written as a plain table; past :data:`CHUNK`, from
        the cells stored at build time, and no record is made unless asked for: up to
        :data:`KEEP`, every row's cells are read (and checked) now, as the records of a
        short listing are; past it, the table is laid out by the stored widths and
        each page of cells read as it is written.  ``for_json``: they will be written
        as ``--json``, from the JSON stored at build time (:meth:`json_pages`), and no
        record is made: read (and checked) now up to :data:`KEEP`, unless the caller
        read it (``stored_json``: the stored JSON of every rowid, checked).
        ``stored_cells``: the stored cell rows of every rowid (:func:`statement_cell_rows`,
        checked), for a plain table or a profile's grid (:meth:`grid_cells`)."""
        super().__init__(rowids, lambda rowid: self._read([rowid])[0])
        self._index = index
        self._rowids = rowids
        self._on_damage = on_damage
        self._shape = None
        self._cells = None
        self._json = None
        self._cell_rows = None
        if records is not None and len(records) == len(rowids):
            self._first = records
        elif stored_cells is not None and len(stored_cells) == len(rowids):
            self._first = None
            self._cell_rows = stored_cells
            self._cells = [cells for cells, _ in stored_cells]
            self._shape = _shape_of([numbers for _, numbers in stored_cells])
        elif for_json:
            self._first = None
            if stored_json is not None and len(stored_json) == len(rowids):
                self._json = stored_json
            elif len(rowids) <= KEEP:
                self._json = statement_json_rows(index, rowids)
        elif for_table and len(rowids) > CHUNK:
            self._first = None
            if len(rowids) <= KEEP:
                rows = statement_cell_rows(index, rowids)
                self._cells = [cells for cells, _ in rows]
                self._shape = _shape_of([numbers for _, numbers in rows])
        else:
            first = rowids[: KEEP if len(rowids) <= KEEP else CHUNK]
            self._first = statement_records(index, first)

    def _read(self, rowids: Sequence[int]) -> list[Record]:
        return _guarded(self._on_damage, statement_records, self._index, rowids)  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return len(self._rowids)

    def __getitem__(self, index: Any) -> Any:
        kept = self._kept()
        if kept is not None:
            return kept[index]
        if isinstance(index, slice):
            return self._read(self._rowids[index])
        return self._read([self._rowids[index]])[0]

    @property
    def longest_text(self) -> int | None:
        """A bound on the longest text of any record: of those read at once, or the
        one stored with their cells (:meth:`cells_shape`)."""
        kept = self._kept()
        if kept is not None:
            return getattr(kept, "longest_text", None)
        return self._stored_shape()[1]

    @property
    def cells_of(self) -> tuple[Callable[[Record], str], ...]:
        """The cell functions whose texts :meth:`cell_pages` gives (the event's first)."""
        return STATEMENT_CELLS

    def cells_shape(self) -> CellsShape | None:
        """The widths and shape of :meth:`cell_pages`' cells, from the widths stored
        with them (no cell measured); None when the records were read at once (a table
        is made from them)."""
        return None if self._kept() is not None else self._stored_shape()[0]

    def cell_pages(self) -> Iterator[list[str]]:
        """Every statement's stored table cells (:func:`statement_cell_rows`), a page
        at a time: a big table written as it is read, memory that of a page, each row
        checked against the shape the table was laid out by."""
        if self._cells is not None:  # read, and checked, when this was made
            for start in range(0, len(self._cells), CHUNK):
                yield self._cells[start : start + CHUNK]
            return
        shape = self._stored_shape()[0]
        for page in self._rowid_pages():
            rows = self._guarded(statement_cell_rows, self._index, page, shape)
            yield [cells for cells, _ in rows]

    def grid_cells(self) -> list[tuple[str, tuple[int, ...]]] | None:
        """The stored cell rows of every statement, when they were given
        (``stored_cells``): a profile's statements drawn into a pipe from them
        (``output.details.plain_grid``), no record made."""
        return self._cell_rows

    def json_pages(self) -> Iterator[list[bytes]]:
        """Every statement's record as the compact JSON the build stored
        (:func:`statement_json_rows`), a page at a time: ``--json`` formats it without
        making a record (``output.formats.json_chunks``)."""
        if self._json is not None:  # read, and checked, when this was made
            # (in pages: one page of 10,000 took msgspec twice as long to format)
            for start in range(0, len(self._json), CHUNK):
                yield self._json[start : start + CHUNK]
            return
        for page in self._rowid_pages():
            yield self._guarded(statement_json_rows, self._index, page)

    def _stored_shape(self) -> tuple[CellsShape | None, int]:
        """The cells' shape and the records' longest text, from the stored widths
        (:func:`statement_cells_shape`; damage goes to ``on_damage``)."""
        if self._shape is None:
            self._shape = self._guarded(statement_cells_shape, self._index, self._rowids)
        return self._shape

    def _rowid_pages(self) -> Iterator[Sequence[int]]:
        rowids = self._rowids
        if isinstance(rowids, ReportOrder):  # walked page by page, not by offsets
            yield from rowids.pages(CHUNK)
            return
        for start in range(0, len(rowids), CHUNK):
            yield rowids[start : start + CHUNK]

    def _guarded(self, read: Callable[..., Any], *args: Any) -> Any:
        return _guarded(self._on_damage, read, *args)

    def _kept(self) -> list[Record] | None:
        """Every record, when they were all read at once (:data:`KEEP`)."""
        first = self._first
        return first if first is not None and len(first) == len(self._rowids) else None

    def __iter__(self) -> Iterator[Record]:
        kept = self._kept()
        if kept is not None:
            yield from kept
            return
        pages = self._rowid_pages()
        first, self._first = self._first, None
        if first is not None:  # the first page, read when this was made
            next(pages, None)
            yield from first
        for page in pages:
            yield from self._read(page)

    def __repr__(self) -> str:
        return f"IndexRecords({len(self)} records)"


class Profiles(list[Record]):
    """Speaker profiles (``poc speakers NAME``) whose ``statement_list`` is last and an
    :class:`IndexRecords` made ``for_json``: :meth:`json_pages` writes each profile's
    JSON around its statements' stored JSON, none of them made a record."""

    PAGE = 200
    """Profiles a page of :meth:`json_pages`."""

    @property
    def json_size(self) -> int:
        """How many records :meth:`json_pages` writes: the profiles and their
        statements (``output.formats.json_chunks`` takes them from enough)."""
        return len(self) + sum([len(p["statement_list"]) for p in self])

    def json_pages(self) -> Iterator[list[bytes]]:
        """Each profile as compact JSON (json_safe), :data:`PAGE` at a time: its own
        fields encoded by msgspec, as ``output.formats`` encodes a record, then its
        statements' stored JSON (``output.formats.json_chunks`` formats them)."""
        import msgspec

        from poc_cli.text.escape import json_safe

        encode = msgspec.json.Encoder().encode
        page: list[bytes] = []
        for profile in self:
            statements = profile["statement_list"]
            if list(profile)[-1] != "statement_list" or not isinstance(statements, IndexRecords):
                raise TypeError("a profile's statement_list must be last, from the index")
            head = encode({k: v for k, v in profile.items() if k != "statement_list"})
            listed = b",".join([record for part in statements.json_pages() for record in part])
            head = json_safe(head[:-1].decode()).encode() + (b"," if head != b"{}" else b"")
            page.append(head + b'"statement_list":[' + listed + b"]}")
            if len(page) >= self.PAGE:
                yield page
                page = []
        if page:
            yield page


# ---------------------------------------------------------------- the overviews


def events(index: Index, ids: Sequence[str] | None = None) -> dict[str, Event]:
    """Every event (or those of ``ids``), by id, in corpus order, each row checked
    (only the fields stored)."""
    sql = "SELECT id, short_title, title, date, checksum FROM events"
    if ids is not None:
        sql += f" WHERE id IN ({','.join('?' * len(ids))})"
    rows = index.conn.execute(sql + " ORDER BY rowid", list(ids or ())).fetchall()
    out = {}
    for ident, short_title, title, date, stored in rows:
        if row_check((ident, short_title, title, date)) != stored:
            raise _damaged("an event row")
        out[ident] = Event(
            id=ident,
            short_title=short_title,
            title=title,
            host=None,
            co_sponsors=(),
            venue=None,
            date=date,
        )
    return out


def speakers(index: Index, event: str | None = None) -> list[tuple[str, Speaker]]:
    """(event, Speaker) of every speaker (of one event), in corpus order, checked."""
    sql = "SELECT event, id, name, json, checksum FROM speakers"
    sql += " WHERE event = ?" if event is not None else ""
    rows = index.conn.execute(sql + " ORDER BY rowid", _one(event)).fetchall()
    return _checked_speakers(rows)


def speakers_of(index: Index, keys: Sequence[tuple[str, str]]) -> list[tuple[str, Speaker]]:
    """(event, Speaker) of these (event, speaker id) keys, in corpus order, checked."""
    if not keys:
        return []
    values = ",".join("(?,?)" for _ in keys)
    rows = index.conn.execute(
        "SELECT event, id, name, json, checksum FROM speakers WHERE (event, id) IN"
        f" (SELECT column1, column2 FROM (VALUES {values})) ORDER BY rowid",
        [x for key in keys for x in key],
    ).fetchall()
    if len(rows) != len(set(keys)):
        raise IndexDamaged("a speaker is missing from the index")
    return _checked_speakers(rows)


def sessions(index: Index, event: str | None = None) -> list[tuple[str, Session]]:
    """(event, Session) of every session (of one event), in corpus order, checked."""
    from poc_cli.schema.codec import session_from_dict

    sql = "SELECT event, id, title, kind, json, checksum FROM sessions"
    sql += " WHERE event = ?" if event is not None else ""
    rows = index.conn.execute(sql + " ORDER BY rowid", _one(event)).fetchall()
    out = []
    for r in rows:
        if row_check(r[:5]) != r[5]:
            raise _damaged("a session row")
        try:
            out.append((r[0], session_from_dict(_decode(r[4]))))
        except (TypeError, ValueError, KeyError, AttributeError):
            raise IndexDamaged("a session row does not decode") from None
    return out


OVERVIEWS_KEEP = 5_000
"""Up to this many overview records, the whole corpus's are read at once (one text,
one CRC, one decode); more are read as they are written (:class:`OverviewRecords`):
as quick at 21,386 speakers (100k, ``speakers --json`` 0.5 s) in 30 MB instead of
127, and 200,000 speakers at a million statements took 1 GB at once."""


def overview_records(
    index: Index, kind: str, event: str | None = None, on_damage: Any = None
) -> Sequence[Record]:
    """The overview record of every speaker or session (``kind``; of one event), in
    corpus order, as made at build time (records.speaker_json / session_json with the
    statement count), checked: the whole corpus's as one text against the meta
    table's CRC-32 (more than :data:`OVERVIEWS_KEEP`: row by row as they are read,
    ``on_damage`` as :class:`IndexRecords` takes it), one event's row by row."""
    if event is None:
        count = index.meta.get(f"{kind}_count", "")
        if count.isdigit() and int(count) > OVERVIEWS_KEEP:
            return OverviewRecords(index, kind, int(count), on_damage)
        (text,) = index.conn.execute(OVERVIEWS_ALL, (kind,)).fetchone()
        text = text or b""
        if not isinstance(text, bytes) or str(crc32(text)) != index.meta.get(f"{kind}_overviews"):
            raise _damaged(f"the {kind} overviews")
        records = Bounded(_decode_records(b"[" + text + b"]"))
        longest = index.meta.get(f"{kind}_longest", "")
        records.longest_text = int(longest) if longest.isdigit() else None
        return records
    rows = index.conn.execute(
        "SELECT kind, event, key, record, checksum FROM overviews"
        " WHERE kind = ? AND event = ? ORDER BY rowid",
        (kind, event),
    ).fetchall()
    return _checked_overviews(rows)


_OVERVIEW_PAGE = (
    "SELECT id, kind, event, key, record, checksum FROM overviews"
    " WHERE +kind = ? AND id > ? AND id < ? ORDER BY id LIMIT ?"
)
"""(``+kind``: along the table from the last id, within the kind's ids
(``schema.overview_ids``); by the overviews_key index SQLite sorted every record of
the kind for each page.)"""


_RECORD_PAGE = (
    "SELECT id, CAST(record AS BLOB), checksum FROM overviews"
    " WHERE +kind = ? AND id > ? AND id < ? ORDER BY id LIMIT ?"
)
_CELL_PAGE = (
    "SELECT id, CAST(cells AS BLOB), checksum FROM overview_cells"
    " WHERE id > ? AND id < ? ORDER BY id LIMIT ?"
)
FIRST_PAGE = 50
"""Overview records read when an :class:`OverviewRecords` is made."""
CELL_PAGE = 2000
"""Overview rows whose table cells are read, and written, together."""


class OverviewRecords(LazyRecords[Record]):
    """The whole corpus's overview records of a kind, read :data:`CHUNK` at a time as
    they are written, each row checked (memory stays flat).  The first chunk is read
    when this is made, so damage there means a rebuild; later, ``on_damage(exc)`` is
    called and must raise, as for :class:`IndexRecords`."""

    every_record_has_event = True

    def __init__(self, index: Index, kind: str, count: int, on_damage: Any = None) -> None:
        super().__init__(range(count), lambda n: self[n])
        self._index = index
        self._kind = kind
        self._count = count
        self._on_damage = on_damage
        longest = index.meta.get(f"{kind}_longest", "")
        self.longest_text = int(longest) if longest.isdigit() else None
        # A few first, checked now: damage there is a rebuild, not an error mid-output
        # (and a table or --json written from the stored cells or JSON decodes no more).
        self._low, self._high = overview_ids(kind)
        self._first: tuple[int, list[Record]] | None = self._page(self._low, FIRST_PAGE)

    def _page(self, after: int, size: int) -> tuple[int, list[Record]]:
        rows = self._index.conn.execute(
            _OVERVIEW_PAGE, (self._kind, after, self._high, size)
        ).fetchall()
        return (rows[-1][0] if rows else after), _checked_overviews([r[1:] for r in rows])

    def _read(self, after: int, size: int) -> tuple[int, list[Record]]:
        return _guarded(self._on_damage, self._page, after, size)  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return self._count

    @property
    def cells_of(self) -> tuple[Callable[[Record], str], ...]:
        """The cell functions whose texts :meth:`cell_pages` gives (the event's first)."""
        return OVERVIEW_CELLS[self._kind]

    def cells_shape(self) -> CellsShape | None:
        """The widths and shape of :meth:`cell_pages`' cells, as the build measured
        them, or None if the index does not say."""
        shape = CellsShape.of_text(self._index.meta.get(f"{self._kind}_cells", ""))
        return shape if shape is not None and len(shape.widths) == len(self.cells_of) else None

    def cell_pages(self) -> Iterator[list[str]]:
        """Every record's table cells (:attr:`cells_of`, as ``text.escape.visible``
        shows them) joined by U+001F, :data:`CELL_PAGE` records at a time, in corpus
        order, each row checked against its CRC: a whole-corpus table written in one
        pass, without decoding a record (``output.plain.plain_table_of_cells``)."""
        conn = self._index.conn
        kind = self._kind

        def page(after: int) -> list[Any]:
            rows = conn.execute(_CELL_PAGE, (after, self._high, CELL_PAGE)).fetchall()
            if any([type(r[1]) is not bytes or crc32(r[1]) != r[2] for r in rows]):
                raise _damaged(f"a {kind} overview row")
            return rows

        for rows in self._pages(page):
            yield b"\x1e".join([r[1] for r in rows]).decode("utf-8", "surrogatepass").split("\x1e")

    def json_pages(self) -> Iterator[list[bytes]]:
        """Every record as the compact UTF-8 JSON the build wrote (the records are
        this JSON decoded), :data:`CELL_PAGE` at a time, each row checked: ``--json``
        formats it without decoding and encoding every record again
        (``output.formats.json_chunks``)."""
        conn = self._index.conn
        kind = self._kind

        def page(after: int) -> list[Any]:
            rows = conn.execute(_RECORD_PAGE, (kind, after, self._high, CELL_PAGE)).fetchall()
            if any([type(r[1]) is not bytes or crc32(r[1]) != r[2] for r in rows]):
                raise _damaged(f"a {kind} overview row")
            return rows

        for rows in self._pages(page):
            yield [r[1] for r in rows]

    def _pages(self, page: Callable[[int], list[Any]]) -> Iterator[list[Any]]:
        """The pages ``page(after rowid)`` reads (rows whose first value is the rowid),
        until one is empty; damage goes to ``on_damage``; and they must add up."""
        last, seen = self._low, 0
        while rows := self._guarded(page, last):
            last = rows[-1][0]
            seen += len(rows)
            yield rows
        if seen != self._count:
            missing = IndexDamaged(f"the {self._kind} overviews do not add up")
            if self._on_damage is not None:
                self._on_damage(missing)
            raise missing

    def _guarded(self, read: Callable[..., Any], *args: Any) -> Any:
        return _guarded(self._on_damage, read, *args)

    def __iter__(self) -> Iterator[Record]:
        first, self._first = self._first, None
        last, records = first if first is not None else self._read(self._low, CHUNK)
        seen = len(records)
        yield from records
        while records:
            last, records = self._read(last, CHUNK)
            seen += len(records)
            yield from records
        if seen != self._count:
            missing = IndexDamaged(f"the {self._kind} overviews do not add up")
            if self._on_damage is not None:
                self._on_damage(missing)
            raise missing

    def __getitem__(self, index: Any) -> Any:
        sql = (
            "SELECT kind, event, key, record, checksum FROM overviews WHERE kind = ?"
            " ORDER BY rowid LIMIT ? OFFSET ?"
        )
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return list(self)[index]
            rows = self._index.conn.execute(sql, (self._kind, max(0, stop - start), start))
            return _checked_overviews(rows.fetchall())
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError(index)
        return _checked_overviews(
            self._index.conn.execute(sql, (self._kind, 1, position)).fetchall()
        )[0]

    def __repr__(self) -> str:
        return f"OverviewRecords({self._count} {self._kind} records)"


def overview_records_of(index: Index, kind: str, keys: Sequence[tuple[str, str]]) -> Bounded:
    """The overview records of these (event, id) keys, in corpus order, checked, with a
    bound on their longest text."""
    if not keys:
        none = Bounded()
        none.longest_text = 0
        return none
    values = ",".join("(?,?)" for _ in keys)
    rows = index.conn.execute(
        "SELECT kind, event, key, record, checksum FROM overviews WHERE kind = ? AND"
        f" (event, key) IN (SELECT column1, column2 FROM (VALUES {values})) ORDER BY rowid",
        [kind, *(x for key in keys for x in key)],
    ).fetchall()
    if len(rows) != len(set(keys)):
        raise IndexDamaged(f"a {kind} is missing from the index")
    records = Bounded(_checked_overviews(rows))
    # No text of a record is longer than its JSON (escapes only add).
    records.longest_text = max([len(r[3]) for r in rows], default=0)
    return records


def _checked_overviews(rows: Sequence[tuple[Any, ...]]) -> list[Record]:
    _checked_rows(rows)
    return _decode_records("[" + ",".join([r[3] for r in rows]) + "]")


def _checked_rows(rows: Sequence[tuple[Any, ...]]) -> None:
    """Overview rows (kind, event, key, record, checksum), each record checked against
    its checksum (the CRC-32 of its UTF-8: schema.py)."""
    try:
        ok = all([crc32(r[3].encode("utf-8", "surrogatepass")) == r[4] for r in rows])
    except (AttributeError, TypeError):  # not text (never written so)
        ok = False
    if not ok:
        raise _damaged(f"a {rows[0][0]} overview row")


_UNREAD = object()
_MSGSPEC_FROM = 1 << 20
"""JSON this long (bytes) or longer is decoded by msgspec: 2.4x the json module (1.7 MB of
statistics at 100k: 5.5 ms against 13), once its import (5.5 ms in a command) is paid."""


def _decode_records(text: str | bytes) -> list[Record]:
    records: Any = _UNREAD
    if len(text) >= _MSGSPEC_FROM:
        import msgspec

        # (the json module for what msgspec refuses: a lone surrogate, a huge number)
        with contextlib.suppress(TypeError, ValueError, msgspec.DecodeError):
            records = msgspec.json.decode(text)
    if records is _UNREAD:
        try:
            records = json.loads(text)
        except (TypeError, ValueError):
            raise IndexDamaged("an overview row does not decode") from None
    if type(records) is not list or not all(type(r) is dict for r in records):
        raise IndexDamaged("an overview row does not decode")
    return records


def speaker_counts(index: Index, event: str | None = None) -> dict[tuple[str, str], int]:
    """Statements per (event, speaker id), from the statements_speaker index."""
    sql = "SELECT event, speaker, count(*) FROM statements"
    sql += " WHERE event = ?" if event is not None else ""
    rows = index.conn.execute(sql + " GROUP BY event, speaker", _one(event))
    return {(e, s): n for e, s, n in rows}


def session_speakers(
    index: Index, event: str | None = None
) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(event, session) → [(speaker id, statements)] in order of each speaker's first
    statement in the session, from the statements_session index."""
    sql = "SELECT event, session, speaker, count(*), min(rowid & ?) AS first FROM statements"
    sql += " WHERE event = ?" if event is not None else ""
    sql += " GROUP BY event, session, speaker ORDER BY first"
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for e, s, speaker, n, _ in index.conn.execute(sql, (PLACE_MASK, *_one(event))):
        out.setdefault((e, s), []).append((speaker, n))
    return out


def _one(event: str | None) -> tuple[str, ...]:
    return () if event is None else (event,)


# ---------------------------------------------------------------- statistics


class Group(NamedTuple):
    """Statements of one (event, key) group: how many, the first one (report order, and
    for a topic its place in the statement's list) and the last one."""

    event: str
    key: str
    statements: int
    first: int
    last: int


def groups(index: Index, by: str, event: str | None = None) -> list[Group]:
    """Statements grouped by (event, ``by``): speaker, session, kind or topic, in order
    of each group's first statement."""
    # Counted at build time, a row per group (the groups table, by the groups_by index).
    sql = "SELECT event, key, statements, first, last FROM groups WHERE by = ?"
    sql += " AND event = ?" if event is not None else ""
    rows = index.conn.execute(sql, (by, *_one(event))).fetchall()
    if any(type(r[1]) is not str for r in rows):
        raise IndexDamaged(f"a statement's {by} does not decode")
    return sorted((Group(*r) for r in rows), key=lambda g: g.first)


def speaker_groups(
    index: Index, event: str | None = None
) -> Iterator[tuple[Group, str, tuple[str, ...]]]:
    """(group, name, organisations) of every speaker's statements (of one event), in
    order of each group's first statement, read as they are used (a million statements'
    200,000 speakers are not held), each speaker row checked."""
    where = " AND g.event = ?" if event is not None else ""
    rows = index.conn.execute(
        "SELECT g.event, g.key, g.statements, g.first, g.last, p.id, p.name, p.json, p.checksum"
        " FROM groups g LEFT JOIN speakers p ON p.event = g.event AND p.id = g.key"
        f" WHERE g.by = 'speaker'{where} ORDER BY g.first",
        _one(event),
    )
    check = row_check
    for r in rows:
        if type(r[1]) is not str or check((r[0], r[5], r[6], r[7])) != r[8]:
            raise _damaged(f"speaker {r[1]!r} of a statement group")
        try:
            organisations = tuple(_decode(r[7]).get("organisations") or ())
        except (TypeError, ValueError, AttributeError):
            raise IndexDamaged("a speaker row does not decode") from None
        yield Group(*r[:5]), r[6], organisations


def labelled_groups(index: Index, by: str, event: str | None = None) -> Iterator[tuple[Group, str]]:
    """(group, session title or topic label) of every session's or topic's statements
    (of one event), in order of each group's first statement, each label row checked."""
    where = " AND g.event = ?" if event is not None else ""
    if by == "session":
        sql = (
            "SELECT g.event, g.key, g.statements, g.first, g.last, t.title, t.checksum,"
            " t.id, t.kind, t.json FROM groups g"
            " LEFT JOIN sessions t ON t.event = g.event AND t.id = g.key"
        )
    else:
        sql = (
            "SELECT g.event, g.key, g.statements, g.first, g.last, t.label, t.checksum, t.id"
            " FROM groups g LEFT JOIN topics t ON t.event = g.event AND t.id = g.key"
        )
    rows = index.conn.execute(f"{sql} WHERE g.by = ?{where} ORDER BY g.first", (by, *_one(event)))
    check = row_check
    for r in rows:
        values = (r[0], r[7], r[5], r[8], r[9]) if by == "session" else (r[0], r[7], r[5])
        if type(r[1]) is not str or check(values) != r[6]:
            raise _damaged(f"{by} {r[1]!r} of a statement group")
        yield Group(*r[:5]), r[5]


def organisation_spellings(index: Index) -> list[str]:
    """Every spelling of an organisation in the corpus, in the order the corpus first
    gives each (as the loaded corpus's speakers list them), each row checked."""
    out = []
    rows = index.conn.execute("SELECT name, first, checksum FROM organisations ORDER BY first")
    for name, first, stored in rows:
        if row_check((name, first)) != stored:
            raise _damaged("an organisation row")
        out.append(name)
    return out


def speaker_rows(
    index: Index, event: str | None = None
) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(event, id, name, organisations) of every speaker (of one event), in corpus
    order, checked."""
    sql = "SELECT event, id, name, json, checksum FROM speakers"
    sql += " WHERE event = ?" if event is not None else ""
    rows = index.conn.execute(sql + " ORDER BY rowid", _one(event))
    out = []
    check = row_check
    for event, ident, name, js, stored in rows:
        if check((event, ident, name, js)) != stored:
            raise _damaged("a speaker row")
        try:
            organisations = tuple(_decode(js).get("organisations") or ())
        except (TypeError, ValueError, AttributeError):
            raise IndexDamaged("a speaker row does not decode") from None
        out.append((event, ident, name, organisations))
    return out


def session_titles(index: Index, event: str | None = None) -> dict[tuple[str, str], str]:
    """(event, session id) → title, every row checked."""
    sql = "SELECT event, id, title, kind, json, checksum FROM sessions"
    sql += " WHERE event = ?" if event is not None else ""
    out = {}
    for r in index.conn.execute(sql, _one(event)):
        if row_check(r[:5]) != r[5]:
            raise _damaged("a session row")
        out[(r[0], r[1])] = r[2]
    return out


def topic_labels(index: Index, event: str | None = None) -> dict[tuple[str, str], str]:
    """(event, topic id) → label (of one event), every row checked."""
    return index._topic_labels({event} if event is not None else set(index.event_ids()))


def precomputed(index: Index, name: str) -> list[Record]:
    """An answer the build stored (``precomputed`` table: the whole corpus's
    statistics), checked against the meta table's CRC-32 of it."""
    row = index.conn.execute(
        "SELECT CAST(value AS BLOB) FROM precomputed WHERE name = ?", (name,)
    ).fetchone()
    if row is None or not isinstance(row[0], bytes):
        raise IndexDamaged(f"the {name} are missing from the index")
    if str(crc32(row[0])) != index.meta.get(f"precomputed_{name}"):
        raise _damaged(f"the {name}")
    return _decode_records(row[0])
