"""Reading an index: :class:`Index`, the search engine's storage side.  Every SQL and
FTS5 string that reads the index is here."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from poc_cli.model import Session, Speaker
from poc_cli.schema.codec import session_from_dict, speaker_from_dict

from .schema import FILE_SHIFT, MAX_FILES, RANK_CAP, StatementRow


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
        return [(event, speaker_from_dict(json.loads(js))) for event, js, _ in rows]

    def speakers_by_id(self, ids: Iterable[str]) -> list[tuple[str, Speaker]]:
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT event, json FROM speakers WHERE id IN ({marks}) ORDER BY rowid", ids
        ).fetchall()
        return [(event, speaker_from_dict(json.loads(js))) for event, js in rows]

    def speaker_records(self) -> list[tuple[str, Speaker]]:
        rows = self.conn.execute("SELECT event, json FROM speakers ORDER BY rowid").fetchall()
        return [(event, speaker_from_dict(json.loads(js))) for event, js in rows]

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
        return [(event, session_from_dict(json.loads(js))) for event, js in rows]

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
