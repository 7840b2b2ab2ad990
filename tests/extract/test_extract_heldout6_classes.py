"""Failure classes found on the sixth blind set (benchmarks/heldout6), each reproduced
with a minimal report written for these tests: auxiliaries between a group and its
verb, a group inside a clause a person reports, a charity's foreign name, a place after
"the", a title "under the title", and the answer to a question someone was asked."""

from __future__ import annotations

from extract_helpers import extract, names, speaker_of


def _quotes(d: dict) -> list[str]:
    return [s["text"] for s in d["statements"] if s["kind"] == "quote"]


def test_a_group_with_auxiliaries_is_still_a_group() -> None:
    result = extract(
        "Mr. Rui Semedo, the Foreign Minister, spoke of the new pact.\n\n"
        "The pact’s signatories have called it “the first treaty of the drowning.”"
    )
    assert _quotes(result.dataset) == []
    assert "the first treaty of the drowning." in {u.text for u in result.summary.unattributed}


def test_a_group_in_a_reported_clause_does_not_take_the_quote() -> None:
    d = extract(
        "Mr. Ola Ekdahl, of the agency, spoke.\n\n"
        "He cautioned, however, that donors also answered to their own taxpayers: “Direct "
        "access is the right direction.”"
    ).dataset
    assert speaker_of(d, "Direct access is the right direction.") == "Ola Ekdahl"


def test_a_charitys_foreign_name_is_not_a_person() -> None:
    d = extract(
        "Dr. Nomsa Dube, President of the medical charity Médecins en Ligne Verte, said "
        "her teams had left three districts. “We do not leave lightly,” she said."
    ).dataset
    assert names(d) == ["Nomsa Dube"]
    assert speaker_of(d, "We do not leave lightly,") == "Nomsa Dube"


def test_a_two_word_run_after_the_is_a_place() -> None:
    d = extract(
        "H.E. Mr. Sovann Chea said upstream countries should share dam schedules. "
        "Fishermen on the Tonle Sap, he said, still learn of releases “from the river "
        "itself.”"
    ).dataset
    assert names(d) == ["Sovann Chea"]
    assert speaker_of(d, "from the river itself.") == "Sovann Chea"


def test_a_work_published_under_the_title_is_no_quote() -> None:
    d = extract(
        "Ms. Ana Lopes said that women were “still missing.”\n\n"
        "Professor Dev Rao of the University of Pune, whose research on troop contributors "
        "was published by the Institute last year under the title “Counting Women In,” "
        "argued that the barriers began long before deployment."
    ).dataset
    assert _quotes(d) == ["still missing."]


def test_the_person_asked_gives_the_answer() -> None:
    d = extract(
        "The conversation was moderated by IPI President Leonor Haddad, who asked Mr. Rui "
        "Semedo whether reform was still realistic.\n\n"
        "He said that it was. Small states, he argued, wanted “a seat, not a sympathy card.”"
    ).dataset
    assert speaker_of(d, "a seat, not a sympathy card.") == "Rui Semedo"
