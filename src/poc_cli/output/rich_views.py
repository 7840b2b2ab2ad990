"""Rich renderables: the terminal table, the detailed views (one session, one person,
one statement), statistics charts and the search "Person:" header.  They build and
return; they never print, and all dataset text goes through :func:`safe_text`.

Nothing here may expand to the console width (no panels or rules): when stdout is
not a terminal the console is very wide so that nothing is cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from poc_cli.text.escape import visible

from .plain import bar_length, to_plain_table
from .tables import Record, View


def safe_text(text: str, style: str = "") -> Text:
    """Dataset text for Rich: never markup, never raw control characters."""
    return Text(visible(text), style=style)


def to_table(records: Sequence[Record], view: View, *, fit: bool = True) -> Table:
    """``fit``: share a terminal's width out by column ratios.  Off for pipes, where
    every column takes the width its longest cell needs, so nothing is folded."""
    from rich import box

    table = Table(
        title=safe_text(view.title) if view.title else None,
        caption=safe_text(view.caption) if view.caption else None,
        box=box.SIMPLE_HEAVY,
        show_edge=False,
        show_lines=False,
        header_style="bold",
        title_justify="left",
    )
    for column in view.columns:
        table.add_column(
            column.header,
            style=column.style,
            no_wrap=column.no_wrap,
            ratio=column.ratio if fit else None,
            overflow="fold",
            justify=column.justify,  # type: ignore[arg-type]
        )
    for record in records:
        table.add_row(
            *(c.rich(record) if c.rich else safe_text(c.value(record)) for c in view.columns)
        )
    return table


def rich_table_view(records: Sequence[Record], view: View, *, terminal: bool) -> RenderableType:
    """A listing as Rich: the table, then the view's detailed parts."""
    if not terminal and not view.title and not view.caption:
        # A detailed view into a pipe: the same plain table as every other listing
        # (not Rich's heavy rule and padding), then the view's own parts.
        plain = Text(to_plain_table(records, view.columns).rstrip("\n"))
        return Group(plain, *view.extra(records) if view.extra else ())
    table = to_table(records, view, fit=terminal)
    if view.extra is None:
        return table
    return Group(table, *view.extra(records))


def highlighted(record: Record) -> Any:
    """The statement text with the matched words highlighted (styles show only on a terminal)."""
    text = record["text"]
    cell = safe_text(text)
    if visible(text) == text:  # spans index the original text; escapes would shift them
        for start, end in record.get("spans", []):
            cell.stylize("bold reverse", start, end)
    return cell


KIND_STYLE = {"quote": "green", "paraphrase": "yellow"}


def _heading(text: str) -> Text:
    return safe_text(text, style="bold underline")


def _quoted(record: Record) -> str:
    text = record["text"]
    return f"“{text}”" if record["kind"] == "quote" else text


def statements_grid(
    records: Sequence[Record], *, with_speaker: bool = False, current: str | None = None
) -> Table:
    """Statements as aligned rows (id, kind, [speaker], text) with a hanging indent;
    ``current`` marks one of them with ▶."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)  # marker / indent
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(no_wrap=True)
    if with_speaker:
        grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for record in records:
        cells: list[RenderableType] = [
            Text("▶" if record["id"] == current else " "),
            safe_text(record["id"]),
            safe_text(record["kind"], style=KIND_STYLE.get(record["kind"], "")),
        ]
        if with_speaker:
            cells.append(safe_text(record["speaker"]["name"]))
        cells.append(safe_text(_quoted(record)))
        grid.add_row(*cells)
    return grid


def session_detail_extra(records: Sequence[Record]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for record in records:
        parts.append(Text(""))
        parts.append(_heading(record["title"]))
        if record["paper"]:
            parts.append(
                safe_text(
                    f"Paper: “{record['paper']['title']}” by {record['paper']['author']['name']}"
                )
            )
        if record["moderators"]:
            parts.append(safe_text("Moderated by " + ", ".join(record["moderators"])))
        if record["note"]:
            parts.append(safe_text("Note: " + record["note"], style="dim"))
        if record["recommendations"]:
            parts.append(Text(""))
            parts.append(_heading("The paper's recommendations"))
            parts.extend(
                safe_text(f"  {i}. {item}") for i, item in enumerate(record["recommendations"], 1)
            )
        parts.append(Text(""))
        parts.append(_heading("Speakers in order of appearance"))
        for person in record["people"]:
            label = Text("")
            label.append(safe_text(person["name"], style="bold"))
            label.append(
                safe_text(f" ({', '.join(person['parts'])}) — {person['role']}", style="dim")
            )
            parts.append(label)
            if not person["statements"]:
                parts.append(Text("  (the report records no statement)", style="dim"))
            else:
                parts.append(statements_grid(person["statements"]))
    return parts


def speaker_profile_extra(records: Sequence[Record]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for record in records:
        parts.append(Text(""))
        title = (record["honorific"] + " " if record["honorific"] else "") + record["name"]
        parts.append(_heading(title))
        parts.append(safe_text(record["role"]))
        parts.append(
            safe_text(
                "Part in the event: "
                + ", ".join(f"{p['part']} ({p['session']})" for p in record["parts"])
            )
        )
        for note in record["notes"]:
            parts.append(safe_text("Note: " + note, style="dim"))
        parts.append(Text(""))
        if not record["statement_list"]:
            parts.append(Text("The report records no statement by this person.", style="dim"))
        else:
            parts.append(statements_grid(record["statement_list"]))
    return parts


def statement_context_extra(records: Sequence[Record]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for record in records:
        speaker = record["speaker"]
        parts.append(Text(""))
        who = (speaker.get("honorific") + " " if speaker.get("honorific") else "") + speaker["name"]
        parts.append(safe_text(f"{who}, {speaker.get('role', '')}", style="bold"))
        parts.append(
            safe_text(
                f"{record['session']['title']} — {record['event']['title']}, {record['event']['date']}"
            )
        )
        if record["note"]:
            parts.append(safe_text("Note: " + record["note"], style="dim"))
        context = record["context"]
        if context["before"] or context["after"]:
            parts.append(Text(""))
            parts.append(_heading("Around it"))
            around = [*context["before"], record, *context["after"]]
            parts.append(statements_grid(around, with_speaker=True, current=record["id"]))
        for paragraph in context["source_paragraphs"]:
            parts.append(Text(""))
            parts.append(_heading(f"The report, paragraph {paragraph['number']}"))
            parts.append(safe_text(paragraph["text"]))
    return parts


def stats_charts(rows: Sequence[Record]) -> RenderableType:
    """One bar chart per breakdown (speaker, session, …)."""
    charts: list[RenderableType] = []
    dimensions = list(dict.fromkeys(r["by"] for r in rows))
    for dimension in dimensions:
        group = [r for r in rows if r["by"] == dimension]
        largest = max(r["statements"] for r in group)
        table = Table(
            title=safe_text(f"Statements by {dimension}"),
            title_justify="left",
            show_header=False,
            box=None,
            padding=(0, 1),
        )
        table.add_column("name", overflow="fold")
        table.add_column("count", justify="right")
        table.add_column("bar", no_wrap=True)
        for r in group:
            width = bar_length(r["statements"], largest)
            table.add_row(
                safe_text(r["label"]), str(r["statements"]), Text("█" * width, style="magenta")
            )
        charts.append(table)
        charts.append(Text(""))
    return Group(*charts)


def people_header(matched: Sequence[tuple[str, object]]) -> RenderableType:
    """The people a search query names, shown above the statements."""
    import shlex

    from poc_cli.names import person_key

    lines: list[RenderableType] = []
    seen: set[tuple[str, str]] = set()
    ids_by_name: dict[str, set[str]] = {}  # cleaned name -> ids (names match as cleaned)
    for _event, speaker in matched:
        person_id, cleaned = person_key(speaker)  # type: ignore[arg-type]
        ids_by_name.setdefault(cleaned, set()).add(person_id)
    for event, speaker in matched:
        name = getattr(speaker, "name", "")
        person = person_key(speaker)  # type: ignore[arg-type]
        if person in seen:
            continue
        seen.add(person)
        line = Text("Person: ", style="bold")
        honorific = getattr(speaker, "honorific", None)
        line.append(safe_text((honorific + " " if honorific else "") + name, style="bold"))
        line.append(safe_text(f" — {getattr(speaker, 'role', '')}"))
        lines.append(line)
        # By name: ids are per event, and another event may give this id to someone else.
        command = f"poc speakers {shlex.quote(name)}"
        shows = "shows everything they said"
        if len(ids_by_name[person[1]]) > 1:  # two people of this name: say which event
            command += f" --event {shlex.quote(event)}"
            shows = f"shows what they said at {event}"
        lines.append(safe_text(f"  {command}  {shows}", style="dim"))
    lines.append(Text(""))
    return Group(*lines)
