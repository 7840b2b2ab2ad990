"""Building an index: rows from datasets (model records or the fast reader's
structs), in memory or streamed from files, with a forked second process for big
corpora."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from typing import Any
from zlib import crc32

from poc_cli.model import SCHEMA_VERSION, Corpus
from poc_cli.records import (
    OVERVIEW_CELLS,
    quoted_text,
    session_json,
    speaker_json,
    statement_json,
)
from poc_cli.schema.codec import session_to_dict, speaker_to_dict
from poc_cli.text.escape import json_safe, visible
from poc_cli.text.invisible import drop_invisible
from poc_cli.text.normalise import canonical, stem, words
from poc_cli.text.width import shown_width

from .read import Index
from .schema import (
    _BATCH,
    _INDEXES,
    _PROGRESS_STEP,
    _SCHEMA,
    _VOCAB_INDEXES,
    FILE_SHIFT,
    FTS_COLUMNS,
    INDEX_FORMAT,
    LENGTH_SHIFT,
    MAX_FILES,
    MAX_LENGTH_BUCKET,
    OVERVIEW_KINDS,
    Progress,
    _create_fts,
    _nfc,
    cells_check,
    meta_check,
    overview_id,
    overview_ids,
    row_check,
)

_VIEWS_BATCH = 1000
"""Statements whose table cells and stored records are buffered before they are written
(fewer than the others' ``_BATCH``: they are most of a batch's memory)."""

_NONE = "\x1eNone"
"""A missing value as :func:`~.schema.row_check` joins it."""


def _fts_text(text: str) -> str:
    """Text as FTS5 is given it: composed (NFC), without invisible characters, which
    unicode61 would take for word breaks (``neu\u200btrality`` must be one word, as
    :func:`~poc_cli.text.normalise.tokenize` makes it).  Served text is never changed:
    spans index the statement as the dataset has it."""
    if text.isascii():
        return text
    return drop_invisible(_nfc(text))


def _joined(name: str) -> list[str]:
    """A name of several words also as one (``van den Berg`` → ``vandenberg``,
    ``denberg``), as names.name_keys and the scorer (search.score) take it: a search
    for the person typed that way finds their statements."""
    parts = words(name)
    return ["".join(parts[i:]) for i in range(len(parts) - 1)]


_NOT_AS_IT_IS = re.compile("[^\t -~\xa0-\xac\xae-\u02ff\u2000-\u200a\u2010-\u2027\u202f-\u205f]")
"""A character that a table does not show as it is in one column: one that ``visible``
escapes (``text.escape.UNSAFE``), one that may not be one column wide
(``text.width.OTHER``), or a line break; one class, so one quick pass (three passes,
or an alternation of the three, took 2-3 times as long: 230 ms for the 100,000 texts
of a build).  tests/test_index.py derives it from those two for every character."""


def _shown_cell(text: str) -> tuple[str, int, bool]:
    """A table cell as a table shows it (``text.escape.visible``), its width and
    whether it is simple (:func:`~poc_cli.text.width.shown_width`)."""
    if text.isascii() and text.isprintable() or not _NOT_AS_IT_IS.search(text):
        # (an id, most names, a quotation in curly quotes: shown as they are, one
        # column a character; one pass instead of three)
        return text, len(text), True
    shown = visible(text)
    return (shown, *shown_width(shown))


def _json_encoder() -> Callable[[Any], bytes]:
    """Compact UTF-8 JSON (msgspec: about 5× the standard encoder on a big build)."""
    import msgspec

    return msgspec.json.Encoder().encode


class _Writer:
    """Writes datasets into a new index database, one at a time.

    A dataset is anything with the model's attribute names: a model
    :class:`~poc_cli.model.Dataset` or an :data:`~poc_cli.schema.fast.DatasetFile`
    (whose optional lists may be None).
    """

    def __init__(
        self, conn: sqlite3.Connection, fts: str = "fts", *, with_fts: bool = True
    ) -> None:
        self.conn = conn
        self.fts = fts
        self.with_fts = with_fts  # False: rows only (add_fts writes a dataset's FTS rows)
        conn.execute("PRAGMA page_size=16384")
        conn.execute("PRAGMA journal_mode=OFF")  # a new file renamed into place: no journal
        conn.execute("PRAGMA synchronous=OFF")
        # 16 MiB: 64 MiB built no faster and raised the peak memory of a 100k build by 45 MB.
        conn.execute("PRAGMA cache_size=-16384")
        conn.executescript(_SCHEMA)
        self.fts_tables = [fts]
        _create_fts(conn, fts)
        self.done = 0
        self.event_paths: dict[str, str] = {}
        self.duplicate_events = False
        self._encode = _json_encoder()
        # Rows waiting to be written, by table (written together: fewer SQLite calls).
        self._pending: dict[str, list[tuple[Any, ...]]] = {
            "events": [],
            "sessions": [],
            "speakers": [],
            "topics": [],
            "names": [],
            "statements": [],
            "statement_cells": [],
            "statement_records": [],
            "overviews": [],
            "overview_cells": [],
            "groups": [],
            "organisations": [],
            self.fts: [],
        }
        self._name_keys: dict[tuple[Any, ...], frozenset[str]] = {}
        self._spellings: set[str] = set()  # organisations written

    def add(self, dataset: Any, path: str = "", number: int = 0) -> None:
        """Write one dataset; ``number`` is its place in the corpus (rowids derive from it)."""
        from poc_cli.model import Speaker
        from poc_cli.names import name_keys

        # Rowids: the statement's length in words, the dataset's number, then the
        # statement's place in it.  Derived from the statement alone, so a shard built by
        # another process needs no renumbering; length first, so that FTS5, which walks
        # matches in rowid order, meets the shortest statements first (see Index.match).
        # A 50 MiB file holds far fewer than 2**20 statements.
        if not 0 <= number < MAX_FILES:
            # Rowids would collide: say so rather than return wrong statements.
            from poc_cli.errors import DataError

            raise DataError(f"a corpus may hold at most {MAX_FILES - 1:,} dataset files")
        ev = dataset.event
        event = ev.id
        if event in self.event_paths:
            self.duplicate_events = True
        self.event_paths.setdefault(event, path)
        pending = self._pending
        encode = self._encode
        # Every served row carries its checksum (schema.row_check), checked when read.
        check = row_check
        session_dicts = [session_to_dict(x) for x in dataset.sessions]
        speaker_dicts = [speaker_to_dict(p) for p in dataset.speakers]
        rows_of: list[tuple[str, list[tuple[Any, ...]]]] = [
            ("events", [(event, ev.short_title, ev.title, ev.date)]),
            (
                "sessions",
                [
                    (event, x.id, x.title, x.kind, encode(d).decode())
                    for x, d in zip(dataset.sessions, session_dicts, strict=True)
                ],
            ),
            (
                "speakers",
                [
                    (event, p.id, p.name, encode(d).decode())
                    for p, d in zip(dataset.speakers, speaker_dicts, strict=True)
                ],
            ),
        ]
        topics = dataset.topics or ()
        rows_of.append(("topics", [(event, t.id, t.label) for t in topics]))
        for table, plain in rows_of:
            pending[table].extend([(*row, check(row)) for row in plain])
        names = pending["names"]
        for p in dataset.speakers:
            aliases = tuple(p.aliases or ())
            # name_keys needs only these three; the same person recurs in many events.
            ident = (p.name, p.honorific, aliases)
            keys = self._name_keys.get(ident)
            if keys is None:
                keys = name_keys(
                    Speaker(
                        id=p.id,
                        name=p.name,
                        honorific=p.honorific,
                        role="",
                        organisations=(),
                        aliases=aliases,
                        parts=(),
                    )
                )
                self._name_keys[ident] = keys
            names.extend((key, event, p.id) for key in keys)
        rows = pending["statements"]
        base = number << FILE_SHIFT
        add_row = rows.append
        add_cells = pending["statement_cells"].append
        add_record = pending["statement_records"].append
        event_ref = (event, ev.short_title, ev.date)
        speaker_names = {p.id: p.name for p in dataset.speakers}
        session_titles = {x.id: x.title for x in dataset.sessions}
        limit = MAX_LENGTH_BUCKET
        shown = _shown_cell
        event_cell = shown(event)
        event_bound = max(len(event), len(ev.title or ""), len(ev.date or ""))
        speaker_cells = {
            p.id: (shown(p.name), max(len(p.id), len(p.name))) for p in dataset.speakers
        }
        session_cells = {
            x.id: (shown(x.title), max(len(x.id), len(x.title))) for x in dataset.sessions
        }
        missing = (("", 0, True), 0)  # (a reference the consistency check refuses)
        kind_cells: dict[str, tuple[str, int, bool]] = {}
        for place, st in enumerate(dataset.statements, base + 1):
            text = st.text
            length = text.count(" ") + 1
            rowid = (length if length < limit else limit) << LENGTH_SHIFT | place
            items = st.items
            topic_ids = st.topics
            extra = encode((items or (), topic_ids or (), st.paragraphs)).decode()
            note = st.note
            sid, speaker, session, kind = st.id, st.speaker, st.session, st.kind
            # row_check of the row, written out: its fields are strings, its rowid a
            # number and its note a string or None (tests/test_index.py checks it).
            joined = (
                f"\x1e{rowid}\x1f{sid}\x1f{event}\x1f{speaker}\x1f{session}\x1f{kind}"
                f"\x1f{text}\x1f{extra}\x1f{_NONE if note is None else note}"
            )
            add_row(
                (
                    rowid,
                    sid,
                    event,
                    speaker,
                    session,
                    kind,
                    text,
                    extra,
                    note,
                    crc32(joined.encode("utf-8", "surrogatepass")),
                )
            )
            # The row of statement_cells: records.STATEMENT_CELLS of the statement, as
            # shown (written out: this loop runs once a statement of the corpus).
            kind_cell = kind_cells.get(kind) or kind_cells.setdefault(kind, shown(kind))
            name_cell, name_bound = speaker_cells.get(speaker, missing)
            title_cell, title_bound = session_cells.get(session, missing)
            id_cell = shown(sid)
            text_cell = shown(quoted_text(kind, text))
            last = text_cell[0]
            simple = (
                event_cell[2]
                and id_cell[2]
                and name_cell[2]
                and title_cell[2]
                and kind_cell[2]
                and text_cell[2]
            )
            numbers = (
                event_cell[1],
                id_cell[1],
                name_cell[1],
                title_cell[1],
                kind_cell[1],
                text_cell[1],
                (1 if simple else 0) | (2 if last and not last[-1].isspace() else 0),
                max(
                    event_bound,
                    name_bound,
                    title_bound,
                    len(sid),
                    len(kind),
                    len(text),
                    len(extra),
                    len(note or ""),
                ),
            )
            joined_cells = (
                f"{event_cell[0]}\x1f{id_cell[0]}\x1f{name_cell[0]}\x1f{title_cell[0]}"
                f"\x1f{kind_cell[0]}\x1f{last}"
            )
            add_cells((place, joined_cells, *numbers, cells_check(joined_cells, numbers)))
            record = encode(  # as records.statement_record makes it of the loaded corpus
                statement_json(
                    id=sid,
                    speaker=(speaker, speaker_names.get(speaker, "")),
                    session=(session, session_titles.get(session, "")),
                    event=event_ref,
                    kind=kind,
                    text=text,
                    items=items or (),
                    topics=topic_ids or (),
                    paragraphs=st.paragraphs or (),
                    note=note,
                )
            )
            if record.isascii() and b"\x7f" not in record:  # nothing json_safe escapes
                add_record((place, record.decode(), crc32(record)))
            else:
                safe = json_safe(record.decode())
                add_record((place, safe, crc32(safe.encode("utf-8", "surrogatepass"))))
            if len(rows) >= _BATCH:
                self.flush()  # within a file too: one file may hold 100,000 statements
            elif len(pending["statement_records"]) >= _VIEWS_BATCH:
                self._flush_views()
        if self.with_fts:
            self.add_fts(dataset, number)
        self._overviews(dataset, speaker_dicts, session_dicts, base)
        self.done += len(dataset.statements)

    def add_fts(self, dataset: Any, number: int) -> None:
        """Write one dataset's FTS rows (:meth:`add` does, unless ``with_fts`` is False)."""
        by_speaker: dict[str, tuple[str, str]] = {}
        for p in dataset.speakers:
            aliases = p.aliases or ()
            display = f"{p.honorific} {p.name}" if p.honorific else p.name
            by_speaker[p.id] = (
                _fts_text(" ".join(dict.fromkeys((display, p.name, *aliases, *_joined(p.name))))),
                _fts_text(" ".join((*p.organisations, p.role or ""))),
            )
        labels = {t.id: t.label for t in dataset.topics or ()}
        fts_rows = self._pending[self.fts]
        add_fts = fts_rows.append
        nfc = _fts_text
        default = ("", "")
        limit = MAX_LENGTH_BUCKET
        for place, st in enumerate(dataset.statements, (number << FILE_SHIFT) + 1):
            text = st.text
            length = text.count(" ") + 1
            items = st.items
            topic_ids = st.topics
            speaker_text, org_text = by_speaker.get(st.speaker, default)
            add_fts(
                (
                    (length if length < limit else limit) << LENGTH_SHIFT | place,
                    text if text.isascii() else nfc(text),
                    # Items normally repeat the text; index them only where they add words.
                    nfc("\n".join([i for i in items if i not in text])) if items else "",
                    nfc(" ".join([labels.get(t, t) for t in topic_ids])) if topic_ids else "",
                    speaker_text,
                    org_text,
                )
            )
            if len(fts_rows) >= _BATCH:
                self.flush()

    def _overviews(
        self,
        dataset: Any,
        speaker_dicts: list[dict[str, Any]],
        session_dicts: list[dict[str, Any]],
        base: int,
    ) -> None:
        """The dataset's statement groups (by speaker, session, kind and topic) and the
        overview record of each speaker and session, as the listings give them over
        the loaded corpus (``queries.speakers_overview``, ``sessions_overview``)."""
        from poc_cli.model import Event
        from poc_cli.schema.codec import session_from_dict, speaker_from_dict

        ev = dataset.event
        groups: dict[tuple[str, str], list[int]] = {}
        spoke: dict[str, dict[str, None]] = {}  # session -> its speakers, in order
        for place, st in enumerate(dataset.statements, 1):
            at = base + place  # report order: rowid & PLACE_MASK
            first = at << 16
            for key in (("speaker", st.speaker), ("session", st.session), ("kind", st.kind)):
                group = groups.get(key)
                if group is None:
                    groups[key] = [1, first, at]
                else:
                    group[0] += 1
                    group[2] = at
            for j, topic in enumerate(st.topics or ()):
                group = groups.get(("topic", topic))
                if group is None:
                    groups[("topic", topic)] = [1, first | j, at]
                else:
                    group[0] += 1
                    group[2] = at
            spoke.setdefault(st.session, {}).setdefault(st.speaker)
        event = Event(
            id=ev.id,
            short_title=ev.short_title,
            title=ev.title,
            host=None,
            co_sponsors=(),
            venue=None,
            date=ev.date,
        )
        people = {d["id"]: speaker_from_dict(d) for d in speaker_dicts}
        encode = self._encode
        check = row_check
        rows = self._pending["overviews"]
        cell_rows = self._pending["overview_cells"]
        number = base >> FILE_SHIFT
        places = [0] * len(OVERVIEW_KINDS)

        def add(kind: str, key: str, record: dict[str, Any]) -> None:
            kind_number = OVERVIEW_KINDS.index(kind)
            places[kind_number] += 1
            ident = overview_id(kind_number, number, places[kind_number])
            # JSON-safe as --json writes it, so that --json formats it as it is.
            text = json_safe(encode(record).decode())
            rows.append(
                (ident, kind, ev.id, key, text, crc32(text.encode("utf-8", "surrogatepass")))
            )
            # The table cells as a table shows them (visible: U+001F never among them).
            cells = "\x1f".join([visible(cell(record)) for cell in OVERVIEW_CELLS[kind]])
            cell_rows.append((ident, cells, crc32(cells.encode("utf-8", "surrogatepass"))))

        for speaker in people.values():
            count = groups.get(("speaker", speaker.id), (0,))[0]
            add("speaker", speaker.id, speaker_json(event, speaker, count))
        for d in session_dicts:
            session = session_from_dict(d)
            # As records.session_speakers: who speaks, in order, then who has a part.
            ordered = dict(spoke.get(session.id, {}))
            for speaker in people.values():
                if session.id in speaker.session_ids:
                    ordered.setdefault(speaker.id)
            count = groups.get(("session", session.id), (0,))[0]
            record = session_json(
                event, session, count, people.__getitem__, [people[i] for i in ordered]
            )
            add("session", session.id, record)
        spellings = self._spellings
        first = base  # where each spelling is first met: corpus order (stats' ties)
        for speaker in people.values():
            for name in speaker.organisations:
                if name not in spellings:
                    spellings.add(name)
                    first += 1
                    self._pending["organisations"].append((name, first, check((name, first))))
        self._pending["groups"].extend(
            (by, ev.id, key, n, first, last) for (by, key), (n, first, last) in groups.items()
        )

    def flush(self) -> None:
        """Write the pending rows."""
        conn = self.conn
        pending = self._pending
        # OR IGNORE: a repeated event id is reported by the caller, after the build.
        for table, marks in (("events", 5), ("sessions", 6), ("speakers", 5), ("topics", 4)):
            conn.executemany(
                f"INSERT OR IGNORE INTO {table} VALUES({','.join('?' * marks)})", pending[table]
            )
        conn.executemany("INSERT INTO names VALUES(?,?,?)", pending["names"])
        conn.executemany("INSERT INTO overviews VALUES(?,?,?,?,?,?)", pending["overviews"])
        conn.executemany("INSERT INTO overview_cells VALUES(?,?,?)", pending["overview_cells"])
        conn.executemany("INSERT INTO groups VALUES(?,?,?,?,?,?)", pending["groups"])
        conn.executemany(
            "INSERT OR IGNORE INTO organisations VALUES(?,?,?)", pending["organisations"]
        )
        # In rowid order: FTS5 writes its pending terms out as a new segment whenever a
        # rowid is lower than the last one, and rowids begin with the statement's length,
        # so unsorted rows meant a tiny segment per statement and twice the build time
        # (and B-tree inserts all over the statements table).
        statements = pending["statements"]
        statements.sort()
        conn.executemany("INSERT INTO statements VALUES(?,?,?,?,?,?,?,?,?,?)", statements)
        self._flush_views()
        fts_rows = pending[self.fts]
        fts_rows.sort()
        conn.executemany(
            f"INSERT INTO {self.fts}(rowid, {', '.join(FTS_COLUMNS)}) VALUES(?,?,?,?,?,?)",
            fts_rows,
        )
        for rows in pending.values():
            rows.clear()

    def _flush_views(self) -> None:
        """Write the pending rows of statement_cells and statement_records (more often
        than the others: a batch of them held 25 MB at 20,000 statements).  They are
        keyed by report order, as they are added: appended, never sorted."""
        pending = self._pending
        for table, marks in (("statement_cells", 11), ("statement_records", 3)):
            rows = pending[table]
            self.conn.executemany(f"INSERT INTO {table} VALUES({','.join('?' * marks)})", rows)
            rows.clear()

    def index_vocab(self) -> None:
        """The vocabulary's look-up indexes (part of :meth:`finish`)."""
        self.conn.executescript(_VOCAB_INDEXES)
        self.conn.commit()

    def duplicate_statement_ids(self) -> bool:
        """True if a statement id occurs twice (call after :meth:`finish`)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM statements GROUP BY id HAVING count(*) > 1 LIMIT 1"
            ).fetchone()
            is not None
        )

    def merge_rows(self, shard: str) -> None:
        """Copy in the rows of a shard file written by another process's writer."""
        with self._attached(shard) as conn:
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            added = conn.execute("SELECT count(*) FROM shard.events").fetchone()[0]
            for table in ("events", "sessions", "speakers", "topics", "organisations"):
                conn.execute(f"INSERT OR IGNORE INTO main.{table} SELECT * FROM shard.{table}")
            tables = ("names", "statements", "statement_cells", "statement_records")
            for table in (*tables, "overviews", "overview_cells", "groups"):
                # (in the shard's order: rowids follow the corpus order of the files)
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM shard.{table} ORDER BY rowid")
            if conn.execute("SELECT count(*) FROM events").fetchone()[0] != events + added:
                self.duplicate_events = True  # an event id in both halves
            if conn.execute("SELECT 1 FROM shard.meta WHERE key = 'duplicate_events'").fetchone():
                self.duplicate_events = True  # repeated within the shard's half
            self.done += conn.execute("SELECT count(*) FROM shard.statements").fetchone()[0]

    def merge_fts(self, shard: str) -> None:
        """Copy in the FTS table ``fts1`` of a shard file, and its vocabulary."""
        with self._attached(shard) as conn:
            # An FTS5 table is its shadow tables: copy them whole into an empty twin.
            _create_fts(conn, "fts1")
            for suffix in ("data", "idx", "docsize", "config"):
                conn.execute(f"DELETE FROM main.fts1_{suffix}")
                conn.execute(f"INSERT INTO main.fts1_{suffix} SELECT * FROM shard.fts1_{suffix}")
            if "fts1" not in self.fts_tables:
                self.fts_tables.append("fts1")
            conn.execute(
                "INSERT INTO main.vocab SELECT * FROM shard.vocab WHERE true"
                " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df"
            )

    @contextlib.contextmanager
    def _attached(self, shard: str) -> Iterator[sqlite3.Connection]:
        """The connection with a shard file attached as ``shard`` (pending rows written
        first); committed, then detached."""
        conn = self.conn
        self.flush()
        conn.commit()
        conn.execute("ATTACH DATABASE ? AS shard", (shard,))
        try:
            yield conn
            conn.commit()
        finally:
            conn.execute("DETACH DATABASE shard")

    def merge_shard(self, shard: str) -> None:
        """Copy in a shard file written by another process's writer (FTS table ``fts1``)."""
        self.merge_rows(shard)
        self.merge_fts(shard)

    def seal(self) -> None:
        """Finish this writer's FTS table: merge its segments, fill ``vocab`` from it."""
        conn = self.conn
        fts = self.fts
        self.flush()
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES('optimize')")
        conn.execute(f"CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, '{fts}', 'row')")
        terms = conn.execute("SELECT term, doc FROM temp.terms").fetchall()
        # Every term once: the functions' caches would only cost here.
        spell, cut = canonical.__wrapped__, stem.__wrapped__
        rows = []
        for t, df in terms:
            canon = spell(t)
            rows.append((t, canon, cut(canon), df, len(t), t[:1]))
        conn.executemany("INSERT INTO vocab VALUES(?,?,?,?,?,?)", rows)
        conn.execute("DROP TABLE temp.terms")
        conn.commit()

    def finish(self, cache_key: str, *, vocab: bool = True) -> None:
        """Add the look-up indexes and the meta table (after :meth:`seal` and any merge).

        ``vocab=False``: all but the vocabulary's (:meth:`index_vocab`, after an FTS
        shard is merged in: the rest needs no FTS table)."""
        conn = self.conn
        conn.executescript(_INDEXES)
        if vocab:
            self.index_vocab()
        name_key_count = conn.execute("SELECT count(*) FROM name_forms").fetchone()[0]
        meta = {
            "format": str(INDEX_FORMAT),
            "schema_version": str(SCHEMA_VERSION),
            "cache_key": cache_key,
            "statements": str(self.done),
            "name_keys": str(name_key_count),
            "fts_tables": ",".join(self.fts_tables),
        }
        # What is left reads each row once: SQLite's page cache would only grow the
        # build's peak memory (by 16 MiB at 100,000 statements).
        conn.execute("PRAGMA cache_size=-1024")
        conn.execute("PRAGMA shrink_memory")
        # The whole corpus's `poc stats`, counted once here (about 0.4 s at 100,000
        # statements) rather than on every run; one event's is counted when asked.
        from poc_cli.queries import statistics_of_index

        from .read import IndexDamaged

        try:
            text = self._encode(statistics_of_index(Index(conn, ""), None))
        except IndexDamaged:
            pass  # a corpus that repeats an event id: refused after the build (on_error)
        else:
            conn.execute("INSERT INTO precomputed VALUES('statistics', ?)", (text.decode(),))
            meta["precomputed_statistics"] = str(crc32(text))
        for kind in OVERVIEW_KINDS:
            # The whole-corpus listing is read as one text (OVERVIEWS_ALL): one checksum
            # over it all, of the records joined by commas, counted a row at a time.
            crc = 0
            rows = conn.execute(
                "SELECT CAST(record AS BLOB) FROM overviews WHERE kind = ? ORDER BY rowid",
                (kind,),
            )
            for n, (record,) in enumerate(rows):
                crc = crc32(record, crc32(b",", crc) if n else crc)
            meta[f"{kind}_overviews"] = str(crc)
            # No text in a record is longer than the record's JSON (escapes only add).
            (longest,) = conn.execute(
                "SELECT max(length(record)) FROM overviews WHERE kind = ?", (kind,)
            ).fetchone()
            meta[f"{kind}_longest"] = str(longest or 0)
            (count,) = conn.execute(
                "SELECT count(*) FROM overviews WHERE kind = ?", (kind,)
            ).fetchone()
            meta[f"{kind}_count"] = str(count)
            meta[f"{kind}_cells"] = _cells_shape(conn, kind)
        meta["checksum"] = str(meta_check(meta))  # checked by Index.open
        conn.executemany("INSERT INTO meta VALUES(?,?)", list(meta.items()))
        conn.commit()


def _cells_shape(conn: sqlite3.Connection, kind: str) -> str:
    """The :class:`~poc_cli.text.width.CellsShape` of a kind's overview cells, as text
    (empty for none): the whole corpus's table is written in one pass, without
    measuring every row first (``output.plain.plain_table_of_cells``)."""
    from poc_cli.text.width import cells_shape

    rows = conn.execute(
        "SELECT cells FROM overview_cells WHERE id > ? AND id < ? ORDER BY id", overview_ids(kind)
    )
    shape = cells_shape(cells.split("\x1f") for (cells,) in rows)
    return shape.text() if shape is not None else ""


def build_index(
    corpus: Corpus,
    path: str = ":memory:",
    *,
    cache_key: str = "",
    progress: Progress | None = None,
) -> Index:
    """Index ``corpus`` into a new SQLite database at ``path`` (in memory by default).

    ``progress(done, total)`` is called as statements are indexed.
    """
    conn = sqlite3.connect(path, check_same_thread=False)
    writer = _Writer(conn)
    total = sum(len(d.statements) for d in corpus.datasets)
    if progress is not None:
        progress(0, total)
    for number, dataset in enumerate(corpus.datasets):
        writer.add(dataset, dataset.path, number)
        if progress is not None and writer.done % _PROGRESS_STEP < len(dataset.statements):
            progress(writer.done, total)
    writer.seal()
    writer.finish(cache_key)
    if progress is not None:
        progress(total, total)
    return Index(conn, path)


PARALLEL_MIN_FILES = 64
"""Build with a second process (one shard each) from this many dataset files up."""
CHILD_ROWS_SHARE = 0.7
"""The share of the files whose rows the second process writes: more than half, since
the first copies them in and makes the look-up indexes and statistics (while the
second builds its FTS table).  The FTS tables split the files in halves, as they
always did: bm25 counts within a table, so where the split falls is part of the
ranking."""


def build_index_from_files(
    paths: list[str],
    path: str,
    *,
    cache_key: str = "",
    progress: Progress | None = None,
    on_error: Callable[[], None] | None = None,
) -> None:
    """Index the dataset files ``paths`` into a new database file ``path``, streaming.

    Each file is decoded, checked and written before the next is read, so memory
    stays small whatever the corpus size (:mod:`poc_cli.schema.fast`).  A bad file raises
    its DataError; so does a corpus whose files repeat an event or statement id —
    ``on_error()`` is called then and must raise the precise error (the careful
    loader's).  ``progress(done, total)`` counts statements; until the last file is
    read, ``total`` is an estimate from the files read so far.

    From :data:`PARALLEL_MIN_FILES` files up, where ``fork`` exists, a child process
    shares the work (:func:`_build_shard`): it writes the rows of the last
    :data:`CHILD_ROWS_SHARE` of the files into a shard file, which this process copies
    in as soon as it is written, to make the look-up indexes and statistics while the
    child builds the FTS table (``fts1``) of the second half of the files into a
    second shard, copied in last.  This process writes the rows of the other files and
    the FTS table of the first half.  Decoding and tokenizing are CPU-bound, so two
    cores share a big build.  If the child fails for any reason, every file is indexed
    here instead, which raises the right error for a bad file.
    """
    child: Any = None
    split = len(paths)
    shard, fts_shard = path + ".shard", path + ".shard-fts"
    ready = -1  # the pipe end the child says on that its rows are written
    if len(paths) >= PARALLEL_MIN_FILES and hasattr(os, "fork") and _new_files(shard, fts_shard):
        import multiprocessing

        split = (len(paths) + 1) // 2
        rows_split = min(split, len(paths) - round(len(paths) * CHILD_ROWS_SHARE))
        ready, told = os.pipe()
        context = multiprocessing.get_context("fork")
        child = context.Process(
            target=_build_shard,
            args=(
                paths[rows_split:],
                shard,
                fts_shard,
                rows_split,
                split,
                os.getpid(),
                ready,
                told,
            ),
        )
        child.start()
        os.close(told)
    conn = sqlite3.connect(path)
    try:
        writer = _Writer(conn)
        if child is None:
            _add_files(writer, paths, 0, progress, 1.0)
        else:
            _add_files(writer, paths[:rows_split], 0, progress, len(paths) / rows_split)
            _add_fts_of_files(writer, paths, 0, rows_split, split)
        writer.seal()
        merged = False
        if child is not None and os.read(ready, 1) == b"1":
            # The child's rows are written; its FTS table is still being built, and
            # the look-up indexes and statistics need none: made meanwhile.
            writer.merge_rows(shard)
            writer.fts_tables.append("fts1")
            writer.finish(cache_key, vocab=False)
            child.join()
            if child.exitcode == 0:
                writer.merge_fts(fts_shard)
                writer.index_vocab()
                merged = True
        if child is not None and not merged:
            child.join()
            writer = _Writer(_fresh(conn))
            _add_files(writer, paths, 0, None, 1.0)
            writer.seal()
        if not merged:
            writer.finish(cache_key)
        if (writer.duplicate_events or writer.duplicate_statement_ids()) and on_error:
            on_error()
        if progress is not None:
            progress(writer.done, writer.done)
    finally:
        conn.close()
        if child is not None:
            os.close(ready)
            if child.is_alive():
                child.terminate()
                child.join()
        for name in (shard, fts_shard) if child is not None else ():
            with contextlib.suppress(OSError):
                os.unlink(name)


def _add_fts_of_files(writer: _Writer, paths: list[str], first: int, start: int, end: int) -> None:
    """The FTS rows of the files numbered ``start`` to ``end`` (not included), where
    ``paths`` holds the files numbered from ``first``."""
    from poc_cli.schema.fast import read_dataset_file

    for number in range(start, end):
        # (read again, and checked again: a file changed meanwhile fails the build)
        writer.add_fts(read_dataset_file(paths[number - first]), number)


def _add_files(
    writer: _Writer, paths: list[str], first: int, progress: Progress | None, scale: float
) -> None:
    from poc_cli.schema.fast import read_dataset_file

    for number, file in enumerate(paths, first):
        writer.add(read_dataset_file(file), file, number)
        done = number - first + 1
        if progress is not None and done % 50 == 0:
            estimate = writer.done * len(paths) // done
            progress(int(writer.done * scale), int(estimate * scale))


def _fresh(conn: sqlite3.Connection) -> sqlite3.Connection:
    """``conn``'s database emptied, to start a build again."""
    conn.commit()
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    for (name,) in tables:
        conn.execute(f"DROP TABLE {name}")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.commit()
    return conn


def _new_file(path: str) -> bool:
    """Create ``path`` as a new empty file: False if anything (a FIFO put there, say)
    already stands at it, or it cannot be made."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    except OSError:
        return False
    return True


def _new_files(*paths: str) -> bool:
    """:func:`_new_file` for each of ``paths``, or none of them."""
    for n, path in enumerate(paths):
        if not _new_file(path):
            for made in paths[:n]:
                with contextlib.suppress(OSError):
                    os.unlink(made)
            return False
    return True


def _die_with_parent(parent: int) -> None:
    """Make this forked child end when its parent does, even by SIGKILL.

    Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` (a system call, no cost while building);
    the parent may have died just before, so its pid is checked after.  Elsewhere, a
    thread checks every half second that the parent is still ours.  Signals the parent
    catches to clean up (Ctrl-C, SIGTERM, SIGHUP) end the child at once: the parent
    removes the shard.
    """
    import signal

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) != signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            pr_set_pdeathsig = 1
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:
                    os._exit(1)
                return
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _build_shard(*args: Any) -> None:
    """:func:`_shard_parts` in the forked child; if it fails, the parent indexes every
    file itself and says the error (a bad file's, as the careful reader words it):
    nothing is printed here, and no traceback from multiprocessing."""
    try:
        _shard_parts(*args)
    except Exception:
        os._exit(1)


def _shard_parts(
    paths: list[str],
    shard: str,
    fts_shard: str,
    first: int,
    fts_first: int,
    parent: int,
    ready: int,
    told: int,
) -> None:
    """The child's part of :func:`build_index_from_files`, in two passes: the rows of
    its files (numbered from ``first``) into ``shard``, then it writes ``1`` on the
    pipe ``told``, so that the parent copies them in and makes the look-up indexes and
    statistics meanwhile; then the FTS table ``fts1`` (and its vocabulary) of the
    files from ``fts_first`` on into ``fts_shard``."""
    _die_with_parent(parent)
    os.close(ready)
    conn = sqlite3.connect(shard)
    try:
        writer = _Writer(conn, fts="fts1", with_fts=False)
        _add_files(writer, paths, first, None, 1.0)
        writer.flush()
        # The shard's events table keeps one row per id (OR IGNORE), so a repeat
        # within this part can only be told to the parent here.
        if writer.duplicate_events:
            conn.execute("INSERT INTO meta VALUES('duplicate_events', '1')")
        conn.commit()
    finally:
        conn.close()
    os.write(told, b"1")
    os.close(told)
    conn = sqlite3.connect(fts_shard)
    try:
        writer = _Writer(conn, fts="fts1")
        _add_fts_of_files(writer, paths, first, fts_first, first + len(paths))
        writer.seal()
    finally:
        conn.close()
