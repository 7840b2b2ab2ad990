"""Query syntax: what was typed, as words to find, "exact phrases" and -excluded words."""

from __future__ import annotations

import re
from typing import NamedTuple

from poc_cli.errors import UsageError, unknown
from poc_cli.filters import SearchFilters
from poc_cli.model import STATEMENT_KINDS
from poc_cli.text.normalise import tokenize, words

DEFAULT_LIMIT = 20
MAX_LIMIT = 1 << 40
MAX_TERMS = 32
"""Words beyond this many distinct ones are ignored (with a warning)."""


class PhraseForm(NamedTuple):
    """A phrase as it would be with an apostrophe more or less: its folded words, and
    how to show it (``it's really a tool`` for the typed ``its really a tool``)."""

    words: tuple[str, ...]
    shown: str


class SearchQuery(NamedTuple):
    text: str  # as typed
    words: tuple[str, ...]  # folded words to find, in typed order (phrase words included)
    phrases: tuple[tuple[str, ...], ...]  # folded words of each "quoted phrase"
    excluded: tuple[str, ...]  # folded -words
    filters: SearchFilters = SearchFilters()
    limit: int = DEFAULT_LIMIT
    min_score: float = 0.0
    truncated: bool = False  # more than MAX_TERMS distinct words were typed
    # Of each phrase (in the order of ``phrases``), the forms an apostrophe apart
    # ("its" and "it's"), which search tries when the phrase as typed finds nothing.
    phrase_forms: tuple[tuple[PhraseForm, ...], ...] = ()


_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        # The modifier letter apostrophe is a letter to the index's tokenizer (``itʼs`` is one
        # word there): typed, it is the apostrophe that the report prints as ’.
        "\u02bc": "'",
    }
)
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
    forms: list[tuple[PhraseForm, ...]] = []
    ordered: list[str] = []
    excluded: list[str] = []
    pos = 0
    for match in _PHRASE.finditer(typed):
        _loose(typed[pos : match.start()], ordered, excluded)
        phrase = tuple(words(match.group(1)))
        if phrase:
            phrases.append(phrase)
            forms.append(apostrophe_forms(match.group(1)))
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
        kept = [i for i, p in enumerate(phrases) if set(p) <= keep]
        phrases = [phrases[i] for i in kept]
        forms = [forms[i] for i in kept]
    return SearchQuery(
        text=text,
        words=tuple(ordered),
        phrases=tuple(phrases),
        excluded=tuple(dict.fromkeys(excluded)),
        filters=filters,
        limit=limit,
        min_score=min_score,
        truncated=truncated,
        phrase_forms=tuple(forms),
    )


def _loose(chunk: str, ordered: list[str], excluded: list[str]) -> None:
    for part in chunk.split():
        if len(part) > 1 and part[0] in "-\u2212" and part[1] not in "-\u2212":
            excluded.extend(words(part[1:]))
        else:
            ordered.extend(words(part))


APOSTROPHES = "'\u2019\u2018\u02bc\u2032\u201b`\u00b4"
"""What people type or print for an apostrophe (straight, curly, the modifier letter …)."""
MODIFIER_APOSTROPHE = "\u02bc"
"""ʼ, which some reports print for an apostrophe: a letter to the index's tokenizer (and
to :func:`~poc_cli.text.normalise.tokenize`), so ``itʼs`` is one word there."""
_NT_HEADS = frozenset(
    [
        "ain",
        "aren",
        "can",
        "couldn",
        "didn",
        "doesn",
        "don",
        "hadn",
        "hasn",
        "haven",
        "isn",
        "mightn",
        "mustn",
        "needn",
        "oughtn",
        "shan",
        "shouldn",
        "wasn",
        "weren",
        "won",
        "wouldn",
    ]
)
_PRONOUNS = frozenset(
    [
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "that",
        "there",
        "who",
        "what",
        "where",
        "here",
        "how",
    ]
)
_CLITICS = ("ll", "re", "ve", "d", "m")
PHRASE_FORMS_MAX = 8
"""At most this many other forms of one phrase are tried (each is a look-up)."""


def _splits(word: str) -> list[tuple[str, str]]:
    """``word`` as two words an apostrophe would make of it: ``its`` → it's, ``dont``
    → don't, ``youre`` → you're, ``groups`` → group's."""
    found = []
    if word.endswith("s") and len(word) >= 3 and not word.endswith(("ss", "us", "is")):
        found.append((word[:-1], "s"))
    if word.endswith("t") and word[:-1] in _NT_HEADS:
        found.append((word[:-1], "t"))
    for clitic in _CLITICS:
        if word.endswith(clitic) and word[: -len(clitic)] in _PRONOUNS:
            found.append((word[: -len(clitic)], clitic))
    return found


def apostrophe_forms(phrase: str) -> tuple[PhraseForm, ...]:
    """The other forms of ``phrase`` that differ from it by apostrophes alone: a word
    split where an apostrophe would stand (``its`` as ``it's``), or two words an
    apostrophe separates joined (``it's`` as ``its``), and either written with ʼ
    (``itʼs``, one word to the index).  Straight and curly apostrophes need no form
    of their own: each separates words, as in the index.  Fewest changes first, at
    most :data:`PHRASE_FORMS_MAX`."""
    tokens = tokenize(phrase)
    # Each slot: the choices for one typed word, or for two an apostrophe joins.
    slots: list[list[tuple[tuple[str, ...], str, int]]] = []  # (words, shown, changes)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        typed = phrase[token.start : token.end]
        if i + 1 < len(tokens) and phrase[token.end : tokens[i + 1].start] in APOSTROPHES:
            after = tokens[i + 1]
            both = phrase[token.start : after.end]
            slots.append(
                [
                    ((token.term, after.term), both, 0),
                    ((token.term + after.term,), typed + phrase[after.start : after.end], 1),
                    # The modifier letter apostrophe is a letter to the index: one word.
                    ((token.term + MODIFIER_APOSTROPHE + after.term,), both, 1),
                ]
            )
            i += 2
            continue
        choices: list[tuple[tuple[str, ...], str, int]] = [((token.term,), typed, 0)]
        for head, clitic in _splits(token.term):
            cut = len(typed) - len(clitic)
            choices.append(((head, clitic), typed[:cut] + "'" + typed[cut:], 1))
            choices.append(
                ((head + MODIFIER_APOSTROPHE + clitic,), typed[:cut] + "'" + typed[cut:], 1)
            )
        slots.append(choices)
        i += 1
    combos: list[tuple[tuple[str, ...], str, int]] = [((), "", 0)]
    for choices in slots:
        combos = [
            (w + more, (shown + " " + part).strip(), n + changes)
            for w, shown, n in combos
            for more, part, changes in choices
        ]
        combos.sort(key=lambda c: c[2])
        combos = combos[: PHRASE_FORMS_MAX + 1]
    return tuple(PhraseForm(w, shown) for w, shown, n in combos if n)
