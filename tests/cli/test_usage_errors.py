"""Usage errors in one style: Click's (an option given twice, an unknown option, a
missing argument) come out as poc's own do, ``error: …`` and a hint, exit 2; no
Rich box and no usage line, in a pipe or on a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

POC = Path(sys.executable).parent / "poc"
BOX = ("╭", "╰", "│", "─ Error")

CASES = [
    (
        ("quotes", "--speaker", "Mamiya", "--speaker", "Coutou"),
        "error: --speaker was given twice ('Mamiya' and 'Coutou'); give it once",
        "poc quotes",
    ),
    (("quotes", "--bogus"), "error: no such option: --bogus", "poc quotes"),
    (("show",), "error: missing argument 'ID'.", "poc show"),
    (("quotes", "--kind", "x"), "error: invalid value for '--kind'", "poc quotes"),
    (("quotes", "extra"), "error: got unexpected extra argument", "poc quotes"),
    (("serch", "x"), "error: no such command 'serch'", "poc"),
    (("search", "armed", "--limit"), "error: option '--limit' requires an argument", "poc search"),
]


@pytest.mark.parametrize(("args", "first", "command"), CASES, ids=lambda v: " ".join(v)[:30])
def test_click_usage_errors_are_poc_error_lines(
    poc: Any, args: tuple[str, ...], first: str, command: str
) -> None:
    result = poc(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(first), result.stderr
    assert lines[-1] == f"Try '{command} --help' for help."
    assert not any(mark in result.stderr for mark in BOX)
    assert "Usage:" not in result.stderr


def test_a_usage_error_is_the_same_line_into_a_real_pipe() -> None:
    done = subprocess.run(
        [str(POC), "quotes", "--speaker", "a", "--speaker", "b"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: --speaker was given twice ('a' and 'b'); give it once\n"
        "Try 'poc quotes --help' for help.\n"
    )


@pytest.mark.slow
def test_a_usage_error_on_a_terminal_has_no_box() -> None:
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen(
        [str(POC), "quotes", "--zzz"], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 2
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode()).replace("\r\n", "\n")
    assert text.strip().splitlines() == [
        "error: no such option: --zzz",
        "Try 'poc quotes --help' for help.",
    ]


def test_poc_own_errors_keep_their_style(poc: Any) -> None:
    result = poc("quotes", "--session", "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no session 'nowhere'")


def test_bare_poc_still_prints_the_help(poc: Any) -> None:
    result = poc()
    assert result.exit_code == 2
    assert "Usage: poc" in result.stdout
    assert "error:" not in result.stderr


def test_version_as_a_command_points_at_the_option(poc: Any) -> None:
    result = poc("version")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "error: no such command 'version'; poc --version (or -V) prints the version"
    )
    assert "sessions" not in result.stderr
