"""``poc extract``: a report in, a draft dataset out."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from poc_cli.cli.options import Run, poc_command
from poc_cli.errors import ExitStatus, PocError, UsageError
from poc_cli.text.escape import one_line


class Outcome(NamedTuple):
    report: str
    written: str | None  # where the draft went; None when nothing was written
    summary: Any  # poc_cli.extract.Summary, or None when the report could not be read
    problem: str | None


@poc_command(
    examples_=[
        "poc extract report.txt > seminar.json",
        "poc extract report.html -o seminar.json",
        "poc extract reports/*.pdf -o drafts/",
        "poc extract - --name my-seminar < report.md",
    ],
    output=False,
    data=False,
)
def extract(
    ctx: typer.Context,
    reports: Annotated[
        list[str],
        typer.Argument(
            metavar="REPORT...",
            help="Report files: text, Markdown, HTML or PDF; - reads stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the draft to this file, or each draft into this folder (DIR/).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite drafts that already exist.")
    ] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="The draft's name (its event id and statement ids derive from it); "
            "default: the report's file name.",
            show_default=False,
        ),
    ] = None,
    *,
    run: Run,
) -> None:
    """Turn seminar reports into draft datasets, faithful enough to search and cite.

    Finds the event, its sessions, the people who spoke and what each said: every
    passage in quotation marks as a quote (exactly the characters between the marks),
    every reported sentence as a paraphrase (the report's own wording).  A statement
    whose speaker is not named in its own sentence is marked for review; review them,
    then check the draft with [bold]poc validate DRAFT --source REPORT[/bold].

    Exit 0 when every draft was written, 1 when a report holds no statements, 2 when a
    report cannot be read (the others are still written)."""
    if len(reports) > 1 and name is not None:
        raise UsageError("--name names one draft; give it with one report")
    if reports.count("-") > 1:
        raise UsageError("- (stdin) can be read only once")
    folder = _folder(output, several=len(reports) > 1)
    if output is not None and folder is None and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix and suffix != ".json":
            raise UsageError(f"{output}: poc extract writes a JSON dataset; name the file .json")
    if name is None and "-" in reports:
        run.env.message(
            "note: stdin has no file name: the draft's ids begin with 'stdin'; "
            "give --name NAME so that two drafts do not share ids"
        )
    outcomes: list[Outcome] = []
    claimed: dict[str, str] = {}  # a draft's file in this run -> the report written there
    with run.progress("Extracting reports") as progress:
        for done, report in enumerate(reports, 1):
            target = _draft_path(folder, _stem(report, name)) if folder is not None else None
            key = str(target).casefold()
            if target is not None and key in claimed:
                # "a/report.txt b/report.txt -o drafts/": both would be drafts/report.json
                problem = (
                    f"its draft would be {target}, already written in this run from "
                    f"{claimed[key]}; extract it alone with --name"
                )
                run.env.message(f"error: {one_line(report)}: {one_line(problem)}")
                outcomes.append(Outcome(report, None, None, problem))
            else:
                outcome = _extract_one(run, report, output, folder, force=force, name=name)
                if outcome.written is not None:
                    claimed[key] = report
                outcomes.append(outcome)
            if progress is not None:
                progress(done, len(reports))
    if len(reports) > 1 or folder is not None:
        _summary_table(run, outcomes)
    else:
        _unattributed(run, outcomes[0])
    if any(o.summary is None for o in outcomes):
        raise typer.Exit(int(ExitStatus.ERROR))
    if any(o.written is None for o in outcomes):
        raise typer.Exit(int(ExitStatus.NOTHING_FOUND))


def _folder(output: str | None, *, several: bool) -> Path | None:
    """The folder drafts go into, or None when there is one draft for stdout or a file."""
    if output is None or output == "-":
        if several:
            raise UsageError("several reports need a folder to write into: -o DIR/")
        return None
    if not output.strip():
        raise UsageError("--output must name a file or a folder, not be empty")
    path = Path(output).expanduser()
    if path.is_dir() or output.endswith("/"):
        return path
    if several:
        raise UsageError(f"{output}: several reports need a folder; write -o {output}/")
    return None


_NAME = re.compile(r"[^\w.-]+")


def _draft_path(folder: Path, stem: str) -> Path:
    """Where a report's draft goes in a folder: ``<name>.json``."""
    return folder / f"{_NAME.sub('-', stem)}.json"


def _stem(report: str, name: str | None) -> str:
    if name is not None:
        return name
    if report == "-":
        return "stdin"
    stem = Path(report).name
    for suffix in (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf"):
        if stem.lower().endswith(suffix):
            return stem[: -len(suffix)] or stem
    return stem


def _extract_one(
    run: Run, report: str, output: str | None, folder: Path | None, *, force: bool, name: str | None
) -> Outcome:
    from poc_cli.extract import extract_text
    from poc_cli.extract.read import read_report, read_report_stream
    from poc_cli.files import write_new_file

    shown = "stdin" if report == "-" else report
    try:
        text = read_report_stream(sys.stdin.buffer) if report == "-" else read_report(Path(report))
        stem = _stem(report, name)
        if not stem.strip() or not _NAME.sub("", stem):
            raise UsageError(f"{stem!r} cannot name a draft; give --name")
        file = "stdin" if report == "-" else Path(report).name
        extraction = extract_text(text.text, name=stem, title=text.title, file=file)
    except PocError as error:
        run.env.message(f"error: {one_line(error.message)}")
        return Outcome(shown, None, None, error.message)
    if extraction.message is not None:
        run.env.message(f"{one_line(shown)}: {one_line(extraction.message)}; nothing written")
        return Outcome(shown, None, extraction.summary, extraction.message)
    draft = json.dumps(extraction.dataset, ensure_ascii=False, indent=2) + "\n"
    target: Path | None
    if folder is not None:
        target = _draft_path(folder, stem)
    elif output is not None and output != "-":
        target = Path(output).expanduser()
    else:
        target = None
    try:
        if target is None:
            run.env.stdout.write(draft)
            return Outcome(shown, "stdout", extraction.summary, None)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        write_new_file(target, draft, force=force)
    except (PocError, OSError) as error:
        message = error.message if isinstance(error, PocError) else f"{target}: {error}"
        run.env.message(f"error: {one_line(message)}")
        return Outcome(shown, None, None, message)
    return Outcome(shown, str(target), extraction.summary, None)


def _summary_table(run: Run, outcomes: list[Outcome]) -> None:
    from poc_cli.output.plain import to_plain_table
    from poc_cli.output.tables import Column

    def counts(o: Outcome) -> dict[str, str]:
        fields = ("speakers", "quotes", "paraphrases", "review")
        if o.summary is None:
            return dict.fromkeys((*fields, "left_out"), "")
        found = {f: str(getattr(o.summary, f)) for f in fields}
        return {**found, "left_out": str(len(o.summary.unattributed))}

    rows = [
        {
            "report": one_line(o.report),
            "written": one_line(o.written or f"not written: {o.problem}"),
            **counts(o),
        }
        for o in outcomes
    ]
    columns = (
        Column("Report", lambda r: r["report"]),
        Column("Speakers", lambda r: r["speakers"], justify="right"),
        Column("Quotes", lambda r: r["quotes"], justify="right"),
        Column("Paraphrases", lambda r: r["paraphrases"], justify="right"),
        Column("To review", lambda r: r["review"], justify="right"),
        Column("Left out", lambda r: r["left_out"], justify="right"),
        Column("Written to", lambda r: r["written"]),
    )
    table = to_plain_table(rows, columns).rstrip("\n")
    if run.env.stderr_isatty:
        from poc_cli.output.env import terminal_size

        width = terminal_size(run.env.stderr)[0]
        if max(len(line) for line in table.split("\n")) > width:
            # wider than the terminal: two short lines a report
            table = "\n".join(_summary_line(r) for r in rows)
    run.env.message(table)
    for outcome in outcomes:
        _unattributed(run, outcome)


def _summary_line(row: dict[str, str]) -> str:
    """A report's summary in two short lines: where it went, then what it holds."""
    if not row["speakers"] and not row["quotes"]:
        return f"{row['report']}: {row['written']}"
    return (
        f"{row['report']} → {row['written']}\n"
        f"  {row['speakers']} speakers, {row['quotes']} quotes, {row['paraphrases']} "
        f"paraphrases, {row['review']} to review, {row['left_out']} left out"
    )


def _unattributed(run: Run, outcome: Outcome) -> None:
    """Quotations with nobody to attribute them to: left out, and said so."""
    if outcome.summary is None:
        return
    for left in outcome.summary.unattributed:
        run.env.message(
            one_line(
                f"{outcome.report}: paragraph {left.paragraph}: left out “{left.text}” "
                f"({left.reason})"
            )
        )
    if outcome.written and outcome.summary.review:
        run.env.message(
            f"{one_line(outcome.report)}: {outcome.summary.review} statement(s) to review "
            f'("review": true in the draft)'
        )
