"""Reading an index: :class:`Index`, the search engine's storage side.  Every SQL and
FTS5 string that reads the index is here, but for the listings' (:mod:`.listings`).

Damage: every row that is served (a statement with its event, speaker, session and
topic labels; a speaker looked up by name or id) is checked against the checksum
stored with it at build time (:func:`~.schema.row_check`), and a value that does not
decode is damage too: either raises :class:`IndexDamaged`, an ``sqlite3.DatabaseError``,
so the caller rebuilds the index (``search.search``) rather than print an altered
quotation or a traceback.  Whole-table reads used only to match what the user typed
(``speaker_records``, ``session_records``, the distinct forms) are not checksummed:
that would cost a pass over every row at a million statements; they raise
IndexDamaged only when a value does not decode.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from poc_cli.model import Session, Speaker
from poc_cli.schema.codec import speaker_from_dict

from .schema import (
    FILE_SHIFT,
    MAX_FILES,
    RANK_CAP,
    StatementRow,
    file_of_rowid,
    meta_check,
    row_check,
)


class IndexDamaged(sqlite3.DatabaseError):
    """The index file's contents are not what was written: rebuild it."""


def _damaged(what: str) -> IndexDamaged:
    return IndexDamaged(f"{what} does not match its checksum")


def _decode(text: Any) -> Any:
    """A JSON column's value; IndexDamaged if it is not valid JSON text."""
    if not isinstance(text, str):
        raise IndexDamaged("a JSON column does not hold text")
    try:
        return json.loads(text)
    except ValueError:
        raise IndexDamaged("a JSON column does not decode") from None


def _speaker(js: Any) -> Speaker:
    try:
        return speaker_from_dict(_decode(js))
    except (TypeError, ValueError, KeyError, AttributeError):
        raise IndexDamaged("a speaker row does not decode") from None


def _checked_speakers(
    rows: Iterable[tuple[str, str, str, str, int]],
    known: Callable[[str, str, str], Speaker | None] | None = None,
) -> list[tuple[str, Speaker]]:
    """(event, Speaker) of speakers rows (event, id, name, json, checksum), checked;
    ``known(event, id, name)`` may answer a row's Speaker without its JSON decoded."""
    out = []
    check = row_check
    for event, ident, name, js, stored in rows:
        if check((event, ident, name, js)) != stored:
            raise _damaged("a speaker row")
        speaker = known(event, ident, name) if known is not None else None
        out.append((event, speaker if speaker is not None else _speaker(js)))
    return out


def light_speaker(ident: str, name: str) -> Speaker:
    """A Speaker of an id and a name, nothing else: a stand-in where only those count."""
    return Speaker(
        id=ident, name=name, honorific=None, role="", organisations=(), aliases=(), parts=()
    )


class Index:
    """An open search index; see the module docstring for what it holds."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._meta: dict[str, str] | None = None
        self._files_of_events: dict[str, int | None] = {}

    @classmethod
    def open(cls, path: Path) -> Index:
        """Open an index file read-only; raises sqlite3.DatabaseError if it is not one."""
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        index = cls(conn, str(path))
        try:
            meta = index.meta  # reading it checks the file is an index
            if meta.get("checksum") != str(meta_check(meta)):
                raise _damaged("the meta table")
        except UnicodeDecodeError:  # sqlite3 raises it for text that is not UTF-8
            conn.close()
            raise IndexDamaged("text in the index is not UTF-8") from None
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
        try:
            return int(self.meta.get("statements", "0"))
        except ValueError:
            raise IndexDamaged("the statement count does not decode") from None

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
        events: Collection[str] | None = None,
        events_only: bool = False,
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 rank) of statements matching an FTS5 ``expression``, best first.

        ``where`` is extra SQL over the ``statements`` table aliased ``s``.  ``events``:
        only statements of these events can pass it (``events_only``: every one of them
        does, and ``where`` need not be asked).  An index built in two shards has two
        FTS tables; the best of each are merged.

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
        # An event's statements are those of one dataset file, whose number is in each
        # of their rowids (schema.py): told on the FTS side, before any match is joined
        # to the statements table (at 100k, 0.3 ms a query against 3.5 for one event;
        # 1.7 against 4.5 for the 247 events of three people).
        files = ""
        if events is not None:
            numbers = sorted(self._file_numbers(events))
            if not numbers:
                return []  # no statement of those events
            files = ",".join(map(str, numbers))
            if events_only:
                where, params = "", ()
        filtered = bool(where or files)
        for fts in self.fts_tables:
            sql = f" FROM {fts}"
            if where:
                sql += f" JOIN statements s ON s.rowid = {fts}.rowid"
            sql += f" WHERE {fts} MATCH ?"
            if files:
                sql += f" AND (({fts}.rowid >> {FILE_SHIFT}) & {MAX_FILES - 1}) IN ({files})"
            if where:
                sql += f" AND ({where})"
            args = (expression, *params)
            if filtered and ranked and cap:
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

    def _file_numbers(self, events: Collection[str]) -> set[int]:
        """The numbers of the dataset files holding statements of ``events``, each
        event's read from one of its statements' rowids (kept for the next query)."""
        known = self._files_of_events
        numbers = set()
        for event in events:
            if event not in known:
                row = self.conn.execute(
                    "SELECT rowid FROM statements WHERE event = ? LIMIT 1", (event,)
                ).fetchone()
                known[event] = None if row is None else file_of_rowid(row[0])
            number = known[event]
            if number is not None:
                numbers.add(number)
        return numbers

    @property
    def fts_tables(self) -> list[str]:
        return self.meta.get("fts_tables", "fts").split(",")

    def statements(self, rowids: Iterable[int]) -> dict[int, StatementRow]:
        """The statements with these rowids, with their speaker and session resolved.

        Every row read is checked against its checksum; IndexDamaged if one does not
        match, or if a rowid the FTS table gave has no statement.
        """
        ids = list(dict.fromkeys(rowids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT s.rowid, s.id, s.event, e.short_title, e.date, s.speaker, p.name, p.json,"
            " s.session, ss.title, s.kind, s.text, s.extra, s.note, s.checksum,"
            " e.title, e.checksum, p.checksum, ss.kind, ss.json, ss.checksum"
            " FROM statements s"
            " LEFT JOIN events e ON e.id = s.event"
            " LEFT JOIN speakers p ON p.event = s.event AND p.id = s.speaker"
            " LEFT JOIN sessions ss ON ss.event = s.event AND ss.id = s.session"
            f" WHERE s.rowid IN ({marks})",
            ids,
        ).fetchall()
        if len(rows) != len(ids):
            raise IndexDamaged("a matched statement is missing from the index")
        check = row_check
        seen: set[tuple[Any, ...]] = set()  # event, speaker and session rows checked
        for r in rows:
            if check((r[0], r[1], r[2], r[5], r[8], r[10], r[11], r[12], r[13])) != r[14]:
                raise _damaged(f"statement row {r[0]}")
            # A valid index resolves every statement's event, speaker and session
            # (the build checked the references), so a missing one is damage too.
            for joined in (
                (r[2], r[3], r[15], r[4], r[16]),
                (r[2], r[5], r[6], r[7], r[17]),
                (r[2], r[8], r[9], r[18], r[19], r[20]),
            ):
                if joined not in seen:
                    if check(joined[:-1]) != joined[-1]:
                        raise _damaged(f"the event, speaker or session of statement row {r[0]}")
                    seen.add(joined)
        decoded = {}
        for r in rows:
            try:
                items, topic_list, paragraphs = _decode(r[12])
                topics = tuple(topic_list)
                speaker_json = _decode(r[7])
                organisations = tuple(speaker_json.get("organisations", ()))
                # The speaker column of FTS5 holds these too: scoring must see them.
                forms = (speaker_json.get("honorific") or "", *speaker_json.get("aliases", ()))
                decoded[r[0]] = (tuple(items), topics, tuple(paragraphs), organisations, forms)
            except (TypeError, ValueError, AttributeError):
                raise IndexDamaged(f"statement row {r[0]} does not decode") from None
        try:
            wanted = {(r[2], t) for r in rows for t in decoded[r[0]][1]}
        except TypeError:  # a topic id that is not a string
            raise IndexDamaged("a statement's topics do not decode") from None
        labels = self._topic_labels({r[2] for r in rows}, wanted)
        out: dict[int, StatementRow] = {}
        for r in rows:
            items, topics, paragraphs, organisations, forms = decoded[r[0]]
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
                items=items,
                topics=topics,
                topic_labels=tuple(labels.get((r[2], t), t) for t in topics),
                paragraphs=paragraphs,
                note=r[13],
                organisations=organisations,
                speaker_forms=forms,
            )
        return out

    def file_number(self, statement_id: str) -> int | None:
        """The place in the corpus of the dataset holding the statement with exactly
        this id (see :data:`FILE_SHIFT`), or None if no statement has it."""
        row = self.conn.execute(
            "SELECT rowid FROM statements WHERE id = ? LIMIT 1", (statement_id,)
        ).fetchone()
        return None if row is None else file_of_rowid(row[0])

    def _topic_labels(
        self, events: set[str], wanted: set[tuple[str, str]] | None = None
    ) -> dict[tuple[str, str], str]:
        """(event, topic id) → label for these events; the rows in ``wanted`` (all
        if None) are checked against their checksums."""
        marks = ",".join("?" * len(events))
        rows = self.conn.execute(
            f"SELECT event, id, label, checksum FROM topics WHERE event IN ({marks})",
            list(events),
        ).fetchall()
        check = row_check
        for e, i, label, stored in rows:
            if (wanted is None or (e, i) in wanted) and check((e, i, label)) != stored:
                raise _damaged("a topic row")
        return {(e, i): label for e, i, label, _ in rows}

    # ---------------------------------------------------------------- people, sessions

    def speakers_by_name_key(
        self, keys: Iterable[str], *, whole: bool = True
    ) -> list[tuple[str, Speaker]]:
        """Every (event, Speaker) whose exact name forms include one of ``keys``, each
        row checked.  ``whole=False``: each Speaker holds the row's id and name only
        (:func:`light_speaker`), its JSON not decoded: all that choosing people by name
        needs (``names.person_key``), for a name held by thousands of records."""
        keys = list(keys)
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            "SELECT DISTINCT p.event, p.json, p.rowid, p.id, p.name, p.checksum FROM names n"
            " JOIN speakers p ON p.event = n.event AND p.id = n.speaker"
            f" WHERE n.key IN ({marks}) ORDER BY p.rowid",
            keys,
        ).fetchall()
        checked = ((event, i, name, js, stored) for event, js, _, i, name, stored in rows)
        return _checked_speakers(checked, None if whole else lambda e, i, n: light_speaker(i, n))

    def speakers_by_id(
        self,
        ids: Iterable[str],
        known: Callable[[str, str, str], Speaker | None] | None = None,
    ) -> list[tuple[str, Speaker]]:
        """Every (event, Speaker) with one of these ids, in corpus order, checked.

        ``known(event, id, name)``, if given, may answer a row's Speaker without its
        JSON being decoded (one already read, or one that will be left out); None: decode.
        """
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT event, id, name, json, checksum FROM speakers"
            f" WHERE id IN ({marks}) ORDER BY rowid",
            ids,
        ).fetchall()
        return _checked_speakers(rows, known)

    def speaker_records(self) -> list[tuple[str, Speaker]]:
        rows = self.conn.execute("SELECT event, json FROM speakers ORDER BY rowid").fetchall()
        return [(event, _speaker(js)) for event, js in rows]

    def name_keys(self, low: int = 0, high: int = 1 << 30) -> list[str]:
        """Distinct name forms with ``low <= length <= high``."""
        return [
            k
            for (k,) in self.conn.execute(
                "SELECT key FROM name_forms WHERE len BETWEEN ? AND ?", (low, high)
            ).fetchall()
        ]

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

    # ---------------------------------------------------------------- completion

    def speaker_names_with_key_prefix(self, prefixes: Iterable[str], limit: int) -> list[str]:
        """Distinct display names of the speakers with a name form (``names.key``)
        beginning with one of ``prefixes`` ("" for everyone), sorted, at most ``limit``."""
        prefixes = list(dict.fromkeys(prefixes))
        if "" in prefixes:
            rows = self.conn.execute(
                "SELECT DISTINCT name FROM speakers ORDER BY name LIMIT ?", (limit,)
            ).fetchall()
            return [name for (name,) in rows]
        ranges = [(p, p + "\U0010ffff") for p in prefixes]
        where = " OR ".join("(n.key >= ? AND n.key < ?)" for _ in ranges)
        # The distinct (event, speaker) pairs first: a popular person's forms are in
        # thousands of events' rows, and each pair is looked up once.
        rows = self.conn.execute(
            "SELECT DISTINCT p.name FROM (SELECT DISTINCT event, speaker FROM names n"
            f" WHERE {where}) n JOIN speakers p ON p.event = n.event AND p.id = n.speaker"
            " ORDER BY p.name LIMIT ?",
            [*(b for r in ranges for b in r), limit],
        ).fetchall()
        return [name for (name,) in rows]

    def session_texts(self) -> list[tuple[str, str, str]]:
        """Distinct (id, kind, title) of the sessions, in corpus order: what a typed
        session is completed against (one scan, no JSON decoded)."""
        rows = self.conn.execute("SELECT id, kind, title FROM sessions ORDER BY rowid")
        return list(dict.fromkeys((i, k or "", t or "") for i, k, t in rows))

    def statement_ids_with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Distinct statement ids beginning with ``prefix``, sorted, at most ``limit``."""
        rows = self.conn.execute(
            "SELECT DISTINCT id FROM statements WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        ).fetchall()
        return [i for (i,) in rows]
