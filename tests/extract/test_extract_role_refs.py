"""Role-only references ("the Minister", "the representative of X", a headline's
"Envoy Warns …") joined to the right person, or to nobody. Minimal reports written
for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, problems, speaker_of


def test_role_printed_outside_a_speaking_sentence_is_matched() -> None:
    text = (
        "The opening address was given by H.E. Ms. Ilse Vandermeer, Minister of Justice of "
        "Belgium. The Minister said that courts were the first line of defence. “Judges "
        "are not decoration,” she said."
    )
    d = extract(text).dataset
    assert names(d) == ["Ilse Vandermeer"]
    assert speaker_of(d, "Judges are not decoration,") == "Ilse Vandermeer"


def test_two_people_with_one_title_the_nearest_one_before() -> None:
    text = (
        "Hamid Qureshi-Lange, Assistant Secretary-General for Human Rights, told the "
        "Committee that monitors were overstretched. “We see less every year,” he said.\n\n"
        "Also addressing the Committee, Renata Okonjo-Baltz, Assistant Secretary-General for "
        "Supply Chains, said that fuel costs had doubled.\n\n"
        "The Assistant Secretary-General said that convoys now waited for weeks. “Every week "
        "costs lives,” she said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Hamid Qureshi-Lange", "Renata Okonjo-Baltz"]
    assert speaker_of(d, "Every week costs lives,") == "Renata Okonjo-Baltz"


def test_role_with_other_modifiers_or_another_country_is_someone_else() -> None:
    text = (
        "Thandiwe Mokoena, a youth representative from the Eastern Province, said that "
        "schools had reopened. “Children came back before the teachers did,” she said.\n\n"
        "The Special Representative said that the ceasefire held.\n\n"
        "The representative of the Dominican Republic said his country would send "
        "engineers. “We build bridges, literally,” he said."
    )
    d = extract(text).dataset
    people = names(d)
    assert "Thandiwe Mokoena" in people
    assert speaker_of(d, "We build bridges, literally,") != "Thandiwe Mokoena"
    assert len(people) == 3


def test_name_of_a_country_between_the_role_and_the_verb() -> None:
    text = (
        "The committee’s chair, Ambassador Raúl Etxeberria of Uruguay, said that the "
        "sanctions list would be reviewed. “No name stays forever,” he said.\n\n"
        "Also briefing the Council was Ambassador Selin Karaca of Türkiye, Chair of the "
        "Working Group on Children, who said that violations had risen. “Schools are "
        "targets now,” she said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Raúl Etxeberria", "Selin Karaca"]
    assert speaker_of(d, "No name stays forever,") == "Raúl Etxeberria"
    assert speaker_of(d, "Schools are targets now,") == "Selin Karaca"


def test_a_headline_role_is_the_person_named_below() -> None:
    text = (
        "UN Refugee Chief Warns of Funding Collapse as Camps Fill\n\n"
        "Funding for refugees is collapsing, said Marit Haugland-Osei, the United Nations "
        "High Commissioner for Refugees, who told the Council that camps were full. "
        "“We are rationing hope,” she said."
    )
    d = extract(text).dataset
    assert names(d) == ["Marit Haugland-Osei"]
    assert speaker_of(d, "We are rationing hope,") == "Marit Haugland-Osei"


def test_a_lede_role_is_the_person_named_next_not_the_one_added_later() -> None:
    text = (
        "Special Coordinator Briefs Council on Lake Region\n\n"
        "The Lake Region is at a turning point, the Special Coordinator for the region told "
        "the Security Council today.\n\n"
        "“The guns are quieter, but the granaries are empty,” said Odette Nshimirimana-Lund, "
        "who also heads the regional office. She said that returns had begun.\n\n"
        "“We need seeds before we need soldiers,” the Special Coordinator said.\n\n"
        "Also briefing the Council was Ambassador Karl Brenninkmeyer of Austria, who said "
        "that sanctions had been renewed. “The list is shorter,” he said."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Odette Nshimirimana-Lund", "Karl Brenninkmeyer"]
    assert speaker_of(d, "We need seeds before we need soldiers,") == "Odette Nshimirimana-Lund"
    assert speaker_of(d, "The list is shorter,") == "Karl Brenninkmeyer"
