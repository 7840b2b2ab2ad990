"""Help text that reads well at 80 columns (newcomer report D13): a description's
sentences are not broken at the source's line ends, --style's choices are not split
in two, and every usage line names its arguments in capitals."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer

from poc_cli.cli import app
from poc_cli.cli.commands import NAMES

COMMANDS: dict[str, Any] = typer.main.get_command(app).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", NAMES)
def test_a_description_paragraph_is_one_line_for_rich_to_wrap(name: str) -> None:
    help_text = COMMANDS[name].help or ""
    for paragraph in help_text.split("\n\n"):
        assert "\n" not in paragraph, (name, paragraph)


def test_cite_help_at_80_columns_keeps_its_sentences(poc: Any) -> None:
    out = poc("cite", "--help", env={"COLUMNS": "80"}).stdout
    lines = [line.strip() for line in out.splitlines()]
    at = lines.index(
        "The exact words, the speaker, the event, its host and date, and the paragraph."
    )
    paragraph = []
    for line in lines[at:]:
        if not line:
            break
        paragraph.append(line)
    # Rich fills each line: only the paragraph's last line may be short.
    assert all(len(line) >= 60 for line in paragraph[:-1]), paragraph
    assert "<plain|markdown" not in out
    assert "plain, markdown, apa, chicago, harvard or mla" in " ".join(
        out.replace("│", " ").split()
    )


@pytest.mark.parametrize("name", NAMES)
def test_usage_names_arguments_in_capitals(poc: Any, name: str) -> None:
    usage = next(line for line in poc(name, "--help").stdout.splitlines() if "Usage:" in line)
    assert re.fullmatch(
        rf"Usage: poc {name} \[OPTIONS\](?: [\[{{][A-Z]+(?:\.\.\.)?[\]}}](?:\.\.\.)?)*",
        usage.strip(),
    ), usage
