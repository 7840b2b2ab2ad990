"""Term expansion: each query word as the indexed terms that count for it (its
spellings, its stem family, its typos), with how well each matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from poc_cli.text.normalise import canonical, term_key

if TYPE_CHECKING:
    from .engine import Backend

FUZZY_MAX_QUALITY = 0.85
STEM_QUALITY = 0.9


@dataclass(slots=True)
class Term:
    word: str  # folded, as typed
    key: str  # stem of canonical spelling
    stop: bool
    variants: dict[str, float] = field(default_factory=dict)  # indexed term → quality
    fuzzy: bool = False
    seen: dict[str, float] = field(default_factory=dict)  # memo of quality


def _max_edits(length: int) -> int:
    return 1 if length <= 5 else 2 if length <= 11 else 3


def _fuzzy_terms(index: Backend, word: str, limit: int = 6) -> list[tuple[str, float]]:
    """Indexed terms a typo of which ``word`` could be: (term, similarity 0–1)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    n = len(word)
    edits = _max_edits(n)
    candidates = index.terms_of_length(max(1, n - edits), n + edits, word[:2])
    if not candidates:
        return []
    terms = [t for t, _ in candidates]
    found = process.extract(word, terms, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=60)
    out = []
    for term, score, _ in found:
        if OSA.distance(word, term) <= edits and not term.isdigit():
            out.append((term, score / 100.0))
    return out[:limit]


def expand(index: Backend, word: str, *, stop: bool, fuzzy: bool = True) -> Term:
    term = Term(word=word, key=term_key(word), stop=stop)
    canon = canonical(word)
    for indexed, indexed_canon, _df in index.family(term.key):
        term.variants[indexed] = 1.0 if indexed_canon == canon else STEM_QUALITY
    if (
        fuzzy
        and not any(q == 1.0 for q in term.variants.values())
        and not stop
        and len(word) >= 4
        and not word.isdigit()
    ):
        for indexed, similarity in _fuzzy_terms(index, word):
            quality = FUZZY_MAX_QUALITY * similarity
            if quality > term.variants.get(indexed, 0.0):
                term.variants[indexed] = quality
                term.fuzzy = True
    return term
