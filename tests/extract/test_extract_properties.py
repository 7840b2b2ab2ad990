"""Hypothesis over generated reports: extraction never crashes, every extracted quote
stands verbatim in its paragraph between quotation marks, the draft always validates,
and the same text always gives the same draft."""

from __future__ import annotations

import json

from extract_helpers import problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poc_cli.extract import check_fidelity, extract_text, split_paragraphs
from poc_cli.extract.fidelity import quoted_in

FIRST = ["Ana", "Jean-Marc", "Agnès", "Li", "Ødegaard", "Chad", "Kofi", "María José"]
LAST = ["Moreau", "van der Berg", "Ba-Konaré", "Di Stefano", "Okafor", "Chad", "Lopes"]
HONORIFIC = ["", "Dr. ", "Ms. ", "Mr. ", "Ambassador ", "Professor ", "H.E. "]
ROLE = ["", ", Director of the Regional Office,", ", a senior fellow at the Institute,"]
VERB = ["said", "told the Council", "argued", "warned", "noted", "added", "stressed"]
WORDS = ["peace", "water", "the plan", "we must act", "it failed", "Chad", "IPI’s", "Queen’s"]
MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»"]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    who = draw(
        st.sampled_from(
            [
                name,
                "he",
                "she",
                "She",
                "The representative of France",
                "Some delegates",
                "the spokesperson",
            ]
        )
    )
    if who[0].isupper() and who not in ("She",) and who == name:
        who = draw(st.sampled_from(HONORIFIC)) + who + draw(st.sampled_from(ROLE))
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
    shape = draw(st.integers(0, 6))
    verb = draw(st.sampled_from(VERB))
    if shape == 0:
        return f"{who} {verb} that {words}."
    if shape == 1:
        return f"“{words},” {who} {verb}."
    if shape == 2:
        return f"{who} {verb}, “{words}.”"
    if shape == 3:
        return f"“{words},” {who} {verb}, “{words}.”"
    if shape == 4:
        return f"{who} {verb} that the plan was “{words}” and {words}."
    if shape == 5:
        return f'"{words}," {who} {verb}.'
    junk = draw(st.lists(st.sampled_from(MARKS + WORDS + [" ", ".", ",", "\n"]), max_size=12))
    return f"{who} {verb} {''.join(junk)}"


@st.composite
def reports(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(st.lists(sentence(), min_size=1, max_size=4), min_size=1, max_size=6)
    )
    sep = draw(st.sampled_from(["\n\n", "\n", "\n \n\n"]))
    head = draw(st.sampled_from(["", "Session 1: Water\n\n", "A Headline: “Quoted”\n\n"]))
    return head + sep.join(" ".join(p) for p in paragraphs)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(reports())
def test_generated_reports(text: str) -> None:
    result = extract_text(text, name="generated")
    data = result.dataset
    paragraphs = split_paragraphs(text)
    assert data["source"]["paragraphs"] == paragraphs
    for s in data["statements"]:
        (n,) = s["paragraphs"]
        assert s["text"] in paragraphs[n - 1]
        if s["kind"] == "quote":
            assert quoted_in(paragraphs[n - 1], s["text"])
    assert check_fidelity(data, paragraphs) == []
    assert problems(data) == []
    assert result.summary.statements == len(data["statements"])
    assert result.message == ("no statements found" if not data["statements"] else None)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_never_crashes_and_validates(text: str) -> None:
    result = extract_text(text, name="any")
    assert problems(result.dataset) == []
    assert check_fidelity(result.dataset, split_paragraphs(text)) == []


@settings(max_examples=30, deadline=None)
@given(reports())
def test_deterministic(text: str) -> None:
    a = json.dumps(extract_text(text, name="same").dataset, ensure_ascii=False)
    b = json.dumps(extract_text(text, name="same").dataset, ensure_ascii=False)
    assert a == b
