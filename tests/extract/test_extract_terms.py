"""Quoted terms: a speaker's own term is a quote, a title is not, and words the
speaker did not use (or that others said to them) are not theirs. Minimal reports
written for these tests."""

from __future__ import annotations

from extract_helpers import extract, problems, quote_texts, speaker_of


def test_a_term_the_speaker_called_something_is_a_quote() -> None:
    text = (
        "Odile Marchetti, a mediator, warned against what she called “handshake treaties,” "
        "signed and then forgotten.\n\n"
        "Rui Tavares, an economist, said aid was shrinking. He described the budget line as "
        "“a rounding error.”\n\n"
        "The panel discussed a report called “Water After War,” published in May."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "handshake treaties,") == "Odile Marchetti"
    assert speaker_of(d, "a rounding error.") == "Rui Tavares"
    assert "Water After War," not in quote_texts(d)


def test_a_lowercase_descriptor_before_a_noun_is_not_a_title() -> None:
    text = (
        "Henrik Saalfeld, a former envoy, said the militia had waged a “slash and burn” "
        "campaign along the river.\n\n"
        "He praised the “Open Wells” initiative of the regional bank."
    )
    d = extract(text).dataset
    assert speaker_of(d, "slash and burn") == "Henrik Saalfeld"
    assert "Open Wells" not in quote_texts(d)


def test_words_not_used_or_said_to_the_speaker_are_not_quotes() -> None:
    text = (
        "Ingrid Valtonen, a climate adviser, was careful not to call the donors “stingy,” "
        "but said the money came late.\n\n"
        "She avoided the word “failure” throughout, and no longer used the term “crisis mode.”\n\n"
        "Moussa Keita, a youth delegate, said he had been told by elders that he was “the "
        "hope of the village.” He said the elders were wrong.\n\n"
        "The three African members (“A3”) said they backed the text. “We stand together,” "
        "Mr. Keita said."
    )
    d = extract(text).dataset
    texts = quote_texts(d)
    for word in ("stingy,", "failure", "crisis mode.", "the hope of the village.", "A3"):
        assert word not in texts
    assert speaker_of(d, "We stand together,") == "Moussa Keita"


def test_a_negation_that_does_not_reach_the_quoted_words() -> None:
    text = (
        "Sabine Oyelaran, a trade negotiator, said she would not accept what she described as "
        "“charity with conditions,” and asked for grants.\n\n"
        "She stressed that the plan did not call for new loans but for “money that stays.”"
    )
    d = extract(text).dataset
    assert speaker_of(d, "charity with conditions,") == "Sabine Oyelaran"
    assert speaker_of(d, "money that stays.") == "Sabine Oyelaran"


def test_an_institutions_verdict_is_listed_not_given_to_the_last_speaker() -> None:
    text = (
        "Tomas Ekwall-Mensah, the relief coordinator, said convoys were blocked. “Trucks wait "
        "for weeks,” he said.\n\n"
        "The army has called the reports “exaggerated.” It has denied shelling markets and "
        "has described such accounts as “propaganda.”\n\n"
        "The think tank published a report called “Roads Under Fire” last year."
    )
    ex = extract(text)
    assert problems(ex.dataset) == []
    assert "exaggerated." not in quote_texts(ex.dataset)
    assert "propaganda." not in quote_texts(ex.dataset)
    assert [u.text for u in ex.summary.unattributed] == ["exaggerated.", "propaganda."]
    assert "Roads Under Fire" not in quote_texts(ex.dataset)
