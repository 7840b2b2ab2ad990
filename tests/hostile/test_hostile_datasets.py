"""Bad datasets: every way a file can be wrong gives exit 2, one precise message on
stderr naming the file, no traceback, and never a hang.

File-level cases (encoding, syntax, size, nesting, file types) run through real
processes; schema-level cases (a wrong type or a missing field at every level,
unknown references, duplicate ids) run through the core validator and in-process CLI.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import (
    BUNDLED,
    assert_no_raw_controls,
    assert_no_traceback,
    bundled_raw,
    deep,
    run_poc,
)

from poc_cli.errors import DataError
from poc_cli.schema import read_json, validate

SEMINAR = BUNDLED.read_bytes()
SEMINAR_TEXT = SEMINAR.decode("utf-8")
# one line, default separators: the anchors _replace_once looks for are predictable
COMPACT = json.dumps(json.loads(SEMINAR_TEXT), ensure_ascii=False)


def _with(text: str) -> bytes:
    return text.encode("utf-8")


def _replace_once(old: str, new: str) -> bytes:
    assert old in COMPACT, old
    return _with(COMPACT.replace(old, new, 1))


def _append_key(text: str) -> bytes:
    # add a top-level member just before the final closing brace
    body = COMPACT.rstrip()
    assert body.endswith("}")
    return _with(body[:-1] + ",\n" + text + "\n}\n")


@dataclass
class FileCase:
    id: str
    content: bytes | None = None  # written as dataset.json; None: ``setup`` makes the path
    message: str = ""  # regex that stderr must match
    exit_code: int = 2
    setup: Callable[[Path], Path] | None = None
    own_process: bool = False  # run the real console script (size, recursion, hangs)
    max_seconds: float | None = None
    marks: list[Any] = field(default_factory=list)
    commands: tuple[str, ...] = ("quotes", "validate")


def _dir_with_json_folder(tmp: Path) -> Path:
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "dataset.json").mkdir()
    return tmp / "corpus"


def _empty_folder(tmp: Path) -> Path:
    (tmp / "nothing").mkdir()
    return tmp / "nothing"


def _symlink_loop(tmp: Path) -> Path:
    link = tmp / "loop.json"
    link.symlink_to(link)
    return link


def _dangling(tmp: Path) -> Path:
    link = tmp / "dangling.json"
    link.symlink_to(tmp / "gone.json")
    return link


def _missing(tmp: Path) -> Path:
    return tmp / "missing.json"


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "huge.json"
        with path.open("wb") as handle:
            handle.write(b"{")
            handle.truncate(size)  # sparse: no disk space, no write time
        return path

    return make


def _fifo(tmp: Path) -> Path:
    path = tmp / "fifo.json"
    os.mkfifo(path)
    return path


def _unreadable(tmp: Path) -> Path:
    path = tmp / "secret.json"
    path.write_bytes(SEMINAR)
    path.chmod(0)
    return path


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

FILE_CASES = [
    FileCase("empty", b"", r"file is empty"),
    FileCase("whitespace-only", b" \n\t \r\n  ", r"file is empty"),
    FileCase("truncated-half", SEMINAR[: len(SEMINAR) // 2], r":\d+:\d+: invalid JSON"),
    FileCase("truncated-one-brace", b"{", r":1:2: invalid JSON"),
    FileCase("truncated-in-string", b'{"schema_version": 1, "event": {"id": "ab', r"invalid JSON"),
    FileCase("trailing-garbage", SEMINAR + b"\n}garbage", r":\d+:\d+: invalid JSON: Extra data"),
    FileCase("two-documents", b"{}\n{}", r"invalid JSON: Extra data"),
    FileCase("comments", b"// a comment\n{}", r":1:1: invalid JSON"),
    FileCase("single-quotes", b"{'schema_version': 1}", r":1:2: invalid JSON"),
    FileCase("trailing-comma", b'{"schema_version": 1,}', r"invalid JSON"),
    FileCase("top-level-list", b"[]", r"top level must be an object, not a list"),
    FileCase("top-level-list-of-dataset", b"[" + SEMINAR + b"]", r"top level must be an object"),
    FileCase("top-level-string", b'"seminar"', r"top level must be an object, not a string"),
    FileCase("top-level-number", b"42", r"top level must be an object, not an integer"),
    FileCase("top-level-float", b"4.2e1", r"top level must be an object, not a number"),
    FileCase("top-level-null", b"null", r"top level must be an object, not null"),
    FileCase("top-level-true", b"true", r"top level must be an object, not a boolean"),
    FileCase("empty-object", b"{}", r"schema_version: missing required field"),
    FileCase("latin-1", SEMINAR_TEXT.encode("latin-1", errors="replace"), r"not UTF-8 text \(invalid byte 0x[0-9a-f]{2} at line \d+"),
    FileCase("utf-16-bom", SEMINAR_TEXT.encode("utf-16"), r"not UTF-8 text \(invalid byte 0xff at line 1, byte offset 0\)"),
    FileCase("utf-16-le-no-bom", SEMINAR_TEXT.encode("utf-16-le"), r"not UTF-8|invalid JSON"),
    FileCase("utf-32-bom", SEMINAR_TEXT.encode("utf-32"), r"not UTF-8"),
    FileCase("binary-garbage", random.Random(4).randbytes(4096), r"not UTF-8|invalid JSON"),
    FileCase("nul-bytes", b"\x00" * 64, r":1:1: invalid JSON"),
    FileCase("utf-8-bom-accepted", b"\xef\xbb\xbf" + SEMINAR, r"", exit_code=0),
    FileCase("folder-holding-a-json-folder", setup=_dir_with_json_folder, message=r"dataset\.json: is a folder"),
    FileCase("empty-folder", setup=_empty_folder, message=r"folder holds no \*\.json"),
    FileCase("missing", setup=_missing, message=r"missing\.json: no such file"),
    FileCase("dangling-symlink", setup=_dangling, message=r"dangling\.json: no such file"),
    FileCase("symlink-loop", setup=_symlink_loop, message=r"loop\.json: .*(loop|symbolic link)"),
    FileCase(
        "unreadable",
        setup=_unreadable,
        message=r"secret\.json: permission denied",
        marks=[pytest.mark.skipif(ROOT, reason="tests run as root: chmod 000 does not stop root reading")],
    ),
    FileCase("fifo", setup=_fifo, message=r"fifo\.json: .*(not a regular file|not a file)", own_process=True, max_seconds=2, commands=("quotes",)),
    FileCase("100-MB-sparse", setup=_sparse(100 * 1000 * 1000), message=r"huge\.json: file is 100\.0 MB", own_process=True, max_seconds=2.5),
    FileCase("just-over-limit", setup=_sparse(50 * 1024 * 1024 + 1), message=r"huge\.json: file is \d+\.\d MB; a dataset file may be at most", own_process=True, max_seconds=2.5),
    FileCase("deep-lists-100000", b"[" * 100_000 + b"]" * 100_000, r"nested too deeply", own_process=True),
    FileCase("deep-lists-unclosed", b"[" * 100_000, r"nested too deeply|invalid JSON", own_process=True),
    FileCase("deep-objects-100000", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, r"nested too deeply", own_process=True),
    FileCase("deep-inside-dataset", _append_key('"notes": ' + "[" * 100_000 + "]" * 100_000), r"nested too deeply", own_process=True),
    FileCase("deep-90-in-notes", _append_key('"notes": ' + "[" * 90 + "]" * 90), r"duplicate key 'notes'"),
    FileCase("deep-900-in-notes", _append_key('"notes": ' + "[" * 900 + "]" * 900), r"nested too deeply"),
    FileCase("huge-int-schema-version", _replace_once('"schema_version": 1', '"schema_version": 1' + "0" * 5000), r"schema_version", own_process=True),
    FileCase("huge-int-in-a-list", _replace_once('"paragraphs": [5]', '"paragraphs": [' + "9" * 5000 + "]"), r"statements\[0\]\.paragraphs\[0\]: a number of over 4,300 digits", own_process=True),
    FileCase("negative-int-of-4300-digits-is-a-number", _replace_once('"paragraphs": [5]', '"paragraphs": [-' + "9" * 4300 + "]"), r"statements\[0\]\.paragraphs\[0\]: paragraph -9+ is out of range"),
    FileCase("huge-int-400-digits", _replace_once('"paragraphs": [5]', '"paragraphs": [' + "9" * 400 + "]"), r"statements\[0\]\.paragraphs\[0\]: paragraph 9+ is out of range"),
    FileCase("huge-float-is-infinity", _replace_once('"schema_version": 1', '"schema_version": 1e400'), r"schema_version: must be an integer, not a number"),
    FileCase("negative-zero-version", _replace_once('"schema_version": 1', '"schema_version": -0.0'), r"schema_version: must be an integer, not a number"),
    FileCase("nan-schema-version", _replace_once('"schema_version": 1', '"schema_version": NaN'), r"NaN is not a JSON value"),
    FileCase("nan-paragraph", _replace_once('"paragraphs": [5]', '"paragraphs": [NaN]'), r"NaN is not a JSON value"),
    FileCase("nan-unchecked-key", _append_key('"extra": NaN'), r"NaN"),
    FileCase("infinity-in-provenance", _replace_once('"provenance": {', '"provenance": {"x": Infinity, '), r"Infinity"),
    FileCase("duplicate-top-level-key", _append_key('"schema_version": 1'), r"duplicate"),
    FileCase("duplicate-text-key", _replace_once('"kind": "paraphrase",', '"text": "smuggled", "kind": "paraphrase",'), r"duplicate"),
    FileCase("lone-surrogate-escape", _replace_once('"text": "opened', '"text": "\\ud800 opened'), r"statements\[0\]\.text"),
    FileCase("lone-surrogate-escape-upper-case", _replace_once('"text": "opened', '"text": "\\uDC00 opened'), r"statements\[0\]\.text"),
]


def _make_path(case: FileCase, tmp: Path) -> Path:
    if case.setup is not None:
        return case.setup(tmp)
    path = tmp / "dataset.json"
    path.write_bytes(case.content or b"")
    return path


def _check(case: FileCase, command: str, path: Path, code: int, stderr: str) -> None:
    assert_no_traceback(stderr)
    assert_no_raw_controls(stderr, "stderr")
    assert code == case.exit_code, f"exit {code}, stderr: {stderr[-1500:]}"
    if case.exit_code == 2:
        first = stderr.strip().splitlines()[0] if stderr.strip() else ""
        # validate lists one problem a line and then a count
        assert first.startswith("error: ") or (
            command == "validate" and re.search(r"\d+ problems? in \d+ file", stderr)
        ), stderr
        assert str(path) in stderr or path.name in stderr, f"message does not name the file: {stderr}"
        assert re.search(case.message, stderr), f"{case.message!r} not in {stderr!r}"
        assert len(stderr.strip().splitlines()) <= 60, "more than a few lines on stderr"


@pytest.fixture(scope="module")
def batch_results(runs, tmp_path_factory) -> dict[str, Any]:
    """Most file cases, for `quotes` and for `validate PATH`, in one pipe-attached process."""
    made: dict[str, Path] = {}
    commands = []
    for case in FILE_CASES:
        if any(m.name == "skipif" and m.args[0] for m in case.marks) or case.id == "fifo":
            continue
        tmp = tmp_path_factory.mktemp(case.id)
        path = _make_path(case, tmp)
        made[case.id] = path
        commands += [["--data", str(path), "quotes"], ["validate", str(path)]]
    runs.batch(commands, tmp_path_factory.mktemp("batch"))
    return made


@pytest.mark.parametrize(
    ("command", "case"),
    [
        pytest.param(command, case, id=f"{command}-{case.id}", marks=case.marks)
        for command in ("quotes", "validate")
        for case in FILE_CASES
        if command in case.commands
    ],
)
def test_bad_file(case: FileCase, command: str, runs, batch_results, tmp_path, env) -> None:
    if case.own_process and command == "quotes":
        path = _make_path(case, tmp_path)
        args = ["--data", str(path), "quotes"] if command == "quotes" else ["validate", str(path)]
        ran = run_poc(args, env=env, timeout=(case.max_seconds or 10) + 0.5)
        if case.max_seconds is not None:
            assert ran.seconds < case.max_seconds, f"took {ran.seconds:.2f}s"
    else:
        path = batch_results[case.id]
        args = ["--data", str(path), "quotes"] if command == "quotes" else ["validate", str(path)]
        ran = runs.get(args)
    if case.exit_code == 0 and command == "validate":
        assert "ok" in ran.stdout
    _check(case, command, path, ran.returncode, ran.stderr)


def test_read_json_turns_every_file_case_into_data_error(tmp_path: Path) -> None:
    """The core, directly: only DataError ever leaves read_json + validate."""
    for case in FILE_CASES:
        if case.own_process or case.marks:
            continue
        folder = tmp_path / case.id
        folder.mkdir()
        path = _make_path(case, folder)
        with contextlib.suppress(DataError):
            validate(read_json(path))


# ------------------------------------------------------------- schema level

# (path, required?, the JSON type it must have)
FIELDS: list[tuple[str, bool, str]] = [
    ("schema_version", True, "int"),
    ("event", True, "dict"),
    ("source", True, "dict"),
    ("sessions", True, "list"),
    ("speakers", True, "list"),
    ("statements", True, "list"),
    ("topics", False, "list"),
    ("notes", False, "list"),
    ("notes[0]", True, "str"),
    ("event.id", True, "str"),
    ("event.short_title", True, "str"),
    ("event.title", True, "str"),
    ("event.host", False, "str"),  # optional since poc extract: a report may not say
    ("event.venue", False, "str"),
    ("event.date", False, "str"),
    ("event.co_sponsors", False, "list"),
    ("event.co_sponsors[0]", True, "str"),
    ("event.provenance", False, "dict"),
    ("source.title", True, "str"),
    ("source.file", True, "str"),
    ("source.paragraphs", True, "list"),
    ("source.paragraphs[0]", True, "str"),
    ("sessions[1]", True, "dict"),
    ("sessions[1].id", True, "str"),
    ("sessions[1].title", True, "str"),
    ("sessions[1].kind", True, "str"),
    ("sessions[1].paper", False, "dict"),
    ("sessions[1].paper.title", True, "str"),
    ("sessions[1].paper.author", True, "str"),
    ("sessions[1].paper.note", False, "str"),
    ("sessions[1].moderators", False, "list"),
    ("sessions[1].moderators[0]", True, "str"),
    ("sessions[1].note", False, "str"),
    ("speakers[0]", True, "dict"),
    ("speakers[0].id", True, "str"),
    ("speakers[0].name", True, "str"),
    ("speakers[0].honorific", False, "str"),
    ("speakers[0].role", False, "str"),  # optional since poc extract
    ("speakers[0].organisations", True, "list"),
    ("speakers[0].organisations[0]", True, "str"),
    ("speakers[0].aliases", False, "list"),
    ("speakers[0].aliases[0]", True, "str"),
    ("speakers[0].parts", True, "list"),
    ("speakers[0].parts[0]", True, "dict"),
    ("speakers[0].parts[0].session", True, "str"),
    ("speakers[0].parts[0].part", True, "str"),
    ("speakers[0].notes", False, "list"),
    ("topics[0]", True, "dict"),
    ("topics[0].id", True, "str"),
    ("topics[0].label", True, "str"),
    ("statements[0]", True, "dict"),
    ("statements[0].id", True, "str"),
    ("statements[0].speaker", True, "str"),
    ("statements[0].session", True, "str"),
    ("statements[0].kind", True, "str"),
    ("statements[0].text", True, "str"),
    ("statements[0].paragraphs", True, "list"),
    ("statements[0].paragraphs[0]", True, "int"),
    ("statements[0].items", False, "list"),
    ("statements[0].topics", False, "list"),
    ("statements[0].topics[0]", True, "str"),
    ("statements[0].note", False, "str"),
]
WRONG: dict[str, list[Any]] = {
    "str": [42, 2.5, True, ["x"], {"x": "y"}],
    "int": ["1", 1.0, False, [1], {"n": 1}],
    "list": ["x", 7, True, {"0": "x"}],
    "dict": ["x", 7, False, [{}]],
}

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    return [int(i) if i else name for name, i in _STEP.findall(path)]


def _set(raw: Any, path: str, value: Any) -> None:
    *parents, last = _steps(path)
    for step in parents:
        raw = raw[step]
    raw[last] = value


def _delete(raw: Any, path: str) -> None:
    *parents, last = _steps(path)
    for step in parents:
        raw = raw[step]
    del raw[last]


@pytest.fixture(scope="module")
def seminar() -> dict[str, Any]:
    return bundled_raw()


def _problems(raw: Any) -> list[str]:
    return [str(p) for p in validate(raw)]


WRONG_TYPE_CASES = [
    pytest.param(path, kind, value, id=f"{path}={json.dumps(value)}")
    for path, _required, kind in FIELDS
    for value in WRONG[kind]
]


@pytest.mark.parametrize(("path", "kind", "value"), WRONG_TYPE_CASES)
def test_wrong_type_is_reported_with_its_path(seminar, path, kind, value) -> None:
    raw = deep(seminar)
    _set(raw, path, value)
    problems = _problems(raw)
    expected = {"str": "a string", "int": "an integer", "list": "a list", "dict": "an object"}[kind]
    assert any(p.startswith(f"{path}: must be {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p) for p, required, _ in FIELDS if required and not p.endswith("]")]
)
def test_required_field_null_or_missing(seminar, path) -> None:
    for mutate in ("null", "delete"):
        raw = deep(seminar)
        if mutate == "null":
            _set(raw, path, None)
        else:
            _delete(raw, path)
        problems = _problems(raw)
        assert problems, f"{mutate} {path} accepted"
        assert any(p.startswith(path) for p in problems), problems


@pytest.mark.parametrize(
    "path", [p for p, required, kind in FIELDS if required and kind == "str" and not p.endswith("]")]
)
def test_required_string_blank(seminar, path) -> None:
    for blank in ("", "   ", "\u00a0\u3000\t\n"):
        raw = deep(seminar)
        _set(raw, path, blank)
        assert f"{path}: must not be empty" in _problems(raw)


REFERENCE_CASES = [
    ("statements[0].speaker", "nobody", r"statements\[0\]\.speaker: unknown speaker 'nobody'"),
    ("statements[0].session", "nowhere", r"statements\[0\]\.session: unknown session 'nowhere'"),
    ("statements[0].topics[0]", "astrology", r"statements\[0\]\.topics\[0\]: unknown topic"),
    ("sessions[1].moderators[0]", "ghost", r"sessions\[1\]\.moderators\[0\]: unknown speaker"),
    ("sessions[1].paper.author", "ghost", r"sessions\[1\]\.paper\.author: unknown speaker"),
    ("speakers[0].parts[0].session", "nowhere", r"speakers\[0\]\.parts\[0\]\.session: unknown session"),
    ("statements[0].kind", "rumour", r"statements\[0\]\.kind: is 'rumour'; must be one of"),
    ("sessions[0].kind", "party", r"sessions\[0\]\.kind: is 'party'"),
    ("speakers[0].parts[0].part", "heckler", r"speakers\[0\]\.parts\[0\]\.part: is 'heckler'"),
    ("statements[1].id", "ipi18-01", r"statements\[1\]\.id: duplicate statement id 'ipi18-01' \(first at statements\[0\]\)"),
    ("speakers[1].id", "adam-lupel", r"speakers\[1\]\.id: duplicate speaker id 'adam-lupel'"),
    ("sessions[1].id", "opening", r"sessions\[1\]\.id: duplicate session id 'opening'"),
    ("topics[1].id", "protection-of-civilians", r"topics\[1\]\.id: duplicate topic id"),
    ("statements[0].paragraphs", [], r"statements\[0\]\.paragraphs: must name at least one paragraph"),
    ("statements[0].paragraphs[0]", 0, r"statements\[0\]\.paragraphs\[0\]: paragraph 0 is out of range"),
    ("statements[0].paragraphs[0]", -1, r"paragraph -1 is out of range"),
    ("statements[0].paragraphs[0]", 35, r"paragraph 35 is out of range \(source has 34\)"),
    ("schema_version", 2, r"schema_version: is 2; this poc reads schema_version 1"),
    ("schema_version", 0, r"schema_version: is 0"),
    ("statements[0].speaker", "\x1b]0;x\x07[bold]", r"statements\[0\]\.speaker: unknown speaker '\\x1b\]0;x\\x07\[bold\]'"),
]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [pytest.param(p, v, m, id=f"{p}={v!r}") for p, v, m in REFERENCE_CASES],
)
def test_bad_reference_or_value_through_cli(cli, seminar, tmp_path, path, value, message) -> None:
    """In-process CLI: exit 2, the file and the field path on stderr, nothing on stdout."""
    raw = deep(seminar)
    _set(raw, path, value)
    dataset = tmp_path / "dataset.json"
    dataset.write_text(json.dumps(raw), encoding="utf-8")
    for args in (["--data", str(dataset), "quotes"], ["validate", str(dataset)]):
        result = cli(*args)
        assert result.exit_code == 2, result.stderr
        assert result.stdout == ""
        assert str(dataset) in result.stderr
        assert re.search(message, result.stderr), result.stderr
        assert_no_raw_controls(result.stderr, "stderr")
        assert_no_traceback(result.stderr)


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p) for p, _, k in FIELDS if k in ("str", "int", "list", "dict")][::4],
)
def test_wrong_type_through_cli(cli, seminar, tmp_path, path) -> None:
    """A sample of the wrong-type matrix through the CLI: file and field path named."""
    raw = deep(seminar)
    _set(raw, path, 3.5)
    dataset = tmp_path / "dataset.json"
    dataset.write_text(json.dumps(raw), encoding="utf-8")
    result = cli("--data", str(dataset), "speakers", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{dataset}: {path}: must be" in result.stderr


def test_validate_lists_every_problem(cli, seminar, tmp_path) -> None:
    raw = deep(seminar)
    for i in range(0, 40, 4):
        raw["statements"][i]["speaker"] = f"ghost-{i}"
    raw["event"]["title"] = 7
    dataset = tmp_path / "dataset.json"
    dataset.write_text(json.dumps(raw), encoding="utf-8")
    result = cli("validate", str(dataset))
    assert result.exit_code == 2
    assert result.stderr.count("unknown speaker 'ghost-") == 10
    assert "event.title: must be a string, not an integer" in result.stderr
    assert "11 problems in 1 file(s)" in result.stderr


def test_one_bad_file_in_a_folder_is_named(cli, seminar, tmp_path) -> None:
    (tmp_path / "a-good.json").write_text(json.dumps(seminar), encoding="utf-8")
    (tmp_path / "b-bad.json").write_bytes(b"{\"schema_version\": ")
    result = cli("--data", str(tmp_path), "quotes")
    assert result.exit_code == 2
    assert "b-bad.json" in result.stderr and "a-good.json" not in result.stderr


def test_two_copies_in_a_folder_are_duplicate_ids(cli, seminar, tmp_path) -> None:
    for name in ("one.json", "two.json"):
        (tmp_path / name).write_text(json.dumps(seminar), encoding="utf-8")
    result = cli("--data", str(tmp_path), "quotes", "--json")
    assert result.exit_code == 2
    assert "duplicate event id" in result.stderr and "two.json" in result.stderr


def test_unknown_extra_keys_are_ignored(cli, seminar, tmp_path) -> None:
    """Forward compatibility: members poc does not know do not break a dataset."""
    raw = deep(seminar)
    raw["future"] = {"x": [1, 2]}
    raw["statements"][0]["sentiment"] = 0.5
    dataset = tmp_path / "dataset.json"
    dataset.write_text(json.dumps(raw), encoding="utf-8")
    assert cli("--data", str(dataset), "quotes", "--json").exit_code == 0
