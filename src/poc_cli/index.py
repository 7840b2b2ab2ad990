"""The search index: an SQLite FTS5 database holding everything a search needs.

Why SQLite FTS5: it ships with Python, gives an inverted index with phrase queries,
diacritic folding (``unicode61 remove_diacritics 2``) and bm25 ranking, and a warm
search opens one file and reads a few pages of it, so search time stays nearly flat
as the corpus grows (a pickled Python index would have to be read whole on every run).

What it holds (format :data:`INDEX_FORMAT`):

``meta``        cache key, format, counts
``events``      id, short title, title, date
``sessions``    per event: id, title, kind, and the Session as JSON
``speakers``    per event: id, name, and the Speaker as JSON
``names``       cleaned name form → (event, speaker) for exact name look-ups
``topics``      per event: id, label
``statements``  every field a hit is rendered from (id, event, speaker id and name,
                session id and title, kind, text, items, topics, paragraphs, note)
``fts``         contentless FTS5 table over text, items, topic labels, speaker
                names and organisations
``vocab``       every distinct indexed term with its canonical spelling, stem key,
                document frequency and length, for typo and spelling expansion

So a warm search never parses the JSON datasets.

Cache (:func:`open_index`): one file per set of dataset paths in
``platformdirs.user_cache_dir("poc")`` or ``$POC_CACHE_DIR``; its name and its
``meta.cache_key`` carry a hash of the format version, the model's schema version and
each dataset file's absolute path, size, ``st_mtime_ns``, ``st_ctime_ns`` and
``st_ino``, so a changed dataset can never give stale results.  A build happens in
memory, is written to a temporary file in the cache folder and moved into place with
``os.replace``, so two poc processes at once are safe (the last one wins; both wrote
the same index).  A corrupt cache file is rebuilt, an unwritable cache folder means
searching from the in-memory index; both are reported as warning strings, never
raised.

sqlite3 is imported here, and this module is imported only by search code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .model import SCHEMA_VERSION, Corpus, Paper, Part, Session, Speaker
from .normalise import canonical, stem

__all__ = [
    "CACHE_ENV_VAR",
    "INDEX_FORMAT",
    "Index",
    "Progress",
    "StatementRow",
    "build_index",
    "cache_dir",
    "cache_key",
    "open_index",
]

INDEX_FORMAT = 4
"""Bump whenever what the index stores or how it tokenizes changes."""
CACHE_ENV_VAR = "POC_CACHE_DIR"
TOKENIZER = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("text", "items", "topics", "speaker", "org")
FTS_WEIGHTS = (1.0, 1.0, 0.6, 0.6, 0.3)
"""bm25 weights of the FTS columns, in FTS_COLUMNS order."""

Progress = Callable[[int, int], None]
"""``progress(done, total)``: statements (or, streaming from files, files) indexed so far."""

_PROGRESS_STEP = 5000
_BATCH = 20000
"""Statements buffered before they are written (and sorted by rowid for FTS5)."""

LENGTH_SHIFT = 40
FILE_SHIFT = 20
"""A statement's rowid is ``length << 40 | file number << 20 | place in file``: the file
number is the dataset's place in the corpus (the sorted file names of a folder)."""
MAX_FILES = 1 << (LENGTH_SHIFT - FILE_SHIFT)
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


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events(id TEXT PRIMARY KEY, short_title TEXT, title TEXT, date TEXT);
CREATE TABLE sessions(event TEXT, id TEXT, title TEXT, kind TEXT, json TEXT,
                      PRIMARY KEY(event, id));
CREATE TABLE speakers(event TEXT, id TEXT, name TEXT, json TEXT, PRIMARY KEY(event, id));
CREATE TABLE names(key TEXT, event TEXT, speaker TEXT);
CREATE TABLE topics(event TEXT, id TEXT, label TEXT, PRIMARY KEY(event, id));
CREATE TABLE statements(
    rowid INTEGER PRIMARY KEY, id TEXT, event TEXT, speaker TEXT, session TEXT,
    kind TEXT, text TEXT, extra TEXT, note TEXT);  -- extra: [items, topics, paragraphs]
CREATE TABLE vocab(term TEXT PRIMARY KEY, canon TEXT, key TEXT, df INTEGER, len INTEGER,
                   initial TEXT) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE TABLE name_forms(key TEXT PRIMARY KEY, len INTEGER) WITHOUT ROWID;
INSERT INTO name_forms SELECT DISTINCT key, length(key) FROM names;
CREATE INDEX name_forms_len ON name_forms(len);
CREATE INDEX vocab_key ON vocab(key);
CREATE INDEX vocab_len ON vocab(len);
CREATE INDEX vocab_initial_len ON vocab(initial, len);
CREATE INDEX statements_id ON statements(id);
"""


def _create_fts(conn: sqlite3.Connection, name: str) -> None:
    """A contentless FTS5 table over :data:`FTS_COLUMNS`, ranked by weighted bm25."""
    conn.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(FTS_COLUMNS)}, content='',"
        f" tokenize='{TOKENIZER}')"
    )
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    conn.execute(f"INSERT INTO {name}({name}, rank) VALUES('rank', ?)", (f"bm25({weights})",))


def _nfc(text: str) -> str:
    # unicode61 treats a combining mark as a separator; composed text keeps words whole.
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else (unicodedata.normalize("NFC", text))
    )


def _json_encoder() -> Callable[[Any], bytes]:
    """Compact UTF-8 JSON (msgspec: about 5× the standard encoder on a big build)."""
    import msgspec

    return msgspec.json.Encoder().encode


def _speaker_json(p: Any, encode: Callable[[Any], bytes]) -> str:
    # By hand: dataclasses.asdict deep-copies and costs seconds on a big corpus.
    return encode(
        {
            "id": p.id,
            "name": p.name,
            "honorific": p.honorific,
            "role": p.role,
            "organisations": list(p.organisations),
            "aliases": list(p.aliases or ()),
            "parts": [{"session": x.session, "part": x.part} for x in p.parts],
            "notes": list(p.notes or ()),
        }
    ).decode()


def _session_json(s: Any, encode: Callable[[Any], bytes]) -> str:
    paper = s.paper
    return encode(
        {
            "id": s.id,
            "title": s.title,
            "kind": s.kind,
            "paper": (
                {"title": paper.title, "author": paper.author, "note": paper.note}
                if paper
                else None
            ),
            "moderators": list(s.moderators or ()),
            "note": s.note,
        }
    ).decode()


class _Writer:
    """Writes datasets into a new index database, one at a time.

    A dataset is anything with the model's attribute names: a model
    :class:`~poc_cli.model.Dataset` or an :class:`~poc_cli.ingest.DatasetFile`
    (whose optional lists may be None).
    """

    def __init__(self, conn: sqlite3.Connection, fts: str = "fts") -> None:
        self.conn = conn
        self.fts = fts
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
            self.fts: [],
        }
        self._name_keys: dict[tuple[Any, ...], frozenset[str]] = {}

    def add(self, dataset: Any, path: str = "", number: int = 0) -> None:
        """Write one dataset; ``number`` is its place in the corpus (rowids derive from it)."""
        from .model import Speaker
        from .names import name_keys

        # Rowids: the statement's length in words, the dataset's number, then the
        # statement's place in it.  Derived from the statement alone, so a shard built by
        # another process needs no renumbering; length first, so that FTS5, which walks
        # matches in rowid order, meets the shortest statements first (see Index.match).
        # A 50 MiB file holds far fewer than 2**20 statements.
        if not 0 <= number < MAX_FILES:
            # Rowids would collide: say so rather than return wrong statements.
            from .errors import DataError

            raise DataError(f"a corpus may hold at most {MAX_FILES - 1:,} dataset files")
        ev = dataset.event
        event = ev.id
        if event in self.event_paths:
            self.duplicate_events = True
        self.event_paths.setdefault(event, path)
        pending = self._pending
        encode = self._encode
        pending["events"].append((event, ev.short_title, ev.title, ev.date))
        pending["sessions"].extend(
            (event, x.id, x.title, x.kind, _session_json(x, encode)) for x in dataset.sessions
        )
        pending["speakers"].extend(
            (event, p.id, p.name, _speaker_json(p, encode)) for p in dataset.speakers
        )
        topics = dataset.topics or ()
        pending["topics"].extend((event, t.id, t.label) for t in topics)
        names = pending["names"]
        by_speaker: dict[str, tuple[str, str]] = {}
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
            display = f"{p.honorific} {p.name}" if p.honorific else p.name
            by_speaker[p.id] = (
                _nfc(" ".join(dict.fromkeys((display, p.name, *aliases)))),
                _nfc(" ".join((*p.organisations, p.role))),
            )
        labels = {t.id: t.label for t in topics}
        rows = pending["statements"]
        fts_rows = pending[self.fts]
        base = number << FILE_SHIFT
        nfc = _nfc
        default = ("", "")
        for place, st in enumerate(dataset.statements, 1):
            text = st.text
            length = text.count(" ") + 1
            rowid = (
                (length if length < MAX_LENGTH_BUCKET else MAX_LENGTH_BUCKET) << LENGTH_SHIFT
            ) | (base + place)
            items = st.items or ()
            topic_ids = st.topics or ()
            rows.append(
                (
                    rowid,
                    st.id,
                    event,
                    st.speaker,
                    st.session,
                    st.kind,
                    text,
                    encode((items, topic_ids, st.paragraphs)).decode(),
                    st.note,
                )
            )
            speaker_text, org_text = by_speaker.get(st.speaker, default)
            fts_rows.append(
                (
                    rowid,
                    text if text.isascii() else nfc(text),
                    # Items normally repeat the text; index them only where they add words.
                    nfc("\n".join([i for i in items if i not in text])) if items else "",
                    " ".join([labels.get(t, t) for t in topic_ids]) if topic_ids else "",
                    speaker_text,
                    org_text,
                )
            )
            if len(rows) >= _BATCH:
                self.flush()  # within a file too: one file may hold 100,000 statements
        self.done += len(dataset.statements)

    def flush(self) -> None:
        """Write the pending rows."""
        conn = self.conn
        pending = self._pending
        # OR IGNORE: a repeated event id is reported by the caller, after the build.
        for table, marks in (("events", 4), ("sessions", 5), ("speakers", 4), ("topics", 3)):
            conn.executemany(
                f"INSERT OR IGNORE INTO {table} VALUES({','.join('?' * marks)})", pending[table]
            )
        conn.executemany("INSERT INTO names VALUES(?,?,?)", pending["names"])
        # In rowid order: FTS5 writes its pending terms out as a new segment whenever a
        # rowid is lower than the last one, and rowids begin with the statement's length,
        # so unsorted rows meant a tiny segment per statement and twice the build time
        # (and B-tree inserts all over the statements table).
        statements = pending["statements"]
        statements.sort()
        conn.executemany("INSERT INTO statements VALUES(?,?,?,?,?,?,?,?,?)", statements)
        fts_rows = pending[self.fts]
        fts_rows.sort()
        conn.executemany(
            f"INSERT INTO {self.fts}(rowid, {', '.join(FTS_COLUMNS)}) VALUES(?,?,?,?,?,?)",
            fts_rows,
        )
        for rows in pending.values():
            rows.clear()

    def duplicate_statement_ids(self) -> bool:
        """True if a statement id occurs twice (call after :meth:`finish`)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM statements GROUP BY id HAVING count(*) > 1 LIMIT 1"
            ).fetchone()
            is not None
        )

    def merge_shard(self, shard: str) -> None:
        """Copy in a shard file written by another process's writer (FTS table ``fts1``)."""
        conn = self.conn
        self.flush()
        conn.commit()
        conn.execute("ATTACH DATABASE ? AS shard", (shard,))
        try:
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            added = conn.execute("SELECT count(*) FROM shard.events").fetchone()[0]
            for table in ("events", "sessions", "speakers", "topics"):
                conn.execute(f"INSERT OR IGNORE INTO main.{table} SELECT * FROM shard.{table}")
            for table in ("names", "statements"):
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM shard.{table}")
            if conn.execute("SELECT count(*) FROM events").fetchone()[0] != events + added:
                self.duplicate_events = True  # an event id in both halves
            if conn.execute("SELECT 1 FROM shard.meta WHERE key = 'duplicate_events'").fetchone():
                self.duplicate_events = True  # repeated within the shard's half
            self.done += conn.execute("SELECT count(*) FROM shard.statements").fetchone()[0]
            # An FTS5 table is its shadow tables: copy them whole into an empty twin.
            _create_fts(conn, "fts1")
            for suffix in ("data", "idx", "docsize", "config"):
                conn.execute(f"DELETE FROM main.fts1_{suffix}")
                conn.execute(f"INSERT INTO main.fts1_{suffix} SELECT * FROM shard.fts1_{suffix}")
            self.fts_tables.append("fts1")
            conn.execute(
                "INSERT INTO main.vocab SELECT * FROM shard.vocab WHERE true"
                " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df"
            )
            conn.commit()
        finally:
            conn.execute("DETACH DATABASE shard")

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

    def finish(self, cache_key: str) -> None:
        """Add the look-up indexes and the meta table (after :meth:`seal` and any merge)."""
        conn = self.conn
        conn.executescript(_INDEXES)
        name_key_count = conn.execute("SELECT count(*) FROM name_forms").fetchone()[0]
        conn.executemany(
            "INSERT INTO meta VALUES(?,?)",
            [
                ("format", str(INDEX_FORMAT)),
                ("schema_version", str(SCHEMA_VERSION)),
                ("cache_key", cache_key),
                ("statements", str(self.done)),
                ("name_keys", str(name_key_count)),
                ("fts_tables", ",".join(self.fts_tables)),
            ],
        )
        conn.commit()


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
    stays small whatever the corpus size (:mod:`poc_cli.ingest`).  A bad file raises
    its DataError; so does a corpus whose files repeat an event or statement id —
    ``on_error()`` is called then and must raise the precise error (the careful
    loader's).  ``progress(done, total)`` counts statements; until the last file is
    read, ``total`` is an estimate from the files read so far.

    From :data:`PARALLEL_MIN_FILES` files up, where ``fork`` exists, a child process
    indexes the second half of the files into a shard file while this one indexes the
    first half; the shard's rows and FTS table (``fts1``) are then copied in.  Decoding
    and tokenizing are CPU-bound, so two cores nearly halve a big build.  If the child
    fails for any reason, its files are indexed here instead, which raises the right
    error for a bad file.
    """
    child: Any = None
    split = len(paths)
    shard = path + ".shard"
    if len(paths) >= PARALLEL_MIN_FILES and hasattr(os, "fork"):
        import multiprocessing

        split = (len(paths) + 1) // 2
        context = multiprocessing.get_context("fork")
        child = context.Process(target=_build_shard, args=(paths[split:], shard, split))
        child.start()
    conn = sqlite3.connect(path)
    try:
        writer = _Writer(conn)
        scale = len(paths) / split
        _add_files(writer, paths[:split], 0, progress, scale)
        if child is not None:
            writer.seal()  # while the child seals its own shard
            child.join()
            if child.exitcode == 0:
                writer.merge_shard(shard)
            else:
                writer = _Writer(_fresh(conn))
                _add_files(writer, paths, 0, None, 1.0)
                writer.seal()
        else:
            writer.seal()
        writer.finish(cache_key)
        if (writer.duplicate_events or writer.duplicate_statement_ids()) and on_error:
            on_error()
        if progress is not None:
            progress(writer.done, writer.done)
    finally:
        conn.close()
        if child is not None:
            if child.is_alive():
                child.terminate()
                child.join()
            with contextlib.suppress(OSError):
                os.unlink(shard)


def _add_files(
    writer: _Writer, paths: list[str], first: int, progress: Progress | None, scale: float
) -> None:
    from .ingest import read_dataset_file

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


def _build_shard(paths: list[str], shard: str, first: int) -> None:
    """The child's half of :func:`build_index_from_files`: rows and FTS table ``fts1``."""
    conn = sqlite3.connect(shard)
    try:
        writer = _Writer(conn, fts="fts1")
        _add_files(writer, paths, first, None, 1.0)
        writer.seal()
        # The shard's events table keeps one row per id (OR IGNORE), so a repeat
        # within this half can only be told to the parent here.
        if writer.duplicate_events:
            conn.execute("INSERT INTO meta VALUES('duplicate_events', '1')")
            conn.commit()
    finally:
        conn.close()


class Index:
    """An open search index; see the module docstring for what it holds."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._meta: dict[str, str] | None = None

    @classmethod
    def open(cls, path: Path) -> Index:
        """Open an index file read-only; raises sqlite3.DatabaseError if it is not one."""
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        index = cls(conn, str(path))
        try:
            index.meta  # noqa: B018 - reading it checks the file is an index
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return index

    def close(self) -> None:
        self.conn.close()

    @property
    def meta(self) -> dict[str, str]:
        if self._meta is None:
            self._meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        return self._meta

    @property
    def statement_count(self) -> int:
        return int(self.meta.get("statements", "0"))

    # ---------------------------------------------------------------- vocabulary

    def family(self, key: str) -> list[tuple[str, str, int]]:
        """Indexed terms with stem key ``key``: (term, canonical spelling, doc frequency)."""
        return self.conn.execute(
            "SELECT term, canon, df FROM vocab WHERE key = ?", (key,)
        ).fetchall()

    def terms_of_length(self, low: int, high: int, initials: str = "") -> list[tuple[str, int]]:
        """Indexed (term, doc frequency) with ``low <= len(term) <= high``: typo candidates.

        ``initials``: only terms starting with one of these characters (a typo rarely
        changes the first letter, and this keeps the candidates few on a big corpus).
        """
        sql = "SELECT term, df FROM vocab WHERE len BETWEEN ? AND ?"
        params: list[Any] = [low, high]
        if initials:
            chars = sorted(set(initials))
            sql = "SELECT term, df FROM vocab WHERE initial IN ("
            sql += ",".join("?" * len(chars)) + ") AND len BETWEEN ? AND ?"
            params = [*chars, low, high]
        return self.conn.execute(sql, params).fetchall()

    def document_frequency(self, term: str) -> int:
        row = self.conn.execute("SELECT df FROM vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    # ---------------------------------------------------------------- retrieval

    def match(
        self,
        expression: str,
        where: str = "",
        params: Sequence[Any] = (),
        limit: int = 200,
        cap: int = RANK_CAP,
        ranked: bool = True,
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 rank) of statements matching an FTS5 ``expression``, best first.

        ``where`` is extra SQL over the ``statements`` table aliased ``s``.  An index
        built in two shards has two FTS tables; the best of each are merged.

        bm25 costs microseconds per match (and first counts every match of each
        phrase for its idf), and a common word matches half a million statements of a
        big corpus.  So where more than ``cap`` statements match, bm25 is skipped:
        the first ``limit`` matches in rowid order are returned, with rank 0.0 — the
        shortest statements, since rowids begin with the length.  A rowid-only scan
        of ``cap`` matches tells which case applies.  That is what search's own score
        wants of a word or phrase found exactly (the shorter the statement, the higher
        it scores); it loses bm25's preference for repeated words among equally short
        statements.  ``ranked=False``: always so.
        """
        found: list[tuple[int, float]] = []
        for fts in self.fts_tables:
            sql = f" FROM {fts}"
            if where:
                sql += f" JOIN statements s ON s.rowid = {fts}.rowid"
            sql += f" WHERE {fts} MATCH ?"
            if where:
                sql += f" AND ({where})"
            args = (expression, *params)
            if where and ranked and cap:
                found.extend(self._match_filtered(fts, sql, args, limit, cap))
                continue
            if (
                not ranked
                or cap
                and self.conn.execute(
                    f"SELECT 1{sql} ORDER BY {fts}.rowid LIMIT 1 OFFSET ?", (*args, cap - 1)
                ).fetchone()
            ):
                # Too many to rank: the shortest, in rowid order, unranked.
                sql = f"SELECT {fts}.rowid, 0.0{sql} ORDER BY {fts}.rowid LIMIT ?"
            else:
                sql = f"SELECT {fts}.rowid, {fts}.rank{sql} ORDER BY {fts}.rank LIMIT ?"
            found.extend(self.conn.execute(sql, (*args, limit)).fetchall())
        if len(self.fts_tables) > 1:
            found.sort(key=lambda row: (row[1], row[0]))
        return found[:limit]

    def _match_filtered(
        self, fts: str, sql: str, args: Sequence[Any], limit: int, cap: int
    ) -> list[tuple[int, float]]:
        """:meth:`match` with a filter, in one pass: the first ``cap`` matches that pass
        it, in rowid order, each with its bm25 rank.

        ``ORDER BY rank`` would have FTS5 rank every match of the expression before the
        filter is applied: half a million bm25 scores for a common word in a big corpus,
        to keep the few dozen statements by one speaker (1.4 s against 0.37 s at a
        million statements).  Here only the statements that pass are ranked.
        """
        rows = self.conn.execute(
            f"SELECT {fts}.rowid, {fts}.rank{sql} ORDER BY {fts}.rowid LIMIT ?", (*args, cap)
        ).fetchall()
        if len(rows) < cap:
            return sorted(rows, key=lambda row: (row[1], row[0]))[:limit]
        if limit > cap:  # too many to rank, and more wanted than were read
            return self.conn.execute(
                f"SELECT {fts}.rowid, 0.0{sql} ORDER BY {fts}.rowid LIMIT ?", (*args, limit)
            ).fetchall()
        return [(rowid, 0.0) for rowid, _ in rows[:limit]]  # too many to rank

    @property
    def fts_tables(self) -> list[str]:
        return self.meta.get("fts_tables", "fts").split(",")

    def statements(self, rowids: Iterable[int]) -> dict[int, StatementRow]:
        """The statements with these rowids, with their speaker and session resolved."""
        ids = list(rowids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT s.rowid, s.id, s.event, e.short_title, e.date, s.speaker, p.name, p.json,"
            " s.session, ss.title, s.kind, s.text, s.extra, s.note"
            " FROM statements s"
            " LEFT JOIN events e ON e.id = s.event"
            " LEFT JOIN speakers p ON p.event = s.event AND p.id = s.speaker"
            " LEFT JOIN sessions ss ON ss.event = s.event AND ss.id = s.session"
            f" WHERE s.rowid IN ({marks})",
            ids,
        ).fetchall()
        labels = self._topic_labels({r[2] for r in rows})
        out: dict[int, StatementRow] = {}
        for r in rows:
            items, topic_list, paragraphs = json.loads(r[12])
            topics = tuple(topic_list)
            speaker_json = json.loads(r[7]) if r[7] else {}
            out[r[0]] = StatementRow(
                rowid=r[0],
                id=r[1],
                event=r[2],
                event_title=r[3] or "",
                event_date=r[4] or "",
                speaker=r[5],
                speaker_name=r[6] or r[5],
                session=r[8],
                session_title=r[9] or r[8],
                kind=r[10],
                text=r[11],
                items=tuple(items),
                topics=topics,
                topic_labels=tuple(labels.get((r[2], t), t) for t in topics),
                paragraphs=tuple(paragraphs),
                note=r[13],
                organisations=tuple(speaker_json.get("organisations", ())),
            )
        return out

    def file_number(self, statement_id: str) -> int | None:
        """The place in the corpus of the dataset holding the statement with exactly
        this id (see :data:`FILE_SHIFT`), or None if no statement has it."""
        row = self.conn.execute(
            "SELECT rowid FROM statements WHERE id = ? LIMIT 1", (statement_id,)
        ).fetchone()
        return None if row is None else (row[0] >> FILE_SHIFT) & (MAX_FILES - 1)

    def _topic_labels(self, events: set[str]) -> dict[tuple[str, str], str]:
        marks = ",".join("?" * len(events))
        rows = self.conn.execute(
            f"SELECT event, id, label FROM topics WHERE event IN ({marks})", list(events)
        ).fetchall()
        return {(e, i): label for e, i, label in rows}

    # ---------------------------------------------------------------- people, sessions

    def speakers_by_name_key(self, keys: Iterable[str]) -> list[tuple[str, Speaker]]:
        """Every (event, Speaker) whose exact name forms include one of ``keys``."""
        keys = list(keys)
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            "SELECT DISTINCT p.event, p.json, p.rowid FROM names n JOIN speakers p"
            f" ON p.event = n.event AND p.id = n.speaker WHERE n.key IN ({marks})"
            " ORDER BY p.rowid",
            keys,
        ).fetchall()
        return [(event, _speaker(json.loads(js))) for event, js, _ in rows]

    def speakers_by_id(self, ids: Iterable[str]) -> list[tuple[str, Speaker]]:
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT event, json FROM speakers WHERE id IN ({marks}) ORDER BY rowid", ids
        ).fetchall()
        return [(event, _speaker(json.loads(js))) for event, js in rows]

    def speaker_records(self) -> list[tuple[str, Speaker]]:
        rows = self.conn.execute("SELECT event, json FROM speakers ORDER BY rowid").fetchall()
        return [(event, _speaker(json.loads(js))) for event, js in rows]

    def name_keys(self, low: int = 0, high: int = 1 << 30) -> list[str]:
        """Distinct name forms with ``low <= length <= high``."""
        return [
            k
            for (k,) in self.conn.execute(
                "SELECT key FROM name_forms WHERE len BETWEEN ? AND ?", (low, high)
            ).fetchall()
        ]

    def session_records(self) -> list[tuple[str, Session]]:
        rows = self.conn.execute("SELECT event, json FROM sessions ORDER BY rowid").fetchall()
        return [(event, _session(json.loads(js))) for event, js in rows]

    def topics(self) -> list[tuple[str, str, str]]:
        """(event, topic id, label) of every topic."""
        return self.conn.execute("SELECT event, id, label FROM topics ORDER BY rowid").fetchall()

    def topic_kinds(self) -> list[tuple[str, str]]:
        """Distinct (topic id, label): a thousand events share a few dozen topics."""
        return self.conn.execute("SELECT DISTINCT id, label FROM topics").fetchall()

    def session_ids(self, event: str | None = None) -> list[str]:
        """The distinct session ids (of one event)."""
        sql = "SELECT DISTINCT id FROM sessions" + (" WHERE event = ?" if event else "")
        return [i for (i,) in self.conn.execute(sql, (event,) if event else ())]

    def session_kinds(self, event: str | None = None) -> list[Session]:
        """Distinct sessions by (id, title, kind) (of one event), in corpus order:
        what naming a session is matched against, without every event's copy."""
        sql = "SELECT id, title, kind FROM sessions"
        sql += " WHERE event = ?" if event is not None else ""
        sql += " GROUP BY id, title, kind ORDER BY min(rowid)"
        rows = self.conn.execute(sql, (event,) if event is not None else ()).fetchall()
        return [Session(id=i, title=t, kind=k) for i, t, k in rows]

    def has_event(self, event: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM events WHERE id = ?", (event,)).fetchone() is not None
        )

    def event_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def event_ids(self) -> list[str]:
        return [e for (e,) in self.conn.execute("SELECT id FROM events ORDER BY rowid")]


def _speaker(d: dict[str, Any]) -> Speaker:
    return Speaker(
        id=d["id"],
        name=d["name"],
        honorific=d.get("honorific"),
        role=d.get("role", ""),
        organisations=tuple(d.get("organisations", ())),
        aliases=tuple(d.get("aliases", ())),
        parts=tuple(Part(**p) for p in d.get("parts", ())),
        notes=tuple(d.get("notes", ())),
    )


def _session(d: dict[str, Any]) -> Session:
    paper = d.get("paper")
    return Session(
        id=d["id"],
        title=d["title"],
        kind=d["kind"],
        paper=Paper(**paper) if paper else None,
        moderators=tuple(d.get("moderators", ())),
        note=d.get("note"),
    )


# ------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """``$POC_CACHE_DIR`` if set, else the user cache folder for poc."""
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith("linux"):
        # The common Linux cases without importing platformdirs (about 10 ms of every
        # search): exactly what platformdirs.user_cache_dir("poc") answers there, which
        # tests/test_index.py checks.  Anything unusual (a relative HOME) is left to it.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if os.path.isabs(xdg):
            return Path(xdg, "poc")
        if os.path.isabs(os.environ.get("HOME", "")):
            return Path(os.path.expanduser("~/.cache"), "poc")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("poc"))


def cache_key(paths: Sequence[Path]) -> str:
    """A hash that changes whenever any dataset file (or the index format) changes.

    Raises OSError if a file cannot be stat'ed.
    """
    return _listing_key(None, [os.path.abspath(p) for p in paths])


def _listing_key(folder: Path | None, names: Sequence[str]) -> str:
    """:func:`cache_key` of ``names`` in ``folder`` (or of absolute paths if None).

    Each file's name, size, mtime, ctime and inode go into the hash (and the folder's
    absolute path).  Over a folder the files are stat'ed by name relative to the open
    folder; the numbers are hashed as one list, not formatted file by file: 20,000
    files in about 0.1 s, nearly all of it the stat calls themselves.
    """
    digest = hashlib.sha256(f"{INDEX_FORMAT}\0{SCHEMA_VERSION}\0".encode())
    if folder is None:
        stats = [os.stat(name) for name in names]
    else:
        base = os.path.abspath(folder)
        digest.update(base.encode("utf-8", "surrogateescape") + b"\0")
        fd = os.open(base, os.O_RDONLY)
        try:
            stat = os.stat
            stats = [stat(name, dir_fd=fd) for name in names]
        finally:
            os.close(fd)
    numbers: list[int] = []
    add = numbers.extend
    for st in stats:
        add((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    # Names hold no NUL, and there are four numbers per name: unambiguous.
    digest.update("\0".join(names).encode("utf-8", "surrogateescape") + b"\0\0")
    try:
        digest.update(array("q", numbers).tobytes())
    except OverflowError:  # an inode number above 2**63
        digest.update(repr(numbers).encode())
    return digest.hexdigest()


def _file_names(folder: Path | None, names: Sequence[str], key: str) -> tuple[str, str]:
    """(prefix shared by every index of this dataset folder or file, this index's file name)."""
    where = os.path.abspath(folder if folder is not None else names[0])
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    prefix = f"index-v{INDEX_FORMAT}-{digest[:16]}-"
    return prefix, f"{prefix}{key[:24]}.sqlite"


def open_index(
    data: Path | str | None = None,
    *,
    load: Callable[[Path | str | None], Corpus] | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> tuple[Index, list[str]]:
    """The index of the datasets ``data`` names, from the cache or freshly built.

    ``data`` is what ``--data`` / ``$POC_DATA`` gave (a file, a folder or None for the
    bundled dataset), resolved by :func:`poc_cli.dataset.dataset_listing`.  A build
    streams the files straight into the cache (:func:`build_index_from_files`); a
    bad dataset raises DataError.  ``load``, if given, loads the corpus for the build
    instead (tests use it).  ``progress`` is called only when building.

    Returns the index and warnings (cache problems) for the caller to show.
    """
    from . import dataset
    from .errors import DataError

    folder, names = dataset.dataset_listing(data)
    warnings: list[str] = []
    try:
        key = _listing_key(folder, names)
    except OSError as exc:
        raise DataError(f"cannot read dataset: {exc}") from exc
    cache = cache_dir()
    prefix, name = _file_names(folder, names, key)
    target = cache / name
    if not rebuild and target.exists():
        try:
            index = Index.open(target)
            if index.meta.get("cache_key") == key:
                return index, warnings
            index.close()
        except sqlite3.DatabaseError as exc:
            warnings.append(f"search index {target} is damaged ({exc}); rebuilding it")
    elif rebuild:
        warnings.append(f"search index {target} is damaged; rebuilding it")

    if load is None:
        paths = [str(folder / n) for n in names] if folder is not None else names
        tmp = _temporary(cache)
        if not isinstance(tmp, str):
            warnings.append(_unwritable(cache, str(tmp) or type(tmp).__name__))
            corpus = dataset.load_corpus(data)
            return build_index(corpus, cache_key=key, progress=progress), warnings

        def corpus_error() -> None:
            dataset.load_corpus(data)  # raises the precise error for repeated ids

        try:
            build_index_from_files(
                paths, tmp, cache_key=key, progress=progress, on_error=corpus_error
            )
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            # The cache folder filled up or failed: search from memory, as when it
            # cannot be written at all.  (A bad dataset is a DataError: raised.)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            warnings.append(_unwritable(cache, str(exc) or type(exc).__name__))
            corpus = dataset.load_corpus(data)
            return build_index(corpus, cache_key=key, progress=progress), warnings
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _remove_stale(cache, prefix, target)
        return Index.open(target), warnings

    corpus = load(data)
    index = build_index(corpus, cache_key=key, progress=progress)
    problem = _save(index, cache, prefix, target)
    if problem:
        warnings.append(_unwritable(cache, problem))
    return index, warnings


def _unwritable(folder: Path, problem: str) -> str:
    return f"cannot write the search index cache in {folder} ({problem}); searching without a cache"


def _temporary(folder: Path) -> str | OSError:
    """A new empty file in ``folder`` to build an index in, or why there cannot be one."""
    import tempfile  # only when building: a warm search never needs it

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        return exc
    return tmp


def _remove_stale(folder: Path, prefix: str, target: Path) -> None:
    """Older indexes of the same dataset paths are stale now."""
    for old in folder.glob(prefix + "*.sqlite"):
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()


def _save(index: Index, folder: Path, prefix: str, target: Path) -> str | None:
    """Write ``index`` to ``target`` atomically; the reason it failed, or None."""
    made = _temporary(folder)
    if not isinstance(made, str):
        return str(made) or type(made).__name__
    tmp: str | None = made
    try:
        disk = sqlite3.connect(made)
        try:
            index.conn.backup(disk)
        finally:
            disk.close()
        os.replace(made, target)
        tmp = None
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _remove_stale(folder, prefix, target)
    return None
