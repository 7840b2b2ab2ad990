"""``poc quotes``: statements in report order, filtered."""

from __future__ import annotations

import typer

from poc_cli.cli.options import (
    EventOpt,
    KindOpt,
    Listing,
    Run,
    SessionOpt,
    SpeakerOpt,
    TopicOpt,
    poc_command,
)
from poc_cli.output.tables import QUOTES_VIEW


@poc_command(
    examples_=[
        "poc quotes",
        "poc quotes --speaker Mamiya",
        "poc quotes --speaker 'van den berg'",
        "poc quotes --speaker lion --kind quote",
        "poc quotes --session 2 --topic counter-terrorism",
        "poc quotes --format csv -o quotes.csv",
        "poc quotes --json | jq '.[].text'",
    ],
    view=QUOTES_VIEW,
)
def quotes(
    ctx: typer.Context,
    speaker: SpeakerOpt = None,
    session: SessionOpt = None,
    kind: KindOpt = None,
    topic: TopicOpt = None,
    event: EventOpt = None,
    *,
    run: Run,
) -> Listing:
    """List statements in report order, with speaker, session and kind.

    A [bold]quote[/bold] is the speaker's words exactly as the report prints them in
    quotation marks; a [bold]paraphrase[/bold] is the report's own summary of what
    they said.
    """
    from poc_cli import queries
    from poc_cli.filters import SearchFilters, statement_filter

    typed = SearchFilters(speaker, session, kind.value if kind else None, topic, event)
    if queries.listings_from_index(run.data):
        # A folder of many files: from the search index, without loading every file.
        with run.progress("Indexing statements") as progress:
            indexed = queries.indexed_statements(
                run.data,
                typed,
                progress=progress,
                for_table=run.writes_plain_table(),
                for_json=run.writes_json(),
            )
        for warning in indexed.warnings:
            run.note(f"warning: {warning}")
        for note in indexed.notes:
            run.note(note)
        return Listing(indexed.records, "no statements match", events=indexed.events)
    corpus = run.load_corpus()
    flt = statement_filter(corpus, typed)
    for note in flt.notes:
        run.note(note)
    found = queries.select_statements(corpus, flt)
    return Listing(
        queries.statements_records(corpus, found),
        "no statements match",
        events=len(corpus.datasets),
    )
