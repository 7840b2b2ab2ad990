"""Failure classes found on the seventh blind set (benchmarks/heldout7), each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, quote_texts, speaker_of


def test_neither_speaker_used_the_word() -> None:
    d = extract(
        "Dr. Ana Ruiz said that the data “must stay public.”\n\n"
        "Neither panelist used the word “regulation,” though both came back to ownership."
    ).dataset
    assert quote_texts(d) == ["must stay public."]


def test_a_body_named_with_for_is_not_a_person() -> None:
    d = extract(
        "Mr. Moussa Diarra urged the Council to act.\n\n"
        "The third briefer, Dr. Kian Farahani of the Geneva Centre for Humanitarian Demining, "
        "said drones could speed up surveys.  Technology, he said, was “no substitute for "
        "people on the ground.”"
    ).dataset
    assert names(d) == ["Moussa Diarra", "Kian Farahani"]
    assert speaker_of(d, "no substitute for people on the ground.") == "Kian Farahani"


def test_who_after_a_role_that_is_the_object_of_with() -> None:
    d = extract(
        "The Council held a dialogue with the Special Rapporteur on housing, who said that "
        "evictions before sporting events had become “a predictable ritual.”\n\n"
        "Presenting her report, Special Rapporteur Wanjiru Otieno said she had documented "
        "37 cases."
    ).dataset
    assert speaker_of(d, "a predictable ritual.") == "Wanjiru Otieno"


def test_a_headline_quote_the_body_gives_to_someone() -> None:
    d = extract(
        "When the Council Is Stuck, “the Phone Rings in Addis Ababa”\n\n"
        "Regional bodies are asked to manage more crises with less money, speakers said at "
        "the launch of a new report.\n\n"
        "Ms. Amani Njeri, a senior fellow, said: “When the Council is stuck, the phone rings "
        "in Addis Ababa, not in New York.”"
    ).dataset
    assert speaker_of(d, "the Phone Rings in Addis Ababa") == "Amani Njeri"


def test_a_headline_quote_nobody_says_stays_left_out() -> None:
    result = extract(
        "Cities Brace for a “Summer Like No Other”\n\n"
        "Ms. Amani Njeri, a planner, said that “cooling centres save lives.”"
    )
    assert quote_texts(result.dataset) == ["cooling centres save lives."]
    assert "Summer Like No Other" in {u.text for u in result.summary.unattributed}
