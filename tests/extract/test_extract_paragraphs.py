"""Paragraphs and sentences."""

from __future__ import annotations

import json

import pytest
from extract_helpers import CURATED, SEED

from poc_cli.extract.paragraphs import split_paragraphs, split_sentences
from poc_cli.extract.quotes import find_quotes


def test_blank_lines_separate_paragraphs_kept_verbatim() -> None:
    text = "Title\n\n  • one\n  • two\n\n\nLast line \u00a0\n"
    assert split_paragraphs(text) == ["Title", "  • one\n  • two", "Last line \u00a0"]


def test_whitespace_only_lines_are_blank() -> None:
    assert split_paragraphs("a\n \t\nb") == ["a", "b"]


def test_no_blank_line_means_one_line_a_paragraph() -> None:
    assert split_paragraphs("First line.\nSecond line.\n\n") == ["First line.", "Second line."]


def test_crlf_and_bom() -> None:
    assert split_paragraphs("\ufeffA\r\n\r\nB\r\n") == ["A", "B"]


def test_empty_text_has_no_paragraphs() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n \n") == []


def test_seed_paragraphs_equal_the_curated_dataset() -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed report is not beside the checkout ({SEED})")
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    assert split_paragraphs(SEED.read_text(encoding="utf-8")) == curated["source"]["paragraphs"]


def _sentences(p: str) -> list[str]:
    spans = split_sentences(p, [(q.open, q.outer_end) for q in find_quotes(p)])
    return [p[s.start : s.end] for s in spans]


def test_abbreviations_initials_and_acronyms_do_not_end_sentences() -> None:
    p = "Dr. Ana J. Ruiz of the U.N. spoke. Mr. Bo agreed."
    assert _sentences(p) == ["Dr. Ana J. Ruiz of the U.N. spoke.", "Mr. Bo agreed."]


def test_a_full_stop_inside_a_quotation_does_not_split_it() -> None:
    p = "“We tried. We failed,” she said. He left."
    assert _sentences(p) == ["“We tried. We failed,” she said.", "He left."]


def test_glued_sentences_split() -> None:
    p = "It was the district office.Meanwhile the centre held. She ended.“We go.”"
    assert _sentences(p) == [
        "It was the district office.",
        "Meanwhile the centre held.",
        "She ended.",
        "“We go.”",
    ]


def test_decimal_and_lower_case_do_not_split() -> None:
    assert _sentences("Some 7.3. million voters. Then more.") == [
        "Some 7.3. million voters.",
        "Then more.",
    ]
