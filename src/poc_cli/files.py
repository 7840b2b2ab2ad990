"""Writing files without losing anything.

A file poc writes appears whole or not at all: the text goes to a temporary file
in the same folder, is flushed to disk, then renamed over the target in one step.
An existing file is never replaced unless the user asked (``--force``), and if
anything fails the old file is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UsageError


def write_new_file(path: Path, text: str, *, force: bool = False) -> None:
    path = path.expanduser()
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise UsageError(f"{path}: already exists; use --force to overwrite it")
    if path.exists() and not path.is_file():
        # --force replaces files, never devices, pipes or sockets (think /dev/null as root)
        raise UsageError(f"{path}: is not a regular file; poc only writes regular files")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
        else:
            _link_without_clobbering(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):
            raise UsageError(f"{path}: already exists; use --force to overwrite it") from None
        if isinstance(exc, OSError):
            raise UsageError(f"{path}: could not be written ({exc.strerror or exc})") from None
        raise


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
