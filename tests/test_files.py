"""files.write_new_file: whole or not at all, never over an existing file unless asked."""

from __future__ import annotations

import os
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


def test_a_failing_link_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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


def test_an_unwritable_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, where chmod does not stop a write: simulate it.
    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(UsageError, match="cannot write here"):
        write_new_file(tmp_path / "x.txt", "x")
    assert listing(tmp_path) == []
