"""A curator's notes (how the data was taken from the report) are not what a reader of
``sessions S`` or ``speakers NAME`` came for: one line says there is one, ``--notes``
shows them in full, ``--json`` always has them, and ``show ID`` keeps a statement's."""

from __future__ import annotations

from typing import Any

import pytest

SESSION_NOTE = "Session title as printed in the report’s heading"


def test_session_in_depth_hides_the_curator_s_note(poc: Any) -> None:
    result = poc("sessions", "2")
    assert result.exit_code == 0
    assert SESSION_NOTE not in result.stdout
    assert "Note:" not in result.stdout
    assert "(a note from the curator on this session: add --notes)" in result.stdout.splitlines()


def test_notes_shows_them_in_full(poc: Any) -> None:
    result = poc("sessions", "2", "--notes")
    assert result.exit_code == 0
    assert f"Note: {SESSION_NOTE}" in result.stdout
    assert "add --notes" not in result.stdout


def test_a_person_s_notes_likewise(poc: Any) -> None:
    plain = poc("speakers", "sherman").stdout
    assert "(2 notes from the curator on this person: add --notes)" in plain
    assert "Honorific from paragraph 34" not in plain
    full = poc("speakers", "sherman", "--notes").stdout
    assert "Note: Honorific from paragraph 34" in full
    assert "Note: The report does not say which session he moderated" in full


@pytest.mark.parametrize("args", [("sessions", "2"), ("speakers", "sherman")])
def test_json_always_has_the_notes(poc: Any, args: tuple[str, ...]) -> None:
    import json

    record = json.loads(poc(*args, "--json").stdout)[0]
    assert record.get("note") or record.get("notes")


def test_no_note_no_line(poc: Any) -> None:
    assert "notes from the curator" not in poc("speakers", "coutou").stdout
    assert "note from the curator" not in poc("speakers", "coutou").stdout


def test_show_keeps_a_statement_s_note(poc: Any) -> None:
    out = poc("show", "ipi18-17b").stdout
    assert "Note: One of the three erroneous “myths” she listed" in out


def test_on_a_terminal_the_note_is_one_line() -> None:
    from rich.console import Console

    from poc_cli.output.rich_views import session_detail_extra

    record = {
        "title": "Keynote",
        "paper": None,
        "moderators": [],
        "note": "The report gives the keynote no title.",
        "recommendations": [],
        "people": [],
        "event": {"id": "e", "title": "E"},
    }
    for notes, expected in ((False, "add --notes"), (True, "Note: The report gives")):
        console = Console(width=60, record=True, color_system=None)
        for part in session_detail_extra([record], notes=notes):
            console.print(part)
        assert expected in console.export_text()
