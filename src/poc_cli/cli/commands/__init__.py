"""One module per command.  Importing this package registers every command in
:data:`poc_cli.cli.options.COMMANDS`; to add a command, add a module here and its
name to ``__all__`` (and a test in tests/cli/)."""

from . import cite, extract, quotes, search, sessions, show, speakers, stats, validate

__all__ = [
    "cite",
    "extract",
    "quotes",
    "search",
    "sessions",
    "show",
    "speakers",
    "stats",
    "validate",
]
