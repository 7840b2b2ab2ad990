"""Gender without Mr. or Ms.: the evidence a report gives for he/she (a gendered role
word, reported speech that refers to its speaker), and a short title line that is not
a person. Minimal reports written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, problems, speaker_of


def test_gendered_role_word_decides_the_pronoun() -> None:
    # the latest speaker is of the other gender by their role word: the pronoun goes
    # back to the speaker before
    text = (
        "Basin Briefing\n\n"
        "Ivo Marsh, a hydrologist, said the agency had the data. Lena Brandt, a "
        "spokeswoman for the Basin Agency, said that levels were falling.\n\n"
        "“We publish nothing,” he said.\n\n"
        "Petra Holm said prices would rise. Oskar Lind, a spokesman for the board, said "
        "the board agreed. “Prices follow water,” she said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "We publish nothing,") == "Ivo Marsh"
    assert speaker_of(d, "Prices follow water,") == "Petra Holm"


def test_reported_speech_refers_to_its_speaker() -> None:
    text = (
        "Water Talks\n\n"
        "Ivo Marsh, a hydrologist, said that the rivers were rising and that he had warned "
        "the agency in March. Lena Brandt, the agency’s spokesperson, said that she had "
        "never seen the warning.\n\n"
        "“It was sent twice,” he said. “Nothing arrived,” she replied.\n\n"
        "Dr. Anil Mehra said he would publish the figures. Nadia Karim said she doubted "
        "them. “Figures are not facts,” he said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Ivo Marsh", "Lena Brandt", "Anil Mehra", "Nadia Karim"]
    assert speaker_of(d, "It was sent twice,") == "Ivo Marsh"
    assert speaker_of(d, "Nothing arrived,") == "Lena Brandt"
    assert speaker_of(d, "Figures are not facts,") == "Anil Mehra"


def test_introduced_someone_else_is_no_self_reference() -> None:
    # "introduced her, noting that she …" speaks of the other person
    text = (
        "Reception for the Envoy\n\n"
        "Karl Weber, the host, introduced her, noting that she was the first envoy from "
        "the region. Amara Diallo thanked him. “Small states carry big ideas,” she said.\n"
    )
    d = extract(text).dataset
    assert speaker_of(d, "Small states carry big ideas,") == "Amara Diallo"


def test_organisation_names_give_no_gender() -> None:
    text = (
        "Peace Seminar\n\n"
        "Helga Moe, a mediator, said the talks would resume. "
        "Tariq Nasser, Professor at Queen’s College, said the talks had stalled.\n\n"
        "“I have seen worse,” he said."
    )
    d = extract(text).dataset
    assert speaker_of(d, "I have seen worse,") == "Tariq Nasser"
    assert names(d) == ["Helga Moe", "Tariq Nasser"]


def test_a_person_in_a_fronted_clause_is_not_the_pronoun() -> None:
    text = (
        "Forum\n\n"
        "Ann Lee, a planner, said that cities needed money. Responding to Tom Berg’s "
        "proposal, she said that taxes were not the answer.\n\n"
        "Tom Berg, a banker, said bonds would work. Asked about Ann Lee’s objection, he "
        "said: “Bonds are taxes with patience.”\n\n"
        "Turning to Tom Berg, she asked: “Who repays them?”\n\n"
        "In Tom Berg’s view, he said, “the young repay them.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "Bonds are taxes with patience.") == "Tom Berg"
    assert speaker_of(d, "Who repays them?") == "Ann Lee"
    assert speaker_of(d, "the young repay them.") == "Tom Berg"
    para = "Responding to Tom Berg’s proposal, she said that taxes were not the answer."
    assert speaker_of(d, para, "paraphrase") == "Ann Lee"


def test_the_pronoun_of_a_reported_clause_is_its_speaker() -> None:
    text = (
        "Forum\n\n"
        "Tom Berg, a banker, said bonds would work. Ann Lee thanked Tom Berg and said that "
        "she agreed with half of it. “Half is a start,” she said.\n\n"
        "Tom Berg, a banker, said bonds would work. Ingrid Aas told Tom Berg that she "
        "disagreed. “Bonds are debts,” she added.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "Half is a start,") == "Ann Lee"
    assert speaker_of(d, "Bonds are debts,") == "Ingrid Aas"
    assert speaker_of(d, "told Tom Berg that she disagreed.", "paraphrase") == "Ingrid Aas"


def test_a_roster_line_first_is_not_a_title() -> None:
    d = extract(
        "Ann Lee, Director of Research\n\nMs. Lee said that patience was a policy.\n"
    ).dataset
    assert names(d) == ["Ann Lee"]
    assert {p["name"]: p for p in d["speakers"]}["Ann Lee"]["role"] == "Director of Research"
