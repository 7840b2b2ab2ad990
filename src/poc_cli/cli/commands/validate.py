"""``poc validate``: check datasets against the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from poc_cli.cli.options import Run, poc_command
from poc_cli.errors import ExitStatus


@poc_command(
    examples_=["poc validate", "poc validate my-seminar.json", "poc validate ~/seminars/"],
    output=False,
)
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Dataset file or folder to check (default: the data poc would use).",
            show_default=False,
        ),
    ] = None,
    *,
    run: Run,
) -> None:
    """Check a dataset against the schema and report every problem found.

    Exit 0 when it is valid, 2 when it is not."""
    from poc_cli.corpus import check_paths

    files, problems = check_paths(path if path is not None else run.data)
    for problem in problems:
        run.env.message(problem)
    if problems:
        run.env.message(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(files)} file(s)"
        )
        raise typer.Exit(int(ExitStatus.ERROR))
    run.write(f"ok: {len(files)} file(s) valid")
