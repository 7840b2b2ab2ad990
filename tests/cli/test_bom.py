"""``--bom``: CSV that Excel reads as UTF-8 (a byte-order mark first); alone it means
``--format csv``; with any other format it is refused (exit 2)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

POC = Path(sys.executable).parent / "poc"
BOM = "\ufeff"


@pytest.mark.parametrize(
    "args",
    [
        ("quotes", "--bom"),
        ("quotes", "--format", "csv", "--bom"),
        ("quotes", "-f", "csv", "--bom", "--speaker", "agnes"),
        ("search", "neutrality", "--bom"),
        ("speakers", "--bom"),
        ("sessions", "--bom"),
        ("stats", "--by", "kind", "--bom"),
    ],
    ids=" ".join,
)
def test_bom_starts_the_csv(poc: Any, args: tuple[str, ...]) -> None:
    result = poc(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(BOM)
    assert result.stdout.count(BOM) == 1
    without = [a for a in args if a != "--bom"]
    if "csv" not in without:
        without += ["--format", "csv"]
    assert result.stdout == BOM + poc(*without).stdout  # the same CSV, the mark aside


def test_bom_bytes_are_utf8_mark_through_a_real_pipe() -> None:
    done = subprocess.run([str(POC), "quotes", "--bom"], capture_output=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith(b"\xef\xbb\xbfid,event,")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert rows[0]["id"] == "ipi18-01"
    assert any(r["speaker"] == "Agnès Coutou" for r in rows)


def test_bom_in_a_file_and_in_an_empty_answer(poc: Any, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    assert poc("quotes", "--bom", "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,")
    empty = tmp_path / "none.csv"
    result = poc(
        "quotes",
        "--speaker",
        "agnes",
        "--kind",
        "quote",
        "--topic",
        "mali",
        "--bom",
        "-o",
        str(empty),
    )
    assert result.exit_code == 1
    assert empty.read_bytes().startswith(b"\xef\xbb\xbfid,event,")
    assert empty.read_text(encoding="utf-8-sig").count("\n") == 1  # the header alone


def test_without_bom_csv_has_no_mark(poc: Any) -> None:
    assert not poc("quotes", "--format", "csv").stdout.startswith(BOM)


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("--json",), "json"),
        (("--format", "json"), "json"),
        (("--format", "jsonl"), "jsonl"),
        (("--format", "markdown"), "markdown"),
        (("--format", "table"), "table"),
        (("-o", "{tmp}/quotes.json"), "json"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
def test_bom_with_another_format_is_refused(
    poc: Any, tmp_path: Path, args: tuple[str, ...], what: str
) -> None:
    result = poc("quotes", "--bom", *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: --bom is for CSV only (a UTF-8 mark that Excel needs), not for {what} output"
    )
    assert not (tmp_path / "quotes.json").exists()


def test_bom_is_documented_in_the_help(poc: Any) -> None:
    shown = " ".join(poc("quotes", "--help").stdout.replace("│", " ").split())
    assert "--bom" in shown and "byte-order mark" in shown and "CSV only" in shown
