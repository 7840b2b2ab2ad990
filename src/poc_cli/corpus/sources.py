"""Where datasets come from: the bundled seminar, ``--data PATH`` or ``$POC_DATA``.

``--data`` / ``POC_DATA`` name a file or a folder of ``*.json`` files; without them
poc uses the bundled seminar.  A new dataset *format* (YAML, JSON Lines) would be
read here by suffix and handed on as the same parsed dict.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from poc_cli.errors import DataError

if TYPE_CHECKING:
    from collections.abc import Callable


def _read_json(path: Path) -> Any:
    from poc_cli.schema.read_json import read_json

    return read_json(path)


READERS: dict[str, Callable[[Path], Any]] = {".json": _read_json}
"""Dataset file suffix -> the reader that parses it into the schema's dict (a YAML or
TOML reader is one entry here; the careful validator then checks what it returns)."""


def read_raw(path: Path) -> Any:
    """One dataset file, parsed by the reader its suffix names (JSON for any other)."""
    return READERS.get(path.suffix.lower(), _read_json)(path)


def _is_dataset_name(name: str) -> bool:
    return not name.startswith(".") and any(name.endswith(suffix) for suffix in READERS)


DATA_ENV_VAR = "POC_DATA"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_dataset_path() -> Path:
    """The seminar dataset shipped with poc.

    A wheel carries it inside the package (``poc_cli/data/seminar.json``, put there by
    hatchling's force-include).  An editable install or a plain checkout has no such
    copy, so fall back to the checkout's top-level ``data/seminar.json``.
    """
    in_package = _PACKAGE_DIR / "data" / "seminar.json"
    if in_package.is_file():
        return in_package
    in_checkout = _PACKAGE_DIR.parent.parent / "data" / "seminar.json"
    if in_checkout.is_file():
        return in_checkout
    raise DataError(
        "the bundled dataset is missing from this installation "
        f"(looked for {in_package} and {in_checkout}); reinstall poc or pass --data PATH"
    )


def dataset_paths(data: Path | str | None = None) -> list[Path]:
    """The dataset files to load: ``data``, else ``$POC_DATA``, else the bundled one.

    A folder means every ``*.json`` file directly inside it, in name order.
    """
    folder, names = dataset_listing(data)
    if folder is None:
        return [Path(names[0])]
    return [folder / name for name in names]


def dataset_listing(data: Path | str | None = None) -> tuple[Path | None, list[str]]:
    """What :func:`dataset_paths` lists, cheaply: ``(folder, file names in it)``, or
    ``(None, [the one file])``.

    Over a folder of 20,000 files, making and sorting Path objects costs about half a
    second; names are listed with ``os.scandir`` and sorted as strings (the same order).
    """
    if data is None or str(data) == "":
        data = os.environ.get(DATA_ENV_VAR) or None
    if data is None:
        return None, [str(bundled_dataset_path())]
    path = Path(data).expanduser()
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise DataError(f"{path}: no such file or folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{path}: symbolic link loop") from None
        # EACCES here: a folder above it cannot be entered.
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        try:
            # Names only (no DirEntry objects), filtered by C string methods: 20,000 in
            # a few milliseconds.
            suffixes = tuple(READERS)
            names = sorted(
                [n for n in os.listdir(path) if n.endswith(suffixes) and not n.startswith(".")]
            )
        except OSError as exc:
            raise DataError(f"{path}: folder cannot be listed ({exc.strerror or exc})") from None
        if not names:
            raise DataError(f"{path}: folder holds no *.json dataset files")
        return path, names
    return None, [str(path)]
