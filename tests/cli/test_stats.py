"""`poc stats`: people counted as people, topics by label, organisations as one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _rows(poc: Any, *args: str) -> list[dict[str, Any]]:
    result = poc(*args, "stats", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_topics_show_their_labels(poc: Any) -> None:
    topics = [r for r in _rows(poc) if r["by"] == "topic"]
    assert {r["key"]: r["label"] for r in topics}["engagement-with-armed-groups"] == (
        "engagement with armed groups"
    )


def test_one_organisation_printed_two_ways_is_one_row(poc: Any) -> None:
    orgs = [r for r in _rows(poc) if r["by"] == "organisation"]
    labels = [r["label"] for r in orgs]
    assert "DPKO/DFS" not in labels
    assert (
        "UN Department of Peacekeeping Operations/Department of Field Support (DPKO/DFS)" in labels
    )
    assert all("counts once for each organisation" in r["note"] for r in orgs)


def test_the_organisation_count_says_how_it_adds_up(poc: Any) -> None:
    result = poc("stats", "--by", "organisation")
    assert "counts once for each organisation of its speaker" in result.stderr


def test_two_people_of_one_name_are_two_rows(poc: Any, tmp_path: Path, mini_raw: Any) -> None:
    other = json.loads(json.dumps(mini_raw))
    other["event"]["id"] = "other-event"
    first = other["speakers"][0]
    first_id = first["id"]
    first["id"] = first_id + "-2"  # another person, of the same name
    for statement in other["statements"]:
        statement["id"] += "-other"
        if statement["speaker"] == first_id:
            statement["speaker"] = first["id"]
        if statement.get("within"):
            statement["within"] += "-other"
    for session in other["sessions"]:
        session["moderators"] = [first["id"] if m == first_id else m for m in session["moderators"]]
        if session.get("paper") and session["paper"]["author"] == first_id:
            session["paper"]["author"] = first["id"]
    (tmp_path / "a.json").write_text(json.dumps(mini_raw), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(other), encoding="utf-8")
    speakers = [r for r in _rows(poc, "--data", str(tmp_path)) if r["by"] == "speaker"]
    named = [r for r in speakers if r["label"].startswith(first["name"])]
    assert len(named) == 2, speakers
    assert len({r["label"] for r in named}) == 2  # told apart


def test_csv_and_markdown_have_the_json_s_fields_in_snake_case(poc: Any) -> None:
    import csv
    import io

    result = poc("stats", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["by", "key", "label", "statements"]
    as_json = _rows(poc)
    assert [(r["by"], r["key"], r["label"], r["statements"]) for r in rows] == [
        (r["by"], r["key"], r["label"], str(r["statements"])) for r in as_json
    ]
    markdown = poc("stats", "--by", "kind", "--format", "markdown").stdout.splitlines()
    assert markdown[:2] == ["| by | key | label | statements |", "| --- | --- | --- | ---: |"]
