"""Folding, offsets and spelling rules of poc_cli.text.normalise."""

from __future__ import annotations

import pytest

from poc_cli.text.normalise import canonical, fold, stem, term_key, tokenize, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agnès", "agnes"),
        ("Ba-Konaré", "ba konare"),
        ("Marie-Joëlle", "marie joelle"),
        ("it’s", "it's"),
        ("“intelligence‑driven design”", '"intelligence driven design"'),
        ("examples of\u00a0 innovative", "examples of innovative"),
        ("ZERO–SUM", "zero sum"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_tokens_keep_offsets_into_the_original_text() -> None:
    text = "Agnès said “intelligence-driven” and it’s Ba-Konaré\u00a0too"
    tokens = tokenize(text)
    assert [t.term for t in tokens] == [
        "agnes",
        "said",
        "intelligence",
        "driven",
        "and",
        "it",
        "s",
        "ba",
        "konare",
        "too",
    ]
    for token in tokens:
        assert fold(text[token.start : token.end]) == token.term


def test_decomposed_accents_stay_in_the_word() -> None:
    text = "Agne\u0301s"
    (token,) = tokenize(text)
    assert token.term == "agnes"
    assert (token.start, token.end) == (0, len(text))


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("instrumentalise", "instrumentalize"),
        ("organisation", "organization"),
        ("organisations", "organizations"),
        ("favour", "favor"),
        ("behaviours", "behaviors"),
        ("centre", "center"),
        ("defence", "defense"),
        ("analysed", "analyzed"),
        ("travelled", "traveled"),
        ("programme", "program"),
        ("prioritises", "prioritizes"),
    ],
)
def test_british_and_american_spellings_meet(british: str, american: str) -> None:
    assert canonical(british) == canonical(american) == american


@pytest.mark.parametrize(
    "word", ["otherwise", "promise", "exercise", "raise", "noise", "hour", "your", "four", "crisis"]
)
def test_spelling_rules_leave_other_words_alone(word: str) -> None:
    assert canonical(word) == word


def test_stems_join_plurals_and_inflections() -> None:
    assert stem("myths") == stem("myth")
    assert term_key("engaging") == term_key("engage") == term_key("engaged")
    assert stem("processes") == stem("process")
    assert stem("policies") == stem("policy")


def test_words_of_other_scripts_and_emoji() -> None:
    assert words("平和 мир 🙂") == ["平和", "мир"]
    assert words("[\\]*+?") == []
