"""Scoring and spans: how well a statement answers a query (pure: strings in, numbers out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from poc_cli.text.normalise import Token, canonical, term_key, tokenize, words

from .expand import STEM_QUALITY, Term

if TYPE_CHECKING:
    from poc_cli.index import StatementRow

    from .query import SearchQuery

EXACT_BAND = 90.0
FIELD_FACTORS = {"text": 1.0, "items": 1.0, "topics": 0.85, "speaker": 0.85, "org": 0.75}
STOPWORD_WEIGHT = 0.3
SCORED_MAX_CHARS = 100_000
"""Of a longer statement only the first this many characters are scored and highlighted
(the index still finds it by every word): tokenizing a 48 MB statement on every search
took 20 s and 1.4 GB.  The statement itself is always served whole."""
PAST_SCORED_SCORE = 1.0
"""The score of a long statement the index matched only past its scored part: found,
after everything whose match could be seen, with nothing highlighted."""


def token_quality(term: Term, token: str) -> float:
    """How well a folded word of a statement matches a query term (0–1)."""
    quality = term.seen.get(token)
    if quality is None:
        quality = term.variants.get(token)
        if quality is None:
            if term_key(token) == term.key:
                quality = 1.0 if canonical(token) == canonical(term.word) else STEM_QUALITY
            else:
                quality = 0.0
        term.seen[token] = quality
    return quality


def _best_run(matches: list[list[int]]) -> int:
    """Longest run of consecutive query words found in order, each within 2 tokens."""
    best = 0
    previous: dict[int, int] = {}
    for positions in matches:
        current: dict[int, int] = {}
        for p in positions:
            run = 1 + max((previous.get(p - d, 0) for d in (1, 2)), default=0)
            current[p] = run
            best = max(best, run)
        previous = current
    return best


def _exact_run(exact: list[list[int]]) -> bool:
    if not exact or not exact[0]:
        return False
    starts = set(exact[0])
    for i, positions in enumerate(exact[1:], 1):
        starts &= {p - i for p in positions}
        if not starts:
            return False
    return True


def _contains_phrase(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    canon = [canonical(t) for t in tokens]
    target = [canonical(w) for w in phrase]
    n = len(target)
    return any(canon[i : i + n] == target for i in range(len(canon) - n + 1))


def _name_words(name: str, forms: tuple[str, ...]) -> list[str]:
    """The words a speaker is found by, as the index's speaker column holds them (name,
    honorific, aliases), and a name of several words also written as one
    (``vandenberg``, ``dirazza``), as :func:`poc_cli.names.name_keys` takes them.
    A query that names a person finds the same statements in every format."""
    found = words(" ".join((name, *forms)))
    parts = words(name)
    found.extend("".join(parts[i:]) for i in range(len(parts) - 1))
    return found


def score_row(
    row: StatementRow, terms: dict[str, Term], query: SearchQuery
) -> tuple[float, tuple[tuple[int, int], ...]] | None:
    text = row.text
    long = len(text) > SCORED_MAX_CHARS
    if long:
        end = text.rfind(" ", SCORED_MAX_CHARS // 2, SCORED_MAX_CHARS)
        text = text[: end if end > 0 else SCORED_MAX_CHARS]
    text_tokens = tokenize(text)
    fields: dict[str, list[str]] = {
        "text": [t.term for t in text_tokens],
        "items": words("\n".join(row.items)),
        "topics": words(" ".join(row.topic_labels)),
        "speaker": _name_words(row.speaker_name, row.speaker_forms),
        "org": words(" ".join(row.organisations)),
    }
    everything = [t for tokens in fields.values() for t in tokens]
    # Exclusions and required phrases, checked on the folded words.
    excluded = {canonical(w) for w in query.excluded}
    if excluded and any(canonical(t) in excluded for t in everything):
        return None
    for phrase in query.phrases:
        # (past the scored part of a long text, the index's phrase match stands)
        if not long and not any(_contains_phrase(tokens, phrase) for tokens in fields.values()):
            return None

    has_content = any(not terms[w].stop for w in query.words)
    total = covered = 0.0
    seen: set[str] = set()
    for w in query.words:
        if w in seen:
            continue
        seen.add(w)
        term = terms[w]
        weight = STOPWORD_WEIGHT if term.stop and has_content else 1.0
        best = 0.0
        for name, tokens in fields.items():
            factor = FIELD_FACTORS[name]
            for token in tokens:
                q = token_quality(term, token) * factor
                if q > best:
                    best = q
                    if best >= 1.0:
                        break
            if best >= 1.0:
                break
        total += weight
        covered += weight * best
    coverage = covered / total if total else 0.0
    if coverage <= 0.0:
        # Every candidate is a match of the index: in a long text, past the part scored.
        return (PAST_SCORED_SCORE, ()) if long else None

    text_terms = fields["text"]
    qualities = [[token_quality(terms[w], t) for t in text_terms] for w in query.words]
    near = [[i for i, q in enumerate(row_q) if q > 0.0] for row_q in qualities]
    exact = [[i for i, q in enumerate(row_q) if q >= 1.0] for row_q in qualities]
    n = len(query.words)
    phrase_in_text = _exact_run(exact)
    if not phrase_in_text and row.items:
        item_terms = fields["items"]
        phrase_in_text = _exact_run(
            [
                [i for i, t in enumerate(item_terms) if token_quality(terms[w], t) >= 1.0]
                for w in query.words
            ]
        )
    if phrase_in_text:
        density = n / max(n, len(text_terms))
        score = EXACT_BAND + (100.0 - EXACT_BAND) * density
    else:
        proximity = _best_run(near) / n if n else 0.0
        score = (EXACT_BAND - 2.0) * coverage * (0.7 + 0.3 * proximity)
    content = {
        i
        for w, row_q in zip(query.words, qualities, strict=True)
        if not terms[w].stop
        for i, q in enumerate(row_q)
        if q > 0
    }
    matched = {i for row_q in qualities for i, q in enumerate(row_q) if q > 0}
    return round(min(100.0, max(0.0, score)), 1), match_spans(text, text_tokens, matched, content)


def match_spans(
    text: str, tokens: list[Token], matched: set[int], content: set[int]
) -> tuple[tuple[int, int], ...]:
    """Spans of the matched words; a stop word only inside a stretch with a content word."""
    stretches: list[list[int]] = []
    for i in sorted(matched):
        if stretches and stretches[-1][-1] == i - 1:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    keep = [
        i
        for stretch in stretches
        if not content or any(i in content for i in stretch)
        for i in stretch
    ]
    spans: list[list[int]] = []
    previous = -2
    for i in keep:
        start, end = tokens[i].start, tokens[i].end
        if (
            spans
            and previous == i - 1
            and text[spans[-1][1] : start] in ("-", " ", "\u2011", "'", "\u2019")
        ):
            spans[-1][1] = end  # "zero-sum", "finger on": one span
        else:
            spans.append([start, end])
        previous = i
    return tuple((s, e) for s, e in spans)
