"""Terminal layouts at fixed widths (issue 12, "Reading on an ordinary terminal";
issue 14, narrow widths): every record whole, no word split, nothing lost, at any
width; the pipe's formats unchanged.  Rendered through ``Environment`` objects made
with a chosen width, as a terminal of that width would get them."""

from __future__ import annotations

import io
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from poc_cli.output.emit import OutputChoice, _page, _pager, _pager_shows_colour, emit
from poc_cli.output.env import Environment
from poc_cli.output.formats import Format, render
from poc_cli.output.plain import cell_width, wrap, wrap_spans
from poc_cli.output.tables import (
    QUOTES_VIEW,
    SEARCH_VIEW,
    SESSIONS_VIEW,
    SPEAKERS_VIEW,
    STATEMENT_CONTEXT_VIEW,
    Record,
    View,
)

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
WIDTHS = (60, 80, 120, 200)


def _json(*args: str) -> list[Record]:
    """Records as the commands make them (their --json is the records emit gets)."""
    from typer.testing import CliRunner

    from poc_cli.cli import app

    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Record]]:
    return {
        "quotes": _json("quotes"),
        "sessions": _json("sessions"),
        "speakers": _json("speakers"),
    }


def _records(corpus: dict[str, list[Record]]) -> list[Record]:
    return corpus["quotes"]


def _speaker(records: Sequence[Record], person: str) -> list[Record]:
    return [r for r in records if r["speaker"]["id"] == person]


def terminal(width: int | None, *, color: bool = False) -> Environment:
    return Environment(io.StringIO(), io.StringIO(), True, False, not color, width=width)


def shown(records: Sequence[Record], view: View, width: int | None, **kw: Any) -> str:
    env = terminal(width, **kw)
    emit(env, records, view, OutputChoice())
    return env.stdout.getvalue()  # type: ignore[attr-defined, no-any-return]


def words(text: str) -> list[str]:
    return ESCAPE.sub("", text).split()


def quoted(record: Record) -> str:
    return f"“{record['text']}”" if record["kind"] == "quote" else record["text"]


def assert_whole(out: str, records: Sequence[Record], width: int) -> None:
    """Every word of every text and every id is in the output, whole and as often;
    no line is wider than the terminal unless it is one word that is."""
    got = Counter(words(out))
    wanted = Counter(w for r in records for w in quoted(r).split())
    wanted.update(r["id"] for r in records)
    missing = wanted - got
    assert not missing, f"split or lost at {width}: {sorted(missing)[:10]}"
    for line in ESCAPE.sub("", out).splitlines():
        if cell_width(line) > width:
            assert len(line.split()) == 1, f"a line wider than {width}: {line!r}"


# ----------------------------------------------------------------- word wrapping


def test_wrap_breaks_only_between_words_and_keeps_long_words_whole() -> None:
    assert wrap("aa bb cc", 5) == ["aa bb", "cc"]
    assert wrap("physiotherapists to war", 10) == ["physiotherapists", "to war"]
    assert wrap("one\n\ntwo", 10) == ["one", "", "two"]
    assert wrap("", 5) == [""]
    # wide characters take two columns
    assert wrap("日本語 日本語", 7) == ["日本語", "日本語"]
    text = "a  b   c"
    assert [text[a:b] for a, b in wrap_spans(text, 4)] == ["a  b", "c"]


# ----------------------------------------------------------------- listings


@pytest.mark.parametrize("width", WIDTHS)
def test_every_statement_is_whole_at_every_width(corpus: Any, width: int) -> None:
    records = _records(corpus)
    assert_whole(shown(records, QUOTES_VIEW, width), records, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_filtered_listing_is_whole_and_says_the_constant_once(corpus: Any, width: int) -> None:
    records = _speaker(_records(corpus), "ralph-mamiya")
    out = shown(records, QUOTES_VIEW, width)
    assert_whole(out, records, width)
    plain = ESCAPE.sub("", out)
    assert plain.count("Ralph Mamiya") == 1  # said once, above the rows
    assert plain.startswith("Speaker: Ralph Mamiya")
    # the CSV, JSON and Markdown keep every column
    csv = render(records, QUOTES_VIEW, Format.csv)
    assert isinstance(csv, str) and csv.splitlines()[0].split(",")[5] == "speaker"
    assert csv.count("Ralph Mamiya") == len(records)


def test_a_session_is_its_id_on_a_terminal_and_its_title_in_a_pipe(corpus: Any) -> None:
    records = _records(corpus)
    out = ESCAPE.sub("", shown(records, QUOTES_VIEW, 200))
    assert "Engaging with armed groups for the Protection of Civilians" not in out
    assert "session-1" in out
    pipe = render(records, QUOTES_VIEW, Format.table, terminal=False)
    assert "Engaging with armed groups for the Protection of Civilians" in str(pipe)


def test_the_text_takes_the_spare_width(corpus: Any) -> None:
    records = _records(corpus)
    at_120 = shown(records, QUOTES_VIEW, 120).splitlines()
    at_200 = shown(records, QUOTES_VIEW, 200).splitlines()
    assert len(at_200) < len(at_120)
    # a table at 120: the header names the columns, and the text column is the widest
    header = at_120[0].split()
    assert header[:4] == ["ID", "Speaker", "Session", "Kind"] and header[-1] == "Text"
    assert at_120[0].index("Text") < 60


@pytest.mark.parametrize("width", [40, 60, 80])
def test_narrow_listings_are_blocks_as_git_log_shows_them(corpus: Any, width: int) -> None:
    everyone = _records(corpus)
    # from two sessions, a quote and a paraphrase: nothing is the same in every row
    records = [
        next(r for r in everyone if r["session"]["id"] == "opening" and r["kind"] == "paraphrase"),
        next(r for r in everyone if r["session"]["id"] == "session-1" and r["kind"] == "quote"),
    ]
    lines = shown(records, QUOTES_VIEW, width).splitlines()
    first = records[0]
    start = next(n for n, line in enumerate(lines) if line.startswith(" "))
    header = " ".join(lines[:start])  # the header line (two, when it is longer than the width)
    for part in (first["id"], first["speaker"]["name"], first["session"]["id"], first["kind"]):
        assert part in header
    # then the whole text, wrapped to the width
    body = []
    for line in lines[start:]:
        if not line.strip():
            break
        body.append(line.strip())
    assert " ".join(body) == " ".join(quoted(first).split())


@pytest.mark.parametrize("width", range(0, 21))
def test_any_width_from_0_to_20_shows_every_record_whole(corpus: Any, width: int) -> None:
    records = _records(corpus)[:6]
    out = shown(records, QUOTES_VIEW, width)
    assert out.strip()
    # width 0 is a terminal that does not say: 80 columns
    assert_whole(out, records, width or 80)
    for view, rows in ((SESSIONS_VIEW, corpus["sessions"]), (SPEAKERS_VIEW, corpus["speakers"])):
        got = Counter(words(shown(rows, view, width)))
        for row in rows:
            wanted = Counter((row["id"] if view is SESSIONS_VIEW else row["name"]).split())
            assert not wanted - got, (view.columns[0].header, row)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_hits_are_whole_with_their_highlights(corpus: Any, width: int) -> None:
    records = [dict(r, score=90.0, spans=[(0, 3)]) for r in _records(corpus)[:8]]
    out = shown(records, SEARCH_VIEW, width, color=True)
    assert_whole(out, records, width)
    assert "\x1b[" in out


@pytest.mark.parametrize("width", WIDTHS)
def test_show_and_profiles_break_no_word(corpus: Any, width: int) -> None:
    records = _records(corpus)
    out = shown(records[:1], QUOTES_VIEW, width)
    assert_whole(out, records[:1], width)
    assert STATEMENT_CONTEXT_VIEW.screen_columns == QUOTES_VIEW.screen_columns


def test_a_word_wider_than_the_line_is_kept_whole() -> None:
    long = "https://example.org/" + "x" * 150
    record = {
        "id": "t-1",
        "kind": "quote",
        "text": f"see {long} now",
        "speaker": {"id": "a", "name": "A Person"},
        "session": {"id": "s", "title": "A session"},
    }
    other = dict(record, id="t-2", speaker={"id": "b", "name": "Another"})
    for width in (10, 60, 120):
        out = shown([record, other], QUOTES_VIEW, width)
        assert long in out.replace("“", " ").replace("”", " ").split()


# ----------------------------------------------------------------- quotation marks


def test_quotes_carry_their_quotation_marks_in_human_views_only(corpus: Any) -> None:
    records = _records(corpus)
    quote = next(r for r in records if r["kind"] == "quote" and len(r["text"].split()) > 5)
    paraphrase = next(r for r in records if r["kind"] == "paraphrase")
    for width in (60, 120):
        out = " ".join(words(shown([quote, paraphrase], QUOTES_VIEW, width)))
        assert " ".join(f"“{quote['text']}”".split()) in out
        assert "“" + " ".join(paraphrase["text"].split()) not in out
    pipe = str(render([quote, paraphrase], QUOTES_VIEW, Format.table, terminal=False))
    assert f"“{quote['text']}”" in pipe and f"“{paraphrase['text']}”" not in pipe
    data = json.loads(str(render([quote], QUOTES_VIEW, Format.json)))
    assert data[0]["text"] == quote["text"]
    assert f"“{quote['text']}”" not in str(render([quote], QUOTES_VIEW, Format.csv))


# ----------------------------------------------------------------- colour


def _pipe(choice: str, **variables: str) -> str:
    with pytest.MonkeyPatch.context() as mp:
        for name in ("NO_COLOR", "FORCE_COLOR"):
            mp.delenv(name, raising=False)
        for name, value in variables.items():
            mp.setenv(name, value)
        env = Environment.current()
    env = Environment(
        io.StringIO(), io.StringIO(), False, False, env.no_color, force_color=env.force_color
    )
    env = env.with_color(choice)
    records = [
        {
            "id": "t-1",
            "kind": "quote",
            "text": "Words said.",
            "speaker": {"id": "a", "name": "A Person"},
            "session": {"id": "s", "title": "A session"},
        }
    ]
    emit(env, records, QUOTES_VIEW, OutputChoice())
    return env.stdout.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_colour_into_a_pipe_only_when_asked() -> None:
    assert "\x1b[" not in _pipe("auto")
    assert "\x1b[" in _pipe("always")
    assert "\x1b[" in _pipe("auto", FORCE_COLOR="1")
    assert "\x1b[" not in _pipe("auto", FORCE_COLOR="0")
    assert "\x1b[" not in _pipe("auto", FORCE_COLOR="1", NO_COLOR="1")  # NO_COLOR wins
    assert "\x1b[" in _pipe("always", NO_COLOR="1")  # an explicit --color wins
    assert "\x1b[" not in _pipe("never", FORCE_COLOR="1")
    # the same plain rows, with styles: one row per record
    assert ESCAPE.sub("", _pipe("always")) == _pipe("never")


def test_colour_on_a_terminal(corpus: Any) -> None:
    records = _records(corpus)[:2]
    assert "\x1b[" in shown(records, QUOTES_VIEW, 100, color=True)
    assert "\x1b[" not in shown(records, QUOTES_VIEW, 100)


# ----------------------------------------------------------------- pager


@pytest.fixture
def pager_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("LESS", "LV", "PAGER", "POC_PAGER", "MANPAGER"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_pager_is_chosen_as_git_chooses_it(pager_env: pytest.MonkeyPatch) -> None:
    env = terminal(80)
    chosen = _pager(env)
    if chosen is not None:  # less or more is installed
        assert chosen[0] in ("less", "more")
        assert chosen[1]["LESS"] == "FRX" and chosen[1]["LV"] == "-c"
    pager_env.setenv("PAGER", "more")
    pager_env.setenv("LESS", "-i")
    chosen = _pager(env)
    assert chosen is not None and chosen[0] == "more" and chosen[1]["LESS"] == "-i"
    pager_env.setenv("POC_PAGER", "less -S")
    chosen = _pager(env)
    assert chosen is not None and chosen[0] == "less -S"
    pager_env.setenv("POC_PAGER", "")
    assert _pager(env) is None  # empty: no pager, as git has it
    pager_env.setenv("POC_PAGER", "no-such-pager-xyz")
    assert _pager(env) is None
    assert "was not found" in env.stderr.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("command", "less", "colour"),
    [
        ("less", "FRX", True),
        ("less", "-R", True),
        ("less", "--RAW-CONTROL-CHARS", True),
        ("less", "-X", False),
        ("less -R", "-X", True),
        ("/usr/bin/less", "FRX", True),
        ("more", "FRX", False),
        ("most", "FRX", False),
    ],
)
def test_only_a_pager_that_shows_colours_gets_them(command: str, less: str, colour: bool) -> None:
    assert _pager_shows_colour(command, {"LESS": less}) is colour


def _paged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, lines: int
) -> tuple[str, str]:
    got = tmp_path / "paged.txt"
    monkeypatch.setenv("LINES", str(lines))
    monkeypatch.setenv("COLUMNS", "80")
    env = terminal(80, color=True)
    from poc_cli.output.rich_views import Fitted

    rows = [
        {
            "id": f"t-{n}",
            "kind": "quote",
            "text": f"Words number {n}.",
            "speaker": {"id": "a", "name": f"Person {n}"},
            "session": {"id": "s", "title": "A session"},
        }
        for n in range(10)
    ]
    variables = {**os.environ, "LESS": "FRX"}
    _page(env, Fitted(rows, QUOTES_VIEW.screen_columns), f"{command} > {got}", variables)
    return (got.read_text() if got.exists() else ""), env.stdout.getvalue()  # type: ignore[attr-defined]


def test_more_gets_plain_text_and_less_gets_colours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged, printed = _paged(tmp_path, monkeypatch, "cat", 5)  # a pager that is not less
    assert "t-9" in paged and "\x1b[" not in paged and printed == ""
    paged, printed = _paged(tmp_path, monkeypatch, "less -R -c", 5)
    assert "t-9" in paged and "\x1b[" in paged


def test_output_that_fits_on_the_screen_is_not_paged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged, printed = _paged(tmp_path, monkeypatch, "cat", 100)
    assert paged == "" and "t-9" in printed


@pytest.mark.parametrize("count", [1, 99, 100, 256, 257, 700])
def test_json_of_many_records_is_the_standard_modules(count: int) -> None:
    # From FAST_JSON_FROM records up, --json is encoded by msgspec and indented by it:
    # the same text as json.dumps of the whole list, with the escapes json_safe adds,
    # whatever the values hold.
    from poc_cli.output.formats import FAST_JSON_FROM, to_json
    from poc_cli.text.escape import json_safe

    assert FAST_JSON_FROM == 100  # both encoders are tried
    odd = ["\u2028", "\u202e", "\x85", "\x1b[31m", "\ufeff", "漢字", "e\u0301", '"\\', "\n\t"]
    records = [
        {
            "id": f"s{n}",
            "text": odd[n % len(odd)] + f" {n}",
            "paragraphs": [n, 10**30] if n % 7 == 0 else [n],
            "items": [],
            "nested": {"empty": {}, "none": None, "flag": n % 2 == 0},
            "pair": (n, "x"),
        }
        for n in range(count)
    ]
    expected = json_safe(json.dumps(records, ensure_ascii=False, indent=2)) + "\n"
    assert to_json(records) == expected


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "a“b” ok\n".encode()),
        ("UTF8", "a“b” ok\n".encode()),
        # Not UTF-8: the bytes are decoded and written as text, in the stream's encoding.
        ("cp1252", "a“b” ok\n".encode("cp1252")),
        ("utf-16-le", "a“b” ok\n".encode("utf-16-le")),
    ],
)
def test_pieces_of_utf8_bytes_are_written_in_order_in_the_streams_encoding(
    encoding: str, expected: bytes
) -> None:
    from poc_cli.output.emit import OutputChoice, _write_pieces
    from poc_cli.output.env import Environment

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
    env = Environment(stream, io.StringIO(), False, False, no_color=True)
    _write_pieces(env, ["a", "“b”".encode(), " ok", b"\n"], OutputChoice())
    stream.flush()
    assert raw.getvalue() == expected


def test_pieces_of_utf8_bytes_fail_as_text_where_the_encoding_cannot_show_them() -> None:
    from poc_cli.output.emit import OutputChoice, _write_pieces
    from poc_cli.output.env import Environment

    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    env = Environment(stream, io.StringIO(), False, False, no_color=True)
    with pytest.raises(UnicodeEncodeError):
        _write_pieces(env, ["a", "“b”".encode()], OutputChoice())


def test_pieces_of_utf8_bytes_go_into_an_output_file_in_order(tmp_path: Path) -> None:
    from poc_cli.files import write_new_file

    target = tmp_path / "out.json"
    write_new_file(target, ["[", "“x”".encode(), "é", b"]\n"])
    assert target.read_text(encoding="utf-8") == "[“x”é]\n"
