"""The index cache: where index files live, the key that says they are current, and
:func:`open_index`, which opens a current index or builds one (atomically)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
from array import array
from collections.abc import Callable, Sequence
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from poc_cli.model import SCHEMA_VERSION, Corpus

from .read import Index
from .schema import INDEX_FORMAT, Progress

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:  # CPython's own SHA-256: hashlib would load OpenSSL first (2-3 ms of every run)
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - another Python (3.12 has _sha2)
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

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
    digest = sha256(f"{INDEX_FORMAT}\0{SCHEMA_VERSION}\0".encode())
    # Each file's four numbers taken at C speed (20,000 files: 43 ms against 47).
    numbers_of = attrgetter("st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")
    if folder is None:
        numbers = [numbers_of(os.stat(name)) for name in names]
    else:
        base = os.path.abspath(folder)
        digest.update(base.encode("utf-8", "surrogateescape") + b"\0")
        fd = os.open(base, os.O_RDONLY)
        try:
            stat = os.stat
            numbers = [numbers_of(stat(name, dir_fd=fd)) for name in names]
        finally:
            os.close(fd)
    # Names hold no NUL, and there are four numbers per name: unambiguous.
    digest.update("\0".join(names).encode("utf-8", "surrogateescape") + b"\0\0")
    try:
        digest.update(array("q", chain.from_iterable(numbers)).tobytes())
    except OverflowError:  # an inode number above 2**63
        digest.update(repr(list(chain.from_iterable(numbers))).encode())
    return digest.hexdigest()


def _file_names(folder: Path | None, names: Sequence[str], key: str) -> tuple[str, str]:
    """(prefix shared by every index of this dataset folder or file, this index's file name)."""
    where = os.path.abspath(folder if folder is not None else names[0])
    digest = sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    prefix = f"index-v{INDEX_FORMAT}-{digest[:16]}-"
    return prefix, f"{prefix}{key[:24]}.sqlite"


def open_index(
    data: Path | str | None = None,
    *,
    load: Callable[[Path | str | None], Corpus] | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    reason: str = "",
    listing: tuple[Path | None, list[str]] | None = None,
) -> tuple[Index, list[str]]:
    """The index of the datasets ``data`` names, from the cache or freshly built.

    ``data`` is what ``--data`` / ``$POC_DATA`` gave (a file, a folder or None for the
    bundled dataset), resolved by :func:`poc_cli.corpus.dataset_listing`.  A build
    streams the files straight into the cache (:func:`build_index_from_files`); a
    bad dataset raises DataError.  ``load``, if given, loads the corpus for the build
    instead (tests use it).  ``progress`` is called only when building.  ``rebuild``:
    the cached index was found damaged while searching (``reason`` says how).
    ``listing``: what ``dataset_listing(data)`` answered already, if the caller asked.

    Only a regular file is opened as the cached index: a FIFO, socket, device, folder
    or symbolic link at its path is replaced by a new build (or, if it cannot be,
    searched around in memory), never read.  A cache folder that cannot be entered
    or written means an in-memory index.  A build removes its temporary files when
    it fails or is interrupted (Ctrl-C, SIGTERM, SIGHUP: :func:`_unwind_on_signals`),
    and every open sweeps temporaries that processes killed outright left behind
    (:func:`_sweep`).

    Returns the index and warnings (cache problems) for the caller to show.
    """
    from poc_cli import corpus as dataset
    from poc_cli.errors import DataError

    folder, names = listing if listing is not None else dataset.dataset_listing(data)
    warnings: list[str] = []
    try:
        key = _listing_key(folder, names)
    except OSError as exc:
        # A file listed but not stat'ed: the folder may be listed but not entered.
        name = exc.filename if isinstance(exc.filename, str) else "?"
        where = os.path.join(folder, name) if folder is not None else name
        raise DataError(f"{where}: cannot read dataset file ({exc.strerror or exc})") from None
    cache = cache_dir()
    prefix, name = _file_names(folder, names, key)
    target = cache / name
    entry = _entry(target)
    if isinstance(entry, OSError):
        # The cache folder (or a folder above it) cannot be entered or looked into.
        warnings.append(_unusable(cache, entry))
        return _in_memory(dataset, data, load, key, progress), warnings
    _sweep(cache)
    if not rebuild and entry == "file":
        try:
            index = Index.open(target)
            if index.meta.get("cache_key") == key:
                return index, warnings
            index.close()
        except sqlite3.DatabaseError as exc:
            warnings.append(f"search index {target} is damaged ({exc}); rebuilding it")
    elif entry == "other":
        warnings.append(f"search index {target} is not a regular file; replacing it")
    elif rebuild:
        how = f" ({reason})" if reason else ""
        warnings.append(f"search index {target} is damaged{how}; rebuilding it")

    from .write import build_index

    with _unwind_on_signals():
        if load is None:
            return _build_into_cache(
                dataset, data, folder, names, key, cache, prefix, target, progress, warnings
            )
        corpus = load(data)
        index = build_index(corpus, cache_key=key, progress=progress)
        problem = _save(index, cache, prefix, target)
        if problem:
            warnings.append(_unwritable(cache, problem))
        return index, warnings


def _build_into_cache(
    dataset: Any,
    data: Path | str | None,
    folder: Path | None,
    names: list[str],
    key: str,
    cache: Path,
    prefix: str,
    target: Path,
    progress: Progress | None,
    warnings: list[str],
) -> tuple[Index, list[str]]:
    """:func:`open_index`'s streamed build into a temporary file, moved into place."""
    from .write import build_index_from_files

    paths = [str(folder / n) for n in names] if folder is not None else names
    tmp = _Temporary.make(cache)
    if isinstance(tmp, OSError):
        warnings.append(_unwritable(cache, str(tmp) or type(tmp).__name__))
        return _in_memory(dataset, data, None, key, progress), warnings

    def corpus_error() -> None:
        dataset.load_corpus(data)  # raises the precise error for repeated ids

    try:
        build_index_from_files(
            paths, tmp.path, cache_key=key, progress=progress, on_error=corpus_error
        )
        os.replace(tmp.path, target)
    except (sqlite3.Error, OSError) as exc:
        # The cache folder filled up or failed (or a folder stands at the index's
        # path): search from memory, as when it cannot be written at all.  (A bad
        # dataset is a DataError: raised.)
        tmp.discard()
        warnings.append(_unwritable(cache, str(exc) or type(exc).__name__))
        return _in_memory(dataset, data, None, key, progress), warnings
    except BaseException:
        tmp.discard()  # a bad dataset, Ctrl-C, SIGTERM, SIGHUP: nothing left behind
        raise
    tmp.close()
    _remove_stale(cache, prefix, target)
    return Index.open(target), warnings


def _in_memory(
    dataset: Any,
    data: Path | str | None,
    load: Callable[[Path | str | None], Corpus] | None,
    key: str,
    progress: Progress | None,
) -> Index:
    from .write import build_index

    corpus = (load or dataset.load_corpus)(data)
    return build_index(corpus, cache_key=key, progress=progress)


def _entry(path: Path) -> str | OSError:
    """What stands at ``path``, not following a symbolic link: "file" (a regular
    file), "missing", "other" (FIFO, socket, device, folder, link), or the OSError
    that says its folder cannot be entered."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"  # (a file where the cache folder should be: found when writing)
    except OSError as exc:
        return exc
    return "file" if stat.S_ISREG(mode) else "other"


def _unwritable(folder: Path, problem: str) -> str:
    return (
        f"cannot write the search index cache in {folder} ({problem}); indexing in memory this time"
    )


def _unusable(folder: Path, exc: OSError) -> str:
    problem = exc.strerror or str(exc) or type(exc).__name__
    return (
        f"cannot use the search index cache in {folder} ({problem}); indexing in memory this time"
    )


# ------------------------------------------------------------------ temporaries

_TEMP_PREFIX = ".index-"
_TEMP_SUFFIX = ".tmp"
_RELATED = (
    ".shard",
    ".shard-journal",
    ".shard-fts",
    ".shard-fts-journal",
    "-journal",
    "-wal",
    "-shm",
)
"""Files beside a temporary index named after it: the forked builder's shard, SQLite's."""
ORPHAN_AGE = 3600.0
"""Seconds after which an unlocked temporary is swept even if its process id is in
use (ids are reused) or it has none (named by an older poc, which did not lock)."""


class _Temporary:
    """A new file in the cache folder to build an index in.

    Named ``.index-<pid>-<random>.tmp`` and held under an exclusive ``flock`` for as
    long as this process (or its forked shard builder, which inherits the lock)
    lives, so :func:`_sweep` can tell a live build's files from a killed one's.
    """

    def __init__(self, path: str, fd: int) -> None:
        self.path = path
        self.fd = fd

    @classmethod
    def make(cls, folder: Path) -> _Temporary | OSError:
        """A new locked temporary in ``folder`` (made if missing), or why there cannot be one."""
        import tempfile  # only when building: a warm search never needs it

        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, path = tempfile.mkstemp(
                dir=folder, prefix=f"{_TEMP_PREFIX}{os.getpid()}-", suffix=_TEMP_SUFFIX
            )
        except OSError as exc:
            return exc
        made = cls(path, fd)
        _lock(fd, blocking=True)
        return made

    def close(self) -> None:
        """Release the lock (after the file was moved into place, or removed)."""
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def discard(self) -> None:
        """Remove the temporary and the files named after it, then unlock."""
        for suffix in _RELATED:
            with contextlib.suppress(OSError):
                os.unlink(self.path + suffix)
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        self.close()


def _lock(fd: int, *, blocking: bool) -> bool:
    """Take an exclusive flock on ``fd``: False if another holds it.  Where flock
    does not exist or the file system refuses it, True (the process id decides)."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return True
    return True


def _sweep(folder: Path) -> None:
    """Remove temporaries of builds whose process is gone (killed outright: SIGKILL,
    a crash, a power cut), never a live build's.

    A temporary is an orphan when nobody holds its lock *and* its process id is not a
    running process (or it is older than :data:`ORPHAN_AGE`).  The lock answers for
    live builds in other pid namespaces (containers sharing the cache); the pid for
    the moment between creating a temporary and locking it.  Costs one listing of the
    cache folder (about 25 µs) when there is nothing to sweep.
    """
    try:
        names = [n for n in os.listdir(folder) if n.startswith(_TEMP_PREFIX)]
    except OSError:
        return  # a folder that cannot be listed: nothing to sweep that we can see
    if not names:
        return
    owners: dict[str, list[str]] = {}
    for n in names:
        end = n.find(_TEMP_SUFFIX)
        if end > 0:
            owners.setdefault(n[: end + len(_TEMP_SUFFIX)], []).append(n)
    for owner, files in owners.items():
        _sweep_one(folder, owner, files)


def _sweep_one(folder: Path, owner: str, files: list[str]) -> None:
    import time

    base = os.path.join(folder, owner)
    try:
        fd = os.open(base, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        fd = -1  # only a shard or journal is left: its owner's process decides
    except OSError:
        return
    try:
        if fd >= 0:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and not _lock(fd, blocking=False):
                return  # a live build
            age = time.time() - st.st_mtime
        else:
            try:
                age = time.time() - os.lstat(os.path.join(folder, files[0])).st_mtime
            except OSError:
                return
        pid_text = owner[len(_TEMP_PREFIX) :].split("-", 1)[0]
        pid = int(pid_text) if pid_text.isdigit() and "-" in owner[len(_TEMP_PREFIX) :] else 0
        if age < ORPHAN_AGE and (pid <= 0 or pid == os.getpid() or not _process_gone(pid)):
            return
        for n in sorted(files, key=len, reverse=True):  # the owner last
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, n))
    finally:
        if fd >= 0:
            os.close(fd)


def _process_gone(pid: int) -> bool:
    """No process ``pid`` is running (none at all, or only its zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # another user's process: running
    except OSError:
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rsplit(b")", 1)[-1].split()[:1]
    except OSError:
        return False
    return state in ([b"Z"], [b"X"])


def _unwind_on_signals() -> contextlib.AbstractContextManager[Any]:
    """While a build runs: SIGTERM and SIGHUP unwind the build like Ctrl-C (temporary
    files removed) and end the process with status 128 + the signal; a second signal
    during that clean-up is ignored.  Signals set to be ignored (``nohup``) stay so,
    and handlers other than the default are left alone; so are other threads."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return contextlib.nullcontext()
    stack = contextlib.ExitStack()
    handled: list[int] = [signal.SIGINT]
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            handled.append(number)
    saved: dict[int, Any] = {number: signal.getsignal(number) for number in handled}

    def unwind(signum: int, frame: Any) -> None:
        for number in saved:
            signal.signal(number, signal.SIG_IGN)  # the clean-up is not interrupted
        previous = saved[signum]
        if callable(previous):  # Ctrl-C: poc's own handler (exit 130) or Python's
            previous(signum, frame)
            raise KeyboardInterrupt
        raise SystemExit(128 + signum)

    for number, previous in saved.items():
        if number != signal.SIGINT or callable(previous):
            signal.signal(number, unwind)

    def restore() -> None:
        for number, previous in saved.items():
            signal.signal(number, previous)

    stack.callback(restore)
    return stack


def _remove_stale(folder: Path, prefix: str, target: Path) -> None:
    """Older indexes of the same dataset paths are stale now, and so are this
    format's predecessors' (a newer poc's index of them, in a newer format, is kept:
    two versions of poc may share a cache)."""
    # prefix is "index-v<format>-<digest of the paths>-".
    digest_part = prefix.split("-", 2)[2]
    for old in folder.glob(f"index-v*-{digest_part}*.sqlite"):
        version = old.name[len("index-v") :].split("-", 1)[0]
        if old != target and version.isdigit() and int(version) <= INDEX_FORMAT:
            with contextlib.suppress(OSError):
                old.unlink()


def _save(index: Index, folder: Path, prefix: str, target: Path) -> str | None:
    """Write ``index`` to ``target`` atomically; the reason it failed, or None."""
    made = _Temporary.make(folder)
    if isinstance(made, OSError):
        return str(made) or type(made).__name__
    try:
        disk = sqlite3.connect(made.path)
        try:
            index.conn.backup(disk)
        finally:
            disk.close()
        os.replace(made.path, target)
    except (OSError, sqlite3.Error) as exc:
        made.discard()
        return str(exc) or type(exc).__name__
    except BaseException:
        made.discard()
        raise
    made.close()
    _remove_stale(folder, prefix, target)
    return None
