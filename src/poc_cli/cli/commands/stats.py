"""``poc stats``: statement counts as bar charts."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from poc_cli.cli.completion import complete_choice
from poc_cli.cli.options import EventOpt, Listing, Run, poc_command
from poc_cli.errors import unknown
from poc_cli.output.tables import STATS_VIEW, Column

DIMENSIONS = ("speaker", "session", "organisation", "topic", "kind")

STATS_CSV = (
    Column("by", lambda r: r["by"]),
    Column("key", lambda r: r["key"]),
    Column("label", lambda r: r["label"]),
    Column("statements", lambda r: str(r["statements"]), justify="right"),
)
"""CSV and Markdown as every other listing's: snake_case headers, the JSON's fields
(the key too: two people of one name are two rows, told apart by it)."""
STATS_LISTING = STATS_VIEW._replace(csv_columns=STATS_CSV)


@poc_command(
    examples_=["poc stats", "poc stats --by topic", "poc stats --json"], view=STATS_LISTING
)
def stats(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="BREAKDOWN",
            help="Only one breakdown: speaker, session, organisation, topic or kind.",
            autocompletion=complete_choice(DIMENSIONS),
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    *,
    run: Run,
) -> Listing:
    """Statements per speaker, session, organisation and topic, as bar charts."""
    from poc_cli import queries
    from poc_cli.queries import ORGANISATIONS_COUNTED, statistics

    if queries.listings_from_index(run.data):
        # A folder of many files: from the search index, without loading every file.
        with run.progress("Indexing statements") as progress:
            indexed = queries.indexed_statistics(run.data, event=event, progress=progress)
        for warning in indexed.warnings:
            run.note(f"warning: {warning}")
        rows = list(indexed.records)
    else:
        rows = statistics(run.load_corpus(), event=event)
    if by is not None:
        if by not in DIMENSIONS:
            raise unknown("breakdown", by, DIMENSIONS)
        rows = [r for r in rows if r["by"] == by]
    if any(r["by"] == "organisation" for r in rows):
        run.note(f"note: by organisation, {ORGANISATIONS_COUNTED}")
    return Listing(rows, "no statements to count", drawing=lambda terminal: _charts(rows, terminal))


def _charts(rows: list[dict[str, Any]], terminal: bool) -> Any:
    if terminal:
        from poc_cli.output.rich_views import stats_charts

        return stats_charts(rows)
    from poc_cli.output.plain import plain_bar_charts

    return plain_bar_charts(rows)
