"""In a corpus of several events, each block of a detailed view (a person's profile,
a session in depth) says which event it is from: the same person at four seminars
printed four blocks that read the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest


def _event_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("Event: ")]


@pytest.fixture(scope="module")
def eight_events(several_events: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight files: enough that listings and profiles are served from the index."""
    folder = tmp_path_factory.mktemp("eight") / "corpus"
    shutil.copytree(several_events, folder)
    for path in sorted(several_events.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        event = "x" + raw["event"]["id"]
        raw["event"]["id"] = event
        for statement in raw["statements"]:
            statement["id"] = "x" + statement["id"]
            if "within" in statement:
                statement["within"] = "x" + statement["within"]
        (folder / f"{event}.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    return folder


def test_a_profile_at_several_events_says_each_block_s_event(
    poc: Any, several_events: Path
) -> None:
    result = poc("--data", str(several_events), "speakers", "agnes")
    assert result.exit_code == 0, result.stderr
    assert _event_lines(result.stdout) == [f"Event: Seminar {n} (ev00{n})" for n in range(4)]
    lines = result.stdout.splitlines()
    for n in range(4):  # each right under the person's heading
        at = lines.index(f"Event: Seminar {n} (ev00{n})")
        assert lines[at - 1] == "Agnès Coutou"
    # and the statements under it are that event's
    block = result.stdout.split("Event: Seminar 1 (ev001)")[1].split("Event: ")[0]
    assert "ev001-ipi18-21" in block and "ev000-" not in block


def test_a_session_at_several_events_says_each_block_s_event(
    poc: Any, several_events: Path
) -> None:
    result = poc("--data", str(several_events), "sessions", "keynote")
    assert result.exit_code == 0, result.stderr
    assert _event_lines(result.stdout) == [f"Event: Seminar {n} (ev00{n})" for n in range(4)]


def test_served_from_the_index_too(poc: Any, eight_events: Path) -> None:
    result = poc("--data", str(eight_events), "speakers", "agnes")
    assert result.exit_code == 0, result.stderr
    assert len(_event_lines(result.stdout)) == 8
    assert "Event: Seminar 0 (xev000)" in _event_lines(result.stdout)


def test_one_event_has_no_event_line(poc: Any) -> None:
    assert _event_lines(poc("speakers", "agnes").stdout) == []
    assert _event_lines(poc("sessions", "2").stdout) == []


def test_on_a_terminal_each_block_says_its_event() -> None:
    from rich.console import Console

    from poc_cli.output.rich_views import speaker_profile_extra

    record = {
        "honorific": None,
        "name": "Agnès Coutou",
        "role": "Adviser",
        "parts": [{"part": "speaker", "session": "session-1"}],
        "notes": [],
        "statement_list": [],
    }
    records = [{**record, "event": {"id": f"ev{n}", "title": f"Seminar {n}"}} for n in (1, 2)]
    console = Console(width=80, record=True, color_system=None)
    for part in speaker_profile_extra(records):
        console.print(part)
    out = console.export_text()
    assert _event_lines(out) == ["Event: Seminar 1 (ev1)", "Event: Seminar 2 (ev2)"]


@pytest.mark.parametrize(
    ("args", "note"),
    [(("speakers", "sherman"), "Note: Honorific"), (("sessions", "2"), "Note: Session title")],
)
def test_notes_over_a_big_folder(
    poc: Any, eight_events: Path, args: tuple[str, ...], note: str
) -> None:
    plain = poc("--data", str(eight_events), *args).stdout
    assert note not in plain and "add --notes" in plain
    full = poc("--data", str(eight_events), *args, "--notes").stdout
    assert full.count(note) == 8 and "add --notes" not in full
