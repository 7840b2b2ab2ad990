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
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

INDEX_FORMAT = 2
"""Bump whenever what the index stores or how it tokenizes changes."""
CACHE_ENV_VAR = "POC_CACHE_DIR"
TOKENIZER = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("text", "items", "topics", "speaker", "org")
FTS_WEIGHTS = (1.0, 1.0, 0.6, 0.6, 0.3)
"""bm25 weights of the FTS columns, in FTS_COLUMNS order."""

Progress = Callable[[int, int], None]
"""``progress(done, total)``: statements indexed so far out of all of them."""

_PROGRESS_STEP = 5000


@dataclass(frozen=True, slots=True)
class StatementRow:
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


_SCHEMA = f"""
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
CREATE VIRTUAL TABLE fts USING fts5({", ".join(FTS_COLUMNS)}, content='',
    tokenize="{TOKENIZER}");
CREATE TABLE vocab(term TEXT PRIMARY KEY, canon TEXT, key TEXT, df INTEGER, len INTEGER)
    WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX vocab_key ON vocab(key);
CREATE INDEX vocab_len ON vocab(len);
CREATE INDEX statements_id ON statements(id);
"""


def _nfc(text: str) -> str:
    # unicode61 treats a combining mark as a separator; composed text keeps words whole.
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else (unicodedata.normalize("NFC", text))
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _speaker_json(p: Speaker) -> str:
    # By hand: dataclasses.asdict deep-copies and costs seconds on a big corpus.
    return _encode(
        {
            "id": p.id,
            "name": p.name,
            "honorific": p.honorific,
            "role": p.role,
            "organisations": p.organisations,
            "aliases": p.aliases,
            "parts": [{"session": x.session, "part": x.part} for x in p.parts],
            "notes": p.notes,
        }
    )


def _session_json(s: Session) -> str:
    paper = s.paper
    return _encode(
        {
            "id": s.id,
            "title": s.title,
            "kind": s.kind,
            "paper": (
                {"title": paper.title, "author": paper.author, "note": paper.note}
                if paper
                else None
            ),
            "moderators": s.moderators,
            "note": s.note,
        }
    )


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
    from .names import name_keys

    conn = sqlite3.connect(path, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(_SCHEMA)
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    conn.execute("INSERT INTO fts(fts, rank) VALUES('rank', ?)", (f"bm25({weights})",))
    total = sum(len(d.statements) for d in corpus.datasets)
    if progress is not None:
        progress(0, total)
    events: list[tuple[str, ...]] = []
    sessions: list[tuple[str, ...]] = []
    speakers: list[tuple[str, ...]] = []
    names: list[tuple[str, ...]] = []
    topics: list[tuple[str, ...]] = []
    rows: list[tuple[Any, ...]] = []
    fts_rows: list[tuple[Any, ...]] = []
    done = 0
    with conn:
        for dataset in corpus.datasets:
            ev = dataset.event
            events.append((ev.id, ev.short_title, ev.title, ev.date))
            sessions.extend(
                (ev.id, x.id, x.title, x.kind, _session_json(x)) for x in dataset.sessions
            )
            speakers.extend((ev.id, p.id, p.name, _speaker_json(p)) for p in dataset.speakers)
            names.extend((key, ev.id, p.id) for p in dataset.speakers for key in name_keys(p))
            topics.extend((ev.id, t.id, t.label) for t in dataset.topics)
            labels = {t.id: t.label for t in dataset.topics}
            by_speaker = {
                p.id: (
                    _nfc(" ".join(dict.fromkeys((p.display_name, p.name, *p.aliases)))),
                    _nfc(" ".join((*p.organisations, p.role))),
                )
                for p in dataset.speakers
            }
            for st in dataset.statements:
                done += 1
                text = st.text
                # Items normally repeat the text; index them only where they add words.
                items = "\n".join(i for i in st.items if i not in text)
                rows.append(
                    (
                        done,
                        st.id,
                        ev.id,
                        st.speaker,
                        st.session,
                        st.kind,
                        text,
                        _encode([st.items, st.topics, st.paragraphs]),
                        st.note,
                    )
                )
                speaker_text, org_text = by_speaker.get(st.speaker, ("", ""))
                fts_rows.append(
                    (
                        done,
                        _nfc(text),
                        _nfc(items),
                        " ".join([labels.get(t, t) for t in st.topics]),
                        speaker_text,
                        org_text,
                    )
                )
            if len(fts_rows) >= _PROGRESS_STEP:
                _flush(conn, rows, fts_rows)
                if progress is not None:
                    progress(done, total)
        _flush(conn, rows, fts_rows)
        conn.executemany("INSERT INTO events VALUES(?,?,?,?)", events)
        conn.executemany("INSERT INTO sessions VALUES(?,?,?,?,?)", sessions)
        conn.executemany("INSERT INTO speakers VALUES(?,?,?,?)", speakers)
        conn.executemany("INSERT INTO names VALUES(?,?,?)", names)
        conn.executemany("INSERT INTO topics VALUES(?,?,?)", topics)
        conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
        conn.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'fts', 'row')")
        terms = conn.execute("SELECT term, doc FROM temp.fts_terms").fetchall()
        conn.executemany(
            "INSERT INTO vocab VALUES(?,?,?,?,?)",
            [(t, canonical(t), stem(canonical(t)), df, len(t)) for t, df in terms],
        )
        conn.execute("DROP TABLE temp.fts_terms")
        conn.executescript(_INDEXES)
        name_key_count = conn.execute("SELECT count(DISTINCT key) FROM names").fetchone()[0]
        conn.executemany(
            "INSERT INTO meta VALUES(?,?)",
            [
                ("format", str(INDEX_FORMAT)),
                ("schema_version", str(SCHEMA_VERSION)),
                ("cache_key", cache_key),
                ("statements", str(total)),
                ("name_keys", str(name_key_count)),
            ],
        )
    if progress is not None:
        progress(total, total)
    return Index(conn, path)


def _flush(
    conn: sqlite3.Connection, rows: list[tuple[Any, ...]], fts_rows: list[tuple[Any, ...]]
) -> None:
    conn.executemany("INSERT INTO statements VALUES(?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany(
        "INSERT INTO fts(rowid, text, items, topics, speaker, org) VALUES(?,?,?,?,?,?)",
        fts_rows,
    )
    rows.clear()
    fts_rows.clear()


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
            sql += " AND substr(term, 1, 1) IN (" + ",".join("?" * len(initials)) + ")"
            params.extend(initials)
        return self.conn.execute(sql, params).fetchall()

    def document_frequency(self, term: str) -> int:
        row = self.conn.execute("SELECT df FROM vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    # ---------------------------------------------------------------- retrieval

    def match(
        self, expression: str, where: str = "", params: Sequence[Any] = (), limit: int = 200
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 rank) of statements matching an FTS5 ``expression``, best first.

        ``where`` is extra SQL over the ``statements`` table aliased ``s``.
        """
        sql = "SELECT fts.rowid, fts.rank FROM fts"
        if where:
            sql += " JOIN statements s ON s.rowid = fts.rowid"
        sql += " WHERE fts MATCH ?"
        if where:
            sql += f" AND ({where})"
        sql += " ORDER BY fts.rank LIMIT ?"
        return self.conn.execute(sql, (expression, *params, limit)).fetchall()

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

    def name_keys(self) -> list[str]:
        return [k for (k,) in self.conn.execute("SELECT DISTINCT key FROM names").fetchall()]

    def session_records(self) -> list[tuple[str, Session]]:
        rows = self.conn.execute("SELECT event, json FROM sessions ORDER BY rowid").fetchall()
        return [(event, _session(json.loads(js))) for event, js in rows]

    def topics(self) -> list[tuple[str, str, str]]:
        """(event, topic id, label) of every topic."""
        return self.conn.execute("SELECT event, id, label FROM topics ORDER BY rowid").fetchall()

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
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("poc"))


def cache_key(paths: Sequence[Path]) -> str:
    """A hash that changes whenever any dataset file (or the index format) changes.

    Raises OSError if a file cannot be stat'ed.
    """
    identity: list[Any] = [INDEX_FORMAT, SCHEMA_VERSION]
    for path in paths:
        absolute = os.fspath(path)
        if not os.path.isabs(absolute):  # abspath is slow over 20,000 files; skip it if we can
            absolute = os.path.abspath(absolute)
        st = os.stat(absolute)
        identity.append((absolute, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return hashlib.sha256(_dumps(identity).encode()).hexdigest()


def _file_names(paths: Sequence[Path], key: str) -> tuple[str, str]:
    """(prefix shared by every index of these paths, this index's file name)."""
    where = hashlib.sha256(_dumps([os.path.abspath(p) for p in paths]).encode()).hexdigest()
    prefix = f"index-v{INDEX_FORMAT}-{where[:16]}-"
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
    bundled dataset), resolved by :func:`poc_cli.dataset.dataset_paths`.  ``load``
    loads the corpus when a build is needed (default :func:`poc_cli.dataset.load_corpus`;
    it raises DataError for a bad dataset).  ``progress`` is called only when building.

    Returns the index and warnings (cache problems) for the caller to show.
    """
    from . import dataset

    paths = dataset.dataset_paths(data)
    warnings: list[str] = []
    try:
        key = cache_key(paths)
    except OSError as exc:
        from .errors import DataError

        raise DataError(f"cannot read dataset: {exc}") from exc
    folder = cache_dir()
    prefix, name = _file_names(paths, key)
    target = folder / name
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

    corpus = (load or dataset.load_corpus)(data)
    index = build_index(corpus, cache_key=key, progress=progress)
    problem = _save(index, folder, prefix, target)
    if problem:
        warnings.append(
            f"cannot write the search index cache in {folder} ({problem}); "
            "searching without a cache"
        )
    return index, warnings


def _save(index: Index, folder: Path, prefix: str, target: Path) -> str | None:
    """Write ``index`` to ``target`` atomically; the reason it failed, or None."""
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".tmp")
        os.close(fd)
        disk = sqlite3.connect(tmp)
        try:
            index.conn.backup(disk)
        finally:
            disk.close()
        os.replace(tmp, target)
        tmp = None
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    # Older indexes of the same dataset paths are stale now.
    for old in folder.glob(prefix + "*.sqlite"):
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()
    return None
