"""The index cache: where index files live, the key that says they are current, and
:func:`open_index`, which opens a current index or builds one (atomically)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

from poc_cli.model import SCHEMA_VERSION, Corpus

from .read import Index
from .schema import INDEX_FORMAT, Progress
from .write import build_index, build_index_from_files

CACHE_ENV_VAR = "POC_CACHE_DIR"

# ------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """``$POC_CACHE_DIR`` if set, else the user cache folder for poc."""
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith("linux"):
        # The common Linux cases without importing platformdirs (about 10 ms of every
        # search): exactly what platformdirs.user_cache_dir("poc") answers there, which
        # tests/test_index.py checks.  Anything unusual (a relative HOME) is left to it.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if os.path.isabs(xdg):
            return Path(xdg, "poc")
        if os.path.isabs(os.environ.get("HOME", "")):
            return Path(os.path.expanduser("~/.cache"), "poc")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("poc"))


def cache_key(paths: Sequence[Path]) -> str:
    """A hash that changes whenever any dataset file (or the index format) changes.

    Raises OSError if a file cannot be stat'ed.
    """
    return _listing_key(None, [os.path.abspath(p) for p in paths])


def _listing_key(folder: Path | None, names: Sequence[str]) -> str:
    """:func:`cache_key` of ``names`` in ``folder`` (or of absolute paths if None).

    Each file's name, size, mtime, ctime and inode go into the hash (and the folder's
    absolute path).  Over a folder the files are stat'ed by name relative to the open
    folder; the numbers are hashed as one list, not formatted file by file: 20,000
    files in about 0.1 s, nearly all of it the stat calls themselves.
    """
    digest = hashlib.sha256(f"{INDEX_FORMAT}\0{SCHEMA_VERSION}\0".encode())
    if folder is None:
        stats = [os.stat(name) for name in names]
    else:
        base = os.path.abspath(folder)
        digest.update(base.encode("utf-8", "surrogateescape") + b"\0")
        fd = os.open(base, os.O_RDONLY)
        try:
            stat = os.stat
            stats = [stat(name, dir_fd=fd) for name in names]
        finally:
            os.close(fd)
    numbers: list[int] = []
    add = numbers.extend
    for st in stats:
        add((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    # Names hold no NUL, and there are four numbers per name: unambiguous.
    digest.update("\0".join(names).encode("utf-8", "surrogateescape") + b"\0\0")
    try:
        digest.update(array("q", numbers).tobytes())
    except OverflowError:  # an inode number above 2**63
        digest.update(repr(numbers).encode())
    return digest.hexdigest()


def _file_names(folder: Path | None, names: Sequence[str], key: str) -> tuple[str, str]:
    """(prefix shared by every index of this dataset folder or file, this index's file name)."""
    where = os.path.abspath(folder if folder is not None else names[0])
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    prefix = f"index-v{INDEX_FORMAT}-{digest[:16]}-"
    return prefix, f"{prefix}{key[:24]}.sqlite"


def open_index(
    data: Path | str | None = None,
    *,
    load: Callable[[Path | str | None], Corpus] | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> tuple[Index, list[str]]:
    """The index of the datasets ``data`` names, from the cache or freshly built.

    ``data`` is what ``--data`` / ``$POC_DATA`` gave (a file, a folder or None for the
    bundled dataset), resolved by :func:`poc_cli.corpus.dataset_listing`.  A build
    streams the files straight into the cache (:func:`build_index_from_files`); a
    bad dataset raises DataError.  ``load``, if given, loads the corpus for the build
    instead (tests use it).  ``progress`` is called only when building.

    Returns the index and warnings (cache problems) for the caller to show.
    """
    from poc_cli import corpus as dataset
    from poc_cli.errors import DataError

    folder, names = dataset.dataset_listing(data)
    warnings: list[str] = []
    try:
        key = _listing_key(folder, names)
    except OSError as exc:
        raise DataError(f"cannot read dataset: {exc}") from exc
    cache = cache_dir()
    prefix, name = _file_names(folder, names, key)
    target = cache / name
    if not rebuild and target.exists():
        try:
            index = Index.open(target)
            if index.meta.get("cache_key") == key:
                return index, warnings
            index.close()
        except sqlite3.DatabaseError as exc:
            warnings.append(f"search index {target} is damaged ({exc}); rebuilding it")
    elif rebuild:
        warnings.append(f"search index {target} is damaged; rebuilding it")

    if load is None:
        paths = [str(folder / n) for n in names] if folder is not None else names
        tmp = _temporary(cache)
        if not isinstance(tmp, str):
            warnings.append(_unwritable(cache, str(tmp) or type(tmp).__name__))
            corpus = dataset.load_corpus(data)
            return build_index(corpus, cache_key=key, progress=progress), warnings

        def corpus_error() -> None:
            dataset.load_corpus(data)  # raises the precise error for repeated ids

        try:
            build_index_from_files(
                paths, tmp, cache_key=key, progress=progress, on_error=corpus_error
            )
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            # The cache folder filled up or failed: search from memory, as when it
            # cannot be written at all.  (A bad dataset is a DataError: raised.)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            warnings.append(_unwritable(cache, str(exc) or type(exc).__name__))
            corpus = dataset.load_corpus(data)
            return build_index(corpus, cache_key=key, progress=progress), warnings
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _remove_stale(cache, prefix, target)
        return Index.open(target), warnings

    corpus = load(data)
    index = build_index(corpus, cache_key=key, progress=progress)
    problem = _save(index, cache, prefix, target)
    if problem:
        warnings.append(_unwritable(cache, problem))
    return index, warnings


def _unwritable(folder: Path, problem: str) -> str:
    return f"cannot write the search index cache in {folder} ({problem}); searching without a cache"


def _temporary(folder: Path) -> str | OSError:
    """A new empty file in ``folder`` to build an index in, or why there cannot be one."""
    import tempfile  # only when building: a warm search never needs it

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        return exc
    return tmp


def _remove_stale(folder: Path, prefix: str, target: Path) -> None:
    """Older indexes of the same dataset paths are stale now."""
    for old in folder.glob(prefix + "*.sqlite"):
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()


def _save(index: Index, folder: Path, prefix: str, target: Path) -> str | None:
    """Write ``index`` to ``target`` atomically; the reason it failed, or None."""
    made = _temporary(folder)
    if not isinstance(made, str):
        return str(made) or type(made).__name__
    tmp: str | None = made
    try:
        disk = sqlite3.connect(made)
        try:
            index.conn.backup(disk)
        finally:
            disk.close()
        os.replace(made, target)
        tmp = None
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _remove_stale(folder, prefix, target)
    return None
