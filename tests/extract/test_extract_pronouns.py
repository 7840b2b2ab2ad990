"""Pronouns after someone is introduced with a non-reporting verb go to the newcomer,
not to the speaker before. Minimal reports written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, problems, speaker_of


def test_pronoun_after_a_keynote_goes_to_the_keynote_speaker() -> None:
    text = (
        "Mr. Gregor Lindqvist, the moderator, said the panel would look at food prices. "
        "“Bread is politics,” he said.\n\n"
        "H.E. Mr. Ousmane Diakité-Barry, Minister of Agriculture of Mali, delivered the "
        "keynote address. He recalled the drought of 2012. “We ate our seed grain,” he said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "We ate our seed grain,") == "Ousmane Diakité-Barry"
    assert speaker_of(d, "Bread is politics,") == "Gregor Lindqvist"


def test_pronoun_after_a_newcomer_of_the_same_gender() -> None:
    text = (
        "Mr. Tobias Renner, a donor representative, said budgets were tight. "
        "“We cannot fund everything,” he said.\n\n"
        "Mr. Felipe Arancibia presented the paper on irrigation. He argued that small "
        "dams were cheaper. “A dam a village is enough,” he said.\n\n"
        "Mr. Renner was more sceptical."
    )
    d = extract(text).dataset
    assert speaker_of(d, "A dam a village is enough,") == "Felipe Arancibia"
    assert speaker_of(d, "We cannot fund everything,") == "Tobias Renner"


def test_gender_from_a_possessive_keeps_the_pronoun_with_the_right_person() -> None:
    text = (
        "Aylin Demirtaş, an agronomist, said soils were exhausted. “The land is tired,” "
        "she said.\n\n"
        "Jonas Whitcombe presented his survey of farmers. She then added that “rain is "
        "no longer a calendar.”"
    )
    d = extract(text).dataset
    assert names(d)[0] == "Aylin Demirtaş"
    assert speaker_of(d, "rain is no longer a calendar.") == "Aylin Demirtaş"


def test_an_object_pronoun_is_not_a_gender() -> None:
    text = (
        "The institute’s director, Pål Iversen, introduced her, noting that she had led "
        "the ministry.\n\n"
        "In Ms. Achterberg’s remarks, she said that “the treaty is a floor, not a ceiling.”"
    )
    d = extract(text).dataset
    assert speaker_of(d, "the treaty is a floor, not a ceiling.") != "Pål Iversen"
