"""Hostile input, second round (issue 14): CSV formulas, forged message lines, invisible
characters inside words, odd statement numbers, the JSON nesting limit, alias searches,
long -o names, dates, Markdown, and resource limits.

Every class has cases of our own beyond the issue's examples.  Datasets are built
here (from the small hostile dataset's shape), never the bundled one, which changes.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import (
    assert_no_raw_controls,
    assert_no_traceback,
    base_env,
    hostile_dataset,
    run_on_tty,
    run_poc,
    script_available,
    write_dataset,
)

Cli = Callable[..., Any]


def plain_dataset() -> dict[str, Any]:
    """The hostile dataset's shape with ordinary values: three statements, two people."""
    raw = hostile_dataset()

    def tidy(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("\u27e6"):
            return "plain words"
        if isinstance(value, list):
            return [tidy(v) for v in value]
        if isinstance(value, dict):
            return {k: tidy(v) for k, v in value.items()}
        return value

    raw = tidy(raw)
    raw["speakers"][0]["name"] = "Anna van der Linde"
    raw["speakers"][0]["aliases"] = ["Mallory"]
    raw["speakers"][1]["name"] = "Trent Ode"
    raw["statements"][0]["text"] = "We spoke of protection and mandates."
    raw["statements"][1]["text"] = "The report summarised a view on civilians."
    raw["statements"][2]["text"] = "Armed groups were discussed at length."
    return raw


def save(tmp_path: Path, raw: dict[str, Any], name: str = "dataset.json") -> str:
    return str(write_dataset(tmp_path, raw, name))


# ------------------------------------------------------------------ CSV formulas

FORMULAS = [
    "=1+2",
    '=HYPERLINK("http://evil.example","click")',
    "+41 22 000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "-",
    "@",
]


def _csv_cells(text: str) -> list[list[str]]:
    csv.field_size_limit(sys.maxsize)
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_never_start_a_formula(cli: Cli, tmp_path: Path, formula: str) -> None:
    raw = plain_dataset()
    raw["statements"][0]["text"] = formula + " and words"
    raw["statements"][1]["text"] = formula
    raw["speakers"][0]["role"] = formula
    raw["speakers"][1]["name"] = formula + "Trent"
    raw["sessions"][0]["title"] = formula
    raw["topics"][0]["label"] = formula
    data = save(tmp_path, raw)
    commands = [
        ["quotes"],
        ["speakers"],
        ["sessions"],
        ["search", "words"],
        ["show", "st-1"],
        ["stats"],
    ]
    for command in commands:
        result = cli("--data", data, *command, "--format", "csv")
        assert result.exit_code == 0, (command, result.output)
        rows = _csv_cells(result.stdout)
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (command, cell)
        # The text is all there, after the apostrophe.
        if command == ["quotes"]:
            texts = [r[rows[0].index("text")] for r in rows[1:]]
            assert texts[1] == "'" + formula.replace("\t", "\t").replace("\r", "\\x0d")


@pytest.mark.parametrize("formula", FORMULAS[:5])
def test_csv_raw_and_json_keep_the_exact_text(cli: Cli, tmp_path: Path, formula: str) -> None:
    raw = plain_dataset()
    raw["statements"][1]["text"] = formula
    data = save(tmp_path, raw)
    result = cli("--data", data, "quotes", "--format", "csv", "--csv-raw")
    rows = _csv_cells(result.stdout)
    assert rows[2][rows[0].index("text")] == formula
    records = json.loads(cli("--data", data, "quotes", "--json").stdout)
    assert records[1]["text"] == formula
    lines = cli("--data", data, "quotes", "--format", "jsonl").stdout.splitlines()
    assert json.loads(lines[1])["text"] == formula


def test_csv_header_and_safe_cells_are_untouched(cli: Cli, tmp_path: Path) -> None:
    raw = plain_dataset()
    raw["statements"][1]["text"] = "a - b = c, mail @ home"  # only the start counts
    data = save(tmp_path, raw)
    rows = _csv_cells(cli("--data", data, "quotes", "-f", "csv").stdout)
    assert rows[0][0] == "id"
    assert rows[2][rows[0].index("text")] == "a - b = c, mail @ home"


# ------------------------------------------------------------------ JSON Lines, streaming


def test_jsonl_is_one_object_a_line_and_the_same_records(cli: Cli, tmp_path: Path) -> None:
    raw = plain_dataset()
    raw["statements"][0]["text"] = "line one\nline two \u2028 \x1b[31m"
    data = save(tmp_path, raw)
    for command in (["quotes"], ["speakers"], ["search", "protection"], ["show", "st-2"]):
        as_json = json.loads(cli("--data", data, *command, "--json").stdout)
        lines = cli("--data", data, *command, "--format", "jsonl").stdout.split("\n")
        assert lines[-1] == ""
        assert [json.loads(line) for line in lines[:-1]] == as_json, command
        assert all("\u2028" not in line and "\x1b" not in line for line in lines)


def test_jsonl_finding_nothing_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    data = save(tmp_path, plain_dataset())
    result = cli("--data", data, "search", "zzzqqqxxx", "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_streamed_json_to_a_file_is_the_same_as_to_stdout(cli: Cli, tmp_path: Path) -> None:
    data = save(tmp_path, plain_dataset())
    for fmt in ("json", "jsonl", "csv"):
        out = tmp_path / f"out.{fmt}"
        assert cli("--data", data, "quotes", "-f", fmt, "-o", str(out)).exit_code == 0
        assert out.read_text(encoding="utf-8") == cli("--data", data, "quotes", "-f", fmt).stdout


def test_big_json_is_the_same_with_either_encoder(tmp_path: Path) -> None:
    from poc_cli.output.formats import FAST_JSON_FROM, json_chunks

    records = [{"id": f"s{i}", "text": f"t\u2028\x7f{i}", "score": 93.5, "n": [i]} for i in range(3)]
    small = "".join(json_chunks(records))
    big = "".join(json_chunks(records * FAST_JSON_FROM))
    assert json.loads(small) == records
    assert json.loads(big) == records * FAST_JSON_FROM
    assert big.startswith(small[: small.index("}") + 1])
    assert "\u2028" not in big and "\x7f" not in big


# ------------------------------------------------------------------ forged message lines

FORGING_NAMES = [
    "x\nok: 2 file(s) valid",
    "x\rok: 2 file(s) valid",
    "x\x1b[2K\rok: 2 file(s) valid",
    "x\u2028ok: 2 file(s) valid",
    "x\x85ok: 2 file(s) valid",
    "x\x0bok\x0c",
    "x\tok",
]


def _no_forged_line(stderr: str) -> None:
    assert_no_traceback(stderr)
    assert_no_raw_controls(stderr, "stderr")
    for line in stderr.split("\n"):
        assert not line.startswith("ok"), stderr
    assert "\r" not in stderr and "\u2028" not in stderr and "\x85" not in stderr


@pytest.mark.parametrize("name", FORGING_NAMES)
def test_a_file_name_cannot_forge_a_message_line(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.json").write_text("{broken", encoding="utf-8")
    env = base_env(tmp_path / "cache")
    cases = [
        ["validate", str(folder)],
        ["validate", str(folder / f"{name}.json")],
        ["--data", str(folder), "quotes"],
        ["--data", str(folder), "search", "x"],
        ["--data", str(folder / f"{name}.json"), "show", "1"],
        ["--data", str(folder), "cite", "1"],
        ["quotes", "-o", str(folder / "missing" / "out.txt")],
        ["--data", str(folder / "missing"), "quotes"],
    ]
    for args in cases:
        ran = run_poc(args, env=env)
        assert ran.returncode == 2, ran.describe()
        _no_forged_line(ran.stderr)
        assert "ok:" not in ran.stdout


def test_a_warning_with_a_path_is_one_line(tmp_path: Path) -> None:
    from poc_cli.output.emit import note
    from poc_cli.output.env import Environment

    err = io.StringIO()
    env = Environment(io.StringIO(), err, False, False, True)
    note(env, "warning: search index: /tmp/a\nok: 2 file(s) valid: no space")
    assert err.getvalue().count("\n") == 1
    assert "\\n" in err.getvalue()


# ------------------------------------------------------------------ invisible characters

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u2063", "\U000e0041", "\u180e"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_character_neither_hides_nor_splits_a_word(
    cli: Cli, tmp_path: Path, mark: str
) -> None:
    raw = plain_dataset()
    raw["statements"][0]["text"] = f"Humanitarian neu{mark}trality is a tool; man{mark}dates matter."
    data = save(tmp_path, raw)
    for query in ("neutrality", f"neu{mark}tral{mark}ity", "mandates", '"neutrality is a tool"'):
        hits = json.loads(cli("--data", data, "search", query, "--json").stdout or "[]")
        assert [h["id"] for h in hits][:1] == ["st-1"], (query, hits)
        text = hits[0]["text"]
        shown = {text[a:b].replace(mark, "") for a, b in hits[0]["spans"]}
        assert shown & {"neutrality", "mandates", "neutrality is a tool"}, shown
    # Pieces of the word are not words of their own.
    hits = json.loads(cli("--data", data, "search", "trality", "--json").stdout or "[]")
    assert all(h["score"] < 90 for h in hits)


def test_folding_drops_invisible_characters_everywhere() -> None:
    from poc_cli.text.normalise import fold, tokenize, words

    text = "Pe\u200bter\u00ad van\u2060 den Berg"
    assert fold(text) == "peter van den berg"
    assert words(text) == ["peter", "van", "den", "berg"]
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens][0] == "Pe\u200bter"


def test_an_invisible_character_in_a_name_still_names_the_person(cli: Cli, tmp_path: Path) -> None:
    raw = plain_dataset()
    raw["speakers"][1]["name"] = "Tr\u200bent O\u00adde"
    data = save(tmp_path, raw)
    hits = json.loads(cli("--data", data, "search", "trent", "--json").stdout or "[]")
    assert "st-2" in [h["id"] for h in hits]
    assert cli("--data", data, "quotes", "--speaker", "trent ode").exit_code == 0


# ------------------------------------------------------------------ odd statement numbers

ODD_IDS = ["st-²¹", "st-①", "st-٣", "st-" + "7" * 5000, "st-\u0663\u0664", "st-Ⅻ", "st-𝟗"]


@pytest.mark.parametrize("odd", ODD_IDS)
def test_show_and_cite_with_odd_digits(cli: Cli, tmp_path: Path, odd: str) -> None:
    raw = plain_dataset()
    raw["statements"][2]["id"] = odd
    data = save(tmp_path, raw)
    typed = ["²¹", "①", "٣", "9" * 5000, "7" * 5000, "𝟗", "Ⅻ", "1", "0001", "3", "-1", "1e3", "٢"]
    for number in typed:
        for command in (["show", number], ["cite", number, "--paraphrase"]):
            result = cli("--data", data, *command)
            assert result.exit_code in (0, 1, 2), (command, result.output)
            assert len(result.output) < 2000 or result.exit_code == 0
    # The odd id itself is found exactly, and plain numbers still work.
    assert cli("--data", data, "show", odd, "--json").exit_code == 0
    assert cli("--data", data, "cite", odd).exit_code == 0
    first = json.loads(cli("--data", data, "show", "1", "--json").stdout)
    assert first[0]["id"] == "st-1"


def test_statement_numbers_compare_as_written() -> None:
    from poc_cli.queries import _as_number, _trailing_number

    assert _as_number("0007") == "7" and _as_number("0") == "0"
    assert _as_number("²¹") is None and _as_number("①") is None and _as_number("٣") is None
    assert _trailing_number("ipi18-21") == "21"
    assert _trailing_number("x-²¹") is None
    assert _trailing_number("n-" + "9" * 5000) == "9" * 5000


# ------------------------------------------------------------------ JSON nesting


def _nested(kind: str, depth: int) -> str:
    raw = plain_dataset()
    if kind == "provenance":
        raw["event"]["provenance"] = {"x": 1}
        text = json.dumps(raw)
        inner = '{"a":' * (depth - 3) + "1" + "}" * (depth - 3)
        return text.replace('"provenance": {"x": 1}', f'"provenance": {inner}')
    text = json.dumps(raw)
    if kind == "unknown-key-arrays":
        return text[:-1] + ', "x_extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    if kind == "statement-objects":
        inner = '{"a":' * (depth - 3) + '"s"' + "}" * (depth - 3)
        return text.replace('"paragraphs": [2]', f'"paragraphs": [2], "x_more": {inner}', 1)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["provenance", "unknown-key-arrays", "statement-objects"])
def test_every_reader_agrees_at_the_nesting_limit(tmp_path: Path, kind: str) -> None:
    from poc_cli.schema.read_json import MAX_NESTING

    env = base_env(tmp_path / "cache")
    verdicts: dict[int, set[int]] = {}
    for depth in (MAX_NESTING - 2, MAX_NESTING, MAX_NESTING + 1, MAX_NESTING + 3, 1500):
        path = tmp_path / f"{kind}-{depth}.json"
        path.write_text(_nested(kind, depth), encoding="utf-8")
        codes = set()
        for args in (
            ["validate", str(path)],
            ["--data", str(path), "quotes", "--json"],
            ["--data", str(path), "search", "protection", "--json"],
            ["--data", str(path), "show", "st-1"],
        ):
            ran = run_poc(args, env=env)
            assert_no_traceback(ran.stderr)
            codes.add(0 if ran.returncode == 0 else 2)
            if ran.returncode:
                assert "nested too deeply" in ran.stderr, ran.describe()
        assert len(codes) == 1, (depth, codes)
        verdicts[depth] = codes
    assert verdicts[MAX_NESTING - 2] == {0} and verdicts[1500] == {2}


def test_the_nesting_limit_does_not_depend_on_the_callers_stack(tmp_path: Path) -> None:
    from poc_cli.errors import DataError
    from poc_cli.schema.read_json import MAX_NESTING, read_json

    path = tmp_path / "deep.json"

    def verdict(text: str, extra_frames: int) -> bool:
        if extra_frames:
            return verdict(text, extra_frames - 1)
        try:
            read_json(path)
        except DataError as error:  # read_json parses only; a schema error comes later
            assert "nested too deeply" in error.message
            return False
        return True

    shapes = {
        "arrays": lambda d: "[" * d + "]" * d,
        "objects": lambda d: '{"a":' * (d - 1) + '{"a":1}' + "}" * (d - 1),
        "mixed": lambda d: '[{"a":' * (d // 2) + "7" + "}]" * (d // 2),
    }
    for shape, make in shapes.items():
        for depth in range(MAX_NESTING - 3, MAX_NESTING + 4):
            text = make(depth)
            path.write_text(text, encoding="utf-8")
            answers = {verdict(text, frames) for frames in (0, 50, 400)}
            assert len(answers) == 1, (shape, depth)
            if depth <= MAX_NESTING:
                assert answers == {True}, (shape, depth)


def test_the_fast_reader_checks_the_only_untyped_field() -> None:
    from poc_cli.schema.fields import RECORDS

    untyped = [
        (kind, f.name)
        for kind, fields in RECORDS.items()
        for f in fields
        if f.json_type is dict and f.record is None
    ]
    assert untyped == [("event", "provenance")]  # schema/fast.py's _free_form knows these


# ------------------------------------------------------------------ alias searches


@pytest.mark.parametrize(
    "query", ["vanderlinde", "derlinde", "van der linde", "Linde", "mallory", "Anna"]
)
def test_a_name_search_gives_the_same_records_in_every_format(
    cli: Cli, tmp_path: Path, query: str
) -> None:
    data = save(tmp_path, plain_dataset())
    as_json = [h["id"] for h in json.loads(cli("--data", data, "search", query, "--json").stdout)]
    assert set(as_json) == {"st-1", "st-3"}, query
    rows = _csv_cells(cli("--data", data, "search", query, "-f", "csv").stdout)
    assert [r[rows[0].index("id")] for r in rows[1:]] == as_json
    lines = cli("--data", data, "search", query, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == as_json
    table = cli("--data", data, "search", query)
    assert table.exit_code == 0
    assert [i for i in as_json if i in table.stdout] == as_json


# ------------------------------------------------------------------ -o names


@pytest.mark.parametrize("length", [200, 242, 243, 250, 254, 255])
def test_o_takes_every_file_name_the_file_system_takes(
    cli: Cli, tmp_path: Path, length: int
) -> None:
    data = save(tmp_path, plain_dataset())
    for name in ("a" * length, "é" * (length // 2)):
        target = tmp_path / name
        result = cli("--data", data, "quotes", "-f", "json", "-o", str(target))
        assert result.exit_code == 0, (length, result.output)
        assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "st-1"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_o_with_a_name_too_long_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    data = save(tmp_path, plain_dataset())
    for typed in ("a" * 256, "é" * 128, "d/" * 3000 + "x"):
        result = cli("--data", data, "quotes", "-o", str(tmp_path / typed))
        assert result.exit_code == 2
        assert "cannot write here" in result.output


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "date",
    ["20181026", "2018-W43-5", "2018-298", "2018-10-26T10:00", "2018-1-26", "18-10-26",
     "２０１８-10-26", "2018-02-30", " 2018-10-26", "2018-10-26\n", "2018/10/26", "+2018-10-26"],
)
def test_validate_takes_only_yyyy_mm_dd(cli: Cli, tmp_path: Path, date: str) -> None:
    raw = plain_dataset()
    raw["event"]["date"] = date
    result = cli("validate", save(tmp_path, raw))
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


# ------------------------------------------------------------------ Markdown

MARKUP = [
    '<img src=x onerror="alert(1)">',
    "&lt;script&gt;",
    "&#60;b&#62;",
    "&copy; &amp;",
    "<details open ontoggle=alert(1)>",
    "<!-- hidden -->",
    "<https://evil.example>",
    "![x](http://evil.example/p.png)",
]


@pytest.mark.parametrize("markup", MARKUP)
def test_markdown_never_lets_html_or_entities_through(
    cli: Cli, tmp_path: Path, markup: str
) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    raw = plain_dataset()
    raw["statements"][0]["text"] = f"She said {markup} twice"
    raw["speakers"][0]["name"] = f"Anna {markup} Linde"
    raw["speakers"][0]["role"] = markup
    raw["sessions"][0]["title"] = markup
    raw["source"]["title"] = markup
    data = save(tmp_path, raw)
    outputs = [
        cli("--data", data, *command, "-f", "markdown").stdout
        for command in (["quotes"], ["speakers"], ["sessions"], ["search", "twice"], ["show", "st-1"])
    ]
    outputs.append(cli("--data", data, "cite", "st-1", "--style", "markdown").stdout)
    for style in ("apa", "chicago", "harvard", "mla"):
        outputs.append(
            cli("--data", data, "cite", "st-1", "--style", style, "--markup", "markdown").stdout
        )
    for text in outputs:
        assert text.strip()

        def walk(tokens: list[Any]) -> list[Any]:
            found = []
            for t in tokens:
                if t.type.startswith("html") or t.type in ("image", "link_open"):
                    found.append(t)
                found += walk(t.children or [])
            return found

        assert not walk(md.parse(text)), text
        html = md.render(text)
        # Entities are shown as typed, never decoded: "&copy;" stays six characters.
        if "&" in markup:
            assert "©" not in html and "&amp;" in html


# ------------------------------------------------------------------ resource limits

BIG = 3_000_000  # characters: big enough to show the limits, small enough for a test


@pytest.fixture(scope="module")
def big_statement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = plain_dataset()
    words = "neutrality protection civilians mission force "
    raw["statements"][0]["text"] = (words * (BIG // len(words)))[:BIG].strip()
    return write_dataset(tmp_path_factory.mktemp("big"), raw, "big.json")


def test_a_huge_statement_is_cut_for_display_with_a_notice(big_statement: Path) -> None:
    from poc_cli.output.formats import DISPLAY_MAX_CHARS

    env = base_env(big_statement.parent / "cache")
    for args in (["show", "st-1"], ["quotes"], ["search", "neutrality"], ["quotes", "-f", "markdown"]):
        ran = run_poc(["--data", str(big_statement), *args], env=env, timeout=60)
        assert ran.returncode == 0, ran.describe()
        assert ran.seconds < 15, ran.describe()
        assert len(ran.stdout) < 4 * DISPLAY_MAX_CHARS + 20_000, args
        assert "[…]" in ran.stdout or "\\[…\\]" in ran.stdout  # Markdown escapes [ ]
        assert "cut short" in ran.stderr and "--json" in ran.stderr


def test_a_huge_statement_is_whole_in_data_formats(big_statement: Path) -> None:
    env = base_env(big_statement.parent / "cache")
    for args in (["quotes", "--json"], ["show", "st-1", "--json"], ["search", "neutrality", "--json"]):
        ran = run_poc(["--data", str(big_statement), *args], env=env, timeout=60)
        assert ran.returncode == 0, ran.describe()
        assert ran.seconds < 20, ran.describe()
        records = json.loads(ran.stdout)
        assert len(records[0]["text"]) > BIG - 100
        assert "cut short" not in ran.stderr
    ran = run_poc(["--data", str(big_statement), "quotes", "-f", "csv"], env=env, timeout=60)
    assert max(len(c) for row in _csv_cells(ran.stdout) for c in row) > BIG - 100


def test_warm_search_over_a_huge_statement_is_quick(big_statement: Path) -> None:
    env = base_env(big_statement.parent / "cache")
    run_poc(["--data", str(big_statement), "search", "mission"], env=env, timeout=60)
    ran = run_poc(["--data", str(big_statement), "search", "civilians force", "--json"], env=env)
    assert ran.returncode == 0 and ran.seconds < 8, ran.describe()
    spans = json.loads(ran.stdout)[0]["spans"]
    assert spans and max(b for _, b in spans) <= 100_000  # scored part only


@pytest.mark.skipif(not script_available(), reason="needs util-linux script")
def test_quotes_on_a_terminal_finishes_over_a_huge_statement(big_statement: Path) -> None:
    env = base_env(big_statement.parent / "cache", COLUMNS="100", LINES="40")
    ran = run_on_tty(["--data", str(big_statement), "quotes"], env=env, timeout=60)
    assert ran.returncode == 0, ran.describe()
    assert ran.seconds < 20
    assert "cut short" in ran.stdout  # stderr is the terminal too


def test_a_big_listing_is_written_a_record_at_a_time(tmp_path: Path) -> None:
    """Memory stays flat: the JSON of many statements is never one string (and the
    records are made as they are written)."""
    raw = plain_dataset()
    template = raw["statements"][2]
    raw["statements"] = raw["statements"][:2] + [
        {**copy.deepcopy(template), "id": f"n-{i}", "text": f"small statement {i}"}
        for i in range(20_000)
    ]
    data = save(tmp_path, raw)
    script = (
        "import sys, tracemalloc, resource\n"
        "from poc_cli.cli.process import main\n"
        "tracemalloc.start()\n"
        f"sys.argv = ['poc', '--data', {data!r}, 'quotes', '-f', sys.argv[1]]\n"
        "sys.stdout = open('/dev/null', 'w')\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "cur, peak = tracemalloc.get_traced_memory()\n"
        "print(peak, file=sys.stderr)\n"
    )
    peaks = {}
    env = {**base_env(tmp_path / "cache"), "PYTHONPATH": os.pathsep.join(sys.path)}
    import subprocess

    for fmt in ("json", "jsonl", "csv", "markdown"):
        proc = subprocess.run(
            [sys.executable, "-c", script, fmt], capture_output=True, env=env, timeout=120
        )
        peaks[fmt] = int(re.findall(rb"\d+", proc.stderr)[-1])
    # JSON, JSON Lines and CSV stream: no more than the corpus itself and a little.
    assert peaks["json"] < 1.3 * peaks["csv"], peaks
    assert peaks["jsonl"] < 1.3 * peaks["csv"], peaks


@pytest.mark.parametrize("text", ["Carriage\rreturn", "both\r\nends\r", "x\r", "a\rb\nc,\"d\""])
def test_csv_raw_keeps_a_carriage_return_inside_its_row(
    cli: Cli, tmp_path: Path, text: str
) -> None:
    # A bare CR is a line break to CSV readers: the cell holding it must be quoted, or
    # the row is cut in two (Python 3.11's writer quotes only the line terminator).
    import csv
    import io

    raw = plain_dataset()
    raw["statements"][1]["text"] = text
    data = save(tmp_path, raw)
    result = cli("--data", data, "quotes", "--format", "csv", "--csv-raw")
    assert result.exit_code == 0, result.output
    # (the bytes: Click's result.stdout turns CR LF into LF)
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode(), newline="")))
    assert len(rows) == 1 + len(raw["statements"])
    assert rows[2][rows[0].index("text")] == text
    assert {len(row) for row in rows} == {len(rows[0])}


def test_a_word_only_past_the_scored_part_of_a_long_statement_is_found(
    cli: Cli, tmp_path: Path
) -> None:
    # The index finds a statement by any of its words; only the first SCORED_MAX_CHARS
    # are scored and highlighted. A word found only past them is still a hit (the
    # lowest score, nothing highlighted), never a "nothing found".
    from poc_cli.search.score import PAST_SCORED_SCORE, SCORED_MAX_CHARS

    raw = plain_dataset()
    filler = "protection of civilians " * (SCORED_MAX_CHARS // 24 + 200)
    raw["statements"][0]["text"] = filler + "zanzibarword ends it."
    data = save(tmp_path, raw)
    result = cli("--data", data, "search", "zanzibarword", "--json")
    assert result.exit_code == 0, result.output
    (hit,) = json.loads(result.stdout)
    assert hit["id"] == raw["statements"][0]["id"] and hit["score"] == PAST_SCORED_SCORE
    assert hit["spans"] == []
    # A word in neither part is still nothing found.
    assert cli("--data", data, "search", "qwertyuiopword").exit_code == 1
