"""Quotation spans: curly, straight, nested, unbalanced, apostrophes, titles."""

from __future__ import annotations

from poc_cli.extract.quotes import find_quotes, is_title


def texts(p: str) -> list[str]:
    return [q.text for q in find_quotes(p)]


def test_curly_double_keeps_inner_punctuation() -> None:
    assert texts("She said, “We must act now,” and left.") == ["We must act now,"]


def test_straight_double() -> None:
    assert texts('"It is late," he said. "Very late."') == ["It is late,", "Very late."]


def test_single_curly_quotes_at_top_level() -> None:
    assert texts("A ‘way forward’ still exists.") == ["way forward"]


def test_apostrophes_are_not_quotation_marks() -> None:
    p = "IPI’s report on Queen’s College and the peacekeepers’ role, the Maldives' minister and children's books."
    assert texts(p) == []


def test_nested_quotes_belong_to_the_outer_quotation() -> None:
    p = "“People told me, ‘the water is our peace,’ and I believed them,” she said."
    quotes = find_quotes(p)
    assert [q.text for q in quotes] == [
        "People told me, ‘the water is our peace,’ and I believed them,"
    ]


def test_nested_straight_in_curly() -> None:
    assert texts('“He called it "a farce" twice.”') == ['He called it "a farce" twice.']


def test_unclosed_quotation_runs_to_the_paragraph_end_with_a_note() -> None:
    (q,) = find_quotes("Three questions: “Who pays? Who decides? Who checks?  ")
    assert q.text == "Who pays? Who decides? Who checks?"
    assert q.close is None
    assert "never closes" in q.note


def test_a_second_opening_mark_ends_an_unclosed_quotation() -> None:
    quotes = find_quotes("“First part. “Second part.”")
    assert [q.text for q in quotes] == ["First part.", "Second part."]
    assert quotes[0].close is None and quotes[1].close is not None


def test_split_quotation_is_two_quotes() -> None:
    assert texts("“Frankly,” she said, “we are late.”") == ["Frankly,", "we are late."]


def test_stray_closing_mark_is_ignored() -> None:
    assert texts("No opening here” at all.") == []


def test_text_is_exactly_between_the_marks() -> None:
    p = "He said “ spaced ” words."
    (q,) = find_quotes(p)
    assert p[q.start : q.end] == q.text == " spaced "
    assert p[q.open] == "“" and p[q.close or 0] == "”"


def test_titles_are_not_quotes() -> None:
    for p in (
        "The first panel discussed the policy paper on “Wells and wars.”",
        "a forum on “The State of Things” that began",
        "the meeting, entitled “Peace Now”, opened",
        "They joined the panel “Money and Power” later.",
        'a board meeting on "pricing water fairly" that',
    ):
        (q,) = find_quotes(p)
        assert is_title(p, q), p


def test_quotes_after_reporting_are_not_titles() -> None:
    for p in (
        "She said the plan was “ambitious”.",
        "He told the meeting that “we must act”.",
        "spoke to the board on budgets “in plain words” in May",
    ):
        (q,) = find_quotes(p)
        assert not is_title(p, q), p


def test_a_name_before_initiative_or_report_is_a_title() -> None:
    for p in (
        "She praised the “Safe Schools” initiative, saying it worked.",
        "He cited the “State of the Sahel” report at length.",
    ):
        (q,) = find_quotes(p)
        assert is_title(p, q), p
    p = "She called the plan “a lost cause” and left."
    (q,) = find_quotes(p)
    assert not is_title(p, q)
