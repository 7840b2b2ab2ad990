"""Text folding for matching: the one place that decides when two words are "the same".

Everything that compares what a person typed with what the dataset says goes through
here, so that search, speaker resolution and the index agree:

* :func:`fold` — a whole string folded for comparison: case folded, diacritics
  and invisible characters stripped (``Agnès`` → ``agnes``), curly quotes and apostrophes made straight, hyphens,
  dashes, slashes and odd whitespace (no-break space, tabs, line breaks) made one
  space.  Use it for names and titles.
* :func:`tokenize` — the words of a text, each folded, **with its character offsets in
  the original text**, so a match can be highlighted on the exact text the dataset
  holds (which is never altered).
* :func:`canonical` — British and American spellings meet on one form
  (``instrumentalise``/``instrumentalize``, ``favour``/``favor``,
  ``centre``/``center``, ``defence``/``defense``, ``analyse``/``analyze``…): a few
  suffix rules and short exception lists, applied to single folded words.
* :func:`stem` — a deliberately light stemmer (plural ``s``/``es``/``ies``, ``ing``,
  ``ed``), so that "myth" finds "myths"; a stem match ranks below an exact word.

Words are runs of letters, digits and combining marks — the same split SQLite's
``unicode61`` tokenizer makes, so the index and this module see the same words.
Only the standard library is imported: this module is cheap to import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .invisible import INVISIBLE_CHARACTERS, drop_invisible

__all__ = [
    "STOPWORDS",
    "Token",
    "canonical",
    "fold",
    "fold_word",
    "is_stopword",
    "stem",
    "term_key",
    "tokenize",
    "words",
]

# Characters that become a plain space or a straight quote before anything else.
_SPACE_LIKE = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\n\r\f\v\u2028\u2029\u0085"
)
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d/"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"

_TRANSLATE: dict[int, str | None] = {}
for _c in _SPACE_LIKE + _DASHES:
    _TRANSLATE[ord(_c)] = " "
for _c in _SINGLE_QUOTES:
    _TRANSLATE[ord(_c)] = "'"
for _c in _DOUBLE_QUOTES:
    _TRANSLATE[ord(_c)] = '"'

# A word: letters, digits and the combining marks that belong to them.  "_" is a
# separator, as it is for SQLite's unicode61 tokenizer.  Invisible characters inside a
# word (``neu\u200btrality``, a soft hyphen) belong to it and are dropped from its
# folded form: they neither hide a word nor split it.  The index is fed text without
# them (:func:`drop_invisible`), so both sides see the same words.
_LETTERS = r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+"
_WORD = re.compile(f"{_LETTERS}(?:[{INVISIBLE_CHARACTERS}]+{_LETTERS})*")
_SPACES = re.compile(r"\s+")


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` folded for comparison: ``"Ba-Konaré’s"`` → ``"ba konare's"``.

    The result has single spaces and no leading or trailing space.  It is not
    offset-preserving; use :func:`tokenize` when positions matter.
    """
    folded = _strip_marks(drop_invisible(text).translate(_TRANSLATE).casefold())
    return _SPACES.sub(" ", folded).strip()


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word (as :func:`tokenize` cuts them) folded: casefold, no diacritics, no
    invisible characters."""
    return _strip_marks(drop_invisible(word).casefold())


@dataclass(frozen=True, slots=True)
class Token:
    """A word of some text: its folded form and where it stands in the original."""

    term: str  # folded (casefold, no diacritics); spelling not canonicalised
    start: int  # offset of the first character in the original text
    end: int  # offset after the last character in the original text


def tokenize(text: str) -> list[Token]:
    """The words of ``text``, folded, each with its span in ``text`` itself.

    Hyphens, apostrophes and every punctuation mark separate words, so
    "intelligence-driven" gives "intelligence" and "driven", and "it’s" gives "it"
    and "s" whichever apostrophe was typed.
    """
    return [Token(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Just the folded words of ``text``."""
    return [fold_word(w) for w in _WORD.findall(text)]


# ------------------------------------------------------------------ spelling

# -ise/-ize: words where "ise" is not the British form of "ize".
_ISE_EXCEPTIONS = frozenset(
    [
        "advertise",
        "advise",
        "apprise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "noise",
        "otherwise",
        "paradise",
        "poise",
        "praise",
        "precise",
        "premise",
        "promise",
        "raise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "likewise",
        "clockwise",
        "anticlockwise",
        "counterclockwise",
        "cruise",
        "bruise",
        "guise",
        "reprise",
        "dispraise",
        "valise",
        "mortise",
        "sunrise",
        "uprise",
        "tortoise",
        "porpoise",
        "turquoise",
        "vise",
    ]
)
# -our/-or: the British words; their American form drops the "u".
_OUR_WORDS = frozenset(
    [
        "ardour",
        "armour",
        "behaviour",
        "candour",
        "clamour",
        "colour",
        "demeanour",
        "endeavour",
        "favour",
        "fervour",
        "flavour",
        "glamour",
        "harbour",
        "honour",
        "humour",
        "labour",
        "neighbour",
        "odour",
        "parlour",
        "rancour",
        "rigour",
        "rumour",
        "saviour",
        "savour",
        "splendour",
        "succour",
        "tumour",
        "valour",
        "vapour",
        "vigour",
    ]
)
# Whole-word pairs (British → American) that no small rule covers.
_WORD_PAIRS = {
    "centre": "center",
    "theatre": "theater",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "calibre": "caliber",
    "sabre": "saber",
    "spectre": "specter",
    "lustre": "luster",
    "meagre": "meager",
    "sombre": "somber",
    "manoeuvre": "maneuver",
    "defence": "defense",
    "offence": "offense",
    "pretence": "pretense",
    "licence": "license",
    "catalogue": "catalog",
    "analogue": "analog",
    "programme": "program",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "grey": "gray",
    "plough": "plow",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "skilful": "skillful",
    "wilful": "willful",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "paediatric": "pediatric",
    "aluminium": "aluminum",
    "cheque": "check",
    "jewellery": "jewelry",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
}
# Verbs that double a final "l" in British English (travelled / traveled).
_DOUBLE_L_STEMS = frozenset(
    [
        "cancel",
        "channel",
        "counsel",
        "equal",
        "fuel",
        "label",
        "level",
        "marshal",
        "model",
        "signal",
        "total",
        "travel",
        "tunnel",
        "dial",
        "duel",
        "jewel",
        "label",
        "libel",
        "marvel",
        "panel",
        "pencil",
        "quarrel",
        "shovel",
        "snorkel",
        "swivel",
        "tranquil",
        "unravel",
    ]
)


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The American spelling of a folded word, or the word itself.

    ``canonical("instrumentalise") == canonical("instrumentalize")``; words the rules
    do not know pass through unchanged.  Rules are conservative: a missed pair only
    costs a fuzzy match, a wrong one would join words that differ.
    """
    if len(word) < 4 or not word.isascii():
        return word
    pair = _WORD_PAIRS.get(word)
    if pair is not None:
        return pair
    for rest in ("s", "d", "ed", "es", "r", "rs", "ing"):
        if word.endswith(rest):
            pair = _WORD_PAIRS.get(word[: -len(rest)])
            if pair is not None and len(pair) >= 5:
                return pair + rest
    if "is" not in word and "ys" not in word and "our" not in word and "ll" not in word:
        return word
    # -ise → -ize, -isation → -ization, -yse → -yze
    for suffix_from, suffix_to in (("is", "iz"), ("ys", "yz")):
        for ending in ("ation", "ations", "ational", "ing", "ed", "es", "er", "ers", "e"):
            tail = suffix_from + ending
            if word.endswith(tail):
                head = word[: -len(tail)]
                if len(head) < 2:
                    break
                base = head + suffix_from + "e"
                if suffix_from == "is" and (base in _ISE_EXCEPTIONS or len(base) <= 5):
                    break
                if suffix_from == "is" and base.endswith(("wise", "vise", "guise", "prise")):
                    break  # otherwise, supervise, disguise, comprise …
                return head + suffix_to + ending
    # -our → -or
    for ending in ("", "s", "ed", "ing", "able", "ably", "ite", "ites", "er", "ers", "ful"):
        if word.endswith(ending):
            head = word[: len(word) - len(ending)] if ending else word
            if head in _OUR_WORDS:
                return head[:-2] + "r" + ending
    # travelled → traveled
    for ending in ("led", "ling", "ler", "lers"):
        if word.endswith("l" + ending):
            head = word[: -len(ending)]
            if head in _DOUBLE_L_STEMS:
                return head + ending[1:]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem of a canonical word: "myths" → "myth", "engaging" → "engag"."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("ses", "xes", "ches", "shes", "zes")):
                word = word[:-1]  # "tables" → "table" (then the final "e" below)
            else:
                word = word[: -len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def term_key(word: str) -> str:
    """The key two folded words must share to count as the same word but for form."""
    return stem(canonical(word))


STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
    ]
)


def is_stopword(word: str) -> bool:
    return word in STOPWORDS
