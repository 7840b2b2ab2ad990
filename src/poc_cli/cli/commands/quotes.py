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
    from poc_cli.queries import select_statements, session_keys, statements_records

    corpus = run.load_corpus()
    speakers = None
    if speaker is not None:
        from poc_cli.names import select_people

        selection = select_people(corpus, speaker, allow_several=True)
        for note in selection.notes:
            run.note(note)
        speakers = selection.keys
    sessions = session_keys(corpus, session, event) if session is not None else None
    found = select_statements(
        corpus,
        speakers=speakers,
        sessions=sessions,
        event=event,
        kind=kind.value if kind else None,
        topic=topic,
    )
    return Listing(
        statements_records(corpus, found), "no statements match", events=len(corpus.datasets)
    )
