"""The Typer app: the root options, and every command of :mod:`.commands` registered."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli import __version__

from . import commands
from .completion import CompletionGroup, complete_shell, install_completion, show_completion
from .options import COMMANDS, DATA_HELP, use_data

EXIT_CODES_HELP = """\
Exit codes: 0 results found, 1 nothing found, 2 usage or data error, 130 interrupted.

Data: the bundled seminar, or [bold]--data[/bold] PATH / $POC_DATA (a dataset file or a folder of them)."""

app = typer.Typer(
    name="poc",
    help="Explore who said what at the IPI seminar “Protecting Civilians and Managing Threats”.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    cls=CompletionGroup,
    add_completion=False,  # poc's own: completion.py (quoted for each shell)
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n"
    "  poc sessions\n"
    "  poc quotes --speaker Mamiya\n"
    "  poc search neutrality\n"
    "  poc show ipi18-21\n"
    "  poc --data ~/seminars/ search 'armed groups' --json",
)


def _version(value: bool) -> None:
    if value:
        print(f"poc {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar="POC_DATA",
            metavar="PATH",
            help=DATA_HELP,
            callback=use_data,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Show poc's version and exit.",
        ),
    ] = False,
    install: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            callback=install_completion,
            autocompletion=complete_shell,
            is_eager=True,
            expose_value=False,
            metavar="[SHELL]",
            help="Install completion for SHELL (bash, zsh, fish; default: $SHELL's).",
            show_default=False,
        ),
    ] = None,
    show: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            callback=show_completion,
            autocompletion=complete_shell,
            is_eager=True,
            expose_value=False,
            metavar="[SHELL]",
            help="Print the completion script for SHELL, to copy it or install it yourself.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Options for every command; --data may also come after the command's name."""


assert commands.__all__  # importing the package registered them
for _name, _function, _cls, _epilog in COMMANDS:
    app.command(_name, cls=_cls, epilog=_epilog)(_function)
