"""Quotation spans in a paragraph.

Curly double (“…”), curly single (‘…’), straight double ("…") and straight single
('…') quotation marks. A quotation inside a quotation is part of it, never a quote
of its own. An apostrophe (IPI’s, Queen’s, children's, peacekeepers’ …) is not a
quotation mark. A quotation the report never closes runs to the end of its paragraph
(and carries a note); one cut short by a new opening mark ends before that mark.
The text of a quotation is exactly the characters between its marks.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Quote(NamedTuple):
    """A top-level quotation of a paragraph.

    ``open`` is the index of the opening mark, ``start``/``end`` delimit the text
    (``paragraph[start:end] == text``), ``close`` is the index of the closing mark or
    None when the report never closes it.
    """

    open: int
    start: int
    end: int
    close: int | None
    mark: str
    text: str
    note: str

    @property
    def outer_end(self) -> int:
        """Index just past the closing mark (or the text, when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_BEFORE_OPENER = set(" \t\n\u00a0([{—–-/“‘\"':;")


def _alnum(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(paragraph: str) -> list[Quote]:
    """Every top-level quotation of ``paragraph``, in order."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (opening mark, index)
    n = len(paragraph)

    def close_top(index: int | None, note: str = "") -> None:
        mark, opened = stack.pop()
        if stack:  # a nested quotation: part of the outer one
            return
        if index is None:
            end = n
            while end > opened + 1 and paragraph[end - 1].isspace():
                end -= 1
        else:
            end = index
        text = paragraph[opened + 1 : end]
        if any(c.isalnum() for c in text):
            quotes.append(Quote(opened, opened + 1, end, index, mark, text, note))

    for i, ch in enumerate(paragraph):
        prev = paragraph[i - 1] if i > 0 else ""
        nxt = paragraph[i + 1] if i + 1 < n else ""
        if ch == "“":
            if stack and stack[-1][0] == "“":
                # a second opening mark while one is open: the first was never closed
                end = i
                while end > stack[-1][1] + 1 and paragraph[end - 1].isspace():
                    end -= 1
                mark, opened = stack[-1]
                if len(stack) == 1:
                    stack.pop()
                    text = paragraph[opened + 1 : end]
                    if any(c.isalnum() for c in text):
                        quotes.append(
                            Quote(
                                opened,
                                opened + 1,
                                end,
                                None,
                                mark,
                                text,
                                "The report opens this quotation and opens another before "
                                "closing it; it is taken to end before the next opening mark.",
                            )
                        )
                else:
                    stack.pop()
            stack.append((ch, i))
        elif ch == "”":
            if any(m == "“" for m, _ in stack):
                while stack and stack[-1][0] != "“":
                    stack.pop()
                close_top(i)
        elif ch == "‘":
            if prev == "" or prev in _BEFORE_OPENER or not _alnum(prev):
                stack.append((ch, i))
        elif ch == "’":
            if _alnum(prev) and _alnum(nxt):
                continue  # an apostrophe: IPI’s
            if stack and stack[-1][0] == "‘" and not _alnum(nxt):
                close_top(i)
        elif ch == '"':
            if any(m == '"' for m, _ in stack):
                while stack and stack[-1][0] != '"':
                    stack.pop()
                close_top(i)
            elif nxt and not nxt.isspace():
                stack.append((ch, i))
        elif ch == "'":
            if _alnum(prev) and _alnum(nxt):
                continue  # an apostrophe: children's
            if stack and stack[-1][0] == "'":
                if prev and not prev.isspace() and not _alnum(nxt):
                    close_top(i)
            elif (
                (prev == "" or prev in ' \t\n("“')
                and nxt
                and _alnum(nxt)
                # only an opener if a closing mark follows in this paragraph
                and re.search(r"[^\s]'(?![\w])", paragraph[i + 1 :])
            ):
                stack.append((ch, i))
    if stack:
        del stack[1:]
        close_top(
            None,
            "The report opens this quotation and never closes it; it is taken to run to "
            "the end of its paragraph.",
        )
    return quotes


# What comes right before a quotation that names a paper, an event, a panel …
_TITLE_NOUNS = (
    r"paper|report|study|book|forum|panel|discussion|debate|meeting|conference|session|"
    r"event|seminar|workshop|lecture|series|film|article|briefing|symposium|roundtable|"
    r"round-table|dialogue|programme|program|campaign|theme|resolution|item|document|"
    r"publication|brief|survey|project|initiative|declaration|agenda|exhibition|"
    r"consultation|summit|webinar|podcast|talk|course|chapter|volume|issue|edition|"
    r"hearing|retreat|luncheon|breakfast|dinner|reception|launch|screening|show"
)
_TITLE_BEFORE = re.compile(
    rf"(?:\b(?:entitled|titled|themed|so-called|known\s+as)\s*,?\s*$)"
    rf"|(?:(?<![\w’'-])(?!(?:he|she|they|we|i|you|who|what|which|has|have|had|also|once|"
    rf"repeatedly|often|rightly|aptly)\s)(?-i:[a-z])[\w’'-]*,?\s+(?:called|named|dubbed)\s*,?\s*$)"
    rf"|(?:\b(?:{_TITLE_NOUNS})s?\b(?P<filler>[^.;:!?“”\"]{{0,60}}?)\b(?:on|about|entitled|titled|"
    rf"called)\s*,?\s*$)"
    # "on behalf of the “A3 Plus”": the name of a group of states
    rf"|(?:\b(?:on\s+behalf\s+of|members?\s+of|[Ss]peaking\s+for)\s+(?:the\s+)?$)"
    # "published under the title “…”", "under the banner “…”"
    rf"|(?:\b(?:under|with|bearing)\s+the\s+(?:title|name|heading|banner|motto|slogan)\s*,?\s*$)"
    # "the author of “…”", "co-authored “…”": a work's title
    rf"|(?:\b(?:(?:co-?)?authors?\s+of|(?:co-?)?authored|(?:co-?)?wrote|editors?\s+of|edited)"
    rf"\s+(?:the\s+|a\s+|an\s+)?(?:(?:new|recent|forthcoming|latest)\s+)?$)"
    # "paragraph 14, on “…”", "operative paragraph 3 on “…”": the subject of a clause
    rf"|(?:\b(?:paragraphs?|articles?|clauses?|sections?|annex)\s+[\dIVXivx]+[a-z]?,?\s+"
    rf"(?:on|about|concerning|regarding)\s+$)",
    re.IGNORECASE,
)
# "the resolution “Beyond Borders”" names one; "because the resolution “mixes …”" is a
# clause the resolution is the subject of: a lower-case quotation is no title here
_TITLE_NOUN_BEFORE = re.compile(rf"\b(?:{_TITLE_NOUNS})s?\s*,?\s*$", re.IGNORECASE)


_TITLE_AFTER = re.compile(
    # "the “Lisbon Compact for Small States,” signed last year": a document, by its name
    r"^[,.]?\s*(?:(?:signed|adopted|agreed|launched|published|released|issued|endorsed|"
    r"ratified)\s|"
    r"initiative|report|campaign|programme|program|strategy|framework|agenda|"
    r"project|plan|doctrine|policy|resolution|treaty|act|declaration|summit|conference|forum|"
    r"series|platform|index|study|exhibition|film|documentary|book|podcast|coalition|"
    r"partnership|network|alliance)s?\b",
    re.IGNORECASE,
)


# a naming verb with its object right before the quotation: what follows is what the
# subject calls the object
# "was described as “…” by", "has been called “…” by": the agent after "by" said it
PASSIVE_NAMING = re.compile(
    r"(?<![\w’'-])(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?"
    r"((?:described|characteri[sz]ed|called|termed|dubbed|labell?ed|branded|hailed|praised|"
    r"critici[sz]ed|condemned|denounced|summed\s+up)(?:\s+as)?)\s+$",
    re.IGNORECASE,
)

_PREDICATE = re.compile(
    r"(?<![\w’'-])(?:call(?:s|ed)?|term(?:s|ed)|dubb(?:ed|s)|label(?:l?ed|s)|brand(?:ed|s)|"
    r"describ(?:ed|es)|consider(?:ed|s)|deem(?:ed|s))\s+(?:it|them|this|that|these|those|such|"
    r"the|its|their|his|her|our)\b[^“”\"‘’.;:]{0,40}?\s+(?:as\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)

# a noun that a lower-case quoted term describes rather than names ("a “scorched earth”
# campaign"); "the “loss and damage” agenda item" still names one
_DESCRIBED = re.compile(
    r"^[,.]?\s*(?:campaign|strategy|doctrine|plan|policy|approach|tactics?|operation)s?\b",
    re.IGNORECASE,
)


_WORD_NAMED = re.compile(
    r"\bthe\s+(?:very\s+)?(?:word|words|term|phrase|label|expression|notion|slogan)\s*$",
    re.IGNORECASE,
)
_CLAUSE_VERB = re.compile(
    r"^[,.]?\s*(?:itself\s+)?(?:has|had|have|is|was|are|were|would|could|can|may|might|"
    r"will|meant|means|did|does|appears|appeared|remained|remains|carried|carries|"
    r"became|becomes|seemed|seems|no\s+longer|now|still|already)\b",
    re.IGNORECASE,
)


def is_title(paragraph: str, quote: Quote, sentence_start: int = 0) -> bool:
    """Does the quotation name a paper, an event, a panel, an initiative or an agenda
    item ("the paper on “…”", "the meeting, entitled “…”", "the “…” initiative")?"""
    before = paragraph[max(sentence_start, quote.open - 160) : quote.open]
    if (
        before.endswith("[")
        and quote.close is not None
        and paragraph.startswith("](", quote.close + 1)
    ):
        # a Markdown link whose text is quoted: "the report [“Cold Waters”](https://…)"
        # names what it links to
        before = before[:-1]
        words = [w for w in quote.text.split() if len(w) > 3]
        title_case = bool(words) and all(w[:1].isupper() for w in words)
        if _TITLE_NOUN_BEFORE.search(before) or (
            title_case and not quote.text.endswith((".", ",", "!", "?"))
        ):
            return True
    if (
        quote.close is not None
        and _WORD_NAMED.search(before)
        and _CLAUSE_VERB.match(paragraph[quote.close + 1 : quote.close + 40])
    ):
        # "the word “reconciliation” had become so common …": a word talked about, the
        # subject of its own clause, not words anyone is quoted as saying
        return True
    if _PREDICATE.search(before):
        return False  # "has called the reports “exaggerated”": a verdict, not a title
    if (
        quote.close is not None
        and PASSIVE_NAMING.search(before)
        and re.match(
            r",?\s+by\s+(?:the\s+|an?\s+|[A-Z])", paragraph[quote.outer_end : quote.outer_end + 40]
        )
    ):
        return False  # "has been called “…” by Dr. Braun": his words, in the passive
    if (
        before.rstrip().endswith(",")
        and quote.text[:1].islower()
        and not re.search(
            r"\b(?:entitled|titled|themed|called|named)\s*,?\s*$", before, re.IGNORECASE
        )
    ):
        # "According to Jo Park, Director at the Lakeside Forum, “patience is …”": a
        # sentence's words after an organisation's name, not a title in apposition
        return False
    tm = _TITLE_BEFORE.search(before)
    if tm and not (
        # "such projects ran on “project time,”": a clause between the noun and "on"
        quote.text[:1].islower()
        and tm.group("filler")
        # not "the paper, published last year, on “…”": a participle in commas
        and not tm.group("filler").lstrip().startswith(",")
        and re.search(
            r"\b(?:[a-z]+ed|ran|run|runs|went|go|goes|was|were|is|are|had|has|have|relied|rely)\b",
            tm.group("filler"),
        )
    ):
        return True
    if _TITLE_NOUN_BEFORE.search(before) and not quote.text[:1].islower():
        return True
    if quote.close is None:
        return False
    after = paragraph[quote.close + 1 : quote.close + 40]
    # "the “Clean Seas” campaign" names one; "a “scorched earth” campaign" describes one
    if not (quote.text[:1].isupper() or quote.text[:1].isdigit()) and _DESCRIBED.match(after):
        return False
    return bool(_TITLE_AFTER.match(after)) and bool(
        re.search(r"\b(?:the|a|an|its|their|her|his)\s*$", before)
    )


def after_title_noun(paragraph: str, quote: Quote, sentence_start: int = 0) -> bool:
    """Does a document's or an event's noun stand right before the quotation ("the
    resolution “urges …”")? Words quoted from a document are nobody's speech."""
    before = paragraph[max(sentence_start, quote.open - 160) : quote.open]
    return _TITLE_NOUN_BEFORE.search(before) is not None
