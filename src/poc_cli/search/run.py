"""Running a search: filters, candidates stage by stage, scores, suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from poc_cli.filters import SearchFilters
from poc_cli.index import fts
from poc_cli.model import Corpus, Speaker
from poc_cli.text.normalise import is_stopword

from .expand import Term, expand
from .query import _QUOTES, MAX_TERMS, PHRASE_FORMS_MAX, SearchQuery
from .score import score_row

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from poc_cli.index import Index, Progress, StatementRow
    from poc_cli.index.catalog import SearchSql

    from .engine import Backend

NAME_FUZZY_CUTOFF = 88.0
NAME_FUZZY_MAX_KEYS = 50_000
"""Above this many distinct name forms, a query is matched to people only exactly."""


class Hit(NamedTuple):
    """A statement a search found: the index's row, its score and the matched spans."""

    row: StatementRow
    score: float  # 0–100, see the package docstring
    spans: tuple[tuple[int, int], ...]  # (start, end) offsets into row.text

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def text(self) -> str:
        return self.row.text

    @property
    def speaker(self) -> str:
        return self.row.speaker

    @property
    def speaker_name(self) -> str:
        return self.row.speaker_name

    def record(self) -> dict[str, Any]:
        """The JSON object: ``poc quotes --json``'s statement shape + score + spans."""
        from poc_cli.records import statement_from_row

        record = statement_from_row(self.row)
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


# ------------------------------------------------------------------ filters


def _filter_sql(index: Index, filters: SearchFilters) -> tuple[SearchSql, tuple[str, ...]]:
    """The filters resolved (the one resolver listings use too) and written as SQL,
    and the notes on how they were read."""
    from poc_cli.filters import resolve
    from poc_cli.index.catalog import IndexCatalog, search_sql

    flt = resolve(IndexCatalog(index), filters)
    return search_sql(flt), flt.notes


def _matched_speakers(index: Index, query: SearchQuery) -> tuple[tuple[str, Speaker], ...]:
    from poc_cli.names import query_keys

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
    from poc_cli.index.catalog import _every_record_of

    return tuple(_every_record_of(index, exact))


# ------------------------------------------------------------------ the search


def _candidates(
    index: Backend, query: SearchQuery, terms: dict[str, Term], flt: SearchSql
) -> dict[int, float]:
    size = max(60, query.limit * 3)
    required = [fts.quoted(" ".join(p)) for p in query.phrases]
    not_part = ""
    if query.excluded:
        groups: list[str] = []
        for w in query.excluded:
            variants = {
                v for v, q in expand(index, w, stop=False, fuzzy=False).variants.items() if q >= 1.0
            }
            groups.extend(variants | {w})
        not_part = fts.excluding(groups)

    ordered = list(dict.fromkeys(query.words))
    all_groups = [g for g in (fts.any_of(terms[w].variants) for w in ordered) if g]
    content = [
        g for g in (fts.any_of(terms[w].variants) for w in ordered if not terms[w].stop) if g
    ]
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
        stages.append([fts.in_text(fts.every(all_groups))])
        stages.append(all_groups)
    if content and len(content) > 1:
        stages.append([fts.either(content)])  # any word that is not a stop word
    elif content:
        stages.append(content)
    if not stages and required:
        stages.append([])
    asked: set[tuple[str, bool]] = set()
    for number, stage in enumerate(stages):
        parts = [*required, *stage]
        if not parts:
            continue
        expression = fts.all_of(parts) + not_part
        # A stage may ask what one before it asked ("any word" of a one-word query is
        # "every word"): its matches are in `found` already, with the same ranks.
        ranked = number >= len(proximity)
        if (expression, ranked) in asked:
            continue
        asked.add((expression, ranked))
        # A phrase found exactly scores by the statement's length alone: no bm25 needed
        # (and bm25 over a phrase costs several scans of every statement holding its words).
        for rowid, rank in _match(index, expression, flt, size, ranked=ranked):
            found.setdefault(rowid, rank)
        if len(found) >= size:
            break
    return found


_PHRASE_VARIANTS_MAX = 8


def _exact_sequences(query: SearchQuery, terms: dict[str, Term]) -> list[list[str]]:
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


def _proximity_stages(query: SearchQuery, terms: dict[str, Term]) -> list[list[str]]:
    """FTS5 stages before "every word anywhere": the exact phrase, then the words near
    each other, in the text or items."""
    sequences = _exact_sequences(query, terms)
    if not sequences:
        return []
    # Only in the text and items, where score can see a phrase (a topic label or a
    # name holding the words would fill the stage with statements scoring far less).
    phrase = fts.either([fts.in_text(fts.quoted(" ".join(seq))) for seq in sequences])
    # score's proximity counts words in order, each within 2 tokens of the last.
    span = 2 * (len(query.words) - 1)
    near = fts.either([fts.in_text(fts.near(seq, span)) for seq in sequences])
    return [[phrase], [near]]


def _scored(
    index: Backend, query: SearchQuery, flt: SearchSql
) -> list[tuple[tuple[float, int, float], Hit]]:
    """Every candidate that scores, with its sort key, best first."""
    terms: dict[str, Term] = {}
    has_content = any(not is_stopword(w) for w in query.words)
    for w in query.words:
        if w not in terms:
            terms[w] = expand(index, w, stop=is_stopword(w) and has_content)
    ranks = _candidates(index, query, terms, flt)
    rows = index.statements(ranks)
    scored: list[tuple[tuple[float, int, float], Hit]] = []
    for rowid, row in rows.items():
        result = score_row(row, terms, query)
        if result is None:
            continue
        score, spans = result
        if score < query.min_score or score <= 0.0:
            continue
        hit = Hit(row=row, score=score, spans=spans)
        # Equal scores keep report order (file, then place in it: the rowid below its
        # length bits), not bm25's or the length's: a reader expects the report's order.
        scored.append(((-score, rowid & REPORT_ORDER_MASK, ranks[rowid]), hit))
    scored.sort(key=lambda item: item[0])
    return scored


def _run(index: Backend, query: SearchQuery, flt: SearchSql) -> list[Hit]:
    return [hit for _, hit in _scored(index, query, flt)[: query.limit]]


def _run_forms(index: Backend, queries: Sequence[SearchQuery], flt: SearchSql) -> list[Hit]:
    """The hits of several forms of one query (a phrase an apostrophe apart), each
    statement once with its best score, in the one order."""
    if len(queries) == 1:
        return _run(index, queries[0], flt)
    best: dict[str, tuple[tuple[float, int, float], Hit]] = {}
    for query in queries:
        for key, hit in _scored(index, query, flt):
            if hit.id not in best or key < best[hit.id][0]:
                best[hit.id] = (key, hit)
    ordered = sorted(best.values(), key=lambda item: item[0])
    return [hit for _, hit in ordered[: queries[0].limit]]


def _finds(index: Backend, words: Sequence[str], flt: SearchSql) -> bool:
    """Does the phrase of ``words`` stand in a statement the filters keep?"""
    expression = fts.all_of([fts.quoted(" ".join(words))])
    return bool(_match(index, expression, flt, 1, ranked=False))


def _match(
    index: Backend, expression: str, flt: SearchSql, limit: int, *, ranked: bool
) -> list[tuple[int, float]]:
    return index.match(
        expression,
        flt.where,
        flt.params,
        limit,
        ranked=ranked,
        events=flt.events,
        events_only=flt.events_only,
    )


def _with_phrase(query: SearchQuery, number: int, words: tuple[str, ...]) -> SearchQuery:
    """``query`` with its phrase ``number`` (and those words among its words) as
    ``words``."""
    old = query.phrases[number]
    typed = list(query.words)
    at = next(
        (i for i in range(len(typed) - len(old) + 1) if tuple(typed[i : i + len(old)]) == old), None
    )
    if at is not None:
        typed[at : at + len(old)] = words
    phrases = list(query.phrases)
    phrases[number] = words
    return query._replace(words=tuple(typed), phrases=tuple(phrases))


def _apostrophe_forms(
    index: Backend, query: SearchQuery, flt: SearchSql
) -> tuple[list[SearchQuery], tuple[str, ...]]:
    """The forms of ``query`` to run: itself, or where a phrase as typed stands in no
    statement but stands there an apostrophe apart (``"its really a tool"`` for the
    report's "it’s really a tool"), the query with each such form; and the notes that
    say so.  A phrase found as typed is searched as typed."""
    if not query.phrase_forms or query.truncated:
        return [query], ()
    choices: list[list[tuple[str, ...] | None]] = []
    notes: list[str] = []
    for phrase, forms in zip(query.phrases, query.phrase_forms, strict=True):
        found = []
        if forms and not _finds(index, phrase, flt):
            found = [form for form in forms if _finds(index, form.words, flt)]
        if not found:
            choices.append([None])
            continue
        choices.append([form.words for form in found])
        shown = " or ".join(f'"{form.shown}"' for form in found)
        notes.append(
            f'note: no statement has "{" ".join(phrase)}"; showing {shown} (an apostrophe apart)'
        )
    if not notes:
        return [query], ()
    import itertools

    queries = []
    for combo in itertools.islice(itertools.product(*choices), PHRASE_FORMS_MAX):
        form = query
        for number, words in enumerate(combo):
            if words is not None:
                form = _with_phrase(form, number, words)
        queries.append(form)
    return queries, tuple(notes)


REPORT_ORDER_MASK = (1 << 40) - 1
"""The bits of a statement's rowid that give its place in the corpus (index/schema.py:
``length << LENGTH_SHIFT | file << FILE_SHIFT | place``, LENGTH_SHIFT = 40)."""


def _suggest(index: Backend, query: SearchQuery, flt: SearchSql) -> str | None:
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
    return text if _run(index, retry, flt) else None


def search_index(index: Index, query: SearchQuery) -> SearchResult:
    """Search an open index; raises UsageError/NotFound for filters that fit nothing."""
    flt, notes = _filter_sql(index, query.filters)
    forms, read_as = _apostrophe_forms(index, query, flt)
    hits = _run_forms(index, forms, flt)
    idle = tuple(w for w in query.excluded if not _in_corpus(index, w))
    warnings: tuple[str, ...] = ()
    if query.truncated:
        warnings = (f"only the first {MAX_TERMS} different words of the query were used",)
    suggestion = None if hits else _suggest(index, query, flt)
    return SearchResult(
        hits=tuple(hits),
        matched_speakers=_matched_speakers(index, query),
        suggestion=suggestion,
        warnings=warnings,
        events=index.event_count(),
        notes=(*notes, *read_as),
        idle_exclusions=idle,
    )


def _in_corpus(index: Backend, word: str) -> bool:
    """Does any statement hold ``word`` in one of the spellings an exclusion removes?"""
    exact = {
        v for v, q in expand(index, word, stop=False, fuzzy=False).variants.items() if q >= 1.0
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

    from poc_cli.index import open_index

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
    from poc_cli.index import build_index

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
