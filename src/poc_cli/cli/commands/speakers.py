"""``poc speakers``: everyone, or one person's profile."""

from __future__ import annotations

from typing import Annotated

import typer

from poc_cli.cli.completion import complete_speaker
from poc_cli.cli.options import EventOpt, Listing, NotesOpt, Run, poc_command
from poc_cli.output.tables import SPEAKERS_VIEW, View


@poc_command(
    examples_=[
        "poc speakers",
        "poc speakers Mamiya",
        "poc speakers agnes --json",
        "poc speakers --format csv -o people.csv",
    ],
    view=SPEAKERS_VIEW,
)
def speakers(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="Show this person's profile and everything they said.",
            autocompletion=complete_speaker,
            show_default=False,
        ),
    ] = None,
    event: EventOpt = None,
    notes: NotesOpt = False,
    *,
    run: Run,
) -> Listing:
    """Everyone who spoke, moderated or gave remarks, or one person's profile.

    Honorific, role, organisation, sessions and number of statements.  Name a
    person to see their part in the event and everything they said."""
    from poc_cli import queries
    from poc_cli.names import select_people
    from poc_cli.queries import check_event, speaker_profiles, speakers_overview

    if name is None and queries.listings_from_index(run.data):
        # A folder of many files: from the search index, without loading every file.
        with run.progress("Indexing statements") as progress:
            indexed = queries.indexed_speakers_overview(run.data, event=event, progress=progress)
        for warning in indexed.warnings:
            run.note(f"warning: {warning}")
        return Listing(indexed.records, "no speakers", events=indexed.events)
    if name is not None and queries.listings_from_index(run.data):
        with run.progress("Indexing statements") as progress:
            found = queries.indexed_speaker_profiles(
                run.data,
                name,
                event=event,
                progress=progress,
                for_json=run.writes_json(),
                for_table=run.writes_plain_table(),
            )
        for warning in found.warnings:
            run.note(f"warning: {warning}")
        for note in found.notes:
            run.note(note)
        return Listing(
            found.records, f"{name} is not in event {event}", _detail(notes), found.events
        )
    corpus = run.load_corpus()
    if name is None:
        return Listing(
            speakers_overview(corpus, event=event), "no speakers", events=len(corpus.datasets)
        )
    check_event(corpus, event)
    selection = select_people(corpus, name, event=event)
    for note in selection.notes:
        run.note(note)
    return Listing(
        speaker_profiles(corpus, selection.keys),
        f"{name} is not in event {event}",
        _detail(notes),
        len(corpus.datasets),
    )


def _detail(notes: bool) -> View:
    """The in-depth view; the curator's notes (how the data was read from the report)
    only when asked for: a reader came for the person
    (output.details._curators_notes).  Imported here: the listing alone needs none of it."""
    from poc_cli.output.details import speaker_profile_view

    return speaker_profile_view(notes=notes)
