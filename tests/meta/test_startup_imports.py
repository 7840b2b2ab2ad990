"""Start-up cost, checked without a clock: which heavy modules a command imports.

Timing tests are noisy on a shared machine (benchmarks/ measures time, as ratios).
What makes a command slow to start is mostly what it imports, and that is exact:
each heavy module below costs tens of milliseconds on every run, so a command
that does not need it must not import it.

- pydantic: typer 0.29 imports it on every run to coerce options (0.46 s -> 0.22 s
  for ``poc sessions`` without it); pyproject.toml caps typer below 0.29.
- rapidfuzz: only for names and words that are not found exactly.
- sqlite3: only for search (the index).
- msgspec: only while building an index.
- platformdirs: not on Linux, where poc finds its cache folder itself (about 10 ms).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

WATCHED = ("pydantic", "typer._adapters", "rapidfuzz", "sqlite3", "msgspec", "platformdirs")

_PROBE = """
import atexit, sys
def report():
    watched = sys.argv_watched
    sys.stderr.write("\\nIMPORTED: " + " ".join(m for m in watched if m in sys.modules) + "\\n")
sys.argv_watched = {watched!r}
atexit.register(report)
sys.argv = ["poc", *sys.argv[1:]]
from poc_cli.cli import main
main()
"""


def imported(args: list[str], cache: str, status: int = 0, *, xdg: bool = False) -> set[str]:
    """The watched modules that ``poc ARGS`` imported, in a fresh interpreter.

    The command must exit with ``status``: one that failed early proves nothing.
    ``xdg``: find the cache as a user's poc does (``$XDG_CACHE_HOME``), not through
    ``$POC_CACHE_DIR``.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("POC_")}
    env["XDG_CACHE_HOME" if xdg else "POC_CACHE_DIR"] = cache
    env["NO_COLOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(watched=WATCHED), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == status, done.stderr
    assert done.stdout.strip(), "the command printed nothing"
    line = [x for x in done.stderr.splitlines() if x.startswith("IMPORTED:")]
    assert len(line) == 1, done.stderr
    return set(line[0].removeprefix("IMPORTED:").split())


EVERYDAY = [
    ["sessions"],
    ["sessions", "--json"],
    ["speakers"],
    ["quotes", "--speaker", "Mamiya"],
    ["quotes", "--speaker", "Mamiya", "--json"],
    ["stats"],
    ["show", "ipi18-21"],
    ["cite", "ipi18-21"],
]


@pytest.mark.parametrize("args", EVERYDAY, ids=" ".join)
def test_everyday_commands_import_nothing_heavy(args: list[str], tmp_path: object) -> None:
    assert imported(args, str(tmp_path)) == set()


def test_a_misspelt_name_is_the_only_reason_to_import_rapidfuzz(tmp_path: object) -> None:
    assert imported(["quotes", "--speaker", "Mamya"], str(tmp_path)) == {"rapidfuzz"}


def test_search_imports_sqlite_and_builds_with_msgspec_only_once(tmp_path: object) -> None:
    first = imported(["search", "neutrality"], str(tmp_path))
    assert first == {"sqlite3", "msgspec"}  # the index is built
    warm = imported(["search", "neutrality"], str(tmp_path))
    assert warm == {"sqlite3"}  # read from the cache; every word is in the vocabulary
    typo = imported(["search", "nuetrality"], str(tmp_path))
    assert typo == {"sqlite3", "rapidfuzz"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="platformdirs is used elsewhere")
def test_search_finds_the_users_cache_folder_without_platformdirs(tmp_path: object) -> None:
    assert imported(["search", "neutrality"], str(tmp_path), xdg=True) == {"sqlite3", "msgspec"}
    assert imported(["search", "neutrality"], str(tmp_path), xdg=True) == {"sqlite3"}
    assert os.listdir(os.path.join(str(tmp_path), "poc"))  # the index went where users' goes
