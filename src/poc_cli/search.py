"""``poc search``: ranked, forgiving search over statements (the core; no printing).

API
    ``parse_query(text, filters=..., limit=..., min_score=...) -> SearchQuery``
        Splits what was typed into words, ``"exact phrases"`` (straight or curly
        quotes) and ``-excluded`` words.  Raises :class:`~poc_cli.errors.UsageError`
        for a query with nothing to search for (blank, only punctuation or emoji, only
        exclusions), a bad ``--kind``, ``--limit`` or ``--min-score``.
    ``search(data, query, load=..., progress=...) -> SearchResult``
        Searches the datasets ``data`` names through the cached index
        (:mod:`poc_cli.index`); the warm path never parses the JSON datasets.
    ``search_corpus(corpus, query) -> SearchResult``
        The same search over an in-memory :class:`~poc_cli.model.Corpus`.
    ``search_index(index, query) -> SearchResult``
        The same over an open :class:`~poc_cli.index.Index`.

Each :class:`Hit` carries every field needed to render it (statement id, event,
speaker id and name, session id and title, kind, full text, items, topics,
paragraphs, note), a ``score`` and the matched ``spans`` as ``(start, end)`` character
offsets into ``Hit.text`` exactly as the dataset holds it.  :meth:`Hit.record` gives
the JSON object (the statement shape of ``poc quotes --json`` plus ``score`` and
``spans``).

Scores run from 0 to 100:

* 90–100: every word of the query found exactly (spelling variants count as exact),
  in order and side by side in the statement — an exact phrase.  Within the band,
  shorter statements (the phrase is more of the statement) score higher.
* below 90: ``88 × coverage × (0.7 + 0.3 × proximity)``, where *coverage* is how much
  of the query was found (a stem match such as "myth"/"myths" counts 0.9, a typo
  match at most 0.85, a match only in the topics or speaker name 0.85, only in the
  organisation 0.75; stop words weigh less than other words) and *proximity* is the
  longest in-order run of query words found close together, over the query length.

So an exact phrase always ranks above a fuzzy match.

How it stays fast: query words are matched against the corpus *vocabulary* (each
distinct indexed term, with its canonical spelling and stem), never against every
statement; typos are forgiven by rapidfuzz over the vocabulary terms of similar
length; FTS5 then finds the statements holding the expanded words, in stages from
the narrowest to the broadest, stopping once a stage has brought enough candidates:

1. (two words or more) the exact phrase, as typed, in the text or items;
2. the same words near each other (``NEAR``), in the text or items;
3. every word, in the text or items;
4. every word, in any column (topics, speaker names, organisations too);
5. any of the non-stop words.

Only the best few dozen of each stage (by bm25) are rescored here.

Common words on a huge corpus: bm25 costs microseconds per matching statement, and
"armed" is in half of a million statements.  So a stage with more than
:data:`~poc_cli.index.RANK_CAP` matches (per FTS table) is not ranked by bm25: it
gives the *shortest* matching statements instead (rowids begin with the statement's
length, and FTS5 walks matches in rowid order, so that costs a few thousand rowids).
Stages 1–2 are never ranked by bm25 (a phrase's bm25 scans every statement holding
its words several times).  The trade-off: among statements that score the same here,
ties go to the shorter, then the earlier statement, not to bm25's preference for
repeated words; and a statement whose words are far apart or split between columns
is a candidate only when the narrower stages found too few.  Since an exact phrase
scores by the statement's length alone, and a whole match in the text outscores one
that needs a topic or name, the stages and "shortest first" agree with the score
below.  A corpus where no stage has more than RANK_CAP matches (the bundled
seminar, anything up to tens of thousands of statements for most words) is ranked
by bm25 throughout.

Nothing found: ``SearchResult.suggestion`` holds a corrected query, but only if that
query does find something.  A query that is a person's name fills
``SearchResult.matched_speakers`` so the CLI can show that person first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import UsageError, unknown
from .filters import SearchFilters
from .model import STATEMENT_KINDS, Corpus, Speaker
from .text.normalise import Token, canonical, is_stopword, term_key, tokenize, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from .index import Index, Progress, StatementRow

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_TERMS",
    "Hit",
    "SearchFilters",
    "SearchQuery",
    "SearchResult",
    "parse_query",
    "search",
    "search_corpus",
    "search_index",
]

DEFAULT_LIMIT = 20
MAX_LIMIT = 1 << 40
MAX_TERMS = 32
"""Words beyond this many distinct ones are ignored (with a warning)."""
EXACT_BAND = 90.0
FUZZY_MAX_QUALITY = 0.85
STEM_QUALITY = 0.9
FIELD_FACTORS = {"text": 1.0, "items": 1.0, "topics": 0.85, "speaker": 0.85, "org": 0.75}
STOPWORD_WEIGHT = 0.3
NAME_FUZZY_CUTOFF = 88.0
NAME_FUZZY_MAX_KEYS = 50_000
"""Above this many distinct name forms, a query is matched to people only exactly."""


class SearchQuery(NamedTuple):
    text: str  # as typed
    words: tuple[str, ...]  # folded words to find, in typed order (phrase words included)
    phrases: tuple[tuple[str, ...], ...]  # folded words of each "quoted phrase"
    excluded: tuple[str, ...]  # folded -words
    filters: SearchFilters = SearchFilters()
    limit: int = DEFAULT_LIMIT
    min_score: float = 0.0
    truncated: bool = False  # more than MAX_TERMS distinct words were typed


class Hit(NamedTuple):
    id: str
    event: str
    event_title: str
    event_date: str
    speaker: str
    speaker_name: str
    session: str
    session_title: str
    kind: str
    text: str
    items: tuple[str, ...]
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    paragraphs: tuple[int, ...]
    note: str | None
    score: float  # 0–100, see the module docstring
    spans: tuple[tuple[int, int], ...]  # (start, end) offsets into text

    def record(self) -> dict[str, Any]:
        """The JSON object: ``poc quotes --json``'s statement shape + score + spans."""
        from .records import statement_json

        record = statement_json(
            id=self.id,
            speaker=(self.speaker, self.speaker_name),
            session=(self.session, self.session_title),
            event=(self.event, self.event_title, self.event_date),
            kind=self.kind,
            text=self.text,
            items=self.items,
            topics=self.topics,
            paragraphs=self.paragraphs,
            note=self.note,
        )
        record["score"] = self.score
        record["spans"] = [list(span) for span in self.spans]
        return record


class SearchResult(NamedTuple):
    hits: tuple[Hit, ...]
    matched_speakers: tuple[tuple[str, Speaker], ...] = ()  # (event id, Speaker)
    suggestion: str | None = None  # a corrected query that finds something
    warnings: tuple[str, ...] = ()  # cache problems, truncated query …
    events: int = 1  # in the corpus searched, so that a table can say which one a hit is from
    notes: tuple[str, ...] = ()  # how the query was read: a name taken for a typo …
    idle_exclusions: tuple[str, ...] = ()  # -words in no statement: they excluded nothing


# ------------------------------------------------------------------ parsing

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


# ------------------------------------------------------------------ expansion


@dataclass(slots=True)
class _Term:
    word: str  # folded, as typed
    key: str  # stem of canonical spelling
    stop: bool
    variants: dict[str, float] = field(default_factory=dict)  # indexed term → quality
    fuzzy: bool = False
    seen: dict[str, float] = field(default_factory=dict)  # memo of _quality


def _max_edits(length: int) -> int:
    return 1 if length <= 5 else 2 if length <= 11 else 3


def _fuzzy_terms(index: Index, word: str, limit: int = 6) -> list[tuple[str, float]]:
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


def _expand(index: Index, word: str, *, stop: bool, fuzzy: bool = True) -> _Term:
    term = _Term(word=word, key=term_key(word), stop=stop)
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


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _group(term: _Term) -> str | None:
    if not term.variants:
        return None
    return "(" + " OR ".join(_fts_string(v) for v in sorted(term.variants)) + ")"


# ------------------------------------------------------------------ filters


def _filter_sql(index: Index, filters: SearchFilters) -> tuple[str, list[Any], tuple[str, ...]]:
    """The filters resolved (the one resolver listings use too) and written as SQL:
    (where, parameters, notes on how they were read)."""
    from .filters import resolve
    from .index.catalog import IndexCatalog, filter_sql

    flt = resolve(IndexCatalog(index), filters)
    where, params = filter_sql(flt)
    return where, params, flt.notes


def _matched_speakers(index: Index, query: SearchQuery) -> tuple[tuple[str, Speaker], ...]:
    from .names import query_keys

    keys = query_keys(query.text.translate(_QUOTES).replace('"', " "))
    if not keys or query.excluded:
        return ()
    exact = index.speakers_by_name_key(keys)
    if (
        not exact
        and len(query.words) <= 4
        # A query whose words all stand in the corpus as typed is not a misspelt name
        # (and skipping the check keeps rapidfuzz out of most searches' start-up).
        and not all(index.document_frequency(w) for w in query.words)
        and min(len(k) for k in keys) >= 4
        and int(index.meta.get("name_keys", "0")) <= NAME_FUZZY_MAX_KEYS
    ):
        from rapidfuzz import fuzz, process

        # fuzz.ratio >= 88 needs lengths within a factor of 1.12 / 0.88 of each other.
        lengths = [len(k) for k in keys]
        names = index.name_keys(int(min(lengths) * 0.78), int(max(lengths) * 1.28) + 1)
        close = [
            choice
            for key in keys
            for choice, _, _ in process.extract(
                key, names, scorer=fuzz.ratio, limit=5, score_cutoff=NAME_FUZZY_CUTOFF
            )
        ]
        if close:
            exact = index.speakers_by_name_key(close)
    if not exact:
        return ()
    from .index.catalog import _every_record_of

    return tuple(_every_record_of(index, exact))


# ------------------------------------------------------------------ scoring


def _quality(term: _Term, token: str) -> float:
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


def _score(
    row: StatementRow, terms: dict[str, _Term], query: SearchQuery
) -> tuple[float, tuple[tuple[int, int], ...]] | None:
    text_tokens = tokenize(row.text)
    fields: dict[str, list[str]] = {
        "text": [t.term for t in text_tokens],
        "items": words("\n".join(row.items)),
        "topics": words(" ".join(row.topic_labels)),
        "speaker": words(row.speaker_name),
        "org": words(" ".join(row.organisations)),
    }
    everything = [t for tokens in fields.values() for t in tokens]
    # Exclusions and required phrases, checked on the folded words.
    excluded = {canonical(w) for w in query.excluded}
    if excluded and any(canonical(t) in excluded for t in everything):
        return None
    for phrase in query.phrases:
        if not any(_contains_phrase(tokens, phrase) for tokens in fields.values()):
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
                q = _quality(term, token) * factor
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
        return None

    text_terms = fields["text"]
    qualities = [[_quality(terms[w], t) for t in text_terms] for w in query.words]
    near = [[i for i, q in enumerate(row_q) if q > 0.0] for row_q in qualities]
    exact = [[i for i, q in enumerate(row_q) if q >= 1.0] for row_q in qualities]
    n = len(query.words)
    phrase_in_text = _exact_run(exact)
    if not phrase_in_text and row.items:
        item_terms = fields["items"]
        phrase_in_text = _exact_run(
            [
                [i for i, t in enumerate(item_terms) if _quality(terms[w], t) >= 1.0]
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
    return round(min(100.0, max(0.0, score)), 1), _spans(row.text, text_tokens, matched, content)


def _spans(
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
        if spans and previous == i - 1 and text[spans[-1][1] : start] in ("-", " ", "\u2011"):
            spans[-1][1] = end  # "zero-sum", "finger on": one span
        else:
            spans.append([start, end])
        previous = i
    return tuple((s, e) for s, e in spans)


# ------------------------------------------------------------------ the search


def _candidates(
    index: Index, query: SearchQuery, terms: dict[str, _Term], where: str, params: list[Any]
) -> dict[int, float]:
    size = max(60, query.limit * 3)
    required = ['"' + " ".join(p).replace('"', '""') + '"' for p in query.phrases]
    not_part = ""
    if query.excluded:
        groups: list[str] = []
        for w in query.excluded:
            variants = {
                v
                for v, q in _expand(index, w, stop=False, fuzzy=False).variants.items()
                if q >= 1.0
            }
            groups.extend(_fts_string(v) for v in variants | {w})
        not_part = " NOT (" + " OR ".join(sorted(set(groups))) + ")"

    ordered = list(dict.fromkeys(query.words))
    all_groups = [g for g in (_group(terms[w]) for w in ordered) if g]
    content = [g for g in (_group(terms[w]) for w in ordered if not terms[w].stop) if g]
    found: dict[int, float] = {}
    stages: list[list[str]] = []
    # On a big corpus every word of a common query is in hundreds of thousands of
    # statements, and only the shortest few thousand of those are ranked (Index.match):
    # so first the statements that can score best, the exact phrase then the words near.
    proximity = _proximity_stages(query, terms)
    stages.extend(proximity)
    if all_groups:
        # Every word in the text or items (a whole match there outscores one that needs
        # a topic, name or organisation), then every word anywhere.
        stages.append(["{text items} : (" + " AND ".join(all_groups) + ")"])
        stages.append(all_groups)
    if content and len(content) > 1:
        stages.append([" OR ".join(content)])  # any word that is not a stop word
    elif content:
        stages.append(content)
    if not stages and required:
        stages.append([])
    for number, stage in enumerate(stages):
        parts = [*required, *stage]
        if not parts:
            continue
        expression = " AND ".join(f"({p})" for p in parts) + not_part
        # A phrase found exactly scores by the statement's length alone: no bm25 needed
        # (and bm25 over a phrase costs several scans of every statement holding its words).
        ranked = number >= len(proximity)
        for rowid, rank in index.match(expression, where, params, size, ranked=ranked):
            found.setdefault(rowid, rank)
        if len(found) >= size:
            break
    return found


_PHRASE_VARIANTS_MAX = 8


def _exact_sequences(query: SearchQuery, terms: dict[str, _Term]) -> list[list[str]]:
    """The query's words in typed order, each in one of its exact spellings: every mix.

    Empty for a one-word query, or when a word has no exact spelling in the corpus, or
    there are too many mixes.
    """
    if len(query.words) < 2:
        return []
    sequences: list[list[str]] = [[]]
    for w in query.words:
        exact = sorted(v for v, q in terms[w].variants.items() if q >= 1.0)
        if not exact or len(sequences) * len(exact) > _PHRASE_VARIANTS_MAX:
            return []
        sequences = [[*seq, v] for seq in sequences for v in exact]
    return sequences


def _proximity_stages(query: SearchQuery, terms: dict[str, _Term]) -> list[list[str]]:
    """FTS5 stages before "every word anywhere": the exact phrase, then the words near
    each other, in the text or items."""
    sequences = _exact_sequences(query, terms)
    if not sequences:
        return []
    # Only in the text and items, where _score can see a phrase (a topic label or a
    # name holding the words would fill the stage with statements scoring far less).
    phrase = " OR ".join("{text items} : " + _fts_string(" ".join(seq)) for seq in sequences)
    # _score's proximity counts words in order, each within 2 tokens of the last.
    span = 2 * (len(query.words) - 1)
    near = " OR ".join(
        "{text items} : NEAR(" + " ".join(_fts_string(v) for v in seq) + f", {span})"
        for seq in sequences
    )
    return [[phrase], [near]]


def _run(index: Index, query: SearchQuery, where: str, params: list[Any]) -> list[Hit]:
    terms: dict[str, _Term] = {}
    has_content = any(not is_stopword(w) for w in query.words)
    for w in query.words:
        if w not in terms:
            terms[w] = _expand(index, w, stop=is_stopword(w) and has_content)
    ranks = _candidates(index, query, terms, where, params)
    rows = index.statements(ranks)
    scored: list[tuple[float, int, float, Hit]] = []
    for rowid, row in rows.items():
        result = _score(row, terms, query)
        if result is None:
            continue
        score, spans = result
        if score < query.min_score or score <= 0.0:
            continue
        hit = Hit(
            id=row.id,
            event=row.event,
            event_title=row.event_title,
            event_date=row.event_date,
            speaker=row.speaker,
            speaker_name=row.speaker_name,
            session=row.session,
            session_title=row.session_title,
            kind=row.kind,
            text=row.text,
            items=row.items,
            topics=row.topics,
            topic_labels=row.topic_labels,
            paragraphs=row.paragraphs,
            note=row.note,
            score=score,
            spans=spans,
        )
        # Equal scores keep report order (file, then place in it: the rowid below its
        # length bits), not bm25's or the length's: a reader expects the report's order.
        scored.append((-score, rowid & REPORT_ORDER_MASK, ranks[rowid], hit))
    scored.sort(key=lambda item: item[:3])
    return [hit for *_, hit in scored[: query.limit]]


REPORT_ORDER_MASK = (1 << 40) - 1
"""The bits of a statement's rowid that give its place in the corpus (index/schema.py:
``length << LENGTH_SHIFT | file << FILE_SHIFT | place``, LENGTH_SHIFT = 40)."""


def _suggest(index: Index, query: SearchQuery, where: str, params: list[Any]) -> str | None:
    """A corrected query that finds something, or None."""
    from rapidfuzz import fuzz, process

    corrected = []
    changed = False
    for w in query.words:
        if index.document_frequency(w) or is_stopword(w) or len(w) < 3:
            corrected.append(w)
            continue
        candidates = [t for t, _ in index.terms_of_length(max(1, len(w) - 3), len(w) + 3)]
        best = process.extractOne(w, candidates, scorer=fuzz.ratio, score_cutoff=70)
        if best is None:
            corrected.append(w)
        else:
            corrected.append(best[0])
            changed = True
    if not changed:
        return None
    text = " ".join(corrected)
    retry = query._replace(text=text, words=tuple(corrected), phrases=(), excluded=query.excluded)
    return text if _run(index, retry, where, params) else None


def search_index(index: Index, query: SearchQuery) -> SearchResult:
    """Search an open index; raises UsageError/NotFound for filters that fit nothing."""
    where, params, notes = _filter_sql(index, query.filters)
    hits = _run(index, query, where, params)
    idle = tuple(w for w in query.excluded if not _in_corpus(index, w))
    warnings: tuple[str, ...] = ()
    if query.truncated:
        warnings = (f"only the first {MAX_TERMS} different words of the query were used",)
    suggestion = None if hits else _suggest(index, query, where, params)
    return SearchResult(
        hits=tuple(hits),
        matched_speakers=_matched_speakers(index, query),
        suggestion=suggestion,
        warnings=warnings,
        events=index.event_count(),
        notes=notes,
        idle_exclusions=idle,
    )


def _in_corpus(index: Index, word: str) -> bool:
    """Does any statement hold ``word`` in one of the spellings an exclusion removes?"""
    exact = {
        v for v, q in _expand(index, word, stop=False, fuzzy=False).variants.items() if q >= 1.0
    }
    return any(index.document_frequency(v) for v in exact | {word})


def search(
    data: Path | str | None,
    query: SearchQuery,
    *,
    load: Callable[[Path | str | None], Corpus] | None = None,
    progress: Progress | None = None,
) -> SearchResult:
    """Search the datasets ``data`` names (None: ``$POC_DATA`` or the bundled one).

    The index comes from the cache, or is built (calling ``progress``); cache
    problems come back in ``SearchResult.warnings``.  DataError for a bad dataset.
    """
    import sqlite3

    from .index import open_index

    index, warnings = open_index(data, load=load, progress=progress)
    try:
        result = search_index(index, query)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # The cached file is damaged (SQLite says so, a row fails its checksum:
        # index.read.IndexDamaged, or text is not UTF-8): rebuild it, search again.
        index.close()
        index, more = open_index(
            data, load=load, progress=progress, rebuild=True, reason=str(exc) or type(exc).__name__
        )
        warnings += more
        result = search_index(index, query)
    finally:
        index.close()
    return result._replace(warnings=(*warnings, *result.warnings))


_corpus_indexes: dict[int, tuple[Corpus, Index]] = {}
_CORPUS_INDEXES_KEPT = 4


def corpus_index(corpus: Corpus) -> Index:
    """An in-memory index of ``corpus``, built once per corpus object (the last few kept)."""
    from .index import build_index

    cached = _corpus_indexes.get(id(corpus))
    if cached is not None and cached[0] is corpus:
        return cached[1]
    index = build_index(corpus)
    if len(_corpus_indexes) >= _CORPUS_INDEXES_KEPT:
        del _corpus_indexes[next(iter(_corpus_indexes))]
    _corpus_indexes[id(corpus)] = (corpus, index)
    return index


def search_corpus(corpus: Corpus, query: SearchQuery) -> SearchResult:
    """Search an in-memory corpus (tests, Python users); no cache involved."""
    return search_index(corpus_index(corpus), query)

