"""Exports for reference managers: CSL-JSON, BibTeX and RIS.

The thing cited is the report (one record per event, however many of its statements
are exported), and the statements go with it:

- **CSL-JSON**: a list of CSL items of type ``report``; the statements in
  ``abstract``.  Not in ``note``: Zotero imports a CSL ``note`` into its Extra field,
  which it reads line by line as ``Variable: value`` pairs, so a quotation that
  began "Title: …" or "Type: …" would change the item; ``abstract`` is imported
  verbatim (Zotero's Abstract, Mendeley's and EndNote's too) and kept by Pandoc.
- **BibTeX**: ``@techreport`` (type "Event report", institution = the host); the
  statements in ``abstract``; LaTeX specials escaped, capitals of acronyms braced.
- **RIS**: ``TY  - RPRT``; each statement in its own ``N1`` (Zotero makes each a
  note of the item, EndNote and Mendeley keep them as notes), as a RIS field holds
  one line.

Dataset text is data in every format: control and invisible characters are shown as
escapes (``\\x1b``) as everywhere in poc, and each format's specials are escaped.
Each statement is written as in poc's own citations: a quotation in quotation marks
with its speaker, a paraphrase as the report's summary, never in quotation marks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from poc_cli.model import Corpus, Statement
from poc_cli.text.escape import visible

from .facts import GENRE, Cited, Report, cited, locator, paragraph_span, report_of


def _clean(text: str) -> str:
    """Control and invisible characters made visible; tabs become spaces."""
    return visible(text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def _grouped(
    corpus: Corpus, statements: Sequence[Statement], allow_paraphrase: bool
) -> list[tuple[Report, list[Cited]]]:
    if not allow_paraphrase:
        from . import refuse_paraphrases

        refuse_paraphrases(corpus, statements)
    groups: dict[str, tuple[Report, list[Cited]]] = {}
    for statement in statements:
        if statement.event not in groups:
            groups[statement.event] = (report_of(corpus, statement.event), [])
        report, items = groups[statement.event]
        items.append(cited(corpus, statement, report))
    return list(groups.values())


def statement_line(c: Cited) -> str:
    """One statement as a reference manager keeps it: the quotation in its marks (the
    dataset's text exactly), or the report's summary without marks; its speaker; and
    where it is, in brackets (a role may end in parentheses of its own)."""
    where = locator(c.statement, "para.", "paras.")
    ref = "; ".join(p for p in (where, f"poc {c.statement.id}") if p)
    who = f"{c.speaker.name}, {c.speaker.role}" if c.speaker.role else c.speaker.name
    if c.quote:
        return f"“{c.statement.text}” — {who} [{ref}]"
    return f"The report’s summary of {who} [{ref}]: {c.statement.text}"


def _link(report: Report) -> str | None:
    return f"https://doi.org/{report.doi}" if report.doi else report.url


# --- CSL-JSON ------------------------------------------------------------------------


def csl_item(report: Report, items: Iterable[Cited]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": report.id, "type": "report"}
    if report.host:
        item["author"] = [{"literal": _clean(report.host.name)}]
        item["publisher"] = _clean(report.host.name)
    item["title"] = _clean(report.title)
    if report.short_title != report.title:
        item["title-short"] = _clean(report.short_title)
    item["genre"] = GENRE
    if report.day:
        item["issued"] = {"date-parts": [[report.day.year, report.day.month, report.day.day]]}
    if report.doi:
        item["DOI"] = _clean(report.doi)
    if report.url:
        item["URL"] = _clean(report.url)
    item["abstract"] = "\n\n".join(_clean(statement_line(c)) for c in items)
    return item


def to_csl_json(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    items = [csl_item(report, cs) for report, cs in _grouped(corpus, statements, allow_paraphrase)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# --- BibTeX --------------------------------------------------------------------------

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIAL))
_ACRONYM = re.compile(r"\b\w*[A-Z]\w*[A-Z]\w*\b")  # UN, MINUSMA, PoC: two capitals or more
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def latex_escape(text: str) -> str:
    """Text as a BibTeX value that LaTeX prints as itself: ``\\ { } & % $ # _ ~ ^``
    escaped (so braces always balance), control characters made visible, line breaks
    kept except blank lines (a paragraph break), which become one line break."""
    cleaned = re.sub(r"\n\s*\n+", "\n", _clean(text))
    return _LATEX.sub(lambda m: _LATEX_SPECIAL[m.group()], cleaned)


def _protect_capitals(escaped: str) -> str:
    """Braces around acronyms, so a style that changes case keeps "UN" and "PoC"."""
    return _ACRONYM.sub(lambda m: "{" + m.group() + "}", escaped)


def bibtex_key(report: Report) -> str:
    key = re.sub(r"[^A-Za-z0-9_:.-]", "-", report.id).strip("-")
    return key or "report"


def bibtex_entry(report: Report, items: Iterable[Cited]) -> str:
    fields: list[tuple[str, str]] = []
    if report.host:
        fields.append(("author", "{" + latex_escape(report.host.name) + "}"))  # one name
        fields.append(("institution", latex_escape(report.host.name)))
    fields.append(("title", _protect_capitals(latex_escape(report.title))))
    fields.append(("type", GENRE))
    if report.day:
        fields.append(("year", str(report.day.year)))
        fields.append(("month", _MONTHS[report.day.month - 1]))
        fields.append(("date", report.day.isoformat()))  # biblatex
    if report.doi:
        fields.append(("doi", latex_escape(report.doi)))
    if report.url:
        fields.append(("url", latex_escape(report.url)))
    fields.append(("abstract", "\n\n".join(latex_escape(statement_line(c)) for c in items)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@techreport{{{bibtex_key(report)},\n{body}\n}}\n"


def to_bibtex(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    entries = [bibtex_entry(r, cs) for r, cs in _grouped(corpus, statements, allow_paraphrase)]
    return "\n".join(entries)


# --- RIS -----------------------------------------------------------------------------


def ris_value(text: str) -> str:
    """A RIS field's value: one line (line breaks become " / ", which keeps list
    items apart), control characters made visible, surrounding spaces trimmed."""
    one_line = re.sub(r"\s*\n\s*", " / ", _clean(text).strip())
    return one_line


def ris_record(report: Report, items: Iterable[Cited]) -> str:
    tags: list[tuple[str, str]] = [("TY", "RPRT")]
    if report.host:
        tags.append(("AU", report.host.name))  # no comma: a single-field (group) name
    tags.append(("TI", report.title))
    if report.short_title != report.title:
        tags.append(("ST", report.short_title))
    tags.append(("M3", GENRE))
    if report.day:
        tags.append(("PY", str(report.day.year)))
        tags.append(("DA", f"{report.day:%Y/%m/%d}"))
    if report.host:
        tags.append(("PB", report.host.name))
    if report.doi:
        tags.append(("DO", report.doi))
    link = _link(report)
    if link:
        tags.append(("UR", report.url or link))
    tags.extend(("N1", statement_line(c)) for c in items)
    tags.append(("ER", ""))
    return "".join(f"{tag}  - {ris_value(value)}\n" for tag, value in tags)


def to_ris(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    records = [ris_record(r, cs) for r, cs in _grouped(corpus, statements, allow_paraphrase)]
    return "\n".join(records)


__all__ = [
    "bibtex_entry",
    "csl_item",
    "latex_escape",
    "paragraph_span",
    "ris_record",
    "statement_line",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
