"""The ``poc`` command, and ``python -m poc_cli``.

Ctrl-C while the command line's modules are imported (Typer and Rich take about
0.1 s) ends poc at once with status 130: nothing has begun that needs cleaning up,
and a SystemExit raised in the middle of an import can land in an import-lock
callback, where Python prints "Exception ignored" and carries on.  ``cli.main``
then installs the handler that unwinds cleanly (temporary index files, progress bars).
"""

from __future__ import annotations

import os
import signal

INTERRUPTED = 130  # errors.ExitStatus.INTERRUPTED, without importing anything more


def _quit_at_once(signum: int, frame: object) -> None:
    os._exit(INTERRUPTED)


def main() -> None:
    signal.signal(signal.SIGINT, _quit_at_once)
    from .cli import main as run_command_line

    run_command_line()


if __name__ == "__main__":
    main()
