"""Assemble the draft dataset (a JSON-ready dict in poc's schema) from the analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .attribution import Analysis, Entity, Statement, analyse
from .paragraphs import split_paragraphs
from .people import organisations_from_role, slug, surname_of
from .sessions import find_event, find_sessions, is_author, part_of, session_of

SCHEMA_VERSION = 1


@dataclass
class Unattributed:
    """A quotation left out of the draft, with where it stands and why."""

    paragraph: int  # 1-based
    text: str
    reason: str


@dataclass
class Summary:
    speakers: int = 0
    quotes: int = 0
    paraphrases: int = 0
    review: int = 0
    unattributed: list[Unattributed] = field(default_factory=list)
    dropped: list[Unattributed] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return self.quotes + self.paraphrases

    @property
    def empty(self) -> bool:
        """True when the report yields no statement: "no statements found"."""
        return self.statements == 0


@dataclass
class Extraction:
    dataset: dict[str, Any]
    summary: Summary

    @property
    def message(self) -> str | None:
        """What to tell the user when there is nothing to write, else None."""
        return "no statements found" if self.summary.empty else None


_ROLE_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _verbatim(paragraph: str, st: Statement) -> bool:
    if paragraph[st.start : st.end] != st.text or not st.text.strip():
        return False
    if st.kind == "quote":
        return st.start > 0 and paragraph[st.start - 1] in "“‘\"'"
    return True


_ITEM = re.compile(r"\s*(?:[-•*–▪◦]|\d{1,2}[.)])\s")


def _list_after(paragraphs: list[str], st: Statement) -> tuple[list[str], int]:
    """The items of the list that a paraphrase ending in a colon introduces, when the rest
    of its paragraph, or else the next paragraph, is that list and nothing else ("listed
    three myths:" then "• …" lines): each item as printed, without its indent, and the
    list's paragraph; else ([], -1)."""
    here = paragraphs[st.paragraph]
    if not st.text.rstrip().endswith(":"):
        return [], -1
    rest = here[st.end :]
    if rest.strip():
        where, block = st.paragraph, rest
    elif st.paragraph + 1 < len(paragraphs):
        where, block = st.paragraph + 1, paragraphs[st.paragraph + 1]
    else:
        return [], -1
    lines = [line for line in block.split("\n") if line.strip()]
    if not lines or not all(_ITEM.match(line) for line in lines):
        return [], -1
    return [line.strip() for line in lines], where


_CONTEXT_NOTE = "No attribution in its sentence; taken to continue the words"


def _speaking(statements: list[dict[str, Any]]) -> int:
    return len({r["speaker"] for r in statements})


def _role_of(entity: Entity) -> str:
    if entity.name is None:
        return entity.role_phrases[0] if entity.role_phrases else ""
    parts = [p for p in (entity.role_prefix, entity.appositive) if p]
    if not parts and entity.listed_role:
        parts = [entity.listed_role]
    return ", ".join(parts)


def _aliases(entity: Entity) -> list[str]:
    """The variants of the name as printed, the surname and honorific + surname, and the
    role phrases that stand for the person."""
    out: list[str] = []

    def add(alias: str) -> None:
        alias = alias.strip()
        if alias and alias != entity.name and alias not in out:
            out.append(alias)

    if entity.name is not None:
        for variant in entity.variants:
            add(variant)
        # the surname the report uses ("Ms. Ibarra de Souza": "Ibarra de Souza"), else the
        # last word with its particles; honorific + surname, as people look them up
        surname = entity.surname or surname_of(entity.name)
        first = entity.name.split()[0]
        if entity.surname is None and first != surname and first in entity.variants:
            # "Professor Szabó Katalin" … "Professor Szabó": the family name printed first
            surname = first
        if surname.isupper():
            # "PIETER VAN DER BERGHE" … "Mr. van der Berghe": the surname as the text
            # prints it in running prose
            surname = next(
                (
                    v
                    for v in entity.variants
                    if v.casefold() == surname.casefold() and not v.isupper()
                ),
                surname,
            )
        made = [surname] if entity.surname else [surname, surname.split()[-1]]
        if entity.honorific:
            made.append(f"{entity.honorific} {surname}")
        for alias in made:
            add(alias)
    for phrase in entity.role_phrases:
        add(phrase)
    return out


def _drop_shared_aliases(speakers: list[dict[str, Any]], variants: list[list[str]]) -> None:
    """A surname form made for two people ("Ms. de Souza" for Ana de Souza and for
    Lucía Ibarra de Souza) names neither for sure: it is kept only as a printed variant."""
    owners: dict[str, int] = {}
    for sp in speakers:
        for form in {sp["name"], *sp["aliases"]}:
            owners[form.casefold()] = owners.get(form.casefold(), 0) + 1
    for sp, own in zip(speakers, variants, strict=False):
        sp["aliases"] = [a for a in sp["aliases"] if a in own or owners[a.casefold()] == 1]


def _review_note(st: Statement, subject_word: str) -> str:
    if st.attribution == "pronoun":
        return (
            f"Attributed by the pronoun “{subject_word}” to the most recent speaker it fits; "
            "check the speaker."
        )
    if st.attribution == "title":
        return (
            f"Attributed by the title “{subject_word}”, matched to this speaker; check the speaker."
        )
    if st.attribution == "context":
        return (
            "No speaker is named in its own sentence; taken to continue the words of the "
            "speaker before it. Check the speaker."
        )
    return ""


def build(
    analysis: Analysis, *, name: str, title: str | None = None, file: str | None = None
) -> Extraction:
    paragraphs = analysis.paragraphs
    summary = Summary()
    event_id = slug(name)
    event = find_event(analysis, title, name)
    sessions = find_sessions(analysis)

    # the final guard: never a statement that is not verbatim in its paragraph
    kept: list[Statement] = []
    for st in analysis.statements:
        if _verbatim(paragraphs[st.paragraph], st):
            kept.append(st)
        else:
            summary.dropped.append(
                Unattributed(st.paragraph + 1, st.text, "not verbatim in its paragraph")
            )
    kept_ids = {id(st) for st in kept}

    # speakers: everyone with a statement, and everyone with a stated part
    order: list[Entity] = []
    seen: set[int] = set()
    for st in kept:
        root = st.entity.root()
        if id(root) not in seen:
            seen.add(id(root))
            order.append(root)
    for s in sessions:
        for person in [*s.people, *s.moderators]:
            root = person.root()
            if root not in order and (s.id in ("opening", "closing") and person in s.people):
                order.append(root)
    moderators_kept = {id(p.root()) for p in order}
    for s in sessions:
        s.moderators = [m for m in s.moderators if id(m.root()) in moderators_kept]

    ids: dict[int, str] = {}
    used: set[str] = set()
    for entity in order:
        base = (
            slug(entity.name)
            if entity.name
            else slug(
                _ROLE_ARTICLE.sub("", entity.role_phrases[0] if entity.role_phrases else "speaker")
            )
        )
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        ids[id(entity)] = ident

    # statements
    statements: list[dict[str, Any]] = []
    stmt_ids: dict[int, str] = {}
    parts: dict[int, list[tuple[str, str]]] = {id(e): [] for e in order}
    review = 0
    list_of: dict[int, tuple[str, int]] = {}  # a list's paragraph: its paraphrase, speaker
    for st in kept:
        root = st.entity.root()
        session = session_of(sessions, st.paragraph, root)
        sid = f"{event_id}-{len(statements) + 1:03d}"
        stmt_ids[id(st)] = sid
        record: dict[str, Any] = {
            "id": sid,
            "speaker": ids[id(root)],
            "session": session.id,
            "kind": st.kind,
            "text": st.text,
            "paragraphs": [st.paragraph + 1],
            "attribution": st.attribution,
        }
        notes = list(st.notes)
        if st.attribution == "context":
            # the review note below says it, in full: not twice
            notes = [n for n in notes if not n.startswith(_CONTEXT_NOTE)]
        needs_review = st.review or st.attribution in ("pronoun", "title", "context")
        word = _subject_word(analysis, st)
        review_note = _review_note(st, word)
        if review_note and review_note not in notes:
            notes.insert(0, review_note)
        if needs_review:
            record["review"] = True
            review += 1
        if notes:
            record["note"] = " ".join(dict.fromkeys(notes))
        if st.within is not None and id(st.within) in stmt_ids and id(st.within) in kept_ids:
            record["within"] = stmt_ids[id(st.within)]
        if st.kind == "paraphrase":
            items, where = _list_after(paragraphs, st)
            if items:
                # "She listed three recommendations:" and the list that follows: one
                # statement, its lines verbatim, over both paragraphs (as curated)
                record["text"] = "\n".join([st.text, *items])
                record["paragraphs"] = sorted({st.paragraph + 1, where + 1})
                list_of[where] = (sid, id(root))
        elif st.paragraph in list_of and "within" not in record:
            owner, speaker = list_of[st.paragraph]
            if speaker == id(root):
                record["within"] = owner
        statements.append(record)
        part = (session.id, part_of(session))
        if part not in parts[id(root)]:
            parts[id(root)].append(part)
        if st.kind == "quote":
            summary.quotes += 1
        else:
            summary.paraphrases += 1
    summary.review = review

    # sessions
    session_records: list[dict[str, Any]] = []
    used_sessions = {r["session"] for r in statements}
    for s in sessions:
        for person in s.people:
            root = person.root()
            if id(root) in parts and (s.id, part_of(s)) not in parts[id(root)]:
                parts[id(root)].append((s.id, part_of(s)))
        for m in s.moderators:
            root = m.root()
            if id(root) in parts and (s.id, "moderator") not in parts[id(root)]:
                parts[id(root)].append((s.id, "moderator"))
        paper = None
        if s.paper_title:
            authors = [e for e in order if is_author(e) and any(p[0] == s.id for p in parts[id(e)])]
            if authors:
                author = authors[0]
                paper = {
                    "title": s.paper_title,
                    "author": ids[id(author)],
                    "note": f"Title as printed in paragraph {(s.paper_paragraph or 0) + 1}.",
                }
                if (s.id, "paper-author") not in parts[id(author)]:
                    parts[id(author)].insert(0, (s.id, "paper-author"))
            else:
                s.note = (s.note + " " if s.note else "") + (
                    f"The session discussed the paper “{s.paper_title}”; the report names no "
                    "author among its speakers."
                )
        if (
            s.id not in used_sessions
            and not s.people
            and not s.moderators
            and s.id != "main"
            and (s.kind != "panel" or not s.paper_title)
            and not any(p[0] == s.id for plist in parts.values() for p in plist)
        ):
            continue
        session_records.append(
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind,
                "paper": paper,
                "moderators": [ids[id(m.root())] for m in s.moderators],
                "note": s.note,
            }
        )
    known_sessions = {r["id"] for r in session_records}
    if not session_records or any(r["session"] not in known_sessions for r in statements):
        # every statement needs a session that exists
        for r in statements:
            if r["session"] not in known_sessions:
                known_sessions.add(r["session"])
                s = next(x for x in sessions if x.id == r["session"])
                session_records.append(
                    {
                        "id": s.id,
                        "title": s.title,
                        "kind": s.kind,
                        "paper": None,
                        "moderators": [],
                        "note": s.note,
                    }
                )
        if not session_records:
            session_records.append(
                {
                    "id": "main",
                    "title": "Event",
                    "kind": "panel",
                    "paper": None,
                    "moderators": [],
                    "note": "The report marks no sessions.",
                }
            )
    rank = {s.id: i for i, s in enumerate(sessions)}
    session_records.sort(key=lambda r: rank.get(r["id"], 999))

    speakers: list[dict[str, Any]] = []
    with_statements = {r["speaker"] for r in statements}
    for entity in order:
        role = _role_of(entity)
        speaker_notes: list[str] = []
        if entity.name is None:
            speaker_notes.append("Known only by role: the report never names this speaker.")
            display = _ROLE_ARTICLE.sub("", role) or role
            display = display[:1].upper() + display[1:]
        else:
            display = entity.name
        if ids[id(entity)] not in with_statements:
            speaker_notes.append("The report records nothing this person said, only their part.")
        speakers.append(
            {
                "id": ids[id(entity)],
                "name": display,
                "honorific": entity.honorific,
                "role": role,
                "organisations": organisations_from_role(role) if entity.name else [],
                "aliases": _aliases(entity),
                "parts": [{"session": sid, "part": part} for sid, part in parts[id(entity)]],
                "notes": speaker_notes,
            }
        )
    _drop_shared_aliases(speakers, [[*e.variants, *e.role_phrases] for e in order])
    summary.speakers = len(speakers)
    for lo in analysis.left_out:
        summary.unattributed.append(Unattributed(lo.paragraph + 1, lo.text, lo.reason))

    event_record: dict[str, Any] = {
        "id": event_id,
        "short_title": event.short_title,
        "title": event.title,
    }
    if event.host:
        event_record["host"] = event.host
    event_record["co_sponsors"] = event.co_sponsors
    if event.venue:
        event_record["venue"] = event.venue
    if event.date:
        event_record["date"] = event.date
    event_record["provenance"] = event.provenance

    top_notes = [
        "A draft extracted by poc extract from the report's text, not curated: check every "
        "statement marked review before citing it.",
        f"{summary.statements} statements ({summary.quotes} quotes, {summary.paraphrases} "
        f"paraphrases) from {_speaking(statements)} speakers"
        + (
            f" ({summary.speakers} people in all, with those who only opened, moderated or closed)"
            if summary.speakers != _speaking(statements)
            else ""
        )
        + f"; {summary.review} await review.",
        "A quote's text is exactly the characters between the report's quotation marks; a "
        "paraphrase is the report's own wording, verbatim. A quote inside a paraphrased "
        "sentence is also its own statement, linked by 'within'.",
        *event.notes,
    ]
    if summary.unattributed:
        top_notes.append(
            "Left out, with no person to attribute them to: "
            + "; ".join(
                f"“{u.text}” (paragraph {u.paragraph}: {u.reason})" for u in summary.unattributed
            )
            + "."
        )
    if summary.dropped:
        top_notes.append(f"{len(summary.dropped)} statements were dropped: not verbatim.")
    dataset: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "event": event_record,
        "source": {
            "title": title or event.short_title,
            "file": file or name,
            "paragraphs": paragraphs,
        },
        "sessions": session_records,
        "speakers": speakers,
        "topics": [],
        "statements": statements,
        "notes": top_notes,
    }
    return Extraction(dataset, summary)


def _subject_word(analysis: Analysis, st: Statement) -> str:
    if st.word:
        return st.word
    if st.attribution == "title":
        return st.entity.role_phrases[0] if st.entity.role_phrases else _role_of(st.entity.root())
    if st.attribution == "pronoun":
        return "she" if st.entity.root().gender == "f" else "he"
    return ""


def extract_text(
    text: str, *, name: str, title: str | None = None, file: str | None = None
) -> Extraction:
    """Extract a draft dataset from a report's plain text.

    ``name`` is the report's file stem: the event id is its slug and statement ids are
    ``<event-id>-001`` …. ``title`` overrides the headline as the event's short title.
    """
    paragraphs = split_paragraphs(text)
    analysis = analyse(paragraphs)
    return build(analysis, name=name, title=title, file=file)
