"""Writing output: records to stdout or a file, the empty answer, messages, the
pager and the progress bar.  The one place that prints what a command produced.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from poc_cli.errors import ExitStatus, PocError, UsageError
from poc_cli.text.escape import one_line
from poc_cli.text.width import CellsShape

from .env import PIPE_WIDTH, Environment
from .formats import (
    DISPLAY_MAX_CHARS,
    STREAMED,
    Format,
    Piece,
    chunks,
    cut_for_display,
    empty_answer,
    render,
)
from .tables import Column, Record, View, with_event_column


class OutputChoice(NamedTuple):
    """What the output options asked for: format, pager, --output file, --force,
    --csv-raw (CSV cells exactly as the dataset has them), --bom (CSV that starts with
    a UTF-8 byte-order mark, for Excel)."""

    format: Format = Format.table
    pager: bool = False
    output: Path | None = None
    force: bool = False
    csv_raw: bool = False
    bom: bool = False

    @classmethod
    def of(
        cls,
        fmt: Format,
        json_: bool,
        pager: bool,
        output: str | None,
        force: bool,
        csv_raw: bool = False,
        *,
        bom: bool = False,
        format_given: bool = False,
    ) -> OutputChoice:
        """``format_given``: --format was typed (``--format table --bom`` is refused;
        ``--bom`` alone means CSV)."""
        if json_ and fmt not in (Format.table, Format.json):
            raise UsageError(f"--json and --format {fmt.value} contradict each other; use one")
        path = output_path(output)
        if json_:
            fmt = Format.json
        elif fmt is Format.table and path is not None and not format_given:
            # `-o quotes.csv` without --format: the file's suffix says what it is (an
            # aligned text table in a file named .csv helps nobody).
            fmt = SUFFIX_FORMATS.get(path.suffix.lower(), fmt)
        if bom:
            if fmt is Format.table and not format_given:
                fmt = Format.csv  # --bom alone: the CSV Excel reads
            if fmt is not Format.csv:
                raise UsageError(
                    f"--bom is for CSV only (a UTF-8 mark that Excel needs), not for "
                    f"{fmt.value} output; use --format csv --bom, or leave --bom out"
                )
        return cls(fmt, pager, path, force, csv_raw, bom)


BOM = "\ufeff"
"""The UTF-8 byte-order mark: Excel reads a CSV file as UTF-8 only when it starts with
one (without, "Agnès" opens as "AgnÃ¨s")."""


SUFFIX_FORMATS = {
    ".json": Format.json,
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".csv": Format.csv,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
}
"""The format an --output file gets from its suffix when no --format is given."""


def output_path(typed: str | None) -> Path | None:
    """--output as typed: None for stdout ("-", as the convention goes), else a path."""
    if typed is None or typed == "-":
        return None
    if not typed.strip():
        raise UsageError("--output must name a file, not be empty")
    path = Path(typed).expanduser()
    try:
        folder = path.is_dir()
    except OSError as exc:  # a name too long, a folder on the way we may not search
        raise UsageError(f"{typed}: cannot write here ({exc.strerror or exc})") from None
    if folder:
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
    event each row is from.  JSON, JSON Lines and CSV are written a record at a time
    (:func:`.formats.chunks`), so a million records never become one string."""
    view = with_event_column(records, view, events)
    if choice.format in STREAMED:
        _emit_streamed(env, records, view, choice)
        return
    records, cut = cut_for_display(records)
    if cut.texts:
        # A text of megabytes cannot be read in a table (nor drawn in reasonable time).
        texts = "a text" if cut.texts == 1 else f"{cut.texts} texts"
        note(
            env,
            f"note: {texts} longer than {DISPLAY_MAX_CHARS:,} characters (the longest "
            f"{cut.longest:,}) cut short here, marked […]; --json, --format jsonl or "
            "--format csv gives every text whole",
        )
    terminal = choice.output is None and env.stdout_isatty
    plain = writes_plain_table(env, choice)
    if plain and view.extra is None:
        table = _table_of_cells(records, view.columns)
        if table is not None:
            # A big listing from the index into a pipe or a file: written as it is
            # read, from cells made and measured at build time.
            _write_pieces(env, table, choice)
            return
    plain_detail = getattr(view.extra, "plain", None)
    if plain and plain_detail:
        # A detailed view into a pipe or a file: plain text, without importing Rich.
        emit_renderable(env, plain_detail(records, view), choice)
        return
    if choice.format is Format.table and choice.output is None and not terminal and env.color:
        # Colour asked for into a pipe (--color always, FORCE_COLOR): the pipe's own
        # plain table, one row per record, with the terminal's styles.
        from .plain import to_plain_table

        if view.extra is None:
            env.stdout.write(to_plain_table(records, view.columns, paint=_paint))
            return
    emit_renderable(env, render(records, view, choice.format, terminal=terminal), choice)


def writes_plain_table(env: Environment, choice: OutputChoice) -> bool:
    """True if a listing (a view without a detailed part) is written as a plain table:
    the table format, into a pipe or a file, without colour."""
    terminal = choice.output is None and env.stdout_isatty
    return choice.format is Format.table and not terminal and not env.color


@runtime_checkable
class StoredCells(Protocol):
    """A sequence of records that also holds their table cells, made and measured
    before (the index's whole-corpus overviews, ``index.listings.OverviewRecords``)."""

    @property
    def cells_of(self) -> tuple[Callable[[Record], str], ...]: ...
    def cells_shape(self) -> CellsShape | None: ...
    def cell_pages(self) -> Iterator[list[str]]: ...


def _table_of_cells(records: Sequence[Record], columns: Sequence[Column]) -> Iterator[str] | None:
    """The plain table of ``records`` from their stored cells (:class:`StoredCells`),
    when they are the cells of exactly these columns, or of these after the event's;
    else None (the table is made from the records)."""
    if not isinstance(records, StoredCells) or not records:
        return None
    values = [c.value for c in columns]
    cells_of = list(records.cells_of)
    skip = 0 if values == cells_of else 1 if values == cells_of[1:] else None
    shape = records.cells_shape() if skip is not None else None
    if skip is None or shape is None:
        return None
    from .plain import plain_table_of_cells

    return plain_table_of_cells(records.cell_pages(), columns, shape, skip=skip)


def _emit_streamed(
    env: Environment, records: Sequence[Record], view: View, choice: OutputChoice
) -> None:
    pieces = chunks(records, view, choice.format, csv_raw=choice.csv_raw)
    if choice.bom:
        pieces = itertools.chain([BOM], pieces)
    _write_pieces(env, pieces, choice)


def _write_pieces(env: Environment, pieces: Iterable[Piece], choice: OutputChoice) -> None:
    """Write the pieces to the --output file or stdout as they come; a piece of UTF-8
    bytes goes to stdout's byte stream as it is where stdout writes UTF-8 (the text
    before it flushed first), and is decoded otherwise, so that an encoding that cannot
    show it fails as text does."""
    if choice.output is not None:
        from poc_cli.files import write_new_file

        write_new_file(choice.output, pieces, force=choice.force)
        return
    stream = env.stdout
    raw = _utf8_bytes_beneath(stream)
    for piece in pieces:
        if isinstance(piece, str):
            stream.write(piece)
        elif raw is None:
            stream.write(piece.decode())
        else:
            stream.flush()
            raw.write(piece)
    if raw is not None:
        stream.flush()  # a line-buffered terminal shows it all before any later message


def _utf8_bytes_beneath(stream: Any) -> Any:
    """The byte stream under a text stream that encodes UTF-8, or None."""
    import codecs

    raw = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if raw is None or not isinstance(encoding, str):
        return None
    try:
        return raw if codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


def _paint(text: str, column: Column, record: Record | None) -> str:
    from .plain import ansi

    if record is None:
        return ansi(text, "bold")
    if column.rich is not None and record.get("spans"):
        # the matched words, reversed as on a terminal
        from poc_cli.text.escape import visible

        original = record["text"]
        at = text.find(original) if visible(original) == original else -1
        if at >= 0:
            out, done = [], 0
            for start, end in record["spans"]:
                out.append(text[done : at + start])
                out.append(ansi(text[at + start : at + end], "bold reverse"))
                done = at + end
            out.append(text[done:])
            return ansi("".join(out), column.style) if column.style else "".join(out)
    return ansi(text, column.style)


def emit_nothing(env: Environment, view: View | None, choice: OutputChoice) -> None:
    """Nothing found still answers where the answer was to go, in the format asked for
    (``[]``, a CSV header, an empty Markdown table, or nothing for a table): on stdout,
    or in the --output file, as ``cmd > file`` would empty it, so that a file never
    keeps an earlier run's results after this one found none.  The answer comes from
    the format, whoever found nothing."""
    text = (BOM if choice.bom else "") + empty_answer(choice.format, view)
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
    if not env.stdout_isatty:
        if isinstance(output, str):
            env.stdout.write(output if output.endswith("\n") else output + "\n")
            return
        # A pipe or a file: no pager, no colour (unless asked for), and no trailing
        # padding on lines.
        with env.out.capture() as capture:
            env.out.print(output, crop=False)
        env.stdout.write("\n".join(_rstrip(line) for line in capture.get().split("\n")))
        return
    if choice.pager:
        pager = _pager(env)
        if pager is not None:
            _page(env, output, *pager)
            return
    if isinstance(output, str):
        env.stdout.write(output if output.endswith("\n") else output + "\n")
        return
    # crop=False: a word wider than the terminal is the terminal's to fold, whole
    env.out.print(output, crop=False)


def _rstrip(line: str) -> str:
    """A line without trailing spaces, also those inside its closing escape codes."""
    if "\x1b" not in line:
        return line.rstrip()
    import re

    return re.sub(r"\s+((?:\x1b\[[0-9;]*m)*)$", r"\1", line)


def _pager(env: Environment) -> tuple[str, dict[str, str]] | None:
    """The pager to run, as git chooses it, and its environment; None to print
    without one.

    ``$POC_PAGER``, then ``$PAGER``, then ``less`` (or ``more``).  Empty or ``cat``
    means no pager; one that is not found is said in a warning (the output would
    be lost in a shell that cannot start it).  ``LESS=FRX`` unless $LESS is set: F
    quits at once when the output fits on the screen, R shows colours, X leaves
    the screen as it was; and ``LV=-c`` for lv."""
    import shlex
    import shutil

    variable = next((v for v in ("POC_PAGER", "PAGER") if v in os.environ), None)
    if variable is None:
        command = next((p for p in ("less", "more") if shutil.which(p)), "")
        if not command:
            return None
    else:
        command = os.environ[variable]
        if command == "" or command == "cat":
            return None
        try:
            program = shlex.split(command)[0]
        except (ValueError, IndexError):
            program = ""
        if not program or not shutil.which(program):
            note(
                env,
                f"warning: the pager {command!r} (${variable}) was not found; printing without it",
            )
            return None
    variables = dict(os.environ)
    variables.setdefault("LESS", "FRX")
    variables.setdefault("LV", "-c")
    return command, variables


def _pager_shows_colour(command: str, variables: dict[str, str]) -> bool:
    """Whether the pager shows escape codes as colours: less with -R (or -r), lv with
    -c; ``more`` and the rest would show them as text (and miscount the width)."""
    import shlex

    try:
        words = shlex.split(command)
    except ValueError:
        return False
    program = os.path.basename(words[0]) if words else ""
    if program == "lv":
        return "-c" in words[1:] + variables.get("LV", "").split()
    if program != "less":
        return False
    for word in [*variables.get("LESS", "").split(), *words[1:]]:
        if word.startswith("--"):
            if word.lower().startswith(("--raw-control-chars", "--raw_control_chars")):
                return True
        elif word.lstrip("-") and not word.startswith("+") and set("Rr") & set(word.lstrip("-")):
            return True
    return False


def _pager_runs(env: Environment) -> bool:
    """False, with a warning, when the pager poc would run does not exist."""
    return _pager(env) is not None


def _page(env: Environment, output: Any, command: str, variables: dict[str, str]) -> None:
    """Show ``output`` through the pager, laid out for this terminal; styled only if
    the pager shows styles (or --color always said so).  Output that fits on the
    screen is printed as it is: no pager takes the screen over for three lines."""
    import io
    import signal
    import subprocess

    colour = env.force_color or (env.color and _pager_shows_colour(command, variables))
    if isinstance(output, str):
        text = output if output.endswith("\n") else output + "\n"
    else:
        from rich.console import Console

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=env.columns,
            markup=False,
            emoji=False,
            highlight=False,
            no_color=not colour,
            color_system="auto" if colour else None,
            force_terminal=colour,
            soft_wrap=False,
        )
        console.print(output, crop=False)
        text = "\n".join(_rstrip(line) for line in buffer.getvalue().split("\n"))
    if text.count("\n") < env.lines:
        env.stdout.write(text)
        env.stdout.flush()
        return
    env.stdout.flush()
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=variables)
    assert process.stdin is not None
    encoding = getattr(env.stdout, "encoding", None) or "utf-8"
    # Ctrl-C is the pager's (less stops reading, it does not quit); poc waits for it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            process.stdin.write(text.encode(encoding, errors="replace"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit before the end
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def to_plain_text(renderable: Any) -> str:
    from rich.console import Console

    # As wide as a pipe gets: nothing is wrapped or cut (the plain tables are as wide
    # as their longest cell); lines carry no trailing padding.
    console = Console(
        width=PIPE_WIDTH, no_color=True, color_system=None, markup=False, highlight=False
    )
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return "\n".join(line.rstrip() for line in capture.get().split("\n"))


def note(env: Environment, message: str) -> None:
    """A note or warning on stderr (dim on a terminal): one line, whatever a file name
    or a dataset value in it holds (a newline is shown as ``\\n``)."""
    env.message(one_line(message), dim=True)


def fail(env: Environment, error: PocError) -> int:
    """Say what went wrong on stderr; the exit status to end with.  The message and
    each detail are one line each: a path holding a newline cannot forge another."""
    prefix = "" if error.exit_status is ExitStatus.NOTHING_FOUND else "error: "
    env.message(prefix + one_line(error.message))
    for line in error.details[:MAX_DETAILS]:
        env.message("  " + one_line(line))
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
