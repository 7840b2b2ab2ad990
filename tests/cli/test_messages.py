"""Messages read the same in every command, and stay short whatever the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    "args",
    [
        ["quotes", "--event", "nope"],
        ["sessions", "--event", "nope"],
        ["speakers", "--event", "nope"],
        ["stats", "--event", "nope"],
        ["search", "neutrality", "--event", "nope"],
    ],
)
def test_an_unknown_event_reads_the_same_in_every_command(poc: Any, args: list[str]) -> None:
    result = poc(*args)
    assert result.exit_code == 2
    assert result.stderr == "error: no event 'nope'; valid events: ipi-2018-poc\n"


def test_a_list_of_choices_is_capped(poc: Any, tmp_path: Path, bundled_raw: Any) -> None:
    """Issue 14: a mistyped --event in a corpus of 2,000 events printed every id."""
    for n in range(25):
        raw = json.loads(json.dumps(bundled_raw))
        raw["event"]["id"] = f"event-{n:02d}"
        for statement in raw["statements"]:
            statement["id"] += f"-{n}"
            if statement.get("within"):
                statement["within"] += f"-{n}"
        (tmp_path / f"e{n:02d}.json").write_text(json.dumps(raw), encoding="utf-8")
    result = poc("--data", str(tmp_path), "quotes", "--event", "nope")
    assert result.exit_code == 2
    assert result.stderr.endswith("event-09 … and 15 more\n")


def test_thousands_of_problems_are_summed_up(poc: Any, tmp_path: Path, mini_raw: Any) -> None:
    for statement in mini_raw["statements"]:
        statement["speaker"] = "nobody"
    mini_raw["statements"] = [{**mini_raw["statements"][0], "id": f"s{n}"} for n in range(100)]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(mini_raw), encoding="utf-8")
    result = poc("--data", str(path), "quotes")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 22 and lines[-1] == "  … and 80 more (poc validate lists every one)"
    assert poc("validate", str(path)).stderr.count("unknown speaker 'nobody'") == 100


def test_validate_reads_a_dataset_from_stdin(poc: Any, bundled_raw: Any) -> None:
    """`-` for stdin where a path is read (issue 12): `cat x.json | poc validate -`."""
    ok = poc("validate", "-", input=json.dumps(bundled_raw))
    assert ok.exit_code == 0 and ok.stdout == "ok: 1 file(s) valid\n"
    bad = poc("validate", "-", input='{"schema_version": 1}')
    assert bad.exit_code == 2
    assert bad.stderr.startswith("<stdin>: event: missing required field\n")
    assert "poc-validate-" not in bad.stderr  # the temporary file is never named
