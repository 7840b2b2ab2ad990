"""A report's text into paragraphs, and paragraphs into sentences.

Paragraphs are the blocks between blank lines (a line holding only spaces or tabs is
blank), kept verbatim: leading indentation, inner line breaks and trailing spaces stay.
A report with no blank line at all is taken one line to a paragraph. The reader
normalises CRLF/CR to LF before the text gets here; a stray CR is treated as LF anyway.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def split_paragraphs(text: str) -> list[str]:
    """The report's paragraphs, verbatim, in order (empty blocks dropped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text.strip("\n")) else text.split("\n")
    return [block for block in (b.strip("\n") for b in blocks) if block.strip()]


class Span(NamedTuple):
    """A sentence of a paragraph: ``paragraph[start:end]`` (whitespace trimmed)."""

    start: int
    end: int


# Tokens before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "amb",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "st",
        "no",
        "nos",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "approx",
        "dept",
        "est",
        "fig",
        "hon",
        "rev",
        "adm",
        "capt",
        "cmdr",
        "maj",
        "sgt",
        "univ",
        "mt",
        "ft",
        "op",
        "vol",
        "pp",
        "art",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

_OPENERS = "“‘\"'"
_CLOSERS = "”’\"')]"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation or an initial?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "Ana J. Lopes"
        return True
    if "." in word:  # "U.S", "U.N", "H.E", "Q.C", "e.g"
        return True
    # "Major General (Retd.) Jo Park": a retired rank, part of the honorific
    if word.lower() in ("ret", "retd", "rtd") and start > 0 and text[start - 1] == "(":
        return True
    return word.lower() in ABBREVIATIONS


def split_sentences(paragraph: str, protected: list[tuple[int, int]] | None = None) -> list[Span]:
    """Sentences of one paragraph, as spans; never split inside a ``protected`` span.

    ``protected`` are the quotations (start of the opening mark, end after the closing
    mark): a full stop inside a quotation does not end the report's sentence, unless it
    is the last thing before the closing mark. Line breaks always end a sentence (list
    items, headings, one-line paragraphs).
    """
    inside = [False] * (len(paragraph) + 1)
    for start, end in protected or []:
        for i in range(start + 1, max(start + 1, end - 1)):
            inside[i] = True
    cuts: list[int] = []
    n = len(paragraph)
    i = 0
    while i < n:
        ch = paragraph[i]
        if ch == "\n":
            cuts.append(i)
            i += 1
            continue
        if ch in ".?!…" and not (ch == "." and _is_abbreviation(paragraph, i)):
            j = i + 1
            while j < n and paragraph[j] in ".?!":
                j += 1
            while j < n and paragraph[j] in _CLOSERS:
                j += 1
            if j < n and inside[j]:
                i += 1
                continue
            k = j
            while k < n and paragraph[k] in " \t\u00a0":
                k += 1
            if k >= n:
                i = j
                continue
            nxt = paragraph[k]
            glued = k == j
            if glued:
                # "level.Meanwhile", "concluded.“We": only after a lower-case word
                prev = paragraph[i - 1] if i > 0 else ""
                ok = (
                    ch == "."
                    and prev.islower()
                    and (
                        nxt in "“‘" or (nxt.isupper() and k + 1 < n and paragraph[k + 1].islower())
                    )
                )
                if ok and not inside[k]:
                    cuts.append(j)
                i = j
                continue
            if (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "•-–(") and not inside[
                k
            ]:
                if ch == "…" and not nxt.isupper():
                    i = j
                    continue
                cuts.append(j)
            i = j
            continue
        i += 1
    spans: list[Span] = []
    start = 0
    for cut in [*cuts, n]:
        s, e = start, cut
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
        start = cut
    return spans
