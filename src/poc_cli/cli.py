"""The ``poc`` command line: Typer wiring only.

Each command parses its options, calls the core (``dataset``, ``names``,
``queries``, ``search``, ``cite``) and hands records to ``render``.  User errors
are :class:`~poc_cli.errors.PocError` subclasses raised by the core; the
``@reports_errors`` decorator turns them into one line on stderr and an exit code.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import io
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NamedTuple, NoReturn, TypeVar

import typer
from typer.core import TyperCommand

from . import __version__
from .cite import CitationStyle
from .errors import ExitStatus, NotFound, PocError, UsageError
from .render import Column, Format, Record, View, render

EXIT_CODES_HELP = """\
Exit codes: 0 results found, 1 nothing found, 2 usage or data error, 130 interrupted.

Data: the bundled seminar, or [bold]--data[/bold] PATH / $POC_DATA (a dataset file or a folder of them)."""

app = typer.Typer(
    name="poc",
    help="Explore who said what at the IPI seminar “Protecting Civilians and Managing Threats”.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
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


# ----------------------------------------------------------------- shared plumbing


class Settings:
    """Options given before the command (``poc --data PATH …``)."""

    def __init__(self, data: Path | None = None) -> None:
        self.data = data


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


def _load(ctx: typer.Context) -> Any:
    from .corpus import load_corpus

    # A big archive takes seconds to read; say so on a terminal rather than hang silently.
    with _progress_bar("Reading datasets") as progress:
        return load_corpus(_settings(ctx).data, on_file=progress)


def _load_for_statement(ctx: typer.Context, statement_id: str) -> Any:
    """The corpus ``show``/``cite`` need (of a big archive, only the statement's file),
    as a :class:`~poc_cli.lookup.StatementCorpus`."""
    from .corpus.one_statement import corpus_for_statement

    with _progress_bar("Reading datasets") as progress:
        found = corpus_for_statement(_settings(ctx).data, statement_id, progress=progress)
    for warning in found.warnings:
        _note(f"warning: {warning}")
    return found


F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn poc's own errors into a message on stderr and their exit code.

    Only :class:`PocError` is caught: anything else is a bug and must show as one,
    and ``typer.Exit`` must pass through untouched.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PocError as error:
            if isinstance(error, NotFound):
                _answer_nothing(kwargs, error)
            _fail(error)

    return wrapper  # type: ignore[return-value]


def _answer_nothing(options: dict[str, Any], error: NotFound) -> None:
    """Nothing found still answers where the answer was to go, in the format asked for
    (``[]``, a CSV header, an empty Markdown table, or nothing for a table): on stdout,
    or in the --output file, as ``cmd > file`` would empty it, so that a file never
    keeps an earlier run's results after this one found none."""
    json_asked = bool(options.get("json_")) or options.get("fmt") is Format.json
    text = error.empty_output
    if text is None:
        text = "[]" if json_asked else ""
    if text and not text.endswith("\n"):
        text += "\n"
    try:
        output = _output_path(options.get("output"))
    except UsageError:
        return  # reported when the command ran; here is only the empty answer
    if output is None:
        sys.stdout.write(text)
        return
    from .files import write_new_file

    try:
        write_new_file(output, text, force=bool(options.get("force")))
    except PocError as cannot:
        _note(error.message)
        _fail(cannot)


def _fail(error: PocError) -> NoReturn:
    from .console import make_terminal
    from .render import safe_text

    err = make_terminal().err
    prefix = "" if error.exit_status is ExitStatus.NOTHING_FOUND else "error: "
    err.print(safe_text(prefix + error.message))
    for line in error.details:
        err.print(safe_text("  " + line))
    raise typer.Exit(int(error.exit_status))


def _version(value: bool) -> None:
    if value:
        print(f"poc {__version__}")
        raise typer.Exit()


def _use_data(ctx: typer.Context, value: str | None) -> str | None:
    """``--data``, before the command or after it: check it and keep it for the command.

    Given after the command too, the later one wins (``poc --data a search x --data b``
    searches b), as a command's own options do.
    """
    if value is not None:
        if not value.strip():
            raise typer.BadParameter(
                "must name a dataset file or folder, not be empty", param_hint="--data / POC_DATA"
            )
        _settings(ctx).data = Path(value)
    return value


DATA_HELP = (
    "Dataset file, or folder of *.json dataset files, to use instead of the bundled seminar."
)
# A str, not a Path: Path("") would become "." and load the cwd.
DataOpt = Annotated[
    str | None,
    typer.Option("--data", help=DATA_HELP, callback=_use_data, show_default=False),
]
"""``--data`` after the command name (``poc search neutrality --data ~/seminars``)."""


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data", envvar="POC_DATA", help=DATA_HELP, callback=_use_data, show_default=False
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show poc's version and exit."
        ),
    ] = False,
) -> None:
    """Options for every command; --data may also come after the command's name."""


class PocCommand(TyperCommand):
    """A poc command: an option given twice with different values is refused.

    Click keeps the last one, so ``quotes --speaker Mamiya --speaker Coutou`` showed
    Coutou alone, as if Mamiya had never been asked for.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # a Click Context
        given: dict[str, tuple[str, str]] = {}  # parameter -> (option typed, value)
        for param, typed, value in _options_in(self.get_params(ctx), args):
            if param in given and given[param][1] != value:
                first, earlier = given[param]
                ctx.fail(f"{first} was given twice ({earlier!r} and {value!r}); give it once")
            given.setdefault(param, (typed, value))
        return super().parse_args(ctx, args)


def _options_in(params: Sequence[Any], args: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """(parameter name, option as typed, value) of each value-taking option in ``args``,
    read as Click reads them: ``--opt value``, ``--opt=value``, ``-o value``, ``-ovalue``."""
    names: dict[str, str] = {}
    for param in params:
        if param.param_type_name == "option" and not param.is_flag:
            for name in (*param.opts, *param.secondary_opts):
                names[name] = param.name
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return
        if arg.startswith("--"):
            name, equals, value = arg.partition("=")
        elif arg.startswith("-") and len(arg) > 2 and arg[:2] in names:
            name, equals, value = arg[:2], "=", arg[2:]
        else:
            name, equals, value = arg, "", ""
        if name in names:
            if not equals:
                value = next(rest, "")
            yield names[name], name, value


# ------------------------------------------------------------------ completions


def _complete_corpus(ctx: typer.Context) -> Any:
    try:
        from .corpus import load_corpus

        # --data after the command name wins over one before it, as when running it.
        data = ctx.params.get("data") or ctx.find_root().params.get("data")
        return load_corpus(data)
    except PocError:
        return None


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    from .text.normalise import fold

    wanted = fold(incomplete)
    names = dict.fromkeys(p.name for _, p in corpus.speakers)
    return [
        n
        for n in names
        if fold(n).startswith(wanted) or any(w.startswith(wanted) for w in fold(n).split())
    ]


def complete_session(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    ids = dict.fromkeys(s.id for _, s in corpus.sessions)
    return [i for i in ids if i.startswith(incomplete)]


def complete_statement(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    return [s.id for s in corpus.statements if s.id.startswith(incomplete)][:200]


# --------------------------------------------------------------- shared options

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
    typer.Option("--event", help="Only this event (with a corpus of several).", show_default=False),
]


class Kind(StrEnum):
    quote = "quote"
    paraphrase = "paraphrase"


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
        "--topic", help="A topic id or label (neutrality, Mali, use of force).", show_default=False
    ),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
PagerOpt = Annotated[bool, typer.Option("--pager", help="Page long output (on a terminal only).")]
OutputOpt = Annotated[
    str | None,  # as typed: "-" is stdout, "./-" a file named "-"
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of stdout (- means stdout).",
        show_default=False,
    ),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="With --output: overwrite an existing file.")
]


class OutputChoice(NamedTuple):
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
        return cls(Format.json if json_ else fmt, pager, _output_path(output), force)


def _output_path(typed: str | None) -> Path | None:
    """--output as typed: None for stdout ("-", as the convention goes), else a path."""
    if typed is None or typed == "-":
        return None
    if not typed.strip():
        raise UsageError("--output must name a file, not be empty")
    path = Path(typed).expanduser()
    if path.is_dir():
        raise UsageError(f"{typed}: is a folder; --output needs a file name")
    return path


def emit(
    records: Sequence[Record], view: View, choice: OutputChoice, *, empty: str, events: int = 1
) -> None:
    """Print (or write) records in the chosen format; nothing found is exit 1.

    ``events``: how many the corpus holds; with more than one, tables say which
    event each row is from."""
    if not records:
        # reports_errors prints (or writes) the empty answer: [], a CSV header …
        fmt = choice.format
        none = render([], view, fmt, terminal=False) if fmt is not Format.table else None
        raise NotFound(empty, empty_output=none if isinstance(none, str) else None)
    view = _with_event_column(records, view, events)
    terminal = choice.output is None and sys.stdout.isatty()
    emit_renderable(render(records, view, choice.format, terminal=terminal), choice)


EVENT_COLUMN = Column("Event", lambda r: r["event"]["id"], style="magenta", no_wrap=True)


def _with_event_column(records: Sequence[Record], view: View, events: int) -> View:
    """With a corpus of several events, tables say which event each row is from, even
    when every row is from the same one (which else would the reader take it for?)."""
    if events < 2 or not all(isinstance(r.get("event"), dict) for r in records):
        return view
    return view._replace(columns=(EVENT_COLUMN, *view.columns))


def emit_renderable(output: Any, choice: OutputChoice) -> None:
    if choice.output is not None:
        from .files import write_new_file

        text = output if isinstance(output, str) else _to_plain_text(output)
        write_new_file(choice.output, text, force=choice.force)
        return
    if isinstance(output, str):
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
        return
    from .console import make_terminal

    terminal = make_terminal()
    if not terminal.interactive:
        # A pipe or a file: no pager, no colour, and no trailing padding on lines.
        with terminal.out.capture() as capture:
            terminal.out.print(output)
        sys.stdout.write("\n".join(line.rstrip() for line in capture.get().split("\n")))
    elif choice.pager and _pager_runs():
        with terminal.out.pager(styles=True):
            terminal.out.print(output)
    else:
        terminal.out.print(output)


def _pager_runs() -> bool:
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
    _note(f"warning: the pager {pager!r} (${variable}) was not found; printing without it")
    return False


def _to_plain_text(renderable: Any) -> str:
    from rich.console import Console

    from .console import PIPE_WIDTH

    # As wide as a pipe gets: nothing is wrapped or cut (the plain tables are as wide
    # as their longest cell); lines carry no trailing padding.
    console = Console(
        width=PIPE_WIDTH, no_color=True, color_system=None, markup=False, highlight=False
    )
    with console.capture() as capture:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in capture.get().split("\n"))


# ----------------------------------------------------------------------- views


def _join(values: Sequence[str]) -> str:
    return ", ".join(values)


STATEMENT_COLUMNS = (
    Column("ID", lambda r: r["id"], style="cyan", no_wrap=True),
    Column("Speaker", lambda r: r["speaker"]["name"], style="bold"),
    Column("Session", lambda r: r["session"]["title"]),
    Column("Kind", lambda r: r["kind"], no_wrap=True),
    Column("Text", lambda r: r["text"], ratio=4),
)
STATEMENT_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("session_id", lambda r: r["session"]["id"]),
    Column("session", lambda r: r["session"]["title"]),
    Column("speaker_id", lambda r: r["speaker"]["id"]),
    Column("speaker", lambda r: r["speaker"]["name"]),
    Column("kind", lambda r: r["kind"]),
    Column("text", lambda r: r["text"]),
    Column("topics", lambda r: "; ".join(r["topics"])),
    Column("paragraphs", lambda r: "; ".join(str(n) for n in r["paragraphs"])),
)
QUOTES_VIEW = View(STATEMENT_COLUMNS, STATEMENT_CSV)


def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n".join(f"  {line}" for line in lines)


# -------------------------------------------------------------------- commands


@app.command(
    cls=PocCommand,
    epilog=_examples(
        "poc quotes",
        "poc quotes --speaker Mamiya",
        "poc quotes --speaker 'van den berg'",
        "poc quotes --speaker lion --kind quote",
        "poc quotes --session 2 --topic counter-terrorism",
        "poc quotes --format csv -o quotes.csv",
        "poc quotes --json | jq '.[].text'",
    ),
)
@reports_errors
def quotes(
    ctx: typer.Context,
    speaker: SpeakerOpt = None,
    session: SessionOpt = None,
    kind: KindOpt = None,
    topic: TopicOpt = None,
    event: EventOpt = None,
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """List statements in report order, with speaker, session and kind.

    A [bold]quote[/bold] is the speaker's words exactly as the report prints them in
    quotation marks; a [bold]paraphrase[/bold] is the report's own summary of what
    they said.
    """
    from .queries import select_statements, statements_records

    choice = OutputChoice.of(fmt, json_, pager, output, force)
    corpus = _load(ctx)
    speakers = _speaker_keys(corpus, speaker, allow_several=True) if speaker is not None else None
    sessions = _session_keys(corpus, session, event) if session is not None else None
    found = select_statements(
        corpus,
        speakers=speakers,
        sessions=sessions,
        event=event,
        kind=kind.value if kind else None,
        topic=topic,
    )
    emit(
        statements_records(corpus, found),
        QUOTES_VIEW,
        choice,
        empty="no statements match",
        events=len(corpus.datasets),
    )


def _speaker_keys(
    corpus: Any, name: str, *, allow_several: bool, event: str | None = None
) -> list[tuple[str, str]]:
    """Resolve a typed name to (event, speaker id) keys.

    ``allow_several``: the command can honestly show everyone the name fits (a
    listing); otherwise a name that fits several people is a usage error.
    ``event``: of the people the name fits (matched over the whole corpus, so an
    alias given in another event counts), those in that event only: two people of
    one name in different events are then told apart.  Empty if none is in it.
    """
    from .names import match_speakers, person_key

    match = match_speakers(corpus, name)
    note = match.typo_note(name)
    if note:
        _note(f"note: {note}")
    matches = [r for r in match.records if event is None or r[0] == event]
    people = {person_key(speaker): speaker for _, speaker in matches}
    if len(people) > 1:
        listing = "; ".join(f"{p.name} ({p.id})" for p in people.values())
        if not allow_several:
            from .errors import AmbiguousName

            raise AmbiguousName(
                f"{name!r} fits {len(people)} people: {listing}; give a fuller name or --event"
            )
        _note(f"{name!r} fits {len(people)} people: {listing}; showing all of them")
    return [(event_id, speaker.id) for event_id, speaker in matches]


def _session_keys(corpus: Any, text: str, event: str | None) -> list[tuple[str, str]]:
    from .names import resolve_session

    return [
        (event_id, session.id) for event_id, session in resolve_session(corpus, text, event=event)
    ]


def _note(message: str) -> None:
    from .console import make_terminal
    from .render import safe_text

    make_terminal().err.print(safe_text(message), style="dim")


SESSION_COLUMNS = (
    Column("ID", lambda r: r["id"], style="cyan", no_wrap=True),
    Column(
        "Session",
        lambda r: (
            r["title"]
            + (
                f"\nPaper: “{r['paper']['title']}” by {r['paper']['author']['name']}"
                if r["paper"]
                else ""
            )
        ),
        ratio=3,
    ),
    Column("Moderators", lambda r: _join(r["moderators"])),
    Column("Speakers", lambda r: _join(r["speakers"]), ratio=2),
    Column("Statements", lambda r: str(r["statements"]), justify="right"),
)
SESSION_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("title", lambda r: r["title"]),
    Column("kind", lambda r: r["kind"]),
    Column("paper", lambda r: r["paper"]["title"] if r["paper"] else ""),
    Column("paper_author", lambda r: r["paper"]["author"]["name"] if r["paper"] else ""),
    Column("moderators", lambda r: "; ".join(r["moderators"])),
    Column("speakers", lambda r: "; ".join(r["speakers"])),
    Column("statements", lambda r: str(r["statements"])),
)


@app.command(
    cls=PocCommand,
    epilog=_examples(
        "poc sessions",
        "poc sessions 2",
        "poc sessions keynote --json",
        "poc sessions --format markdown",
    ),
)
@reports_errors
def sessions(
    ctx: typer.Context,
    session: Annotated[
        str | None,
        typer.Argument(
            help="Show this session in depth (id, number or words of its title).",
            autocompletion=complete_session,
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """The agenda at a glance, or one session in depth.

    Each session's title, paper and author, moderators, speakers and number of
    statements.  Name a session to see its paper's recommendations and every
    speaker's points in order of appearance."""
    from .queries import session_detail, sessions_overview

    choice = OutputChoice.of(fmt, json_, pager, output, force)
    corpus = _load(ctx)
    if session is None:
        records = sessions_overview(corpus, event=event)
        view = View(SESSION_COLUMNS, SESSION_CSV)
        emit(records, view, choice, empty="no sessions", events=len(corpus.datasets))
        return
    details = [session_detail(corpus, key) for key in _session_keys(corpus, session, event)]
    view = _detailed(View(SESSION_COLUMNS, SESSION_CSV), "session_detail_extra", choice)
    emit(details, view, choice, empty="no such session", events=len(corpus.datasets))


def _detailed(view: View, extra: str, choice: OutputChoice) -> View:
    """``view`` with the named renderer from views.py below its table.

    Only for table output: JSON, CSV and Markdown carry the detail in their records,
    and need not import Rich.
    """
    if choice.format is not Format.table:
        return view
    from . import views

    return view._replace(extra=getattr(views, extra))


SPEAKER_COLUMNS = (
    Column(
        "Name",
        lambda r: (r["honorific"] + " " if r["honorific"] else "") + r["name"],
        style="bold",
        ratio=2,
    ),
    Column("Role", lambda r: r["role"], ratio=3),
    Column("Organisation", lambda r: r["organisation"], ratio=2),
    Column("Sessions", lambda r: _join(r["sessions"])),
    Column("Statements", lambda r: str(r["statements"]), justify="right"),
)
SPEAKER_CSV = (
    Column("id", lambda r: r["id"]),
    Column("event", lambda r: r["event"]["id"]),
    Column("honorific", lambda r: r["honorific"] or ""),
    Column("name", lambda r: r["name"]),
    Column("role", lambda r: r["role"]),
    Column("organisation", lambda r: r["organisation"]),
    Column("sessions", lambda r: "; ".join(r["sessions"])),
    Column("parts", lambda r: "; ".join(f"{p['session']}:{p['part']}" for p in r["parts"])),
    Column("statements", lambda r: str(r["statements"])),
)


@app.command(
    cls=PocCommand,
    epilog=_examples(
        "poc speakers",
        "poc speakers Mamiya",
        "poc speakers agnes --json",
        "poc speakers --format csv -o people.csv",
    ),
)
@reports_errors
def speakers(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="Show this person's profile and everything they said.",
            autocompletion=complete_speaker,
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """Everyone who spoke, moderated or gave remarks, or one person's profile.

    Honorific, role, organisation, sessions and number of statements.  Name a
    person to see their part in the event and everything they said."""
    from .queries import speaker_profiles, speakers_overview

    choice = OutputChoice.of(fmt, json_, pager, output, force)
    corpus = _load(ctx)
    if name is None:
        emit(
            speakers_overview(corpus, event=event),
            View(SPEAKER_COLUMNS, SPEAKER_CSV),
            choice,
            empty="no speakers",
            events=len(corpus.datasets),
        )
        return
    from .queries import check_event

    check_event(corpus, event)
    keys = _speaker_keys(corpus, name, allow_several=False, event=event)
    emit(
        speaker_profiles(corpus, keys),
        _detailed(View(SPEAKER_COLUMNS, SPEAKER_CSV), "speaker_profile_extra", choice),
        choice,
        empty=f"{name} is not in event {event}",
        events=len(corpus.datasets),
    )


@app.command(
    cls=PocCommand,
    epilog=_examples("poc show ipi18-21", "poc show 21", "poc show ipi18-21 --json"),
)
@reports_errors
def show(
    ctx: typer.Context,
    statement_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A statement id (from `poc quotes`), or its number.",
            autocompletion=complete_statement,
        ),
    ],
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """One statement in full, with its attribution and context.

    Who said it and in what role, the session, the statements around it and the
    paragraph of the report it comes from."""
    from .queries import find_statement, statement_context

    choice = OutputChoice.of(fmt, json_, pager, output, force)
    found = _load_for_statement(ctx, statement_id)
    corpus = found.corpus
    record = statement_context(corpus, find_statement(corpus, statement_id))
    view = _detailed(View(STATEMENT_COLUMNS, STATEMENT_CSV), "statement_context_extra", choice)
    emit([record], view, choice, empty="no such statement", events=found.events)


@app.command(
    cls=PocCommand,
    epilog=_examples(
        "poc cite ipi18-21",
        "poc cite ipi18-21 --style apa",
        "poc cite 3 --style markdown >> notes.md",
        "poc cite ipi18-20 --paraphrase",
    ),
)
@reports_errors
def cite(
    ctx: typer.Context,
    statement_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A statement id (from `poc quotes`), or its number.",
            autocompletion=complete_statement,
        ),
    ],
    style: Annotated[
        CitationStyle, typer.Option("--style", help="Citation style.", case_sensitive=False)
    ] = CitationStyle.plain,
    paraphrase: Annotated[
        bool,
        typer.Option(
            "--paraphrase",
            help="Allow citing a paraphrase, as the report's summary (never in quotation marks).",
        ),
    ] = False,
    data: DataOpt = None,
) -> None:
    """A ready-to-paste citation of a quotation.

    The exact words, speaker, role, event, host and date.  A paraphrase is the
    report's wording, so it is refused unless --paraphrase is given, and then it is
    never put in quotation marks."""
    from .cite import cite as make_citation
    from .queries import find_statement

    corpus = _load_for_statement(ctx, statement_id).corpus
    statement = find_statement(corpus, statement_id)
    from .text.escape import visible

    citation = make_citation(corpus, statement, style, allow_paraphrase=paraphrase)
    sys.stdout.write(visible(citation) + "\n")


STATS_COLUMNS = (
    Column("By", lambda r: r["by"], style="cyan", no_wrap=True),
    Column("Name", lambda r: r["label"], ratio=2),
    Column("Statements", lambda r: str(r["statements"]), justify="right"),
)


@app.command(
    cls=PocCommand,
    epilog=_examples("poc stats", "poc stats --by topic", "poc stats --json"),
)
@reports_errors
def stats(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Only one breakdown: speaker, session, organisation, topic or kind.",
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """Statements per speaker, session, organisation and topic, as bar charts."""
    from .queries import statistics

    choice = OutputChoice.of(fmt, json_, pager, output, force)
    corpus = _load(ctx)
    rows = statistics(corpus, event=event)
    if by is not None:
        dimensions = sorted({r["by"] for r in rows}) or [
            "speaker",
            "session",
            "organisation",
            "topic",
            "kind",
        ]
        if by not in dimensions:
            raise UsageError(f"unknown breakdown {by!r}; choose from {', '.join(dimensions)}")
        rows = [r for r in rows if r["by"] == by]
    if choice.format is Format.table and rows:
        if choice.output is None and sys.stdout.isatty():
            from .views import stats_charts

            emit_renderable(stats_charts(rows), choice)
        else:
            from .render import plain_bar_charts

            emit_renderable(plain_bar_charts(rows), choice)
        return
    emit(rows, View(STATS_COLUMNS), choice, empty="no statements to count")


def _highlighted(record: Record) -> Any:
    """The statement text with the matched words highlighted (styles show only on a terminal)."""
    from .render import safe_text
    from .text.escape import visible

    text = record["text"]
    cell = safe_text(text)
    if visible(text) == text:  # spans index the original text; escapes would shift them
        for start, end in record.get("spans", []):
            cell.stylize("bold reverse", start, end)
    return cell


SEARCH_COLUMNS = (
    # Whole points, rounded down: 90.7 shows as 90, as --min-score 91 (which leaves it
    # out) and "90 and above: found exactly" read it.
    Column("Score", lambda r: str(math.floor(r["score"])), justify="right", no_wrap=True),
    Column("ID", lambda r: r["id"], style="cyan", no_wrap=True),
    Column("Speaker", lambda r: r["speaker"]["name"], style="bold"),
    Column("Session", lambda r: r["session"]["title"]),
    Column("Kind", lambda r: r["kind"], no_wrap=True),
    Column("Text", lambda r: r["text"], ratio=4, rich=_highlighted),
)
SEARCH_CSV = (Column("score", lambda r: f"{r['score']:.1f}"), *STATEMENT_CSV)


class SearchCommand(PocCommand):
    """``poc search``: a query word may begin with a dash (``-word`` excludes it).

    Click reads ``-violence`` as the short options ``-v -i -o`` with ``lence`` as
    ``-o``'s value, and so wrote the results to a file named "lence", silently.
    Here every argument that is not one of the command's options (or an option's
    value) is a query word, handed to Click after ``--`` in the order typed.  An
    option's value goes in the next argument or after ``=`` (``-s Mamiya``,
    ``--speaker=Mamiya``); ``-sMamiya`` is a word.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # a Click Context
        return super().parse_args(ctx, _query_words_last(ctx, self.get_params(ctx), args))


def _query_words_last(ctx: typer.Context, params: Sequence[Any], args: Sequence[str]) -> list[str]:
    """``args`` with the options first and every other word after ``--``, in order.

    ``params``: the command's Click parameters (Typer vendors Click privately, so
    options are told by ``param_type_name``, not by class)."""
    takes_value: dict[str, bool] = {}
    for param in params:
        if param.param_type_name == "option":
            for name in (*param.opts, *param.secondary_opts):
                takes_value[name] = not param.is_flag
    options: list[str] = []
    words: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            words.extend(rest)
            break
        name, equals, _ = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in takes_value:
            words.append(arg)
            continue
        options.append(arg)
        if takes_value[name] and not equals:
            value = next(rest, None)  # the next argument, whatever it looks like
            if value is None:
                if ctx.resilient_parsing:  # completing that option's value: Click's job
                    return list(args)
                ctx.fail(f"Option '{name}' requires an argument.")
            options.append(value)
    return [*options, "--", *words] if words else options


@app.command(
    cls=SearchCommand,
    epilog=_examples(
        "poc search neutrality",
        "poc search nuetrality                  # typos are forgiven",
        "poc search '\"capture the narrative\"'   # an exact phrase",
        "poc search armed groups -Mali          # -word excludes",
        "poc search legitimacy --session 2 --kind quote",
        "poc search Mamiya                      # a name shows the person first",
        "poc search 'cards on the table' --json --limit 1",
    ),
)
@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help='What to look for: words, "an exact phrase", -word to exclude.', show_default=False
        ),
    ],
    speaker: SpeakerOpt = None,
    session: SessionOpt = None,
    kind: KindOpt = None,
    topic: TopicOpt = None,
    event: EventOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many results.")] = 20,
    min_score: Annotated[
        float, typer.Option("--min-score", help="Only results scoring at least this (0-100).")
    ] = 0.0,
    fmt: FormatOpt = Format.table,
    json_: JsonOpt = False,
    pager: PagerOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
) -> None:
    """Ranked search over what was said, forgiving typos, accents and spelling.

    Searches statement text, list items, topics, and speakers' names and
    organisations; best first, with a score from 0 to 100 (90 and above: the words
    were found exactly, side by side).  -word excludes a word (poc search armed
    -Mali); put a phrase in single quotes so the shell passes its double quotes on.
    """
    from .search import SearchFilters, parse_query
    from .search import search as run_search

    _refuse_unknown_options(ctx, query)
    choice = OutputChoice.of(fmt, json_, pager, output, force)
    filters = SearchFilters(
        speaker=speaker,
        session=session,
        kind=kind.value if kind else None,
        topic=topic,
        event=event,
    )
    typed = " ".join(query)
    parsed = parse_query(typed, filters=filters, limit=limit, min_score=min_score)
    with _progress_bar("Indexing statements") as progress:
        result = run_search(_settings(ctx).data, parsed, progress=progress)
    for warning in result.warnings:
        _note(f"warning: {warning}")
    for note in result.notes:
        _note(f"note: {note}")
    _explain_idle_exclusions(ctx, query, result.idle_exclusions)
    view = View(SEARCH_COLUMNS, SEARCH_CSV)
    records = [hit.record() for hit in result.hits]
    if result.matched_speakers and choice.format is Format.table and choice.output is None:
        from .views import people_header

        emit_renderable(people_header(result.matched_speakers), choice)
        if not records:
            return  # the person is the result
    message = f"no statements match {typed!r}"
    if result.suggestion:
        import shlex

        message += f"; did you mean: poc search {shlex.quote(result.suggestion)}"
    emit(records, view, choice, empty=message, events=result.events)


def _explain_idle_exclusions(ctx: typer.Context, typed: Sequence[str], idle: Sequence[str]) -> None:
    """Say which -words excluded nothing; for ``-sMamiya``, that it was read as a word.

    (Search reads every -word as an exclusion, so an option's value must follow a
    space: ``-s Mamiya``.)"""
    from .text.normalise import words

    short = {
        name
        for param in ctx.command.params
        if param.param_type_name == "option" and not getattr(param, "is_flag", True)
        for name in param.opts
        if len(name) == 2
    }
    for word in idle:
        hint = ""
        for raw in typed:
            if raw[:2] in short and len(raw) > 2 and words(raw[1:]) == [word]:
                hint = f" (for the option {raw[:2]}, leave a space: {raw[:2]} {raw[2:]})"
        _note(f"note: -{word} excluded nothing: no statement has that word{hint}")


def _refuse_unknown_options(ctx: typer.Context, words: Sequence[str]) -> None:
    """A word starting with ``--`` is never a search term but a mistyped option
    (``--limt 5``), which :class:`SearchCommand` hands on as a query word: refuse it,
    as Click would, rather than search for it."""
    for word in words:
        if word.startswith("--") and len(word) > 2:
            import difflib

            name = word.split("=", 1)[0]
            known = [o for p in ctx.command.params for o in p.opts if o.startswith("--")]
            close = difflib.get_close_matches(name, known, n=1)
            if name in known:
                raise UsageError(f"{name} came after --, where every word is a search word")
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UsageError(f"no such option: {name}{hint}; to exclude a word, write -word")


@contextlib.contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """``with _progress_bar(label) as progress:`` a ``progress(done, total)`` callback
    that draws a bar on stderr once the work has taken over a second; None when stderr
    is not a terminal.

    The bar is stopped when the block ends, however it ends: a bad file or Ctrl-C
    midway must not leave a half-drawn bar and a hidden cursor behind.
    """
    if not sys.stderr.isatty():
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

            from .console import make_terminal

            bar = Progress(console=make_terminal().err, transient=True)
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


@app.command(
    cls=PocCommand,
    epilog=_examples("poc validate", "poc validate my-seminar.json", "poc validate ~/seminars/"),
)
@reports_errors
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Dataset file or folder to check (default: the data poc would use).",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Check a dataset against the schema and report every problem found.

    Exit 0 when it is valid, 2 when it is not."""
    from .console import make_terminal
    from .corpus import check_paths
    from .render import safe_text

    files, problems = check_paths(path if path is not None else _settings(ctx).data)
    terminal = make_terminal()
    for problem in problems:
        terminal.err.print(safe_text(problem))
    if problems:
        terminal.err.print(
            safe_text(
                f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(files)} file(s)"
            )
        )
        raise typer.Exit(int(ExitStatus.ERROR))
    terminal.out.print(safe_text(f"ok: {len(files)} file(s) valid"))


# ------------------------------------------------------------------ entry point


def _interrupted(signum: int, frame: Any) -> NoReturn:
    """Ctrl-C: unwind (temporary index files are removed, bars stopped) and exit 130.

    Inside Python's import machinery (a lazy import) an exception raised here can land
    in an import-lock callback, where Python prints "Exception ignored" and goes on as
    if Ctrl-C had not been pressed: there, end at once instead."""
    code = getattr(frame, "f_code", None)
    if code is not None and code.co_name == "cb" and code.co_filename.startswith("<frozen"):
        # _bootstrap's module-lock weakref callback: an exception there is ignored.
        os._exit(int(ExitStatus.INTERRUPTED))
    raise SystemExit(int(ExitStatus.INTERRUPTED))


# Errors of writing to stdout that are the output's fault, not poc's: a full disk or
# quota, a file too big, an I/O error, a descriptor that is not open for writing.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


def main() -> None:
    """Run the app: quiet on Ctrl-C and closed pipes, and a message, not a traceback,
    when stdout cannot take the output (the script's entry point is ``__main__.main``)."""
    signal.signal(signal.SIGINT, _interrupted)
    if sys.stderr is None:  # `poc 2>&-`: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    if sys.stdout is None:  # `poc >&-`: fine with --output FILE, an error on first write
        sys.stdout = _ClosedStdout()
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _cannot_write(exc.strerror or str(exc))
    except UnicodeEncodeError as exc:
        if not _is_output_encoding(exc.encoding):
            raise
        _cannot_write(
            f"its encoding ({exc.encoding}) cannot show {exc.object[exc.start : exc.end]!a};"
            " set PYTHONIOENCODING=utf-8"
        )
    finally:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            _cannot_write(exc.strerror or str(exc))


class _ClosedStdout(io.TextIOBase):
    """Stands in for a closed stdout: writing to it is the error, not starting."""

    def write(self, text: str) -> int:
        if not text:
            return 0  # nothing to write, nothing lost
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _is_output_encoding(encoding: str) -> bool:
    streams = (sys.stdout, sys.stderr)
    return any(
        codecs.lookup(getattr(s, "encoding", None) or "utf-8").name == codecs.lookup(encoding).name
        for s in streams
    )


def _cannot_write(reason: str) -> NoReturn:
    """stdout cannot take poc's output: say so on stderr and exit 2."""
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            _silence_stdout()  # nothing more can be written there; no second error at exit
    with contextlib.suppress(Exception):
        print(f"error: cannot write the output: {reason}", file=sys.stderr, flush=True)
    raise SystemExit(int(ExitStatus.ERROR))


def _silence_stdout() -> None:
    # The reader went away (`poc quotes | head`): point stdout at /dev/null so the
    # interpreter's final flush cannot print "Exception ignored … BrokenPipeError".
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
