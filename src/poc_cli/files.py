"""Writing files without losing anything.

A file poc writes appears whole or not at all: the text goes to a temporary file
in the same folder, is flushed to disk, then renamed over the target in one step.
An existing file is never replaced unless the user asked (``--force``), and if
anything fails the old file is left as it was.

Otherwise ``-o FILE`` behaves like a shell's ``> FILE``: a new file gets the
permissions the umask allows, a replaced file keeps its own, and a symbolic link
is followed, so the file it points to is written and the link stays.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import UsageError

PRIVATE = 0o600  # what a temporary file starts as when it replaces a file
NEW_FILE = 0o666  # what a new file asks for; the kernel takes the umask off, as for `>`


def write_new_file(path: Path, text: str | Iterable[str | bytes], *, force: bool = False) -> None:
    """Write ``text`` to ``path`` whole or not at all; an existing file only with ``force``.

    ``text`` may come in pieces (an iterable of strings, or of UTF-8 bytes written as
    they are), written as they come.

    Messages name the path as the user gave it, even when a link led elsewhere.
    """
    path = path.expanduser()
    linked = _is_link(path)
    target = Path(os.path.realpath(path)) if linked else path
    existing = _stat_or_none(path, target)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UsageError(f"{path}: is a folder; give a file name")
    if (existing is not None or linked) and not force:
        # A link's name is taken even when it leads nowhere (bash's noclobber agrees), so
        # without --force no link, planted or not, can send poc's output somewhere else.
        raise UsageError(f"{path}: already exists; use --force to overwrite it")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # --force replaces files, never devices, pipes or sockets (think /dev/null as root)
        raise UsageError(f"{path}: is not a regular file; poc only writes regular files")
    if linked and target.is_symlink():  # realpath stops at a loop and hands back a link
        raise UsageError(f"{path}: is a symbolic link that loops; give a file name")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    keep = None if existing is None else _permissions_to_keep(existing)
    try:
        handle, temporary = _create_temporary(folder, target.name, keep)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            if keep is not None:
                # before any text is in it: the temporary is never more open than the result
                os.chmod(handle if os.chmod in os.supports_fd else temporary, keep)
            if isinstance(text, str):
                stream.write(text)
            else:
                for piece in text:
                    if isinstance(piece, str):
                        stream.write(piece)
                    else:  # UTF-8 already (the file's encoding): after the text before it
                        stream.flush()
                        stream.buffer.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, target)
        else:
            _link_without_clobbering(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):
            raise UsageError(f"{path}: already exists; use --force to overwrite it") from None
        if isinstance(exc, OSError):
            raise UsageError(f"{path}: could not be written ({exc.strerror or exc})") from None
        raise


def _is_link(path: Path) -> bool:
    """Whether ``path`` is a symbolic link, to be followed rather than replaced.

    Renaming over a link would replace the link and leave the file it points to
    as it was, but whoever writes ``-o link --force`` means that file, as with
    ``cmd > link``; a dangling link names the file it would create.  Only a link
    is resolved, so any other path (and the folder named in an error) stays as typed.
    """
    try:
        return path.is_symlink()
    except OSError as exc:  # e.g. a folder on the way that we may not search
        raise UsageError(f"{path}: cannot write here ({exc.strerror or exc})") from None


def _stat_or_none(path: Path, target: Path) -> os.stat_result | None:
    """What is at ``target`` now, or None if nothing is.

    Only "no such file" (or a link loop, refused later) means nothing; anything
    else (a folder we may not search, a name too long) is the user's to fix and
    is said so, never a traceback.
    """
    try:
        return os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None
        raise UsageError(f"{path}: cannot write here ({exc.strerror or exc})") from None


def _permissions_to_keep(existing: os.stat_result) -> int:
    """The permission bits a replacement must have: those of the file it replaces.

    The rename hands the temporary's mode on, so without this a script would lose
    its x bit and a shared file its read bits.  Set-id and sticky bits are left
    off, as the kernel drops set-id bits from a file that is written to.
    """
    return stat.S_IMODE(existing.st_mode) & 0o777


def _create_temporary(folder: Path, name: str, keep: int | None) -> tuple[int, str]:
    """Create an empty, hidden temporary file in ``folder``; return its descriptor and path.

    Not tempfile.mkstemp: it always makes 0600, which the rename would hand on.  A
    new file asks for 0666 and the kernel takes off the umask (or applies the
    folder's default ACL), exactly as a shell redirection does, so poc need not
    read the umask, which can only be done by changing it for the whole process.
    A file that replaces another starts private and is given the old file's bits.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    mode = NEW_FILE if keep is None else PRIVATE
    for _ in range(100):
        temporary = str(folder / _temporary_name(folder, name, os.urandom(4).hex()))
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue  # a name someone else took; O_EXCL never opens what it did not create
    raise FileExistsError(f"no free temporary name in {folder}")


def _temporary_name(folder: Path, name: str, tag: str) -> str:
    """``.NAME.TAG.tmp``, or, when that would be longer than the folder's file system
    takes (a target name of 242 bytes or more on most), ``.poc-TAG.tmp``: a name the
    target may have must never fail for its temporary's sake."""
    wanted = f".{name}.{tag}.tmp"
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    if len(os.fsencode(wanted)) <= limit:
        return wanted
    return f".poc-{tag}.tmp"


def _link_without_clobbering(temporary: str, path: Path) -> None:
    """Give the finished file its name only if the name is still free.

    A hard link fails if the target exists, in one step, so a file that appeared
    while we were writing is never replaced.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)
