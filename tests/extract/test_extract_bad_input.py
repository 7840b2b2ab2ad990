"""Bad input at the text level."""

from __future__ import annotations

from extract_helpers import extract, names, problems, quote_texts, speaker_of

from poc_cli.extract import extract_text


def test_empty_text_reports_no_statements() -> None:
    for text in ("", "   \n\n  ", "\ufeff"):
        result = extract_text(text, name="empty")
        assert result.summary.empty and result.message == "no statements found"
        assert result.dataset["statements"] == [] and result.dataset["speakers"] == []


def test_a_report_with_nobody_in_it() -> None:
    text = "The weather was mild.\n\nThe meeting ended early. “Nothing” happened."
    result = extract(text)
    assert result.message == "no statements found"
    assert result.summary.unattributed[0].text == "Nothing"


def test_quotation_across_a_paragraph_break() -> None:
    text = (
        "Nadia Sayed, the mission's chief, said: “We stayed when others left.\n\n"
        "“We will stay until the job is done,” she said."
    )
    d = extract(text).dataset
    assert quote_texts(d) == ["We stayed when others left.", "We will stay until the job is done,"]
    first = [s for s in d["statements"] if s["text"] == "We stayed when others left."][0]
    assert first["review"] is True and "never closes" in first["note"]
    assert speaker_of(d, "We will stay until the job is done,") == "Nadia Sayed"


def test_unbalanced_and_mixed_marks_never_give_text_outside_the_source() -> None:
    text = (
        'Omar Lind said ”backwards“ and "straight ‘mixed” marks.\n\n'
        "Omar Lind added: 'single quotes' and «guillemets» and “an open one"
    )
    result = extract(text)
    d = result.dataset
    assert problems(d) == []
    paragraphs = d["source"]["paragraphs"]
    for s in d["statements"]:
        assert s["text"] in paragraphs[s["paragraphs"][0] - 1]
    assert "an open one" in quote_texts(d)


def test_nested_quotes_are_not_quotes_of_their_own() -> None:
    d = extract("Ida Berg said, “They called it ‘a farce’ and left.”").dataset
    assert quote_texts(d) == ["They called it ‘a farce’ and left."]


def test_a_place_named_like_a_person() -> None:
    d = extract("Chad, said the minister, is at risk.\n\nChad said nothing.").dataset
    assert "Chad" not in " ".join(names(d))


def test_binary_looking_text_does_not_crash() -> None:
    text = "\x00\x01\x02 “\udcff” \x7f\n\n" * 3 + "Eva Lund said, “Fine.”"
    d = extract_text(text, name="odd").dataset
    assert problems(d) == []
    assert quote_texts(d) == ["Fine."]


def test_a_large_report_is_fine() -> None:
    block = (
        "Eva Lund, Director of the Office, said the office was busy. "
        "“We are stretched,” she said.\n\n"
    )
    result = extract_text(block * 300, name="big")
    assert result.summary.quotes == 300 and result.summary.speakers == 1


def test_many_people_scale_linearly_enough() -> None:
    import time

    syllables = ["ka", "lo", "mi", "ren", "tu", "vo", "zen", "fi", "gor", "ha"]
    names = [f"{a}{b} {b}{a}son".title() for a in syllables for b in syllables[:6]]
    text = "\n\n".join(
        f"{n.title()}, Director of the Office, said funds were short. “We need more,” she said."
        for n in names * 10
    )
    start = time.perf_counter()
    result = extract_text(text, name="many")
    assert time.perf_counter() - start < 10
    assert result.summary.quotes == 600
    assert result.summary.speakers == len(set(names))
