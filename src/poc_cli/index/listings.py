"""Listings served from the index: the SQL of ``poc quotes`` (and the overviews) over a
big corpus, giving the same records as :mod:`poc_cli.queries` gives over the loaded
corpus (see ``tests/core/test_listings_index.py``, which compares their bytes).

Report order is the order of the corpus: file number, then place in the file, which
are the low 40 bits of a statement's rowid (:data:`~.schema.LENGTH_SHIFT`; the
``statements_place`` index keeps them sorted).  Every row served is checked against
its checksum, as :meth:`~.read.Index.statements` checks them: a row that does not
match raises :class:`~.read.IndexDamaged`, never shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from poc_cli.lazy import LazyRecords
from poc_cli.records import Record, statement_json

from .catalog import filter_sql
from .read import IndexDamaged, _damaged
from .schema import PLACE_MASK, row_check

if TYPE_CHECKING:
    from poc_cli.filters import StatementFilter

    from .read import Index

CHUNK = 500
"""Statements read per query while records are written."""

_ROWS = (
    "SELECT s.rowid, s.id, s.event, s.speaker, s.session, s.kind, s.text, s.extra, s.note,"
    " s.checksum, e.short_title, e.title, e.date, e.checksum, p.name, p.json, p.checksum,"
    " ss.title, ss.kind, ss.json, ss.checksum"
    " FROM statements s"
    " LEFT JOIN events e ON e.id = s.event"
    " LEFT JOIN speakers p ON p.event = s.event AND p.id = s.speaker"
    " LEFT JOIN sessions ss ON ss.event = s.event AND ss.id = s.session"
)


def statement_rowids(index: Index, flt: StatementFilter) -> list[int]:
    """The rowids of the statements that pass ``flt``, in report order."""
    where, params = filter_sql(flt)
    if not where:
        # The statements_place index gives them in order, without a sort.
        sql = f"SELECT rowid FROM statements ORDER BY (rowid & {PLACE_MASK})"
        return [r for (r,) in index.conn.execute(sql)]
    rows = index.conn.execute(f"SELECT s.rowid FROM statements s WHERE {where}", params)
    return sorted((r for (r,) in rows), key=lambda r: r & PLACE_MASK)


def statement_records(index: Index, rowids: Sequence[int]) -> list[Record]:
    """:func:`poc_cli.records.statement_json` of these statements, in this order,
    each row checked against its checksum (and its event, speaker and session's)."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = index.conn.execute(f"{_ROWS} WHERE s.rowid IN ({marks})", list(rowids)).fetchall()
    if len(rows) != len(set(rowids)):
        raise IndexDamaged("a listed statement is missing from the index")
    check = row_check
    seen: set[tuple[Any, ...]] = set()
    made: dict[int, Record] = {}
    for r in rows:
        if check(r[:9]) != r[9]:
            raise _damaged(f"statement row {r[0]}")
        for joined in (
            (r[2], r[10], r[11], r[12], r[13]),
            (r[2], r[3], r[14], r[15], r[16]),
            (r[2], r[4], r[17], r[18], r[19], r[20]),
        ):
            if joined not in seen:
                if check(joined[:-1]) != joined[-1]:
                    raise _damaged(f"the event, speaker or session of statement row {r[0]}")
                seen.add(joined)
        try:
            items, topics, paragraphs = _decode(r[7])
            made[r[0]] = statement_json(
                id=r[1],
                speaker=(r[3], r[14]),
                session=(r[4], r[17]),
                event=(r[2], r[10], r[12]),
                kind=r[5],
                text=r[6],
                items=tuple(items),
                topics=tuple(topics),
                paragraphs=tuple(paragraphs),
                note=r[8],
            )
        except (TypeError, ValueError):
            raise IndexDamaged(f"statement row {r[0]} does not decode") from None
    return [made[rowid] for rowid in rowids]


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

    __slots__ = ("_first", "_index", "_on_damage", "_rowids")
    _first: list[Record] | None

    def __init__(self, index: Index, rowids: Sequence[int], on_damage: Any = None) -> None:
        super().__init__(rowids, lambda rowid: self._read([rowid])[0])
        self._index = index
        self._rowids = rowids
        self._on_damage = on_damage
        self._first = statement_records(index, rowids[:CHUNK])

    def _read(self, rowids: Sequence[int]) -> list[Record]:
        import sqlite3

        try:
            return statement_records(self._index, rowids)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if self._on_damage is not None:
                self._on_damage(exc)
            raise

    def __len__(self) -> int:
        return len(self._rowids)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self._read(self._rowids[index])
        return self._read([self._rowids[index]])[0]

    def __iter__(self) -> Iterator[Record]:
        rowids = self._rowids
        first, self._first = self._first, None
        yield from first if first is not None else self._read(rowids[:CHUNK])
        for start in range(CHUNK, len(rowids), CHUNK):
            yield from self._read(rowids[start : start + CHUNK])

    def __repr__(self) -> str:
        return f"IndexRecords({len(self)} records)"
