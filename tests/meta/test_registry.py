"""Every command, from the registry (not a hand-written list), gets what every poc command
promises: --data after its name, the output options, one option given once, help with
examples, and a place in the README."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from poc_cli.cli import app
from poc_cli.cli.argv import PocCommand
from poc_cli.cli.options import COMMANDS as REGISTERED

COMMANDS: dict[str, Any] = typer.main.get_command(app).commands  # type: ignore[attr-defined]
READS_NO_DATA = {"extract", "help"}  # extract: a report in, a draft out; help: only help


def _options(command: Any) -> set[str]:
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts)}


def test_the_app_has_exactly_the_registered_commands() -> None:
    built = {name: COMMANDS[name] for name in COMMANDS}  # each module loads when looked up
    assert set(built) == {name for name, *_ in REGISTERED}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_refuses_an_option_given_twice(name: str) -> None:
    assert isinstance(COMMANDS[name], PocCommand)


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - READS_NO_DATA))
def test_every_command_that_reads_data_takes_data_after_its_name(name: str) -> None:
    assert "--data" in _options(COMMANDS[name])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_that_lists_records_has_every_output_option(name: str) -> None:
    options = _options(COMMANDS[name])
    if "--json" in options:
        assert {"--format", "-f", "--pager", "--output", "-o", "--force"} <= options


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_writing_files_can_be_forced(name: str) -> None:
    options = _options(COMMANDS[name])
    if "--output" in options:
        assert "--force" in options


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_summary_and_examples(name: str) -> None:
    command = COMMANDS[name]
    assert (command.help or "").strip().split("\n")[0]
    assert "Examples:" in (command.epilog or "")
    assert f"poc {name}" in (command.epilog or "")


def test_a_command_loads_only_its_own_module() -> None:
    """Start-up: `poc sessions` imports the sessions command, not the other eight."""
    import subprocess
    import sys

    probe = (
        "import sys, io, contextlib\n"
        "sys.argv = ['poc', 'sessions', '--json']\n"
        "from poc_cli.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        app()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('poc_cli.cli.commands.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['poc_cli.cli.commands.sessions']"


def test_every_name_in_the_list_is_a_command_module() -> None:
    from poc_cli.cli.commands import NAMES

    assert sorted(NAMES) == sorted(COMMANDS)
    assert all(COMMANDS[name].name == name for name in NAMES)
