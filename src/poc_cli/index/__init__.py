"""The search index: an SQLite FTS5 database holding everything a search needs.

Why SQLite FTS5: it ships with Python, gives an inverted index with phrase queries,
diacritic folding (``unicode61 remove_diacritics 2``) and bm25 ranking, and a warm
search opens one file and reads a few pages of it, so search time stays nearly flat
as the corpus grows (a pickled Python index would have to be read whole on every run).

What it holds (format :data:`INDEX_FORMAT`):

``meta``        cache key, format, counts
``events``      id, short title, title, date
``sessions``    per event: id, title, kind, and the Session as JSON
``speakers``    per event: id, name, and the Speaker as JSON
``names``       cleaned name form → (event, speaker) for exact name look-ups
``topics``      per event: id, label
``statements``  every field a hit is rendered from (id, event, speaker id and name,
                session id and title, kind, text, items, topics, paragraphs, note)
``fts``         contentless FTS5 table over text, items, topic labels, speaker
                names and organisations
``vocab``       every distinct indexed term with its canonical spelling, stem key,
                document frequency and length, for typo and spelling expansion
``overviews``   each speaker's and session's record as ``poc speakers`` / ``poc
                sessions`` list it, made at build time (issue 13), by kind
``overview_cells`` those records' table cells, apart (a whole-corpus table reads
                only them)
``statement_cells``, ``statement_records`` each statement's table cells with
                their widths, and its record's JSON, in report order
``groups``      statements per (event, speaker / session / kind / topic): count,
                first and last, for ``poc stats``
``organisations`` every spelling of an organisation in the corpus, with where it is
                first met (stats keys an organisation by its fullest spelling, the
                first met of equally long ones, as over the loaded corpus)
``precomputed`` the whole corpus's ``poc stats`` rows, counted at build time

So a warm search or listing never parses the JSON datasets.  Every served row (statements,
events, speakers, sessions, topics) and the meta table carry a CRC-32 ``checksum``
of their other columns, checked when they are read (:func:`.schema.row_check`).

Cache (:func:`open_index`): one file per set of dataset paths in
``platformdirs.user_cache_dir("poc")`` or ``$POC_CACHE_DIR``; its name and its
``meta.cache_key`` carry a hash of the format version, the model's schema version and
each dataset file's absolute path, size, ``st_mtime_ns``, ``st_ctime_ns`` and
``st_ino``, so a changed dataset can never give stale results (an in-place edit
with its size and mtime restored by ``os.utime`` still moves ``st_ctime``).  A build
is written to a temporary file in the cache folder (``.index-<pid>-<random>.tmp``,
flock'ed while it lives; the forked shard builder's ``….tmp.shard`` and
``….tmp.shard-fts`` beside it) and moved into place with ``os.replace``, so two poc
processes at once are safe (the last one wins; both wrote the same index).
Temporaries are removed when a build fails or is interrupted (Ctrl-C, SIGTERM,
SIGHUP); those of a process killed outright are swept by the next run, once their
lock is free and their pid gone.  Only a regular file is opened as an index (a FIFO
there would block).  A damaged cache file (SQLite's error, a checksum that does not
match, text that is not UTF-8) is rebuilt; a cache folder that cannot be entered or
written means searching from an in-memory index; both are reported as warning
strings, never raised.

Modules: :mod:`.schema` (tables, rowid layout), :mod:`.write` (building),
:mod:`.read` (:class:`Index`), :mod:`.cache` (cache folder, key, :func:`open_index`),
:mod:`.listings` (the listings' SQL), :mod:`.catalog` (names, filters as SQL).
sqlite3 is imported here, and this package is imported only by search and listing code.
"""

from typing import TYPE_CHECKING, Any

from .cache import CACHE_ENV_VAR, cache_dir, cache_key, open_index
from .read import Index, IndexDamaged
from .schema import INDEX_FORMAT, RANK_CAP, Progress, StatementRow

if TYPE_CHECKING:
    from .write import PARALLEL_MIN_FILES, build_index, build_index_from_files

_FROM_WRITE = frozenset({"PARALLEL_MIN_FILES", "build_index", "build_index_from_files"})


def __getattr__(name: str) -> Any:
    """The builder's names, loaded when first used: a warm run never builds (PEP 562)."""
    if name in _FROM_WRITE:
        from . import write

        return getattr(write, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CACHE_ENV_VAR",
    "INDEX_FORMAT",
    "PARALLEL_MIN_FILES",
    "RANK_CAP",
    "Index",
    "IndexDamaged",
    "Progress",
    "StatementRow",
    "build_index",
    "build_index_from_files",
    "cache_dir",
    "cache_key",
    "open_index",
]
