"""The event (title, date, host, co-sponsors, venue) and its sessions.

Sessions come from the report's own structure: headings ("Session 1: …"), cues that
open a part of the event ("The first panel discussed …", "As a keynote speaker, …"),
and sentences that say who gave the opening or closing remarks and who moderated.
Statements before the first panel belong to the opening; a report with no structure
gets one session. Nothing is invented: a year the report does not print is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import Analysis, Entity, Statement
from .people import fold
from .quotes import is_title

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_RE = "|".join(_MONTHS)
_DATE_MDY = re.compile(
    rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?(?!\s*(?:per|%))"
)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b(?:,?\s+(\d{{4}})\b)?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "opening": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "seventh": 7,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
}
_HEADING = re.compile(
    r"^[\s#*_]*(?:Session|Panel|Part|Segment)\s+(\d+|[IVX]+|One|Two|Three|Four|Five)\s*[:.–—-]\s*"
    r"(.+?)[\s*_]*$",
    re.IGNORECASE,
)
_PANEL_CUE = re.compile(
    r"\b[Tt]he\s+(first|second|third|fourth|fifth|sixth|seventh|final|last|next|1st|2nd|3rd|"
    r"4th|5th)\s+(panel|session|discussion|roundtable|round-table|segment)\b"
)
_KEYNOTE_CUE = re.compile(
    r"\b(?:As\s+(?:a|the)\s+keynote\s+speaker|In\s+(?:his|her|a|the)\s+keynote|"
    r"(?:delivered|gave|giving|delivering)\s+(?:a|the)\s+keynote|keynote\s+(?:address|speech|"
    r"remarks|lecture)\s+(?:was|were)\s+(?:given|delivered))",
    re.IGNORECASE,
)
_UNNUMBERED_HEADING = re.compile(
    r"[#*_\s]*(?:Panel|Session|Roundtable|Panel\s+Discussion|Discussion)\s*[:.–—-]\s*(.+?)[\s*_]*$",
    re.IGNORECASE,
)
_REMARKS_HEADING = re.compile(
    r"[#*_\s]*(Opening|Welcoming|Welcome|Introductory|Closing|Concluding)\s+"
    r"(?:Remarks|Session|Address|Statements?|Words)[\s*_:]*$",
    re.IGNORECASE,
)
_KEYNOTE_HEADING = re.compile(
    r"[#*_\s]*Keynote(?:\s+(?:Address|Speech|Remarks|Lecture|Conversation))?[\s*_:]*$",
    re.IGNORECASE,
)
_HOST_SUBJECT = re.compile(
    r"(?:^|\.\s+)(?:On\s+[^,.]{3,40},\s+(?:\d{4},\s+)?)?((?:the\s+)?[A-Z][\w’'&.\-]*(?:\s+(?:[A-Z][\w’'&.\-]*"
    r"|of|for|and|on))*(?:\s+\([A-Z][\w.&-]{1,12}\))?)"
    r"(?:,\s+(?:together\s+with|in\s+partnership\s+with|jointly\s+with|with)\s+(?:the\s+)?"
    r"([^,]{3,160}),)?\s+(?:co-?hosted|hosted|convened|organi[sz]ed)\s+(?:a|an|the|its|this)\b"
)
_LIST = r"([^;:]+?)"
_OPENING = [
    re.compile(
        rf"\b(?:Opening|Welcoming|Welcome|Introductory)\s+remarks\s+were\s+(?:given|delivered|"
        rf"made|offered|provided)\s+by\s+{_LIST}\.?\s*$"
    ),
    re.compile(
        rf"^{_LIST},?\s+(?:gave|delivered|provided|made|offered)\s+(?:the\s+)?"
        rf"(?:opening|welcoming|welcome|introductory)\s+remarks"
    ),
]
_CLOSING = [
    re.compile(
        rf"\bClosing\s+remarks\s+were\s+(?:given|delivered|made|offered|provided)\s+by\s+{_LIST}"
        rf"(?:\.(?:\s|$)|$)"
    ),
    re.compile(
        rf"^{_LIST},?\s+(?:gave|delivered|provided|made|offered)\s+(?:the\s+)?"
        rf"(?:closing|concluding)\s+remarks"
    ),
]
_MODERATED = [
    re.compile(
        rf"^{_LIST}\s+(?:co-)?moderated\s+(?:the\s+)?(?:conversation|discussion|panel|"
        rf"session|debate|event|meeting|dialogue)s?"
    ),
    re.compile(rf"\b(?:[Mm]oderated|[Cc]haired)\s+by\s+{_LIST}\.?\s*$"),
]


@dataclass
class SessionDraft:
    id: str
    title: str
    kind: str
    start: int  # 0-based paragraph where it starts
    paper_title: str | None = None
    paper_paragraph: int | None = None
    moderators: list[Entity] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)  # remarks without statements
    note: str = ""


@dataclass
class EventDraft:
    short_title: str
    title: str
    date: str | None = None
    host: str | None = None
    co_sponsors: list[str] = field(default_factory=list)
    venue: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ the event


def _headline(paragraphs: list[str]) -> tuple[str, int] | None:
    for i, p in enumerate(paragraphs[:3]):
        text = p.strip()
        n = len(text.split())
        if "\n" in text or n < 3 or n > 30:
            continue
        if text.endswith((".", ":")) and not text.endswith(("..", "…")):
            continue
        return text, i
    return None


def _split_list(text: str) -> list[str]:
    """ "A, B, and C" → [A, B, C]; "the X and the Y" → [X, Y]; an "and" inside a name
    ("International Relations and Strategy") stays."""
    text = text.strip().rstrip(".,")
    parts = [p for p in re.split(r",\s+(?:and\s+)?|;\s*(?:and\s+)?", text) if p.strip()]
    out: list[str] = []
    for part in parts:
        halves = re.split(r"\s+and\s+(?=the\s|[A-Z][a-z]+\s+[A-Z])", part)
        if len(parts) == 1 and len(halves) == 2 and part.startswith("the "):
            out.extend(halves)
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


def find_event(analysis: Analysis, title: str | None, name: str) -> EventDraft:
    paragraphs = analysis.paragraphs
    head = _headline(paragraphs)
    if title:
        short = title
    elif head:
        short = head[0]
    else:
        short = name
    event = EventDraft(short_title=short, title=short)
    if head and not title:
        event.provenance["short_title"] = f"Paragraph {head[1] + 1}: the report's headline."
    # the full title: "the meeting, entitled, X, afforded …" or an event's quoted title
    for pi, p in enumerate(paragraphs):
        m = re.search(
            r"\b(?:entitled|titled)\s*,?\s+((?:[A-Z0-9][^\s,]*[^,]*?)(?:,\s+(?:and\s+)?[A-Z0-9][^,]*?)*)"
            r"(?=,\s+[a-z]|\.\s|\.$|$)",
            p,
        )
        if m and not any(q.open <= m.start(1) < q.outer_end for q in analysis.quotes[pi]):
            event.title = m.group(1).strip()
            event.provenance["title"] = f"Paragraph {pi + 1} (“entitled, …”)."
            break
        found = False
        for q in analysis.quotes[pi]:
            before = p[max(0, q.open - 80) : q.open]
            if is_title(p, q) and re.search(
                r"\b(?:forum|event|seminar|conference|meeting|panel discussion|panel|lecture|"
                r"dialogue|workshop|symposium|roundtable|debate|webinar|summit)\b[^.“”\"]{0,40}$",
                before,
                re.IGNORECASE,
            ):
                event.title = q.text.strip().rstrip(",.;:").strip()
                event.provenance["title"] = (
                    f"Paragraph {pi + 1}: the event's name in quotation marks."
                )
                found = True
                break
        if found:
            break
    # the date: the first date the report prints
    for pi, p in enumerate(paragraphs):
        m = _DATE_MDY.search(p)
        d = _DATE_DMY.search(p)
        iso = _ISO.search(p)
        cands = [x for x in (m, d, iso) if x is not None]
        if not cands:
            continue
        first = min(cands, key=lambda x: x.start())
        printed = first.group(0)
        if first is iso:
            year, month, day = int(first.group(1)), int(first.group(2)), int(first.group(3))
        elif first is m:
            month, day = _MONTHS.index(first.group(1)) + 1, int(first.group(2))
            year = int(first.group(3)) if first.group(3) else 0
        else:
            day, month = int(first.group(1)), _MONTHS.index(first.group(2)) + 1
            year = int(first.group(3)) if first.group(3) else 0
        if year:
            try:
                from datetime import date

                event.date = date(year, month, day).isoformat()
                event.provenance["date"] = f"Paragraph {pi + 1}: “{printed}”."
            except ValueError:
                event.notes.append(
                    f"Paragraph {pi + 1} prints the date “{printed}”, which is not a date."
                )
        else:
            event.notes.append(
                f"The report gives the date as “{printed}” (paragraph {pi + 1}) without a year; "
                "the date is left out."
            )
        break
    else:
        event.notes.append("The report prints no date; the date is left out.")
    # host, co-sponsors, venue
    for pi, p in enumerate(paragraphs):
        if not event.co_sponsors:
            cm = re.search(
                r",\s+co-?sponsored\s+by\s+(?:the\s+)?(.{3,200}?)(?=\.\s|\.$|;|,\s+(?:on|in|at)\b|$)",
                p,
            )
            if cm:
                event.co_sponsors = [re.sub(r"^the\s+", "", c) for c in _split_list(cm.group(1))]
                event.provenance["co_sponsors"] = f"Paragraph {pi + 1}, as printed."
        if event.venue is None:
            m = re.search(
                r"\b(?:(?:was|were|is|being)\s+held|took\s+place)\s+at\s+(?:the\s+)?"
                r"([A-Z][\w’'&.\- ]{0,100}?)(?=\s+on\b|\s+in\b|,|\.\s|\.$|$)",
                p,
            )
            if m:
                event.venue = m.group(1).strip()
                event.provenance["venue"] = f"Paragraph {pi + 1}: “held at {event.venue}”."
        if not event.co_sponsors:
            m = re.search(r"\b[Cc]o-?sponsored\s+by\s+(.{1,300}?),\s+(?:the|this|a)\s+[a-z]", p)
            if m:
                event.co_sponsors = _split_list(re.sub(r"^the\s+", "", m.group(1)))
                event.co_sponsors = [re.sub(r"^the\s+", "", c) for c in event.co_sponsors]
                event.provenance["co_sponsors"] = f"Paragraph {pi + 1}, as printed."
        if event.host is None:
            m = re.search(
                r"\b([A-Z][\w’'&.\- ]{0,100}?)\s+in\s+partnership\s+with\s+(.{1,300}?)\s+"
                r"(?:co-?hosted|hosted|organi[sz]ed|convened)\b",
                p,
            )
            if m:
                event.host = m.group(1).strip()
                if not event.co_sponsors:
                    event.co_sponsors = [re.sub(r"^the\s+", "", c) for c in _split_list(m.group(2))]
                    event.provenance["co_sponsors"] = f"Paragraph {pi + 1}, as printed."
                event.provenance["host"] = f"Paragraph {pi + 1}, as printed."
                continue
            m = _HOST_SUBJECT.search(p)
            if m:
                # "On March 14, IPI, together with the Mission of Norway, hosted a forum"
                event.host = re.sub(r"^the\s+", "", m.group(1).strip())
                if m.group(2) and not event.co_sponsors:
                    event.co_sponsors = [re.sub(r"^the\s+", "", c) for c in _split_list(m.group(2))]
                    event.provenance["co_sponsors"] = f"Paragraph {pi + 1}, as printed."
                event.provenance["host"] = f"Paragraph {pi + 1}, as printed."
                continue
            m = re.search(
                r"(?:\b(?:was|were|is)\s+|,\s+|^|\n|[·|]\s*)(?:co-?)?(?:[Hh]osted|[Oo]rgani[sz]ed|"
                r"[Cc]onvened)\s+by\s+(?:the\s+)?(.{1,300}?)"
                r"(?=\s+and\s+(?:was|took|is|will|had)\b|\s+on\s|\s+in\s|,\s+[a-z]|\s+[·|]|"
                r"\.\s|\.$|$)",
                p,
            )
            if m:
                hosts = [re.sub(r"^the\s+", "", h) for h in _split_list(m.group(1))]
                if hosts:
                    event.host = hosts[0]
                    if len(hosts) > 1 and not event.co_sponsors:
                        event.co_sponsors = hosts[1:]
                        event.provenance["co_sponsors"] = f"Paragraph {pi + 1}, as printed."
                    event.provenance["host"] = f"Paragraph {pi + 1}, as printed."
    if event.venue is None:
        for pi, p in enumerate(paragraphs):
            vm = re.search(r"\bVenue\s*:[*_\s]*([^·|\n]{3,120}?)\s*(?:[·|]|\n|$)", p)
            if vm:
                event.venue = vm.group(1).strip(" *_")
                event.provenance["venue"] = f"Paragraph {pi + 1}: “Venue: {event.venue}”."
                break
    # a Markdown report's heading and emphasis are its markup, not its words
    event.short_title = _unmarked(event.short_title)
    event.title = _unmarked(event.title)
    event.host = _unmarked(event.host) if event.host else None
    event.venue = _unmarked(event.venue) if event.venue else None
    event.co_sponsors = [_unmarked(c) for c in event.co_sponsors]
    return event


def _unmarked(text: str) -> str:
    """``text`` less Markdown's heading marks and emphasis: "# Recap: *Cities*" → "Recap:
    Cities"."""
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return text.strip()


# ------------------------------------------------------------------ sessions


def _people_in(analysis: Analysis, pi: int, text: str, offset: int) -> list[Entity]:
    """People named (in full or by honorific + surname) inside ``text``."""
    out: list[Entity] = []
    for m, entity in analysis.mentions[pi]:
        if offset <= m.start and m.end <= offset + len(text):
            root = entity.root()
            if root not in out:
                out.append(root)
    return out


def _role_from_list(found: list[Entity], text: str) -> None:
    """ "Olivier Landour, Directorate General …, provided closing remarks": one person
    and their role."""
    if len(found) != 1 or found[0].appositive or found[0].name is None:
        return
    person = found[0]
    for variant in person.variants:
        at = text.find(variant + ", ")
        if at != -1 and not text[:at].strip(" ,"):
            role = text[at + len(variant) + 2 :].strip().rstrip(",").strip()
            if role and role[0].isupper() or role.startswith(("the ", "a ", "an ")):
                person.appositive = role
            return


def find_sessions(analysis: Analysis) -> list[SessionDraft]:
    paragraphs = analysis.paragraphs
    headings: dict[int, str] = {}
    heading_paragraph: dict[int, int] = {}
    opening_heading: int | None = None
    closing_heading: int | None = None
    keynote_headings: list[int] = []
    for pi, p in enumerate(paragraphs):
        for line in p.split("\n"):
            m = _HEADING.match(line)
            if m:
                number = _ORDINALS.get(m.group(1).lower()) or (
                    int(m.group(1)) if m.group(1).isdigit() else 0
                )
                if number and number not in headings:
                    headings[number] = m.group(2).strip(" \u00a0")
                    heading_paragraph[number] = pi
        if "\n" in p.strip() or len(p.split()) > 12:
            continue
        # headings with no number: "Panel: Data and Early Warning", "Opening Remarks"
        um = _UNNUMBERED_HEADING.match(p.strip())
        if um and not _HEADING.match(p.strip()):
            number = max(headings, default=0) + 1
            headings[number] = um.group(1).strip(" \u00a0")
            heading_paragraph[number] = pi
        elif rm := _REMARKS_HEADING.match(p.strip()):
            if rm.group(1).lower() in ("closing", "concluding"):
                closing_heading = pi if closing_heading is None else closing_heading
            elif opening_heading is None:
                opening_heading = pi
        elif _KEYNOTE_HEADING.match(p.strip()):
            keynote_headings.append(pi)
    drafts: list[SessionDraft] = []
    panel_count = 0
    for pi, p in enumerate(paragraphs):
        m = _PANEL_CUE.search(p)
        standalone = [n for n, hp in heading_paragraph.items() if hp == pi]
        is_heading_block = len(standalone) > 1  # an agenda printed as a block
        if m or (standalone and not is_heading_block and len(p.split("\n")) == 1):
            if m:
                word = m.group(1).lower()
                number = _ORDINALS.get(word, panel_count + 1)
                if word in ("final", "last", "next"):
                    number = panel_count + 1
            else:
                number = standalone[0]
            panel_count = max(panel_count, number)
            title = headings.get(number) or f"Panel {number}"
            draft = SessionDraft(f"session-{number}", title, "panel", pi)
            if number in headings:
                draft.note = (
                    f"Session title as printed in the report’s heading (paragraph "
                    f"{heading_paragraph[number] + 1})."
                )
            for q in analysis.quotes[pi]:
                before = p[max(0, q.open - 60) : q.open]
                if re.search(r"\b(?:paper|report|study|book|publication)\b[^.“”]*$", before, re.I):
                    draft.paper_title = q.text.strip().rstrip(".,;:").strip()
                    draft.paper_paragraph = pi
                    break
            if any(d.id == draft.id for d in drafts):
                continue
            drafts.append(draft)
            continue
        if (_KEYNOTE_CUE.search(p) or pi in keynote_headings) and not any(
            d.kind == "keynote" and d.start == pi for d in drafts
        ):
            drafts.append(
                SessionDraft(
                    "keynote"
                    if not any(d.kind == "keynote" for d in drafts)
                    else f"keynote-{pi + 1}",
                    "Keynote",
                    "keynote",
                    pi,
                    note="The report gives the keynote no title.",
                )
            )
    statements = analysis.statements
    opening_people: list[Entity] = []
    closing_people: list[Entity] = []
    closing_at: int | None = None
    moderator_sets: list[tuple[int, list[Entity], bool]] = []
    for pi, p in enumerate(paragraphs):
        for span in analysis.sentences[pi]:
            sentence = p[span.start : span.end]
            for rx in _OPENING:
                for m in rx.finditer(sentence):
                    for e in _people_in(analysis, pi, m.group(1), span.start + m.start(1)):
                        if e not in opening_people:
                            opening_people.append(e)
            for rx in _CLOSING:
                for m in rx.finditer(sentence):
                    found = _people_in(analysis, pi, m.group(1), span.start + m.start(1))
                    _role_from_list(found, m.group(1))
                    for e in found:
                        if e not in closing_people:
                            closing_people.append(e)
                            closing_at = pi if closing_at is None else closing_at
            for k, rx in enumerate(_MODERATED):
                for m in rx.finditer(sentence):
                    people = _people_in(analysis, pi, m.group(1), span.start + m.start(1))
                    if people:
                        moderator_sets.append((pi, people, k == 1))
    first_start = drafts[0].start if drafts else None
    before_first = [s for s in statements if first_start is not None and s.paragraph < first_start]
    sessions: list[SessionDraft] = []
    if drafts:
        if before_first or opening_people:
            sessions.append(SessionDraft("opening", "Opening remarks", "remarks", 0))
            if opening_people:
                sessions[0].note = "The report names who gave the opening remarks."
        sessions.extend(drafts)
    else:
        sessions.append(
            SessionDraft(
                "main", "Event", "panel", 0, note="The report marks no sessions; everything is one."
            )
        )
        if opening_people and statements:
            pass
    if closing_heading is not None and not closing_people:
        # "Closing Remarks" as a heading: whoever speaks after it closes
        closing_at = closing_heading
        for st in statements:
            root = st.entity.root()
            if st.paragraph > closing_heading and root not in closing_people:
                closing_people.append(root)
    if (
        opening_heading is not None
        and (not sessions or sessions[0].id != "opening")
        and drafts
        and opening_heading < drafts[0].start
    ):
        sessions.insert(0, SessionDraft("opening", "Opening remarks", "remarks", 0))
        sessions[0].note = "The report has an “Opening remarks” heading."
    if closing_people:
        closing = SessionDraft("closing", "Closing remarks", "remarks", closing_at or 0)
        closing.people = closing_people
        sessions.append(closing)
    opening = next((s for s in sessions if s.id == "opening"), None)
    if opening is not None:
        opening.people = [e for e in opening_people]
    for pi, people, inline in moderator_sets:
        for person in people:
            _place_moderator(sessions, statements, person, pi, inline)
    return sessions


def _place_moderator(
    sessions: list[SessionDraft],
    statements: list[Statement],
    person: Entity,
    pi: int,
    inline: bool,
) -> None:
    panels = [s for s in sessions if s.kind == "panel"]
    if not panels:
        return
    if inline:  # "Moderated by X" inside a session's block
        target = [s for s in panels if s.start <= pi][-1:] or panels[:1]
    else:
        own = [
            session_of(sessions, st.paragraph, st.entity.root())
            for st in statements
            if st.entity.root() is person
        ]
        target = [s for s in panels if s in own] or (panels if len(panels) == 1 else [])
        if target:
            target[0].note = (target[0].note + " " if target[0].note else "") + (
                "The moderator is inferred from where their own remarks stand: the report "
                f"says only that they moderated (paragraph {pi + 1})."
            )
    for s in target[:1]:
        if person not in s.moderators:
            s.moderators.append(person)


def session_of(sessions: list[SessionDraft], paragraph: int, entity: Entity) -> SessionDraft:
    """The session a statement of ``paragraph`` by ``entity`` belongs to."""
    closing = next((s for s in sessions if s.id == "closing"), None)
    if closing is not None and entity in closing.people and paragraph >= closing.start:
        return closing
    current = sessions[0]
    for s in sessions:
        if s.id == "closing":
            continue
        if s.start <= paragraph:
            current = s
    return current


def part_of(session: SessionDraft) -> str:
    if session.kind == "keynote":
        return "keynote"
    if session.kind == "remarks":
        return "remarks"
    return "speaker"


def is_author(entity: Entity) -> bool:
    role = fold(entity.role_prefix + " " + entity.appositive)
    return bool(re.search(r"\bauthors?\b(?: of (?:the|this|that|a|an|its|ipi's) )?", role))
