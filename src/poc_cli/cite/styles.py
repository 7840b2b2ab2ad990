"""The four manual styles, hand-written for the one kind of source poc cites: a
person's words quoted in an organisation's report of an event.

Each style follows its manual's rule for a quotation found in a secondary source:

- APA 7 (secondary sources: "as cited in"; group authors; the paragraph number for a
  source without pages):
  ``“…” (Coutou, as cited in International Peace Institute [IPI], 2018, para. 16).``
  The group's abbreviation is introduced at its first citation and used after it.
  Only the report's year is given: the remarks themselves are not a work the reader
  can retrieve, so, as for a primary source of unknown date, the original has none.
  The reference entry: ``International Peace Institute. (2018). *Title in sentence
  case* [Event report]. https://doi.org/…`` (the publisher is left out when it is
  the author; a report is dated by its year).
- Chicago 17 notes and bibliography (14.260 "quoted in"; lectures and remarks at
  meetings): a note naming the speaker's remarks, the session and the date, then
  ``quoted in`` the report with its title and paragraph; later notes take the short
  form (14.29); the bibliography lists the report, which is what was consulted.
- Harvard (Cite Them Right): ``‘…’ (Coutou, cited in International Peace Institute,
  2018, para. 16).`` Cite Them Right puts quotations in single quotation marks and
  writes "no date".
- MLA 9 (indirect sources: "qtd. in"; a work whose author is also its publisher is
  listed by title, the organisation as publisher only): ``“…” (Coutou qtd. in
  *Protecting Civilians and Managing Threats*, par. 16).``

A paraphrase is the report's words about the speaker, so it is cited as the report's
statement (a narrative citation of the report), never as the speaker's quotation and
never in quotation marks.

Final punctuation: the styles let a writer change a quotation's final punctuation
mark to fit the sentence (APA 7, "permissible changes to quotations"; Chicago 17
13.7), so the comma that ends
"…populations," in the report's sentence is dropped before a parenthetical citation,
or becomes a period where the quotation ends a sentence (Chicago).  This is the
citation's rendering only: the dataset's text is never changed, and every other
character of the quotation is reproduced exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from poc_cli.model import Statement

from .facts import (
    GENRE,
    Cited,
    Report,
    end_for_parenthesis,
    end_with_period,
    ends_sentence,
    locator,
    long_date,
    mla_date,
    sentence_case,
    surname,
)
from .markup import Markup, block, esc, heading, italic, lines, note_line, note_mark


@dataclass
class Seen:
    """What earlier citations in the same output have already introduced."""

    groups: set[str] = field(default_factory=set)  # APA: events whose [ABBR] is given
    speakers: set[tuple[str, str]] = field(default_factory=set)  # Chicago: full notes
    reports: set[str] = field(default_factory=set)  # Chicago: full note of the report
    notes: int = 0


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _link(report: Report) -> str | None:
    """The report's DOI (preferred by every style) as a URL, else its URL."""
    if report.doi:
        return f"https://doi.org/{report.doi}"
    return report.url


def _sentence(text: str) -> str:
    """An entry ending in a period, unless it already ends with one (or a URL)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _lead(c: Cited, who: str, m: Markup) -> str:
    """The report's words about a speaker, made a sentence with ``who`` (the report
    named as a narrative citation) as its subject: "… reports that Agnès Coutou said
    the ICRC used …" when the words go on from the name (they begin in lower case),
    else "… reports on the remarks of Michael Semple: He said that …".  The words
    keep their own quotation marks (a phrase the report quotes); none are added."""
    text = c.statement.text
    name = esc(c.speaker.name, m)
    if text[:1].islower():
        return f"{who} reports that {name} {lines(text, m)}"
    return f"{who} reports on the remarks of {name}: {lines(text, m)}"


# --- APA 7 ---------------------------------------------------------------------------


def _apa_group(report: Report, seen: Seen, m: Markup, *, narrative: bool) -> tuple[str, str]:
    """(the author as written, the abbreviation part) for the report in APA.

    First citation: "International Peace Institute [IPI]" in a parenthesis,
    "International Peace Institute (IPI, 2018)" in running text; later ones "IPI"."""
    if report.host is None:  # no author: the title takes its place (APA 8.14)
        return italic(esc(report.short_title, m), m), ""
    name, abbr = report.host
    if abbr is None:
        return esc(name, m), ""
    if report.id in seen.groups:
        return esc(abbr, m), ""
    seen.groups.add(report.id)
    if narrative:
        return esc(name, m), f"{esc(abbr, m)}, "
    return f"{esc(name, m)} [{esc(abbr, m)}]", ""


def _apa_year(report: Report) -> str:
    return str(report.day.year) if report.day else "n.d."


def apa_citation(c: Cited, seen: Seen, m: Markup) -> str:
    where = locator(c.statement, "para.", "paras.")
    if c.quote:
        group, _ = _apa_group(c.report, seen, m, narrative=False)
        parenthesis = _join(
            f"{esc(surname(c.speaker), m)}, as cited in {group}", _apa_year(c.report), where
        )
        return f"“{lines(end_for_parenthesis(c.statement.text), m)}” ({parenthesis})."
    group, abbr = _apa_group(c.report, seen, m, narrative=True)
    who = f"{group} ({abbr}{_join(_apa_year(c.report), where)})"
    return _lead(c._replace(statement=_ended(c)), who, m)


def apa_reference(report: Report, m: Markup) -> str:
    title = italic(esc(sentence_case(report.title, report.vocabulary), m), m)
    link = _link(report)
    date = f"({_apa_year(report)})."
    if report.host is None:
        head = f"{title} [{GENRE}]. {date}"
    else:
        head = f"{esc(report.host.name, m)}. {date} {title} [{GENRE}]."
    return _join(head, esc(link, m) if link else None, sep=" ")


# --- Chicago 17, notes and bibliography ----------------------------------------------


def _after_quoted_title(title: str) -> str:
    """“Title,” — American style puts the comma inside the closing mark (none after ?)."""
    return f"“{title}”" if ends_sentence(title) else f"“{title},”"


def _chicago_report_note(c: Cited, seen: Seen, m: Markup) -> str:
    report = c.report
    where = locator(c.statement, "para.", "paras.")
    author = esc(report.host.name, m) if report.host else None
    if report.id in seen.reports:  # short form (14.29): author, short title, locator
        return _join(author, italic(esc(report.short_title, m), m), where)
    seen.reports.add(report.id)
    year = str(report.day.year) if report.day else "n.d."
    facts = _join(author, year)
    link = _link(report)
    return _join(
        author,
        italic(esc(report.title, m), m),
        f"{GENRE.lower()} ({facts})",
        where,
        esc(link, m) if link else None,
    )


def chicago_note(c: Cited, seen: Seen, m: Markup) -> str:
    report_part = _chicago_report_note(c, seen, m)
    if not c.quote:
        return _sentence(report_part)
    key = (c.statement.event, c.statement.speaker)
    if key in seen.speakers:
        return _sentence(f"{esc(surname(c.speaker), m)}, quoted in {report_part}")
    seen.speakers.add(key)
    report = c.report
    when = long_date(report.day) if report.day else "n.d."
    rest = _join(esc(report.host.name, m) if report.host else None, when)
    remarks = f"remarks in the session {_after_quoted_title(esc(c.session_title, m))} {rest}"
    return _sentence(f"{esc(c.speaker.name, m)} ({remarks}), quoted in {report_part}")


def chicago_text(c: Cited, seen: Seen, m: Markup) -> str:
    number = seen.notes + 1
    seen.notes = number
    mark = note_mark(number, m)
    if c.quote:
        return f"“{lines(end_with_period(c.statement.text), m)}”{mark}"
    who = esc(c.report.host.name, m) if c.report.host else "The report"
    return _lead(c._replace(statement=_ended(c, period=True)), who, m) + mark


def chicago_bibliography(report: Report, m: Markup) -> str:
    year = str(report.day.year) if report.day else "n.d."
    link = _link(report)
    publisher = _join(esc(report.host.name, m) if report.host else None, year)
    entry = _join(
        f"{esc(report.host.name, m)}." if report.host else None,
        f"{italic(esc(report.title, m), m)}.",
        f"{GENRE}.",
        f"{publisher}.",
        f"{esc(link, m)}." if link else None,
        sep=" ",
    )
    return entry


# --- Harvard (Cite Them Right) -------------------------------------------------------


def _harvard_author(report: Report, m: Markup) -> str:
    if report.host is None:
        return italic(esc(report.short_title, m), m)
    return esc(report.host.name, m)


def _harvard_year(report: Report) -> str:
    return str(report.day.year) if report.day else "no date"


def harvard_citation(c: Cited, seen: Seen, m: Markup) -> str:
    where = locator(c.statement, "para.", "paras.")
    report = c.report
    if c.quote:
        parenthesis = _join(
            f"{esc(surname(c.speaker), m)}, cited in {_harvard_author(report, m)}",
            _harvard_year(report),
            where,
        )
        return f"‘{lines(end_for_parenthesis(c.statement.text), m)}’ ({parenthesis})."
    who = f"{_harvard_author(report, m)} ({_join(_harvard_year(report), where)})"
    return _lead(c._replace(statement=_ended(c)), who, m)


def harvard_reference(report: Report, m: Markup) -> str:
    link = _link(report)
    title = italic(esc(report.title, m), m)
    if report.host is None:
        head = f"{title} ({_harvard_year(report)}) {GENRE}."
    else:
        name = esc(report.host.name, m)
        head = f"{name} ({_harvard_year(report)}) {title}. {GENRE}. {name}."
    return _join(head, f"Available at: {esc(link, m)}." if link else None, sep=" ")


# --- MLA 9 -----------------------------------------------------------------------------


def mla_citation(c: Cited, seen: Seen, m: Markup) -> str:
    where = locator(c.statement, "par.", "pars.")
    title = italic(esc(c.report.short_title, m), m)
    if c.quote:
        parenthesis = _join(f"{esc(surname(c.speaker), m)} qtd. in {title}", where)
        return f"“{lines(end_for_parenthesis(c.statement.text), m)}” ({parenthesis})."
    sentence = _lead(c._replace(statement=_ended(c, parenthesis=True)), title, m)
    return f"{sentence} ({where})." if where else f"{sentence}."


def mla_works_cited(report: Report, m: Markup) -> str:
    link = _link(report)
    publication = _join(
        esc(report.host.name, m) if report.host else None,
        mla_date(report.day) if report.day else None,
        esc(link, m) if link else None,
    )
    return _join(
        f"{italic(esc(report.title, m), m)}.",
        f"{GENRE}.",
        f"{publication}." if publication else None,
        sep=" ",
    )


# --- shared -----------------------------------------------------------------------------


def _ended(c: Cited, *, period: bool = False, parenthesis: bool = False) -> Statement:
    """The statement with its words ended for the sentence they close (rendering only)."""
    text = c.statement.text
    if parenthesis:
        ended = end_for_parenthesis(text)
    elif period or not ends_sentence(text):
        ended = end_with_period(text)
    else:
        ended = text
    return c.statement._replace(text=ended)


class Style:
    """One manual style: how to cite each statement and list each report."""

    def __init__(
        self,
        cite_one: Callable[[Cited, Seen, Markup], str],
        entry: Callable[[Report, Markup], str],
        list_title: str,
        *,
        notes: Callable[[Cited, Seen, Markup], str] | None = None,
    ) -> None:
        self.cite_one = cite_one
        self.entry = entry
        self.list_title = list_title
        self.notes = notes

    def render(self, items: Sequence[Cited], m: Markup) -> str:
        seen, note_seen = Seen(), Seen()
        out = [block(self.cite_one(c, seen, m), m) for c in items]
        if self.notes is not None:
            if m is not Markup.markdown:  # Markdown's footnotes go to the page's foot
                out.append(heading("Notes", m))
            out.extend(note_line(n, self.notes(c, note_seen, m), m) for n, c in enumerate(items, 1))
        reports = {c.report.id: c.report for c in items}
        entries = sorted({self.entry(r, m) for r in reports.values()}, key=_sort_key)
        out.append(heading(self.list_title, m))
        out.extend(block(e, m) for e in entries)
        return "\n\n".join(out)


def _sort_key(entry: str) -> str:
    return "".join(ch for ch in entry.casefold() if ch.isalnum() or ch.isspace())


STYLES = {
    "apa": Style(apa_citation, apa_reference, "References"),
    "chicago": Style(chicago_text, chicago_bibliography, "Bibliography", notes=chicago_note),
    "harvard": Style(harvard_citation, harvard_reference, "Reference list"),
    "mla": Style(mla_citation, mla_works_cited, "Works Cited"),
}
