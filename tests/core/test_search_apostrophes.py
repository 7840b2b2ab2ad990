"""Phrase search and apostrophes: straight and curly ones are the same, and a phrase
typed without an apostrophe the report has ("its" for "it’s"), or with one it has not,
is found, with a note that says how it was read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from poc_cli.corpus import load_corpus
from poc_cli.model import Corpus
from poc_cli.search import parse_query, search_corpus
from poc_cli.search.query import apostrophe_forms

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA)


def test_forms_an_apostrophe_apart() -> None:
    assert [f.words for f in apostrophe_forms("its really a tool")] == [
        ("it", "s", "really", "a", "tool"),
        ("itʼs", "really", "a", "tool"),  # ʼ: a letter to the index, so one word
    ]
    assert [f.shown for f in apostrophe_forms("its really a tool")][0] == "it's really a tool"
    assert [f.words for f in apostrophe_forms("it’s own")] == [("its", "own"), ("itʼs", "own")]
    assert [f.words for f in apostrophe_forms("dont know")][0] == ("don", "t", "know")
    assert [f.words for f in apostrophe_forms("youre right")][0] == ("you", "re", "right")
    assert apostrophe_forms("capture the narrative") == ()
    assert len(apostrophe_forms("its groups sessions ideas nations plans rules tools")) <= 8


def test_the_query_keeps_the_forms_of_each_phrase() -> None:
    query = parse_query('"its really a tool" neutrality')
    assert query.phrases == (("its", "really", "a", "tool"),)
    assert [f.words for f in query.phrase_forms[0]][0] == ("it", "s", "really", "a", "tool")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ('"its really a tool"', "ipi18-21"),  # the report: “… it’s really a tool …”
        ('"theres no present"', "ipi18-39"),  # “As much as there’s no present state …”
        ('"the uns decision"', "ipi18-37"),  # “the UN’s decision in 2016”
    ],
)
def test_a_phrase_without_the_report_s_apostrophe_is_found(
    corpus: Corpus, typed: str, found: str
) -> None:
    result = search_corpus(corpus, parse_query(typed))
    assert [h.id for h in result.hits] == [found]
    # scored as the phrase it is, as with the apostrophe typed
    with_apostrophe = typed.replace("its", "it’s").replace("theres", "there’s")
    with_apostrophe = with_apostrophe.replace("uns", "un’s")
    assert result.hits[0].score == search_corpus(corpus, parse_query(with_apostrophe)).hits[0].score
    assert result.hits[0].score >= 90
    assert any("an apostrophe apart" in note for note in result.notes)


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_straight_and_curly_apostrophes_are_the_same(corpus: Corpus, apostrophe: str) -> None:
    result = search_corpus(corpus, parse_query(f'"it{apostrophe}s really a tool"'))
    assert [h.id for h in result.hits] == ["ipi18-21"]
    assert not result.notes
    text = result.hits[0].text
    start, end = result.hits[0].spans[0]
    assert text[start:end] == "it’s really a tool"  # one highlight, across the apostrophe


def test_an_apostrophe_the_report_has_not_is_found_too(corpus: Corpus) -> None:
    plain = search_corpus(corpus, parse_query('"its political"'))
    assert plain.hits and not plain.notes  # found as typed: searched as typed
    curly = search_corpus(corpus, parse_query('"it’s political"'))
    assert [h.id for h in curly.hits] == [h.id for h in plain.hits]
    assert curly.notes == (
        'note: no statement has "it s political"; showing "its political" (an apostrophe apart)',
    )


def test_a_phrase_not_there_in_any_form_still_finds_nothing(corpus: Corpus) -> None:
    from poc_cli.errors import NotFound

    try:
        result = search_corpus(corpus, parse_query('"its really a hammer"'))
    except NotFound:
        return
    assert not result.hits


@pytest.mark.parametrize(
    "typed", ['"it’s really a tool"', '"it\'s really a tool"', '"its really a tool"']
)
def test_a_report_printing_the_modifier_letter_apostrophe(
    typed: str, mini_raw: dict, tmp_path: Path
) -> None:
    """ʼ (U+02BC) is a letter to the index, so ``itʼs`` is one word there: the phrase
    is found all the same, however its apostrophe was typed."""
    mini_raw["statements"][0]["text"] = "Neutrality, itʼs really a tool for access."
    path = tmp_path / "modifier.json"
    path.write_text(json.dumps(mini_raw, ensure_ascii=False), encoding="utf-8")
    result = search_corpus(load_corpus(path), parse_query(typed))
    assert [h.id for h in result.hits] == [mini_raw["statements"][0]["id"]]
    assert result.hits[0].score >= 90
