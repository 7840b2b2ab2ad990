"""The process around the app: Ctrl-C, closed pipes, and stdout that cannot take the
output.  :func:`main` is what ``poc`` runs (through ``poc_cli.__main__``)."""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import signal
import sys
from typing import Any, NoReturn

from poc_cli.errors import ExitStatus


def _interrupted(signum: int, frame: Any) -> NoReturn:
    """Ctrl-C: unwind (temporary index files are removed, bars stopped) and exit 130.

    Inside Python's import machinery (a lazy import) an exception raised here can land
    in an import-lock callback, where Python prints "Exception ignored" and goes on as
    if Ctrl-C had not been pressed: there, end at once instead."""
    code = getattr(frame, "f_code", None)
    if code is not None and code.co_name == "cb" and code.co_filename.startswith("<frozen"):
        # _bootstrap's module-lock weakref callback: an exception there is ignored.
        os._exit(int(ExitStatus.INTERRUPTED))
    raise SystemExit(int(ExitStatus.INTERRUPTED))


def _interrupted_while_ending(signum: int, frame: Any) -> NoReturn:
    """Ctrl-C after the command is done (its output flushed): while the interpreter
    shuts down (waiting for threads, running exit hooks) an exception raised from a
    handler is printed as "Exception ignored" with a traceback, so end at once."""
    os._exit(int(ExitStatus.INTERRUPTED))


# Errors of writing to stdout that are the output's fault, not poc's: a full disk or
# quota, a file too big, an I/O error, a descriptor that is not open for writing.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


def main() -> None:
    """Run the app: quiet on Ctrl-C and closed pipes, and a message, not a traceback,
    when stdout cannot take the output (the script's entry point is ``__main__.main``)."""
    signal.signal(signal.SIGINT, _interrupted)
    try:
        _run()
    finally:
        signal.signal(signal.SIGINT, _interrupted_while_ending)


def _run() -> None:
    if sys.stderr is None:  # `poc 2>&-`: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    if sys.stdout is None:  # `poc >&-`: fine with --output FILE, an error on first write
        sys.stdout = _ClosedStdout()
    _buffer_stdout()
    from poc_cli.output.env import repair_columns

    repair_columns()  # before Typer draws its first usage error (COLUMNS=0 printed nothing)
    from .app import app

    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _cannot_write(exc.strerror or str(exc))
    except UnicodeEncodeError as exc:
        if not _is_output_encoding(exc.encoding):
            raise
        _cannot_write(
            f"its encoding ({exc.encoding}) cannot show {exc.object[exc.start : exc.end]!a};"
            " set PYTHONIOENCODING=utf-8"
        )
    finally:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away before the last of the output (written as one piece):
            # not all of it was written, as above.
            _silence_stdout()
            sys.exit(1)
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            _cannot_write(exc.strerror or str(exc))


def _buffer_stdout() -> None:
    """Under ``PYTHONUNBUFFERED`` (``python -u``) stdout writes straight to its raw file,
    and a write the pipe takes only part of (its reader gone, a signal) loses the rest
    without a word, and the exit status said nothing was wrong: poc's stdout gets a
    buffer again, which writes all or raises."""
    buffer = getattr(sys.stdout, "buffer", None)
    if not isinstance(buffer, io.RawIOBase) or isinstance(sys.stdout, _ClosedStdout):
        return
    stdout = sys.stdout
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(buffer),
        encoding=stdout.encoding,
        errors=stdout.errors,
        line_buffering=stdout.isatty(),
    )


class _ClosedStdout(io.TextIOBase):
    """Stands in for a closed stdout: writing to it is the error, not starting."""

    def write(self, text: str) -> int:
        if not text:
            return 0  # nothing to write, nothing lost
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _is_output_encoding(encoding: str) -> bool:
    streams = (sys.stdout, sys.stderr)
    return any(
        codecs.lookup(getattr(s, "encoding", None) or "utf-8").name == codecs.lookup(encoding).name
        for s in streams
    )


def _cannot_write(reason: str) -> NoReturn:
    """stdout cannot take poc's output: say so on stderr and exit 2."""
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            _silence_stdout()  # nothing more can be written there; no second error at exit
    with contextlib.suppress(Exception):
        print(f"error: cannot write the output: {reason}", file=sys.stderr, flush=True)
    raise SystemExit(int(ExitStatus.ERROR))


def _silence_stdout() -> None:
    # The reader went away (`poc quotes | head`): point stdout at /dev/null so the
    # interpreter's final flush cannot print "Exception ignored … BrokenPipeError".
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
