"""Speaker and session resolution (poc_cli.names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from poc_cli.corpus import load_corpus
from poc_cli.errors import NotFound, UsageError
from poc_cli.model import Corpus
from poc_cli.names import resolve_session, resolve_speakers, suggest_names

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Mamiya", "ralph-mamiya"),
        ("mamiya", "ralph-mamiya"),
        ("Mamya", "ralph-mamiya"),
        ("agnes", "agnes-coutou"),
        ("Agnès", "agnes-coutou"),
        ("AGNES COUTOU", "agnes-coutou"),
        ("van den berg", "peter-van-den-berg"),
        ("Vandenberg", "peter-van-den-berg"),
        ("Christofedes", "jack-christofides"),
        ("Miyashta", "naomi-miyashita"),
        ("Ba Konare", "dougoukolo-ba-konare"),
        ("ba-konaré", "dougoukolo-ba-konare"),
        ("marie joelle", "marie-joelle-zahar"),
        ("Dr. Lupel", "adam-lupel"),
        ("General Lion", "thierry-lion"),
        ("Day", "adam-day"),
        ("di razza", "namie-di-razza"),
        ("Chloe", "chloe-marnay-baszanger"),
        ("mamiya ralph", "ralph-mamiya"),
    ],
)
def test_resolves_to_one_person(corpus: Corpus, typed: str, expected: str) -> None:
    assert [s.id for _, s in resolve_speakers(corpus, typed)] == [expected]


def test_adam_is_both_adams(corpus: Corpus) -> None:
    assert [s.id for _, s in resolve_speakers(corpus, "Adam")] == ["adam-lupel", "adam-day"]


def test_unknown_name_suggests_real_names(corpus: Corpus) -> None:
    with pytest.raises(NotFound) as caught:
        resolve_speakers(corpus, "Rolf Mamoya")
    assert "did you mean" in caught.value.message
    assert "Ralph Mamiya" in caught.value.message
    assert suggest_names(corpus, "Semplle")[0] == "Michael Semple"


def test_nonsense_name_is_not_found(corpus: Corpus) -> None:
    with pytest.raises(NotFound):
        resolve_speakers(corpus, "xyzzy")


def test_blank_name_is_a_usage_error(corpus: Corpus) -> None:
    with pytest.raises(UsageError):
        resolve_speakers(corpus, " -- ")


def test_same_person_in_two_events_is_one_person(corpus: Corpus) -> None:
    base = corpus.datasets[0]
    other = base._replace(event=base.event._replace(id="other-event"), statements=())
    both = Corpus((base, other))
    found = resolve_speakers(both, "Mamiya")
    assert [(e, s.id) for e, s in found] == [
        ("ipi-2018-poc", "ralph-mamiya"),
        ("other-event", "ralph-mamiya"),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("session-1", ["session-1"]),
        ("1", ["session-1"]),
        ("2", ["session-2"]),
        ("Session 2", ["session-2"]),
        ("keynote", ["keynote"]),
        ("Keynot", ["keynote"]),
        ("mali", ["session-2"]),
        ("MALI", ["session-2"]),
        ("opening", ["opening"]),
        ("closing", ["closing"]),
        ("violent extremism", ["session-2"]),
    ],
)
def test_resolve_session(corpus: Corpus, typed: str, expected: list[str]) -> None:
    assert [s.id for _, s in resolve_session(corpus, typed)] == expected


def test_unknown_session_names_the_valid_ids(corpus: Corpus) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_session(corpus, "zzz")
    for session_id in ("opening", "session-1", "keynote", "session-2", "closing"):
        assert session_id in caught.value.message


def _with_coutou_renamed(corpus: Corpus, event: str) -> Corpus:
    """The seminar again as ``event``, where the id ``agnes-coutou`` is someone else."""
    base = corpus.datasets[0]
    speakers = tuple(
        p._replace(name="Zed Zulu", aliases=("Zulu",)) if p.id == "agnes-coutou" else p
        for p in base.speakers
    )
    return Corpus((base._replace(event=base.event._replace(id=event), speakers=speakers),))


@pytest.mark.parametrize("zulu_first", [False, True])
def test_the_same_id_under_another_name_is_another_person(
    corpus: Corpus, zulu_first: bool
) -> None:
    # Ids are local to their event: once, "--speaker Zulu" listed Agnès Coutou's
    # words as Zulu's, and "Coutou" found nobody (or Zulu), depending on file order.
    other = _with_coutou_renamed(corpus, "other-event").datasets[0]
    datasets = (other, corpus.datasets[0]) if zulu_first else (corpus.datasets[0], other)
    both = Corpus(datasets)
    assert [(e, s.name) for e, s in resolve_speakers(both, "Zulu")] == [
        ("other-event", "Zed Zulu")
    ]
    assert [(e, s.name) for e, s in resolve_speakers(both, "Coutou")] == [
        ("ipi-2018-poc", "Agnès Coutou")
    ]
    assert [(e, s.name) for e, s in resolve_speakers(both, "Zed Zullu")] == [
        ("other-event", "Zed Zulu")
    ]


def test_an_alias_given_in_one_event_names_the_person_in_every_event(corpus: Corpus) -> None:
    # Names were matched on a person's first record only, so an alias added in a
    # later event found them through search's index but not through quotes.
    base = corpus.datasets[0]
    speakers = tuple(
        p._replace(aliases=(*p.aliases, "Rafe")) if p.id == "ralph-mamiya" else p
        for p in base.speakers
    )
    later = base._replace(event=base.event._replace(id="later"), speakers=speakers, statements=())
    found = resolve_speakers(Corpus((base, later)), "Rafe")
    assert [(e, s.id) for e, s in found] == [("ipi-2018-poc", "ralph-mamiya"), ("later", "ralph-mamiya")]
