"""Ready-to-paste citations of statements, and exports for reference managers.

A quotation is reproduced exactly as the dataset holds it, between quotation marks;
only its final punctuation mark may be adjusted to fit the citation's sentence, as
the styles allow (see :mod:`.styles`; the dataset's text itself is never changed).
A paraphrase is the report's wording, not the speaker's: it is never put in
quotation marks or presented as the speaker's words; with ``allow_paraphrase`` it is
cited as what the report says, attributed to the report.

Styles (:class:`CitationStyle`): ``plain`` and ``markdown`` are poc's own
attribution lines; ``apa`` (APA 7), ``chicago`` (Chicago 17 notes and
bibliography), ``harvard`` (Cite Them Right) and ``mla`` (MLA 9) follow their
manuals for a person's words quoted in an organisation's event report.  The manual
styles come in three formats (:class:`Markup`): plain text (no italics, so no
asterisks), Markdown and HTML.  Exports (:class:`ExportFormat`): CSL-JSON, BibTeX and
RIS, in :mod:`.exports`.

Why the styles are hand-written, not rendered with the Citation Style Language
-------------------------------------------------------------------------------
citeproc-py 0.11.1 was evaluated with the official CSL files (apa.csl,
chicago-notes-bibliography-17th-edition.csl — the file that was called
chicago-note-bibliography.csl —, harvard-cite-them-right.csl and
modern-language-association.csl; bundled in ``csl/`` with their CC BY-SA 3.0
licence).  Measured on this machine: importing citeproc (and lxml) takes 30 ms in a
fresh interpreter (``python -c "import citeproc"``: 0.04–0.05 s of wall time against
0.01 s for an empty one) and 18 MB; loading a style and rendering one citation and
its entry takes 13–16 ms for APA, 35–40 ms for Chicago (a 245 kB style), 4 ms for
Harvard and 7–8 ms for MLA; poc's own rules take 1.4 ms for the same.  Against the
manuals' own examples for a quotation in a secondary source, and on this dataset:

- CSL has no notion of "as cited in" / "quoted in": the secondary-source part is
  free text in a citation's prefix, i.e. hand-written anyway; so is APA's group
  abbreviation ("International Peace Institute [IPI]" first, "IPI" after), which
  CSL-JSON cannot express.
- A report with no author (the schema lets ``event.host`` be empty): every one of
  the four styles substitutes the title for the author, and citeproc-py then prints
  the title twice ("*Title*. (2018). *Title* [Event report].") — it suppresses a
  substituted variable only when it is named directly, not through a macro.
- MLA 9 begins the entry with the title when the organisation is both author and
  publisher, which is always the case here; CSL cannot compare two variables, and
  leaving the author out hits the bug above.  MLA's in-text citation also gained the
  report's title after the author ("(International Peace Institute, *Protecting
  Civilians*, par. 16)").
- The HTML formatter does not escape the data ("<armed>" came out as a tag).
- APA's sentence case is not done by CSL: it must be given the title in sentence case.
- What CSL got right for the normal case (APA's "para.", "n.d.", Cite Them Right's
  "no date" and "Available at:", MLA's "26 Oct. 2018" and "par.", the DOI as
  ``https://doi.org/…``) is a handful of fixed rules for the one kind of source poc
  cites.

So CSL would have covered only the reference entry, for three styles and only when
the host is known, with hand-written rules needed for all the rest, and for that
entry too in the other cases; two code paths for one entry would be worse than one.
The styles are therefore hand-written and tested, and the official CSL files stay
the reference: the tests render poc's CSL-JSON export with citeproc-py and these
bundled styles and check that poc's entries say the same (:mod:`.csl_check`), and
the same export is what Zotero or Pandoc render with CSL for a user who prefers it.
Nothing heavy is imported to cite: this package uses the standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from poc_cli.errors import UsageError
from poc_cli.model import Corpus, Statement

from .markup import Markup

if TYPE_CHECKING:  # the facts (dates, names) are worked out only when something is cited
    from .facts import Cited, Report

__all__ = [
    "CitationStyle",
    "ExportFormat",
    "Markup",
    "cite",
    "cite_statements",
    "export",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]


class CitationStyle(StrEnum):
    plain = "plain"
    markdown = "markdown"
    apa = "apa"
    chicago = "chicago"
    harvard = "harvard"
    mla = "mla"


class ExportFormat(StrEnum):
    """Files for reference managers (Zotero, Mendeley, EndNote, JabRef, Pandoc)."""

    csl_json = "csl-json"
    bibtex = "bibtex"
    ris = "ris"


def refuse_paraphrases(corpus: Corpus, statements: Sequence[Statement]) -> None:
    for statement in statements:
        if statement.kind != "quote":
            name = corpus.speaker(statement.event, statement.speaker).name
            raise UsageError(
                f"{statement.id} is a paraphrase: the report's words, not {name}'s; "
                "poc will not present it as a direct quotation (add --paraphrase to cite it as the report's summary)"
            )


def cite(
    corpus: Corpus,
    statement: Statement,
    style: CitationStyle,
    *,
    allow_paraphrase: bool = False,
    markup: Markup = Markup.text,
) -> str:
    """One statement's citation: the in-text citation (or note) and the report's entry."""
    return cite_statements(
        corpus, [statement], style, allow_paraphrase=allow_paraphrase, markup=markup
    )


def cite_statements(
    corpus: Corpus,
    statements: Sequence[Statement],
    style: CitationStyle,
    *,
    allow_paraphrase: bool = False,
    markup: Markup = Markup.text,
) -> str:
    """Several statements cited together, in the order given.

    Manual styles: each statement's citation (Chicago: the sentence with its note
    number, then the notes), then one reference list with each report once.  Later
    citations use the short forms the styles prescribe (APA's group abbreviation,
    Chicago's short notes).  ``plain`` and ``markdown``: one block per statement,
    separated by a blank line (``markup`` does not apply: the style is the format).

    Raises :class:`UsageError` for a paraphrase unless ``allow_paraphrase``."""
    if not allow_paraphrase:
        refuse_paraphrases(corpus, statements)
    from .facts import cited, report_of

    reports: dict[str, Report] = {}
    items: list[Cited] = []
    for statement in statements:
        if statement.event not in reports:
            reports[statement.event] = report_of(corpus, statement.event)
        items.append(cited(corpus, statement, reports[statement.event]))
    if style is CitationStyle.plain:
        return "\n\n".join(_plain(c) for c in items)
    if style is CitationStyle.markdown:
        return "\n\n".join(_markdown(c) for c in items)
    from .styles import STYLES

    return STYLES[style.value].render(items, markup)


def _when(c: Cited) -> str:
    from .facts import long_date

    return long_date(c.report.day) if c.report.day else "n.d."


def _host(c: Cited) -> str | None:
    """The host as the dataset prints it ("International Peace Institute (IPI)")."""
    host = c.report.host
    if host is None:
        return None
    return f"{host.name} ({host.abbreviation})" if host.abbreviation else host.name


def _who(name: str, role: str) -> str:
    """ "Name, role", or the name alone when the dataset gives no role (a draft may not)."""
    return f"{name}, {role}" if role else name


def _plain(c: Cited) -> str:
    speaker, title, host = c.speaker, c.report.title, _host(c)
    tail = ", ".join(p for p in (host, _when(c)) if p)
    if c.quote:
        return (
            f"“{c.statement.text}”\n"
            f"— {_who(speaker.name, speaker.role)}. {c.session_title}, “{title}”, {tail}."
        )
    report = f"{host}, event report of “{title}”" if host else f"event report of “{title}”"
    who = f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name
    return f"{who}, as summarised by the report: {c.statement.text}\n— {report}, {_when(c)}."


def _markdown(c: Cited) -> str:
    from poc_cli.text.escape import markdown_escape as md  # the words as printed, never formatting

    from .markup import lines

    body = f"“{c.statement.text}”" if c.quote else c.statement.text
    fixed = lines(body, Markup.markdown).split("\n")
    quoted = "\n".join(f"> {line}" if line else ">" for line in fixed)
    host = _host(c)
    name, role, title = md(c.speaker.name), md(c.speaker.role), md(c.report.title)
    tail = ", ".join(p for p in (md(host) if host else None, _when(c)) if p)
    who = f"**{name}**, {role}" if role else f"**{name}**"
    if c.quote:
        return f"{quoted}\n>\n> — {who}. {md(c.session_title)}, *{title}*, {tail}."
    return f"{quoted}\n>\n> — The report's summary of {who}, in *{title}*, {tail}."


def to_csl_json(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    """CSL-JSON: a list with one ``report`` item per event, the statements in ``abstract``."""
    from .exports import to_csl_json as export_csl_json

    return export_csl_json(corpus, statements, allow_paraphrase=allow_paraphrase)


def to_bibtex(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    """BibTeX: one ``@techreport`` per event, LaTeX specials escaped."""
    from .exports import to_bibtex as export_bibtex

    return export_bibtex(corpus, statements, allow_paraphrase=allow_paraphrase)


def to_ris(
    corpus: Corpus, statements: Sequence[Statement], *, allow_paraphrase: bool = False
) -> str:
    """RIS: one ``TY  - RPRT`` record per event, one ``N1`` note per statement."""
    from .exports import to_ris as export_ris

    return export_ris(corpus, statements, allow_paraphrase=allow_paraphrase)


def export(
    corpus: Corpus,
    statements: Sequence[Statement],
    fmt: ExportFormat,
    *,
    allow_paraphrase: bool = False,
) -> str:
    """The export named by ``fmt`` (``poc cite ID... --format csl-json|bibtex|ris``)."""
    make = {
        ExportFormat.csl_json: to_csl_json,
        ExportFormat.bibtex: to_bibtex,
        ExportFormat.ris: to_ris,
    }[fmt]
    return make(corpus, statements, allow_paraphrase=allow_paraphrase)
