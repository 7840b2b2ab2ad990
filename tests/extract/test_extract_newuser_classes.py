"""Defects a new user met trying poc extract on reports of their own, each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, speaker_of


def test_a_person_inside_what_someone_recalls_does_not_cut_her_sentence() -> None:
    d = extract(
        "Rosa Llorente, a former envoy, opened the session.\n\n"
        "She recalled that the late Ibrahim Sall had once told her, “Never be the first to "
        "leave the room.” She said that patience was the mediator’s only real asset."
    ).dataset
    paraphrases = [s for s in d["statements"] if s["kind"] == "paraphrase"]
    first = paraphrases[0]
    assert first["text"].startswith("She recalled that the late Ibrahim Sall had once told her")
    assert speaker_of(d, first["text"], "paraphrase") == "Rosa Llorente"
    assert speaker_of(d, "Never be the first to leave the room.") == "Ibrahim Sall"
    last = "She said that patience was the mediator’s only real asset."
    assert speaker_of(d, last, "paraphrase") == "Rosa Llorente"


def test_unnumbered_headings_make_sessions() -> None:
    d = extract(
        "Water and Peace in the Sahel\n\n"
        "Opening Remarks\n\n"
        "Dr. Fatou Ndiaye, Senior Adviser at the Institute, said that “water is security.”\n\n"
        "Panel: Data, Early Warning and Local Ownership\n\n"
        "The panel was moderated by Tomas Berg, a fellow at the Institute.\n\n"
        "Amina Sow, Director of the Water Observatory, argued that data must reach farmers "
        "in time. “A late forecast is a history lesson,” she said.\n\n"
        "Closing Remarks\n\n"
        "Dr. Ndiaye closed the event. “Get water right and peace follows,” she concluded."
    ).dataset
    assert [(s["id"], s["title"]) for s in d["sessions"]] == [
        ("opening", "Opening remarks"),
        ("session-1", "Data, Early Warning and Local Ownership"),
        ("closing", "Closing remarks"),
    ]
    sessions = {s["text"]: s["session"] for s in d["statements"] if s["kind"] == "quote"}
    assert sessions == {
        "water is security.": "opening",
        "A late forecast is a history lesson,": "session-1",
        "Get water right and peace follows,": "closing",
    }


def test_host_co_sponsors_and_venue_as_reports_print_them() -> None:
    event = extract(
        "Water and Peace\n\n"
        "On March 14, 2024, the Peace Institute (PI), together with the Permanent Mission of "
        "Norway to the United Nations, hosted a policy forum on water. The event took place "
        "at the Institute’s Lie Center in New York.\n\n"
        "Dr. Fatou Ndiaye, Senior Adviser at the Institute, said that “water is security.”"
    ).dataset["event"]
    assert event["host"] == "Peace Institute (PI)"
    assert event["co_sponsors"] == ["Permanent Mission of Norway to the United Nations"]
    assert event["venue"] == "Institute’s Lie Center"


def test_hosted_by_stops_at_the_next_clause_and_markdown_marks_are_not_kept() -> None:
    event = extract(
        "# Recap: *Cities and Migration* roundtable\n\n"
        "**Date:** 21 November 2023 · **Venue:** Geneva Graduate Centre · Hosted by the "
        "*Urban Futures Network*\n\n"
        "Dr. Fatou Ndiaye, Senior Adviser at the Network, said that “cities decide.”"
    ).dataset["event"]
    assert event["title"] == "Recap: Cities and Migration roundtable"
    assert event["host"] == "Urban Futures Network"
    assert event["venue"] == "Geneva Graduate Centre"
    other = extract(
        "The forum was hosted by the Stimson Center and took place in Washington.\n\n"
        "Dr. Fatou Ndiaye, a fellow, said that “cities decide.”"
    ).dataset["event"]
    assert other["host"] == "Stimson Center"


def test_why_a_quotation_was_left_out_says_the_real_reason() -> None:
    result = extract(
        "David Smith, a diplomat, and Karen Smith, an economist, spoke.\n\n"
        "Mr. Smith said: “Then we will sign blind.”\n\n"
        "Some participants said that “the divide is a fiction.”"
    )
    reasons = {u.text: u.reason for u in result.summary.unattributed}
    assert reasons["Then we will sign blind."].startswith("the name fits more than one person")
    assert reasons["the divide is a fiction."] == (
        "attributed to a group or a state: Some participants"
    )
