"""``poc cite``: a ready-to-paste citation of a quotation."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli.cite import CitationStyle
from poc_cli.cli.options import Run, poc_command

from .show import StatementIdArg


@poc_command(
    examples_=[
        "poc cite ipi18-21",
        "poc cite ipi18-21 --style apa",
        "poc cite 3 --style markdown >> notes.md",
        "poc cite ipi18-20 --paraphrase",
    ],
    output=False,
)
def cite(
    ctx: typer.Context,
    statement_id: StatementIdArg,
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
    *,
    run: Run,
) -> None:
    """A ready-to-paste citation of a quotation.

    The exact words, speaker, role, event, host and date.  A paraphrase is the
    report's wording, so it is refused unless --paraphrase is given, and then it is
    never put in quotation marks."""
    from poc_cli.cite import cite as make_citation
    from poc_cli.queries import find_statement
    from poc_cli.text.escape import visible

    corpus = run.load_for_statement(statement_id).corpus
    statement = find_statement(corpus, statement_id)
    citation = make_citation(corpus, statement, style, allow_paraphrase=paraphrase)
    run.write(visible(citation) + "\n")
