"""`poc cite ID...`: several ids, exports read back by their parsers, -o like every command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def test_several_ids_give_one_reference_list(poc: Any) -> None:
    result = poc("cite", "ipi18-21", "ipi18-22", "--style", "apa")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("References") == 1
    assert result.stdout.count("(Coutou, as cited in") == 2


def test_an_export_is_read_back_by_its_parser(poc: Any) -> None:
    rispy = pytest.importorskip("rispy")
    result = poc("cite", "ipi18-21", "ipi18-22", "--format", "ris")
    assert result.exit_code == 0, result.stderr
    (entry,) = rispy.loads(result.stdout)
    assert entry["type_of_reference"] == "RPRT"
    notes = " ".join(entry.get("notes", []))
    assert "Neutrality is not an end in itself" in notes and "reduce the human cost" in notes


def test_csl_json_export_is_json(poc: Any) -> None:
    result = poc("cite", "ipi18-21", "--format", "csl-json")
    items = json.loads(result.stdout)
    assert items[0]["type"] == "report" and "Neutrality" in items[0]["abstract"]


def test_o_writes_a_file_and_refuses_to_clobber(poc: Any, tmp_path: Path) -> None:
    out = tmp_path / "q.bib"
    assert poc("cite", "ipi18-21", "--format", "bibtex", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("@techreport{")
    again = poc("cite", "ipi18-21", "--format", "bibtex", "-o", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_a_paraphrase_among_several_is_refused(poc: Any) -> None:
    result = poc("cite", "ipi18-21", "ipi18-20")
    assert result.exit_code == 2 and "ipi18-20 is a paraphrase" in result.stderr
    assert result.stdout == ""


def test_an_unknown_id_among_several_is_nothing_found(poc: Any) -> None:
    result = poc("cite", "ipi18-21", "nope")
    assert result.exit_code == 1 and "no statement with id 'nope'" in result.stderr


@pytest.mark.parametrize(
    ("name", "starts"),
    [("q.json", "["), ("q.bib", "@techreport{"), ("Q.RIS", "TY  - RPRT"), ("q.txt", "“")],
)
def test_o_suffix_gives_the_export_when_format_is_not_given(
    poc: Any, tmp_path: Path, name: str, starts: str
) -> None:
    # As -o picks the format of a listing, its suffix picks cite's export; --format
    # still says it outright, and any other suffix is the citation.
    out = tmp_path / name
    assert poc("cite", "ipi18-21", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith(starts), text[:80]
    if name == "q.json":
        assert json.loads(text)[0]["type"] == "report"
    given = tmp_path / "given.json"
    assert poc("cite", "ipi18-21", "--format", "ris", "-o", str(given)).exit_code == 0
    assert given.read_text(encoding="utf-8").startswith("TY  - RPRT")
