"""Names against role words, particles and long names; surnames that stand for a
full name; organisations as subjects. Minimal reports written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, problems, speaker_of


def test_role_complement_is_not_a_name() -> None:
    text = (
        "Lucía Marend, Coordinator for Community Outreach, said that early warning worked "
        "only when people trusted it. “Trust is the real sensor,” she said.\n\n"
        "Benedikt Sorensen, a correspondent with Radio Kestrel, said he had seen the gaps "
        "himself. “Nobody read the bulletins,” he said.\n\n"
        "Tamsin Orley, Head of Regional Delivery and Client Care, argued that money was "
        "not the obstacle."
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Lucía Marend", "Benedikt Sorensen", "Tamsin Orley"]
    assert speaker_of(d, "Trust is the real sensor,") == "Lucía Marend"
    assert speaker_of(d, "Nobody read the bulletins,") == "Benedikt Sorensen"


def test_role_before_name_still_holds_a_name() -> None:
    d = extract(
        "Secretary of State Jo Parkes said the talks would resume. “We are close,” she said."
    ).dataset
    assert names(d) == ["Jo Parkes"]


def test_lowercase_joined_particles_are_name_words() -> None:
    text = (
        "Dr. Yusuf al-Khatib, Principal Researcher at the Nairobi Policy Hub, said the data "
        "arrived late. “We count the dead before we count the warnings,” he said.\n\n"
        "Later, Dr. al-Khatib added that funding was the real gap.\n\n"
        "Nour el-Sayed, a farmer from the delta, said that “the river decides.”"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Yusuf al-Khatib", "Nour el-Sayed"]
    people = {p["name"]: p for p in d["speakers"]}
    assert people["Yusuf al-Khatib"]["honorific"] == "Dr."
    assert people["Yusuf al-Khatib"]["role"] == "Principal Researcher at the Nairobi Policy Hub"
    assert speaker_of(d, "We count the dead before we count the warnings,") == "Yusuf al-Khatib"
    assert speaker_of(d, "the river decides.") == "Nour el-Sayed"


def test_long_names_with_particles() -> None:
    text = (
        "Ana Sofía Rivera de la Torre of Ecuador said her country had invested in sirens. "
        "“Sirens save lives,” she said.\n\n"
        "Pieter Jan van der Linden of the Netherlands said that coastal alarms were being tested."
    )
    d = extract(text).dataset
    assert names(d) == ["Ana Sofía Rivera de la Torre", "Pieter Jan van der Linden"]
    assert speaker_of(d, "Sirens save lives,") == "Ana Sofía Rivera de la Torre"


def test_surname_with_particle_is_the_full_name() -> None:
    text = (
        "Lucía Ibarra de Souza, Minister of Water of Ruritania, said the basin was drying. "
        "“We are running out of river,” she said.\n\n"
        "Ms. Ibarra de Souza later added that “the money follows the data.”\n\n"
        "Tomás Quiroga dos Santos, an engineer, said pumps were failing. Mr Quiroga dos Santos "
        "said that “spare parts take a year.”"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert names(d) == ["Lucía Ibarra de Souza", "Tomás Quiroga dos Santos"]
    assert speaker_of(d, "the money follows the data.") == "Lucía Ibarra de Souza"
    assert speaker_of(d, "spare parts take a year.") == "Tomás Quiroga dos Santos"


def test_family_name_first_with_an_honorific() -> None:
    text = (
        "Nguyễn Minh Châu, a hydrologist at the Delta Institute, said the models were coarse.\n\n"
        "Dr Nguyễn said that “the sensors are blind at night.”\n\n"
        "Park Ji-won, an engineer, agreed. Ms. Park said that “the maps are ten years old.”"
    )
    d = extract(text).dataset
    assert names(d) == ["Nguyễn Minh Châu", "Park Ji-won"]
    assert speaker_of(d, "the sensors are blind at night.") == "Nguyễn Minh Châu"
    assert "Nguyễn" in d["speakers"][0]["aliases"]
    assert speaker_of(d, "the maps are ten years old.") == "Park Ji-won"


def test_organisations_are_not_speakers() -> None:
    text = (
        "Amnesty International said that the displaced had not been consulted.\n\n"
        "Grain Watch said that prices would rise.\n\n"
        "Mirela Kostova, a lawyer, said the camps were full. “Nobody asked us,” she said.\n\n"
        "The ministry has called such claims “baseless.”"
    )
    ex = extract(text)
    assert names(ex.dataset) == ["Mirela Kostova"]
    # the institution's word is left out, and listed
    assert [u.text for u in ex.summary.unattributed] == ["baseless."]


def test_an_organisation_complement_in_a_long_role_is_not_a_name() -> None:
    text = (
        "Mireille Achard, Senior Officer in the Office of Mine Action and the Department of "
        "Border Management (OMA/DBM), spoke of the need for clear maps. She said that "
        "“a map is a promise.”"
    )
    d = extract(text).dataset
    assert names(d) == ["Mireille Achard"]
    assert speaker_of(d, "a map is a promise.") == "Mireille Achard"


def test_a_name_after_a_role_complement_with_no_comma() -> None:
    d = extract(
        "President of Ghana Kwesi Amoako-Tetteh said the region needed grain reserves. "
        "“Hunger does not wait for summits,” he said."
    ).dataset
    assert names(d) == ["Kwesi Amoako-Tetteh"]
    assert speaker_of(d, "Hunger does not wait for summits,") == "Kwesi Amoako-Tetteh"


def test_a_lowercase_prefix_word_is_not_a_name_word() -> None:
    d = extract(
        "Ines Korhonen, a mediator, said that de-escalation came first. She said the "
        "as-yet unsigned deal was “a door left ajar.”"
    ).dataset
    assert names(d) == ["Ines Korhonen"]
    assert speaker_of(d, "a door left ajar.") == "Ines Korhonen"
