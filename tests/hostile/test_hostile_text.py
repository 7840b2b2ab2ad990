"""Text is data: markup, terminal escapes, C0/C1 controls and bidi overrides in a
dataset are shown literally and never reach a terminal or a pipe raw; JSON keeps the
exact text.

Every command, in every output format, over a dataset whose every text field holds
every string of ``corpus/hostile_strings.json``: in-process (CliRunner), through a
real pipe (subprocess), and on a pseudo-terminal (``script``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import (
    CITE_STYLES,
    DATA_SEQUENCES,
    FORMATS,
    HOSTILE,
    MARK,
    all_strings,
    assert_no_raw_controls,
    assert_no_traceback,
    assert_valid_utf8,
    available_commands,
    base_env,
    run_on_tty,
    script_available,
    write_dataset,
)

from poc_cli.text.invisible import is_blank

COMMANDS = available_commands()


# (case id, arguments before the format option) for the hostile dataset
LISTINGS: list[tuple[str, list[str]]] = [
    ("sessions", ["sessions"]),
    ("sessions-ID", ["sessions", "s1"]),
    ("speakers", ["speakers"]),
    ("speakers-NAME", ["speakers", "Mallory"]),
    ("quotes", ["quotes"]),
    ("quotes-speaker", ["quotes", "--speaker", "Mallory"]),
    ("quotes-session", ["quotes", "--session", "s1"]),
    ("quotes-kind", ["quotes", "--kind", "quote"]),
    ("quotes-topic", ["quotes", "--topic", "t1"]),
    ("show", ["show", "st-1"]),
    ("stats", ["stats"]),
]
if "search" in COMMANDS:
    LISTINGS.append(("search", ["search", "pwned"]))

MATRIX = [
    pytest.param(args + ["--format", fmt], fmt, id=f"{name}-{fmt}")
    for name, args in LISTINGS
    for fmt in FORMATS
]
CITES = [
    pytest.param(["cite", "st-1", "--style", style], id=f"cite-{style}") for style in CITE_STYLES
] + [pytest.param(["cite", "st-2", "--paraphrase", "--style", "plain"], id="cite-paraphrase")]
OTHERS = [*CITES, pytest.param(["validate"], id="validate")]

LITERAL_MARKUP = ("[bold red]x[/]", "[link=https://evil.example]click[/link]", "[blink]")


def check_human(stdout: str, stderr: str) -> None:
    assert_no_raw_controls(stdout, "stdout")
    assert_no_raw_controls(stderr, "stderr")
    assert_no_traceback(stderr)
    for markup in LITERAL_MARKUP:
        assert markup in stdout, f"markup {markup!r} not shown literally"
    assert "pwned title" in stdout, "the text around an escape sequence was dropped"


def check_json(stdout: str, stderr: str, raw: dict[str, Any], args: list[str]) -> None:
    # JSON escapes controls itself: the bytes on the wire hold none raw either.
    assert_no_raw_controls(stdout, "JSON stdout")
    assert_no_raw_controls(stderr, "stderr")
    assert_no_traceback(stderr)
    data = json.loads(stdout)
    originals = set(all_strings(raw))
    traced = [s for s in all_strings(data) if MARK in s]
    assert traced, "no dataset text in the JSON output"
    changed = [s for s in traced if s not in originals]
    assert not changed, f"JSON changed dataset text, e.g. {changed[0]!r}"
    if args[0] == "quotes" and len(args) == 3:
        assert [r["text"] for r in data] == [s["text"] for s in raw["statements"]]
        assert [r["speaker"]["name"] for r in data] == [
            {p["id"]: p["name"] for p in raw["speakers"]}[s["speaker"]] for s in raw["statements"]
        ]
    if args[0] == "speakers" and len(args) == 3:
        assert [r["name"] for r in data] == [p["name"] for p in raw["speakers"]]
        assert [r["role"] for r in data] == [p["role"] for p in raw["speakers"]]
    if args[0] == "show":
        assert data[0]["text"] == raw["statements"][0]["text"]
        assert data[0]["context"]["source_paragraphs"][0]["text"] == raw["source"]["paragraphs"][0]


def check(args: list[str], fmt: str, stdout: str, stderr: str, raw: dict[str, Any]) -> None:
    if fmt == "json":
        check_json(stdout, stderr, raw, args)
    elif fmt == "markdown":
        # Markdown escapes its own specials with a backslash (\* \[ \<): what a
        # reader of the rendered table sees is the text with those backslashes gone.
        assert_no_raw_controls(stdout, "stdout")
        check_human(re.sub(r"\\(.)", r"\1", stdout), stderr)
    else:
        check_human(stdout, stderr)


@pytest.mark.parametrize(("args", "fmt"), MATRIX)
def test_listing_in_process(cli, hostile_file: Path, hostile_raw, args, fmt) -> None:
    result = cli("--data", str(hostile_file), *args)
    assert result.exit_code == 0, result.stderr
    check(args, fmt, result.stdout, result.stderr, hostile_raw)


@pytest.mark.parametrize(("args", "fmt"), MATRIX)
def test_listing_through_pipe(
    runs, hostile_file: Path, hostile_dir, hostile_raw, args, fmt
) -> None:
    """stdout and stderr are real pipes: all cases run in one Python process that calls
    the console-script entry point once per case (see hostile_helpers.run_batch)."""
    runs.batch([["--data", str(hostile_file), *p.values[0]] for p in MATRIX], hostile_dir)
    ran = runs.get(["--data", str(hostile_file), *args])
    assert ran.returncode == 0, ran.describe()
    assert_valid_utf8(ran.stdout_bytes, "stdout")
    check(args, fmt, ran.stdout, ran.stderr, hostile_raw)


@pytest.mark.parametrize("args", OTHERS)
def test_other_commands_in_process(cli, hostile_file: Path, args) -> None:
    result = cli("--data", str(hostile_file), *args)
    assert result.exit_code == 0, result.stderr
    assert_no_raw_controls(result.stdout, "stdout")
    assert_no_raw_controls(result.stderr, "stderr")
    assert_no_traceback(result.stderr)
    if args[0] == "cite":
        shown = result.stdout
        if "markdown" in args:  # Markdown escapes [ and ] (\[): a reader sees them plain
            shown = re.sub(r"\\(.)", r"\1", shown)
        assert "[bold red]x[/]" in shown


SEPARATE = [
    *OTHERS,
    *(pytest.param(["quotes", "--format", fmt], id=f"quotes-{fmt}") for fmt in FORMATS),
]


@pytest.mark.parametrize("args", SEPARATE)
def test_own_process_through_pipe(runs, hostile_file: Path, args) -> None:
    """The real console script, one process per case."""
    runs.prefetch([["--data", str(hostile_file), *p.values[0]] for p in SEPARATE])
    ran = runs.get(["--data", str(hostile_file), *args])
    assert ran.returncode == 0, ran.describe()
    assert_no_raw_controls(ran.stdout, "stdout")
    assert_no_raw_controls(ran.stderr, "stderr")
    assert_no_traceback(ran.stderr)


# ------------------------------------------------------------- hostile ids


ID_COMMANDS = [
    pytest.param([*args, "--format", fmt], fmt, id=f"{name}-{fmt}")
    for name, args in (
        ("quotes", ["quotes"]),
        ("sessions", ["sessions"]),
        ("speakers", ["speakers"]),
        ("stats", ["stats"]),
    )
    for fmt in FORMATS
]


@pytest.mark.parametrize(("args", "fmt"), ID_COMMANDS)
def test_hostile_ids(cli, hostile_ids_file: Path, hostile_ids_raw, args, fmt) -> None:
    """Ids themselves may hold markup, escapes and bidi overrides."""
    result = cli("--data", str(hostile_ids_file), *args)
    assert result.exit_code == 0, result.stderr
    assert_no_raw_controls(result.stdout, "stdout")
    assert_no_raw_controls(result.stderr, "stderr")
    if fmt == "json":
        data = json.loads(result.stdout)
        ids = {s["id"] for s in hostile_ids_raw["statements"]}
        if args[0] == "quotes":
            assert {r["id"] for r in data} == ids


@pytest.mark.parametrize("command", ["show", "validate", "speakers-unknown", "quotes-unknown"])
def test_hostile_ids_addressed(cli, hostile_ids_file: Path, hostile_ids_raw, command) -> None:
    """A hostile id typed back (show), or unknown names echoed in messages."""
    sid = hostile_ids_raw["statements"][0]["id"]
    args = {
        "show": ["show", sid, "--json"],
        "validate": ["validate"],
        "speakers-unknown": ["speakers", "\x1b]0;zz\x07\u202eNobody"],
        "quotes-unknown": ["quotes", "--session", "\x1b[31m\u202e[bold]nope"],
    }[command]
    result = cli("--data", str(hostile_ids_file), *args)
    assert result.exit_code in (0, 1, 2), result.stderr
    assert_no_raw_controls(result.stdout, "stdout")
    assert_no_raw_controls(result.stderr, "stderr")
    if command == "show":
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)[0]["id"] == sid
    if command.endswith("unknown"):
        assert result.exit_code in (1, 2)
        assert result.stderr.strip(), "no message for an unknown name"


# ------------------------------------------------------------- one payload at a time


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_payload_alone(cli, tmp_path: Path, hostile_raw, name) -> None:
    """Each hostile string as a statement text: table shows it safely, JSON exactly.

    Between two words, so that a payload of only invisible characters (which alone is
    a blank text, refused: see the test below) is still tested for display."""
    raw = json.loads(json.dumps(hostile_raw))
    text = HOSTILE[name] if not is_blank(HOSTILE[name]) else f"before{HOSTILE[name]}after"
    raw["statements"][0]["text"] = text
    path = write_dataset(tmp_path, raw)
    table = cli("--data", str(path), "show", "st-1")
    assert table.exit_code == 0, table.stderr
    assert_no_raw_controls(table.stdout, "table")
    out = cli("--data", str(path), "quotes", "--json")
    assert json.loads(out.stdout)[0]["text"] == text


@pytest.mark.parametrize(
    "text", ["\u200b\u200c\u200d", "\u2060 \ufeff", "\U000e0041\u3164", " \u00ad "]
)
def test_a_text_of_only_invisible_characters_is_blank(
    cli, tmp_path: Path, hostile_raw, text
) -> None:
    """Issue 14: zero-width, tag and filler characters alone passed "must not be empty"."""
    raw = json.loads(json.dumps(hostile_raw))
    raw["statements"][0]["text"] = text
    path = write_dataset(tmp_path, raw)
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert "statements[0].text: must not be empty" in result.stderr


@pytest.mark.parametrize("fmt", [pytest.param(f) for f in ("table", "csv", "markdown")])
def test_arabic_letter_mark_is_escaped(cli, tmp_path: Path, hostile_raw, fmt) -> None:
    raw = json.loads(json.dumps(hostile_raw))
    raw["statements"][0]["text"] = "abc\u061cdef"
    path = write_dataset(tmp_path, raw)
    result = cli("--data", str(path), "quotes", "--format", fmt)
    assert result.exit_code == 0
    assert "\u061c" not in result.stdout


# ------------------------------------------------------------- on a terminal

TTY_CASES = [
    ["quotes"],
    ["sessions", "s1"],
    ["speakers", "Mallory"],
    ["show", "st-1"],
    ["stats"],
    ["quotes", "--pager"],
    pytest.param(["cite", "st-1"]),
]
if "search" in COMMANDS:
    TTY_CASES.append(["search", "pwned"])


@pytest.mark.skipif(not script_available(), reason="util-linux `script` is not installed")
@pytest.mark.parametrize("args", TTY_CASES, ids=lambda a: "-".join(a))
def test_on_a_terminal(hostile_file: Path, cache_dir: Path, args) -> None:
    """On a TTY Rich may style (its own CSI codes), but the data's own sequences never
    appear raw.  PAGER=cat so that --pager pages through a program that passes bytes on."""
    env = base_env(cache_dir, TERM="xterm-256color", COLUMNS="120", LINES="40", PAGER="cat")
    ran = run_on_tty(["--data", str(hostile_file), *args], env=env)
    out = ran.stdout
    assert ran.returncode == 0, ran.describe() + out[-2000:]
    assert_no_traceback(out)
    leaked = [seq for seq in DATA_SEQUENCES if seq in out]
    assert not leaked, f"data's control sequences reached the terminal: {leaked}"
    # (a table cell may be folded at 120 columns, so look for a short piece of it)
    assert "[blink]" in out or "pwned" in out, "the data is not shown at all"
