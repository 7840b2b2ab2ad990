"""``poc search``: ranked, forgiving search over statements (the core; no printing).

Modules: :mod:`.query` (syntax), :mod:`.expand` (spellings, stems, typos),
:mod:`.score` (scores and spans, pure), :mod:`.run` (stages, suggestions, entry
points) and :mod:`.engine` (what search needs of the index: the ``Backend``
protocol).  Every FTS5 and SQL string is in :mod:`poc_cli.index`.

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

from poc_cli.filters import SearchFilters

from .query import DEFAULT_LIMIT, MAX_TERMS, SearchQuery, parse_query
from .run import REPORT_ORDER_MASK, Hit, SearchResult, search, search_corpus, search_index

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_TERMS",
    "REPORT_ORDER_MASK",
    "Hit",
    "SearchFilters",
    "SearchQuery",
    "SearchResult",
    "parse_query",
    "search",
    "search_corpus",
    "search_index",
]
