"""`poc extract` and `poc validate --source`: wiring, files, exit codes and messages.

The reports here are written for these tests (never copied from real ones)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPORT = """\
Building Trust in Peace Operations

Session 1: Listening to communities

A half-day workshop was held at the Institute on 3 March 2021 on community engagement.

Dr. Hana Okafor, Director of Field Research at the Lakeside Centre, opened the discussion by \
saying that missions learn most from the people they protect. “Trust is built one village at a \
time,” she said.

Colonel Marten Voss, Chief of Staff of the mission, said that patrols needed local guides. \
“Without them we are blind,” he added.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_report_to_stdout_is_a_valid_draft_whose_quotes_are_verbatim(
    poc: Any, tmp_path: Path
) -> None:
    report = _write(tmp_path, "trust-2021.txt", REPORT)
    result = poc("extract", str(report))
    assert result.exit_code == 0, result.stderr
    draft = json.loads(result.stdout)
    assert draft["event"]["id"] == "trust-2021"
    names = {p["name"] for p in draft["speakers"]}
    assert {"Hana Okafor", "Marten Voss"} <= names
    quotes = [s for s in draft["statements"] if s["kind"] == "quote"]
    assert {q["text"] for q in quotes} >= {
        "Trust is built one village at a time,",
        "Without them we are blind,",
    }
    for statement in draft["statements"]:
        paragraph = draft["source"]["paragraphs"][statement["paragraphs"][0] - 1]
        assert statement["text"] in paragraph
    (tmp_path / "draft.json").write_text(result.stdout, encoding="utf-8")
    checked = poc("validate", str(tmp_path / "draft.json"), "--source", str(report))
    assert checked.exit_code == 0, checked.stderr


def test_the_same_report_gives_the_same_bytes(poc: Any, tmp_path: Path) -> None:
    report = _write(tmp_path, "trust.txt", REPORT)
    assert poc("extract", str(report)).stdout == poc("extract", str(report)).stdout


def test_o_file_is_not_clobbered_without_force(poc: Any, tmp_path: Path) -> None:
    report = _write(tmp_path, "trust.txt", REPORT)
    out = tmp_path / "draft.json"
    out.write_text("keep me", encoding="utf-8")
    refused = poc("extract", str(report), "-o", str(out))
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = poc("extract", str(report), "-o", str(out), "--force")
    assert forced.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["statements"]


def test_many_reports_into_a_folder_skip_the_unreadable_and_exit_2(
    poc: Any, tmp_path: Path
) -> None:
    good = _write(tmp_path, "good.md", REPORT)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(REPORT.replace("Okafor", "Okaf\u00f6r").encode("latin-1", "replace"))
    result = poc(
        "extract",
        str(good),
        str(latin1),
        str(tmp_path / "missing.txt"),
        "-o",
        str(tmp_path / "drafts") + "/",
    )
    assert result.exit_code == 2
    assert (tmp_path / "drafts" / "good.json").is_file()
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == ["good.json"]
    assert "latin1.txt" in result.stderr and "UTF-8" in result.stderr
    assert "missing.txt" in result.stderr
    assert "Report" in result.stderr and "To review" in result.stderr  # the summary table
    assert result.stdout == ""


def test_several_reports_need_a_folder(poc: Any, tmp_path: Path) -> None:
    a, b = _write(tmp_path, "a.txt", REPORT), _write(tmp_path, "b.txt", REPORT)
    result = poc("extract", str(a), str(b))
    assert result.exit_code == 2 and "-o DIR/" in result.stderr


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "A report about the weather, with nobody in it.\n\nIt rained.\n"]
)
def test_a_report_with_no_statements_writes_nothing_and_exits_1(
    poc: Any, tmp_path: Path, text: str
) -> None:
    report = _write(tmp_path, "empty.txt", text)
    out = tmp_path / "draft.json"
    result = poc("extract", str(report), "-o", str(out))
    assert result.exit_code in (1, 2)  # 2: an empty file cannot be read at all
    assert not out.exists()
    assert ("no statements found" in result.stderr) or ("empty" in result.stderr)


def test_binary_input_is_a_clean_error(poc: Any, tmp_path: Path) -> None:
    report = tmp_path / "blob.bin"
    report.write_bytes(bytes(range(256)) * 10)
    result = poc("extract", str(report))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_validate_source_lists_a_changed_quote(poc: Any, tmp_path: Path) -> None:
    report = _write(tmp_path, "trust.txt", REPORT)
    draft = json.loads(poc("extract", str(report)).stdout)
    quote = next(s for s in draft["statements"] if s["kind"] == "quote")
    quote["text"] = quote["text"].replace("village", "town")
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    result = poc("validate", str(path), "--source", str(report))
    assert result.exit_code == 2
    assert ".text: the quote is not in the report" in result.stderr
    assert f"(statement {quote['id']})" in result.stderr


def test_validate_counts_statements_awaiting_review(poc: Any, tmp_path: Path) -> None:
    report = _write(tmp_path, "trust.txt", REPORT)
    draft = json.loads(poc("extract", str(report)).stdout)
    for statement in draft["statements"]:
        statement.pop("review", None)
    draft["statements"][0]["review"] = True
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    result = poc("validate", str(path))
    assert result.exit_code == 0
    assert "1 statement still await review" in result.stderr.replace("statements", "statement")


def test_the_bundled_dataset_is_faithful_to_the_seed_report(poc: Any, seed_report: Path) -> None:
    result = poc("validate", "--source", str(seed_report))
    assert result.exit_code == 0, result.stderr


def test_two_reports_of_one_name_never_overwrite_each_other(poc: Any, tmp_path: Path) -> None:
    # a/report.txt and b/report.txt would both be drafts/report.json: the first is
    # written, the second refused with the reason (with --force too), exit 2
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = _write(tmp_path / "a", "report.txt", REPORT)
    b = _write(tmp_path / "b", "report.txt", REPORT.replace("Hana Okafor", "Hana Okoro"))
    out = tmp_path / "drafts"
    result = poc("extract", str(a), str(b), "-o", f"{out}/", "--force")
    assert result.exit_code == 2
    assert "already written in this run from" in result.stderr
    assert [p.name for p in out.iterdir()] == ["report.json"]
    assert "Hana Okafor" in (out / "report.json").read_text(encoding="utf-8")


def test_a_draft_file_is_json(poc: Any, tmp_path: Path) -> None:
    report = _write(tmp_path, "r.txt", REPORT)
    result = poc("extract", str(report), "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and "name the file .json" in result.stderr
    assert not (tmp_path / "r.csv").exists()


def test_stdin_without_a_name_says_where_the_ids_come_from(poc: Any) -> None:
    result = poc("extract", "-", input=REPORT)
    assert result.exit_code == 0
    assert "give --name NAME" in result.stderr
    assert json.loads(result.stdout)["statements"][0]["id"].startswith("stdin-")


def test_a_speaker_with_no_role_and_a_draft_with_no_date_read_cleanly(
    poc: Any, tmp_path: Path
) -> None:
    # a draft may know no role and no year: no ", ." or "(speaker) —" or ", None"
    report = _write(
        tmp_path,
        "r.txt",
        "Roundtable on Mediation\n\nMaria Lopez said that “patience is the only asset.”\n",
    )
    folder = tmp_path / "d"
    assert poc("extract", str(report), "-o", f"{folder}/").exit_code == 0
    sid = json.loads((folder / "r.json").read_text(encoding="utf-8"))["statements"][0]["id"]
    plain = poc("--data", str(folder), "cite", sid, "--style", "plain").stdout
    assert "— Maria Lopez. " in plain and ", ." not in plain
    markdown = poc("--data", str(folder), "cite", sid, "--style", "markdown").stdout
    assert "— **Maria Lopez**. " in markdown
    shown = poc("--data", str(folder), "show", sid).stdout
    assert "Maria Lopez," not in shown and "None" not in shown
    session = poc("--data", str(folder), "sessions", "main").stdout
    assert "Maria Lopez (speaker)\n" in session


def test_citing_a_statement_that_awaits_review_says_so_on_stderr(
    poc: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "d"
    assert poc("extract", str(_write(tmp_path, "r.txt", REPORT)), "-o", f"{folder}/").exit_code == 0
    draft = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    flagged = next(s["id"] for s in draft["statements"] if s.get("review"))
    sure = next(s["id"] for s in draft["statements"] if not s.get("review"))
    result = poc("--data", str(folder), "cite", flagged, "--paraphrase")
    assert result.exit_code == 0 and f"note: {flagged} awaits review" in result.stderr
    assert "awaits review" not in result.stdout
    assert "awaits review" not in poc("--data", str(folder), "cite", sure, "--paraphrase").stderr


def test_validate_against_the_wrong_report_says_so_once(poc: Any, tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    assert poc("extract", str(_write(tmp_path, "r.txt", REPORT)), "-o", str(draft)).exit_code == 0
    other = _write(
        tmp_path,
        "other.txt",
        "Another Meeting\n\nSomeone else entirely.\n\nAnd more.\n\nAnd more again.\n",
    )
    result = poc("validate", str(draft), "--source", str(other))
    assert result.exit_code == 2
    assert "is this the report it was made from?" in result.stderr
    assert result.stderr.count("differs from the report's paragraph") == 0


def test_validate_review_lists_the_flagged_statements(poc: Any, tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    assert poc("extract", str(_write(tmp_path, "r.txt", REPORT)), "-o", str(draft)).exit_code == 0
    data = json.loads(draft.read_text(encoding="utf-8"))
    flagged = [s for s in data["statements"] if s.get("review")]
    result = poc("validate", str(draft), "--review")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
    assert [r[0] for r in rows] == [s["id"] for s in flagged]
    pairs = zip(rows, flagged, strict=True)
    assert all(r[2] == s["attribution"] and r[4] == s["text"] for r, s in pairs)
    assert "\t" not in poc("validate", str(draft)).stdout
