"""Joining the lines of a paragraph that a typesetter or an editor broke: one rule for
PDFs (readers/pdf.py) and for hard-wrapped plain text and Markdown (readers/wrapped.py).

Lines join with one space; but not after a soft hyphen (dropped), a slash, or a dash (–, —)
or a hyphen that follows a digit ("20-" + "year"); and a line ending in a word and a hyphen
("-") joins the next line without a space, keeping or dropping the hyphen so: before a
capital or a digit the hyphen is kept ("Under-Secretary-" + "General", "mid-" + "2019").
Before a small letter the document decides: the hyphen is kept if the hyphenated word
appears elsewhere in it ("non-state"), dropped if the joined word does ("protection"), and,
if neither, kept after an all-capital part ("UN-") or a common compound prefix
(``_COMPOUND_PREFIXES``: "non-", "self-", "cross-", "well-", "two-" ...) or inside a compound
("mission-head-" + "level"), and dropped otherwise, as a line-end hyphen in running text is
most often the typesetter's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Final

_WORD: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHEN_END: Final = re.compile(r"(-?)([^\W\d_]+)-$")
_LEADING_WORD: Final = re.compile(r"^[^\W\d_]+")
_COMPOUND_PREFIXES: Final = frozenset(
    [
        "non",
        "self",
        "anti",
        "cross",
        "multi",
        "semi",
        "quasi",
        "well",
        "ex",
        "vice",
        "half",
        "mid",
        "full",
        "long",
        "short",
        "high",
        "low",
        "large",
        "small",
        "all",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "twenty",
        "thirty",
        "fifty",
        "hundred",
        "first",
        "second",
        "third",
    ]
)


def vocabulary(lines: Iterable[str]) -> Counter[str]:
    """Every word of the document, lower-cased, and every part of a hyphenated one."""
    words: Counter[str] = Counter()
    for line in lines:
        for word in _WORD.findall(line.lower()):
            words[word] += 1
            if "-" in word:
                words.update(word.split("-"))
    return words


def join_lines(lines: list[str], words: Counter[str]) -> str:
    """One paragraph's lines as one line, by the rules above."""
    text = lines[0]
    for nxt in lines[1:]:
        if text.endswith("\u00ad"):
            text = text[:-1] + nxt
            continue
        hyphen = _HYPHEN_END.search(text)
        if hyphen is not None:
            keep = keep_hyphen(hyphen.group(2), nxt, words, compound=bool(hyphen.group(1)))
            text = text if keep else text[:-1]
            text += nxt
        elif len(text) > 1 and text[-1] in "-/–—" and text[-2] != " ":
            text += nxt
        else:
            text += " " + nxt
    return text.replace("\u00ad", "")


def keep_hyphen(before: str, after: str, words: Counter[str], *, compound: bool) -> bool:
    """Whether ``before-`` at a line's end and ``after`` on the next line make a hyphenated
    word (True) or one word the typesetter broke (False)."""
    if not after[:1].islower() or compound:
        return True
    match = _LEADING_WORD.match(after)
    if match is None:
        return True
    rest = match.group(0).lower()
    joined, hyphenated = before.lower() + rest, before.lower() + "-" + rest
    if words[hyphenated] > words[joined]:
        return True
    if words[joined]:
        return False
    return (len(before) > 1 and before.isupper()) or before.lower() in _COMPOUND_PREFIXES
