"""Failure classes found on the tenth blind set (benchmarks/heldout10), each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, names, speaker_of


def test_a_descriptor_right_after_a_named_speaker_is_that_speaker() -> None:
    d = extract(
        "“Mandates are written in New York,” said Dr. Kenji Sato of the Tokyo Institute, "
        "“but paid for in Dhaka.”\n\n"
        "The Japanese researcher argued that every mandate should carry a costed plan. He "
        "called this idea “mandate realism.”"
    ).dataset
    assert names(d) == ["Kenji Sato"]
    assert speaker_of(d, "mandate realism.") == "Kenji Sato"


def test_an_unnamed_descriptor_stays_unnamed() -> None:
    d = extract(
        "Mr. Omar Bensalah, the envoy, said talks would resume.\n\n"
        "A Western diplomat familiar with the talks, who asked not to be named, said the "
        "parties were far apart. “They come back each time, which is something,” the "
        "diplomat said."
    ).dataset
    assert speaker_of(d, "They come back each time, which is something,") != "Omar Bensalah"


def test_for_a_person_the_question_was() -> None:
    d = extract(
        "Farah Mansouri, an oil analyst, said prices would stay low.\n\n"
        "For Noor Siddiqui, who leads a climate finance team, the more pressing question was "
        "who would pay. She pointed out that heat already costs “billions a year.”"
    ).dataset
    assert speaker_of(d, "billions a year.") == "Noor Siddiqui"
