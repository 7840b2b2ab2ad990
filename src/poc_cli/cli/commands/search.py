"""``poc search``: ranked, forgiving search over what was said."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli.cli.argv import SearchCommand, explain_idle_exclusions, refuse_unknown_options
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
from poc_cli.output.formats import Format
from poc_cli.output.tables import SEARCH_VIEW


@poc_command(
    examples_=[
        "poc search neutrality",
        "poc search nuetrality                  # typos are forgiven",
        "poc search '\"capture the narrative\"'   # an exact phrase",
        "poc search armed groups -Mali          # -word excludes",
        "poc search legitimacy --session 2 --kind quote",
        "poc search Mamiya                      # a name shows the person first",
        "poc search 'cards on the table' --json --limit 1",
    ],
    view=SEARCH_VIEW,
    cls=SearchCommand,
)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help='What to look for: words, "an exact phrase", -word to exclude.',
            show_default=False,
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
    *,
    run: Run,
) -> Listing:
    """Ranked search over what was said, forgiving typos, accents and spelling.

    Searches statement text, list items, topics, and speakers' names and
    organisations; best first, with a score from 0 to 100 (90 and above: the words
    were found exactly, side by side).  -word excludes a word (poc search armed
    -Mali); put a phrase in single quotes so the shell passes its double quotes on.
    """
    from poc_cli.search import SearchFilters, parse_query
    from poc_cli.search import search as run_search

    refuse_unknown_options(ctx, query)
    filters = SearchFilters(
        speaker=speaker,
        session=session,
        kind=kind.value if kind else None,
        topic=topic,
        event=event,
    )
    typed = " ".join(query)
    parsed = parse_query(typed, filters=filters, limit=limit, min_score=min_score)
    with run.progress("Indexing statements") as progress:
        result = run_search(run.data, parsed, progress=progress)
    for warning in result.warnings:
        run.note(f"warning: {warning}")
    for note in result.notes:
        run.note(note)
    for note in explain_idle_exclusions(ctx, query, result.idle_exclusions):
        run.note(note)
    if (
        result.matched_speakers
        and run.choice.format is Format.table
        and run.choice.output is None
        and run.env.stdout_isatty
        and not run.quiet
    ):
        # Who the query names: a human extra, for a terminal only (a pipe or a file
        # gets the records alone, the same in every format).
        from poc_cli.output.emit import emit_renderable
        from poc_cli.output.rich_views import people_header

        emit_renderable(run.env, people_header(result.matched_speakers), run.choice)
    message = f"no statements match {typed!r}"
    if result.suggestion:
        import shlex

        message += f"; did you mean: poc search {shlex.quote(result.suggestion)}"
    return Listing([hit.record() for hit in result.hits], message, events=result.events)
