"""Query parsing, ranking rules, spans, filters and suggestions (poc_cli.search)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poc_cli.corpus import load_corpus
from poc_cli.errors import NotFound, UsageError
from poc_cli.model import Corpus
from poc_cli.search import SearchFilters, parse_query, search_corpus
from poc_cli.text.normalise import fold

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA)


def test_parse_phrases_exclusions_and_curly_quotes() -> None:
    q = parse_query("“human cost” Neutrality -conflict -Mali")
    assert q.phrases == (("human", "cost"),)
    assert q.words == ("human", "cost", "neutrality")
    assert q.excluded == ("conflict", "mali")


@pytest.mark.parametrize("text", ["", "   ", "!!!", "[", "\\", "🙂🙂", "-mali", '""', "-"])
def test_nothing_to_search_for_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        parse_query(text)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"limit": 0}, "--limit"),
        ({"limit": -3}, "--limit"),
        ({"min_score": 101}, "--min-score"),
        ({"filters": SearchFilters(kind="rumour")}, "kind"),
    ],
)
def test_bad_options_are_usage_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_query("neutrality", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["(a|b)*", "[a-z]+", "a.*b", "平和", "мир", "a" * 20_000])
def test_hostile_queries_answer_quickly(corpus: Corpus, text: str) -> None:
    start = time.perf_counter()
    search_corpus(corpus, parse_query(text))
    assert time.perf_counter() - start < 1.0


def test_twenty_thousand_character_query_is_truncated_with_a_warning(corpus: Corpus) -> None:
    text = " ".join(f"w{i}" for i in range(4000))
    start = time.perf_counter()
    result = search_corpus(corpus, parse_query(text))
    assert time.perf_counter() - start < 1.0
    assert result.warnings


def test_exact_phrase_outranks_fuzzy(corpus: Corpus) -> None:
    hits = search_corpus(corpus, parse_query("neutrality")).hits
    assert hits[0].score >= 90
    fuzzy = search_corpus(corpus, parse_query("nuetrality")).hits
    assert fuzzy[0].score < 90
    assert {h.id for h in hits[:2]} == {h.id for h in fuzzy[:2]}


def test_scores_are_in_range_and_sorted(corpus: Corpus) -> None:
    hits = search_corpus(corpus, parse_query("peace operations civilians", limit=100)).hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)


def test_spans_point_at_the_original_text(corpus: Corpus) -> None:
    (hit, *_) = search_corpus(corpus, parse_query("intelligence driven design")).hits
    assert [hit.text[a:b] for a, b in hit.spans] == ["intelligence-driven design"]
    (hit, *_) = search_corpus(corpus, parse_query("agnes neutrality")).hits
    for a, b in hit.spans:
        assert fold(hit.text[a:b]) in {"neutrality", "agnes"}


def test_quoted_phrase_is_required(corpus: Corpus) -> None:
    hits = search_corpus(corpus, parse_query('"human cost"')).hits
    assert [h.id for h in hits] == ["ipi18-22"]
    assert search_corpus(corpus, parse_query('"cost human"')).hits == ()


def test_excluded_word_removes_hits(corpus: Corpus) -> None:
    with_word = {h.id for h in search_corpus(corpus, parse_query("neutrality")).hits}
    without = {h.id for h in search_corpus(corpus, parse_query("neutrality -surgeons")).hits}
    assert "ipi18-20" in with_word and "ipi18-20" not in without
    assert without


def test_filters(corpus: Corpus) -> None:
    def ids(**filters: str) -> set[str]:
        q = parse_query("armed groups", filters=SearchFilters(**filters), limit=100)
        return {h.id for h in search_corpus(corpus, q).hits}

    everything = ids()
    assert ids(speaker="Zahar") == {i for i in everything if i.startswith("ipi18-4")} & ids(
        speaker="marie joelle"
    )
    assert all(
        h.speaker == "marie-joelle-zahar"
        for h in search_corpus(
            corpus, parse_query("armed groups", filters=SearchFilters(speaker="Zahar"))
        ).hits
    )
    assert ids(kind="quote") < everything
    assert ids(session="2") and ids(session="2") < everything
    assert ids(topic="neutrality") <= {"ipi18-20", "ipi18-20a", "ipi18-21", "ipi18-22"}
    assert ids(event="ipi-2018-poc") == everything
    adams = search_corpus(
        corpus, parse_query("peace", filters=SearchFilters(speaker="Adam"), limit=100)
    ).hits
    assert {h.speaker for h in adams} == {"adam-lupel"} or {h.speaker for h in adams} <= {
        "adam-lupel",
        "adam-day",
    }


def test_bad_filters(corpus: Corpus) -> None:
    with pytest.raises(NotFound):
        search_corpus(corpus, parse_query("x", filters=SearchFilters(speaker="xyzzy")))
    for filters in (
        SearchFilters(session="zzz"),
        SearchFilters(topic="zzz"),
        SearchFilters(event="zzz"),
    ):
        with pytest.raises(UsageError):
            search_corpus(corpus, parse_query("x", filters=filters))


def test_did_you_mean_only_when_it_finds_something(corpus: Corpus) -> None:
    result = search_corpus(corpus, parse_query("physioterapissts"))
    if not result.hits:
        assert result.suggestion is not None
        assert search_corpus(corpus, parse_query(result.suggestion)).hits
    nothing = search_corpus(corpus, parse_query("qqqqqqqqq zzzzzzzzz"))
    assert nothing.hits == () and nothing.suggestion is None


def test_suggestion_is_offered_for_a_typo_beyond_fuzzy_reach(corpus: Corpus) -> None:
    result = search_corpus(corpus, parse_query("acrronimmm"))
    assert result.hits == ()
    assert result.suggestion == "acronym"


def test_hit_record_has_the_statement_shape(corpus: Corpus) -> None:
    (hit, *_) = search_corpus(corpus, parse_query("acronym soup")).hits
    record = hit.record()
    assert record["speaker"] == {"id": "marie-joelle-zahar", "name": "Marie-Joëlle Zahar"}
    assert record["session"]["id"] == "session-2"
    assert record["kind"] == "quote"  # “acronym soup” itself (ipi18-40a), ahead of its paraphrase
    assert record["id"] == "ipi18-40a"
    assert 0 <= record["score"] <= 100
    assert all(len(span) == 2 for span in record["spans"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_random_unicode_queries(corpus: Corpus, text: str) -> None:
    try:
        query = parse_query(text)
    except UsageError:
        return
    result = search_corpus(corpus, query)
    for hit in result.hits:
        assert 0 <= hit.score <= 100
        for start, end in hit.spans:
            assert 0 <= start < end <= len(hit.text)


def _two_events_with_different_titles(corpus: Corpus) -> Corpus:
    base = corpus.datasets[0]
    sessions = tuple(s._replace(title=f"Second day, {s.title.lower()}") for s in base.sessions)
    other = base._replace(
        event=base.event._replace(id="second-day"),
        sessions=sessions,
        statements=tuple(st._replace(id=st.id + "-b") for st in base.statements),
    )
    return Corpus((base, other))


@pytest.mark.parametrize(
    "typed",
    ["2", "session 2", "session-2", "keynote", "1", "opening", "Mali", "opening remarks",
     "second day, opening remarks", "closing", "sesion-2", "Keynote address"],
)
@pytest.mark.parametrize("event", [None, "second-day"])
def test_the_session_filter_picks_what_the_listings_pick(
    corpus: Corpus, typed: str, event: str | None
) -> None:
    # Search matches sessions in SQL over distinct ids and titles; it must name the
    # same (event, session) pairs as names.resolve_session over the whole corpus.
    from poc_cli.errors import UsageError
    from poc_cli.filters import SearchFilters, resolve
    from poc_cli.index import build_index
    from poc_cli.index.catalog import IndexCatalog, filter_sql
    from poc_cli.names import resolve_session

    both = _two_events_with_different_titles(corpus)
    index = build_index(both)
    typed_filters = SearchFilters(session=typed, event=event)
    try:
        expected = {(e, s.id) for e, s in resolve_session(both, typed, event)}
    except UsageError:
        with pytest.raises(UsageError):
            resolve(IndexCatalog(index), typed_filters)
        return
    where, params = filter_sql(resolve(IndexCatalog(index), typed_filters))
    rows = index.conn.execute(
        f"SELECT DISTINCT s.event, s.session FROM statements s WHERE {where}", params
    ).fetchall()
    has_statements = {(st_event, st.session) for st_event, st in
                      ((d.event.id, st) for d in both.datasets for st in d.statements)}
    assert set(rows) == expected & has_statements


NAMES_TYPED = [
    "Mamiya", "Mamya", "agnes", "Alpha Oumar", "General Lion", "Lion General", "Dr. Lupel",
    "Christofedes", "Jack Sherman", "Miya", "xyzzy", "Rolf Mamoya", "van den berg",
    "Vandenberg", "marie joelle", "ba-konaré", "Adam", "general", "Zed", "Zullu", "coutou",
    "Semplle", "oumar ba", "Naomi M", "di raza", "Ikegaya Eiko", "Rafe", "RALPH MAMIYA",
    "ralph",
]


@pytest.mark.parametrize("typed", NAMES_TYPED)
def test_names_matched_through_the_index_are_the_names_matched_in_full(
    corpus: Corpus, typed: str
) -> None:
    # On a big corpus search narrows who could fit a name before matching; the answer
    # (people, typo flag, or the NotFound with its suggestions) must be the full one.
    from poc_cli.index import build_index
    from poc_cli.index.catalog import match_speakers_index
    from poc_cli.names import match_speakers_in

    base = corpus.datasets[0]
    # Agnès Coutou is someone else in the other event; Ralph Mamiya is the same
    # person there, his name in capitals, with an alias given only there.
    renamed = tuple(
        p._replace(name="Zed Zulu", aliases=("Zulu",)) if p.id == "agnes-coutou"
        else p._replace(name="RALPH MAMIYA", aliases=(*p.aliases, "Rafe"))
        if p.id == "ralph-mamiya" else p
        for p in base.speakers
    )
    other = base._replace(
        event=base.event._replace(id="other"),
        speakers=renamed,
        statements=tuple(s._replace(id=s.id + "-o") for s in base.statements),
    )
    index = build_index(Corpus((base, other)))

    def answer(match: Any) -> Any:
        try:
            found = match()
        except (NotFound, UsageError) as error:
            return type(error).__name__, error.message
        # Which records, not their order: the exact-name path lists them in corpus
        # order, the full match person by person (every use takes them as a set).
        return sorted((e, s.id, s.name) for e, s in found.records), found.typo

    full = answer(lambda: match_speakers_in(index.speaker_records(), typed))
    assert answer(lambda: match_speakers_index(index, typed)) == full


def test_every_row_read_at_once_carries_its_own_speakers_honorific_and_aliases(
    corpus: Corpus,
) -> None:
    # They were those of the last row decoded, for every row of a batch: statements of
    # one person were scored by another's names ("General neutrality" lost Lion's).
    from poc_cli.search.run import corpus_index

    index = corpus_index(corpus)
    rowids = [r for (r,) in index.conn.execute("SELECT rowid FROM statements")]
    rows = index.statements(rowids).values()
    people = {p.id: p for p in corpus.datasets[0].speakers}
    assert len({row.speaker for row in rows}) > 10
    for row in rows:
        person = people[row.speaker]
        assert row.speaker_forms == (person.honorific or "", *person.aliases), row.id


@pytest.mark.parametrize(
    ("query", "speaker"),
    [("General neutrality", "thierry-lion"), ("Mr. threats", "jake-sherman")],
)
def test_a_speaker_found_by_honorific_is_found_beside_other_speakers(
    corpus: Corpus, query: str, speaker: str
) -> None:
    hits = search_corpus(corpus, parse_query(query)).hits
    assert speaker in {h.speaker for h in hits}
    assert len({h.speaker for h in hits}) > 1  # the batch held other speakers too
