"""What every command shares: the option types, ``--data``, and :func:`poc_command`.

A command is one function in ``cli/commands/``::

    @poc_command(examples=["poc quotes --speaker Mamiya"], view=tables.QUOTES_VIEW)
    def quotes(ctx: typer.Context, speaker: SpeakerOpt = None, *, run: Run) -> Listing:
        corpus = run.load_corpus()
        ...
        return Listing(records, empty="no statements match")

The decorator gives it ``--format/-f``, ``--json``, ``--pager``, ``--output/-o``,
``--force`` (unless ``output=False``) and ``--data``; builds the :class:`Run` (the
output environment, the output choice and the data path); turns poc's own errors
into a message and an exit status; and writes what the command returns.  Nothing
found is answered by the format (``[]``, a CSV header …) whoever found nothing —
the command or the core raising :class:`~poc_cli.errors.NotFound` — and exits 1.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import typing
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from poc_cli.errors import NotFound, PocError, UsageError
from poc_cli.model import STATEMENT_KINDS
from poc_cli.output.emit import OutputChoice, emit, emit_nothing, emit_renderable, fail, note
from poc_cli.output.env import Environment
from poc_cli.output.formats import Format
from poc_cli.output.tables import Record, View

from .argv import PocCommand
from .completion import complete_event, complete_session, complete_speaker, complete_topic

if TYPE_CHECKING:
    from poc_cli.corpus.one_statement import StatementCorpus
    from poc_cli.model import Corpus


# --------------------------------------------------------------------- settings


class Settings:
    """Options given before the command (``poc --data PATH …``)."""

    def __init__(self, data: Path | None = None) -> None:
        self.data = data


def settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


def use_data(ctx: typer.Context, value: str | None) -> str | None:
    """``--data``, before the command or after it: check it and keep it for the command.

    Given after the command too, the later one wins (``poc --data a search x --data b``
    searches b), as a command's own options do.
    """
    if value is not None:
        if not value.strip():
            raise typer.BadParameter(
                "must name a dataset file or folder, not be empty", param_hint="--data / POC_DATA"
            )
        if value == "-":
            # A dataset is read by path: its search index is cached under the file's
            # name and times, and `show` loads one file of a folder.  stdin has none.
            raise typer.BadParameter(
                "'-' (stdin) is not read as a dataset; save it to a file and name that "
                "(`poc extract -` reads a report from stdin, `-o -` writes to stdout)",
                param_hint="--data / POC_DATA",
            )
        settings(ctx).data = Path(value)
    return value


DATA_HELP = (
    "Dataset file, or folder of *.json dataset files, to use instead of the bundled seminar."
)
# A str, not a Path: Path("") would become "." and load the cwd.
DataOpt = Annotated[
    str | None,
    typer.Option("--data", metavar="PATH", help=DATA_HELP, callback=use_data, show_default=False),
]
"""``--data`` after the command name (``poc search neutrality --data ~/seminars``)."""


# ----------------------------------------------------------------- option types

SpeakerOpt = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        "-s",
        help="A person, by any name they go by (Mamiya, agnes, van den berg).",
        autocompletion=complete_speaker,
        show_default=False,
    ),
]
SessionOpt = Annotated[
    str | None,
    typer.Option(
        "--session",
        help="A session id or number (opening, 1, keynote, 2, closing) or words of its title.",
        autocompletion=complete_session,
        show_default=False,
    ),
]
EventOpt = Annotated[
    str | None,
    typer.Option(
        "--event",
        help="Only this event (with a corpus of several).",
        autocompletion=complete_event,
        show_default=False,
    ),
]

Kind = StrEnum("Kind", {kind: kind for kind in STATEMENT_KINDS})  # type: ignore[misc]
"""The statement kinds as an option's choices (model.STATEMENT_KINDS)."""

KindOpt = Annotated[
    Kind | None,
    typer.Option(
        "--kind",
        case_sensitive=False,
        help="quote (the speaker's own words) or paraphrase (the report's).",
        show_default=False,
    ),
]
TopicOpt = Annotated[
    str | None,
    typer.Option(
        "--topic",
        help="A topic id or label (neutrality, Mali, use of force).",
        autocompletion=complete_topic,
        show_default=False,
    ),
]
NotesOpt = Annotated[
    bool,
    typer.Option(
        "--notes",
        help="With a session or person named: the curator's notes in full (how the data "
        "was taken from the report); --json always has them.",
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",  # (the choices as a metavar broke across lines at 80 columns)
        help="Output format: " + ", ".join(f.value for f in Format) + ".",
        case_sensitive=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
PagerOpt = Annotated[bool, typer.Option("--pager", help="Page long output (on a terminal only).")]


def output_option(suffixes: str) -> Any:
    """The ``-o/--output FILE`` option, its help ending with what its suffix chooses."""
    return typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=f"Write to this file instead of stdout (- means stdout); {suffixes}",
        show_default=False,
    )


OutputOpt = Annotated[
    str | None,  # as typed: "-" is stdout, "./-" a file named "-"
    output_option(
        "its suffix (.csv, .json, .jsonl, .md) gives the format when --format is not given."
    ),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="With --output: overwrite an existing file.")
]


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


ColorOpt = Annotated[
    Color,
    typer.Option(
        "--color",
        help="Styles: auto (on a terminal, unless NO_COLOR; FORCE_COLOR adds pipes), "
        "always (pipes and any pager too), never.",
        case_sensitive=False,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print nothing, as grep -q: the exit status says whether anything was found "
        "(0) or not (1); errors still go to stderr.",
    ),
]
BomOpt = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="CSV for Excel: start with a UTF-8 byte-order mark, without which Excel "
        "misreads accents. CSV only; alone it means --format csv.",
    ),
]
CsvRawOpt = Annotated[
    bool,
    typer.Option(
        "--csv-raw",
        help="CSV cells exactly as the dataset has them: no apostrophe before a cell "
        "that starts like a formula (= + - @), no escapes for control characters.",
    ),
]


def _parameter(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


OUTPUT_PARAMETERS = (
    _parameter("fmt", FormatOpt, Format.table),
    _parameter("json_", JsonOpt, False),
    _parameter("pager", PagerOpt, False),
    _parameter("output", OutputOpt, None),
    _parameter("force", ForceOpt, False),
    _parameter("color", ColorOpt, Color.auto),
    _parameter("csv_raw", CsvRawOpt, False),
    _parameter("bom", BomOpt, False),
    _parameter("quiet", QuietOpt, False),
)
DATA_PARAMETER = _parameter("data", DataOpt, None)


# ---------------------------------------------------------------- the decorator


class Listing(NamedTuple):
    """What a command found: records, shown through ``view`` (the command's own when
    None); ``empty`` is the message when there are none; ``events``: how many events
    the corpus holds (tables name the event when there are several); ``drawing``: a
    picture for the table format instead of a table (``stats``' bar charts), given
    whether stdout is a terminal."""

    records: Sequence[Record]
    empty: str = "nothing found"
    view: View | None = None
    events: int = 1
    drawing: Callable[[bool], Any] | None = None


class Run:
    """One run of a command: the output environment, what the output options asked
    for, and the data it reads.  Commands print nothing themselves; they return a
    :class:`Listing`, or use :meth:`note` and :meth:`write` for what is not records."""

    def __init__(
        self, ctx: typer.Context, env: Environment, choice: OutputChoice, *, quiet: bool = False
    ) -> None:
        self.ctx = ctx
        self.env = env
        self.choice = choice
        self.quiet = quiet
        """``--quiet``: nothing but errors is printed; the exit status answers."""

    @property
    def data(self) -> Path | None:
        return settings(self.ctx).data

    def writes_plain_table(self) -> bool:
        """True if a listing is written as a plain table (a pipe or a file, no colour)."""
        from poc_cli.output.emit import writes_plain_table

        return writes_plain_table(self.env, self.choice)

    def writes_json(self) -> bool:
        """True if a listing is written as ``--json`` (``--format json``)."""
        from poc_cli.output.formats import Format

        return self.choice.format is Format.json

    def note(self, message: str) -> None:
        if not self.quiet:
            note(self.env, message)

    def write(self, text: str) -> None:
        """Text that is the command's output (a citation, a dataset), to stdout or -o."""
        if not self.quiet:
            emit_renderable(self.env, text, self.choice)

    @contextlib.contextmanager
    def progress(self, label: str) -> Iterator[Callable[[int, int], None] | None]:
        from poc_cli.output.emit import progress_bar

        with progress_bar(self.env, label) as progress:
            yield progress

    def load_corpus(self) -> Corpus:
        from poc_cli.corpus import load_corpus

        # A big archive takes seconds to read; say so on a terminal rather than hang.
        with self.progress("Reading datasets") as progress:
            return load_corpus(self.data, on_file=progress)

    def load_for_statement(self, statement_id: str) -> StatementCorpus:
        """The corpus ``show``/``cite`` need (of a big archive, only the statement's file)."""
        from poc_cli.corpus.one_statement import corpus_for_statement

        with self.progress("Reading datasets") as progress:
            found = corpus_for_statement(self.data, statement_id, progress=progress)
        for warning in found.warnings:
            self.note(f"warning: {warning}")
        return found


def _given(ctx: typer.Context, name: str) -> bool:
    """Whether the option ``name`` was typed (or set by its variable), not defaulted."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name != "DEFAULT"


COMMANDS: list[tuple[str, Callable[..., Any], type[PocCommand], str]] = []
"""Every command, as (name, function, Click class, epilog): cli/app.py registers them."""


def reflowed(doc: str | None) -> str | None:
    """A docstring's paragraphs each as one line: Typer's Rich help keeps a docstring's
    line breaks, so at 80 columns a sentence broke after every source line (``cite
    the words as`` / ``quoted in the event report``).  A paragraph that starts
    indented or with a bullet (a list) keeps its lines."""
    if doc is None:
        return None
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        paragraph if paragraph[:1] in (" ", "-", "*", "•") else " ".join(paragraph.split("\n"))
        for paragraph in paragraphs
    )


def examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n".join(f"  {line}" for line in lines)


def poc_command(
    *,
    examples_: Sequence[str],
    view: View | None = None,
    output: bool = True,
    data: bool = True,
    cls: type[PocCommand] = PocCommand,
    name: str | None = None,
) -> Callable[[Callable[..., Listing | None]], Callable[..., None]]:
    """Make ``body`` a poc command (see the module docstring); ``data=False`` for a
    command that reads no dataset (``extract``)."""

    def decorate(body: Callable[..., Listing | None]) -> Callable[..., None]:
        hints = typing.get_type_hints(body, include_extras=True)
        own = [
            p.replace(annotation=hints.get(p.name, p.annotation))
            for p in inspect.signature(body).parameters.values()
            if p.name != "run"
        ]
        added = [*(OUTPUT_PARAMETERS if output else ()), *((DATA_PARAMETER,) if data else ())]
        added_names = {p.name for p in added}

        @functools.wraps(body)
        def command(ctx: typer.Context, **options: Any) -> None:
            env = Environment.current()
            if output:
                env = env.with_color(options["color"].value)
            mine = {k: v for k, v in options.items() if k not in added_names}
            choice = OutputChoice()
            try:
                if output:
                    choice = OutputChoice.of(
                        options["fmt"],
                        options["json_"],
                        options["pager"],
                        options["output"],
                        options["force"],
                        csv_raw=options["csv_raw"],
                        bom=options["bom"],
                        format_given=_given(ctx, "fmt"),
                    )
                quiet = output and options["quiet"]
                if quiet and choice.output is not None:
                    raise UsageError("--quiet prints nothing; leave out --output, or --quiet")
                listing = body(ctx, **mine, run=Run(ctx, env, choice, quiet=quiet))
                if listing is None:
                    return
                shown = listing.view or view
                if not listing.records:
                    raise NotFound(listing.empty)
                if quiet:
                    return  # found: exit 0, and nothing said
                if listing.drawing is not None and choice.format is Format.table:
                    terminal = choice.output is None and env.stdout_isatty
                    emit_renderable(env, listing.drawing(terminal), choice)
                    return
                assert shown is not None, "a command that lists records has a view"
                emit(env, listing.records, shown, choice, events=listing.events)
            except NotFound as nothing:
                if output and options["quiet"]:
                    raise typer.Exit(int(nothing.exit_status)) from None
                # The empty answer, in the format asked for, where the answer was to go.
                try:
                    emit_nothing(env, view, choice)
                except PocError as cannot:
                    fail(env, nothing)
                    raise typer.Exit(fail(env, cannot)) from None
                raise typer.Exit(fail(env, nothing)) from None
            except PocError as error:
                raise typer.Exit(fail(env, error)) from None

        parameters = [own[0], *own[1:], *added]  # ctx first, as Typer passes it
        command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        del command.__wrapped__  # Typer must read the signature above, not body's
        command.__doc__ = reflowed(body.__doc__)
        COMMANDS.append((name or body.__name__, command, cls, examples(*examples_)))
        return command

    return decorate
