"""Structural checks of a generated corpus, independent of poc's own loader.

They keep the generator honest: the benchmark must time poc on valid data, not on
files that poc rejects early.  ``python benchmarks/check.py DIR`` prints every problem.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TOP_LEVEL = ("schema_version", "event", "source", "sessions", "speakers", "topics", "statements")
STATEMENT_KINDS = {"quote", "paraphrase"}
SESSION_KINDS = {"remarks", "panel", "keynote"}
PARTS = {"remarks", "speaker", "paper-author", "moderator", "keynote"}


def unique(ids: Iterable[str], where: str) -> list[str]:
    seen: set[str] = set()
    problems = []
    for i in ids:
        if i in seen:
            problems.append(f"{where}: duplicate id {i!r}")
        seen.add(i)
    return problems


def check_event(data: dict[str, Any], name: str = "") -> list[str]:
    """Every problem in one event file: missing fields, bad kinds, dangling references."""
    missing = [f"{name}: missing {key!r}" for key in TOP_LEVEL if key not in data]
    if missing:
        return missing
    problems: list[str] = []
    if data["schema_version"] != 1:
        problems.append(f"{name}: schema_version {data['schema_version']!r}")
    sessions = {s["id"]: s for s in data["sessions"]}
    speakers = {p["id"]: p for p in data["speakers"]}
    topics = {t["id"] for t in data["topics"]}
    paragraphs = len(data["source"]["paragraphs"])
    problems += unique((s["id"] for s in data["sessions"]), f"{name}: sessions")
    problems += unique((p["id"] for p in data["speakers"]), f"{name}: speakers")
    problems += unique((t["id"] for t in data["topics"]), f"{name}: topics")
    for i, s in enumerate(data["sessions"]):
        where = f"{name}: sessions[{i}]"
        if s["kind"] not in SESSION_KINDS:
            problems.append(f"{where}.kind {s['kind']!r}")
        if s.get("paper") and s["paper"]["author"] not in speakers:
            problems.append(f"{where}.paper.author {s['paper']['author']!r} unknown")
        problems += [
            f"{where}.moderators: {m!r} unknown" for m in s["moderators"] if m not in speakers
        ]
    for i, p in enumerate(data["speakers"]):
        for j, part in enumerate(p["parts"]):
            where = f"{name}: speakers[{i}].parts[{j}]"
            if part["session"] not in sessions:
                problems.append(f"{where}.session {part['session']!r} unknown")
            if part["part"] not in PARTS:
                problems.append(f"{where}.part {part['part']!r}")
    for i, s in enumerate(data["statements"]):
        problems += check_statement(
            s, f"{name}: statements[{i}]", sessions, speakers, topics, paragraphs
        )
    return problems


def check_statement(
    s: dict[str, Any],
    where: str,
    sessions: dict[str, Any],
    speakers: dict[str, Any],
    topics: set[str],
    paragraphs: int,
) -> list[str]:
    problems = []
    if s["speaker"] not in speakers:
        problems.append(f"{where}.speaker {s['speaker']!r} unknown")
    if s["session"] not in sessions:
        problems.append(f"{where}.session {s['session']!r} unknown")
    if s["kind"] not in STATEMENT_KINDS:
        problems.append(f"{where}.kind {s['kind']!r}")
    if not isinstance(s["text"], str) or not s["text"].strip():
        problems.append(f"{where}.text is empty")
    if not s["paragraphs"] or not all(1 <= p <= paragraphs for p in s["paragraphs"]):
        problems.append(f"{where}.paragraphs {s['paragraphs']!r} out of 1..{paragraphs}")
    problems += [f"{where}.topics: {t!r} unknown" for t in s["topics"] if t not in topics]
    if "items" in s and not all(isinstance(i, str) and i for i in s["items"]):
        problems.append(f"{where}.items must be non-empty strings")
    return problems


def check_corpus(folder: Path) -> list[str]:
    """Every problem in every ``*.json`` file of ``folder``, ids unique across files."""
    problems: list[str] = []
    statement_ids: set[str] = set()
    event_ids: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        problems += check_event(data, path.name)
        if data["event"]["id"] in event_ids:
            problems.append(f"{path.name}: event id {data['event']['id']!r} used twice")
        event_ids.add(data["event"]["id"])
        for s in data["statements"]:
            if s["id"] in statement_ids:
                problems.append(f"{path.name}: statement id {s['id']!r} used twice in the corpus")
            statement_ids.add(s["id"])
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python benchmarks/check.py DIR", file=sys.stderr)
        return 2
    problems = check_corpus(Path(args[0]))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
