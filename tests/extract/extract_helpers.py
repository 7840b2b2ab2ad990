"""Shared helpers for the extractor's tests (this folder has no __init__.py; pytest
puts it on sys.path). The mini-reports in reports/ were written for these tests in the
styles of the genre (IPI event summary, UN meetings coverage, wire, think-tank notes,
no structure); none is taken from a real report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from poc_cli.extract import Extraction, extract_text
from poc_cli.schema import validate

REPORTS = Path(__file__).resolve().parent / "reports"
REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_3fc810082392c045.txt"
CURATED = REPO / "data" / "seminar.json"


def report(name: str) -> str:
    return (REPORTS / f"{name}.txt").read_text(encoding="utf-8")


def extract(text: str, name: str = "test-report") -> Extraction:
    return extract_text(text, name=name)


def speaker_of(dataset: dict[str, Any], text: str, kind: str = "quote") -> str:
    """The name of the speaker of the one statement of ``kind`` with this text."""
    hits = [s for s in dataset["statements"] if s["kind"] == kind and s["text"] == text]
    assert len(hits) == 1, f"{len(hits)} {kind}s with text {text!r}"
    people = {p["id"]: p["name"] for p in dataset["speakers"]}
    return people[hits[0]["speaker"]]


def statement(dataset: dict[str, Any], text: str, kind: str = "quote") -> dict[str, Any]:
    hits = [s for s in dataset["statements"] if s["kind"] == kind and s["text"] == text]
    assert len(hits) == 1, f"{len(hits)} {kind}s with text {text!r}"
    return hits[0]


def quote_texts(dataset: dict[str, Any]) -> list[str]:
    return [s["text"] for s in dataset["statements"] if s["kind"] == "quote"]


def names(dataset: dict[str, Any]) -> list[str]:
    return [p["name"] for p in dataset["speakers"]]


def problems(dataset: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate(dataset)]
