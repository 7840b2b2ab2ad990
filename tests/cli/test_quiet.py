"""``-q/--quiet``, as grep -q and rg -q: nothing printed, the exit status answers
(0 found, 1 nothing found, 2 an error, which is still said on stderr)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

POC = Path(sys.executable).parent / "poc"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("search", "neutrality"), 0),
        (("search", "xyzzyplugh"), 1),
        (("search", "Christofedes"), 0),  # a guessed name: its note is not said either
        (("quotes", "--speaker", "Adam"), 0),  # two Adams: not said either
        (("quotes", "--speaker", "landour"), 1),
        (("show", "ipi18-21"), 0),
        (("show", "ipi18-99"), 1),
        (("sessions", "2"), 0),
        (("speakers",), 0),
        (("stats", "--by", "organisation"), 0),  # its note on stderr neither
        (("quotes", "--json"), 0),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v),
)
def test_quiet_prints_nothing_and_answers_by_status(
    poc: Any, args: tuple[str, ...], status: int
) -> None:
    for flag in ("-q", "--quiet"):
        result = poc(*args, flag)
        assert result.exit_code == status, result.stderr
        assert result.stdout == ""
        assert result.stderr == ""


def test_quiet_still_says_an_error(poc: Any) -> None:
    result = poc("quotes", "--session", "nowhere", "-q")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: no session 'nowhere'")


def test_quiet_with_output_is_refused(poc: Any, tmp_path: Path) -> None:
    result = poc("quotes", "-q", "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --quiet prints nothing")
    assert not (tmp_path / "x.csv").exists()


def test_quiet_in_search_is_an_option_not_an_excluded_word(poc: Any) -> None:
    assert poc("search", "armed", "-q", "-Mali").exit_code == 0


@pytest.mark.slow
def test_quiet_on_a_terminal_shows_no_person_card() -> None:
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "POC_DATA")}
    process = subprocess.Popen(
        [str(POC), "search", "Mamiya", "-q"], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    assert re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", out).strip() == b""
