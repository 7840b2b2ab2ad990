"""Loading only what a command about one statement needs (``poc show``, ``poc cite``).

Loading and checking every file of an archive of thousands of seminars takes seconds
(about 5 s for 100,000 statements).  A command about one statement needs only the
file that holds it.  For a folder of many dataset files, the search index (which
knows every statement id and, from its rowid, the file it came from) names that
file, and only it is loaded.  The answer is the same as from the whole corpus:

- the index is fresh (its cache key covers every file's size, times and inode), and
  it could only be built because every file was valid and no id was repeated;
- an exact id is found before any other reading of the id (:func:`find_statement`);
- the file loaded is checked to hold the statement, else everything is loaded.

Anything else (a bare number such as ``21``, an id in another case, an id that is
not in the index, a single file, a small folder) loads the whole corpus, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from poc_cli.model import Corpus

from .load import load_corpus, load_dataset
from .sources import dataset_listing

INDEXED_LOOKUP_MIN_FILES = 64
"""From this many dataset files up, a statement's file is found through the index.
Below it, loading everything costs less than opening the index (about 0.05 s)."""

Progress = Callable[[int, int], None]


class StatementCorpus(NamedTuple):
    corpus: Corpus  # the whole corpus, or only the file holding the statement
    events: int  # in the whole corpus (one per dataset file)
    warnings: list[str]  # cache problems, to show


def corpus_for_statement(
    data: Path | str | None,
    statement_id: str,
    *,
    progress: Progress | None = None,
) -> StatementCorpus:
    """The corpus to look ``statement_id`` up in.

    ``progress(done, total)`` is called while the index is built or files are read.
    """
    folder, names = dataset_listing(data)
    wanted = statement_id.strip()
    if folder is None or len(names) < INDEXED_LOOKUP_MIN_FILES or not wanted:
        corpus = load_corpus(data, on_file=progress)
        return StatementCorpus(corpus, len(corpus.datasets), [])

    import sqlite3  # only here, and in search

    from poc_cli.index import open_index

    try:
        # (the same listing: the file number it gives is a place in these names)
        index, warnings = open_index(data, progress=progress, listing=(folder, names))
        try:
            number = index.file_number(wanted)
        finally:
            index.close()
    except (sqlite3.Error, OSError) as exc:
        # The index is only a short cut here: without it, load everything as before.
        corpus = load_corpus(data, on_file=progress)
        return StatementCorpus(corpus, len(corpus.datasets), [f"search index: {exc}"])
    if number is not None and number < len(names):
        dataset = load_dataset(folder / names[number])
        if any(statement.id == wanted for statement in dataset.statements):
            return StatementCorpus(Corpus((dataset,)), len(names), warnings)
    corpus = load_corpus(data, on_file=progress)
    return StatementCorpus(corpus, len(corpus.datasets), warnings)
