"""``poc show``: one statement in full, with its context."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli.cli.completion import complete_statement
from poc_cli.cli.options import Listing, Run, poc_command
from poc_cli.output.tables import QUOTES_VIEW

StatementIdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A statement id (from `poc quotes`), or its number.",
        autocompletion=complete_statement,
    ),
]


@poc_command(
    examples_=["poc show ipi18-21", "poc show 21", "poc show ipi18-21 --json"], view=QUOTES_VIEW
)
def show(ctx: typer.Context, statement_id: StatementIdArg, *, run: Run) -> Listing:
    """One statement in full, with its attribution and context.

    Who said it and in what role, the session, the statements around it and the
    paragraph of the report it comes from."""
    from poc_cli.output.details import STATEMENT_DETAIL_VIEW
    from poc_cli.queries import find_statement, statement_context

    found = run.load_for_statement(statement_id)
    corpus = found.corpus
    record = statement_context(corpus, find_statement(corpus, statement_id))
    return Listing([record], "no such statement", STATEMENT_DETAIL_VIEW, found.events)
