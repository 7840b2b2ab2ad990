"""Strict JSON reading for dataset files: every way a file can fail is one clear
:class:`~poc_cli.errors.DataError`.

Stricter than Python's json module, which accepts NaN and Infinity, keeps the last
of two equal keys, and returns lone surrogates that cannot be printed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from poc_cli.errors import DataError

MAX_FILE_BYTES = 50 * 1024 * 1024
"""One event's dataset is tens of kilobytes; a file this big is a mistake, and reading
it would only make poc slow before it fails."""


MAX_NESTING = 100
"""Arrays and objects may nest this deep in a dataset file (a real one nests 4 deep).

Python's json module gives up where the interpreter's stack does, about 1,000 levels
less however deep the caller already is, so the same file was valid to ``poc
validate`` and not to ``poc show``.  :func:`_parse` decides the same for every
caller: it lets the parser go only :data:`MAX_NESTING` levels deeper than its
own frame, whoever calls it, and the fast reader of the index (:mod:`.fast`) hands
anything that might nest deeper to it."""


def _frame_depth() -> int:
    depth = 0
    frame = sys._getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    return depth


def _parse(text: str, **hooks: Any) -> Any:
    """json.loads with a stack allowance that does not depend on the caller.

    The parse runs in a thread of its own, whose stack starts empty, with the
    recursion limit set to that thread's depth plus the few frames json.loads needs
    plus :data:`MAX_NESTING` (and restored before the caller goes on): so the deepest
    file read is the same from every command, however deep its own stack is (counting
    the caller's frames was not enough: C calls on the way count too)."""
    import threading

    outcome: list[Any] = []

    def work() -> None:
        old = sys.getrecursionlimit()
        try:
            sys.setrecursionlimit(_frame_depth() + _JSON_FRAMES + MAX_NESTING)
            try:
                outcome.append((True, json.loads(text, **hooks)))
            finally:
                sys.setrecursionlimit(old)
        except BaseException as exc:  # handed to the caller, raised there
            outcome.append((False, exc))

    thread = threading.Thread(target=work, name="poc-read-json", daemon=True)
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


_JSON_FRAMES = 7
"""Stack the parser needs beyond the nesting itself: the thread's function, json.loads,
decode and raw_decode, and two for a hook (object_pairs_hook, parse_int) called at the
deepest level.  So every file nested up to :data:`MAX_NESTING` deep is read, whatever
its shape (one of only arrays gets up to two levels more: a hook is never called
there), and the answer is the same from every command (tests/hostile/test_hostile_round2.py)."""


class _NotJson(ValueError):
    """Something Python's json module accepts but JSON does not allow."""


def _no_constants(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotJson(f"duplicate key {key!r} in one object (which one would count?)")
            seen.add(key)
    return obj


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _LongNumber(int):
    """Stands in for an integer too long for Python to read, so its path can be found."""


def _int_parser(long_numbers: list[int]) -> Callable[[str], int]:
    """json's ``parse_int``, noting in ``long_numbers`` any integer Python would refuse."""

    def parse_int(digits: str) -> int:
        # Python refuses integers over 4,300 digits (the sign does not count) with an
        # error that has no position.
        if len(digits) - digits.startswith("-") <= 4300:
            return int(digits)
        long_numbers.append(len(digits))
        return _LongNumber(len(digits))

    return parse_int


def _not_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _find(value: Any, bad: Callable[[Any], bool], path: str = "") -> str | None:
    """The JSON path of the first value (or key) for which ``bad`` is true."""
    if bad(value):
        return path or "(top level)"
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            found = _find(key, bad, where) or _find(item, bad, where)
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _find(item, bad, f"{path}[{i}]")
            if found:
                return found
    return None


def read_json(path: Path) -> Any:
    """Parse one file as JSON, turning every way it can fail into one clear DataError.

    Stricter than Python's json module, which accepts NaN and Infinity, keeps the last
    of two equal keys, and returns lone surrogates that cannot be printed.
    """
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise DataError(f"{path}: is a folder, not a dataset file")
        if not stat.S_ISREG(status.st_mode):
            raise DataError(f"{path}: is not a regular file (a pipe, device or socket)")
        if status.st_size > MAX_FILE_BYTES:
            raise DataError(
                f"{path}: file is {status.st_size / 1_000_000:.1f} MB; a dataset file may be at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB (split a corpus into one file per event)"
            )
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # a file that grows meanwhile is still capped
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a dataset file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{path}: symbolic link loop") from None
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            f"{path}: file grew past {MAX_FILE_BYTES // (1024 * 1024)} MiB while being read"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            f"{path}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at line {line}, "
            f"byte offset {exc.start}); save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is harmless; editors on Windows add one
    if not text.strip():
        raise DataError(f"{path}: file is empty")
    long_numbers: list[int] = []
    try:
        parsed = _parse(
            text,
            parse_constant=_no_constants,
            parse_int=_int_parser(long_numbers),
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise DataError(
            f"{path}: invalid JSON: nested too deeply (arrays and objects more than "
            f"{MAX_NESTING} levels deep)"
        ) from None
    except _NotJson as exc:
        raise DataError(f"{path}: invalid JSON: {exc}") from None
    except ValueError as exc:
        raise DataError(f"{path}: invalid JSON: {exc}") from None
    # Both checks below walk the parsed file, so each runs only when a cheap test says
    # it may find something (a regex over every file cost 0.2 s per 10,000 statements).
    long_number = long_numbers and _find(parsed, lambda v: isinstance(v, _LongNumber))
    if long_number:
        raise DataError(
            f"{path}: {long_number}: a number of over 4,300 digits is not a value poc reads"
        )
    if ("\\ud" in text or "\\uD" in text) and _SURROGATE_ESCAPE.search(text):
        where = _find(parsed, lambda v: isinstance(v, str) and _not_text(v))
        if where:
            raise DataError(
                f"{path}: {where}: holds a lone surrogate escape (\\ud800-\\udfff), which is not text"
            )
    return parsed
