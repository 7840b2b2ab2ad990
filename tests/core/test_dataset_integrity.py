"""data/seminar.json against itself and against the report it was curated from.

The expected attributions below (QUOTED) were written by reading the report, not
derived from the dataset: a dataset that drifts from the report fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from poc_cli.model import PARTS, SCHEMA_VERSION, SESSION_KINDS, STATEMENT_KINDS
from poc_cli.schema import validate

REPORT = Path(__file__).resolve().parent.parent.parent.parent / "shared" / "seeds" / "000_3fc810082392c045.txt"


Raw = dict[str, Any]

# Every “…” span in the report (outside the paper titles in paragraphs 4, 9 and 21),
# with who said it and in which session, read off the report by hand.
QUOTED: dict[str, tuple[str, str]] = {
    # paragraph 5
    "ambitious,": ("adam-lupel", "opening"),
    "If UN peace operations fail demonstrably in their mandates to protect civilians, "
    "the consequences would be broad.": ("adam-lupel", "opening"),
    # paragraph 6
    "legitimacy and credibility of peacekeeping missions relies first and foremost on the "
    "safety and security of civilians regardless of the perpetrators of the crimes.": (
        "thierry-lion",
        "opening",
    ),
    "Positive developments of doctrine have not translated into systematic and consistent "
    "protection of civilians on the field, and figures in both civilian and peacekeeper "
    "casualties are alarming.": ("thierry-lion", "opening"),
    # paragraph 7
    "necessity, especially in volatile areas,": ("peter-van-den-berg", "opening"),
    "divorced": ("peter-van-den-berg", "opening"),
    "full concert with each other.": ("peter-van-den-berg", "opening"),
    # paragraph 10
    "Ultimately non-state armed groups are pragmatic actors. I think this is one of the "
    "things that really struck me,": ("ralph-mamiya", "session-1"),
    # paragraph 11: printed with no attribution; it continues Mamiya's remarks
    # (paragraph 12 goes on "He also cited…")
    "Despite mandates for supporting governments, or even targeting armed groups, peace "
    "operations can establish themselves as credible actors, and peace operations must be "
    "similarly pragmatic.": ("ralph-mamiya", "session-1"),
    # paragraph 12
    "When the cards are on the table, the peace operation will side with the government,": (
        "ralph-mamiya",
        "session-1",
    ),
    "conundrum.": ("ralph-mamiya", "session-1"),
    "when you will side with the government, how do you credibly engage with non-state "
    "armed groups?": ("ralph-mamiya", "session-1"),
    # paragraphs 13-15
    "myths": ("naomi-miyashita", "session-1"),
    "zero-sum game;": ("naomi-miyashita", "session-1"),
    "legitimacy": ("naomi-miyashita", "session-1"),
    "terrorist groups.": ("naomi-miyashita", "session-1"),
    "we must have a more nuanced, unbiased, and non-politicized view of what armed groups "
    "are.": ("naomi-miyashita", "session-1"),
    # paragraph 16
    "anatomy": ("agnes-coutou", "session-1"),
    "Neutrality is not an end in itself, it’s really a tool for accessing populations,": (
        "agnes-coutou",
        "session-1",
    ),
    "We are not here to solve a conflict, we are not here to participate and to, let’s say, "
    "get involved in the political reasons for this conflict. Our main aim is to reduce the "
    "human cost of it.": ("agnes-coutou", "session-1"),
    # paragraph 17
    "capture the narrative": ("michael-semple", "session-1"),
    "affect the conduct of war": ("michael-semple", "session-1"),
    # paragraph 18
    "fluid": ("adam-day", "session-1"),
    "intelligence-driven design,": ("adam-day", "session-1"),
    "have their finger on the pulse.": ("adam-day", "session-1"),
    # paragraph 19
    "From my experience, it challenges the leadership of the mission-head-level, whether you "
    "interpret the mandate as a ‘floor’ or a ‘ceiling,’ and then you find out ways of "
    "navigating those aspects.": ("youssef-mahmoud", "session-1"),
    # paragraph 22
    "also have a protective agenda and a protective posture. They try sometimes to pose as "
    "protectors of the people, as bringing a certain form of justice and order.": (
        "namie-di-razza",
        "session-2",
    ),
    # paragraph 26
    "As much as there’s no present state presence there, I think our efforts will be always "
    "very much, if not frustrated, at least limited in scope,": ("samuel-gahigi", "session-2"),
    # paragraph 27 (the second quotation is opened and never closed)
    "acronym soup": ("marie-joelle-zahar", "session-2"),
    "Do the armed groups have political grievances or not? What is their involvement in the "
    "economy? Do they hold territory? Do they have command and control?": (
        "marie-joelle-zahar",
        "session-2",
    ),
    # paragraph 28
    "the lack of communication has allowed other actors to define and instrumentalize what "
    "MINUSMA does or does not do,": ("marie-joelle-zahar", "session-2"),
    # paragraph 29
    "civilians don’t like armed groups at all": ("dougoukolo-ba-konare", "session-2"),
    "In Mali, civilians are quick to forgive the blunders of the army, which is a blessing and "
    "a curse.": ("dougoukolo-ba-konare", "session-2"),
    # paragraph 31
    "PoC in Mali is much more linked to a broader kind of human rights violations": (
        "chloe-marnay-baszanger",
        "session-2",
    ),
    "ties into counterterrorism law enforcement done by military means.": (
        "chloe-marnay-baszanger",
        "session-2",
    ),
    # paragraph 32
    "We very well may see the transformation of certain actors who currently would be "
    "considered non-state armed groups being brought into government particularly at the "
    "local level,": ("jake-sherman", "session-2"),
    "more legitimate,": ("jake-sherman", "session-2"),
    "really important.": ("jake-sherman", "session-2"),
}
# The quotations above that the report prints inside a sentence it otherwise reports in
# its own words, with the paraphrase each sits in, read off the report by hand.  Each is
# held twice: inside that paraphrase (marks kept) and as a quote of its own whose
# ``within`` names it, with the paraphrase's id plus a letter.
INSIDE_PARAPHRASE: dict[str, str] = {
    "ambitious,": "ipi18-02",
    "necessity, especially in volatile areas,": "ipi18-06",
    "divorced": "ipi18-06",
    "full concert with each other.": "ipi18-07",
    "conundrum.": "ipi18-15",
    "myths": "ipi18-17",
    "zero-sum game;": "ipi18-17",
    "legitimacy": "ipi18-17",
    "terrorist groups.": "ipi18-17",
    "anatomy": "ipi18-20",
    "capture the narrative": "ipi18-24",
    "affect the conduct of war": "ipi18-24",
    "fluid": "ipi18-26",
    "intelligence-driven design,": "ipi18-26",
    "have their finger on the pulse.": "ipi18-26",
    "acronym soup": "ipi18-40",
    "civilians don’t like armed groups at all": "ipi18-47",
    "ties into counterterrorism law enforcement done by military means.": "ipi18-52",
    "more legitimate,": "ipi18-56",
    "really important.": "ipi18-56",
}
PAPER_TITLE_PARAGRAPHS = {4, 9, 21}
UNCLOSED_QUOTE = (
    "Do the armed groups have political grievances or not? What is their involvement in the "
    "economy? Do they hold territory? Do they have command and control?"
)
# The people the report names as speaking, moderating or giving remarks.
PEOPLE = {
    "adam-lupel": "Adam Lupel",
    "thierry-lion": "Thierry Lion",
    "peter-van-den-berg": "Peter van den Berg",
    "eiko-ikegaya": "Eiko Ikegaya",
    "ralph-mamiya": "Ralph Mamiya",
    "naomi-miyashita": "Naomi Miyashita",
    "agnes-coutou": "Agnès Coutou",
    "michael-semple": "Michael Semple",
    "adam-day": "Adam Day",
    "youssef-mahmoud": "Youssef Mahmoud",
    "jack-christofides": "Jack Christofides",
    "namie-di-razza": "Namie Di Razza",
    "samuel-gahigi": "Samuel Gahigi",
    "marie-joelle-zahar": "Marie-Joëlle Zahar",
    "dougoukolo-ba-konare": "Dougoukolo Alpha Oumar Ba-Konaré",
    "chloe-marnay-baszanger": "Chloé Marnay-Baszanger",
    "jake-sherman": "Jake Sherman",
    "olivier-landour": "Olivier Landour",
}


def report_paragraphs(text: str) -> list[str]:
    """The report's blocks of text separated by blank lines, as printed."""
    return text.rstrip("\n").split("\n\n")


def quoted_spans(paragraph: str) -> list[str]:
    """Every “…” span in a paragraph, plus a final “… left open to the paragraph's end."""
    spans = re.findall("“([^“”]*)”", paragraph)
    opened, closed = paragraph.count("“"), paragraph.count("”")
    if opened == closed + 1:
        spans.append(paragraph[paragraph.rindex("“") + 1 :])
    else:
        assert opened == closed, f"cannot pair the quotation marks of: {paragraph[:60]}…"
    return spans


def statements_citing(raw: Raw, fragment: str) -> list[Raw]:
    """Statements that hold ``fragment`` as quoted words: a quote whose whole text it is,
    or any statement that keeps it inside quotation marks."""
    return [
        s
        for s in raw["statements"]
        if (s["kind"] == "quote" and s["text"] == fragment) or f"“{fragment}”" in s["text"]
    ]


# ---------------------------------------------------------------- self-consistency


def test_the_bundled_dataset_passes_the_loaders_own_validation(bundled_raw: Raw) -> None:
    assert [str(p) for p in validate(bundled_raw)] == []
    assert bundled_raw["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("key", ["statements", "speakers", "sessions", "topics"])
def test_ids_are_unique(bundled_raw: Raw, key: str) -> None:
    ids = Counter(record["id"] for record in bundled_raw[key])
    assert {i: n for i, n in ids.items() if n > 1} == {}
    assert all(isinstance(i, str) and i.strip() == i and i for i in ids)


def test_every_reference_resolves(bundled_raw: Raw) -> None:
    sessions = {s["id"] for s in bundled_raw["sessions"]}
    speakers = {p["id"] for p in bundled_raw["speakers"]}
    topics = {t["id"] for t in bundled_raw["topics"]}
    dangling = []
    for s in bundled_raw["statements"]:
        dangling += [(s["id"], "speaker", s["speaker"])] if s["speaker"] not in speakers else []
        dangling += [(s["id"], "session", s["session"])] if s["session"] not in sessions else []
        dangling += [(s["id"], "topic", t) for t in s.get("topics", []) if t not in topics]
    for session in bundled_raw["sessions"]:
        dangling += [(session["id"], "moderator", m) for m in session["moderators"] if m not in speakers]
        if session["paper"] and session["paper"]["author"] not in speakers:
            dangling.append((session["id"], "paper author", session["paper"]["author"]))
    for person in bundled_raw["speakers"]:
        dangling += [(person["id"], "part", p["session"]) for p in person["parts"] if p["session"] not in sessions]
    assert dangling == []


def test_enumerations_hold_only_known_values(bundled_raw: Raw) -> None:
    assert {s["kind"] for s in bundled_raw["statements"]} == set(STATEMENT_KINDS)
    assert {s["kind"] for s in bundled_raw["sessions"]} <= set(SESSION_KINDS)
    assert {p["part"] for x in bundled_raw["speakers"] for p in x["parts"]} <= set(PARTS)


def test_statements_are_in_report_order(bundled_raw: Raw) -> None:
    firsts = [s["paragraphs"][0] for s in bundled_raw["statements"]]
    assert firsts == sorted(firsts)
    for s in bundled_raw["statements"]:
        assert s["paragraphs"] == sorted(s["paragraphs"]), s["id"]


def test_statement_ids_count_up_in_order(bundled_raw: Raw) -> None:
    """ipi18-01 … ipi18-56 count up with no gap (people cite them); a quote inside a
    paraphrase follows it as that paraphrase's id plus a, b, c …"""
    statements = bundled_raw["statements"]
    top = [s["id"] for s in statements if "within" not in s]
    assert top == [f"ipi18-{n:02d}" for n in range(1, 57)]
    parent = None
    for s in statements:
        if "within" not in s:
            parent, letters = s, iter("abcdefghijklmnopqrstuvwxyz")
            continue
        assert parent is not None and s["within"] == parent["id"], s["id"]
        assert s["id"] == parent["id"] + next(letters), s["id"]


def test_quotes_inside_paraphrases_follow_and_match_their_paraphrase(bundled_raw: Raw) -> None:
    statements = bundled_raw["statements"]
    by_id = {s["id"]: s for s in statements}
    inner = [s for s in statements if "within" in s]
    assert {s["text"]: s["within"] for s in inner} == INSIDE_PARAPHRASE
    assert len(inner) == len(INSIDE_PARAPHRASE) == 20
    for s in inner:
        outer = by_id[s["within"]]
        assert s["kind"] == "quote" and outer["kind"] == "paraphrase", s["id"]
        assert f"“{s['text']}”" in outer["text"], s["id"]
        assert (s["speaker"], s["session"]) == (outer["speaker"], outer["session"]), s["id"]
        assert s.get("topics") == outer.get("topics"), s["id"]
        assert set(s["paragraphs"]) <= set(outer["paragraphs"]), s["id"]
    # and only paraphrases hold quotations that are not also quotes of their own
    for s in statements:
        if s["kind"] == "paraphrase":
            held = re.findall("“([^“”]*)”", s["text"])
            assert held == [x["text"] for x in inner if x["within"] == s["id"]], s["id"]


def test_provenance_is_in_range(bundled_raw: Raw) -> None:
    count = len(bundled_raw["source"]["paragraphs"])
    assert count == 34
    bad = [
        (s["id"], n)
        for s in bundled_raw["statements"]
        for n in s["paragraphs"]
        if not (isinstance(n, int) and 1 <= n <= count)
    ]
    assert bad == []
    assert all(s["paragraphs"] for s in bundled_raw["statements"])


def test_every_speaker_is_placed_in_a_session(bundled_raw: Raw) -> None:
    sessions = {s["id"] for s in bundled_raw["sessions"]}
    for person in bundled_raw["speakers"]:
        assert person["parts"], person["id"]
        assert {p["session"] for p in person["parts"]} <= sessions, person["id"]


def test_every_statement_speaker_has_a_part_in_that_session(bundled_raw: Raw) -> None:
    parts = {(p["id"], x["session"]) for p in bundled_raw["speakers"] for x in p["parts"]}
    missing = [
        (s["id"], s["speaker"], s["session"])
        for s in bundled_raw["statements"]
        if (s["speaker"], s["session"]) not in parts
    ]
    assert missing == []


def test_the_eighteen_people_the_report_names(bundled_raw: Raw) -> None:
    assert {p["id"]: p["name"] for p in bundled_raw["speakers"]} == PEOPLE


def test_agenda_in_order_with_papers_and_authors(bundled_raw: Raw) -> None:
    sessions = bundled_raw["sessions"]
    assert [s["id"] for s in sessions] == ["opening", "session-1", "keynote", "session-2", "closing"]
    assert [s["kind"] for s in sessions] == ["remarks", "panel", "keynote", "panel", "remarks"]
    papers = {s["id"]: s["paper"] for s in sessions if s["paper"]}
    assert set(papers) == {"session-1", "session-2"}
    assert papers["session-1"]["author"] == "ralph-mamiya"
    assert papers["session-2"]["author"] == "namie-di-razza"
    assert papers["session-1"]["title"].startswith("Engaging with armed groups for the protection")
    assert "dilemmas of UN Peacekeeping in Mali" in papers["session-2"]["title"]


def test_statement_counts_per_session(bundled_raw: Raw) -> None:
    counts = Counter(s["session"] for s in bundled_raw["statements"])
    # 9, 19, 2 and 26 paraphrases and quotes, plus the quotes inside paraphrases
    # (4 in the opening, 11 in session 1, 5 in session 2)
    assert dict(counts) == {"opening": 13, "session-1": 30, "keynote": 2, "session-2": 31}


def test_olivier_landour_only_gave_closing_remarks(bundled_raw: Raw) -> None:
    landour = next(p for p in bundled_raw["speakers"] if p["id"] == "olivier-landour")
    assert landour["parts"] == [{"session": "closing", "part": "remarks"}]
    assert [s for s in bundled_raw["statements"] if s["speaker"] == "olivier-landour"] == []
    assert [s for s in bundled_raw["statements"] if s["session"] == "closing"] == []


def test_the_unhcr_misnomer_is_kept_and_noted(bundled_raw: Raw) -> None:
    chloe = next(p for p in bundled_raw["speakers"] if p["id"] == "chloe-marnay-baszanger")
    assert "(UNHCR)" in chloe["role"]  # as printed
    assert any("UNHCR" in n and "OHCHR" in n for n in chloe["notes"])


def test_the_event_date_and_its_provenance(bundled_raw: Raw) -> None:
    event = bundled_raw["event"]
    assert event["date"] == "2018-10-26"
    assert "2018" in event["provenance"]["date"] and "October 26th" in event["provenance"]["date"]


# ------------------------------------------------------------- against the report


def test_source_paragraphs_are_the_reports_blocks_byte_for_byte(
    bundled_raw: Raw, report_text: str
) -> None:
    blocks = report_paragraphs(report_text)
    paragraphs = bundled_raw["source"]["paragraphs"]
    assert len(paragraphs) == len(blocks)
    for number, (ours, theirs) in enumerate(zip(paragraphs, blocks, strict=True), 1):
        assert ours.encode("utf-8") == theirs.encode("utf-8"), f"paragraph {number}"
    assert REPORT.name in bundled_raw["source"]["file"]


def test_quotes_are_exactly_the_words_between_the_marks(bundled_raw: Raw) -> None:
    paragraphs = bundled_raw["source"]["paragraphs"]
    for s in (s for s in bundled_raw["statements"] if s["kind"] == "quote"):
        assert len(s["paragraphs"]) == 1, s["id"]
        paragraph = paragraphs[s["paragraphs"][0] - 1]
        assert "“" not in s["text"] and "”" not in s["text"], s["id"]
        if f"“{s['text']}”" in paragraph:
            continue
        # The report's one unclosed quotation runs to the end of its paragraph.
        assert paragraph.endswith("“" + s["text"]), s["id"]
        assert s.get("note"), f"{s['id']}: an unclosed quotation must carry a note"


def test_the_only_unclosed_quotation_is_zahars(bundled_raw: Raw) -> None:
    paragraphs = bundled_raw["source"]["paragraphs"]
    unclosed = [
        s["id"]
        for s in bundled_raw["statements"]
        if s["kind"] == "quote" and f"“{s['text']}”" not in paragraphs[s["paragraphs"][0] - 1]
    ]
    assert unclosed == ["ipi18-43"]


def test_paraphrases_are_verbatim_from_their_paragraph(bundled_raw: Raw) -> None:
    paragraphs = bundled_raw["source"]["paragraphs"]
    for s in (s for s in bundled_raw["statements"] if s["kind"] == "paraphrase"):
        if s.get("items"):
            continue  # list statements: next test
        assert len(s["paragraphs"]) == 1, s["id"]
        assert s["text"] in paragraphs[s["paragraphs"][0] - 1], s["id"]


def test_list_statements_are_intro_plus_verbatim_items(bundled_raw: Raw) -> None:
    paragraphs = bundled_raw["source"]["paragraphs"]
    lists = [s for s in bundled_raw["statements"] if s.get("items")]
    assert [(s["speaker"], len(s["items"])) for s in lists] == [
        ("naomi-miyashita", 3),  # the three "myths"
        ("namie-di-razza", 3),  # the three recommendations
    ]
    for s in lists:
        intro_paragraph, list_paragraph = (paragraphs[n - 1] for n in s["paragraphs"])
        intro = s["text"].split("\n")[0]
        assert intro in intro_paragraph, s["id"]
        assert s["text"] == intro + "".join(f"\n• {item}" for item in s["items"]), s["id"]
        bullets = [line.strip().removeprefix("•").strip() for line in list_paragraph.split("\n")]
        assert s["items"] == bullets, s["id"]
        for item in s["items"]:
            assert item in list_paragraph


def test_paraphrases_balance_their_quotation_marks(bundled_raw: Raw) -> None:
    unbalanced = [
        s["id"]
        for s in bundled_raw["statements"]
        if s["kind"] == "paraphrase"
        and (s["text"].count("“") != s["text"].count("”") or _misnested(s["text"]))
    ]
    assert unbalanced == []


def _misnested(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"“": 1, "”": -1}.get(char, 0)
        if depth not in (0, 1):
            return True
    return False


def test_the_expected_table_covers_every_quotation_in_the_report(report_text: str) -> None:
    """QUOTED was typed by hand: check it against the report so that it misses none."""
    spans = [
        span
        for number, paragraph in enumerate(report_paragraphs(report_text), 1)
        if number not in PAPER_TITLE_PARAGRAPHS
        for span in quoted_spans(paragraph)
    ]
    assert len(spans) == len(set(spans)) == len(QUOTED)
    assert set(spans) == set(QUOTED)
    assert UNCLOSED_QUOTE in spans


@pytest.mark.parametrize("fragment", list(QUOTED), ids=lambda f: f[:40])
def test_each_quotation_is_held_once_under_its_speaker_and_session(
    bundled_raw: Raw, fragment: str
) -> None:
    """Once as a quote; a quotation inside a paraphrase also in that paraphrase, and the
    quote is the one right after it, linked to it by ``within``."""
    holders = statements_citing(bundled_raw, fragment)
    ids = [s["id"] for s in holders]
    quotes = [s for s in holders if s["kind"] == "quote"]
    assert [(s["speaker"], s["session"]) for s in quotes] == [QUOTED[fragment]], ids
    if fragment not in INSIDE_PARAPHRASE:
        assert len(holders) == 1 and "within" not in quotes[0], ids
        return
    outer = INSIDE_PARAPHRASE[fragment]
    assert [s["id"] for s in holders if s["kind"] == "paraphrase"] == [outer], ids
    assert len(holders) == 2 and quotes[0]["within"] == outer, ids
    assert quotes[0]["id"].startswith(outer) and quotes[0]["id"][len(outer) :].isalpha(), ids


def test_every_quote_statement_is_a_quotation_of_the_report(bundled_raw: Raw) -> None:
    """The other way round: no quote in the dataset that the report does not print."""
    extra = [
        s["id"]
        for s in bundled_raw["statements"]
        if s["kind"] == "quote" and s["text"] not in QUOTED
    ]
    assert extra == []
    for s in bundled_raw["statements"]:
        if s["kind"] == "quote":
            assert (s["speaker"], s["session"]) == QUOTED[s["text"]], s["id"]


def test_paper_titles_are_not_attributed_as_statements(
    bundled_raw: Raw, report_text: str
) -> None:
    blocks = report_paragraphs(report_text)
    titles = [span for n in sorted(PAPER_TITLE_PARAGRAPHS) for span in quoted_spans(blocks[n - 1])]
    assert len(titles) == 4
    for title in titles:
        assert statements_citing(bundled_raw, title) == [], title
