"""The event and its sessions."""

from __future__ import annotations

from extract_helpers import extract, report


def test_ipi_style_event() -> None:
    d = extract(report("ipi_style"), "ipi_style").dataset
    event = d["event"]
    assert event["id"] == "ipi-style"
    assert event["short_title"] == "Water, Peace and the Sahel"
    assert event["title"] == "Water, Peace and the Sahel: Lessons for Mediators"
    assert event["date"] == "2024-04-09"
    assert event["venue"] == "Lakeside Institute"
    assert event["co_sponsors"] == [
        "Lakeside Institute",
        "Ministry of Foreign Affairs of Norway",
        "Government of Ghana",
    ]
    assert "host" not in event  # the report does not say who hosted
    assert set(event["provenance"]) >= {"title", "date", "venue", "co_sponsors"}


def test_ipi_style_sessions_from_headings_and_cues() -> None:
    d = extract(report("ipi_style")).dataset
    sessions = {s["id"]: s for s in d["sessions"]}
    assert list(sessions) == ["opening", "session-1", "keynote", "session-2", "closing"]
    assert sessions["session-1"]["title"] == "Water scarcity and local conflict"
    assert sessions["session-1"]["paper"] == {
        "title": "Wells and wars: water and local conflict in the Sahel",
        "author": "tomas-ferreira-lund",
        "note": "Title as printed in paragraph 6.",
    }
    assert sessions["session-2"]["moderators"] == ["karin-holm"]
    parts = {p["name"]: p["parts"] for p in d["speakers"]}
    assert parts["Rafael Ortiz"] == [{"session": "keynote", "part": "keynote"}]
    assert parts["Peter Okoye"] == [{"session": "closing", "part": "remarks"}]
    assert parts["Helena Brandt"] == [{"session": "opening", "part": "remarks"}]
    by_speaker = {s["speaker"]: s["session"] for s in d["statements"]}
    assert by_speaker["tomas-ferreira-lund"] == "session-1"
    assert by_speaker["karin-holm"] == "session-2"


def test_no_structure_means_one_session_and_no_date() -> None:
    d = extract(report("flat_style")).dataset
    assert [s["id"] for s in d["sessions"]] == ["main"]
    assert {s["session"] for s in d["statements"]} == {"main"}
    assert "date" not in d["event"]
    assert any("no date" in n for n in d["notes"])


def test_a_date_without_a_year_is_left_out_with_a_note() -> None:
    d = extract("Talks were held on May 3rd.\n\nJo Kim said the talks went well.").dataset
    assert "date" not in d["event"]
    assert any("May 3rd" in n and "without a year" in n for n in d["notes"])


def test_headings_standing_alone_open_their_sessions() -> None:
    text = (
        "Cities and Heat\n\n"
        "## Panel 1: Shade and streets\n\n"
        "Ola Berg, an urban planner, said trees cut street heat.\n\n"
        "**Panel 2: Paying for cooling**\n\n"
        "Ken Ito, a city treasurer, said bonds could pay for it."
    )
    d = extract(text).dataset
    sessions = {s["id"]: s["title"] for s in d["sessions"]}
    assert sessions == {"session-1": "Shade and streets", "session-2": "Paying for cooling"}
    by_speaker = {s["speaker"]: s["session"] for s in d["statements"]}
    assert by_speaker == {"ola-berg": "session-1", "ken-ito": "session-2"}
