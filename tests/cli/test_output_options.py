"""Output options every listing shares (issue 12, newcomer report D14)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("q.csv", lambda text: next(csv.reader([text.splitlines()[0]]))[0] == "id"),
        ("q.json", lambda text: json.loads(text)[0]["speaker"]["name"] == "Thierry Lion"),
        (
            "q.jsonl",
            lambda text: json.loads(text.splitlines()[0])["kind"] in ("quote", "paraphrase"),
        ),
        ("q.md", lambda text: text.startswith("| id |")),
        ("q.txt", lambda text: text.split()[:2] == ["ID", "Speaker"]),
    ],
)
def test_the_output_files_suffix_gives_its_format(
    poc: Any, tmp_path: Path, name: str, check: Any
) -> None:
    out = tmp_path / name
    result = poc("quotes", "--speaker", "lion", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert check(out.read_text(encoding="utf-8"))


def test_an_explicit_format_wins_over_the_suffix(poc: Any, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert poc("quotes", "--speaker", "lion", "-o", str(out), "--json").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))
