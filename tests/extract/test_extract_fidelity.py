"""check_fidelity: the bundled dataset passes against its report; planted mismatches
are all found."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from extract_helpers import CURATED, SEED, extract, report

from poc_cli.extract import check_fidelity, split_paragraphs


@pytest.fixture(scope="module")
def bundled() -> tuple[dict[str, Any], list[str]]:
    if not SEED.is_file():
        pytest.skip(f"the seed report is not beside the checkout ({SEED})")
    return json.loads(CURATED.read_text(encoding="utf-8")), split_paragraphs(
        SEED.read_text(encoding="utf-8")
    )


def test_bundled_dataset_is_faithful(bundled: Any) -> None:
    raw, paragraphs = bundled
    assert check_fidelity(raw, paragraphs) == []


def _first(raw: dict[str, Any], kind: str) -> int:
    return next(i for i, s in enumerate(raw["statements"]) if s["kind"] == kind)


def test_planted_mismatches_are_all_listed(bundled: Any) -> None:
    raw, paragraphs = bundled
    bad = copy.deepcopy(raw)
    q = next(
        i for i, s in enumerate(bad["statements"]) if s["kind"] == "quote" and "UN" in s["text"]
    )
    p = _first(bad, "paraphrase")
    bad["statements"][q]["text"] = bad["statements"][q]["text"].replace("UN", "U.N.", 1)
    bad["statements"][p]["paragraphs"] = [1]
    quotes = [i for i, s in enumerate(bad["statements"]) if s["kind"] == "quote" and i != q]
    moved = quotes[1]
    bad["statements"][moved]["paragraphs"] = [bad["statements"][moved]["paragraphs"][0] + 1]
    bad["statements"][quotes[2]]["text"] = "opened the conversation"  # in the report, unquoted
    bad["source"]["paragraphs"][2] += " (edited)"
    found = {(pr.path, pr.message.split(":")[0]) for pr in check_fidelity(bad, paragraphs)}
    paths = {path for path, _ in found}
    assert f"statements[{q}].text" in paths
    assert f"statements[{p}].paragraphs" in paths
    assert f"statements[{moved}].paragraphs" in paths
    assert f"statements[{quotes[2]}].text" in paths
    assert "source.paragraphs[2]" in paths
    assert len(found) == 5
    messages = [str(pr) for pr in check_fidelity(bad, paragraphs)]
    assert any("not between quotation marks" in m for m in messages)


def test_an_extracted_draft_passes_and_a_broken_one_fails() -> None:
    text = report("un_style")
    paragraphs = split_paragraphs(text)
    draft = extract(text).dataset
    assert check_fidelity(draft, paragraphs) == []
    draft["statements"][0]["text"] += "!"
    assert [p.path for p in check_fidelity(draft, paragraphs)] == ["statements[0].text"]
