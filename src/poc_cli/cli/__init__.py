"""The ``poc`` command line: a thin adapter over the core.

:mod:`.app` (the Typer app), :mod:`.options` (the shared options and the
``@poc_command`` decorator), :mod:`.argv` (adapters over Click's parsing),
:mod:`.completion`, :mod:`.process` (signals, closed pipes) and one module per
command in :mod:`.commands`.
"""

from .app import app
from .process import main

__all__ = ["app", "main"]
