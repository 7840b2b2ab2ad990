"""Ready-to-paste citations of a statement.

A quotation is reproduced exactly as the dataset holds it, between quotation
marks.  A paraphrase is the report's wording, not the speaker's: it is never put
in quotation marks or presented as the speaker's words; with ``allow_paraphrase``
it is cited as what the report says, attributed to the report.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .errors import UsageError
from .model import Corpus, Statement


class CitationStyle(StrEnum):
    plain = "plain"
    markdown = "markdown"
    apa = "apa"
    chicago = "chicago"


def cite(
    corpus: Corpus, statement: Statement, style: CitationStyle, *, allow_paraphrase: bool = False
) -> str:
    if statement.kind != "quote" and not allow_paraphrase:
        raise UsageError(
            f"{statement.id} is a paraphrase: the report's words, not {corpus.speaker(statement.event, statement.speaker).name}'s; "
            "poc will not present it as a direct quotation (add --paraphrase to cite it as the report's summary)"
        )
    dataset = corpus.dataset(statement.event)
    event = dataset.event
    speaker = corpus.speaker(statement.event, statement.speaker)
    session = corpus.session(statement.event, statement.session)
    day = date.fromisoformat(event.date)  # the loader checked it is YYYY-MM-DD
    when = f"{day:%B} {day.day}, {day.year}"
    who = f"{speaker.name}, {speaker.role}"
    quote = statement.kind == "quote"
    body = f"“{statement.text}”" if quote else statement.text
    report = f"{event.host}, event report of “{event.title}”"

    if style is CitationStyle.plain:
        if quote:
            return f"{body}\n— {who}. {session.title}, “{event.title}”, {event.host}, {when}."
        return f"{speaker.name} ({speaker.role}), as summarised by the report: {body}\n— {report}, {when}."
    if style is CitationStyle.markdown:
        from .render import markdown_escape as md  # the words as printed, never formatting
        from .render import markdown_escape_line

        lines = [markdown_escape_line(line) for line in body.split("\n")]
        quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
        name, role, title, host = (
            md(speaker.name),
            md(speaker.role),
            md(event.title),
            md(event.host),
        )
        if quote:
            return f"{quoted}\n>\n> — **{name}**, {role}. {md(session.title)}, *{title}*, {host}, {when}."
        return f"{quoted}\n>\n> — The report's summary of **{name}**, {role}, in *{title}*, {host}, {when}."
    if style is CitationStyle.apa:
        reference = (
            f"{event.host}. ({day.year}, {day:%B} {day.day}). *{event.title}* [Event report]."
        )
        if quote:
            return f"{body} ({who}, as cited in {event.host}, {day.year})\n\n{reference}"
        return f"{event.host} ({day.year}) reports of {who}: {statement.text}\n\n{reference}"
    # Chicago, notes and bibliography
    note = f"{speaker.name} ({speaker.role}), remarks at “{event.title},” {event.host}, {when}"
    if quote:
        return f"{body}\n\n{note}, quoted in {event.host}, event report."
    return f"{statement.text}\n\n{note}, as summarised in {event.host}, event report."
