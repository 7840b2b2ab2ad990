"""Output formats: one registry, each format with its render and its "nothing found".

Every listing goes through :func:`render`, so the formats cannot drift apart.  A
format is a :class:`Formatter`: ``render(records, view) -> str`` and ``empty(view) ->
str``, the answer when nothing was found (``[]``, a CSV header, an empty Markdown
table).  To add a format (TSV): add a member to :class:`Format` and an entry to
:data:`FORMATS`; every command with output options gets it.  :func:`chunks` gives the
same text piece by piece (a record at a time), so that a big listing is written as it
is made rather than built as one string first; a piece is a string, or UTF-8 bytes
where the text was made as bytes (:data:`Piece`).

The ``table`` format is the human one: a Rich table on a terminal
(:mod:`.rich_views`), plain aligned text into a pipe or file (:mod:`.plain`).
Renderers build and return; printing is :mod:`.emit`'s job.  Text from a dataset is
data: never markup, and control characters are made visible in every human format.
JSON and JSON Lines keep the exact text, escaped as JSON escapes.

CSV is opened by spreadsheets, which run a cell that begins with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return before one) as a formula: ``=HYPERLINK(…)`` in a
dataset would become a live link.  So a CSV cell that begins with one of them gets a
leading apostrophe, as OWASP advises, which spreadsheets show as text;
``--csv-raw`` (``raw=True``) writes every cell exactly as the dataset has it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from poc_cli.lazy import LazyRecords, as_list
from poc_cli.text.escape import json_safe, markdown_escape, visible

from .plain import to_plain_table
from .tables import Column, Record, View

if TYPE_CHECKING:
    from rich.console import RenderableType

Piece = str | bytes
"""A piece of output: text, or text as UTF-8 bytes (the index's JSON pages, formatted
by msgspec as bytes: written as they are where the output takes UTF-8, which spared
decoding and encoding 15 MB for ``speakers --json`` at 100,000 statements)."""


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    jsonl = "jsonl"


FAST_JSON_FROM = 100
"""From this many records up, JSON is encoded with msgspec (about 10× the standard
module, whose indented output is pure Python); below it msgspec's import is not worth
it (measured: importing it costs 6 ms in a poc run, the standard encoder about 16 µs
more per statement record and about 300 µs more per speaker profile with its
statements; 100 costs at most 4 ms on a listing of small records, and saves 0.1 s on
330 profiles).  Both give the same text, but for the spelling of some floats (``1e+16``/``1e16``)."""


def _indented_encoder(count: int) -> Callable[[Record], str]:
    if count >= FAST_JSON_FROM:
        try:
            import msgspec
        except ImportError:  # pragma: no cover - msgspec is a dependency
            pass
        else:
            encode = msgspec.json.Encoder(enc_hook=as_list).encode
            fmt = msgspec.json.format
            fallback = json.JSONEncoder(ensure_ascii=False, indent=2, default=as_list).encode

            def fast(record: Record) -> str:
                try:
                    return fmt(encode(record), indent=2).decode()
                except (TypeError, OverflowError, msgspec.EncodeError):
                    return fallback(record)  # a value msgspec does not take (a huge int)

            return fast
    return json.JSONEncoder(ensure_ascii=False, indent=2, default=as_list).encode


def json_chunks(records: Sequence[Record]) -> Iterator[Piece]:
    """The JSON array of ``records`` (as :func:`to_json` gives it), one record at a time
    (or, from :data:`FAST_JSON_FROM` records up, counting those inside them where the
    sequence says its ``json_size``, a page at a time from the compact JSON of a
    sequence that has it: the index's)."""
    if not records:
        yield "[]\n"
        return
    json_pages = getattr(records, "json_pages", None)
    if json_pages is not None and getattr(records, "json_size", len(records)) >= FAST_JSON_FROM:
        yield from _formatted_pages(json_pages())
        return
    dumps = _indented_encoder(len(records))
    last = len(records) - 1
    for i, record in enumerate(records):
        # Each record indented as a member of the array, as json.dumps(list) writes it
        # (a newline inside a string is written as an escape, so every newline is JSON's).
        body = dumps(record).replace("\n", "\n  ")
        yield ("[\n  " if i == 0 else "") + json_safe(body) + (",\n  " if i < last else "\n]\n")


def _formatted_pages(pages: Iterable[Sequence[bytes]]) -> Iterator[bytes]:
    """:func:`json_chunks` of records given as their compact JSON (the index's
    overviews: msgspec's, as :func:`_indented_encoder` encodes the decoded record, and
    :func:`~poc_cli.text.escape.json_safe` already),
    indented by msgspec a page at a time: the same text (as UTF-8 bytes), without
    decoding and encoding every record again."""
    import msgspec

    fmt = msgspec.json.format
    first = True
    for page in pages:
        if not page:
            continue
        text = fmt(b"[" + b",".join(page) + b"]", indent=2)
        # "[\n  {…},\n  {…}\n]": the members, indented as json.dumps(list) writes them
        # (the stored JSON is json_safe already: its escapes are kept as they are).
        yield (b"[\n" if first else b",\n") + text[2:-2]
        first = False
    yield b"[]\n" if first else b"\n]\n"


def to_json(records: Sequence[Record]) -> str:
    return "".join([as_text(piece) for piece in json_chunks(records)])


def as_text(piece: Piece) -> str:
    """A piece of output as text (bytes are UTF-8)."""
    return piece if isinstance(piece, str) else piece.decode()


def jsonl_chunks(records: Sequence[Record]) -> Iterator[str]:
    """JSON Lines: one compact JSON object a line (nothing at all for no records)."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=as_list).encode
    for record in records:
        yield json_safe(dumps(record)) + "\n"


def to_jsonl(records: Sequence[Record]) -> str:
    return "".join(jsonl_chunks(records))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP's list)."""


def csv_cell(value: str, *, raw: bool = False) -> str:
    """One CSV cell: control characters visible and a formula's start defused (an
    apostrophe before ``=``, ``+``, ``-``, ``@``, a tab or a carriage return), unless
    ``raw``: then exactly the text."""
    if raw:
        return value
    # The check is on the text as written too: visible() shows a CR as "\x0d".
    if value.startswith(FORMULA_START):
        return "'" + visible(value)
    return visible(value)


def csv_chunks(
    records: Sequence[Record], columns: Sequence[Column], *, raw: bool = False
) -> Iterator[str]:
    """The CSV text of ``records``: the header row, then a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Python 3.11's writer quotes a cell holding a line feed but not one holding a bare
    # carriage return (its line terminator here is "\n"), which readers take for the end
    # of the row: a row with one has every cell quoted (--csv-raw keeps the CR).
    quoting_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def row(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        (quoting_all if any(["\r" in cell for cell in cells]) else writer).writerow(cells)
        return buffer.getvalue()

    yield row([c.header for c in columns])
    for record in records:
        yield row([csv_cell(c.value(record), raw=raw) for c in columns])


def to_csv(records: Sequence[Record], columns: Sequence[Column], *, raw: bool = False) -> str:
    return "".join(csv_chunks(records, columns, raw=raw))


def _markdown_cell(value: str) -> str:
    value = markdown_escape(visible(value))
    return value.replace("\r\n", "\n").replace("\n", "<br>")


def to_markdown(records: Sequence[Record], columns: Sequence[Column]) -> str:
    lines = [
        "| " + " | ".join(_markdown_cell(c.header) for c in columns) + " |",
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |",
    ]
    lines += [
        "| " + " | ".join(_markdown_cell(c.value(r)) for c in columns) + " |" for r in records
    ]
    return "\n".join(lines) + "\n"


DISPLAY_MAX_CHARS = 20_000
"""The most of one text a table or a Markdown table shows (about six pages).  A longer
one is cut there, at a space, with a mark, and a note on stderr says so: drawing a
48 MB statement as a terminal table never finished.  JSON, JSON Lines and CSV are
data and always carry every text whole."""

CUT_MARK = " […]"


class Cut(NamedTuple):
    """What :func:`cut_for_display` cut: how many texts, and the longest one's length."""

    texts: int = 0
    longest: int = 0


def _cut_text(text: str, limit: int) -> str:
    end = text.rfind(" ", limit // 2, limit)
    return text[: end if end > 0 else limit] + CUT_MARK


def cut_for_display(
    records: Sequence[Record], limit: int = DISPLAY_MAX_CHARS
) -> tuple[Sequence[Record], Cut]:
    """``records`` with every text longer than ``limit`` characters cut short for a
    human view (match spans past the cut dropped); the records themselves are not
    changed.  Quick when nothing is long: records are copied only where a text is."""

    def too_long(value: Any) -> bool:
        if isinstance(value, str):
            return len(value) > limit
        if isinstance(value, dict):
            return any(too_long(v) for v in value.values())
        if isinstance(value, list | tuple | LazyRecords):
            # (a sequence may know a bound on its longest text: a profile's statements)
            bound = getattr(value, "longest_text", None)
            if type(bound) is int and bound <= limit:
                return False
            return any(too_long(v) for v in value)
        return False

    found: list[int] = []

    def cut(value: Any) -> Any:
        if isinstance(value, str):
            if len(value) <= limit:
                return value
            found.append(len(value))
            return _cut_text(value, limit)
        if isinstance(value, dict):
            copy = {k: cut(v) for k, v in value.items()}
            if "spans" in copy and isinstance(value.get("text"), str):
                shown = len(copy["text"]) - len(CUT_MARK) if len(value["text"]) > limit else None
                if shown is not None:
                    copy["spans"] = [s for s in value["spans"] if s[1] <= shown]
            return copy
        if isinstance(value, list | tuple | LazyRecords):
            return [cut(v) for v in value]
        return value

    # A sequence may know a bound on its longest text (the index's overviews do):
    # then nothing needs looking at.
    bound = getattr(records, "longest_text", None)
    if type(bound) is int and bound <= limit:
        return records, Cut()
    if not any(too_long(r) for r in records):
        return records, Cut()
    shown = [cut(r) if too_long(r) else r for r in records]
    return shown, Cut(len(found), max(found))


class Formatter(NamedTuple):
    render: Callable[[Sequence[Record], View], str]
    empty: Callable[[View], str]


FORMATS: dict[Format, Formatter] = {
    Format.json: Formatter(lambda records, view: to_json(records), lambda view: "[]\n"),
    # JSON Lines: nothing found is no lines at all.
    Format.jsonl: Formatter(lambda records, view: to_jsonl(records), lambda view: ""),
    Format.csv: Formatter(
        lambda records, view: to_csv(records, view.flat_columns),
        lambda view: to_csv([], view.flat_columns),
    ),
    Format.markdown: Formatter(
        lambda records, view: to_markdown(records, view.flat_columns),
        lambda view: to_markdown([], view.flat_columns),
    ),
    # Nothing found in a table: nothing on stdout (the message is on stderr).
    Format.table: Formatter(
        lambda records, view: to_plain_table(records, view.columns), lambda view: ""
    ),
}

STREAMED = frozenset({Format.json, Format.jsonl, Format.csv})
"""Formats written a record at a time (:func:`chunks`): no giant string in memory."""


def empty_answer(fmt: Format, view: View | None) -> str:
    """What stdout (or the --output file) holds when nothing was found."""
    if view is None:
        return FORMATS[fmt].empty(View(())) if fmt in (Format.json, Format.jsonl) else ""
    return FORMATS[fmt].empty(view)


def chunks(
    records: Sequence[Record], view: View, fmt: Format, *, csv_raw: bool = False
) -> Iterator[Piece]:
    """The text of a :data:`STREAMED` format, a record at a time; the same text
    :func:`render` gives."""
    if fmt is Format.json:
        return json_chunks(records)
    if fmt is Format.jsonl:
        return jsonl_chunks(records)
    if fmt is Format.csv:
        return csv_chunks(records, view.flat_columns, raw=csv_raw)
    raise ValueError(f"{fmt.value} is not written in chunks")


def render(
    records: Sequence[Record],
    view: View,
    fmt: Format,
    *,
    terminal: bool = True,
    csv_raw: bool = False,
) -> RenderableType | str:
    """One place that chooses the output format.

    ``terminal``: the table goes to a terminal, so it is a Rich table that shares the
    width out; otherwise it is plain aligned text (detailed views keep their extra
    parts, after the same plain table).  ``csv_raw``: CSV cells exactly as they are
    (no apostrophe before a formula, no escapes)."""
    if fmt is Format.csv:
        return to_csv(records, view.flat_columns, raw=csv_raw)
    if fmt is not Format.table:
        return FORMATS[fmt].render(records, view)
    if not terminal and view.extra is None:
        return to_plain_table(records, view.columns)
    from .rich_views import rich_table_view

    return rich_table_view(records, view, terminal=terminal)
