"""``poc help [COMMAND]``, as git and gh have it: the command's own --help, exit 0;
alone, poc's help; an unknown command is a usage error.  It is a command like the
others: listed in ``poc --help``, completed by TAB, loaded only when it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from poc_cli.cli.commands import NAMES

POC = Path(sys.executable).parent / "poc"


@pytest.mark.parametrize("name", [n for n in NAMES if n != "help"])
def test_help_command_is_the_command_s_own_help(poc: Any, name: str) -> None:
    result = poc("help", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == poc(name, "--help").stdout
    assert f"poc {name}" in result.stdout


def test_help_alone_is_poc_s_help(poc: Any) -> None:
    result = poc("help")
    assert result.exit_code == 0
    assert result.stdout == poc("--help").stdout
    assert "Commands" in result.stdout


def test_help_of_help(poc: Any) -> None:
    result = poc("help", "help")
    assert result.exit_code == 0
    assert "poc help [OPTIONS] [COMMAND]" in result.stdout


def test_help_of_an_unknown_command_is_a_usage_error(poc: Any) -> None:
    result = poc("help", "serch")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: no command 'serch' (did you mean 'search'?); `poc --help` lists them\n"
    )
    assert poc("help", "nothing").stderr.startswith("error: no command 'nothing';")


def test_help_is_listed_among_the_commands(poc: Any) -> None:
    listed = poc("--help").stdout
    commands = listed[listed.index("Commands") :]
    assert " help " in commands


def _complete(words: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_POC", "_TYPER"))}
    env.update(
        _POC_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    )
    done = subprocess.run([str(POC)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.slow
def test_help_completes_as_a_command_and_completes_command_names() -> None:
    assert _complete("poc he") == ["help"]
    assert "help" in _complete("poc ")
    assert _complete("poc help se") == ["search", "sessions"]
    assert _complete("poc help ") == list(NAMES)


@pytest.mark.slow
def test_help_runs_through_the_real_script_with_status_0() -> None:
    done = subprocess.run([str(POC), "help", "quotes"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "poc quotes" in done.stdout and not done.stderr
