"""One module per command, each a function decorated with
:func:`poc_cli.cli.options.poc_command`.

:data:`NAMES` lists them in the order ``poc --help`` shows them.  A command's module is
imported only when that command runs (or help lists them all): a run of ``poc
sessions`` does not pay for importing the other eight (:class:`poc_cli.cli.app.Commands`).
To add a command: a module here named after it, its name in :data:`NAMES`, a test in
tests/cli/, and an example in README.md (tests/meta/ finds it through this list).
"""

NAMES = (
    "cite",
    "extract",
    "quotes",
    "search",
    "sessions",
    "show",
    "speakers",
    "stats",
    "validate",
    "help",
)
