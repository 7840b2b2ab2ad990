"""files.write_new_file: whole or not at all, never over an existing file unless asked."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from poc_cli import files
from poc_cli.errors import UsageError
from poc_cli.files import write_new_file


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_a_new_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_new_file(target, "a,b\n“c”,d\n")
    assert target.read_text(encoding="utf-8") == "a,b\n“c”,d\n"
    assert listing(tmp_path) == ["out.csv"]


def test_text_is_written_as_given(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    write_new_file(target, "one\r\ntwo\nAgnès\u00a0Coutou")  # no newline translation
    assert target.read_bytes() == "one\r\ntwo\nAgnès\u00a0Coutou".encode()


def test_refuses_to_overwrite_and_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("mine\n", encoding="utf-8")
    before = target.stat()
    with pytest.raises(UsageError) as caught:
        write_new_file(target, "theirs\n")
    assert "already exists" in caught.value.message and "--force" in caught.value.message
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert listing(tmp_path) == ["notes.md"]


def test_force_overwrites_atomically(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old\n", encoding="utf-8")
    old_inode = target.stat().st_ino
    write_new_file(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_ino != old_inode  # replaced by rename, not rewritten in place
    assert listing(tmp_path) == ["notes.md"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        write_new_file(tmp_path, "x", force=True)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such folder"):
        write_new_file(tmp_path / "nope" / "x.txt", "x")
    assert listing(tmp_path) == []


def test_a_relative_path_is_written_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_new_file(Path("here.txt"), "x")
    assert listing(tmp_path) == ["here.txt"]


def test_a_file_that_appears_while_writing_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "race.txt"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        target.write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(files.os, "fsync", someone_else_writes)
    with pytest.raises(UsageError, match="already exists"):
        write_new_file(target, "ours\n")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert listing(tmp_path) == ["race.txt"]


@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
def test_a_failure_while_writing_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    target = tmp_path / "out.txt"
    if force:
        target.write_text("old\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(UsageError, match="No space left on device"):
        write_new_file(target, "new\n", force=force)
    assert listing(tmp_path) == (["out.txt"] if force else [])
    if force:
        assert target.read_text(encoding="utf-8") == "old\n"


def test_a_failing_rename_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(UsageError, match="could not be written"):
        write_new_file(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert listing(tmp_path) == ["out.txt"]


def test_a_failing_link_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"

    def broken_link(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "link", broken_link)
    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(UsageError, match="could not be written"):
        write_new_file(target, "new\n")
    assert listing(tmp_path) == []


def test_without_hard_links_it_falls_back_to_a_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"

    def no_links(src: str, dst: str) -> None:
        raise OSError(1, "Operation not permitted")  # e.g. FAT, some network file systems

    monkeypatch.setattr(files.os, "link", no_links)
    write_new_file(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert listing(tmp_path) == ["out.txt"]


def test_an_interrupt_while_writing_removes_the_temporary_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_new_file(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert listing(tmp_path) == ["out.txt"]


def test_an_unwritable_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, where chmod does not stop a write: simulate it.
    monkeypatch.setattr(files.os, "open", denied)
    with pytest.raises(UsageError, match="cannot write here"):
        write_new_file(tmp_path / "x.txt", "x")
    assert listing(tmp_path) == []


def test_a_folder_that_cannot_be_searched_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "locked" / "x.txt"
    real_stat = os.stat

    def denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    # As root a chmod 000 folder is still searchable: simulate it.
    monkeypatch.setattr(files.os, "stat", denied)
    with pytest.raises(UsageError, match="cannot write here .Permission denied"):
        write_new_file(target, "x", force=True)


def test_a_pipe_is_not_replaced_even_with_force(tmp_path: Path) -> None:
    pipe = tmp_path / "fifo"
    os.mkfifo(pipe)
    with pytest.raises(UsageError, match="not a regular file"):
        write_new_file(pipe, "x", force=True)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert listing(tmp_path) == ["fifo"]


# ------------------------------------------------------------------ permissions


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """Run with this umask; it is process-wide, so always put the old one back."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
@pytest.mark.parametrize(
    ("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=oct
)
def test_a_new_file_gets_what_the_umask_allows_like_a_shell_redirection(
    tmp_path: Path, mask: int, expected: int, force: bool
) -> None:
    target = tmp_path / "out.txt"
    with umask(mask):
        write_new_file(target, "x", force=force)
    assert mode(target) == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [(0o644, 0o644), (0o755, 0o755), (0o640, 0o640), (0o600, 0o600), (0o4755, 0o755)],
    ids=oct,
)
def test_force_keeps_the_permissions_of_the_file_it_replaces(
    tmp_path: Path, before: int, after: int
) -> None:
    target = tmp_path / "script.sh"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(before)
    with umask(0o022):
        write_new_file(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert mode(target) == after  # set-id bits are dropped, as a write by the kernel does


def test_text_replacing_a_private_file_is_never_readable_by_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    seen: list[int] = []
    real_fsync = os.fsync

    def look(fd: int) -> None:  # the text is in the temporary by now
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", look)
    with umask(0o022):
        write_new_file(target, "new secret\n", force=True)
    assert seen == [0o600]
    assert mode(target) == 0o600


# -------------------------------------------------------------- symbolic links


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """here/link -> ../there/real.txt (relative, from a working folder where that means nothing)."""
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    real = tmp_path / "there" / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "here" / "link"
    link.symlink_to(Path("..") / "there" / "real.txt")
    monkeypatch.chdir(tmp_path / "there")
    return link, real


def test_force_through_a_link_writes_the_file_it_points_to_and_keeps_the_link(
    linked: tuple[Path, Path],
) -> None:
    link, real = linked
    write_new_file(link, "new\n", force=True)
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "there", "real.txt")
    assert real.read_text(encoding="utf-8") == "new\n"
    assert mode(real) == 0o640
    assert listing(link.parent) == ["link"]  # the temporary was next to the target
    assert listing(real.parent) == ["real.txt"]


def test_a_chain_of_links_is_followed_to_the_end(linked: tuple[Path, Path]) -> None:
    link, real = linked
    outer = link.parent / "outer"
    outer.symlink_to("link")
    write_new_file(outer, "new\n", force=True)
    assert outer.is_symlink() and link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_without_force_a_link_to_a_file_is_refused(linked: tuple[Path, Path]) -> None:
    link, real = linked
    with pytest.raises(UsageError) as caught:
        write_new_file(link, "new\n")
    assert caught.value.message == f"{link}: already exists; use --force to overwrite it"
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old\n"
    assert listing(link.parent) == ["link"] and listing(real.parent) == ["real.txt"]


def test_a_dangling_link_is_refused_without_force(linked: tuple[Path, Path]) -> None:
    """Without --force nothing is written through a link, not even one planted to dangle."""
    link, real = linked
    real.unlink()
    with pytest.raises(UsageError, match="already exists; use --force"):
        write_new_file(link, "new\n")
    assert link.is_symlink() and listing(link.parent) == ["link"] and listing(real.parent) == []


def test_force_through_a_dangling_link_creates_the_file_it_points_to(
    linked: tuple[Path, Path],
) -> None:
    link, real = linked
    real.unlink()
    with umask(0o022):
        write_new_file(link, "new\n", force=True)
    assert link.is_symlink() and link.read_text(encoding="utf-8") == "new\n"
    assert mode(real) == 0o644
    assert listing(link.parent) == ["link"] and listing(real.parent) == ["real.txt"]


def test_a_dangling_link_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "gone" / "real.txt")
    with pytest.raises(UsageError, match="gone: no such folder"):
        write_new_file(link, "new\n", force=True)
    assert link.is_symlink() and listing(tmp_path) == ["link"]


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    link = tmp_path / "link"
    link.symlink_to("folder")
    with pytest.raises(UsageError, match="is a folder"):
        write_new_file(link, "new\n", force=True)
    assert link.is_symlink() and listing(tmp_path / "folder") == []


@pytest.mark.parametrize(
    ("force", "message"), [(False, "already exists"), (True, "loops")], ids=["new", "force"]
)
def test_a_link_loop_is_refused_and_kept(tmp_path: Path, force: bool, message: str) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(UsageError, match=message):
        write_new_file(tmp_path / "a", "new\n", force=force)
    assert (tmp_path / "a").is_symlink() and listing(tmp_path) == ["a", "b"]
