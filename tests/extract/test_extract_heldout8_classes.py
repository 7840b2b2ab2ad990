"""Failure classes found on the eighth blind set (benchmarks/heldout8), each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, quote_texts, speaker_of


def test_a_team_is_not_a_person() -> None:
    d = extract(
        "Ngozi Eze, Senior Adviser on the UN Standby Team of Mediation Experts, told the "
        "forum that envoys were judged by ceremonies. “A signature is the beginning,” she said."
    ).dataset
    assert names(d) == ["Ngozi Eze"]
    assert speaker_of(d, "A signature is the beginning,") == "Ngozi Eze"


def test_spanish_and_maasai_particles() -> None:
    d = extract(
        "GUSTAVO ADOLFO PEÑA DE LOS RÍOS (Panama) welcomed the adoption.  Mr. Peña de los Ríos "
        "said it would be “unthinkable” to cut the Mission’s gender advisers.\n\n"
        "Joseph Lekishon ole Sankale, a county officer, agreed. “We are short of money,” he said."
    ).dataset
    assert names(d) == ["GUSTAVO ADOLFO PEÑA DE LOS RÍOS", "Joseph Lekishon ole Sankale"]
    assert speaker_of(d, "unthinkable") == "GUSTAVO ADOLFO PEÑA DE LOS RÍOS"
    assert speaker_of(d, "We are short of money,") == "Joseph Lekishon ole Sankale"


def test_a_draft_seen_by_reporters_is_a_document() -> None:
    result = extract(
        "Ms. Priya Mehra, Britain’s deputy envoy, said that “trucks are not weapons.”\n\n"
        "A draft seen by reporters calls for “immediate, safe and unhindered” access."
    )
    assert quote_texts(result.dataset) == ["trucks are not weapons."]


def test_a_role_brought_in_with_a_as_another_speaks_stays_unnamed() -> None:
    d = extract(
        "UNITED NATIONS - Children are dying of hunger, the U.N. humanitarian chief told the "
        "Security Council, as a Unicef spokesperson said 300 had died since January.\n\n"
        "“Every one of these deaths was preventable,” the Unicef spokesperson said.\n\n"
        "Marguerite Duval, the under-secretary-general for humanitarian affairs, said convoys "
        "had been turned back. “Children are paying the price,” she said."
    ).dataset
    assert speaker_of(d, "Every one of these deaths was preventable,") == "Unicef spokesperson"
    assert speaker_of(d, "Children are paying the price,") == "Marguerite Duval"
    assert "U.N. humanitarian chief" not in names(d)


def test_a_diplomat_from_one_of_a_groups_members_is_one_person() -> None:
    d = extract(
        "“We will not accept a text written elsewhere,” a diplomat from one of the council's "
        "African members said."
    ).dataset
    assert speaker_of(d, "We will not accept a text written elsewhere,").lower().startswith(
        "diplomat from one of"
    )
