"""Names as printed, honorifics apart, role prefixes, role phrases, organisations."""

from __future__ import annotations

import pytest

from poc_cli.extract.people import (
    find_mentions,
    organisations_from_role,
    role_head,
    slug,
    surname_of,
)


@pytest.mark.parametrize(
    ("text", "name", "honorific", "prefix"),
    [
        ("Institute Vice President Jo Park opened", "Jo Park", None, "Institute Vice President"),
        ("Rear Admiral (LH) Piet de Vries, adviser", "Piet de Vries", "Rear Admiral (LH)", ""),
        ("Peru's UN Ambassador Ivan Petrov said", "Ivan Petrov", None, "Peru's UN Ambassador"),
        ("Ambassador Dr Lea Kamau, Chair", "Lea Kamau", "Ambassador Dr", ""),
        ("H.E. Mr. Omar Haddad spoke", "Omar Haddad", "H.E. Mr.", ""),
        (
            "the Irish foreign minister Anne Cole had",
            "Anne Cole",
            None,
            "the Irish foreign minister",
        ),
        ("Marie-Hélène Dubé, fellow", "Marie-Hélène Dubé", None, ""),
        ("Lina Di Stefano, IPI", "Lina Di Stefano", None, ""),
        ("Dr. Rosa Q. Mendes said", "Rosa Q. Mendes", "Dr.", ""),
    ],
)
def test_names_honorifics_and_role_prefixes(
    text: str, name: str, honorific: str | None, prefix: str
) -> None:
    (m,) = find_mentions(text)
    assert (m.name, m.honorific, m.role_prefix) == (name, honorific, prefix)


@pytest.mark.parametrize(
    "text",
    [
        "the Central African Republic and Chad, said",
        "Director of the Brian Urquhart Center for Peace",
        "the Ada Lovelace Foundation and the World Tourism Organization",
        "in New Zealand and Saudi Arabia on Monday",
        "Chad said",
    ],
)
def test_places_organisations_and_single_words_are_not_people(text: str) -> None:
    assert find_mentions(text) == []


def test_a_surname_after_an_honorific_is_a_mention() -> None:
    (m,) = find_mentions("Mr. Haldane said")
    assert (m.name, m.honorific, m.single) == ("Haldane", "Mr.", True)


def test_surnames_keep_their_particles() -> None:
    assert surname_of("Peter van den Berg") == "van den Berg"
    assert surname_of("Lina Di Stefano") == "Di Stefano"
    assert surname_of("Dougou Alpha Ba-Konaré") == "Ba-Konaré"


def test_role_heads_and_groups() -> None:
    assert role_head("the ministry spokesperson") == "spokesperson"
    assert role_head("The bank's chief economist on trade and jobs") == "economist"
    assert role_head("Regional Envoy") == "envoy"
    assert role_head("some delegates") is None
    assert role_head("This diversity") is None


def test_organisations_from_a_role() -> None:
    assert organisations_from_role(
        "Senior Adviser at the Permanent Mission of France to the UN"
    ) == ["Permanent Mission of France to the UN"]
    assert organisations_from_role("IPI Vice President") == ["IPI"]


def test_slugs_are_ascii() -> None:
    assert slug("Agnès Coutou") == "agnes-coutou"
    assert slug("Åke Lindqvist-Öberg") == "ake-lindqvist-oberg"
    assert slug("a ministry spokesperson") == "a-ministry-spokesperson"


def test_roles_printed_outside_the_speaking_sentence() -> None:
    from extract_helpers import extract

    text = (
        "Open Data for Rivers\n\n"
        "Dr. Lena Okafor, Dean, School of Hydrology\n"
        "Marco Bellini, Senior Analyst, River Basin Authority\n\n"
        "The forum featured H.E. Aiko Mori, Minister of Water of Ruritania. The host's "
        "director, Paul Grant, welcomed everyone.\n\n"
        "Okafor said rivers need open data. Bellini said data is expensive. Mori said the "
        "ministry would publish its gauges. Grant said the forum would meet again."
    )
    roles = {p["name"]: p["role"] for p in extract(text).dataset["speakers"]}
    assert roles == {
        "Lena Okafor": "Dean, School of Hydrology",
        "Marco Bellini": "Senior Analyst, River Basin Authority",
        "Aiko Mori": "Minister of Water of Ruritania",
        "Paul Grant": "The host's director",
    }
