"""Search results: best first, and equal scores in report order (issue 12)."""

from __future__ import annotations

from poc_cli.corpus import load_corpus
from poc_cli.index.schema import LENGTH_SHIFT
from poc_cli.search import REPORT_ORDER_MASK, parse_query, search_corpus


def test_the_report_order_mask_is_the_rowid_below_the_length() -> None:
    assert REPORT_ORDER_MASK == (1 << LENGTH_SHIFT) - 1


def test_equal_scores_keep_report_order() -> None:
    corpus = load_corpus()
    order = {s.id: i for i, s in enumerate(corpus.statements)}
    for query in ("Mamiya", "Coutou", "armed groups", "Mali"):
        hits = search_corpus(corpus, parse_query(query, limit=50)).hits
        assert hits, query
        for a, b in zip(hits, hits[1:], strict=False):
            assert a.score >= b.score, query
            if a.score == b.score:
                assert order[a.id] < order[b.id], (query, a.id, b.id)
