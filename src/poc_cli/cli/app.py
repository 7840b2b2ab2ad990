"""The Typer app: the root options, and the commands of :mod:`.commands`, loaded when
they are used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer

from poc_cli import __version__

from .commands import NAMES
from .completion import CompletionGroup, complete_shell, install_completion, show_completion
from .options import COMMANDS, DATA_HELP, use_data


class Commands(MutableMapping[str, Any]):
    """The root group's commands, each built (its module imported, its Click command
    made) the first time it is looked up: Click's group asks only for the one it runs,
    so ``poc sessions`` imports one command module, not nine (about 10 ms of start-up).
    ``poc --help`` and shell completion of command names list every name."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in NAMES:
                raise KeyError(name)
            importlib.import_module(f"{__package__}.commands.{name}")
            function, cls, epilog = next((f, c, e) for n, f, c, e in COMMANDS if n == name)
            info = typer.models.CommandInfo(name=name, cls=cls, epilog=epilog, callback=function)
            self._built[name] = typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)

    def __contains__(self, name: object) -> bool:
        return name in NAMES


class PocGroup(CompletionGroup):
    """The root group, whose commands load when they are used (:class:`Commands`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(NAMES)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As Click does; ``poc version`` (git's and gh's spelling) points at --version
        rather than at Click's closest name ("Did you mean 'sessions'?")."""
        if args and args[0] == "version" and "version" not in NAMES and not ctx.resilient_parsing:
            ctx.fail("no such command 'version'; poc --version (or -V) prints the version")
        return super().resolve_command(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        """Run as Click does, but say a usage error as poc says its own errors: an
        ``error: …`` line and a hint, exit 2 (Typer drew a Rich box on stderr, even
        into a pipe, with the usage line above it)."""
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **kwargs)
        from poc_cli.output.env import Environment

        from .argv import CLICK_EXCEPTION, usage_error_lines

        try:
            status = super().main(args, prog_name, standalone_mode=False, **kwargs)
        except CLICK_EXCEPTION as error:
            env = Environment.current()
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `poc`: help, shown already
                env.stdout.write(error.format_message())  # type: ignore[attr-defined]
            else:
                for line in usage_error_lines(error):
                    env.message(line)
            sys.exit(error.exit_code)  # type: ignore[attr-defined]
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


EXIT_CODES_HELP = """\
Exit codes: 0 results found, 1 nothing found, 2 usage or data error, 130 interrupted.

Data: the bundled seminar, or [bold]--data[/bold] PATH / $POC_DATA (a dataset file or a folder of them)."""

app = typer.Typer(
    name="poc",
    help="Explore who said what at the IPI seminar “Protecting Civilians and Managing Threats”.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    cls=PocGroup,
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
