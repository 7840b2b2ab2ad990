"""Pipes, signals and files: a closed pipe and Ctrl-C end quietly; ``--output`` never
overwrites without ``--force``, writes atomically and leaves nothing behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import (
    FORMATS,
    assert_no_raw_controls,
    assert_no_traceback,
    bundled_raw,
    poc_command,
    run_poc,
    write_dataset,
)


@pytest.fixture(scope="module")
def big_dataset(tmp_path_factory) -> Path:
    """The seminar with its statements repeated to ~4000: output far beyond a pipe's
    64 KiB buffer, so a closed reader really breaks the pipe."""
    raw = bundled_raw()
    base = raw["statements"]
    raw["statements"] = [
        {**s, "id": f"{s['id']}-{n}", **({"within": f"{s['within']}-{n}"} if "within" in s else {})}
        for n in range(55)
        for s in base
    ]
    return write_dataset(tmp_path_factory.mktemp("big"), raw, "big.json")


# ------------------------------------------------------------------ pipes


def test_quotes_into_head_ends_quietly(env) -> None:
    """`poc quotes | head -n 1`, exactly as a user types it."""
    command = " ".join(poc_command()) + " quotes | head -n 1"
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, env=env, timeout=30
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert_no_traceback(err)
    assert err == ""
    assert proc.stdout.count(b"\n") == 1


def _read_then_close(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run poc, read 10 bytes of its stdout and close it, as `head -c 10` does: its exit
    status and stderr."""
    with subprocess.Popen(
        [*poc_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()  # the reader goes away
        err = proc.stderr.read().decode("utf-8", "replace")
        return proc.wait(timeout=30), err


@pytest.mark.parametrize("fmt", FORMATS)
def test_closed_pipe_ends_quietly(env, big_dataset: Path, fmt: str) -> None:
    code, err = _read_then_close(["--data", str(big_dataset), "quotes", "--format", fmt], env)
    assert_no_traceback(err)
    assert err == "", err
    assert code in (0, 1, 141, -signal.SIGPIPE), code


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize(
    "command",  # (each writes far more than a pipe holds: a table, details, hits)
    [["quotes"], ["sessions", "1"], ["sessions", "2"], ["search", "the", "--limit", "3000"]],
)
def test_a_pipe_closed_before_the_end_is_exit_1(
    env, big_dataset: Path, command: list[str], unbuffered: str
) -> None:
    # The README: a reader that closes the pipe before poc has written everything is
    # exit 1, whether the output is written in pieces or as one, and also under
    # PYTHONUNBUFFERED (whose raw stdout took part of a write and dropped the rest).
    run_env = {**env, "PYTHONUNBUFFERED": unbuffered}
    code, err = _read_then_close(["--data", str(big_dataset), *command], run_env)
    assert_no_traceback(err)
    assert code == 1, (code, err)


_SELF_SIGINT = """
import os, signal, time
import poc_cli.queries as queries
def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
    raise AssertionError("SIGINT did not stop poc")
queries.select_statements = interrupted
import sys
sys.argv = ["poc", "quotes"]
from poc_cli.cli import main
main()
"""

_RAISE_KEYBOARD_INTERRUPT = """
import poc_cli.queries as queries
def interrupted(*args, **kwargs):
    raise KeyboardInterrupt
queries.select_statements = interrupted
import sys
sys.argv = ["poc", "quotes"]
from poc_cli.cli import main
main()
"""


@pytest.mark.parametrize(
    "program",
    [
        pytest.param(_SELF_SIGINT, id="SIGINT-signal"),
        pytest.param(_RAISE_KEYBOARD_INTERRUPT, id="KeyboardInterrupt-raised"),
    ],
)
def test_ctrl_c_exits_130_quietly(env, program: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, env=env, timeout=30
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert_no_traceback(err)
    assert proc.returncode == 130, (proc.returncode, err)
    assert len(err.strip().splitlines()) <= 1, err


def test_sigint_while_blocked_on_a_full_pipe(env, big_dataset: Path) -> None:
    """A real Ctrl-C while poc waits for a slow reader: exit 130, nothing on stderr."""
    with subprocess.Popen(
        [*poc_command(), "--data", str(big_dataset), "quotes", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(1)  # it is running and writing; the pipe fills up behind this
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        proc.stdout.read()  # drain so a final flush cannot block
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=30)
    assert_no_traceback(err)
    assert code == 130, (code, err)


# ------------------------------------------------------------------ --output


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_refuses_existing_file(cli, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out.txt"
    target.write_text("precious\n", encoding="utf-8")
    result = cli("quotes", "--format", fmt, "--output", str(target))
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert _leftovers(tmp_path, {"out.txt"}) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_force_replaces_atomically(cli, tmp_path: Path, fmt: str, hostile_file) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    result = cli("--data", str(hostile_file), "quotes", "--format", fmt, "-o", str(target), "--force")
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text != "old\n" and text
    if fmt == "json":
        assert len(json.loads(text)) == 3
    else:
        assert_no_raw_controls(text, f"{fmt} file")
        # Markdown shows [ and ] escaped (\[), so that they are never read as a link.
        literal = r"\[bold red\]x\[/\]" if fmt == "markdown" else "[bold red]x[/]"
        assert literal in text
    assert _leftovers(tmp_path, {"out.txt"}) == []


def test_output_new_file_and_no_temporaries(cli, tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    result = cli("speakers", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("id,")
    assert _leftovers(tmp_path, {"new.csv"}) == []


def test_output_into_a_folder_is_refused(cli, tmp_path: Path) -> None:
    result = cli("quotes", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr or "directory" in result.stderr or "folder" in result.stderr
    assert_no_traceback(result.stderr)


def test_output_into_a_missing_folder_is_refused(cli, tmp_path: Path) -> None:
    result = cli("quotes", "-o", str(tmp_path / "no" / "such" / "out.txt"))
    assert result.exit_code == 2
    assert "no such folder" in result.stderr
    assert not (tmp_path / "no").exists()


def test_output_failure_keeps_the_old_file(cli, tmp_path: Path, monkeypatch) -> None:
    """The disk fails mid-write (fsync raises): the old file is intact, no temp file."""
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    result = cli("quotes", "--json", "-o", str(target), "--force")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path, {"out.json"}) == []


def test_output_refuses_a_symlink_to_an_existing_file(cli, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("precious\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(real)
    result = cli("quotes", "-o", str(tmp_path / "link.txt"))
    assert result.exit_code == 2
    assert real.read_text(encoding="utf-8") == "precious\n"


def test_output_force_over_a_dangling_symlink_target_outside(cli, tmp_path: Path) -> None:
    """A dangling link must not make poc write through it to where it points."""
    outside = tmp_path / "outside"
    outside.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "out.txt").symlink_to(outside / "planted.txt")
    cli("quotes", "-o", str(work / "out.txt"))
    assert not (outside / "planted.txt").exists()


def test_output_force_does_not_replace_a_special_file(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cli("quotes", "-o", str(fifo), "--force")
    assert fifo.is_fifo(), "the FIFO was replaced by a regular file"


def test_output_through_the_real_console_script(env, tmp_path: Path) -> None:
    target = tmp_path / "q.md"
    ran = run_poc(["quotes", "--format", "markdown", "-o", str(target)], env=env)
    assert ran.returncode == 0, ran.describe()
    again = run_poc(["quotes", "--format", "markdown", "-o", str(target)], env=env)
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert_no_traceback(again.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.md"]
