"""Failure classes found on the sixth blind set (benchmarks/heldout6), each reproduced
with a minimal report written for these tests: auxiliaries between a group and its
verb, a group inside a clause a person reports, a charity's foreign name, a place after
"the", a title "under the title", and the answer to a question someone was asked."""

from __future__ import annotations

from extract_helpers import extract, names, quote_texts, speaker_of


def test_a_group_with_auxiliaries_is_still_a_group() -> None:
    result = extract(
        "Mr. Rui Semedo, the Foreign Minister, spoke of the new pact.\n\n"
        "The pact’s signatories have called it “the first treaty of the drowning.”"
    )
    assert quote_texts(result.dataset) == []
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
    assert quote_texts(d) == ["still missing."]


def test_the_person_asked_gives_the_answer() -> None:
    d = extract(
        "The conversation was moderated by IPI President Leonor Haddad, who asked Mr. Rui "
        "Semedo whether reform was still realistic.\n\n"
        "He said that it was. Small states, he argued, wanted “a seat, not a sympathy card.”"
    ).dataset
    assert speaker_of(d, "a seat, not a sympathy card.") == "Rui Semedo"


def test_a_paraphrase_ending_in_a_colon_takes_the_list_after_it() -> None:
    from poc_cli.extract.fidelity import check_fidelity

    result = extract(
        "Dr. Ana Lopes, author of the report, spoke on Mali.\n\n"
        "She listed the three recommendations the report makes:\n\n"
        "  • Use the full range of civilian tools;\n"
        "  • Keep protection apart from “counterterrorism”; and\n"
        "  • Talk to local communities.\n\n"
        "She closed with thanks."
    )
    d = result.dataset
    para = next(s for s in d["statements"] if s["kind"] == "paraphrase")
    assert para["paragraphs"] == [2, 3]
    assert para["text"].splitlines() == [
        "She listed the three recommendations the report makes:",
        "• Use the full range of civilian tools;",
        "• Keep protection apart from “counterterrorism”; and",
        "• Talk to local communities.",
    ]
    quote = next(s for s in d["statements"] if s["kind"] == "quote")
    assert quote["text"] == "counterterrorism" and quote["within"] == para["id"]
    assert check_fidelity(d, d["source"]["paragraphs"]) == []


def test_a_list_in_the_same_paragraph_as_its_colon() -> None:
    d = extract(
        "Dr. Ana Lopes, author of the report, spoke on Mali. She listed three risks:\n"
        "- drought;\n"
        "- debt; and\n"
        "- distrust.\n\n"
        "She closed with thanks."
    ).dataset
    para = next(s for s in d["statements"] if s["text"].startswith("She listed"))
    assert para["paragraphs"] == [1]
    assert para["text"].splitlines()[1:] == ["- drought;", "- debt; and", "- distrust."]


def test_organisations_keep_their_own_commas_and_a_leading_acronym() -> None:
    from poc_cli.extract.people import organisations_from_role

    assert organisations_from_role(
        "Adviser at the Institute for Peace, Security, and Development"
    ) == ["Institute for Peace, Security, and Development"]
    assert organisations_from_role(
        "IPI Non-Resident Fellow and professor at the University of Montreal"
    ) == ["IPI", "University of Montreal"]


def test_a_body_with_of_in_its_name_and_a_hyphenated_acronym() -> None:
    from poc_cli.extract.people import organisations_from_role

    assert organisations_from_role("the US Institute of Peace") == ["US Institute of Peace"]
    assert organisations_from_role("UN-Habitat") == ["UN-Habitat"]
