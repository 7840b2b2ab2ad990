"""`poc show` and `poc cite` over a big folder load only the statement's own file.

Each test compares the fast path (the index names the file) with loading the whole
corpus, which is what poc did before and still does for small data: the output must
be the same, byte for byte, for statements in every part of the corpus.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from poc_cli.corpus import load as dataset
from poc_cli.corpus import one_statement as lookup
from poc_cli.index import Index

BUNDLED = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"

FILES = 70  # above lookup.INDEXED_LOOKUP_MIN_FILES, and above index.PARALLEL_MIN_FILES


def _copy_of_seminar(raw: dict[str, Any], number: int) -> dict[str, Any]:
    """The bundled seminar as event ``number``: its own ids, title, date, a role of its
    own and its number in every statement, so that a statement shown from the wrong
    file would show it."""
    event = copy.deepcopy(raw)
    event["event"]["id"] = f"seminar-{number:03d}"
    event["event"]["title"] += f" (meeting {number})"
    event["event"]["date"] = f"2019-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    for statement in event["statements"]:
        statement["id"] = f"{statement['id']}-m{number:03d}"
        if "within" in statement:
            statement["within"] = f"{statement['within']}-m{number:03d}"
        statement["text"] += f" (meeting {number})"
    event["speakers"][4]["role"] += f", in meeting {number}"
    return event


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    raw = json.loads(BUNDLED.read_text(encoding="utf-8"))
    for number in range(1, FILES + 1):
        text = json.dumps(_copy_of_seminar(raw, number), ensure_ascii=False)
        (folder / f"meeting-{number:03d}.json").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _both_ways(poc: Any, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Any, Any]:
    """(through the index, loading everything) results of ``poc ARGS``."""
    fast = poc(*args)
    with monkeypatch.context() as patch:
        patch.setattr(lookup, "INDEXED_LOOKUP_MIN_FILES", 10**9)
        slow = poc(*args)
    return fast, slow


# First, last, and files on both sides of the two-process build's split.
IDS = ["ipi18-01-m001", "ipi18-21-m002", "ipi18-34-m035", "ipi18-47-m036", "ipi18-56-m070"]


@pytest.mark.parametrize("statement_id", IDS)
@pytest.mark.parametrize(
    "command",
    [["show"], ["show", "--json"], ["cite"], ["cite", "--paraphrase", "--style", "chicago"]],
    ids=" ".join,
)
def test_show_and_cite_say_the_same_through_the_index(
    poc: Any,
    archive: Path,
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    statement_id: str,
) -> None:
    fast, slow = _both_ways(poc, monkeypatch, "--data", str(archive), *command, statement_id)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert fast.exit_code in (0, 2)  # 2: cite refuses a paraphrase without --paraphrase
    if fast.exit_code == 0:
        assert f"(meeting {int(statement_id[-3:])})" in fast.stdout


def test_the_fast_path_reads_one_file(
    poc: Any, archive: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert poc("--data", str(archive), "search", "neutrality").exit_code == 0  # index built
    read: list[Path] = []
    load_dataset = dataset.load_dataset

    def spy(path: Path) -> Any:
        read.append(path)
        return load_dataset(path)

    monkeypatch.setattr(lookup, "load_dataset", spy)
    monkeypatch.setattr(dataset, "load_dataset", spy)  # what load_corpus calls
    result = poc("--data", str(archive), "cite", "ipi18-21-m040")
    assert result.exit_code == 0, result.stderr
    assert read == [archive / "meeting-040.json"]
    assert "meeting 40)" in result.stdout


@pytest.mark.parametrize(
    "typed", ["21", "IPI18-21-M040", "no-such-id", " ipi18-21-m040 "], ids=repr
)
def test_other_ways_of_naming_a_statement_answer_as_before(
    poc: Any, archive: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    fast, slow = _both_ways(poc, monkeypatch, "--data", str(archive), "show", typed, "--json")
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_a_wrong_file_from_the_index_falls_back_to_everything(
    poc: Any, archive: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Should the index ever name the wrong file, the statement is not in it: poc
    # loads the whole corpus rather than answer from that file.
    fast, slow = _both_ways(poc, monkeypatch, "--data", str(archive), "cite", "ipi18-21-m040")
    monkeypatch.setattr(Index, "file_number", lambda self, statement_id: 3)
    wrong = poc("--data", str(archive), "cite", "ipi18-21-m040")
    assert wrong.stdout == fast.stdout == slow.stdout
    assert "meeting 40)" in wrong.stdout


def _copy(archive: Path, folder: Path) -> Path:
    """A copy of the archive to change (the module's archive is shared)."""
    folder.mkdir()
    for path in archive.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_an_edited_file_is_seen_at_once(
    poc: Any, archive: Path, cache: Path, tmp_path: Path
) -> None:
    folder = _copy(archive, tmp_path / "edited")
    assert "Neutrality is not" in poc("--data", str(folder), "cite", "ipi18-21-m007").stdout
    target = folder / "meeting-007.json"
    raw = json.loads(target.read_text(encoding="utf-8"))
    moved = next(s for s in raw["statements"] if s["id"] == "ipi18-21-m007")
    moved["id"] = "renamed-21"
    target.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    gone = poc("--data", str(folder), "cite", "ipi18-21-m007")
    assert gone.exit_code == 1 and "no statement with id 'ipi18-21-m007'" in gone.stderr
    assert "Neutrality is not" in poc("--data", str(folder), "cite", "renamed-21").stdout


def test_a_bad_file_in_the_folder_is_still_reported(
    poc: Any, archive: Path, cache: Path, tmp_path: Path
) -> None:
    folder = _copy(archive, tmp_path / "broken")
    (folder / "meeting-050.json").write_text("{", encoding="utf-8")
    result = poc("--data", str(folder), "show", "ipi18-21-m007")
    assert result.exit_code == 2
    assert "meeting-050.json" in result.stderr


def test_without_a_working_index_show_and_cite_load_everything(
    poc: Any, archive: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index is only a short cut for show and cite: a cache that fails (a full
    # disk) must not turn "poc cite ID" into a traceback.
    import sqlite3

    def broken(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    expected = poc("--data", str(archive), "cite", "ipi18-21-m040")
    monkeypatch.setattr("poc_cli.index.open_index", broken)
    result = poc("--data", str(archive), "cite", "ipi18-21-m040")
    assert result.exit_code == 0
    assert result.stdout == expected.stdout
    assert "database or disk is full" in result.stderr
