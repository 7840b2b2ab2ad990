"""The detailed views (``show ID``, ``sessions S``, ``speakers NAME``) into a pipe are
drawn without Rich (output/details.py): byte for byte what Rich drew there, for every
statement, session and person of the seminar and of the hostile dataset (control
characters, tabs, wide and combining characters, markup), and Rich is not imported."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from poc_cli.corpus import load_corpus
from poc_cli.model import Corpus
from poc_cli.output import details
from poc_cli.output.emit import OutputChoice, emit_renderable
from poc_cli.output.env import Environment
from poc_cli.output.tables import View, with_event_column
from poc_cli.queries import session_detail, speaker_profiles, statement_context

BUNDLED = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"


def _rich_in_a_pipe(records: list[dict[str, Any]], view: View) -> str:
    from poc_cli.output.rich_views import rich_table_view

    out = io.StringIO()
    env = Environment(out, io.StringIO(), False, False, no_color=True)
    emit_renderable(env, rich_table_view(records, view, terminal=False), OutputChoice())
    return out.getvalue()


def _cases(corpus: Corpus) -> Iterator[tuple[str, list[dict[str, Any]], View]]:
    for statement in corpus.statements:
        yield statement.id, [statement_context(corpus, statement)], details.STATEMENT_DETAIL_VIEW
    for dataset in corpus.datasets:
        for session in dataset.sessions:
            records = [session_detail(corpus, (dataset.event.id, session.id))]
            for notes in (False, True):
                yield session.id, records, details.session_detail_view(notes=notes)
        for speaker in dataset.speakers:
            records = speaker_profiles(corpus, [(dataset.event.id, speaker.id)])
            for notes in (False, True):
                yield speaker.id, records, details.speaker_profile_view(notes=notes)


def _compare(corpus: Corpus) -> int:
    compared = 0
    for name, records, view in _cases(corpus):
        view = with_event_column(records, view, len(corpus.datasets))
        plain = view.extra.plain(records, view)  # type: ignore[union-attr]
        assert plain == _rich_in_a_pipe(records, view), name
        compared += 1
    return compared


def test_the_seminar_s_details_are_what_rich_drew() -> None:
    assert _compare(load_corpus(BUNDLED)) > 100


def test_the_hostile_details_are_what_rich_drew(hostile_file: Path) -> None:
    assert _compare(load_corpus(hostile_file)) > 10


def test_tabs_wide_and_combining_characters(mini_raw: dict[str, Any], tmp_path: Path) -> None:
    texts = ["a\tb\tc", "\tlead", "漢字\tx", "e\u0301\tz", "12345678\t9", "• one\n\t• two  ", "  ends  "]
    template = mini_raw["statements"][0]
    mini_raw["statements"] = [
        {**template, "id": f"mini-t{n}", "text": text} for n, text in enumerate(texts)
    ]
    mini_raw["sessions"][0]["note"] = "tab\there"
    path = tmp_path / "tabs.json"
    path.write_text(json.dumps(mini_raw, ensure_ascii=False), encoding="utf-8")
    assert _compare(load_corpus(path)) > 0


def test_several_events(several_events: Path) -> None:
    corpus = load_corpus(several_events)
    records = speaker_profiles(corpus, [(d.event.id, "agnes-coutou") for d in corpus.datasets])
    view = with_event_column(records, details.speaker_profile_view(), len(corpus.datasets))
    assert view.extra.plain(records, view) == _rich_in_a_pipe(records, view)  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["show", "ipi18-21"], ["sessions", "2"], ["speakers", "agnes"]], ids=" ".join
)
def test_into_a_pipe_rich_is_not_imported(args: list[str]) -> None:
    probe = (
        "import sys\n"
        f"sys.argv = ['poc', *{args!r}]\n"
        "from poc_cli.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    sys.stderr.write('RICH=' + str(any(m.split('.')[0] == 'rich' for m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert done.stderr.endswith("RICH=False"), done.stderr
