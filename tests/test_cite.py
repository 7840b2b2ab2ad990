"""cite.py directly: the exact words in quotation marks, who, where, when; paraphrases
never dressed up as quotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from poc_cli.cite import CitationStyle, cite
from poc_cli.dataset import bundled_dataset_path, load_corpus
from poc_cli.errors import DataError, UsageError
from poc_cli.model import Corpus, Statement

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"

STYLES = list(CitationStyle)


def _bundled() -> str:
    return str(bundled_dataset_path())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(_bundled())


def _statement(corpus: Corpus, statement_id: str) -> Statement:
    return next(s for s in corpus.statements if s.id == statement_id)


QUOTES = [s for s in load_corpus(_bundled()).statements if s.kind == "quote"]
PARAPHRASES = [s for s in load_corpus(_bundled()).statements if s.kind == "paraphrase"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("statement_id", [s.id for s in QUOTES])
def test_every_quote_is_cited_word_for_word(
    corpus: Corpus, statement_id: str, style: CitationStyle
) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, style)
    assert f"“{statement.text}”" in text
    assert speaker.name in text
    assert "2018" in text
    assert "International Peace Institute" in text


@pytest.mark.parametrize(
    "style", [CitationStyle.plain, CitationStyle.markdown, CitationStyle.chicago]
)
def test_the_full_name_with_diacritics_is_kept(corpus: Corpus, style: CitationStyle) -> None:
    for statement_id, name in (
        ("ipi18-21", "Agnès Coutou"),
        ("ipi18-48", "Dougoukolo Alpha Oumar Ba-Konaré"),
    ):
        assert name in cite(corpus, _statement(corpus, statement_id), style)


def test_apa_names_the_speaker_in_full_with_role_in_the_parenthesis(corpus: Corpus) -> None:
    text = cite(corpus, _statement(corpus, "ipi18-32"), CitationStyle.apa)
    assert (
        "(Namie Di Razza, IPI Research Fellow and author of the report, "
        "as cited in International Peace Institute (IPI), 2018)"
    ) in text
    assert "(2018, October 26)" in text


def test_plain_citation_in_full(corpus: Corpus) -> None:
    assert cite(corpus, _statement(corpus, "ipi18-21"), CitationStyle.plain) == (
        "“Neutrality is not an end in itself, it’s really a tool for accessing populations,”\n"
        "— Agnès Coutou, Peacekeeping and Protection Adviser at the International Committee of the "
        "Red Cross (ICRC). Engaging with armed groups for the Protection of Civilians, "
        "“Protecting Civilians and Managing Threats: Non-State Armed Groups, Violent Extremism, and "
        "UN Peace Operations”, International Peace Institute (IPI), October 26, 2018."
    )


def test_markdown_citation_is_a_block_quote_on_every_line(corpus: Corpus) -> None:
    text = cite(corpus, _statement(corpus, "ipi18-28"), CitationStyle.markdown)
    assert all(line.startswith(">") for line in text.split("\n"))
    assert "**Youssef Mahmoud**" in text


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
        assert part in text


@pytest.mark.parametrize("style", [CitationStyle.apa, CitationStyle.chicago])
def test_apa_and_chicago_carry_the_role(corpus: Corpus, style: CitationStyle) -> None:
    statement = _statement(corpus, "ipi18-21")
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, style)
    assert speaker.role in text and speaker.name in text


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
    assert statement.text in text  # the report's words, whole (list items included)
    assert f"“{statement.text}" not in text
    assert f"{statement.text}”" not in text
    assert speaker.name in text
    assert "report" in text.lower()  # attributed to the report, not the speaker


@pytest.mark.parametrize("statement_id", [s.id for s in PARAPHRASES if s.text[:1].isupper()][:3])
def test_apa_paraphrase_reads_as_a_sentence(corpus: Corpus, statement_id: str) -> None:
    statement = _statement(corpus, statement_id)
    speaker = corpus.speaker(statement.event, statement.speaker)
    text = cite(corpus, statement, CitationStyle.apa, allow_paraphrase=True)
    first_word = statement.text.split()[0]
    assert f"{speaker.name} {first_word}" not in text


def test_a_fixture_dataset_cites_its_own_event() -> None:
    corpus = load_corpus(MINI)
    text = cite(corpus, _statement(corpus, "mini-02"), CitationStyle.chicago)
    assert "“Fixtures keep tests honest,”" in text
    assert "Ann Example" in text and "Test Institute (TI)" in text and "May 4, 2020" in text
    assert "International Peace Institute" not in text


def test_a_date_that_is_not_iso_is_refused_by_the_loader(
    mini_raw: dict[str, Any], write_json: Any
) -> None:
    # Citations need a real date; the loader refuses one it cannot read as YYYY-MM-DD.
    mini_raw["event"]["date"] = "spring 2020"
    with pytest.raises(DataError) as caught:
        load_corpus(write_json(mini_raw))
    assert "event.date" in caught.value.message and "YYYY-MM-DD" in caught.value.message


def test_markdown_citation_escapes_what_markdown_would_format(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(text="a *b* _c_ [d](e) <i>f</i> &copy;")
    text = cite(corpus, odd, CitationStyle.markdown)
    assert text.splitlines()[0] == r"> “a \*b\* \_c\_ \[d\](e) \<i\>f\</i\> \&copy;”"


def test_markdown_citation_lines_never_become_lists_or_headings(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(text="Three points:\n1. first\n3) third\n# heading\n- bullet\n+ plus\n---")
    lines = cite(corpus, odd, CitationStyle.markdown).splitlines()
    assert lines[1:7] == [
        r"> 1\. first",
        r"> 3\) third",
        r"> \# heading",
        r"> \- bullet",
        r"> \+ plus",
        r"> \---”",
    ]


def test_markdown_citation_lines_never_become_code_blocks(corpus: Corpus) -> None:
    statement = _statement(corpus, "ipi18-21")
    odd = statement._replace(text="intro\n\n    b*c_d [x]\n\tcode")
    lines = cite(corpus, odd, CitationStyle.markdown).splitlines()
    assert lines[1:4] == [">", r"> &#32;   b\*c\_d \[x\]", "> &#9;code”"]
