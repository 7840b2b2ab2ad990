"""'Name, Role at Org, said: “…”' and its kin: a name with an appositive and a
reporting verb before a colon that opens a quotation. Minimal reports written for
these tests."""

from __future__ import annotations

from typing import Any

from extract_helpers import extract, names, problems, statement


def _people(d: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in d["speakers"]}


def _check_named(d: dict[str, Any], quote: str, who: str) -> None:
    st = statement(d, quote)
    people = {p["id"]: p["name"] for p in d["speakers"]}
    assert people[st["speaker"]] == who
    assert st["attribution"] == "name"
    assert not st.get("review")


def test_said_colon_after_role_at_org() -> None:
    d = extract(
        "Forum on Patience\n\n"
        "Ann Lee, Director of Research at the Lakeside Forum, said: “Patience is a policy.”\n"
    ).dataset
    assert problems(d) == []
    assert names(d) == ["Ann Lee"]
    assert _people(d)["Ann Lee"]["role"] == "Director of Research at the Lakeside Forum"
    _check_named(d, "Patience is a policy.", "Ann Lee")
    # everything after the tag is quoted: no paraphrase
    assert [s["kind"] for s in d["statements"]] == ["quote"]


def test_said_colon_after_short_org() -> None:
    d = extract(
        "Forum on Patience\n\n"
        "Ann Lee, Director of Research at the Forum, said: “Patience is a policy.”\n"
    ).dataset
    assert names(d) == ["Ann Lee"]
    _check_named(d, "Patience is a policy.", "Ann Lee")


def test_colon_tags_with_varied_verbs_and_names() -> None:
    text = (
        "Rivers and Cities: A Policy Dialogue\n\n"
        "Dr. Tomás Ferreira-Núñez, Senior Fellow at the Coastal Policy Institute, noted: "
        "“Every delta is a ledger of old decisions.”\n\n"
        "María José de Souza, Chief of the Water Section, told the meeting: “We measure "
        "what we can afford to measure.”\n\n"
        "J. R. Okonkwo, Head of Delivery at the Marsh Agency, argued: “Maintenance is the "
        "whole budget, not a line in it.”\n\n"
        "Ingrid Aaltonen, Mayor of Vesijärvi, stressed: “Towns cannot wait for treaties.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == [
        "Tomás Ferreira-Núñez",
        "María José de Souza",
        "J. R. Okonkwo",
        "Ingrid Aaltonen",
    ]
    people = _people(d)
    assert people["Tomás Ferreira-Núñez"]["honorific"] == "Dr."
    assert people["Tomás Ferreira-Núñez"]["role"] == "Senior Fellow at the Coastal Policy Institute"
    assert people["María José de Souza"]["role"] == "Chief of the Water Section"
    assert people["J. R. Okonkwo"]["role"] == "Head of Delivery at the Marsh Agency"
    assert people["Ingrid Aaltonen"]["role"] == "Mayor of Vesijärvi"
    _check_named(d, "Every delta is a ledger of old decisions.", "Tomás Ferreira-Núñez")
    _check_named(d, "We measure what we can afford to measure.", "María José de Souza")
    _check_named(d, "Maintenance is the whole budget, not a line in it.", "J. R. Okonkwo")
    _check_named(d, "Towns cannot wait for treaties.", "Ingrid Aaltonen")


def test_colon_tag_in_a_body_then_pronoun_and_quote_first() -> None:
    text = (
        "Harbour Security Roundtable\n\n"
        "The roundtable met in Valletta on 3 May.\n\n"
        "Kofi Asante-Mensah, Deputy Head of Mission at the Embassy of Ghana, said: “Ports "
        "are borders too.” He added that inspections had doubled.\n\n"
        "“We share one sea,” said Lucía Ibarra, Legal Adviser at the Maritime Bureau.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Kofi Asante-Mensah", "Lucía Ibarra"]
    _check_named(d, "Ports are borders too.", "Kofi Asante-Mensah")
    _check_named(d, "We share one sea,", "Lucía Ibarra")
    para = statement(d, "He added that inspections had doubled.", "paraphrase")
    people = {p["id"]: p["name"] for p in d["speakers"]}
    assert people[para["speaker"]] == "Kofi Asante-Mensah"


def test_name_and_role_before_a_colon_without_a_verb() -> None:
    text = (
        "Notes from the Delta Roundtable\n\n"
        "The roundtable met on Monday.\n\n"
        "Saoirse Ní Bhriain, Programme Officer at the Estuary Trust: “Silt is patient.”\n\n"
        "Asked about the delays, Rafael dos Santos, Director of Planning, was blunt: "
        "“Nobody budgets for dredging.”\n\n"
        "In his closing words, Rafael dos Santos said: “Dredge early.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Saoirse Ní Bhriain", "Rafael dos Santos"]
    assert _people(d)["Saoirse Ní Bhriain"]["role"] == "Programme Officer at the Estuary Trust"
    assert _people(d)["Rafael dos Santos"]["role"] == "Director of Planning"
    _check_named(d, "Silt is patient.", "Saoirse Ní Bhriain")
    _check_named(d, "Nobody budgets for dredging.", "Rafael dos Santos")
    _check_named(d, "Dredge early.", "Rafael dos Santos")
    # 'X said: “…”' with everything after the tag quoted is no paraphrase
    assert [s["kind"] for s in d["statements"]] == ["quote"] * 3


def test_a_view_framed_by_for_or_to_before_a_colon() -> None:
    text = (
        "Forum Notes\n\n"
        "The forum met on Monday.\n\n"
        "For Tom Okoro, Head of Programmes at the Delta Trust, the answer was simple: "
        "“Fund maintenance.”\n\n"
        "To Ann Lee, a planner, the lesson was clear: “Plan less.”\n\n"
        "For Chidi Eze, the point was plain: “Repair first.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Tom Okoro", "Ann Lee", "Chidi Eze"]
    assert _people(d)["Tom Okoro"]["role"] == "Head of Programmes at the Delta Trust"
    assert _people(d)["Chidi Eze"]["role"] == ""
    _check_named(d, "Fund maintenance.", "Tom Okoro")
    _check_named(d, "Plan less.", "Ann Lee")
    _check_named(d, "Repair first.", "Chidi Eze")


def test_retired_rank_and_straight_quotes_on_single_lines() -> None:
    text = (
        "Ocean Dialogue\n"
        "Ann Lee, Director of Research at the Lakeside Forum, said: \"Patience is a policy.\"\n"
        "Tom Okoro, Head of Programmes at the Delta Trust, argued: \"Haste is expensive.\"\n"
        "He added that budgets were annual.\n"
        "“We need ships,” said Rear Admiral (ret.) Sven Ødegård, former Chief of the Navy.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Ann Lee", "Tom Okoro", "Sven Ødegård"]
    _check_named(d, "Patience is a policy.", "Ann Lee")
    _check_named(d, "Haste is expensive.", "Tom Okoro")
    _check_named(d, "We need ships,", "Sven Ødegård")
    assert _people(d)["Sven Ødegård"]["honorific"] == "Rear Admiral (ret.)"


def test_markdown_emphasis_around_names() -> None:
    text = (
        "# Forum on Harbours\n\n"
        "**Ann Lee**, Director of Research, said that patience was a policy.\n\n"
        "*Tom Okoro*, Head of Programmes at the Delta Trust, said: “Haste is expensive.”\n\n"
        "__Grace Mbeki__ said: “Ports are borders.” She added that *berths* were full.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Ann Lee", "Tom Okoro", "Grace Mbeki"]
    assert _people(d)["Ann Lee"]["role"] == "Director of Research"
    assert _people(d)["Tom Okoro"]["role"] == "Head of Programmes at the Delta Trust"
    _check_named(d, "Haste is expensive.", "Tom Okoro")
    _check_named(d, "Ports are borders.", "Grace Mbeki")
    statement(d, "said that patience was a policy.", "paraphrase")
    statement(d, "She added that *berths* were full.", "paraphrase")


def test_frames_and_messages_after_an_appositive() -> None:
    text = (
        "Forum on Harbours\n\n"
        "The forum met on Monday.\n\n"
        "According to Ann Lee, Director of Research at the Lakeside Forum, “patience is a "
        "policy.”\n\n"
        "In the words of Grace Mbeki, Chair of the Port Board, “ports are borders.”\n\n"
        "Dr. Ingrid Holm, an oceanographer at Bergen University, had a simple message: "
        "“Tides do not negotiate.”\n\n"
        "The Institute then hosted a conference, “Peace in Our Time”, in May.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Ann Lee", "Grace Mbeki", "Ingrid Holm"]
    _check_named(d, "patience is a policy.", "Ann Lee")
    _check_named(d, "ports are borders.", "Grace Mbeki")
    _check_named(d, "Tides do not negotiate.", "Ingrid Holm")
    assert _people(d)["Ingrid Holm"]["role"] == "an oceanographer at Bergen University"
    # every word after the tag is quoted: no paraphrases; the conference title is no quote
    assert [s["kind"] for s in d["statements"]] == ["quote"] * 3


def test_meetings_coverage_names_in_capitals() -> None:
    text = (
        "Council Debate on Water\n\n"
        "MARÍA JOSÉ ROSSI, Under-Secretary-General for Humanitarian Affairs, said: “Water "
        "is the first casualty.” She noted that wells had been destroyed.\n\n"
        "KWAME NKRUMAH-ADDO (Ghana) said that access must be guaranteed.\n\n"
        "Ms. Rossi added: “Pay the volunteers.”\n\n"
        "UN WOMEN, the agency, said nothing. NATO AND OSCE said little.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["MARÍA JOSÉ ROSSI", "KWAME NKRUMAH-ADDO"]
    _check_named(d, "Water is the first casualty.", "MARÍA JOSÉ ROSSI")
    assert _people(d)["MARÍA JOSÉ ROSSI"]["role"] == (
        "Under-Secretary-General for Humanitarian Affairs"
    )
    st = statement(d, "Pay the volunteers.")
    assert {p["id"]: p["name"] for p in d["speakers"]}[st["speaker"]] == "MARÍA JOSÉ ROSSI"


def test_wire_style_tags_and_name_particles() -> None:
    text = (
        "Council hears warnings on famine\n\n"
        "“The famine is man-made,” Norway’s UN Ambassador Mona Juul-Hansen told the "
        "council on Tuesday.\n\n"
        "Hoang Thi Lan, the agency’s representative in Hanoi, told reporters: “Rice prices "
        "have tripled.”\n\n"
        "“We cannot feed promises,” said Dr. Aisha bint Khalid Al-Saud, a nutritionist "
        "with the Red Crescent. She urged donors to act.\n\n"
        "José Ortega y Gasset, a philosopher, said: “The masses have risen.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == [
        "Mona Juul-Hansen",
        "Hoang Thi Lan",
        "Aisha bint Khalid Al-Saud",
        "José Ortega y Gasset",
    ]
    assert _people(d)["Mona Juul-Hansen"]["role"] == "Norway’s UN Ambassador"
    _check_named(d, "Rice prices have tripled.", "Hoang Thi Lan")
    _check_named(d, "We cannot feed promises,", "Aisha bint Khalid Al-Saud")
    _check_named(d, "The masses have risen.", "José Ortega y Gasset")


def test_quotation_before_the_tag_with_an_appositive() -> None:
    text = (
        "Forum Notes\n\n"
        "The forum met on Monday.\n\n"
        "“Patience is a policy,” Ann Lee, Director of Research at the Lakeside Forum, said.\n\n"
        "“Haste is expensive,” Tom Okoro, Head of Programmes at the Delta Trust, told the "
        "meeting.\n\n"
        "“Repair first,” said Chidi Eze of the Port Authority, “and build later.”\n\n"
        "Ama Owusu, Senior Adviser: “Listen to the fishers.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Ann Lee", "Tom Okoro", "Chidi Eze", "Ama Owusu"]
    people = _people(d)
    assert people["Ann Lee"]["role"] == "Director of Research at the Lakeside Forum"
    assert people["Chidi Eze"]["role"] == "of the Port Authority"
    assert people["Ama Owusu"]["role"] == "Senior Adviser"
    _check_named(d, "Patience is a policy,", "Ann Lee")
    _check_named(d, "Haste is expensive,", "Tom Okoro")
    _check_named(d, "Repair first,", "Chidi Eze")
    _check_named(d, "and build later.", "Chidi Eze")
    _check_named(d, "Listen to the fishers.", "Ama Owusu")


def test_a_date_or_a_place_after_a_name_is_no_role() -> None:
    text = (
        "Notes\n\n"
        "The talks met.\n\n"
        "Tom Berg, in Geneva: “We end.”\n\n"
        "Ann Lee, 3 May 2024: “We begin.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert _people(d)["Tom Berg"]["role"] == ""
    _check_named(d, "We end.", "Tom Berg")
    assert all(p["role"] != "3 May 2024" for p in d["speakers"])


def test_a_group_including_a_person_is_the_group() -> None:
    text = (
        "Forum Notes\n\n"
        "The forum met on Monday.\n\n"
        "Participants, including Tom Okoro, Head of Programmes, agreed: “Maintenance "
        "first.”\n\n"
        "Tom Okoro later said: “Repair before you build.”\n"
    )
    x = extract(text)
    d = x.dataset
    assert problems(d) == []
    assert "Maintenance first." not in [s["text"] for s in d["statements"]]
    assert [u.text for u in x.summary.unattributed] == ["Maintenance first."]
    _check_named(d, "Repair before you build.", "Tom Okoro")


def test_initials_run_together_and_name_suffixes() -> None:
    text = (
        "Forum Notes\n\n"
        "The forum met on Monday.\n\n"
        "A.B. Okafor, a trade economist, said: “Tariffs are taxes.”\n\n"
        "Dr. M.K. Singh, Fellow at the Delhi Policy Group, noted that rules mattered.\n\n"
        "Ngozi Okonjo-Iweala Jr., an investor, said: “Capital is shy.”\n\n"
        "H.E. Aiko Mori, Minister of Water, said: “Pipes first.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["A.B. Okafor", "M.K. Singh", "Ngozi Okonjo-Iweala Jr.", "Aiko Mori"]
    people = _people(d)
    assert people["M.K. Singh"]["role"] == "Fellow at the Delhi Policy Group"
    assert people["Aiko Mori"]["honorific"] == "H.E."
    assert "Jr." not in people["Ngozi Okonjo-Iweala Jr."]["aliases"]
    assert "Okonjo-Iweala" in people["Ngozi Okonjo-Iweala Jr."]["aliases"]
    _check_named(d, "Tariffs are taxes.", "A.B. Okafor")
    _check_named(d, "Capital is shy.", "Ngozi Okonjo-Iweala Jr.")
    _check_named(d, "Pipes first.", "Aiko Mori")


def test_circumstances_and_a_country_before_the_role() -> None:
    text = (
        "Forum Notes\n\n"
        "The forum met on Monday.\n\n"
        "In a video message, Ann Lee, Director of Research at the Lakeside Forum, said: "
        "“Patience is a policy.”\n\n"
        "Tom Okoro, speaking via video link from Lagos, said: “Haste is expensive.”\n\n"
        "Pablo Ruiz (Spain), Rapporteur of the Committee, said: “Sand moves.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    people = _people(d)
    assert people["Ann Lee"]["role"] == "Director of Research at the Lakeside Forum"
    assert people["Tom Okoro"]["role"] == ""
    assert people["Pablo Ruiz"]["role"] == "Rapporteur of the Committee"
    _check_named(d, "Patience is a policy.", "Ann Lee")
    _check_named(d, "Haste is expensive.", "Tom Okoro")
    _check_named(d, "Sand moves.", "Pablo Ruiz")
