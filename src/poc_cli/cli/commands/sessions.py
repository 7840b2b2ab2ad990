"""``poc sessions``: the agenda, or one session in depth."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli.cli.completion import complete_session
from poc_cli.cli.options import EventOpt, Listing, NotesOpt, Run, poc_command
from poc_cli.output.tables import SESSIONS_VIEW, View


@poc_command(
    examples_=[
        "poc sessions",
        "poc sessions 2",
        "poc sessions keynote --json",
        "poc sessions --format markdown",
    ],
    view=SESSIONS_VIEW,
)
def sessions(
    ctx: typer.Context,
    session: Annotated[
        str | None,
        typer.Argument(
            metavar="SESSION",
            help="Show this session in depth (id, number or words of its title).",
            autocompletion=complete_session,
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    notes: NotesOpt = False,
    *,
    run: Run,
) -> Listing:
    """The agenda at a glance, or one session in depth.

    Each session's title, paper and author, moderators, speakers and number of
    statements.  Name a session to see its paper's recommendations and every
    speaker's points in order of appearance."""
    from poc_cli import queries
    from poc_cli.queries import session_detail, session_keys, sessions_overview

    if session is None and queries.listings_from_index(run.data):
        # A folder of many files: from the search index, without loading every file.
        with run.progress("Indexing statements") as progress:
            indexed = queries.indexed_sessions_overview(run.data, event=event, progress=progress)
        for warning in indexed.warnings:
            run.note(f"warning: {warning}")
        return Listing(indexed.records, "no sessions", events=indexed.events)
    if session is not None and queries.listings_from_index(run.data):
        with run.progress("Indexing statements") as progress:
            found = queries.indexed_session_details(
                run.data, session, event=event, progress=progress
            )
        for warning in found.warnings:
            run.note(f"warning: {warning}")
        for note in found.notes:
            run.note(note)
        return Listing(found.records, "no such session", _detail(notes), found.events)
    corpus = run.load_corpus()
    if session is None:
        return Listing(
            sessions_overview(corpus, event=event), "no sessions", events=len(corpus.datasets)
        )
    keys = session_keys(corpus, session, event)
    from poc_cli.filters import sessions_note

    forms = {(s.id, s.title, s.kind) for s in (corpus.session(e, i) for e, i in keys)}
    for note in sessions_note(session, forms) if not session.isdigit() else ():
        run.note(note)
    details = [session_detail(corpus, key) for key in keys]
    return Listing(details, "no such session", _detail(notes), len(corpus.datasets))


def _detail(notes: bool) -> View:
    """The in-depth view; the curator's notes (how the data was read from the report)
    only when asked for: a reader came for the session
    (output.details._curators_notes).  Imported here: the listing alone needs none of it."""
    from poc_cli.output.details import session_detail_view

    return session_detail_view(notes=notes)
