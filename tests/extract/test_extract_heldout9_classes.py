"""Failure classes found on the ninth blind set (benchmarks/heldout9), each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, speaker_of


def test_a_capitalised_name_after_said() -> None:
    d = extract(
        "“When a pumping station is destroyed, a city does not die in a day,” said KATA "
        "VUKOVIĆ-ABENA, Assistant Secretary-General for Humanitarian Affairs.\n\n"
        "Ms. Vuković-Abena urged States to treat engineers as “essential civilians”."
    ).dataset
    assert names(d) == ["KATA VUKOVIĆ-ABENA"]
    assert speaker_of(d, "essential civilians") == "KATA VUKOVIĆ-ABENA"


def test_a_spokesperson_for_the_secretary_general_is_not_the_secretary_general() -> None:
    d = extract(
        "Noon briefing by Rukhsana Mendes, Spokesperson for the Secretary-General.\n\n"
        "In a statement issued this morning, the Secretary-General said he was “appalled” by "
        "the killing of 14 civilians.\n\n"
        "Ms. Mendes said that a convoy had reached the town on Monday with food."
    ).dataset
    assert speaker_of(d, "appalled") == "Secretary-General"


def test_several_people_joined_by_and_are_a_group() -> None:
    d = extract(
        "Ms. Ana Ruiz, the convener, said that the meeting was held “under the rule.”\n\n"
        "Only the opening and closing speakers and the presenter said that they could be named."
    ).dataset
    assert names(d) == ["Ana Ruiz"]


def test_the_role_that_opens_the_sentence_is_its_subject() -> None:
    d = extract(
        "Mr. Kofi Asante, Director of Operations at the relief office, briefed the Council.\n\n"
        "The representative of the United Kingdom, Council President for the month, speaking "
        "in her national capacity, said her delegation would table “a short, sharp text.”"
    ).dataset
    assert speaker_of(d, "a short, sharp text.") == "Representative of the United Kingdom"


def test_a_document_named_in_quotes_then_signed_is_no_quote() -> None:
    d = extract(
        "Ms. Awa Traoré said small states “can lead.”\n\n"
        "Asked whether the “Lisbon Compact for Small States,” signed last year, had changed "
        "anything, Ms. Traoré was blunt. “On paper, a great deal,” she said."
    ).dataset
    quoted = [s["text"] for s in d["statements"] if s["kind"] == "quote"]
    assert "Lisbon Compact for Small States," not in quoted
    assert "On paper, a great deal," in quoted


def test_a_prefixed_role_head() -> None:
    d = extract(
        "Vice-Minister Phạm Thị Lan Anh, of the Ministry of Environment, said that sharing "
        "river data mattered more than new treaties. “A treaty you sign once,” the "
        "Vice-Minister said."
    ).dataset
    assert speaker_of(d, "A treaty you sign once,") == "Phạm Thị Lan Anh"
