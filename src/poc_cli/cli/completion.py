"""Shell completion of option values: speakers, sessions, topics, statement ids.

Completion runs the command line with ``resilient_parsing``; errors here must never
show, so a dataset that cannot be loaded completes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from poc_cli.errors import PocError

if TYPE_CHECKING:
    from poc_cli.model import Corpus


def _complete_corpus(ctx: typer.Context) -> Corpus | None:
    try:
        from poc_cli.corpus import load_corpus

        # --data after the command name wins over one before it, as when running it.
        data = ctx.params.get("data") or ctx.find_root().params.get("data")
        return load_corpus(data)
    except PocError:
        return None


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    from poc_cli.text.normalise import fold

    wanted = fold(incomplete)
    names = dict.fromkeys(p.name for _, p in corpus.speakers)
    return [
        n
        for n in names
        if fold(n).startswith(wanted) or any(w.startswith(wanted) for w in fold(n).split())
    ]


def complete_session(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    ids = dict.fromkeys(s.id for _, s in corpus.sessions)
    return [i for i in ids if i.startswith(incomplete)]


def complete_statement(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    return [s.id for s in corpus.statements if s.id.startswith(incomplete)][:200]


def complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    corpus = _complete_corpus(ctx)
    if corpus is None:
        return []
    from poc_cli.text.normalise import fold

    wanted = fold(incomplete)
    ids = dict.fromkeys(t.id for d in corpus.datasets for t in d.topics)
    return [i for i in ids if fold(i).startswith(wanted)]
