"""The plain table's quick measuring gives the same columns as measuring every character.

``output/plain.py`` measures each cell once, and Latin text and general punctuation by
``len()`` (issue 13: the plain table of 21,386 speakers spent most of its time there).
These tests hold it to the character-by-character rule it replaced.
"""

from __future__ import annotations

import random
import unicodedata

from poc_cli.output.plain import bar_length, cell_width, plain_bar_charts, to_plain_table
from poc_cli.output.tables import Column
from poc_cli.text.escape import visible
from poc_cli.text.width import NARROW


def _reference_width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _reference_table(records: list[dict[str, str]], columns: list[Column]) -> str:
    """The table as it was written before issue 13 (every cell measured twice)."""

    def pad(text: str, width: int, justify: str) -> str:
        gap = " " * (width - _reference_width(text))
        return gap + text if justify == "right" else text + gap

    header = [c.header for c in columns]
    body = [[visible(c.value(r)).split("\n") for c in columns] for r in records]
    widths = [
        max([_reference_width(header[i])] + [_reference_width(x) for row in body for x in row[i]])
        for i in range(len(columns))
    ]
    out = ["  ".join(pad(h, w, c.justify) for h, w, c in zip(header, widths, columns, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for row in body:
        for n in range(max(len(cell) for cell in row)):
            cells = (cell[n] if n < len(cell) else "" for cell in row)
            out.append(
                "  ".join(
                    pad(x, w, c.justify) for x, w, c in zip(cells, widths, columns, strict=True)
                )
            )
    return "\n".join(line.rstrip() for line in out) + "\n"


def _narrow_characters() -> list[str]:
    ranges = NARROW  # "a-bc-d…": first, dash, last
    chars = []
    for start, end in zip(ranges[0::3], ranges[2::3], strict=True):
        chars.extend(chr(c) for c in range(ord(start), ord(end) + 1))
    return chars


def test_every_character_said_to_be_narrow_is_one_column() -> None:
    narrow = _narrow_characters()
    assert len(narrow) > 0x300
    assert [ch for ch in narrow if _reference_width(ch) != 1] == []


def test_cell_width_is_the_width_of_each_character_added_up() -> None:
    rng = random.Random(13)
    samples = [
        "Agnès Coutou",
        "“Quoted,” she said — twice…",
        "日本語のテキスト",
        "e\u0301 combining",
        "Ж\u0308 and 한국어",
        "",
        "\u2065",
    ]
    for _ in range(2000):
        samples.append("".join(chr(rng.randrange(0x20, 0x3100)) for _ in range(rng.randrange(12))))
    for text in samples:
        assert cell_width(text) == _reference_width(text), repr(text)


def test_the_table_is_the_one_measured_character_by_character() -> None:
    rng = random.Random(7)
    pieces = [
        "Agnès",
        "“quoted”",
        "日本",
        "e\u0301",
        "x",
        "long words here",
        "a\nb",
        "\x1b[31m",
        "\t",
        "z\u200bw",
        "",
    ]
    columns = [
        Column("Name", lambda r: r["a"]),
        Column("Text", lambda r: r["b"]),
        Column("N", lambda r: r["c"], justify="right"),
    ]
    for _ in range(200):
        records = [
            {k: " ".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for k in "abc"}
            for _ in range(rng.randrange(1, 6))
        ]
        assert to_plain_table(records, columns) == _reference_table(records, columns)


def _reference_charts(rows: list[dict[str, object]]) -> str:
    """``plain_bar_charts`` as it was written before issue 13."""
    out: list[str] = []
    for dimension in dict.fromkeys(r["by"] for r in rows):
        group = [r for r in rows if r["by"] == dimension]
        largest = max(int(r["statements"]) for r in group)  # type: ignore[call-overload]
        labels = [visible(str(r["label"])) for r in group]
        width = max(_reference_width(label) for label in labels)
        out.append(f"Statements by {dimension}")
        for label, r in zip(labels, group, strict=True):
            bar = "█" * bar_length(int(r["statements"]), largest)  # type: ignore[call-overload]
            gap = " " * (width - _reference_width(label))
            out.append(f"  {label}{gap}  {r['statements']:>{len(str(largest))}}  {bar}")
        out.append("")
    return "\n".join(out)


def test_the_bar_charts_are_the_ones_measured_character_by_character() -> None:
    rng = random.Random(5)
    labels = ["Agnès Coutou", "“Opening”", "日本", "a\tb", "x\x1by", "z\u200bw", "plain"]
    for _ in range(100):
        rows = [
            {
                "by": rng.choice(["speaker", "topic", "kind"]),
                "key": "k",
                "label": rng.choice(labels) * rng.randrange(1, 3),
                "statements": rng.randrange(1, 500),
            }
            for _ in range(rng.randrange(1, 12))
        ]
        assert plain_bar_charts(rows) == _reference_charts(rows)
