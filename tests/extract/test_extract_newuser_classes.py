"""Defects a new user met trying poc extract on reports of their own, each reproduced
with a minimal report written for these tests."""

from __future__ import annotations

from extract_helpers import extract, speaker_of


def test_a_person_inside_what_someone_recalls_does_not_cut_her_sentence() -> None:
    d = extract(
        "Rosa Llorente, a former envoy, opened the session.\n\n"
        "She recalled that the late Ibrahim Sall had once told her, “Never be the first to "
        "leave the room.” She said that patience was the mediator’s only real asset."
    ).dataset
    paraphrases = [s for s in d["statements"] if s["kind"] == "paraphrase"]
    first = paraphrases[0]
    assert first["text"].startswith("She recalled that the late Ibrahim Sall had once told her")
    assert speaker_of(d, first["text"], "paraphrase") == "Rosa Llorente"
    assert speaker_of(d, "Never be the first to leave the room.") == "Ibrahim Sall"
    last = "She said that patience was the mediator’s only real asset."
    assert speaker_of(d, last, "paraphrase") == "Rosa Llorente"
