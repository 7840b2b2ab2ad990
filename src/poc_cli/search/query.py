"""Query syntax: what was typed, as words to find, "exact phrases" and -excluded words."""

from __future__ import annotations

import re
from typing import NamedTuple

from poc_cli.errors import UsageError, unknown
from poc_cli.filters import SearchFilters
from poc_cli.model import STATEMENT_KINDS
from poc_cli.text.normalise import words

DEFAULT_LIMIT = 20
MAX_LIMIT = 1 << 40
MAX_TERMS = 32
"""Words beyond this many distinct ones are ignored (with a warning)."""


class SearchQuery(NamedTuple):
    text: str  # as typed
    words: tuple[str, ...]  # folded words to find, in typed order (phrase words included)
    phrases: tuple[tuple[str, ...], ...]  # folded words of each "quoted phrase"
    excluded: tuple[str, ...]  # folded -words
    filters: SearchFilters = SearchFilters()
    limit: int = DEFAULT_LIMIT
    min_score: float = 0.0
    truncated: bool = False  # more than MAX_TERMS distinct words were typed


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_PHRASE = re.compile(r'"([^"]*)"?')


def parse_query(
    text: str,
    *,
    filters: SearchFilters | None = None,
    limit: int = DEFAULT_LIMIT,
    min_score: float = 0.0,
) -> SearchQuery:
    """Parse what was typed; see the module docstring for the syntax."""
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    # "At most this many": more than any corpus holds means all of them (and a number
    # above SQLite's 64-bit integers would not reach the database).
    limit = min(limit, MAX_LIMIT)
    if not 0.0 <= min_score <= 100.0:
        raise UsageError(f"--min-score must be between 0 and 100, not {min_score:g}")
    filters = filters or SearchFilters()
    if filters.kind is not None and filters.kind not in STATEMENT_KINDS:
        raise unknown("kind", filters.kind, STATEMENT_KINDS)

    typed = text.translate(_QUOTES)
    phrases: list[tuple[str, ...]] = []
    ordered: list[str] = []
    excluded: list[str] = []
    pos = 0
    for match in _PHRASE.finditer(typed):
        _loose(typed[pos : match.start()], ordered, excluded)
        phrase = tuple(words(match.group(1)))
        if phrase:
            phrases.append(phrase)
            ordered.extend(phrase)
        pos = match.end()
    _loose(typed[pos:], ordered, excluded)

    if not ordered:
        if excluded:
            raise UsageError("the query only excludes words; add a word to search for")
        raise UsageError(
            "the query has no words to search for (letters or digits); "
            'try a word, a "phrase in quotes", or -word to exclude one'
        )
    distinct = list(dict.fromkeys(ordered))
    truncated = len(distinct) > MAX_TERMS
    if truncated:
        keep = set(distinct[:MAX_TERMS])
        ordered = [w for w in ordered if w in keep]
        phrases = [p for p in phrases if set(p) <= keep]
    return SearchQuery(
        text=text,
        words=tuple(ordered),
        phrases=tuple(phrases),
        excluded=tuple(dict.fromkeys(excluded)),
        filters=filters,
        limit=limit,
        min_score=min_score,
        truncated=truncated,
    )


def _loose(chunk: str, ordered: list[str], excluded: list[str]) -> None:
    for part in chunk.split():
        if len(part) > 1 and part[0] in "-\u2212" and part[1] not in "-\u2212":
            excluded.extend(words(part[1:]))
        else:
            ordered.extend(words(part))
