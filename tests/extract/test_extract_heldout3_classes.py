"""Failure classes found on the third blind set (benchmarks/heldout3), each reproduced
with a minimal report written for these tests: a Portuguese particle, a first surname
used alone, given names used alone, a role subject whose first clause runs into its
verb, and a pronoun that stands for the role subject of its own sentence."""

from __future__ import annotations

from extract_helpers import extract, names, problems, speaker_of


def test_portuguese_particle_do_stays_in_the_name() -> None:
    d = extract(
        "The panel heard Inês Carvalho do Rosário, a hydrologist at the Tagus Basin "
        "Authority.\n\n"
        "Ms. Carvalho do Rosário said that “the river keeps no treaty,” and added that "
        "dams upstream had halved the summer flow."
    ).dataset
    assert problems(d) == []
    assert names(d) == ["Inês Carvalho do Rosário"]
    assert speaker_of(d, "the river keeps no treaty,") == "Inês Carvalho do Rosário"


def test_first_surname_with_a_title_is_the_same_person() -> None:
    d = extract(
        "Major General Rodrigo Salcedo Urrutia, Force Commander of the mission, spoke "
        "first. General Salcedo said that “a patrol is a promise.”\n\n"
        "He added that the force needed helicopters more than armour."
    ).dataset
    assert problems(d) == []
    assert names(d) == ["Rodrigo Salcedo Urrutia"]
    assert speaker_of(d, "a patrol is a promise.") == "Rodrigo Salcedo Urrutia"
    person = d["speakers"][0]
    assert "Salcedo" in person["aliases"]
    assert "Major General Salcedo" in person["aliases"]


def test_given_names_with_a_rank_are_the_same_person() -> None:
    d = extract(
        "The keynote came from Rear Admiral Hafiz Iskandar bin Osman, a former naval "
        "attaché.\n\n"
        "Admiral Hafiz Iskandar said that “the sea does not read maps.”"
    ).dataset
    assert names(d) == ["Hafiz Iskandar bin Osman"]
    assert speaker_of(d, "the sea does not read maps.") == "Hafiz Iskandar bin Osman"


def test_role_subject_of_a_coordinated_clause_stops_at_its_verb() -> None:
    d = extract(
        "The Council met on the situation in Valdoria.\n\n"
        "The representative of Valdoria thanked the Council but said that “the time "
        "of open-ended mandates has passed.” His Government, he said, would not become “a "
        "testing ground.”"
    ).dataset
    assert names(d) == ["Representative of Valdoria"]
    assert speaker_of(d, "the time of open-ended mandates has passed.") == (
        "Representative of Valdoria"
    )
    assert speaker_of(d, "a testing ground.") == "Representative of Valdoria"


def test_pronoun_stands_for_the_role_subject_of_its_own_sentence() -> None:
    d = extract(
        "The representative of Norland said that “the text is balanced,” and he thanked "
        "the penholder.\n\n"
        "Speaking next, the representative of Estmark said that the penholder had "
        "ignored amendments and warned against what he called “mission drift.”"
    ).dataset
    assert speaker_of(d, "mission drift.") == "Representative of Estmark"
    assert speaker_of(d, "the text is balanced,") == "Representative of Norland"


def test_the_ambassador_is_the_permanent_representative_before_it() -> None:
    d = extract(
        "The Institute launched a study of coastal mediation.\n\n"
        "H.E. Mr. Tiémoko Sangaré, Permanent Representative of Niger to the United "
        "Nations, welcomed the study. “This is the handbook I lacked,” the Ambassador said. "
        "He added that mediators “rarely get the credit.”\n\n"
        "Commodore Lene Ask of the Royal Danish Navy spoke next. “We patrol the same "
        "waters,” she said."
    ).dataset
    assert speaker_of(d, "This is the handbook I lacked,") == "Tiémoko Sangaré"
    assert speaker_of(d, "rarely get the credit.") == "Tiémoko Sangaré"
    assert speaker_of(d, "We patrol the same waters,") == "Lene Ask"


def test_a_navy_or_a_gulf_is_nobody() -> None:
    d = extract(
        "Opening the discussion, Vice Admiral Jun Tanabe, former Chief of Staff of the "
        "Royal Pacifica Navy, observed that navies cooperate well at sea. “Our crews talk "
        "every day,” he said.\n\n"
        "“We are out of time,” the UN envoy for the Eastmere Gulf told the Council on "
        "Tuesday. The envoy, Maren Holt, said the truce was fragile."
    ).dataset
    assert problems(d) == []
    assert names(d) == ["Jun Tanabe", "Maren Holt"]
    assert speaker_of(d, "Our crews talk every day,") == "Jun Tanabe"
    assert speaker_of(d, "We are out of time,") == "Maren Holt"
    tanabe = d["speakers"][0]
    assert tanabe["organisations"] == ["Royal Pacifica Navy"]


def test_called_with_a_long_object_gives_the_term_to_the_subject() -> None:
    d = extract(
        "Rights chief calls Kestrel border camps ‘a disgrace’ in new report\n\n"
        "GENEVA — The U.N. human rights chief on Monday called the holding of some "
        "12,000 people in the border camps “a disgrace to the whole region” and urged "
        "an end to returns.\n\n"
        "The rights chief, Selma Aydın, said the camps must close within the year."
    ).dataset
    assert speaker_of(d, "a disgrace to the whole region") == "Selma Aydın"
    assert speaker_of(d, "a disgrace") == "Selma Aydın"


def test_a_spokesperson_for_a_body_whose_name_ends_in_a_plural_is_a_speaker() -> None:
    d = extract(
        "A spokesperson for the Lisbon Club of lending nations said the group had tabled a "
        "“generous” offer on storm debt."
    ).dataset
    assert names(d) == ["Spokesperson for the Lisbon Club of lending nations"]
    assert speaker_of(d, "generous") == "Spokesperson for the Lisbon Club of lending nations"


def test_in_its_capacity_as_observer_is_not_the_subject() -> None:
    d = extract(
        "The representative of the African Union, in its capacity as observer, said that "
        "the union remained the largest contributor of troops to the mission."
    ).dataset
    assert names(d) == ["Representative of the African Union"]


def test_plural_subjects_are_groups_and_their_words_are_left_out() -> None:
    result = extract(
        "Dr. Aiko Mori, an economist, said that freight was “slowing down.”\n\n"
        "Participants from the shipping industry said that the route had become “a "
        "question of insurance.”\n\n"
        "Representatives of fishing villages argued that the quota was “a slow death.”"
    )
    d = result.dataset
    assert names(d) == ["Aiko Mori"]
    quoted = [s["text"] for s in d["statements"] if s["kind"] == "quote"]
    assert quoted == ["slowing down."]
    left = {u.text for u in result.summary.unattributed}
    assert {"a question of insurance.", "a slow death."} <= left


def test_a_quoted_markdown_link_text_is_a_title() -> None:
    d = extract(
        "Dr. Ilse Brandt opened the panel with the Centre’s new freight data, published in "
        "the report [“Thin Ice”](https://example.org/thin-ice). Traffic on the northern "
        "route had doubled in four years, she said, while rescue capacity had not changed."
    ).dataset
    assert [s["kind"] for s in d["statements"]].count("quote") == 0


def test_a_headline_may_use_the_first_surname() -> None:
    d = extract(
        "“The Ledger Does Not Balance,” Carvalho Tells Donors\n\n"
        "Marta Carvalho de Lemos, the Fund’s director, spoke on Monday. “We promised more "
        "than we raised,” she said."
    ).dataset
    assert speaker_of(d, "The Ledger Does Not Balance,") == "Marta Carvalho de Lemos"


def test_an_honorific_later_in_the_report_rules_out_a_pronoun_before_it() -> None:
    d = extract(
        "Ms. Ines Falk gave the keynote address on aid budgets.\n\n"
        "It was followed by a conversation with IPI President Tarik Osei, who asked what kept "
        "her awake at night. Her answer was immediate: “The wars nobody films.”\n\n"
        "Mr. Osei pressed her on reform. “Is the system too big to change?” he asked."
    ).dataset
    assert speaker_of(d, "The wars nobody films.") == "Ines Falk"
    assert speaker_of(d, "Is the system too big to change?") == "Tarik Osei"
