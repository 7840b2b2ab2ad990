"""Every way a dataset can be wrong, through the core (load_corpus, check_paths) and the CLI.

Each broken dataset is a known-good fixture (tests/fixtures/mini.json, or a copy of the
bundled data where the field path needs more records) with one thing broken, so the
expected message can be stated exactly.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from poc_cli.corpus import (
    bundled_dataset_path,
    check_paths,
    dataset_paths,
    load_corpus,
    sources,
)
from poc_cli.errors import DataError
from poc_cli.schema import MAX_FILE_BYTES, dataset_to_dict

BUNDLED = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"
MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.json"

Raw = dict[str, Any]


@dataclass(frozen=True)
class Case:
    """A broken dataset: how to make it in a folder, and what the message must say."""

    make: Callable[[Path], Path]
    expected: tuple[str, ...]  # fragments of the message, "{path}" stands for the file


def _mini() -> Raw:
    return json.loads(MINI.read_text(encoding="utf-8"))


def _bundled() -> Raw:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


def _write(folder: Path, raw: Any, name: str = "bad.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def _edited(edit: Callable[[Raw], object], base: Callable[[], Raw] = _mini) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        raw = base()
        edit(raw)
        return _write(folder, raw)

    return make


def _bytes(content: bytes, name: str = "bad.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def _missing(folder: Path) -> Path:
    return folder / "nowhere.json"


def _empty_folder(folder: Path) -> Path:
    target = folder / "empty"
    target.mkdir()
    (target / "notes.txt").write_text("not a dataset", encoding="utf-8")
    return target


def _delete(record: dict[str, Any], key: str) -> None:
    del record[key]


CASES: dict[str, Case] = {
    "missing file": Case(_missing, ("{path}", "no such file")),
    "folder without json": Case(_empty_folder, ("{path}", "no *.json")),
    "empty file": Case(_bytes(b""), ("{path}", "empty")),
    "blank file": Case(_bytes(b"  \n\n "), ("{path}", "empty")),
    "json syntax error": Case(
        _bytes(b'{\n  "schema_version": 1,\n  "event": ,\n}'),
        ("{path}:3:12", "invalid JSON", "Expecting value"),
    ),
    "truncated json": Case(_bytes(MINI.read_bytes()[:200]), ("{path}:", "invalid JSON")),
    "not utf-8": Case(_bytes(b"\xff\xfe{\x00}\x00"), ("{path}", "not UTF-8", "0xff")),
    "latin-1 text": Case(
        _bytes('{"schema_version": 1, "x": "Agnès"}'.encode("latin-1")),
        ("{path}", "not UTF-8", "0xe8", "line 1"),
    ),
    "top-level list": Case(
        _bytes(MINI.read_bytes().join([b"[", b"]"])),
        ("{path}", "top level must be an object, not a list"),
    ),
    "top-level string": Case(_bytes(b'"seminar"'), ("{path}", "top level must be an object, not a string")),
    "speaker as a number": Case(
        _edited(lambda r: r["statements"][12].__setitem__("speaker", 12), base=_bundled),
        ("{path}", "statements[12].speaker", "must be a string, not an integer"),
    ),
    "paragraph as a boolean": Case(
        _edited(lambda r: r["statements"][0].__setitem__("paragraphs", [True])),
        ("statements[0].paragraphs[0]", "must be an integer, not a boolean"),
    ),
    "statements not a list": Case(
        _edited(lambda r: r.__setitem__("statements", {})),
        ("{path}", "statements", "must be a list, not an object"),
    ),
    "missing required field": Case(
        _edited(lambda r: _delete(r["statements"][0], "text")),
        ("{path}", "statements[0].text", "missing required field"),
    ),
    "missing event": Case(_edited(lambda r: _delete(r, "event")), ("event", "missing required field")),
    "empty name": Case(
        _edited(lambda r: r["speakers"][1].__setitem__("name", "  ")),
        ("speakers[1].name", "must not be empty"),
    ),
    "unknown speaker": Case(
        _edited(lambda r: r["statements"][1].__setitem__("speaker", "nobody")),
        ("{path}", "statements[1].speaker", "unknown speaker 'nobody'"),
    ),
    "unknown session": Case(
        _edited(lambda r: r["statements"][0].__setitem__("session", "nowhere")),
        ("statements[0].session", "unknown session 'nowhere'"),
    ),
    "unknown topic": Case(
        _edited(lambda r: r["statements"][2].__setitem__("topics", ["testing", "astrology"])),
        ("statements[2].topics[1]", "unknown topic 'astrology'"),
    ),
    "unknown moderator": Case(
        _edited(lambda r: r["sessions"][1].__setitem__("moderators", ["ghost"])),
        ("sessions[1].moderators[0]", "unknown speaker 'ghost'"),
    ),
    "unknown part session": Case(
        _edited(lambda r: r["speakers"][0]["parts"][0].__setitem__("session", "lunch")),
        ("speakers[0].parts[0].session", "unknown session 'lunch'"),
    ),
    "unknown kind": Case(
        _edited(lambda r: r["statements"][0].__setitem__("kind", "rumour")),
        ("statements[0].kind", "'rumour'", "quote, paraphrase"),
    ),
    "duplicate statement id": Case(
        _edited(lambda r: r["statements"][2].__setitem__("id", "mini-01")),
        ("statements[2].id", "duplicate statement id 'mini-01'", "statements[0]"),
    ),
    "duplicate speaker id": Case(
        _edited(lambda r: r["speakers"][1].__setitem__("id", "ann-example")),
        ("speakers[1].id", "duplicate speaker id 'ann-example'"),
    ),
    "duplicate session id": Case(
        _edited(lambda r: r["sessions"][1].__setitem__("id", "opening")),
        ("sessions[1].id", "duplicate session id 'opening'"),
    ),
    "duplicate topic id": Case(
        _edited(lambda r: r["topics"].append({"id": "testing", "label": "again"})),
        ("topics[1].id", "duplicate topic id 'testing'"),
    ),
    "paragraph out of range": Case(
        _edited(lambda r: r["statements"][1].__setitem__("paragraphs", [2, 9])),
        ("statements[1].paragraphs[1]", "paragraph 9 is out of range", "source has 3"),
    ),
    "paragraph zero": Case(
        _edited(lambda r: r["statements"][0].__setitem__("paragraphs", [0])),
        ("statements[0].paragraphs[0]", "paragraph 0 is out of range"),
    ),
    "no paragraphs": Case(
        _edited(lambda r: r["statements"][0].__setitem__("paragraphs", [])),
        ("statements[0].paragraphs", "at least one paragraph"),
    ),
    "schema_version wrong": Case(
        _edited(lambda r: r.__setitem__("schema_version", 2)),
        ("{path}", "schema_version", "is 2", "schema_version 1"),
    ),
    "schema_version a string": Case(
        _edited(lambda r: r.__setitem__("schema_version", "1")),
        ("schema_version", "must be an integer, not a string"),
    ),
}


def _expected(case: Case, path: Path) -> list[str]:
    return [fragment.replace("{path}", str(path)) for fragment in case.expected]


def _no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output
        assert "Error:" not in output.replace("error:", "")  # no bare exception reprs


@pytest.mark.parametrize("name", list(CASES))
def test_load_corpus_raises_a_precise_data_error(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    path = case.make(tmp_path)
    with pytest.raises(DataError) as caught:
        load_corpus(path)
    message = "\n".join([caught.value.message, *caught.value.details])
    for fragment in _expected(case, path):
        assert fragment in message


@pytest.mark.parametrize("name", list(CASES))
def test_check_paths_reports_the_problem(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    path = case.make(tmp_path)
    try:
        _, problems = check_paths(path)
    except DataError as error:  # the path itself is unusable: no file to check
        problems = [error.message]
    assert problems
    joined = "\n".join(problems)
    for fragment in _expected(case, path):
        assert fragment in joined


@pytest.mark.parametrize("name", list(CASES))
def test_cli_reports_the_problem_on_stderr_with_exit_2(tmp_path: Path, poc: Any, name: str) -> None:
    case = CASES[name]
    path = case.make(tmp_path)
    result = poc("--data", str(path), "sessions")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    for fragment in _expected(case, path):
        assert fragment in result.stderr
    _no_traceback(result.stdout, result.stderr)


@pytest.mark.parametrize("name", list(CASES))
def test_poc_validate_reports_the_problem_with_exit_2(tmp_path: Path, poc: Any, name: str) -> None:
    case = CASES[name]
    path = case.make(tmp_path)
    result = poc("validate", str(path))
    assert result.exit_code == 2
    assert "ok" not in result.stdout
    for fragment in _expected(case, path):
        assert fragment in result.stderr
    _no_traceback(result.stdout, result.stderr)


# ----------------------------------------------------------------- the size cap


@pytest.fixture
def huge_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: costs no disk
    assert path.stat().st_size > MAX_FILE_BYTES
    return path


def test_a_file_over_the_size_cap_fails_fast_without_being_read(
    huge_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    started = time.perf_counter()
    with pytest.raises(DataError) as caught:
        load_corpus(huge_file)
    assert time.perf_counter() - started < 1.0
    assert str(huge_file) in caught.value.message
    assert "62.9 MB" in caught.value.message and "at most 50 MiB" in caught.value.message


def test_cli_refuses_a_file_over_the_size_cap(huge_file: Path, poc: Any) -> None:
    started = time.perf_counter()
    result = poc("--data", str(huge_file), "quotes")
    assert time.perf_counter() - started < 2.0
    assert result.exit_code == 2
    assert "MB" in result.stderr and "at most" in result.stderr
    _no_traceback(result.stderr)
    result = poc("validate", str(huge_file))
    assert result.exit_code == 2 and "at most" in result.stderr


# ---------------------------------------------------------- validate lists all


def _three_problems(mini_raw: Raw) -> Raw:
    mini_raw["statements"][0]["speaker"] = "nobody"
    mini_raw["statements"][1]["paragraphs"] = [7]
    mini_raw["schema_version"] = 3
    return mini_raw


def test_check_paths_lists_every_problem(write_json: Any, mini_raw: Raw) -> None:
    path = write_json(_three_problems(mini_raw))
    files, problems = check_paths(path)
    assert files == [path]
    assert len(problems) == 3
    assert all(p.startswith(f"{path}: ") for p in problems)
    assert sorted(p.split(": ")[1] for p in problems) == [
        "schema_version",
        "statements[0].speaker",
        "statements[1].paragraphs[0]",
    ]


def test_poc_validate_lists_every_problem(write_json: Any, mini_raw: Raw, poc: Any) -> None:
    path = write_json(_three_problems(mini_raw))
    result = poc("validate", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any("statements[0].speaker: unknown speaker 'nobody'" in line for line in lines)
    assert any("statements[1].paragraphs[0]: paragraph 7 is out of range" in line for line in lines)
    assert any("schema_version: is 3" in line for line in lines)
    assert len([line for line in lines if line.startswith(str(path))]) == 3
    assert "3 problems in 1 file(s)" in result.stderr
    assert result.stdout == ""


def test_other_commands_name_the_first_problem_and_list_the_rest(
    write_json: Any, mini_raw: Raw, poc: Any
) -> None:
    path = write_json(_three_problems(mini_raw))
    result = poc("--data", str(path), "quotes")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"error: {path}: ") and first.endswith("(and 2 more problems)")
    assert result.stderr.count(str(path)) == 4  # the summary line and the three details


def test_poc_validate_accepts_the_bundled_data(poc: Any) -> None:
    result = poc("validate")
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok: 1 file(s) valid"
    assert result.stderr == ""
    result = poc("validate", str(BUNDLED))
    assert result.exit_code == 0 and result.stdout.startswith("ok")


def test_poc_validate_accepts_the_fixture_and_a_byte_order_mark(tmp_path: Path, poc: Any) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    result = poc("validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert load_corpus(path).datasets[0].event.id == "mini-2020"


def test_poc_validate_uses_the_global_data_option(poc: Any, write_json: Any, mini_raw: Raw) -> None:
    path = write_json(_three_problems(mini_raw))
    result = poc("--data", str(path), "validate")
    assert result.exit_code == 2 and "3 problems" in result.stderr


# --------------------------------------------------------------- folders (corpus)


def _second_event(raw: Raw) -> Raw:
    other = copy.deepcopy(raw)
    other["event"]["id"] = "mini-2021"
    for statement in other["statements"]:
        statement["id"] = statement["id"].replace("mini-", "mini21-")
    return other


def test_a_folder_loads_every_dataset_as_one_corpus(tmp_path: Path, mini_raw: Raw) -> None:
    _write(tmp_path, mini_raw, "a.json")
    _write(tmp_path, _second_event(mini_raw), "b.json")
    (tmp_path / ".hidden.json").write_text("not json", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not json", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [e.id for e in corpus.events] == ["mini-2020", "mini-2021"]
    assert len(corpus.statements) == 6
    assert dataset_paths(tmp_path) == [tmp_path / "a.json", tmp_path / "b.json"]


def test_a_duplicate_statement_id_across_files_names_both_files(
    tmp_path: Path, mini_raw: Raw, poc: Any
) -> None:
    first = _write(tmp_path, mini_raw, "a.json")
    other = _second_event(mini_raw)
    other["statements"][1]["id"] = "mini-02"  # also in a.json
    second = _write(tmp_path, other, "b.json")
    with pytest.raises(DataError) as caught:
        load_corpus(tmp_path)
    assert str(first) in caught.value.message and str(second) in caught.value.message
    assert "duplicate statement id 'mini-02'" in caught.value.message
    _, problems = check_paths(tmp_path)
    assert len(problems) == 1 and str(first) in problems[0] and str(second) in problems[0]
    for args in (["--data", str(tmp_path), "quotes"], ["validate", str(tmp_path)]):
        result = poc(*args)
        assert result.exit_code == 2
        assert str(first) in result.stderr and str(second) in result.stderr
        _no_traceback(result.stdout, result.stderr)


def test_a_duplicate_event_id_across_files_names_both_files(
    tmp_path: Path, mini_raw: Raw
) -> None:
    first = _write(tmp_path, mini_raw, "a.json")
    other = _second_event(mini_raw)
    other["event"]["id"] = "mini-2020"
    second = _write(tmp_path, other, "b.json")
    with pytest.raises(DataError) as caught:
        load_corpus(tmp_path)
    assert "duplicate event id 'mini-2020'" in caught.value.message
    assert str(first) in caught.value.message and str(second) in caught.value.message


def test_one_bad_file_in_a_folder_is_named(tmp_path: Path, mini_raw: Raw, poc: Any) -> None:
    _write(tmp_path, mini_raw, "a.json")
    bad = tmp_path / "b.json"
    bad.write_text("{", encoding="utf-8")
    result = poc("--data", str(tmp_path), "sessions")
    assert result.exit_code == 2
    assert f"{bad}:1:2" in result.stderr
    assert "a.json" not in result.stderr
    result = poc("validate", str(tmp_path))
    assert result.exit_code == 2 and f"{bad}:1:2" in result.stderr


# ---------------------------------------------------------- choosing the data


def _ids(stdout: str) -> list[str]:
    return [record["id"] for record in json.loads(stdout)]


def test_data_option_selects_the_dataset(poc: Any) -> None:
    result = poc("--data", str(MINI), "quotes", "--json")
    assert result.exit_code == 0
    assert _ids(result.stdout) == ["mini-01", "mini-02", "mini-03"]


def test_poc_data_environment_variable_selects_the_dataset(poc: Any) -> None:
    result = poc("quotes", "--json", env={"POC_DATA": str(MINI)})
    assert result.exit_code == 0
    assert _ids(result.stdout) == ["mini-01", "mini-02", "mini-03"]


def test_data_option_wins_over_the_environment(poc: Any, tmp_path: Path) -> None:
    result = poc("--data", str(MINI), "sessions", "--json", env={"POC_DATA": str(tmp_path / "x.json")})
    assert result.exit_code == 0
    assert _ids(result.stdout) == ["opening", "panel"]


def test_a_bad_poc_data_is_reported_like_a_bad_option(poc: Any, tmp_path: Path) -> None:
    result = poc("sessions", env={"POC_DATA": str(tmp_path / "gone.json")})
    assert result.exit_code == 2
    assert f"{tmp_path / 'gone.json'}: no such file" in result.stderr


def test_core_reads_poc_data_and_falls_back_to_the_bundled_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POC_DATA", str(MINI))
    assert dataset_paths() == [MINI]
    assert load_corpus().events[0].id == "mini-2020"
    monkeypatch.setenv("POC_DATA", "")
    assert dataset_paths() == [bundled_dataset_path()]
    monkeypatch.delenv("POC_DATA")
    assert load_corpus().events[0].id == "ipi-2018-poc"


def test_a_data_path_with_a_tilde_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, poc: Any
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    shutil.copy(MINI, tmp_path / "mine.json")
    assert load_corpus("~/mine.json").events[0].id == "mini-2020"
    result = poc("--data", "~/mine.json", "sessions", "--json")
    assert result.exit_code == 0 and _ids(result.stdout) == ["opening", "panel"]


def test_a_missing_bundled_file_is_a_clear_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "_PACKAGE_DIR", tmp_path / "site-packages" / "poc_cli")
    with pytest.raises(DataError) as caught:
        bundled_dataset_path()
    assert "bundled dataset is missing" in caught.value.message
    assert "--data" in caught.value.message


def test_an_unreadable_file_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = shutil.copy(MINI, tmp_path / "locked.json")

    real_open = open

    def denied(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # Tests may run as root, where chmod 000 does not stop a read: simulate it.
    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(DataError) as caught:
        load_corpus(Path(path))
    assert caught.value.message == f"{path}: permission denied"


def test_the_loaded_bundled_data_round_trips(tmp_path: Path) -> None:
    corpus = load_corpus(BUNDLED)
    again = tmp_path / "again.json"
    again.write_text(
        json.dumps(dataset_to_dict(corpus.datasets[0]), ensure_ascii=False),
        encoding="utf-8",
    )
    reloaded = load_corpus(again).datasets[0]
    assert reloaded.statements == corpus.datasets[0].statements
    assert reloaded.speakers == corpus.datasets[0].speakers
    assert reloaded.sessions == corpus.datasets[0].sessions
    assert os.path.samefile(corpus.datasets[0].path, BUNDLED)
