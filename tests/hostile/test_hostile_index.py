"""Hostile cache: nothing lost, nothing stale, nothing left behind.

- signals during an index build (SIGTERM, SIGHUP, SIGINT, SIGKILL) on a corpus big
  enough to be built by two processes: no temporary index or shard is left, the
  forked shard builder dies with its parent, and the next run sweeps what a killed
  run left (but never a live build's files);
- bytes changed inside the index file: a search never prints an altered quotation or
  attribution, and never a traceback (the index is rebuilt with a warning);
- a dataset edited in place with its size and modification time restored;
- a FIFO, socket, device, link or folder at the index path, or a FIFO as the cache folder;
- folders poc may not enter, list or write, as a non-root user (tests run as root
  here, and root ignores modes: those cases run under ``setpriv`` as nobody).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import BUNDLED, Ran, assert_no_traceback, base_env, poc_command, run_poc

from poc_cli.corpus import load_corpus
from poc_cli.search import parse_query, search

QUERIES = ("acronym soup", "neutrality", "Mamiya", '"armed groups"', "nuetrality")


# ------------------------------------------------------------------ corpora


def _copies(folder: Path, count: int) -> Path:
    """``count`` copies of the seminar, each its own event with its own statement ids."""
    raw = json.loads(BUNDLED.read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    for n in range(count):
        copy = json.loads(json.dumps(raw))
        prefix = f"cp{n:04d}"
        copy["event"]["id"] = prefix
        for st in copy["statements"]:
            st["id"] = f"{prefix}-{st['id']}"
            if "within" in st:
                st["within"] = f"{prefix}-{st['within']}"
        (folder / f"{prefix}.json").write_text(json.dumps(copy), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 30,000 statements in 400 files: built by two processes, in a second or more."""
    return _copies(tmp_path_factory.mktemp("big") / "corpus", 400)


@pytest.fixture
def seminar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("POC_DATA", raising=False)
    copy = tmp_path / "data" / "seminar.json"
    copy.parent.mkdir()
    shutil.copyfile(BUNDLED, copy)
    return copy


def _temporaries(cache: Path) -> list[str]:
    return sorted(n for n in os.listdir(cache) if n.startswith(".index-")) if cache.exists() else []


def _indexes(cache: Path) -> list[Path]:
    return sorted(cache.glob("index-*.sqlite"))


# ------------------------------------------------------------------ signals during a build


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[-1].split()[0] in (b"Z", b"X")
    except FileNotFoundError:
        return True


def _start_build(
    corpus: Path, cache: Path, *, group: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``poc search`` on ``corpus`` with an empty cache (in a process group of
    its own if ``group``); return once the forked shard builder runs (its shard file
    exists), with the builder's pid."""
    proc = subprocess.Popen(
        [*poc_command(), "--data", str(corpus), "search", "neutrality"],
        env=base_env(cache),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if group else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=group,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if any(n.endswith(".shard") for n in _temporaries(cache)):
            with contextlib.suppress(OSError):
                children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
                if children:
                    time.sleep(0.05)  # well into the build
                    return proc, int(children[0])
        time.sleep(0.005)
    proc.kill()
    proc.communicate()
    pytest.fail("the build ended before its shard builder was seen (corpus too small?)")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_a_build_leaves_nothing_behind(
    big_corpus: Path, tmp_path: Path, signum: int
) -> None:
    cache = tmp_path / "cache"
    proc, child = _start_build(big_corpus, cache)
    assert _temporaries(cache), "a build in progress has its temporaries"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode in (128 + signum, -signum), err
    assert_no_traceback(err.decode(errors="replace"))
    assert _temporaries(cache) == []
    assert _indexes(cache) == []
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _gone(child), "the shard builder outlived its parent"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_to_the_whole_process_group_leaves_nothing_behind(
    big_corpus: Path, tmp_path: Path, signum: int
) -> None:
    """Ctrl-C on a terminal, or a service manager's stop, signal the shard builder too."""
    cache = tmp_path / "cache"
    proc, child = _start_build(big_corpus, cache, group=True)
    os.killpg(proc.pid, signum)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode in (128 + signum, -signum), err
    assert_no_traceback(err.decode(errors="replace"))
    assert _temporaries(cache) == [] and _indexes(cache) == []
    assert _gone(child)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_shard_builder_means_the_parent_builds_alone(
    big_corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    proc, child = _start_build(big_corpus, cache, group=True)
    os.kill(child, signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert_no_traceback(err.decode(errors="replace"))
    assert b"neutrality" in out.lower()
    assert _temporaries(cache) == [] and len(_indexes(cache)) == 1


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_during_a_build_kills_the_shard_builder_and_the_next_run_sweeps(
    big_corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    proc, child = _start_build(big_corpus, cache)
    proc.kill()
    proc.communicate()
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _gone(child), "the shard builder kept running after its parent was killed"
    left = _temporaries(cache)
    assert any(n.endswith(".tmp") for n in left) and any(n.endswith(".shard") for n in left)
    # A warm-path run of another dataset sweeps them as well as a build does.
    ran = run_poc(["--data", str(BUNDLED), "search", "acronym soup"], env=base_env(cache))
    assert ran.returncode == 0, ran.describe()
    assert _temporaries(cache) == []
    ran = run_poc(["--data", str(big_corpus), "search", "neutrality"], env=base_env(cache))
    assert ran.returncode == 0 and "neutrality" in ran.stdout.lower(), ran.describe()
    assert _temporaries(cache) == [] and len(_indexes(cache)) == 2


_HOLDER = r"""
import fcntl, os, sys
cache = sys.argv[1]
locked = os.path.join(cache, f".index-{os.getpid()}-livebuild.tmp")
fd = os.open(locked, os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
open(locked + ".shard", "w").close()
open(os.path.join(cache, f".index-{os.getpid()}-justmade.tmp"), "w").close()  # not yet locked
print("ready", flush=True)
sys.stdin.read()
"""


def test_the_sweep_removes_only_what_dead_processes_left(seminar: Path, tmp_path: Path) -> None:
    """Files of live builds (locked, or not yet locked by a live pid) stay; files of
    dead processes go, and so do unlocked ones older than an hour."""
    cache = tmp_path / "cache"
    cache.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(cache)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        orphans = [
            f".index-{dead_pid}-killed.tmp",
            f".index-{dead_pid}-killed.tmp.shard",
            f".index-{dead_pid}-killed.tmp-journal",
            f".index-{dead_pid}-shardonly.tmp.shard",
            ".index-oldformat.tmp",  # an older poc's name, two hours old
        ]
        for name in orphans:
            (cache / name).write_bytes(b"half an index")
        two_hours_ago = time.time() - 7200
        os.utime(cache / ".index-oldformat.tmp", (two_hours_ago, two_hours_ago))
        (cache / ".index-youngformat.tmp").write_bytes(b"maybe an older poc building now")
        live = sorted(set(_temporaries(cache)) - set(orphans))
        assert len(live) == 4
        result = search(seminar, parse_query("acronym soup"))  # a build: it sweeps
        assert result.hits and result.warnings == ()
        assert _temporaries(cache) == live
        result = search(seminar, parse_query("acronym soup"))  # warm: it sweeps too
        assert _temporaries(cache) == live
    finally:
        holder.communicate(input="")
    search(seminar, parse_query("acronym soup"))
    assert _temporaries(cache) == [".index-youngformat.tmp"]  # young, unlocked, no pid: kept


# ------------------------------------------------------------------ damage


def _statement_texts() -> dict[str, tuple[str, str]]:
    corpus = load_corpus(BUNDLED)
    names = {sp.id: sp.name for ds in corpus.datasets for sp in ds.speakers}
    return {st.id: (st.text, names[st.speaker]) for st in corpus.statements}


def _assert_served_truly(result: Any, truth: dict[str, tuple[str, str]]) -> None:
    for hit in result.hits:
        assert (hit.text, hit.speaker_name) == truth[hit.id], hit.id


def _built(seminar: Path) -> tuple[Path, bytes]:
    search(seminar, parse_query("acronym soup"))
    (index_file,) = _indexes(seminar.parent.parent / "cache")
    return index_file, index_file.read_bytes()


@pytest.mark.parametrize(
    ("find", "change"),
    [
        ("“acronym soup”", "“acronym stew”"),  # a quotation's text ... (same length)
        ("ipi18-40a", "ipi18-40b"),  # its id
        ("Ralph Mamiya", "Ralph Mamiyo"),  # a speaker's name (attribution)
        ("paraphrase", "paraphrasf"),  # a kind
        ("[[", "{["),  # JSON columns that no longer decode
        ("Engaging with armed groups", "Engaging with armed grouse"),  # a session title
    ],
)
def test_a_changed_entry_is_never_served(seminar: Path, find: str, change: str) -> None:
    truth = _statement_texts()
    index_file, clean = _built(seminar)
    old, new = find.encode(), change.encode()
    assert len(old) == len(new) and old in clean
    index_file.write_bytes(clean.replace(old, new))
    assert index_file.stat().st_size == len(clean)
    warnings = []
    for text in QUERIES:
        result = search(seminar, parse_query(text, limit=100))
        _assert_served_truly(result, truth)
        warnings.extend(result.warnings)
    # A search met the damage and rebuilt the index, with a warning.
    assert any("is damaged" in w and "rebuilding" in w for w in warnings), warnings
    assert index_file.read_bytes() != clean.replace(old, new)


def test_a_changed_quotation_is_caught_through_the_cli(seminar: Path, tmp_path: Path) -> None:
    index_file, clean = _built(seminar)
    index_file.write_bytes(clean.replace(b"acronym soup", b"acronym stew"))
    ran = run_poc(
        ["--data", str(seminar), "search", "acronym", "--json"], env=base_env(tmp_path / "cache")
    )
    assert ran.returncode == 0, ran.describe()
    assert_no_traceback(ran.stderr)
    assert "damaged" in ran.stderr and "rebuilding" in ran.stderr, ran.describe()
    texts = [hit["text"] for hit in json.loads(ran.stdout)]
    assert "acronym soup" in texts and not any("stew" in t for t in texts)


@pytest.mark.parametrize("seed", range(4))
def test_random_bytes_changed_in_the_index_never_alter_what_is_served(
    seminar: Path, seed: int
) -> None:
    """Random same-length damage anywhere in the file (half of it inside stored
    statement text): every answer is the dataset's text, or the index is rebuilt."""
    truth = _statement_texts()
    index_file, clean = _built(seminar)
    rng = random.Random(seed)
    texts = [t.encode() for t, _ in truth.values() if len(t) > 20]
    spots = [clean.find(t) for t in texts]
    spots = [s for s in spots if s >= 0]
    for n in range(12):
        damaged = bytearray(clean)
        for _ in range(rng.choice((1, 1, 2, 8))):
            where = rng.choice(spots) + rng.randrange(20) if n % 2 else rng.randrange(len(clean))
            damaged[where] = (damaged[where] + rng.randrange(1, 256)) % 256
        index_file.write_bytes(bytes(damaged))
        for text in QUERIES[:3]:
            _assert_served_truly(search(seminar, parse_query(text, limit=100)), truth)


# ------------------------------------------------------------------ staleness


@pytest.mark.parametrize("how", ["in place", "replaced by rename"])
def test_an_edit_with_size_and_times_restored_is_not_served_stale(seminar: Path, how: str) -> None:
    """Same size, same mtime (os.utime), same inode for an in-place edit: the change
    time still moves (the kernel sets it on every write and on utime itself), and it
    is part of the cache key.  Edited straight after the build, with no pause."""
    assert search(seminar, parse_query('"acronym soup"')).hits
    before = os.stat(seminar)
    data = seminar.read_bytes()
    edited = data.replace(b"acronym soup", b"acronym stew")
    assert len(edited) == len(data) and edited != data
    if how == "in place":
        with open(seminar, "r+b") as fh:
            fh.write(edited)
    else:
        side = seminar.with_name("seminar.json.new")
        side.write_bytes(edited)
        os.replace(side, seminar)
    os.utime(seminar, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(seminar)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    if how == "in place":
        assert after.st_ino == before.st_ino
    assert after.st_ctime_ns != before.st_ctime_ns  # what the key relies on
    found = search(seminar, parse_query('"acronym stew"'))
    assert [h.text for h in found.hits][:1] == ["acronym stew"]
    assert search(seminar, parse_query('"acronym soup"')).hits == ()


# ------------------------------------------------------------------ special files


def _short_cache() -> Iterator[Path]:
    # A socket's path must fit in 108 bytes: a short folder, not tmp_path.
    folder = Path(tempfile.mkdtemp(prefix="poc-", dir="/tmp"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


short_cache = pytest.fixture(_short_cache)


def _fifo(path: Path) -> Any:
    os.mkfifo(path)


def _socket(path: Path) -> Any:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return sock


def _device(path: Path) -> Any:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # like /dev/zero
    except PermissionError:
        pytest.skip("mknod needs CAP_MKNOD")


def _link_to_device(path: Path) -> Any:
    os.symlink("/dev/zero", path)


def _link_to_fifo(path: Path) -> Any:
    os.mkfifo(path.with_name("elsewhere.fifo"))
    os.symlink(path.with_name("elsewhere.fifo"), path)


def _folder(path: Path) -> Any:
    path.mkdir()
    (path / "inside").write_text("x")


@pytest.mark.parametrize(
    "make",
    [_fifo, _socket, _device, _link_to_device, _link_to_fifo, _folder],
    ids=["fifo", "socket", "device", "link-to-device", "link-to-fifo", "folder"],
)
def test_a_special_file_at_the_index_path_does_not_hang_search(
    short_cache: Path, tmp_path: Path, make: Any
) -> None:
    data = tmp_path / "seminar.json"
    shutil.copyfile(BUNDLED, data)
    env = base_env(short_cache)
    assert run_poc(["--data", str(data), "search", "acronym soup"], env=env).returncode == 0
    (index_file,) = _indexes(short_cache)
    index_file.unlink()
    keep = make(index_file)
    try:
        ran = run_poc(
            ["--data", str(data), "search", "acronym soup", "--json"], env=env, timeout=20
        )
    finally:
        if isinstance(keep, socket.socket):
            keep.close()
    assert ran.returncode == 0, ran.describe()
    assert_no_traceback(ran.stderr)
    assert [h["text"] for h in json.loads(ran.stdout)][0] == "acronym soup"
    assert "not a regular file" in ran.stderr or "cannot write" in ran.stderr, ran.stderr
    if make is not _folder:  # replaced by a fresh index; a folder cannot be
        assert stat.S_ISREG(os.lstat(index_file).st_mode)
        assert os.path.exists("/dev/zero")  # the link was replaced, not followed


def test_a_fifo_as_the_cache_folder_does_not_hang_search(tmp_path: Path) -> None:
    fifo = tmp_path / "cache"
    os.mkfifo(fifo)
    for cache in (fifo, fifo / "poc"):
        ran = run_poc(
            ["--data", str(BUNDLED), "search", "acronym soup"], env=base_env(cache), timeout=20
        )
        assert ran.returncode == 0, ran.describe()
        assert "indexing in memory this time" in ran.stderr
        assert_no_traceback(ran.stderr)


# ------------------------------------------------------------------ permissions (non-root)

NOBODY = 65534


def _as_user_prefix() -> list[str]:
    if os.geteuid() != 0:
        return []  # modes already apply
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]


@pytest.fixture(scope="module")
def as_user() -> list[str]:
    """The command prefix that runs poc as a user modes apply to; skip if none."""
    prefix = _as_user_prefix()
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop root's override of modes")
    probe = subprocess.run([*prefix, *poc_command(), "--version"], capture_output=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip(
            f"cannot run poc as a non-root user: {probe.stderr.decode(errors='replace')[-300:]}"
        )
    return prefix


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder the non-root user can reach (tmp_path is root's, mode 700)."""
    folder = Path(tempfile.mkdtemp(prefix="poc-perm-", dir="/tmp"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for d in dirs:
                with contextlib.suppress(OSError):
                    os.chmod(os.path.join(root, d), 0o700)
        folder.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


def _dataset_in(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for made in (folder, folder.parent):
        made.chmod(0o777)
    data = folder / "seminar.json"
    shutil.copyfile(BUNDLED, data)
    data.chmod(0o644)
    return data


def _run_as(prefix: list[str], args: list[str], cache: Path) -> Ran:
    env = base_env(cache, HOME="/nonexistent")
    start = time.monotonic()
    proc = subprocess.run(
        [*prefix, *poc_command(), *args],
        capture_output=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    return Ran(args, proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def _searchable(ran: Ran) -> None:
    assert ran.returncode == 0, ran.describe()
    assert_no_traceback(ran.stderr)
    assert "acronym soup" in ran.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("layout", "mode", "warning"),
    [
        ("cache", 0o000, "cannot use the search index cache"),  # cannot be entered
        ("cache", 0o555, "cannot write the search index cache"),  # read-only, empty
        ("cache", 0o666, "cannot use the search index cache"),  # listed, not entered
        ("parent/cache", 0o000, "cannot use the search index cache"),  # parent not entered
        ("parent/cache", 0o555, "cannot write the search index cache"),  # parent read-only
        ("cache", 0o333, None),  # entered and written, not listed: works, no warning
    ],
)
def test_a_cache_folder_poc_may_not_use_means_an_in_memory_index(
    as_user: list[str], shared: Path, layout: str, mode: int, warning: str | None
) -> None:
    data = _dataset_in(shared / "data")
    cache = shared / layout
    blocked = cache if layout == "cache" else cache.parent
    blocked.mkdir(mode=0o777)
    blocked.chmod(mode)
    ran = _run_as(as_user, ["--data", str(data), "search", "acronym soup"], cache)
    _searchable(ran)
    if warning is None:
        assert ran.stderr == "", ran.stderr
        blocked.chmod(0o777)
        assert len(_indexes(cache)) == 1 and _temporaries(cache) == []
    else:
        assert warning in ran.stderr, ran.stderr


@pytest.mark.slow
def test_a_read_only_cache_still_serves_its_index_and_an_unreadable_index_is_rebuilt(
    as_user: list[str], shared: Path
) -> None:
    data = _dataset_in(shared / "data")
    cache = shared / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    _searchable(_run_as(as_user, ["--data", str(data), "search", "acronym soup"], cache))
    (index_file,) = _indexes(cache)
    cache.chmod(0o555)  # now read-only: the warm search needs no writing
    ran = _run_as(as_user, ["--data", str(data), "search", "acronym soup"], cache)
    _searchable(ran)
    assert ran.stderr == ""
    cache.chmod(0o777)
    index_file.chmod(0o000)  # its owner may not read it: rebuilt in place
    ran = _run_as(as_user, ["--data", str(data), "search", "acronym soup"], cache)
    _searchable(ran)
    assert "rebuilding" in ran.stderr
    assert _indexes(cache) == [index_file] and index_file.stat().st_mode & 0o400


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "parent_mode", "message"),
    [
        (0o000, 0o777, "folder cannot be listed"),
        (0o311, 0o777, "folder cannot be listed"),  # entered, not listed
        (0o777, 0o000, "cannot be read"),  # a folder above it cannot be entered
        (0o666, 0o777, "cannot read dataset file"),  # listed, not entered: files not stat'ed
    ],
)
@pytest.mark.parametrize("command", ["search", "quotes"])
def test_a_dataset_folder_that_cannot_be_read_is_a_clear_error(
    as_user: list[str], shared: Path, mode: int, parent_mode: int, message: str, command: str
) -> None:
    data = _dataset_in(shared / "outer" / "data")
    words = ["acronym"] if command == "search" else []
    data.parent.chmod(mode)
    data.parent.parent.chmod(parent_mode)
    ran = _run_as(as_user, ["--data", str(data.parent), command, *words], shared / "cache")
    assert ran.returncode == 2, ran.describe()
    assert_no_traceback(ran.stderr)
    assert ran.stderr.startswith("error: ") and str(data.parent) in ran.stderr, ran.stderr
    if command == "search" or mode != 0o666:
        assert message in ran.stderr, ran.stderr
