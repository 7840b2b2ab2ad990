"""poc_cli.cite directly: the exact words in quotation marks, who, where, when, in each
manual's form; paraphrases never dressed up as quotations; exports read back by real
parsers of their formats; the reference entries checked against the official CSL
styles rendered by citeproc-py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poc_cli.cite import (
    CitationStyle,
    ExportFormat,
    Markup,
    cite,
    cite_statements,
    export,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from poc_cli.cite.facts import (
    end_for_parenthesis,
    end_with_period,
    normalise_doi,
    report_of,
    sentence_case,
    split_host,
    surname,
)
from poc_cli.corpus import bundled_dataset_path, load_corpus
from poc_cli.errors import DataError, UsageError
from poc_cli.model import Corpus, Statement

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.json"

STYLES = list(CitationStyle)
MANUAL = [CitationStyle.apa, CitationStyle.chicago, CitationStyle.harvard, CitationStyle.mla]
TITLE = (
    "Protecting Civilians and Managing Threats: Non-State Armed Groups, Violent Extremism, "
    "and UN Peace Operations"
)
SENTENCE_TITLE = (
    "Protecting civilians and managing threats: Non-state armed groups, violent extremism, "
    "and UN peace operations"
)
NEUTRALITY = "Neutrality is not an end in itself, it’s really a tool for accessing populations"


def _bundled() -> str:
    return str(bundled_dataset_path())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(_bundled())


def _statement(corpus: Corpus, statement_id: str) -> Statement:
    return next(s for s in corpus.statements if s.id == statement_id)


def _with(corpus: Corpus, *, event: dict[str, Any] | None = None, **source: Any) -> Corpus:
    """The corpus with its (only) event's or source's fields replaced."""
    (dataset,) = corpus.datasets
    return Corpus(
        (
            dataset._replace(
                event=dataset.event._replace(**(event or {})),
                source=dataset.source._replace(**source),
            ),
        )
    )


def _body(text: str) -> str:
    """A quotation's words as a citation may end them (final , . ; : adjusted)."""
    return re.sub(r"[.,;:]?([”’]*)$", r"\1", text)


QUOTES = [s for s in load_corpus(_bundled()).statements if s.kind == "quote"]
PARAPHRASES = [s for s in load_corpus(_bundled()).statements if s.kind == "paraphrase"]


# --- every style ------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("statement_id", [s.id for s in QUOTES])
def test_every_quote_is_cited_word_for_word(
    corpus: Corpus, statement_id: str, style: CitationStyle
) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, style)
    if style in (CitationStyle.plain, CitationStyle.markdown):
        assert f"“{statement.text}”" in text
    else:  # only the final punctuation mark may be adjusted to the sentence
        opening, closing = ("‘", "’") if style is CitationStyle.harvard else ("“", "”")
        assert f"{opening}{_body(statement.text)}" in text
        quoted = text[
            text.index(opening) + 1 : text.index(
                closing + " (" if style is not CitationStyle.chicago else closing + "¹"
            )
        ]
        assert _body(quoted) == _body(statement.text)
    assert surname(speaker) in text
    assert "2018" in text
    assert "International Peace Institute" in text


@pytest.mark.parametrize("style", MANUAL)
def test_the_comma_that_ends_the_reports_sentence_is_adjusted(
    corpus: Corpus, style: CitationStyle
) -> None:
    # 6 of the 18 quotations end with the comma of the report's sentence ("…,” she said).
    for statement_id in ("ipi18-11", "ipi18-14", "ipi18-21", "ipi18-39", "ipi18-45", "ipi18-55"):
        statement = _statement(corpus, statement_id)
        assert statement.text.endswith(",")  # the dataset keeps the report's text
        text = cite(corpus, statement, style).split("\n\n")[0]  # the quotation's sentence
        assert ",”" not in text and ",’" not in text
    # The dataset's text itself is never changed.
    assert _statement(corpus, "ipi18-21").text.endswith("populations,")


@pytest.mark.parametrize("style", MANUAL)
def test_no_nested_or_doubled_parentheses(corpus: Corpus, style: CitationStyle) -> None:
    for statement in [*QUOTES, *PARAPHRASES]:
        text = cite(corpus, statement, style, allow_paraphrase=True)
        depth = 0
        for char in text.replace(statement.text, ""):  # the words may hold their own
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth in (0, 1), text
        assert "))" not in text.replace(statement.text, "")


@pytest.mark.parametrize("style", MANUAL)
def test_plain_text_has_no_markup_and_markdown_and_html_have_italics(
    corpus: Corpus, style: CitationStyle
) -> None:
    statement = _statement(corpus, "ipi18-21")
    plain = cite(corpus, statement, style)
    assert "*" not in plain and "<" not in plain
    markdown = cite(corpus, statement, style, markup=Markup.markdown)
    html = cite(corpus, statement, style, markup=Markup.html)
    assert re.search(r"\*[^*]+\*", markdown)
    assert "<i>" in html and "</i>" in html


# --- APA 7 ------------------------------------------------------------------------------


def test_apa_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.apa) == (
        f"“{NEUTRALITY}” (Coutou, as cited in International Peace Institute [IPI], 2018, para. 16)."
        "\n\nReferences\n\n"
        f"International Peace Institute. (2018). {SENTENCE_TITLE} [Event report]."
    )


def test_apa_markdown_italicises_the_title(corpus: Corpus) -> None:
    text = cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.apa, markup=Markup.markdown)
    assert text.endswith(
        f"International Peace Institute. (2018). *{SENTENCE_TITLE}* [Event report]."
    )


def test_apa_gives_the_surname_and_abbreviates_the_group_after_its_first_citation(
    corpus: Corpus,
) -> None:
    ids = ["ipi18-32", "ipi18-48", "ipi18-16"]
    text = cite_statements(corpus, [_statement(corpus, i) for i in ids], CitationStyle.apa)
    assert "(Di Razza, as cited in International Peace Institute [IPI], 2018, para. 22)." in text
    assert "(Ba-Konaré, as cited in IPI, 2018, para. 29)." in text
    # A question mark is the speaker's: it stays, and the sentence's period follows.
    assert "armed groups?” (Mamiya, as cited in IPI, 2018, para. 12)." in text
    assert text.count("International Peace Institute. (2018).") == 1  # one reference


def test_apa_a_particle_stays_with_the_surname(corpus: Corpus) -> None:
    speaker = next(p for _, p in corpus.speakers if p.name == "Peter van den Berg")
    statement = _statement(corpus, "ipi18-21")._replace(speaker=speaker.id)
    assert "(van den Berg, as cited in" in cite(corpus, statement, CitationStyle.apa)


@pytest.mark.parametrize("statement_id", [s.id for s in PARAPHRASES])
def test_apa_paraphrase_cites_the_report_as_a_grammatical_sentence(
    corpus: Corpus, statement_id: str
) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, CitationStyle.apa, allow_paraphrase=True)
    first = text.split("\n\n")[0]
    assert first.startswith("International Peace Institute (IPI, 2018, para")
    if statement.text[:1].islower():  # "said the ICRC used …": the name is its subject
        assert f") reports that {speaker.name} {statement.text.split()[0]} " in first
    else:  # "He said that …": a sentence of its own, after a colon
        assert f") reports on the remarks of {speaker.name}: {statement.text.split()[0]}" in first
    assert (
        f"{speaker.name} {statement.text.split()[0]}" not in first or statement.text[:1].islower()
    )
    assert first.endswith((".", ".”", "?”", "?", "!"))


def test_apa_paraphrase_in_full(corpus: Corpus) -> None:
    text = cite(corpus, _statement(corpus, "ipi18-24"), CitationStyle.apa, allow_paraphrase=True)
    assert text.split("\n\n")[0] == (
        "International Peace Institute (IPI, 2018, para. 17) reports on the remarks of "
        "Michael Semple: He said that, remarkably, the UN Mission in Afghanistan was able over "
        "the years to both “capture the narrative” and “affect the conduct of war” regarding "
        "civilian casualties."
    )


# --- Chicago 17 -------------------------------------------------------------------------


def test_chicago_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.chicago) == (
        f"“{NEUTRALITY}.”¹\n\nNotes\n\n"
        "1. Agnès Coutou (remarks in the session “Engaging with armed groups for the "
        "Protection of Civilians,” International Peace Institute, October 26, 2018), quoted in "
        f"International Peace Institute, {TITLE}, event report (International Peace Institute, "
        "2018), para. 16.\n\nBibliography\n\n"
        f"International Peace Institute. {TITLE}. Event report. International Peace Institute, 2018."
    )


def test_chicago_later_notes_take_the_short_form(corpus: Corpus) -> None:
    ids = ["ipi18-21", "ipi18-22", "ipi18-11"]
    text = cite_statements(corpus, [_statement(corpus, i) for i in ids], CitationStyle.chicago)
    assert "“…" not in text
    assert "¹" in text and "²" in text and "³" in text
    assert (
        "2. Coutou, quoted in International Peace Institute, Protecting Civilians and Managing "
        "Threats, para. 16."
    ) in text
    assert "3. Ralph Mamiya (remarks in the session" in text
    assert text.count("International Peace Institute. Protecting") == 1


def test_chicago_markdown_uses_footnotes(corpus: Corpus) -> None:
    text = cite(
        corpus, _statement(corpus, "ipi18-21"), CitationStyle.chicago, markup=Markup.markdown
    )
    assert "populations.”[^1]" in text
    assert "\n[^1]: Agnès Coutou (" in text
    assert f"*{TITLE}*, event report" in text


# --- Harvard and MLA --------------------------------------------------------------------


def test_harvard_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.harvard) == (
        f"‘{NEUTRALITY}’ (Coutou, cited in International Peace Institute, 2018, para. 16)."
        "\n\nReference list\n\n"
        f"International Peace Institute (2018) {TITLE}. Event report. International Peace Institute."
    )


def test_mla_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.mla) == (
        f"“{NEUTRALITY}” (Coutou qtd. in Protecting Civilians and Managing Threats, par. 16)."
        "\n\nWorks Cited\n\n"
        f"{TITLE}. Event report. International Peace Institute, 26 Oct. 2018."
    )


# --- dates, links, hosts ----------------------------------------------------------------


def test_the_doi_and_url_are_cited_when_the_dataset_has_them(corpus: Corpus) -> None:
    linked = _with(corpus, url="https://www.ipinst.org/report", doi="doi:10.1234/ABC")
    statement = _statement(linked, "ipi18-21")
    doi = "https://doi.org/10.1234/ABC"
    assert cite(linked, statement, CitationStyle.apa).endswith(f"[Event report]. {doi}")
    assert cite(linked, statement, CitationStyle.chicago).endswith(f"2018. {doi}.")
    assert cite(linked, statement, CitationStyle.harvard).endswith(f"Available at: {doi}.")
    assert cite(linked, statement, CitationStyle.mla).endswith(f"26 Oct. 2018, {doi}.")
    only_url = _with(corpus, url="https://www.ipinst.org/report")
    assert cite(only_url, statement, CitationStyle.apa).endswith(
        "[Event report]. https://www.ipinst.org/report"
    )


def test_an_event_with_no_date_is_cited_as_the_styles_say(corpus: Corpus) -> None:
    undated = _with(corpus, event={"date": None})
    statement = _statement(undated, "ipi18-21")
    assert "(Coutou, as cited in International Peace Institute [IPI], n.d., para. 16)" in cite(
        undated, statement, CitationStyle.apa
    )
    assert "International Peace Institute. (n.d.)." in cite(undated, statement, CitationStyle.apa)
    chicago = cite(undated, statement, CitationStyle.chicago)
    assert (
        "Institute, n.d.), quoted in" in chicago
        and "(International Peace Institute, n.d.)" in chicago
    )
    assert "(Coutou, cited in International Peace Institute, no date, para. 16)" in cite(
        undated, statement, CitationStyle.harvard
    )
    assert cite(undated, statement, CitationStyle.mla).endswith(
        "Event report. International Peace Institute."
    )
    for style in (CitationStyle.plain, CitationStyle.markdown):
        assert "n.d." in cite(undated, statement, style)


def test_a_report_with_no_host_is_cited_by_its_title(corpus: Corpus) -> None:
    anonymous = _with(corpus, event={"host": None})
    statement = _statement(anonymous, "ipi18-21")
    apa = cite(anonymous, statement, CitationStyle.apa, markup=Markup.markdown)
    assert (
        "(Coutou, as cited in *Protecting Civilians and Managing Threats*, 2018, para. 16)" in apa
    )
    assert apa.endswith(f"*{SENTENCE_TITLE}* [Event report]. (2018).")
    for style in STYLES:
        text = cite(anonymous, statement, style)
        assert "None" not in text and "International Peace Institute" not in text
        assert text.count(TITLE) <= 2  # never the title doubled in one entry


# --- paraphrases ------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("statement_id", [s.id for s in PARAPHRASES])
def test_a_paraphrase_is_refused_unless_allowed(
    corpus: Corpus, statement_id: str, style: CitationStyle
) -> None:
    statement = _statement(corpus, statement_id)
    with pytest.raises(UsageError) as caught:
        cite(corpus, statement, style)
    assert statement.id in caught.value.message and "paraphrase" in caught.value.message
    assert "--paraphrase" in caught.value.message


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("statement_id", [s.id for s in PARAPHRASES])
def test_an_allowed_paraphrase_is_never_in_quotation_marks(
    corpus: Corpus, statement_id: str, style: CitationStyle
) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, style, allow_paraphrase=True)
    if style is CitationStyle.markdown:  # a block quote: every line starts with ">"
        text = "\n".join(line.removeprefix(">").removeprefix(" ") for line in text.split("\n"))
        text = text.replace("\\\n", "\n")  # the hard line breaks between list items
    # The report's words, whole (list items included); a manual style may adjust
    # the final punctuation mark to its sentence.
    body = (
        statement.text
        if style in (CitationStyle.plain, CitationStyle.markdown)
        else re.sub(r"[.,;:”’]+$", "", statement.text)
    )
    assert body in text
    for opening in ("“", "‘"):
        assert f"{opening}{body}" not in text
    assert speaker.name in text
    assert "report" in text.lower()  # attributed to the report, not the speaker


# --- plain and markdown -----------------------------------------------------------------


def test_plain_citation_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.plain) == (
        "“Neutrality is not an end in itself, it’s really a tool for accessing populations,”\n"
        "— Agnès Coutou, Peacekeeping and Protection Adviser at the International Committee of the "
        "Red Cross (ICRC). Engaging with armed groups for the Protection of Civilians, "
        "“Protecting Civilians and Managing Threats: Non-State Armed Groups, Violent Extremism, and "
        "UN Peace Operations”, International Peace Institute (IPI), October 26, 2018."
    )


@pytest.mark.parametrize("style", [CitationStyle.plain, CitationStyle.markdown])
def test_the_full_name_with_diacritics_is_kept(corpus: Corpus, style: CitationStyle) -> None:
    for statement_id, name in (
        ("ipi18-21", "Agnès Coutou"),
        ("ipi18-48", "Dougoukolo Alpha Oumar Ba-Konaré"),
    ):
        assert name in cite(corpus, _statement(corpus, statement_id), style)
    assert "Agnès Coutou" in cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.chicago)


def test_markdown_citation_is_a_block_quote_on_every_line(corpus: Corpus) -> None:
    text = cite(corpus, _statement(corpus, "ipi18-28"), CitationStyle.markdown)
    assert all(line.startswith(">") for line in text.split("\n"))
    assert "**Youssef Mahmoud**" in text


def test_markdown_list_items_keep_their_own_lines(corpus: Corpus) -> None:
    # Review D11: soft line breaks ran the items together when rendered.
    text = cite(
        corpus, _statement(corpus, "ipi18-17"), CitationStyle.markdown, allow_paraphrase=True
    )
    quote_lines = text.split("\n>\n")[0].split("\n")
    assert len(quote_lines) == 4
    assert all(line.endswith("\\") for line in quote_lines[:-1])
    assert not quote_lines[-1].endswith("\\")
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt().render(text)
    assert rendered.count("<br />") == 3


@pytest.mark.parametrize("style", [CitationStyle.plain, CitationStyle.markdown])
@pytest.mark.parametrize("statement_id", ["ipi18-21", "ipi18-04", "ipi18-55"])
def test_a_citation_carries_speaker_role_event_host_and_date(
    corpus: Corpus, statement_id: str, style: CitationStyle
) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    event = corpus.dataset(statement.event).event
    text = cite(corpus, statement, style)
    for part in (speaker.name, speaker.role, event.title, event.host, "October 26, 2018"):
        assert part is not None and part in text


def test_a_fixture_dataset_cites_its_own_event() -> None:
    corpus = load_corpus(MINI)
    text = cite(corpus, _statement(corpus, "mini-02"), CitationStyle.chicago)
    assert "“Fixtures keep tests honest.”¹" in text
    assert "Ann Example" in text and "Test Institute" in text and "May 4, 2020" in text
    assert "International Peace Institute" not in text
    apa = cite(corpus, _statement(corpus, "mini-02"), CitationStyle.apa)
    assert "(Example, as cited in Test Institute [TI], 2020, para. 2)." in apa
    assert "Mini seminar: A fixture for poc's tests [Event report]." in apa


def test_a_date_that_is_not_iso_is_refused_by_the_loader(
    mini_raw: dict[str, Any], write_json: Any
) -> None:
    mini_raw["event"]["date"] = "spring 2020"
    with pytest.raises(DataError) as caught:
        load_corpus(write_json(mini_raw))
    assert "event.date" in caught.value.message and "YYYY-MM-DD" in caught.value.message


def test_markdown_citation_escapes_what_markdown_would_format(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(text="a *b* _c_ [d](e) <i>f</i> &copy;")
    text = cite(corpus, odd, CitationStyle.markdown)
    assert text.splitlines()[0] == r"> “a \*b\* \_c\_ \[d\](e) \<i\>f\</i\> \&copy;”"
    odd = odd._replace(text=odd.text + " end")  # not ending in ";", a final mark
    for style in MANUAL:
        markdown = cite(corpus, odd, style, markup=Markup.markdown)
        assert r"\*b\*" in markdown and "*b*" not in markdown.replace(r"\*b\*", "")
        html = cite(corpus, odd, style, markup=Markup.html)
        assert "&lt;i&gt;f&lt;/i&gt;" in html and "&amp;copy;" in html


def test_markdown_citation_lines_never_become_lists_or_headings(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(
        text="Three points:\n1. first\n3) third\n# heading\n- bullet\n+ plus\n---"
    )
    lines = cite(corpus, odd, CitationStyle.markdown).splitlines()
    hard_break = "\\"  # CommonMark: a backslash that ends a line breaks it
    assert lines[1:7] == [
        r"> 1\. first" + hard_break,
        r"> 3\) third" + hard_break,
        r"> \# heading" + hard_break,
        r"> \- bullet" + hard_break,
        r"> \+ plus" + hard_break,
        r"> \---”",
    ]


def test_markdown_citation_lines_never_become_code_blocks(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(text="intro\n\n    b*c_d [x]\n\tcode")
    lines = cite(corpus, odd, CitationStyle.markdown).splitlines()
    assert lines[0] == "> “intro"  # no hard break before a paragraph's end
    assert lines[1:4] == [">", r"> &#32;   b\*c\_d \[x\]" + "\\", "> &#9;code”"]


# --- the shared rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before_parenthesis", "ending_sentence"),
    [
        (
            "a tool for accessing populations,",
            "a tool for accessing populations",
            "a tool for accessing populations.",
        ),
        ("would be broad.", "would be broad", "would be broad."),
        ("how do you engage?", "how do you engage?", "how do you engage?"),
        ("human rights violations", "human rights violations", "human rights violations."),
        ("was “ambitious,”", "was “ambitious”", "was “ambitious.”"),
        ("a list;", "a list", "a list."),
    ],
)
def test_final_punctuation(text: str, before_parenthesis: str, ending_sentence: str) -> None:
    assert end_for_parenthesis(text) == before_parenthesis
    assert end_with_period(text) == ending_sentence


def test_hosts_dois_and_surnames() -> None:
    assert split_host("International Peace Institute (IPI)") == (
        "International Peace Institute",
        "IPI",
    )
    assert split_host("Test Institute") == ("Test Institute", None)
    assert split_host(None) is None and split_host("  ") is None
    for doi in ("10.1/x", "doi:10.1/x", "https://doi.org/10.1/x", "http://dx.doi.org/10.1/x"):
        assert normalise_doi(doi) == "10.1/x"


def test_surnames_of_every_speaker(corpus: Corpus) -> None:
    names = {p.name: surname(p) for _, p in corpus.speakers}
    assert names["Agnès Coutou"] == "Coutou"
    assert names["Namie Di Razza"] == "Di Razza"
    assert names["Dougoukolo Alpha Oumar Ba-Konaré"] == "Ba-Konaré"
    assert names["Marie-Joëlle Zahar"] == "Zahar"
    assert names["Chloé Marnay-Baszanger"] == "Marnay-Baszanger"
    assert names["Peter van den Berg"] == "van den Berg"


def test_sentence_case_lowers_only_what_the_report_prints_in_lower_case(corpus: Corpus) -> None:
    report = report_of(corpus, "ipi-2018-poc")
    assert sentence_case(report.title, report.vocabulary) == SENTENCE_TITLE
    assert sentence_case("Protection in Mali: the Case", report.vocabulary) == (
        "Protection in Mali: The case"
    )


# --- exports ----------------------------------------------------------------------------

HOSTILE = "50% & $x_1$ {a} \\end ~^ #1\x1b[31m\nline two\r\n\u202eevil"


def _export_corpus(corpus: Corpus) -> tuple[Corpus, list[Statement]]:
    linked = _with(corpus, url="https://www.ipinst.org/report?a=1&b=2", doi="10.1234/abc_d")
    statements = [_statement(linked, "ipi18-21"), _statement(linked, "ipi18-17")]
    hostile = statements[0]._replace(id="ipi18-99", text=HOSTILE)
    return linked, [*statements, hostile]


def test_csl_json_is_read_back_by_citeproc(corpus: Corpus) -> None:
    citeproc_json = pytest.importorskip("citeproc.source.json")
    linked, statements = _export_corpus(corpus)
    text = to_csl_json(linked, statements, allow_paraphrase=True)
    items = json.loads(text)
    assert len(items) == 1  # one report, however many of its statements
    (item,) = items
    assert item["type"] == "report" and item["id"] == "ipi-2018-poc"
    assert item["author"] == [{"literal": "International Peace Institute"}]
    assert item["title"] == TITLE and item["issued"] == {"date-parts": [[2018, 10, 26]]}
    assert item["DOI"] == "10.1234/abc_d" and item["URL"].startswith("https://www.ipinst.org/")
    assert f"“{_statement(corpus, 'ipi18-21').text}” — Agnès Coutou" in item["abstract"]
    assert "The report’s summary of Naomi Miyashita" in item["abstract"]
    assert "\x1b" not in text and "\u202e" not in text and "\\x1b[31m" in item["abstract"]
    source = citeproc_json.CiteProcJSON(items)
    assert TITLE in str(source["ipi-2018-poc"]["title"])


def test_bibtex_is_read_back_by_bibtexparser(corpus: Corpus) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    linked, statements = _export_corpus(corpus)
    text = to_bibtex(linked, statements, allow_paraphrase=True)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport" and entry.key == "ipi-2018-poc"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["author"] == "{International Peace Institute}"
    assert fields["institution"] == "International Peace Institute"
    assert fields["year"] == "2018" and fields["doi"] == r"10.1234/abc\_d"
    assert "{UN}" in fields["title"]
    abstract = fields["abstract"]
    assert (
        r"50\% \& \$x\_1\$ \{a\} \textbackslash{}end \textasciitilde{}\textasciicircum{} \#1"
        in abstract
    )
    assert "\x1b" not in text and "\u202e" not in text
    # Every brace balances, so no value can end early or swallow the next field.
    depth = 0
    for char in re.sub(r"\\[{}]", "", text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    # Decoded from LaTeX, the words are the dataset's (control characters made visible).
    from bibtexparser.middlewares import LatexDecodingMiddleware

    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    value = {f.key: f.value for f in decoded.entries[0].fields}["abstract"]
    value = value.replace("ˆ", "^")  # pylatexenc reads \textasciicircum as U+02C6
    assert "50% & $x_1$ {a} \\end ~^ #1\\x1b[31m" in value


def test_ris_is_read_back_by_rispy(corpus: Corpus) -> None:
    rispy = pytest.importorskip("rispy")
    linked, statements = _export_corpus(corpus)
    text = to_ris(linked, statements, allow_paraphrase=True)
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["International Peace Institute"]
    assert record["title"] == TITLE
    assert record["doi"] == "10.1234/abc_d"
    assert record["publisher"] == "International Peace Institute"
    notes = record["notes"]
    assert len(notes) == 3  # one per statement
    assert notes[0].startswith(f"“{_statement(corpus, 'ipi18-21').text}” — Agnès Coutou")
    assert " / • Engaging with NSAGs" in notes[1]  # list items kept apart on one line
    assert "\\x1b[31m" in notes[2] and "line two" in notes[2]
    for line in text.splitlines():  # every line is a tag: no value broke onto its own line
        assert re.match(r"^[A-Z][A-Z0-9]  - ", line) or line == "", line
    assert "\x1b" not in text and "\r" not in text


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_exports_refuse_a_paraphrase_unless_allowed(corpus: Corpus, fmt: ExportFormat) -> None:
    with pytest.raises(UsageError):
        export(corpus, [_statement(corpus, "ipi18-20")], fmt)
    assert export(corpus, [_statement(corpus, "ipi18-21")], fmt)


# --- the official CSL styles ------------------------------------------------------------


def _csl(corpus: Corpus, **changes: Any) -> str:
    items = json.loads(to_csl_json(corpus, [_statement(corpus, "ipi18-21")]))
    items[0].pop("abstract")
    items[0].update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        items[0].pop(key)
    return json.dumps(items)


@pytest.mark.parametrize("linked", [False, True])
def test_entries_agree_with_the_official_csl_styles(corpus: Corpus, linked: bool) -> None:
    pytest.importorskip("citeproc")
    from poc_cli.cite.csl_check import csl_render

    if linked:
        corpus = _with(corpus, url="https://www.ipinst.org/report", doi="10.1234/abc")
    statement = _statement(corpus, "ipi18-21")

    def entry(style: CitationStyle) -> str:
        return cite(corpus, statement, style).rsplit("\n\n", 1)[1]

    # APA: given the title in sentence case and no publisher (APA leaves out a
    # publisher who is the author; CSL cannot compare the two).
    _, (apa,) = csl_render(_csl(corpus, title=SENTENCE_TITLE, publisher=None), "apa")
    assert entry(CitationStyle.apa) == apa
    citation, (chicago,) = csl_render(_csl(corpus, genre="event report"), "chicago", paragraph="16")
    assert entry(CitationStyle.chicago) == chicago.replace("event report", "Event report")
    assert (
        cite(corpus, statement, CitationStyle.chicago).split("quoted in ", 1)[1].split("\n")[0]
        == citation
    )
    citation, (harvard,) = csl_render(_csl(corpus), "harvard", paragraph="16")
    assert entry(CitationStyle.harvard) == harvard
    assert citation == "(International Peace Institute, 2018, para. 16)"
    # MLA 9 lists a work whose author is its publisher by its title: CSL's entry less
    # the author (citeproc-py doubles the title when the author is left out).
    _, (mla,) = csl_render(_csl(corpus), "mla")
    assert entry(CitationStyle.mla) == mla.removeprefix("International Peace Institute. ")


def test_the_csl_files_are_bundled_with_their_licence() -> None:
    from importlib.resources import files

    folder = files("poc_cli.cite").joinpath("csl")
    names = {p.name for p in folder.iterdir()}
    assert {"apa.csl", "chicago-notes-bibliography-17th-edition.csl", "LICENSE"} <= names
    assert "by-sa/3.0" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    for name in names:
        if name.endswith(".csl"):
            assert "creativecommons.org/licenses/by-sa/3.0" in folder.joinpath(name).read_text(
                encoding="utf-8"
            )


def test_citing_imports_nothing_heavy(corpus: Corpus) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from poc_cli.corpus import load_corpus, bundled_dataset_path\n"
        "from poc_cli.cite import cite, CitationStyle, to_bibtex, to_ris, to_csl_json\n"
        "c = load_corpus(str(bundled_dataset_path()))\n"
        "s = [x for x in c.statements if x.id == 'ipi18-21']\n"
        "for style in CitationStyle: cite(c, s[0], style)\n"
        "to_bibtex(c, s); to_ris(c, s); to_csl_json(c, s)\n"
        "print(' '.join(m for m in ('citeproc', 'lxml', 'bibtexparser', 'rispy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(codec="utf-8"), min_size=1, max_size=80))
def test_any_text_survives_every_export(corpus: Corpus, text: str) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    rispy = pytest.importorskip("rispy")
    statement = _statement(corpus, "ipi18-21")._replace(text=text)
    bibtex = to_bibtex(corpus, [statement])
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and len(library.entries) == 1
    assert {f.key for f in library.entries[0].fields} >= {"title", "abstract", "author"}
    ris = to_ris(corpus, [statement])
    (record,) = rispy.loads(ris)
    assert len(record["notes"]) == 1 and record["title"] == TITLE
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in ris.splitlines() if line)
    items = json.loads(to_csl_json(corpus, [statement]))
    assert items[0]["title"] == TITLE
    for output in (bibtex, ris):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", output)
