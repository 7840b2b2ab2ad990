"""The seed report against the curated data/seminar.json: every person with the right
role and sessions, every curated quote under the right speaker and session."""

from __future__ import annotations

import json
from typing import Any

import pytest
from extract_helpers import CURATED, SEED, problems

from poc_cli.extract import check_fidelity, extract_text, split_paragraphs
from poc_cli.extract.people import fold


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    if not SEED.is_file():
        pytest.skip(f"the seed report is not beside the checkout ({SEED})")
    text = SEED.read_text(encoding="utf-8")
    draft = extract_text(text, name=SEED.stem, file=SEED.name).dataset
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    return draft, curated, split_paragraphs(text)


def _by_name(dataset: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {fold(p["name"]): p for p in dataset["speakers"]}


def test_the_draft_validates_and_is_faithful(seed: Any) -> None:
    draft, _, paragraphs = seed
    assert problems(draft) == []
    assert check_fidelity(draft, paragraphs) == []
    assert draft["source"]["paragraphs"] == paragraphs


def test_all_eighteen_people_with_role_and_sessions(seed: Any) -> None:
    draft, curated, _ = seed
    mine, theirs = _by_name(draft), _by_name(curated)
    assert sorted(mine) == sorted(theirs)
    for key, person in theirs.items():
        assert mine[key]["role"] == person["role"], person["name"]
        assert {p["session"] for p in mine[key]["parts"]} == {
            p["session"] for p in person["parts"]
        }, person["name"]


def test_every_curated_quote_under_the_right_speaker_and_session(seed: Any) -> None:
    draft, curated, _ = seed
    ids = {p["id"]: fold(p["name"]) for p in draft["speakers"]}
    cur_ids = {p["id"]: fold(p["name"]) for p in curated["speakers"]}
    for q in (s for s in curated["statements"] if s["kind"] == "quote"):
        hits = [
            s
            for s in draft["statements"]
            if s["kind"] == "quote"
            and s["text"] == q["text"]
            and ids[s["speaker"]] == cur_ids[q["speaker"]]
            and s["session"] == q["session"]
        ]
        assert hits, q["id"]


def test_landour_gave_closing_remarks_and_said_nothing(seed: Any) -> None:
    draft, _, _ = seed
    landour = _by_name(draft)["olivier landour"]
    assert landour["parts"] == [{"session": "closing", "part": "remarks"}]
    assert not [s for s in draft["statements"] if s["speaker"] == landour["id"]]


def test_sessions_papers_and_moderators(seed: Any) -> None:
    draft, curated, _ = seed
    assert [s["id"] for s in draft["sessions"]] == [s["id"] for s in curated["sessions"]]
    mine = {s["id"]: s for s in draft["sessions"]}
    for s in curated["sessions"]:
        assert mine[s["id"]]["title"] == s["title"]
        assert mine[s["id"]]["kind"] == s["kind"]
        assert (mine[s["id"]]["paper"] or {}).get("title") == (s["paper"] or {}).get("title")
        assert len(mine[s["id"]]["moderators"]) == len(s["moderators"])


def test_the_year_is_not_invented(seed: Any) -> None:
    draft, _, _ = seed
    assert "date" not in draft["event"]
    assert any("October 26th" in n and "without a year" in n for n in draft["notes"])


def test_most_curated_paraphrases_are_found(seed: Any) -> None:
    draft, curated, _ = seed
    found = 0
    paras = [s for s in curated["statements"] if s["kind"] == "paraphrase"]
    for p in paras:
        first = p["text"].split("\n")[0]
        found += any(s["kind"] == "paraphrase" and first in s["text"] for s in draft["statements"])
    assert found >= len(paras) - 2


def test_statement_ids_and_every_statement_marked(seed: Any) -> None:
    draft, _, _ = seed
    ids = [s["id"] for s in draft["statements"]]
    assert ids == [f"{draft['event']['id']}-{i:03d}" for i in range(1, len(ids) + 1)]
    for s in draft["statements"]:
        assert s["attribution"] in ("name", "alias", "title", "pronoun", "context")
        if s["attribution"] in ("pronoun", "title", "context"):
            assert s["review"] is True and s["note"]
