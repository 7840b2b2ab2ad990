"""Meta-tests that keep the help and the README honest.

- every command has --help with examples, and those examples name real commands and
  options and (where they need no file) succeed;
- ``poc --help`` documents the exit codes;
- every ``$ poc …`` line in the README's ```console blocks runs with the exit code the
  README implies, and, on a 100-column terminal, prints what the README shows.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main

from poc_cli.cli import app

REPO = Path(__file__).resolve().parent.parent.parent

README = REPO / "README.md"
BIN = Path(sys.executable).parent
COMMANDS: dict[str, Any] = typer.main.get_command(app).commands  # type: ignore[attr-defined]
SHELL_SYNTAX = re.compile(r"[|<>;&`$]|\$\(")


# ------------------------------------------------------------------------ help


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_examples(poc: Any, name: str) -> None:
    result = poc(name, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"poc {name}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    short = poc(name, "-h")
    assert short.exit_code == 0 and short.stdout == result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_one_line_summary(name: str) -> None:
    command = COMMANDS[name]
    summary = command.get_short_help_str(limit=200)
    assert summary and not summary.endswith("…")


def test_main_help_documents_the_exit_codes(poc: Any) -> None:
    result = poc("--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes" in text
    for code, meaning in (
        ("0", "found"),
        ("1", "nothing found"),
        ("2", "usage or data error"),
        ("130", "interrupted"),
    ):
        assert re.search(rf"\b{code}\b[^,.;]*{meaning}", text), (code, meaning)
    for name in COMMANDS:
        assert name in result.stdout
    assert "POC_DATA" in result.stdout and "--data" in result.stdout


def _help_examples() -> list[tuple[str, str]]:
    """(command name, example line) for every example in every help epilog."""
    examples = []
    epilogs = [("", typer.main.get_command(app).epilog or "")]
    epilogs += [(name, command.epilog or "") for name, command in sorted(COMMANDS.items())]
    for name, epilog in epilogs:
        for line in epilog.split("Examples:", 1)[-1].splitlines():
            line = line.strip()
            if line.startswith("poc "):
                examples.append((name, line.split("  #")[0].strip()))
    return examples


HELP_EXAMPLES = _help_examples()


def _argv(example: str) -> list[str]:
    """The example's arguments after ``poc``, up to any pipe or redirection."""
    words = shlex.split(example, comments=True)
    cut = next(
        (i for i, w in enumerate(words) if w in {"|", ">", ">>", "<", "2>", "&&", ";"}), len(words)
    )
    return words[1:cut]


def test_help_examples_were_found() -> None:
    assert {name for name, _ in HELP_EXAMPLES} >= set(COMMANDS) | {""}


@pytest.mark.parametrize(("name", "example"), HELP_EXAMPLES, ids=[e for _, e in HELP_EXAMPLES])
def test_help_examples_name_real_commands_and_options(poc: Any, name: str, example: str) -> None:
    """Appending --help makes click parse every option without running anything: an
    unknown command or option fails with exit 2."""
    argv = _argv(example)
    result = poc(*argv, "--help")
    assert result.exit_code == 0, result.stderr
    if name:
        assert name in argv


def _runnable(example: str) -> bool:
    argv = _argv(example)
    reports = (".json", ".txt", ".md", ".html", ".pdf")
    needs_a_file = any(a.endswith(reports) or a.startswith(("~", "/")) or "*" in a for a in argv)
    needs_a_file = needs_a_file or " < " in example
    return not needs_a_file


@pytest.mark.parametrize(
    "example",
    [pytest.param(e, id=e, marks=[]) for _, e in HELP_EXAMPLES if _runnable(e)],
)
def test_help_examples_succeed(
    poc: Any, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples with -o write here
    result = poc(*_argv(example))
    assert result.exit_code == 0, result.stderr
    assert result.stdout or list(tmp_path.iterdir())


# ---------------------------------------------------------------------- README


@dataclass(frozen=True)
class Example:
    command: str  # without the "$ "
    output: str  # what the README shows after it, up to the next "$ " line
    exit_code: int  # what the README implies


EXIT_COMMENT = re.compile(r"#\s*exits?\s*(?:code\s*)?(\d+)\s*$")


def readme_examples() -> list[Example]:
    if not README.is_file():
        return []
    text = README.read_text(encoding="utf-8")
    examples: list[Example] = []
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.S | re.M):
        commands: list[tuple[str, list[str]]] = []
        for line in block.split("\n"):
            if line.startswith("$ "):
                commands.append((line[2:].strip(), []))
            elif commands:
                commands[-1][1].append(line)
        for i, (command, output) in enumerate(commands):
            if not command.startswith(("poc ", "python -m poc_cli")):
                continue
            following = commands[i + 1] if i + 1 < len(commands) else None
            if following and following[0] == "echo $?":  # "$ echo $?" then the code
                output = [*output, "$ echo $?", *following[1]]
            examples.append(_example(command, output))
    return examples


def _example(command: str, output_lines: list[str]) -> Example:
    output = "\n".join(output_lines).strip("\n")
    exit_code = 0
    if match := EXIT_COMMENT.search(command):
        exit_code = int(match.group(1))
        command = command[: match.start()].rstrip()
    elif output.startswith("error: "):
        exit_code = 2  # the README's exit codes: 2 for a usage or data error
    echo = re.search(r"^\$ echo \$\?\n(\d+)\s*$", output, flags=re.M)
    if echo:
        exit_code = int(echo.group(1))
        output = output[: echo.start()].rstrip("\n")
    return Example(command, output, exit_code)


EXAMPLES = readme_examples()
needs_examples = pytest.mark.skipif(
    not EXAMPLES, reason="README.md has no ```console blocks with `$ poc …` lines yet"
)


@needs_examples
def test_the_readme_shows_every_command() -> None:
    shown = {shlex.split(e.command)[1] for e in EXAMPLES if e.command.startswith("poc ")}
    assert set(COMMANDS) <= shown


@needs_examples
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_example_runs_with_the_exit_code_shown(
    example: Example, poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if SHELL_SYNTAX.search(example.command.replace("'$", "")) or not example.command.startswith(
        "poc "
    ):
        done = _bash(example.command, tmp_path)
        code, out = done.returncode, done.stdout + done.stderr
    else:
        result = poc(*shlex.split(example.command)[1:])
        code, out = result.exit_code, result.stdout + result.stderr
    assert code == example.exit_code, out[-2000:]
    assert "Traceback" not in out


def _bash(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("POC_DATA", "FORCE_COLOR")}
    environment["PATH"] = f"{BIN}{os.pathsep}{environment.get('PATH', '')}"
    environment.update(env)
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def _on_a_terminal(command: str, cwd: Path) -> str:
    """Run a shell command with a 100-column pseudo-terminal as stdout and stderr (NO_COLOR),
    the way the README's examples were captured."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("POC_DATA", "FORCE_COLOR")}
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        NO_COLOR="1",
        COLUMNS="100",
        LINES="50",
        TERM="xterm",
    )
    process = subprocess.Popen(
        ["bash", "-c", command],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=cwd,
        close_fds=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait(timeout=120)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _words(text: str) -> list[str]:
    # Where a table cell or a long line wraps depends on layout details that may change;
    # the words and their order are the content.
    return text.split()


def _output_cases() -> list[Any]:
    return [pytest.param(e, id=e.command, marks=[]) for e in EXAMPLES]


@needs_examples
@pytest.mark.slow
@pytest.mark.parametrize("example", _output_cases())
def test_readme_example_output_is_what_poc_prints(example: Example, tmp_path: Path) -> None:
    """The README's output is real: the same command on a 100-column terminal prints it."""
    if not example.output:
        pytest.skip("the README shows no output for this command")
    printed = " ".join(_words(_on_a_terminal(example.command, tmp_path)))
    # The README may elide with a line "…" or "… (53 more lines)": what it does show
    # must be printed, each run in order, the first at the start.
    runs = [
        " ".join(_words(run))
        for run in re.split(r"^…(?: \(\d+ more lines?\))?$", example.output, flags=re.M)
    ]
    if len(runs) == 1:
        assert printed == runs[0]
        return
    assert printed.startswith(runs[0])
    position = 0
    for run in runs:
        found = printed.find(run, position)
        assert found >= 0, run[:300]
        position = found + len(run)


def test_readme_parsing_understands_exit_codes() -> None:
    assert _example("poc cite x   # exit 2", ["error: …"]).exit_code == 2
    assert _example("poc cite x", ["error: no"]).exit_code == 2
    assert _example(
        "poc quotes --speaker Zorro", ["no speaker matches", "$ echo $?", "1"]
    ) == Example("poc quotes --speaker Zorro", "no speaker matches", 1)
    assert _example("poc sessions", ["x"]).exit_code == 0
