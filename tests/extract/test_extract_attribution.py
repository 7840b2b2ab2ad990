"""Who said what, on mini-reports written for these tests in the genre's styles."""

from __future__ import annotations

from extract_helpers import extract, names, problems, quote_texts, report, speaker_of, statement


def test_ipi_style_speakers_roles_and_attribution() -> None:
    d = extract(report("ipi_style"), "ipi_style").dataset
    assert problems(d) == []
    assert names(d) == [
        "Helena Brandt",
        "Tomás Ferreira-Lund",
        "Aïcha Diallo",
        "Rafael Ortiz",
        "Karin Holm",
        "Peter Okoye",
    ]
    people = {p["name"]: p for p in d["speakers"]}
    assert people["Helena Brandt"]["honorific"] == "Dr."
    assert people["Helena Brandt"]["role"] == "Institute President"
    assert people["Aïcha Diallo"]["honorific"] == "Ambassador"
    assert people["Aïcha Diallo"]["role"] == "Regional Envoy of the Lake Commission"
    assert people["Tomás Ferreira-Lund"]["role"] == (
        "a senior fellow at the Lakeside Institute and the author of the policy paper"
    )
    # a split quotation is two quotes, both his
    assert speaker_of(d, "First,") == "Tomás Ferreira-Lund"
    assert speaker_of(d, "we must learn the old rules before we write new ones.") == (
        "Tomás Ferreira-Lund"
    )
    # a bare quotation continues the speaker before it, and is flagged
    bare = statement(d, "Mediators who ignore water ignore the conflict.")
    assert bare["attribution"] == "context" and bare["review"] is True
    # nested marks stay inside the quote
    assert speaker_of(d, "People told me, ‘the water is our peace,’ and I believed them,") == (
        "Aïcha Diallo"
    )
    # "Lake Chad" and "Chad" are places, never speakers
    assert not any("Chad" in n for n in names(d))


def test_paraphrase_starts_after_name_and_role_and_holds_its_quote() -> None:
    d = extract(report("ipi_style")).dataset
    para = statement(
        d,
        "opened the workshop by recalling that water disputes rarely make headlines.",
        "paraphrase",
    )
    assert para["attribution"] == "name" and "review" not in para
    # "She warned that “…”": everything after the tag is quoted, so a quote only
    inner = statement(d, "the next crisis will start at a well, not at a border.")
    assert "within" not in inner and inner["attribution"] == "pronoun"
    assert not [
        s for s in d["statements"] if s["kind"] == "paraphrase" and "She warned" in s["text"]
    ]
    # a quotation inside a reported sentence: both, linked
    inner = statement(d, "local ownership, patient money, and honest evaluation.")
    outer = statement(
        d,
        "She listed three priorities: “local ownership, patient money, and honest evaluation.",
        "paraphrase",
    )
    assert inner["within"] == outer["id"]
    assert outer["attribution"] == "pronoun" and outer["review"] is True


def test_unclosed_quotation_is_kept_to_the_paragraph_end_and_flagged() -> None:
    d = extract(report("ipi_style")).dataset
    q = statement(d, "local ownership, patient money, and honest evaluation.")
    assert q["review"] is True and "never closes" in q["note"]


def test_group_quotes_are_left_out_and_listed() -> None:
    result = extract(report("ipi_style"))
    assert "too slow" not in quote_texts(result.dataset)
    assert [u.text for u in result.summary.unattributed] == ["too slow"]
    assert any("too slow" in n for n in result.dataset["notes"])


def test_un_style_role_only_speakers_and_according_to() -> None:
    result = extract(report("un_style"))
    d = result.dataset
    assert problems(d) == []
    assert names(d) == [
        "Martha Pobee",
        "Kwame Mensah Boateng",
        "Representative of France",
        "Representative of China",
        "Representative of the Niger",
        "Chad's delegate",
    ]
    roles = {p["name"]: p for p in d["speakers"]}
    assert roles["Representative of France"]["role"] == "The representative of France"
    assert roles["Representative of France"]["notes"][0].startswith("Known only by role")
    assert speaker_of(d, "There is no military solution,") == "Martha Pobee"
    assert statement(d, "There is no military solution,")["attribution"] == "alias"
    assert speaker_of(d, "Only an inclusive political process can end this.") == "Martha Pobee"
    assert speaker_of(d, "foreign interference") == "Representative of the Niger"
    assert (
        speaker_of(
            d, "According to Mr. Boateng, more than 8,000 schools have closed.", "paraphrase"
        )
        == "Kwame Mensah Boateng"
    )
    assert [u.text for u in result.summary.unattributed] == ["time is running out"]


def test_two_speakers_in_one_sentence_get_a_clause_each() -> None:
    d = extract(report("un_style")).dataset
    assert (
        speaker_of(
            d,
            "The representative of France said his country remained committed to the region",
            "paraphrase",
        )
        == "Representative of France"
    )
    assert (
        speaker_of(
            d, "the representative of China called for respect for sovereignty.", "paraphrase"
        )
        == "Representative of China"
    )


def test_wire_style_headline_and_lede_roles_resolve_to_the_named_speaker() -> None:
    d = extract(report("wire_style")).dataset
    assert problems(d) == []
    assert names(d) == ["Cindy Meagher", "Ahmed Al-Rashidi", "Josep Varela"]
    cat = [s for s in d["statements"] if s["kind"] == "quote" and s["text"] == "catastrophic"]
    assert len(cat) == 2 and {s["attribution"] for s in cat} == {"title"}
    meagher = next(p for p in d["speakers"] if p["name"] == "Cindy Meagher")
    assert "UN chief" in meagher["aliases"]
    assert speaker_of(d, "Every day we wait, more children die,") == "Cindy Meagher"
    # '"…," X said.' is a quote, not a paraphrase
    assert not [
        s for s in d["statements"] if s["kind"] == "paraphrase" and "told reporters" in s["text"]
    ]


def test_thinktank_style_prepositional_appositive_and_in_his_view() -> None:
    d = extract(report("thinktank_style")).dataset
    assert names(d) == ["Hiroshi Tanaka", "Sofía Ramírez-Ortega"]
    assert (
        speaker_of(d, "the gap is not a matter of billions but of trillions.") == "Hiroshi Tanaka"
    )
    assert (
        speaker_of(d, "Private capital is not reluctant. It is rational,") == "Sofía Ramírez-Ortega"
    )
    # the chair only closed the session: not a speaker
    assert "Lena Okafor" not in names(d)


def test_flat_style_pronouns_follow_gender() -> None:
    text = (
        "Ms. Ana Lopes and Mr. Ben Okafor spoke at the forum.\n"
        "Ana Lopes said the budget was too small.\n"
        "Ben Okafor said it was large enough.\n"
        "“It is not,” she replied.\n"
        "“It is,” he said."
    )
    d = extract(text).dataset
    assert speaker_of(d, "It is not,") == "Ana Lopes"
    assert speaker_of(d, "It is,") == "Ben Okafor"


def test_chad_is_never_a_speaker() -> None:
    text = (
        "Chad said the plan would fail.\n\n"
        "Lisa Moreau, the former envoy to Chad, said, “Chad deserves better.”"
    )
    d = extract(text).dataset
    assert names(d) == ["Lisa Moreau"]
    assert speaker_of(d, "Chad deserves better.") == "Lisa Moreau"


def test_words_said_not_to_be_used_are_not_quotes() -> None:
    text = 'The envoy, Rui Alves, never mentioned the terms "drought" or "famine" in his talk.'
    result = extract(text)
    assert quote_texts(result.dataset) == []
    assert {u.text for u in result.summary.unattributed} == {"drought", "famine"}


def test_a_title_resolves_to_the_named_holder_and_a_state_complement_must_match() -> None:
    d = extract(report("un_committee_style")).dataset
    assert problems(d) == []
    assert names(d) == [
        "Ravi Menon",
        "Representative of Cuba",
        "Representative of Japan",
        "Ingrid Solberg",
    ]
    menon = next(p for p in d["speakers"] if p["name"] == "Ravi Menon")
    assert menon["role"] == "the Under-Secretary-General for Management"
    assert "the Under-Secretary-General" in menon["aliases"]
    q = statement(d, "We cannot keep asking troops to wait,")
    assert q["attribution"] == "title" and q["review"] is True
    assert speaker_of(d, "value for money") == "Representative of Japan"
    assert speaker_of(d, "Nobody wants cuts, but everybody wants savings.") == "Ingrid Solberg"


def test_forum_style_moderator_with_a_question_titles_and_aliases() -> None:
    d = extract(report("ipi_forum_style")).dataset
    assert problems(d) == []
    assert names(d) == ["Clara Nilsen", "Samir Haddad", "Grace Wanjiru", "Juan Pablo Ortega"]
    assert speaker_of(d, "What we do not have is money.") == "Grace Wanjiru"
    added = statement(
        d,
        "The ambassador added that only a fraction of peacebuilding funds reached youth-led groups.",
        "paraphrase",
    )
    assert added["attribution"] == "title"
    assert speaker_of(d, "Money matters, but trust matters more,") == "Juan Pablo Ortega"
    assert speaker_of(d, "should listen before it legislates.") == "Grace Wanjiru"
    assert speaker_of(d, "keep the pressure on.") == "Clara Nilsen"


def test_agency_style_time_words_titles_and_one_name_people() -> None:
    result = extract(report("wire_agency_style"))
    d = result.dataset
    assert problems(d) == []
    assert names(d) == ["Antonio Guterres", "Senior UN official", "Francis", "Lena Maurer"]
    assert statement(d, "step back from the brink.")["attribution"] == "name"
    assert speaker_of(d, "The risk of miscalculation is real and growing,") == "Antonio Guterres"
    assert (
        speaker_of(
            d, "The Secretary-General said he had spoken with both leaders by phone.", "paraphrase"
        )
        == "Antonio Guterres"
    )
    pope = next(p for p in d["speakers"] if p["name"] == "Francis")
    assert pope["role"] == "Pope"
    assert speaker_of(d, "war is always a defeat.") == "Francis"
    assert speaker_of(d, "But talks require two parties.") == "Lena Maurer"
    assert result.summary.unattributed == []


def test_pronoun_gender_from_the_speakers_own_possessives() -> None:
    text = (
        "Ana Lopes said her office had run out of funds.\n\n"
        "Ben Okafor said his ministry would help.\n\n"
        "“We will see,” she said."
    )
    d = extract(text).dataset
    assert speaker_of(d, "We will see,") == "Ana Lopes"


def test_an_institution_is_nobody_and_put_it_is_a_cue() -> None:
    text = (
        'In a statement, the ministry said the talks were "on hold indefinitely."\n\n'
        "Tomas Vlk, the deputy minister, said the delay was regrettable.\n\n"
        "Mia Sorensen, an analyst, put it bluntly:\n\n"
        '"We have no more time to lose."'
    )
    result = extract(text)
    assert [u.text for u in result.summary.unattributed] == ["on hold indefinitely."]
    assert speaker_of(result.dataset, "We have no more time to lose.") == "Mia Sorensen"


def test_title_case_headline_names_and_roles() -> None:
    result = extract(report("un_event_style"))
    d = result.dataset
    assert problems(d) == []
    assert names(d) == [
        "Laila Osei",
        "President of the General Assembly",
        "Observer for the African Union",
        "Representative of Brazil",
    ]
    headline = statement(d, "We Cannot Wait for Perfect Conditions,")
    assert headline["attribution"] == "title"
    assert speaker_of(d, "We Cannot Wait for Perfect Conditions,") == "Laila Osei"
    # a writer's "so-called" term is nobody's quote
    assert "whole-of-society" not in [s["text"] for s in d["statements"]]


def test_recap_style_relative_clauses_put_it_and_possessive_messages() -> None:
    result = extract(report("recap_style"))
    d = result.dataset
    assert problems(d) == []
    assert names(d) == ["Jo-Anne Whitaker", "Felipe Arroyo", "Priya Raman"]
    assert d["event"]["host"] == "Forum for Open Economies"
    assert d["event"]["date"] == "2022-05-12"
    assert speaker_of(d, "the clauses are everywhere, the enforcement is nowhere.") == (
        "Jo-Anne Whitaker"
    )
    assert speaker_of(d, "If you cannot trace it, you cannot ban it.") == "Felipe Arroyo"
    assert speaker_of(d, "paper compliance") == "Priya Raman"
    assert (
        speaker_of(d, "replied that support schemes were essential.", "paraphrase") == "Priya Raman"
    )


def test_a_passive_verb_is_not_its_subject_speaking() -> None:
    text = (
        "Mara Quint was told that the budget was frozen.\n\n"
        "Leo Brandt, the auditor, said the freeze was unlawful."
    )
    d = extract(text).dataset
    assert names(d) == ["Leo Brandt"]


def test_any_verb_right_after_a_quotation_is_its_tag() -> None:
    text = (
        "The summit opened with warnings.\n\n"
        '"We will not give up," vowed Omar Bellamy, the coalition\'s chair.\n\n'
        '"Nobody listened to us," Sara Quist lamented. "Nobody," she repeated.\n\n'
        '"It is a start," mused the deputy minister, Ravi Sen.'
    )
    d = extract(text).dataset
    assert names(d) == ["Omar Bellamy", "Sara Quist", "Ravi Sen"]
    assert speaker_of(d, "We will not give up,") == "Omar Bellamy"
    assert speaker_of(d, "Nobody,") == "Sara Quist"
    assert speaker_of(d, "It is a start,") == "Ravi Sen"
    sen = next(p for p in d["speakers"] if p["name"] == "Ravi Sen")
    assert sen["role"] == "the deputy minister"


def test_the_subject_of_a_clause_before_a_colon_owns_the_quotation() -> None:
    text = (
        "Dr. Amara Kone-Whitfield (University of Ghana) said that missions had lost trust. "
        "“The helmet no longer reassures,” she said.\n\n"
        "Colonel Jens Haugaard, a Danish officer, said that new mandates were clearer. “We "
        "finally know what we are there to do,” he said.\n\n"
        "Asked whether missions should end sooner, Dr. Kone-Whitfield was blunt: “An exit "
        "without a plan is an invitation.”\n\n"
        "He was just as direct: “Patience is a strategy.”"
    )
    d = extract(text).dataset
    assert problems(d) == []
    assert speaker_of(d, "An exit without a plan is an invitation.") == "Amara Kone-Whitfield"
    assert speaker_of(d, "Patience is a strategy.") == "Jens Haugaard"
    assert not [s for s in d["statements"] if "Asked whether" in s["text"]]
