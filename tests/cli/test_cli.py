"""The commands, through Typer's CliRunner (in-process) and, where only a real
process can tell (pipes, terminals, ``python -m``), through subprocesses.

The core is tested directly elsewhere; here: wiring, exit codes, stdout/stderr
discipline and the documented JSON fields.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from poc_cli import __version__

BUNDLED = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"
MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini.json"

BIN = Path(sys.executable).parent  # the venv's bin: poc lives beside python
POC = BIN / "poc"
SEMINAR = json.loads(BUNDLED.read_text(encoding="utf-8"))
TEXT = {s["id"]: s["text"] for s in SEMINAR["statements"]}
PEOPLE = {p["id"]: p for p in SEMINAR["speakers"]}


def as_json(result: Any) -> list[dict[str, Any]]:
    """stdout parsed as JSON; it must be one array and nothing else."""
    assert result.stdout.lstrip().startswith("[")
    data = json.loads(result.stdout)  # fails on anything around the array
    assert isinstance(data, list)
    return data


def ids(result: Any) -> list[str]:
    return [record["id"] for record in as_json(result)]


# -------------------------------------------------------------------- sessions


def test_sessions_table_lists_the_agenda(poc: Any) -> None:
    result = poc("sessions")
    assert result.exit_code == 0
    assert result.stderr == ""
    # Piped, the table is plain text: a header, a rule, then one row per session whose
    # first cell is the id (continuation lines of a cell start with spaces).
    rows = [line.split()[0] for line in result.stdout.splitlines()[2:] if line[:1] not in ("", " ")]
    assert [
        r for r in rows if r in {"opening", "session-1", "keynote", "session-2", "closing"}
    ] == [
        "opening",
        "session-1",
        "keynote",
        "session-2",
        "closing",
    ]
    for text in (
        "Ralph Mamiya",
        "Namie Di Razza",
        "Youssef Mahmoud",
        "Jake Sherman",
        "Olivier Landour",
    ):
        assert text in result.stdout
    assert "a pragmatic approach for UN peace operations" in result.stdout  # a paper, not cut


def test_sessions_json_fields_and_counts(poc: Any) -> None:
    records = as_json(poc("sessions", "--json"))
    assert [r["id"] for r in records] == ["opening", "session-1", "keynote", "session-2", "closing"]
    # 9, 19, 2, 26 plus the quotes inside paraphrases (4, 11, 0, 5)
    assert [r["statements"] for r in records] == [13, 30, 2, 31, 0]
    for record in records:
        assert {"id", "title", "speakers", "statements"} <= set(record)
        assert isinstance(record["title"], str) and record["title"]
        assert all(isinstance(name, str) for name in record["speakers"])
    by_id = {r["id"]: r for r in records}
    assert by_id["opening"]["speakers"] == [
        "Adam Lupel",
        "Thierry Lion",
        "Peter van den Berg",
        "Eiko Ikegaya",
    ]
    assert by_id["closing"]["speakers"] == ["Olivier Landour"]
    assert by_id["keynote"]["speakers"] == ["Jack Christofides"]
    assert by_id["session-1"]["paper"]["author"]["name"] == "Ralph Mamiya"
    assert by_id["session-2"]["paper"]["author"]["name"] == "Namie Di Razza"


def test_one_session_in_depth_lists_the_recommendations(poc: Any) -> None:
    result = poc("sessions", "2")
    assert result.exit_code == 0
    for item in (
        "Explore the full spectrum of military, police, and civilian tools;",
        "Ensure the independence of MINUSMA’s PoC activities from counterterrorism agendas; and",
        "Design and articulate a political strategy that prioritizes PoC.",
    ):
        assert item in result.stdout
    for person in (
        "Namie Di Razza",
        "Samuel Gahigi",
        "Marie-Joëlle Zahar",
        "Chloé Marnay-Baszanger",
    ):
        assert person in result.stdout
    assert "Mamiya" not in result.stdout  # session 1 only
    detail = as_json(poc("sessions", "session-2", "--json"))
    assert len(detail) == 1
    assert detail[0]["recommendations"] == [
        "Explore the full spectrum of military, police, and civilian tools;",
        "Ensure the independence of MINUSMA’s PoC activities from counterterrorism agendas; and",
        "Design and articulate a political strategy that prioritizes PoC.",
    ]
    assert detail[0]["statements"] == 31  # 26 plus 5 quotes inside paraphrases


def test_an_unknown_session_is_a_usage_error(poc: Any) -> None:
    result = poc("sessions", "lunch")
    assert result.exit_code == 2
    assert "lunch" in result.stderr and result.stdout == ""


# -------------------------------------------------------------------- speakers


def test_speakers_lists_all_eighteen(poc: Any) -> None:
    result = poc("speakers")
    assert result.exit_code == 0
    for person in PEOPLE.values():
        assert person["name"] in result.stdout
    assert "Rear Admiral (LH) Peter van den Berg" in result.stdout  # honorific shown


def test_speakers_json_fields(poc: Any) -> None:
    records = as_json(poc("speakers", "--json"))
    assert len(records) == 18
    for record in records:
        assert {"id", "name", "role", "organisation", "sessions", "statements"} <= set(record)
        assert isinstance(record["statements"], int)
        assert isinstance(record["sessions"], list) and record["sessions"]
    by_id = {r["id"]: r for r in records}
    assert by_id["ralph-mamiya"]["statements"] == 8  # 7 plus “conundrum.” (ipi18-15a)
    assert by_id["olivier-landour"]["statements"] == 0
    assert by_id["olivier-landour"]["sessions"] == ["closing"]
    assert by_id["agnes-coutou"]["name"] == "Agnès Coutou"
    assert sum(r["statements"] for r in records) == 76  # 56 plus 20 quotes inside paraphrases


def test_a_speaker_profile(poc: Any) -> None:
    result = poc("speakers", "Mamiya")
    assert result.exit_code == 0
    assert PEOPLE["ralph-mamiya"]["role"] in result.stdout
    for number in (10, 11, 12, 13, 14, 15, 16):
        assert f"ipi18-{number}" in result.stdout
    assert TEXT["ipi18-14"] in result.stdout
    profile = as_json(poc("speakers", "mamiya", "--json"))
    assert [p["id"] for p in profile] == ["ralph-mamiya"]
    assert [s["id"] for s in profile[0]["statement_list"]] == [
        *(f"ipi18-{n}" for n in range(10, 16)),
        "ipi18-15a",  # “conundrum.”, inside ipi18-15
        "ipi18-16",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["speakers", "Adam", "--json"],
        ["quotes", "--speaker", "Adam", "--json"],
        ["search", "peace", "--speaker", "Adam", "--json"],
        ["stats", "--json"],  # no name: no note
    ],
)
def test_a_name_that_fits_several_people_shows_them_all_with_a_note(
    poc: Any, args: list[str]
) -> None:
    """One rule in every command (issue 12, D10): never silently narrowed, never refused."""
    result = poc(*args)
    assert result.exit_code == 0, result.stderr
    named = "Adam" in args
    assert (
        "'Adam' fits 2 people: Adam Lupel (adam-lupel); Adam Day (adam-day)" in result.stderr
    ) is named
    if args[0] == "speakers":
        assert [p["id"] for p in as_json(result)] == ["adam-lupel", "adam-day"]


@pytest.mark.parametrize(
    "args",
    [
        ["sessions", "remarks"],
        ["quotes", "--session", "remarks"],
        ["search", "peace", "--session", "remarks"],
    ],
)
def test_a_session_name_that_fits_several_sessions_says_so(poc: Any, args: list[str]) -> None:
    result = poc(*args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    assert (
        "'remarks' fits 2 sessions: closing (Closing remarks); opening (Opening remarks)"
        in result.stderr
    )


# ---------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("name", "speaker", "count"),
    [
        # each count includes the speaker's quotes inside paraphrases (ipi18-15a; 20a;
        # 06a, 06b, 07a; 47a; 40a)
        ("Mamiya", "ralph-mamiya", 8),
        ("mamiya", "ralph-mamiya", 8),
        ("MAMIYA", "ralph-mamiya", 8),
        ("Ralph Mamiya", "ralph-mamiya", 8),
        ("Agnes", "agnes-coutou", 4),
        ("agnès coutou", "agnes-coutou", 4),
        ("van den berg", "peter-van-den-berg", 5),
        ("Van Den Berg", "peter-van-den-berg", 5),
        ("Ba-Konare", "dougoukolo-ba-konare", 5),
        ("Zahar", "marie-joelle-zahar", 7),
        ("Marie-Joelle Zahar", "marie-joelle-zahar", 7),
    ],
)
def test_quotes_by_speaker_resolves_any_form_of_the_name(
    poc: Any, name: str, speaker: str, count: int
) -> None:
    result = poc("quotes", "--speaker", name, "--json")
    assert result.exit_code == 0, result.stderr
    records = as_json(result)
    assert {r["speaker"]["id"] for r in records} == {speaker}
    assert len(records) == count


def test_adam_fits_two_people_and_both_are_shown_with_a_note(poc: Any) -> None:
    result = poc("quotes", "--speaker", "Adam", "--json")
    assert result.exit_code == 0
    records = as_json(result)
    assert {r["speaker"]["id"] for r in records} == {"adam-lupel", "adam-day"}
    assert len(records) == 4 + 5  # Lupel 3 + ipi18-02a, Day 2 + ipi18-26a/b/c
    assert "Adam Lupel" in result.stderr and "Adam Day" in result.stderr
    assert "Adam" not in result.stdout.replace("Adam Lupel", "").replace("Adam Day", "")


def test_an_unknown_speaker_finds_nothing(poc: Any) -> None:
    result = poc("quotes", "--speaker", "Zorro")
    assert result.exit_code == 1
    assert "Zorro" in result.stderr
    assert result.stdout.strip() in ("", "[]")
    assert "Traceback" not in result.stderr


def test_an_unknown_speaker_with_json_prints_nothing_but_an_empty_array(poc: Any) -> None:
    result = poc("quotes", "--speaker", "Zorro", "--json")
    assert result.exit_code == 1
    assert result.stdout.strip() in ("", "[]")


@pytest.mark.parametrize(
    ("session", "expected", "count"),
    # with the quotes inside paraphrases (session 2: 5, session 1: 11, opening: 4)
    [
        ("2", "session-2", 31),
        ("session-2", "session-2", 31),
        ("keynote", "keynote", 2),
        ("1", "session-1", 30),
        ("opening", "opening", 13),
    ],
)
def test_quotes_by_session(poc: Any, session: str, expected: str, count: int) -> None:
    records = as_json(poc("quotes", "--session", session, "--json"))
    assert {r["session"]["id"] for r in records} == {expected}
    assert len(records) == count


def test_quotes_by_kind(poc: Any) -> None:
    quotes = as_json(poc("quotes", "--kind", "quote", "--json"))
    paraphrases = as_json(poc("quotes", "--kind", "paraphrase", "--json"))
    # 18 quotations of their own and 20 quoted inside paraphrases
    assert {r["kind"] for r in quotes} == {"quote"} and len(quotes) == 38
    assert {r["kind"] for r in paraphrases} == {"paraphrase"} and len(paraphrases) == 38
    result = poc("quotes", "--kind", "rumour")
    assert result.exit_code == 2 and "rumour" in result.stderr


def test_quotes_by_topic(poc: Any) -> None:
    assert ids(poc("quotes", "--topic", "neutrality", "--json")) == [
        "ipi18-20",
        "ipi18-20a",  # “anatomy”, inside ipi18-20
        "ipi18-21",
        "ipi18-22",
    ]
    assert ids(poc("quotes", "--topic", "Afghanistan", "--json")) == ids(
        poc("quotes", "--topic", "afghanistan", "--json")
    )
    result = poc("quotes", "--topic", "astrology")
    assert result.exit_code == 2 and "astrology" in result.stderr


def test_filters_combine(poc: Any) -> None:
    assert ids(poc("quotes", "--speaker", "Mamiya", "--kind", "quote", "--json")) == [
        "ipi18-11",
        "ipi18-12",
        "ipi18-14",
        "ipi18-15a",  # “conundrum.”, inside ipi18-15
        "ipi18-16",
    ]
    result = poc("quotes", "--speaker", "Agnes", "--session", "2")
    assert result.exit_code == 1  # she spoke only in session 1


def test_quotes_are_in_report_order_and_complete(poc: Any) -> None:
    records = as_json(poc("quotes", "--json"))
    assert [r["id"] for r in records] == list(TEXT)
    assert [r["text"] for r in records] == list(TEXT.values())


def test_statement_json_fields(poc: Any) -> None:
    for record in as_json(poc("quotes", "--json")):
        assert {"id", "speaker", "session", "kind", "text"} <= set(record)
        assert set(record["speaker"]) >= {"id", "name"}
        assert set(record["session"]) >= {"id", "title"}
        assert record["kind"] in ("quote", "paraphrase")
        assert record["speaker"]["name"] == PEOPLE[record["speaker"]["id"]]["name"]


@pytest.mark.parametrize(
    "args",
    [
        ["quotes"],
        ["quotes", "--speaker", "Mamiya"],
        ["sessions"],
        ["sessions", "2"],
        ["speakers"],
        ["speakers", "Agnes"],
        ["show", "ipi18-21"],
        ["stats"],
    ],
    ids=" ".join,
)
def test_every_json_output_is_one_array_and_nothing_else(poc: Any, args: list[str]) -> None:
    result = poc(*args, "--json")
    assert result.exit_code == 0
    records = as_json(result)
    assert records and all(isinstance(r, dict) for r in records)
    assert "\x1b" not in result.stdout


# --------------------------------------------------------------------- formats


def test_csv_parses_and_keeps_every_text_whole(poc: Any) -> None:
    result = poc("quotes", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == list(TEXT)
    for row in rows:
        assert row["text"] == TEXT[row["id"]]  # newlines, curly quotes, no-break spaces kept
        assert row["speaker"] == PEOPLE[row["speaker_id"]]["name"]


@pytest.mark.parametrize("command", [["sessions"], ["speakers"], ["stats"]], ids=" ".join)
def test_csv_of_other_listings_parses(poc: Any, command: list[str]) -> None:
    as_csv = list(csv.reader(io.StringIO(poc(*command, "--format", "csv").stdout)))
    records = as_json(poc(*command, "--json"))
    assert len(as_csv) == 1 + len(records)
    assert len({len(row) for row in as_csv}) == 1  # a rectangle


@pytest.mark.parametrize(
    ("command", "count"),
    [
        (["quotes"], 76),
        (["quotes", "--speaker", "Mamiya"], 8),
        (["sessions"], 5),
        (["speakers"], 18),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_markdown_has_one_row_per_record(poc: Any, command: list[str], count: int) -> None:
    result = poc(*command, "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.rstrip("\n").split("\n")
    assert len(lines) == 2 + count
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
    assert set(lines[1].replace("|", "").split()) <= {"---", "---:"}
    columns = {line.count(" | ") - line.count("\\|") for line in lines}
    assert len(columns) == 1


def test_markdown_keeps_a_list_statement_on_one_row(poc: Any) -> None:
    result = poc("show", "ipi18-17", "--format", "markdown")
    row = result.stdout.rstrip("\n").split("\n")[2]
    assert "<br>• Engaging with NSAGs is a “zero-sum game;”" in row


def test_json_and_another_format_contradict(poc: Any) -> None:
    result = poc("quotes", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert "--json" in result.stderr and result.stdout == ""


def test_json_with_format_json_is_fine(poc: Any) -> None:
    assert poc("quotes", "--json", "--format", "json").exit_code == 0


def test_an_unknown_format_is_a_usage_error(poc: Any) -> None:
    result = poc("quotes", "--format", "xml")
    assert result.exit_code == 2 and result.stdout == ""


# ------------------------------------------------------------------------ show


@pytest.mark.parametrize("given", ["ipi18-21", "21", "021", "IPI18-21"])
def test_show_by_id_or_number(poc: Any, given: str) -> None:
    result = poc("show", given)
    assert result.exit_code == 0
    assert TEXT["ipi18-21"] in result.stdout
    assert "Agnès Coutou" in result.stdout
    assert "paragraph 16" in result.stdout
    assert TEXT["ipi18-20"] in result.stdout and TEXT["ipi18-22"] in result.stdout  # context


def test_show_json_carries_the_context(poc: Any) -> None:
    (record,) = as_json(poc("show", "21", "--json"))
    assert record["id"] == "ipi18-21"
    assert record["text"] == TEXT["ipi18-21"]
    assert [s["id"] for s in record["context"]["before"]] == ["ipi18-20a"]  # “anatomy”, in ipi18-20
    assert [s["id"] for s in record["context"]["after"]] == ["ipi18-22"]
    assert record["context"]["source_paragraphs"][0]["number"] == 16
    assert record["context"]["source_paragraphs"][0]["text"] == SEMINAR["source"]["paragraphs"][15]


def test_show_an_unknown_statement(poc: Any) -> None:
    result = poc("show", "ipi18-99")
    assert result.exit_code == 1
    assert "ipi18-99" in result.stderr and result.stdout == ""


# ----------------------------------------------------------------------- stats


def test_stats_json_counts(poc: Any) -> None:
    rows = as_json(poc("stats", "--json"))
    by = {(r["by"], r["key"]): r["statements"] for r in rows}
    # with the 20 quotes inside paraphrases (Mamiya 1, session 2: 5, opening: 4)
    assert by[("speaker", "ralph-mamiya")] == 8
    assert by[("session", "session-2")] == 31 and by[("session", "opening")] == 13
    assert by[("kind", "quote")] == 38 and by[("kind", "paraphrase")] == 38
    assert sum(v for (dim, _), v in by.items() if dim == "speaker") == 76
    assert sum(v for (dim, _), v in by.items() if dim == "session") == 76
    assert by[("topic", "neutrality")] == 4  # ipi18-20, 20a, 21, 22
    topics = as_json(poc("stats", "--by", "topic", "--json"))
    assert {r["by"] for r in topics} == {"topic"}
    assert poc("stats", "--by", "weather").exit_code == 2


def test_stats_table(poc: Any) -> None:
    result = poc("stats")
    assert result.exit_code == 0
    assert "Ralph Mamiya" in result.stdout and "\x1b[" not in result.stdout


# ------------------------------------------------------------------------ cite

STYLES = ["plain", "markdown", "apa", "chicago"]


@pytest.mark.parametrize("style", STYLES)
def test_cite_quotes_the_exact_words(poc: Any, style: str) -> None:
    result = poc("cite", "ipi18-21", "--style", style)
    assert result.exit_code == 0
    # A style may adjust the quote's final punctuation (APA, Chicago); never its words.
    assert f"“{TEXT['ipi18-21'].rstrip(',')}" in result.stdout
    assert "Coutou" in result.stdout
    assert "2018" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("style", ["plain", "markdown", "chicago"])
def test_cite_names_the_speaker_in_full(poc: Any, style: str) -> None:
    result = poc("cite", "ipi18-43", "--style", style)  # Marie-Joëlle Zahar, diacritics kept
    assert result.exit_code == 0
    assert "Marie-Joëlle Zahar" in result.stdout
    assert f"“{TEXT['ipi18-43']}”" in result.stdout


def test_cite_by_bare_number(poc: Any) -> None:
    assert poc("cite", "21").stdout == poc("cite", "ipi18-21").stdout


@pytest.mark.parametrize("style", STYLES)
def test_cite_refuses_a_paraphrase(poc: Any, style: str) -> None:
    result = poc("cite", "ipi18-20", "--style", style)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "paraphrase" in result.stderr and "--paraphrase" in result.stderr


@pytest.mark.parametrize("style", STYLES)
def test_cite_a_paraphrase_when_asked_never_in_quotation_marks(poc: Any, style: str) -> None:
    result = poc("cite", "ipi18-20", "--style", style, "--paraphrase")
    assert result.exit_code == 0
    assert "Agnès Coutou" in result.stdout
    assert TEXT["ipi18-20"] in result.stdout
    assert f"“{TEXT['ipi18-20']}”" not in result.stdout
    assert f"“{TEXT['ipi18-20']}" not in result.stdout


def test_cite_an_unknown_statement(poc: Any) -> None:
    result = poc("cite", "nope")
    assert result.exit_code == 1 and result.stdout == ""


# ---------------------------------------------------------------------- output


def test_output_writes_a_file_and_nothing_to_stdout(poc: Any, tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    result = poc("quotes", "--format", "csv", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == poc("quotes", "--format", "csv").stdout
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.csv"]  # no temporary left


def test_output_json_is_the_same_json(poc: Any, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert poc("sessions", "--json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == as_json(poc("sessions", "--json"))


def test_output_table_is_plain_text(poc: Any, tmp_path: Path) -> None:
    target = tmp_path / "sessions.txt"
    assert poc("sessions", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Olivier Landour" in text and "\x1b" not in text


def test_output_refuses_to_overwrite_without_force(poc: Any, tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    target.write_text("precious\n", encoding="utf-8")
    result = poc("quotes", "--format", "csv", "--output", str(target))
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.csv"]
    result = poc("quotes", "--format", "csv", "--output", str(target), "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("id,event,")
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.csv"]


def test_output_into_a_missing_folder_is_a_usage_error(poc: Any, tmp_path: Path) -> None:
    result = poc("quotes", "-o", str(tmp_path / "no" / "such" / "q.csv"))
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_output_to_a_folder_is_a_usage_error(poc: Any, tmp_path: Path) -> None:
    result = poc("quotes", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------- no colour


@pytest.mark.parametrize(
    "args",
    [
        ["quotes"],
        ["sessions"],
        ["sessions", "2"],
        ["speakers"],
        ["speakers", "Mamiya"],
        ["show", "21"],
        ["stats"],
        ["cite", "21"],
        ["validate"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("no_color", [False, True], ids=["piped", "NO_COLOR"])
def test_no_ansi_codes_when_piped_or_with_no_color(
    poc: Any, args: list[str], no_color: bool
) -> None:
    result = poc(*args, env={"NO_COLOR": "1"} if no_color else None)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout and "\x1b[" not in result.stderr


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run poc with stdout and stderr on a pseudo-terminal; return what it wrote."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(POC), *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks)


def _terminal_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "POC_DATA")}
    env.update(TERM="xterm-256color", COLUMNS="120", LINES="40", **extra)
    return env


@pytest.mark.slow
def test_a_terminal_gets_styled_output() -> None:
    # The control for the NO_COLOR test below: on a terminal poc does style its tables.
    assert b"\x1b[" in _on_a_terminal(["sessions"], _terminal_env())


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["sessions"], ["quotes", "--speaker", "Mamiya"], ["stats"], ["speakers", "Agnes"]],
    ids=" ".join,
)
def test_no_color_on_a_terminal_writes_no_escape_codes(args: list[str]) -> None:
    # Rich's no_color alone still writes bold and dim (\x1b[1m); issue 3 asks for none.
    assert b"\x1b[" not in _on_a_terminal(args, _terminal_env(NO_COLOR="1"))


# ---------------------------------------------------------- version, -m, pipes


def test_version(poc: Any) -> None:
    result = poc("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"poc {__version__}"


@pytest.mark.slow
def test_python_dash_m_version_and_a_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "poc_cli", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"poc {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "poc_cli", "sessions", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert [r["statements"] for r in json.loads(done.stdout)] == [13, 30, 2, 31, 0]


def _pipe(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "POC_DATA"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-c", f"set +o pipefail; {command}"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty copies of the seminar as separate events: output far larger than a pipe's buffer,
    so that `| head` really closes the pipe while poc is still writing."""
    folder = tmp_path_factory.mktemp("big")
    for n in range(40):
        raw = json.loads(BUNDLED.read_text(encoding="utf-8"))
        raw["event"]["id"] = f"copy-{n:02d}"
        for statement in raw["statements"]:
            statement["id"] = f"c{n:02d}-{statement['id']}"
            if "within" in statement:
                statement["within"] = f"c{n:02d}-{statement['within']}"
        (folder / f"copy-{n:02d}.json").write_text(
            json.dumps(raw, ensure_ascii=False), encoding="utf-8"
        )
    return folder


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", ["quotes", "quotes --json", "quotes --format csv", "quotes --format markdown"]
)
@pytest.mark.parametrize("data", ["bundled", "big"])
def test_a_closed_pipe_ends_quietly(args: str, data: str, big_corpus: Path, tmp_path: Path) -> None:
    option = f"--data {big_corpus} " if data == "big" else ""
    done = _pipe(f"poc {option}{args} | head -n 1", tmp_path)
    assert done.returncode == 0  # head's status: pipefail is off
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert done.stderr == ""


def test_no_arguments_shows_help(poc: Any) -> None:
    result = poc()
    assert result.exit_code in (0, 2)
    assert "Usage" in result.stdout + result.stderr
    assert "quotes" in result.stdout + result.stderr


def test_a_fixture_dataset_runs_every_listing(poc: Any) -> None:
    for args in (
        ["quotes"],
        ["sessions"],
        ["speakers"],
        ["stats"],
        ["show", "mini-02"],
        ["cite", "mini-02"],
    ):
        result = poc("--data", str(MINI), *args)
        assert result.exit_code == 0, (args, result.stderr)
    cited = poc("--data", str(MINI), "cite", "mini-02").stdout
    assert "“Fixtures keep tests honest,”" in cited and "Ann Example" in cited


DATA_COMMANDS = [
    ["quotes"],
    ["sessions"],
    ["speakers"],
    ["stats"],
    ["show", "mini-02"],
    ["cite", "mini-02"],
    ["search", "honest"],
    ["validate"],
]


@pytest.mark.parametrize("args", DATA_COMMANDS, ids=lambda a: a[0])
def test_data_may_follow_the_command_name(
    poc: Any, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `poc search honest --data FOLDER` is how people type it; it once searched the
    # bundled seminar for the words "honest --data FOLDER" instead, with exit 0.
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    before = poc("--data", str(MINI), *args)
    after = poc(*args, "--data", str(MINI))
    joined = poc(*args, f"--data={MINI}")
    assert before.exit_code == 0, before.stderr
    assert after.exit_code == 0 and joined.exit_code == 0, after.stderr
    assert after.stdout == before.stdout == joined.stdout
    if args != ["validate"]:  # which says "ok: 1 file(s) valid" of either file
        assert after.stdout != poc(*args).stdout  # not the bundled seminar's answer


def test_validate_checks_the_data_given_after_it(poc: Any, write_json: Any) -> None:
    bad = write_json({"schema_version": 1}, "bad.json")
    result = poc("validate", "--data", str(bad))
    assert result.exit_code == 2
    assert "bad.json" in result.stderr


def test_data_after_the_command_wins_over_data_before_it(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    result = poc("--data", str(BUNDLED), "quotes", "--json", "--data", str(MINI))
    assert [r["id"] for r in json.loads(result.stdout)] == ["mini-01", "mini-02", "mini-03"]
    result = poc("quotes", "--json", "--data", str(MINI), env={"POC_DATA": str(BUNDLED)})
    assert [r["id"] for r in json.loads(result.stdout)] == ["mini-01", "mini-02", "mini-03"]


@pytest.mark.parametrize("args", [["quotes"], ["search", "honest"]], ids=lambda a: a[0])
def test_empty_data_after_the_command_is_a_usage_error(poc: Any, args: list[str]) -> None:
    result = poc(*args, "--data", " ")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "must name a dataset file or folder" in result.stderr


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("--limt", "did you mean --limit?"),
        ("--sesion=2", "did you mean --session?"),
        ("--zzzz", ""),
    ],
)
def test_search_refuses_an_unknown_option_instead_of_searching_for_it(
    poc: Any, typed: str, hint: str
) -> None:
    # Search hands unknown options on as words (-word excludes one), so a mistyped
    # option was searched for as two words, silently.
    result = poc("search", "neutrality", typed, "5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"no such option: {typed.split('=')[0]}" in result.stderr
    assert hint in result.stderr


@pytest.mark.parametrize(
    "words",
    [
        ["armed", "-violence"],  # once read as -v -i -o lence: results written to "lence"
        ["neutrality", "-tool"],  # -t -o ol
        ["armed", "-shoot"],  # -s hoot: a speaker filter
        ["armed", "-force"],  # -f orce: a bad --format
        ["armed", "-hostility"],  # -h: help
    ],
)
def test_an_exclusion_typed_without_quotes_is_a_query_word(
    poc: Any, words: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    quoted = poc("search", " ".join(words), "--json")
    unquoted = poc("search", *words, "--json")
    assert (unquoted.exit_code, unquoted.stdout) == (quoted.exit_code, quoted.stdout)
    assert unquoted.exit_code in (0, 1)
    assert list(tmp_path.iterdir()) == []  # no file written anywhere


def test_search_options_mix_with_words_in_any_order(poc: Any) -> None:
    expected = poc("search", "armed -violence", "--speaker", "Mamiya", "--limit", "2", "--json")
    assert expected.exit_code == 0, expected.stderr
    for args in (
        ["--limit=2", "armed", "-s", "Mamiya", "-violence", "--json"],
        ["armed", "--json", "-violence", "--speaker=Mamiya", "--limit", "2"],
        ["--json", "--limit", "2", "--speaker", "Mamiya", "--", "armed", "-violence"],
    ):
        result = poc("search", *args)
        assert (result.exit_code, result.stdout) == (0, expected.stdout), args
    hits = json.loads(expected.stdout)
    assert len(hits) == 2 and all("violence" not in h["text"].lower() for h in hits)


def test_an_option_after_a_double_dash_is_a_word_and_refused(poc: Any) -> None:
    result = poc("search", "--", "armed", "--limit", "2")
    assert result.exit_code == 2
    assert "--limit came after --" in result.stderr


@pytest.mark.parametrize("option", ["--limit", "-s", "--speaker"])
def test_an_option_missing_its_value_is_a_usage_error(poc: Any, option: str) -> None:
    result = poc("search", "armed", option)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"error: option '{option}' requires an argument" in result.stderr


# ------------------------------------------------------------------ progress bars


class _FakeBar:
    """Stands in for rich.progress.Progress and records what the CLI asked of it."""

    made: list[_FakeBar] = []

    def __init__(self, **_: Any) -> None:
        self.tasks: list[tuple[str, int]] = []
        self.updates: list[int] = []
        self.running = False
        _FakeBar.made.append(self)

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def add_task(self, label: str, total: int) -> int:
        self.tasks.append((label, total))
        return 0

    def update(self, task: int, completed: int) -> None:
        self.updates.append(completed)


@pytest.fixture
def fake_terminal(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """stderr is a terminal, Rich's Progress is _FakeBar, and time is what the test says."""
    import time

    import rich.progress

    now = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    monkeypatch.setattr(rich.progress, "Progress", _FakeBar)
    _FakeBar.made.clear()
    return now


def _env(*, stderr_isatty: bool) -> Any:
    import io

    from poc_cli.output.env import Environment

    return Environment(io.StringIO(), io.StringIO(), False, stderr_isatty, True)


@pytest.mark.parametrize("label", ["Reading datasets", "Indexing statements"])
def test_progress_bar_shows_on_a_terminal_after_a_second_and_stops_at_the_end(
    fake_terminal: list[float], label: str
) -> None:
    from poc_cli.output.emit import progress_bar

    with progress_bar(_env(stderr_isatty=True), label) as progress:
        assert progress is not None
        progress(1, 10)
        fake_terminal[0] += 0.5
        progress(2, 10)
        assert _FakeBar.made == []  # under a second: nothing shown
        fake_terminal[0] += 0.6
        progress(3, 10)
        (bar,) = _FakeBar.made
        assert bar.running and bar.tasks == [(label, 10)] and bar.updates == [3]
        progress(10, 10)
        assert not bar.running and bar.updates == [3, 10]
        progress(10, 10)  # a late call draws nothing again
    assert len(_FakeBar.made) == 1 and bar.updates == [3, 10]


def test_progress_bar_is_stopped_when_the_work_fails_midway(fake_terminal: list[float]) -> None:
    """A bad file or Ctrl-C must not leave a half-drawn bar and a hidden cursor."""
    from poc_cli.output.emit import progress_bar

    for failure in (ValueError("bad file"), SystemExit(130)):
        _FakeBar.made.clear()
        env = _env(stderr_isatty=True)
        with pytest.raises(type(failure)), progress_bar(env, "Reading datasets") as progress:
            assert progress is not None
            fake_terminal[0] += 2.0
            progress(3, 10)
            assert _FakeBar.made[0].running
            raise failure
        assert not _FakeBar.made[0].running


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    from poc_cli.output.emit import progress_bar

    with progress_bar(_env(stderr_isatty=False), "Reading datasets") as progress:
        assert progress is None


def test_a_quick_job_never_shows_a_bar(fake_terminal: list[float]) -> None:
    from poc_cli.output.emit import progress_bar

    with progress_bar(_env(stderr_isatty=True), "Reading datasets") as progress:
        assert progress is not None
        for done in range(1, 11):
            progress(done, 10)
    assert _FakeBar.made == []


# ------------------------------------------------------- one id, two people


def _seminar_where_coutou_is_someone_else() -> dict[str, Any]:
    other = json.loads(json.dumps(SEMINAR))
    other["event"]["id"] = "other-event"
    for statement in other["statements"]:
        statement["id"] += "-other"
        if "within" in statement:
            statement["within"] += "-other"
    for person in other["speakers"]:
        if person["id"] == "agnes-coutou":
            person.update(name="Zed Zulu", aliases=["Zulu"], role="Someone else entirely")
    return other


@pytest.mark.parametrize("zulu_file", ["a.json", "z.json"])
def test_one_speaker_id_for_two_people_is_never_mixed_up(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zulu_file: str
) -> None:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    seminar_file = "z.json" if zulu_file == "a.json" else "a.json"
    (folder / seminar_file).write_text(json.dumps(SEMINAR, ensure_ascii=False), encoding="utf-8")
    (folder / zulu_file).write_text(
        json.dumps(_seminar_where_coutou_is_someone_else(), ensure_ascii=False), encoding="utf-8"
    )
    data = ("--data", str(folder))

    def said(*args: str) -> set[tuple[str, str]]:
        result = poc(*data, *args, "--json")
        assert result.exit_code == 0, result.stderr
        return {(r["event"]["id"], r["speaker"]["name"]) for r in json.loads(result.stdout)}

    assert said("quotes", "--speaker", "Zulu") == {("other-event", "Zed Zulu")}
    assert said("quotes", "--speaker", "Coutou") == {("ipi-2018-poc", "Agnès Coutou")}
    assert said("search", "neutrality", "--speaker", "Zulu") == {("other-event", "Zed Zulu")}
    assert said("search", "neutrality", "--speaker", "agnes") == {("ipi-2018-poc", "Agnès Coutou")}
    profile = poc(*data, "speakers", "Zulu", "--json")
    assert [p["name"] for p in json.loads(profile.stdout)] == ["Zed Zulu"]
    card = _as_if_on_a_terminal(monkeypatch, poc, *data, "search", "Zulu", "--limit", "1").stdout
    assert "Person: Zed Zulu — Someone else entirely" in card
    assert "poc speakers 'Zed Zulu'" in card and "Agnès" not in card.split("\n\n")[0]


@pytest.mark.parametrize("command", ["quotes", "search armed"])
@pytest.mark.parametrize("option", ["--speaker", "--session", "--topic", "--event"])
def test_an_empty_filter_is_refused_not_ignored(poc: Any, command: str, option: str) -> None:
    # `quotes --speaker ""` once listed every statement, as if no filter were given.
    result = poc(*command.split(), option, "")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")


@pytest.mark.parametrize(
    ("args", "left"),
    [
        (["search", "zzzzqq", "--json"], "[]\n"),
        (
            ["search", "zzzzqq", "--format", "csv"],
            "score,id,event,session_id,session,speaker_id,speaker,kind,text,topics,paragraphs\n",
        ),
        (["quotes", "--speaker", "Nobody", "--json"], "[]\n"),
        (["quotes", "--speaker", "Mamiya", "--kind", "quote", "--topic", "drc"], ""),
    ],
)
def test_nothing_found_empties_the_output_file_it_was_told_to_overwrite(
    poc: Any, tmp_path: Path, args: list[str], left: str
) -> None:
    # A script that ignores the exit code must not read an earlier run's results.
    target = tmp_path / "out.txt"
    target.write_text("earlier results\n", encoding="utf-8")
    result = poc(*args, "-o", str(target), "--force")
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == left
    assert result.stdout == ""


def test_nothing_found_never_overwrites_without_force(poc: Any, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("earlier results\n", encoding="utf-8")
    result = poc("search", "zzzzqq", "--json", "-o", str(target))
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "no statements match" in result.stderr
    assert target.read_text(encoding="utf-8") == "earlier results\n"


# ------------------------------------------------- when stdout cannot take it


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("poc quotes > /dev/full", "No space left on device"),
        ("poc cite ipi18-21 > /dev/full", "No space left on device"),
        ("poc quotes --json > /dev/full", "No space left on device"),
        ("poc quotes >&-", "standard output is closed"),
        ("PYTHONIOENCODING=ascii poc cite ipi18-21", "set PYTHONIOENCODING=utf-8"),
    ],
)
def test_output_that_cannot_be_written_is_an_error_not_a_traceback(
    command: str, reason: str, tmp_path: Path
) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = _pipe(command, tmp_path)
    assert done.returncode == 2  # not 1, which says "nothing found"
    assert done.stderr.startswith("error: cannot write the output: ")
    assert reason in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_closed_stderr_does_not_crash(tmp_path: Path) -> None:
    done = _pipe("poc quotes --speaker Nobody 2>&-", tmp_path)
    assert done.returncode == 1


def test_an_absurd_limit_means_all_of_them(poc: Any) -> None:
    result = poc("search", "armed", "--limit", str(2**63 - 1), "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == len(
        json.loads(poc("search", "armed", "--limit", "1000", "--json").stdout)
    )


def test_ctrl_c_while_starting_up_is_a_quiet_130(tmp_path: Path) -> None:
    # Once the entry point is running (from about 0.03 s on, on an idle machine),
    # Ctrl-C ends poc with 130 and no traceback, even while Typer and Rich are imported.
    import signal
    import time

    env = {k: v for k, v in os.environ.items() if k != "POC_DATA"}
    for delay in (0.05, 0.08, 0.12, 0.2):
        child = subprocess.Popen(
            [str(POC), "quotes"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
        # 0: it had finished; -SIGINT: the machine was so slow that Python itself was
        # still starting (it dies of the signal then, silently).
        assert child.returncode in (0, 130, -signal.SIGINT), (delay, err)
        assert b"Traceback" not in err and b"Exception ignored" not in err, delay


def test_ctrl_c_while_the_interpreter_shuts_down_is_a_quiet_130() -> None:
    # The window a timed Ctrl-C hits at random (found by CI): the command is done and
    # Python waits for threads before exiting. A thread that is still running holds
    # the interpreter in threading's shutdown, and the signal arrives there.
    script = (
        "import os, signal, sys, threading, time\n"
        "from poc_cli.cli import main\n"
        "sys.modules['poc_cli.cli.app'].app = lambda: print('done', flush=True)\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(2)\n"
        "threading.Thread(target=late).start()\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert result.stdout == b"done\n"
    assert result.returncode == 130, result.stderr
    assert result.stderr == b""


@pytest.mark.parametrize(
    "args",
    [
        ["search", "neutrality", "--event", "copy-01"],
        ["quotes", "--speaker", "Mamiya", "--event", "copy-01"],
        ["show", "ipi18-21-copy-01"],
        ["sessions", "2", "--event", "copy-01"],
        ["speakers", "--event", "copy-01"],
    ],
    ids=lambda a: a[0],
)
def test_in_a_corpus_tables_name_the_event_even_when_every_row_is_from_one(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    for n in range(2):
        raw = json.loads(json.dumps(SEMINAR))
        raw["event"]["id"] = f"copy-{n:02d}"
        for statement in raw["statements"]:
            statement["id"] += f"-copy-{n:02d}"
            if "within" in statement:
                statement["within"] += f"-copy-{n:02d}"
        (tmp_path / f"copy-{n:02d}.json").write_text(json.dumps(raw), encoding="utf-8")
    result = poc("--data", str(tmp_path), *args)
    assert result.exit_code == 0, result.stderr
    header = result.stdout.lstrip().split("\n", 1)[0]
    assert header.split()[0] == "Event"
    assert "copy-01" in result.stdout and "copy-00" not in result.stdout
    assert "Event" not in poc(*args[:1]).stdout.split("\n", 1)[0]  # one event: no column


def test_the_table_score_is_the_one_min_score_compares(poc: Any) -> None:
    # The table showed 91 for a score of 90.7, and --min-score 91 then left it out.
    hits = json.loads(poc("search", "neutrality", "--json").stdout)
    table = poc("search", "neutrality").stdout.splitlines()[2:]
    shown = [int(line.split()[0]) for line in table if line.strip()]
    assert shown == [int(h["score"]) for h in hits]
    for hit, score in zip(hits, shown, strict=True):
        kept = json.loads(poc("search", "neutrality", "--min-score", str(score), "--json").stdout)
        assert hit["id"] in {h["id"] for h in kept}


@pytest.mark.parametrize(
    "args",
    [
        ["quotes", "--speaker", "Mamiya", "--speaker", "Coutou"],
        ["quotes", "-sMamiya", "-s", "Coutou"],
        ["quotes", "--session=1", "--session", "2"],
        ["search", "armed", "--limit", "2", "--limit=3"],
        ["search", "armed", "-s", "Lion", "--speaker", "Mamiya"],
        ["speakers", "--event", "a", "--event", "b"],
        ["cite", "ipi18-21", "--style", "plain", "--style", "chicago"],
    ],
)
def test_an_option_given_twice_with_different_values_is_refused(poc: Any, args: list[str]) -> None:
    # Click keeps the last value: "--speaker Mamiya --speaker Coutou" showed Coutou alone.
    result = poc(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "was given twice" in result.stderr


def test_an_option_repeated_with_the_same_value_is_harmless(poc: Any) -> None:
    once = poc("quotes", "--speaker", "Lion", "--json")
    twice = poc("quotes", "--speaker", "Lion", "--json", "--speaker=Lion", "--json")
    assert twice.exit_code == 0 and twice.stdout == once.stdout


@pytest.mark.parametrize(
    ("args", "taken_for"),
    [
        (["quotes", "--speaker", "Jack Sherman"], "Jake Sherman"),
        (["search", "neutrality", "--speaker", "Jake Christofides"], "Jack Christofides"),
        (["speakers", "Miya"], "Ralph Mamiya"),
    ],
)
def test_a_name_taken_for_a_typo_says_whom_it_was_taken_for(
    poc: Any, args: list[str], taken_for: str
) -> None:
    # "Jack Sherman" silently became Jake Sherman; "Jack" is also Jack Christofides.
    result = poc(*args)
    typed = args[args.index("--speaker") + 1] if "--speaker" in args else args[1]
    assert f"note: no one is named {typed!r}; taking it for the closest name: {taken_for}" in (
        result.stderr
    )


def test_an_exact_name_gets_no_note(poc: Any) -> None:
    assert "note:" not in poc("quotes", "--speaker", "Mamiya").stderr


def test_an_exclusion_that_excludes_nothing_says_so(poc: Any) -> None:
    result = poc("search", "armed", "-sMamiya", "-zzzq", "-violence")
    assert result.exit_code == 0
    assert "-smamiya excluded nothing" in result.stderr
    assert "(for the option -s, leave a space: -s Mamiya)" in result.stderr
    assert "-zzzq excluded nothing: no statement has that word\n" in result.stderr
    assert "violence excluded nothing" not in result.stderr


def test_output_dash_means_stdout(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = poc("quotes", "--speaker", "Lion", "--json", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == poc("quotes", "--speaker", "Lion", "--json").stdout
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_output_dash_when_nothing_is_found(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = poc("search", "zzzzqq", "--json", "-o", "-")
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert list(tmp_path.iterdir()) == []


def test_markdown_shows_a_quote_as_printed_never_as_formatting(
    poc: Any, mini_raw: dict[str, Any], write_json: Any
) -> None:
    # A quote holding *, _, `, [..](..), <b> or &copy; was rendered as emphasis, code,
    # a link, HTML or ©: a changed quote. Each is now escaped with a backslash.
    mini_raw["statements"][1]["text"] = (
        "We *must* act_now: `x` [here](y) <b>z</b> ~w~ &copy; a|b \\ end"
    )
    path = write_json(mini_raw)
    table = poc("--data", str(path), "quotes", "--format", "markdown").stdout
    row = next(line for line in table.splitlines() if "mini-02" in line)
    escaped = r"We \*must\* act\_now: \`x\` \[here\](y) \<b\>z\</b\> \~w\~ \&copy; a\|b \\ end"
    assert escaped in row
    assert re.sub(r"\\(.)", r"\1", escaped) == mini_raw["statements"][1]["text"]


@pytest.mark.parametrize("args", [["show", "ipi18-21"], ["sessions", "2"], ["speakers", "Mamiya"]])
def test_detailed_views_into_a_pipe_use_the_plain_table(poc: Any, args: list[str]) -> None:
    # They used Rich's heavy rule and a leading space; every other listing is plain.
    out = poc(*args).stdout
    assert "━" not in out
    first, rule = out.splitlines()[:2]
    assert first.startswith("ID  ") or first.startswith("Name  ")
    assert set(rule) <= {"-", " "}


@pytest.mark.parametrize(
    "typed", ["counter-terrorism", "counterterrorism", "Counter Terrorism", "counter_terrorism"]
)
def test_a_topic_is_named_the_same_way_in_quotes_and_search(poc: Any, typed: str) -> None:
    # 'counterterrorism' was refused by both, while search's own words treat the forms alike;
    # quotes and search also read topics by two different rules.
    expected = ids(poc("quotes", "--topic", "counter-terrorism", "--json"))
    assert ids(poc("quotes", "--topic", typed, "--json")) == expected
    found = ids(poc("search", "civilians", "--topic", typed, "--json", "--limit", "100"))
    assert found and set(found) <= set(expected)


def test_an_unknown_topic_says_the_same_in_quotes_and_search(poc: Any) -> None:
    quotes = poc("quotes", "--topic", "astrology")
    search = poc("search", "civilians", "--topic", "astrology")
    assert quotes.exit_code == search.exit_code == 2
    assert quotes.stderr == search.stderr
    assert "no topic 'astrology'; valid topics: afghanistan" in quotes.stderr


@pytest.mark.slow
def test_a_pager_that_does_not_exist_loses_no_output() -> None:
    # With $PAGER naming no program, the output went to a failing shell and was lost.
    out = _on_a_terminal(
        ["quotes", "--speaker", "Lion", "--pager"],
        _terminal_env(PAGER="no-such-pager-xyz --flag", NO_COLOR="1"),
    ).decode()
    assert "the pager 'no-such-pager-xyz --flag' ($PAGER) was not found" in out
    assert "ipi18-04" in out


def test_nothing_found_as_csv_is_still_a_csv_header(poc: Any) -> None:
    # A program reading the CSV gets its columns (and no rows), as --json gets [].
    result = poc("quotes", "--speaker", "Lion", "--topic", "drc", "--format", "csv")
    assert result.exit_code == 1
    assert (
        result.stdout
        == "id,event,session_id,session,speaker_id,speaker,kind,text,topics,paragraphs\n"
    )


def test_output_dot_slash_dash_is_a_file_named_dash(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "-" is stdout; "./-" is how one names a file called "-", as with other tools.
    monkeypatch.chdir(tmp_path)
    result = poc("quotes", "--speaker", "Lion", "--format", "csv", "-o", "./-")
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "-").read_text(encoding="utf-8").startswith("id,event,")


def test_a_closed_stdout_is_no_error_when_the_output_goes_to_a_file(tmp_path: Path) -> None:
    done = _pipe("poc quotes --speaker Lion -f csv -o out.csv >&-", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("id,event,")


def test_two_people_of_one_name_are_told_apart_by_event(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The search card once offered "poc speakers 'Ralph Mamiya'", which then refused
    # as ambiguous, with or without --event.
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    for n, person_id in enumerate(["ralph-mamiya", "r-mamiya"]):
        raw = json.loads(json.dumps(SEMINAR))
        raw["event"]["id"] = f"ev{n}"
        for statement in raw["statements"]:
            statement["id"] += f"-{n}"
            if "within" in statement:
                statement["within"] += f"-{n}"
            if statement["speaker"] == "ralph-mamiya":
                statement["speaker"] = person_id
        for person in raw["speakers"]:
            if person["id"] == "ralph-mamiya":
                person["id"] = person_id
        for session in raw["sessions"]:
            session["moderators"] = [
                person_id if m == "ralph-mamiya" else m for m in session["moderators"]
            ]
            if session["paper"] and session["paper"]["author"] == "ralph-mamiya":
                session["paper"]["author"] = person_id
        (tmp_path / f"ev{n}.json").write_text(json.dumps(raw), encoding="utf-8")
    card = _as_if_on_a_terminal(
        monkeypatch, poc, "--data", str(tmp_path), "search", "Mamiya", "--limit", "1"
    ).stdout
    assert "poc speakers 'Ralph Mamiya' --event ev0  shows what they said at ev0" in card
    assert "poc speakers 'Ralph Mamiya' --event ev1  shows what they said at ev1" in card
    both = poc("--data", str(tmp_path), "speakers", "Ralph Mamiya", "--json")
    assert both.exit_code == 0 and "fits 2 people" in both.stderr  # both shown, and said
    assert {p["event"]["id"] for p in json.loads(both.stdout)} == {"ev0", "ev1"}
    one = poc("--data", str(tmp_path), "speakers", "Ralph Mamiya", "--event", "ev1", "--json")
    assert one.exit_code == 0, one.stderr
    assert [(p["id"], p["event"]["id"]) for p in json.loads(one.stdout)] == [("r-mamiya", "ev1")]


def test_speakers_event_keeps_aliases_from_other_events(
    poc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Matching only the event's records lost an alias given in another event.
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    for n in range(2):
        raw = json.loads(json.dumps(SEMINAR))
        raw["event"]["id"] = f"ev{n}"
        for statement in raw["statements"]:
            statement["id"] += f"-{n}"
            if "within" in statement:
                statement["within"] += f"-{n}"
        if n == 1:
            for person in raw["speakers"]:
                if person["id"] == "jake-sherman":
                    person["aliases"] = [*person["aliases"], "The Rapporteur"]
        (tmp_path / f"ev{n}.json").write_text(json.dumps(raw), encoding="utf-8")
    data = ("--data", str(tmp_path))
    result = poc(*data, "speakers", "Rapporteur", "--event", "ev0", "--json")
    assert result.exit_code == 0, result.stderr
    assert [(p["id"], p["event"]["id"]) for p in json.loads(result.stdout)] == [
        ("jake-sherman", "ev0")
    ]
    assert poc(*data, "speakers", "Lion", "--event", "nope").exit_code == 2  # no such event
    absent = poc(*data, "speakers", "Rapporteur", "--event", "ev1", "--format", "csv")
    assert absent.exit_code == 0  # the alias is his in ev1 too
    not_there = poc(*data, "speakers", "Landour", "--event", "ev0", "--format", "csv", "--json")
    assert not_there.exit_code == 2  # --json and --format csv contradict: refused


def test_detailed_views_written_to_a_file_are_not_wrapped(poc: Any, tmp_path: Path) -> None:
    # -o wrapped them at 200 columns, splitting the header, the rule and quotes.
    for args in (["show", "ipi18-31"], ["sessions", "2"], ["speakers", "Mamiya"]):
        target = tmp_path / f"{args[0]}.txt"
        result = poc(*args, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        written = target.read_text(encoding="utf-8")
        assert written.rstrip("\n") == poc(*args).stdout.rstrip("\n")  # as piped: whole lines


def test_a_no_match_with_stdout_closed_is_still_nothing_found(tmp_path: Path) -> None:
    done = _pipe("poc search zzqqxx >&-", tmp_path)
    assert done.returncode == 1, done.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "variables", [{"POC_PAGER": "no-such-pager-xyz", "PAGER": "less"}, {"PAGER": " "}]
)
def test_a_poc_pager_or_blank_pager_loses_no_output(variables: dict[str, str]) -> None:
    out = _on_a_terminal(
        ["quotes", "--speaker", "Lion", "--pager"], _terminal_env(NO_COLOR="1", **variables)
    ).decode()
    assert "was not found; printing without it" in out
    assert "ipi18-04" in out


def _as_if_on_a_terminal(monkeypatch: pytest.MonkeyPatch, poc: Any, *args: str) -> Any:
    """Run poc as if stdout were a terminal: the "Person:" card is for terminals only."""
    import sys

    from poc_cli.output.env import Environment

    def terminal() -> Environment:
        return Environment(sys.stdout, sys.stderr, True, False, True)

    monkeypatch.setattr(Environment, "current", staticmethod(terminal))
    return poc(*args)


def test_the_person_card_never_reaches_a_pipe(poc: Any) -> None:
    """Issue 10/12: a pipe gets records only, so `> f` and `-o f` hold the same; and the
    exit status does not depend on the channel (a person with no statement is exit 1)."""
    piped = poc("search", "Mamiya", "--limit", "2")
    assert piped.exit_code == 0 and "Person:" not in piped.stdout
    assert piped.stdout.splitlines()[0].split()[:2] == ["Score", "ID"]
    for args in ([], ["--json"], ["--format", "csv"]):
        assert poc("search", "Landour", *args).exit_code == 1
