"""``poc validate``: check datasets against the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from poc_cli.cli.options import Run, poc_command
from poc_cli.errors import ExitStatus, PocError
from poc_cli.schema.read_json import MAX_FILE_BYTES


@poc_command(
    examples_=[
        "poc validate",
        "poc validate my-seminar.json",
        "poc validate ~/seminars/",
        "poc validate draft.json --source report.html",
        "poc validate draft.json --review",
        "poc validate - < draft.json",
    ],
    output=False,
)
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="Dataset file or folder to check (default: the data poc would use); - reads stdin.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="The report the dataset was made from: check every quote and paraphrase "
            "against it, verbatim, in its paragraph.",
            show_default=False,
        ),
    ] = None,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="List the statements still marked for review (an extracted draft's "
            "guesses): id, speaker, how it was attributed, and the text.",
        ),
    ] = False,
    *,
    run: Run,
) -> None:
    """Check a dataset against the schema and report every problem found.

    With --source, also check that every quote's text stands in the report between
    quotation marks, every paraphrase stands in it verbatim, and each is in the
    paragraph the dataset says.  Statements still marked for review are counted.

    Exit 0 when it is valid, 2 when it is not."""
    if path is not None and str(path) == "-":
        _validate_stdin(run, source, review=review)
        return
    _validate(run, path if path is not None else run.data, source, review=review)


def _validate_stdin(run: Run, source: Path | None, *, review: bool) -> None:
    """``poc validate -``: the dataset on stdin, checked as a file named <stdin>."""
    import sys
    import tempfile

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    with tempfile.TemporaryDirectory(prefix="poc-validate-") as folder:
        path = Path(folder, "stdin.json")
        path.write_bytes(data)
        _validate(run, path, source, shown_as=(str(path), "<stdin>"), review=review)


def _validate(
    run: Run,
    path: Path | None,
    source: Path | None,
    shown_as: tuple[str, str] | None = None,
    *,
    review: bool = False,
) -> None:
    from poc_cli.corpus import check_datasets

    files, problems, datasets = check_datasets(path)
    if source is not None:
        problems += _fidelity(files, source)
    if shown_as is not None:
        problems = [p.replace(*shown_as) for p in problems]
    awaiting = sum(st.review for d in datasets for st in d.statements)
    if awaiting:
        run.env.message(
            f"note: {awaiting} statement{'s' if awaiting != 1 else ''} still await review "
            '("review": true)'
        )
    from poc_cli.text.escape import one_line

    if review:
        # what a reviewer works through: a tab-separated line each (id, speaker, how it was
        # attributed, kind, text), the text whole, its own tabs and newlines shown as \t, \n
        rows = []
        for d in datasets:
            names = {p.id: p.name for p in d.speakers}
            for st in d.statements:
                if st.review:
                    fields = (
                        st.id,
                        names.get(st.speaker, st.speaker),
                        st.attribution or "",
                        st.kind,
                        st.text,
                    )
                    rows.append("\t".join(one_line(f) for f in fields))
        if rows:
            run.write("\n".join(rows))
    for problem in problems:
        run.env.message(one_line(problem))  # a file name's newline cannot forge a line
    if problems:
        run.env.message(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(files)} file(s)"
        )
        raise typer.Exit(int(ExitStatus.ERROR))
    run.write(f"ok: {len(files)} file(s) valid")


def _fidelity(files: list[Path], source: Path) -> list[str]:
    """Every mismatch between each dataset file and the report it was made from."""
    from poc_cli.errors import UsageError
    from poc_cli.extract import check_fidelity, split_paragraphs
    from poc_cli.extract.read import read_report
    from poc_cli.schema import read_json

    if len(files) != 1:
        raise UsageError("--source checks one dataset file against its report; name one file")
    paragraphs = split_paragraphs(read_report(source).text)
    try:
        raw = read_json(files[0])
    except PocError:
        return []  # already reported by the schema check
    return [f"{files[0]}: {p} (against {source})" for p in check_fidelity(raw, paragraphs)]
