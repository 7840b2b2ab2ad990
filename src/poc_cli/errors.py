"""The few errors meant for users, and the exit codes poc promises.

The core raises these; only ``cli.py`` turns them into one line on stderr and an
exit code.  Anything else escaping is a bug in poc and should show as one.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, as grep uses them."""

    FOUND = 0
    NOTHING_FOUND = 1
    ERROR = 2  # usage or data error
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class PocError(Exception):
    """Base of every error poc reports to a user instead of a traceback."""

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(self, message: str, *, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details  # further lines, e.g. every problem in a dataset


class DataError(PocError):
    """A dataset is missing, unreadable, not JSON, or not valid against the schema."""


class UsageError(PocError):
    """The user asked for something that cannot be: a bad option value, an unknown id."""


class NotFound(PocError):
    """Nothing matched: exit 1, like grep.

    ``empty_output``: the empty answer in the format asked for, when the command knew
    it (a CSV header, an empty Markdown table), to print or write all the same."""

    exit_status = ExitStatus.NOTHING_FOUND

    def __init__(
        self, message: str, *, details: tuple[str, ...] = (), empty_output: str | None = None
    ) -> None:
        super().__init__(message, details=details)
        self.empty_output = empty_output


MAX_LISTED = 10
"""At most this many valid choices are listed in a message (a corpus may hold thousands)."""


def listing(choices: list[str] | tuple[str, ...]) -> str:
    """``a, b, c``; over :data:`MAX_LISTED`, the first ones and how many more there are."""
    shown = ", ".join(choices[:MAX_LISTED])
    more = len(choices) - MAX_LISTED
    return shown + (f" … and {more} more" if more > 0 else "")


def unknown(what: str, value: str, choices: list[str] | tuple[str, ...]) -> UsageError:
    """The one message for a value that names nothing: ``no event 'x'; valid events: …``."""
    return UsageError(f"no {what} {value!r}; valid {what}s: {listing(choices)}")
