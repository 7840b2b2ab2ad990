"""What a citation needs to know about a statement and its report, and the small text
rules every style shares (surname, group author and abbreviation, locators, dates,
sentence case, the quotation's final punctuation).

Standard library only: ``poc cite`` must start quickly.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from poc_cli.model import Corpus, Event, Source, Speaker, Statement

GENRE = "Event report"
"""What the source is: the host's report of the event.  APA puts it in brackets after
the title (``[Event report]``), Chicago, Harvard and MLA after the title."""

_ABBREVIATED = re.compile(r"^(?P<name>.*\S)\s*\((?P<abbr>[^()\s]+)\)$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "st",
        "ten",
        "ter",
        "van",
        "von",
    ]
)


class Host(NamedTuple):
    """The report's group author, as "International Peace Institute (IPI)" gives it."""

    name: str  # "International Peace Institute"
    abbreviation: str | None  # "IPI"


class Report(NamedTuple):
    """The source every citation points to: the host's report of the event."""

    id: str  # the event id
    host: Host | None  # None: the report does not say who published it
    title: str
    short_title: str
    day: date | None  # None: the report gives no date ("n.d.")
    url: str | None
    doi: str | None  # bare: "10.1234/abc"
    vocabulary: frozenset[str]  # the words the report prints in lower case


class Cited(NamedTuple):
    """One statement with everything a style needs to cite it."""

    statement: Statement
    speaker: Speaker
    session_title: str
    report: Report

    @property
    def quote(self) -> bool:
        return self.statement.kind == "quote"


def split_host(host: str | None) -> Host | None:
    """``"International Peace Institute (IPI)"`` -> name and abbreviation.

    APA writes a group author's abbreviation in brackets inside a parenthesis and in
    parentheses in running text; the other styles give the name alone.  Splitting it
    keeps every style free of nested parentheses."""
    if host is None or not host.strip():
        return None
    match = _ABBREVIATED.match(host.strip())
    if match and any(c.isupper() for c in match["abbr"]):
        return Host(match["name"], match["abbr"])
    return Host(host.strip(), None)


def normalise_doi(doi: str | None) -> str | None:
    """A DOI however the dataset writes it (``doi:…``, ``https://doi.org/…``), bare."""
    if doi is None or not doi.strip():
        return None
    return _DOI_PREFIX.sub("", doi.strip())


def _optional_str(record: object, field: str) -> str | None:
    """``record.field`` if the model has it and it is a non-empty string.

    ``Source.url``/``Source.doi`` (and an optional ``Event.date``/``Event.host``) are
    being added to the schema; read defensively so that either model works."""
    value = getattr(record, field, None)
    if isinstance(record, dict):
        value = record.get(field)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _vocabulary(source: Source, *titles: str) -> frozenset[str]:
    """The words the report prints in lower case, and "+Word" for each word it
    prints capitalised in mid-sentence (a proper noun's evidence), its own titles aside."""
    words: set[str] = set()
    for paragraph in source.paragraphs:
        text = paragraph
        for title in titles:
            text = text.replace(title, " ")
        for match in re.finditer(r"[^\W\d_]+", text):
            word = match.group()
            before = text[: match.start()].rstrip()
            if word.islower():
                words.add(word)
            elif word[:1].isupper() and word[1:].islower() and before[-1:].isalnum():
                words.add("+" + word)
    return frozenset(words)


def report_of(corpus: Corpus, event_id: str) -> Report:
    dataset = corpus.dataset(event_id)
    event: Event = dataset.event
    when = _optional_str(event, "date")
    return Report(
        id=event.id,
        host=split_host(_optional_str(event, "host")),
        title=event.title,
        short_title=event.short_title or event.title,
        day=date.fromisoformat(when) if when else None,  # the loader checked YYYY-MM-DD
        url=_optional_str(dataset.source, "url"),
        doi=normalise_doi(_optional_str(dataset.source, "doi")),
        vocabulary=_vocabulary(dataset.source, event.title, event.short_title),
    )


def cited(corpus: Corpus, statement: Statement, report: Report | None = None) -> Cited:
    return Cited(
        statement=statement,
        speaker=corpus.speaker(statement.event, statement.speaker),
        session_title=corpus.session(statement.event, statement.session).title,
        report=report or report_of(corpus, statement.event),
    )


def surname(speaker: Speaker) -> str:
    """The family name an author-date citation gives: "Coutou", "Di Razza",
    "van den Berg", "Ba-Konaré".

    The longest of the speaker's aliases that ends the full name (the dataset lists
    the forms people use, surname first), else the last word with any particles
    before it ("van", "de", "di" …)."""
    words = speaker.name.split()
    endings = [
        alias
        for alias in speaker.aliases
        if alias != speaker.name
        and len(alias.split()) < len(words)
        and words[-len(alias.split()) :] == alias.split()
    ]
    if endings:
        return max(endings, key=lambda alias: len(alias.split()))
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def paragraph_span(paragraphs: tuple[int, ...]) -> tuple[bool, str] | None:
    """(plural, "16–17") for a statement's report paragraphs, or None if it has none."""
    numbers = sorted(set(paragraphs))
    if not numbers:
        return None
    if len(numbers) == 1:
        return False, str(numbers[0])
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return True, f"{numbers[0]}–{numbers[-1]}"
    return True, ", ".join(str(n) for n in numbers)


def locator(statement: Statement, singular: str, plural: str) -> str | None:
    """ "para. 16" (APA, Chicago, Harvard), "par. 16" (MLA), "paras. 16–17"."""
    span = paragraph_span(statement.paragraphs)
    if span is None:
        return None
    many, numbers = span
    return f"{plural if many else singular} {numbers}"


def long_date(day: date) -> str:
    """October 26, 2018 (APA, Chicago)."""
    return f"{day:%B} {day.day}, {day.year}"


_MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def mla_date(day: date) -> str:
    """26 Oct. 2018 (MLA 9 abbreviates months longer than four letters)."""
    return f"{day.day} {_MLA_MONTHS[day.month - 1]} {day.year}"


def sentence_case(title: str, vocabulary: frozenset[str]) -> str:
    """APA's sentence case for a title printed in title case.

    Capitalised only: the first word, the first word after a colon, and proper
    nouns.  Whether a capitalised word is a proper noun is read from the report
    itself: it stays capitalised if the report prints it so in mid-sentence and never
    in lower case ("Mali"); otherwise it is lowered ("Civilians" -> "civilians").
    Words in capitals ("UN", "MINUSMA") and mixed case ("PoC") stay as they are; the
    parts of a hyphenated word are taken one by one ("Non-State" -> "Non-state")."""
    out: list[str] = []
    capitalise = True
    for token in re.split(r"(\s+)", title):
        if not token or token.isspace():
            out.append(token)
            continue
        new_parts = []
        for index, part in enumerate(token.split("-")):
            core = re.sub(r"[^\w’']", "", part)
            if capitalise and index == 0:
                part = part[:1].upper() + part[1:]
            elif (
                core[:1].isupper()
                and core[1:].islower()
                and (core.lower() in vocabulary or "+" + core not in vocabulary)
            ):
                part = part.replace(core, core.lower(), 1)
            new_parts.append(part)
        out.append("-".join(new_parts))
        capitalise = token.endswith((":", "?", "!", "—"))
    return "".join(out)


# A quotation's final punctuation, before any closing quotation marks of its own.
_FINAL = re.compile(r"(?P<mark>[.,;:]?)(?P<close>[”’\"']*)\s*$")


def end_for_parenthesis(text: str) -> str:
    """A quotation (or the report's words) as it ends before a parenthetical citation.

    APA 7 (8.26), Harvard and MLA 9 put the citation after the closing quotation mark
    and the sentence's period after the citation; the quotation's own final comma,
    semicolon, colon or period is dropped (the styles allow changing the final
    punctuation mark to fit the sentence).  A question or exclamation mark is the
    speaker's and stays.  Only the citation's rendering changes: the dataset's text is
    never altered."""
    match = _FINAL.search(text)
    assert match is not None  # the pattern matches every string
    return text[: match.start()] + match["close"]


def end_with_period(text: str) -> str:
    """The words as they end a sentence in American style (Chicago 17 13.7, APA's
    running text): a final comma, semicolon or colon becomes a period, placed inside
    any closing quotation mark; a final ?, ! or … stays.  Rendering only, as above."""
    stripped = text.rstrip()
    match = _FINAL.search(stripped)
    assert match is not None
    body, close = stripped[: match.start()], match["close"]
    if body.endswith(("?", "!", "…")):
        return body + close
    return body + "." + close


def ends_sentence(text: str) -> bool:
    """Whether the words end with their own ?, ! or … (then no period follows)."""
    return bool(re.search(r"[?!…][”’\"']*\s*$", text))
