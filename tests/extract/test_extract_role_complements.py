"""A role with its complement printed before a name with no comma; "and" that joins a
second person to a role; aliases only as the report prints them; passive "described
as “…” by X". Minimal reports written for these tests."""

from __future__ import annotations

from typing import Any

from extract_helpers import extract, names, problems, speaker_of, statement


def _people(d: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in d["speakers"]}


def test_role_with_complement_before_the_name() -> None:
    text = (
        "Summit Notes\n\n"
        "President of Ghana Kwesi Amoako-Tetteh said that the region needed a common "
        "market. “Borders should connect us,” he said.\n\n"
        "The meeting was opened by Minister for Foreign Affairs Ana Lucía Pérez, who said "
        "that trade would follow peace.\n\n"
        "Director of the Water Institute Dr. Hiro Sato argued that data must be shared.\n\n"
        "Special Envoy for the Sahel Jean-Baptiste N’Diaye noted that the talks had "
        "resumed.\n\n"
        "Secretary-General of the Pacific Forum Mele Tupou told the meeting: “Our islands "
        "are not waiting.”\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == [
        "Kwesi Amoako-Tetteh",
        "Ana Lucía Pérez",
        "Hiro Sato",
        "Jean-Baptiste N’Diaye",
        "Mele Tupou",
    ]
    people = _people(d)
    assert people["Kwesi Amoako-Tetteh"]["role"] == "President of Ghana"
    assert people["Ana Lucía Pérez"]["role"] == "Minister for Foreign Affairs"
    assert people["Hiro Sato"]["role"] == "Director of the Water Institute"
    assert people["Hiro Sato"]["honorific"] == "Dr."
    assert people["Jean-Baptiste N’Diaye"]["role"] == "Special Envoy for the Sahel"
    assert people["Mele Tupou"]["role"] == "Secretary-General of the Pacific Forum"
    assert speaker_of(d, "Borders should connect us,") == "Kwesi Amoako-Tetteh"
    assert speaker_of(d, "Our islands are not waiting.") == "Mele Tupou"
    # the paraphrase starts after the name and its role
    statement(d, "said that the region needed a common market.", "paraphrase")
    statement(d, "argued that data must be shared.", "paraphrase")


def test_a_second_person_after_and_in_a_role() -> None:
    text = (
        "Panel Notes\n\n"
        "The panel heard the Director for Peace and Jo Park said that the ceasefire held.\n\n"
        "Ruth Oyelaran, Director for Peace and Security, said that monitors were needed.\n\n"
        "The Commissioner for Trade and Industry said tariffs would fall.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    people = _people(d)
    assert "Jo Park" in people
    assert people["Jo Park"]["role"] == ""
    assert people["Ruth Oyelaran"]["role"] == "Director for Peace and Security"
    # a role-only speaker, not a person named "… Industry"
    assert [n for n in people if "Industry" in n] == ["Commissioner for Trade and Industry"]


def test_aliases_use_the_surname_the_report_uses() -> None:
    text = (
        "Treaty Talk\n\n"
        "Ms. Lucía Ibarra de Souza, Legal Adviser, said the treaty was clear. “We are "
        "patient,” Ms. Ibarra de Souza said.\n\n"
        "Dr. Hiro Sato said that ratification was slow. Sato added that it would come.\n\n"
        "Ms. Ana de Souza said the text was final. Later, Ms. de Souza added that it was "
        "fair.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    people = _people(d)
    lucia = people["Lucía Ibarra de Souza"]["aliases"]
    # her surname is "Ibarra de Souza": "Ms. de Souza" and "Souza" are not hers
    assert "Ms. de Souza" not in lucia and "de Souza" not in lucia and "Souza" not in lucia
    assert "Ibarra de Souza" in lucia and "Ms. Ibarra de Souza" in lucia
    st = statement(d, "Later, Ms. de Souza added that it was fair.", "paraphrase")
    assert {p["id"]: p["name"] for p in d["speakers"]}[st["speaker"]] == "Ana de Souza"
    # surname and honorific + surname, as people look them up
    assert people["Hiro Sato"]["aliases"] == ["Sato", "Dr. Sato"]
    assert "Ms. de Souza" in people["Ana de Souza"]["aliases"]


def test_a_surname_form_shared_by_two_people_is_nobody_s_alias() -> None:
    text = (
        "Treaty Talk\n\n"
        "Ms. Lucía Ibarra de Souza, Legal Adviser, said the treaty was clear.\n\n"
        "Ms. Ana de Souza said the text was final.\n"
    )
    d = extract(text).dataset
    people = _people(d)
    assert "Ms. de Souza" not in people["Lucía Ibarra de Souza"]["aliases"]
    assert "Ms. de Souza" not in people["Ana de Souza"]["aliases"]


def test_passive_naming_goes_to_the_agent() -> None:
    text = (
        "Panel Notes\n\n"
        "The reform was described as “a quiet revolution” by Amina Yusuf, Chair of the "
        "Board.\n\n"
        "Her approach has been called “stubborn optimism” by Dr. Felix Braun.\n\n"
        "The ceasefire was characterized as “fragile but real” by the Deputy Special "
        "Envoy.\n\n"
        "The initiative was called “Blue Corridors” and launched in May.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "a quiet revolution") == "Amina Yusuf"
    assert speaker_of(d, "stubborn optimism") == "Felix Braun"
    assert statement(d, "a quiet revolution")["attribution"] == "name"
    assert speaker_of(d, "fragile but real") == "Deputy Special Envoy"
    assert "Blue Corridors" not in [s["text"] for s in d["statements"]]
    assert _people(d)["Amina Yusuf"]["role"] == "Chair of the Board"


def test_a_part_or_a_clause_before_a_name_is_no_role() -> None:
    text = (
        "Building Peace in Fragile Cities\n\n"
        "Opening the event, IPI Vice President Adam Lupel said that cities had become "
        "\"the new front lines.\" He introduced the first speaker, Aminata Touré-Diallo, "
        "Mayor of Niamey's Fourth District.\n\n"
        "Ms. Touré-Diallo said: \"We receive ten thousand people a month.\"\n\n"
        "The second speaker, Dr. Seun Adebayo-Martins, Senior Researcher at the West Africa "
        "Policy Centre, argued: \"Fragility is a relationship.\"\n\n"
        "H.E. Mr. Ibrahim Moussa, Permanent Representative of Niger to the UN, provided "
        "closing remarks.\n"
    )
    d = extract(text).dataset
    assert problems(d) == []
    people = _people(d)
    assert people["Adam Lupel"]["role"] == "IPI Vice President"
    assert people["Aminata Touré-Diallo"]["role"] == "Mayor of Niamey's Fourth District"
    assert people["Seun Adebayo-Martins"]["role"] == (
        "Senior Researcher at the West Africa Policy Centre"
    )
    assert people["Ibrahim Moussa"]["role"] == "Permanent Representative of Niger to the UN"
