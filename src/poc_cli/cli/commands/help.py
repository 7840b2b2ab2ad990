"""``poc help``: a command's help (``poc help search`` is ``poc search --help``), as
git and gh have it; alone, poc's own."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from poc_cli.cli.completion import complete_choice
from poc_cli.cli.options import Run, poc_command

from . import NAMES

CommandArg = Annotated[
    str | None,
    typer.Argument(
        metavar="COMMAND",
        help="The command whose help to show (poc's own when left out).",
        autocompletion=complete_choice(NAMES),
        show_default=False,
    ),
]


@poc_command(examples_=["poc help", "poc help search"], output=False, data=False, name="help")
def help_(ctx: typer.Context, command: CommandArg = None, *, run: Run) -> None:
    """Show a command's help, as COMMAND --help does; alone, poc's.

    The options of the command, what it shows and examples to copy."""
    from poc_cli.errors import UsageError

    root = ctx.find_root()
    if command is None:
        _show_help(root.command, root.info_name or "poc", None)
        return
    if command not in NAMES:
        import difflib

        close = difflib.get_close_matches(command, NAMES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UsageError(f"no command {command!r}{hint}; `poc --help` lists them")
    _show_help(root.command.get_command(root, command), command, root)  # type: ignore[attr-defined]


def _show_help(command: Any, name: str, parent: Any) -> None:
    """Print ``command``'s help as its ``--help`` does, and end with status 0 (Click's
    help option prints and exits while the arguments are parsed)."""
    command.make_context(name, ["--help"], parent=parent)
