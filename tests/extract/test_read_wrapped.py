"""Hard-wrapped plain text and Markdown (readers/wrapped.py): a paragraph's lines are
joined as a PDF's are; text that is not hard-wrapped comes back byte for byte."""

from __future__ import annotations

from extract_helpers import extract, speaker_of

from poc_cli.extract.read import read_report_bytes
from poc_cli.extract.readers.wrapped import unwrap

WRAPPED = (
    "The workshop brought together some forty officers, humanitarian workers\n"
    "and legal scholars to discuss the protec-\n"
    "tion of civilians in cities. It was opened by Ms. Ana Duarte, who\n"
    "welcomed participants and recalled the purpose of the meeting.\n"
    "\n"
    "In his keynote address, Major General Kofi Mensah-Bonsu, a former Force\n"
    "Commander, argued that armies still train for open ground. “We rehearse\n"
    "in forests and deserts, and then we are sent into apartment blocks,” he\n"
    "said. “No-\n"
    "body should be surprised by what happens next.”\n"
)


def test_a_wrapped_paragraph_is_one_line_and_hyphenation_is_undone() -> None:
    text = unwrap(WRAPPED)
    first, second = text.split("\n\n")
    assert "\n" not in first
    assert "the protection of civilians in cities." in first
    assert "“Nobody should be surprised by what happens next.”" in second


def test_a_quotation_over_a_line_break_is_one_quote() -> None:
    d = extract(read_report_bytes(WRAPPED.encode(), name="workshop.txt").text).dataset
    quote = "We rehearse in forests and deserts, and then we are sent into apartment blocks,"
    assert speaker_of(d, quote) == "Kofi Mensah-Bonsu"
    assert speaker_of(d, "Nobody should be surprised by what happens next.") == (
        "Kofi Mensah-Bonsu"
    )


def test_paragraphs_on_single_long_lines_are_unchanged() -> None:
    text = (
        "Ms. Ana Duarte, Director of the Geneva Office, opened the meeting and recalled "
        "that the workshop was the third in a series on urban warfare.\n"
        "Major General Kofi Mensah-Bonsu said that armies still train for open ground and "
        "then fight in cities, and that planners must change.\n"
        "Dr. Lena Varga agreed, and added that the law was clear but rarely applied in "
        "practice by the forces that most needed it.\n"
        "Colonel Rui Costa said the tools existed but were not used by the planners.\n"
        "The meeting closed with thanks to the hosts.\n"
    )
    assert unwrap(text) == text


def test_a_roster_and_a_title_block_are_unchanged() -> None:
    text = (
        "PROTECTING CIVILIANS IN CITIES\n"
        "Report of an Expert Workshop\n"
        "Geneva, 18–19 September\n"
        "\n"
        "Ana Duarte, Director\n"
        "Kofi Mensah-Bonsu, Force Commander\n"
        "Lena Varga, Legal Adviser\n"
        "Rui Costa, Colonel\n"
    )
    assert unwrap(text) == text


def test_markdown_list_items_headings_and_short_last_lines_stay_apart() -> None:
    text = (
        "## Session 2: Access\n"
        "\n"
        "The second session looked at humanitarian access in besieged areas and at\n"
        "the notification systems that are meant to keep convoys and hospitals safe.\n"
        "It heard three speakers.\n"
        "Ms. Hadeel Saleh, who runs a medical network, spoke first and described the\n"
        "routes out of the old city as more dangerous than the basements people hid in.\n"
        "- first item of a list that is long enough to look like a wrapped line here\n"
        "- second item of the same list, also long enough to look like a wrapped line\n"
    )
    lines = unwrap(text).split("\n")
    assert lines[0] == "## Session 2: Access"
    assert lines[2].endswith("hospitals safe. It heard three speakers.")
    assert lines[3].startswith("Ms. Hadeel Saleh") and lines[3].endswith("people hid in.")
    assert lines[4].startswith("- first item") and lines[5].startswith("- second item")
