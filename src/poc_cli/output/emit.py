"""Writing output: records to stdout or a file, the empty answer, messages, the
pager and the progress bar.  The one place that prints what a command produced.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from poc_cli.errors import ExitStatus, PocError, UsageError

from .env import PIPE_WIDTH, Environment
from .formats import Format, empty_answer, render
from .tables import Record, View, with_event_column


class OutputChoice(NamedTuple):
    """What the output options asked for: format, pager, --output file, --force."""

    format: Format = Format.table
    pager: bool = False
    output: Path | None = None
    force: bool = False

    @classmethod
    def of(
        cls, fmt: Format, json_: bool, pager: bool, output: str | None, force: bool
    ) -> OutputChoice:
        if json_ and fmt not in (Format.table, Format.json):
            raise UsageError(f"--json and --format {fmt.value} contradict each other; use one")
        return cls(Format.json if json_ else fmt, pager, output_path(output), force)


def output_path(typed: str | None) -> Path | None:
    """--output as typed: None for stdout ("-", as the convention goes), else a path."""
    if typed is None or typed == "-":
        return None
    if not typed.strip():
        raise UsageError("--output must name a file, not be empty")
    path = Path(typed).expanduser()
    if path.is_dir():
        raise UsageError(f"{typed}: is a folder; --output needs a file name")
    if typed.endswith(("/", os.sep)):
        raise UsageError(f"{typed}: is not a folder that exists; --output needs a file name")
    return path


def emit(
    env: Environment,
    records: Sequence[Record],
    view: View,
    choice: OutputChoice,
    *,
    events: int = 1,
) -> None:
    """Print (or write) records in the chosen format.

    ``events``: how many the corpus holds; with more than one, tables say which
    event each row is from."""
    view = with_event_column(records, view, events)
    terminal = choice.output is None and env.stdout_isatty
    emit_renderable(env, render(records, view, choice.format, terminal=terminal), choice)


def emit_nothing(env: Environment, view: View | None, choice: OutputChoice) -> None:
    """Nothing found still answers where the answer was to go, in the format asked for
    (``[]``, a CSV header, an empty Markdown table, or nothing for a table): on stdout,
    or in the --output file, as ``cmd > file`` would empty it, so that a file never
    keeps an earlier run's results after this one found none.  The answer comes from
    the format, whoever found nothing."""
    text = empty_answer(choice.format, view)
    if choice.output is None:
        env.stdout.write(text)
        return
    from poc_cli.files import write_new_file

    write_new_file(choice.output, text, force=choice.force)


def emit_renderable(env: Environment, output: Any, choice: OutputChoice) -> None:
    if choice.output is not None:
        from poc_cli.files import write_new_file

        text = output if isinstance(output, str) else to_plain_text(output)
        write_new_file(choice.output, text, force=choice.force)
        return
    if isinstance(output, str):
        env.stdout.write(output if output.endswith("\n") else output + "\n")
        return
    if not env.stdout_isatty:
        # A pipe or a file: no pager, no colour, and no trailing padding on lines.
        with env.out.capture() as capture:
            env.out.print(output)
        env.stdout.write("\n".join(line.rstrip() for line in capture.get().split("\n")))
    elif choice.pager and _pager_runs(env):
        with env.out.pager(styles=True):
            env.out.print(output)
    else:
        env.out.print(output)


def _pager_runs(env: Environment) -> bool:
    """False, with a warning, when $PAGER names a program that does not exist: the
    pager would be started through the shell, fail, and the output would be lost."""
    import shlex
    import shutil

    # What pydoc, which Rich's pager calls, runs: $MANPAGER, else $PAGER, else less or more.
    variable = "MANPAGER" if os.environ.get("MANPAGER") else "PAGER"
    pager = os.environ.get(variable)
    if pager is None:
        return True  # pydoc finds less or more, or prints plainly
    try:
        program = shlex.split(pager)[0]
    except (ValueError, IndexError):
        program = ""
    if program and shutil.which(program):
        return True
    note(env, f"warning: the pager {pager!r} (${variable}) was not found; printing without it")
    return False


def to_plain_text(renderable: Any) -> str:
    from rich.console import Console

    # As wide as a pipe gets: nothing is wrapped or cut (the plain tables are as wide
    # as their longest cell); lines carry no trailing padding.
    console = Console(
        width=PIPE_WIDTH, no_color=True, color_system=None, markup=False, highlight=False
    )
    with console.capture() as capture:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in capture.get().split("\n"))


def note(env: Environment, message: str) -> None:
    """A note or warning on stderr (dim on a terminal)."""
    env.message(message, dim=True)


def fail(env: Environment, error: PocError) -> int:
    """Say what went wrong on stderr; the exit status to end with."""
    prefix = "" if error.exit_status is ExitStatus.NOTHING_FOUND else "error: "
    env.message(prefix + error.message)
    for line in error.details[:MAX_DETAILS]:
        env.message("  " + line)
    if len(error.details) > MAX_DETAILS:
        more = len(error.details) - MAX_DETAILS
        env.message(f"  … and {more} more (poc validate lists every one)")
    return int(error.exit_status)


MAX_DETAILS = 20
"""Lines of detail under an error: a broken corpus can have thousands of problems."""


@contextlib.contextmanager
def progress_bar(env: Environment, label: str) -> Iterator[Callable[[int, int], None] | None]:
    """``with progress_bar(env, label) as progress:`` a ``progress(done, total)`` callback
    that draws a bar on stderr once the work has taken over a second; None when stderr
    is not a terminal.

    The bar is stopped when the block ends, however it ends: a bad file or Ctrl-C
    midway must not leave a half-drawn bar and a hidden cursor behind.
    """
    if not env.stderr_isatty:
        yield None
        return
    import time

    started = time.monotonic()
    state: dict[str, Any] = {}

    def stop() -> None:
        bar = state.pop("bar", None)
        if bar is not None:
            bar.stop()

    def progress(done: int, total: int) -> None:
        if "bar" not in state:
            if "task" in state or time.monotonic() - started < 1.0 or done >= total:
                return  # stopped already, or too soon / too quick to show
            from rich.progress import Progress

            bar = Progress(console=env.err, transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(label, total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            stop()

    try:
        yield progress
    finally:
        stop()
