"""poc on a real pseudo-terminal at widths 0 to 20 (issue 14: ``COLUMNS=0`` printed
nothing, errors included; at 15–20 columns ids were cut and the text column
vanished).  Every width shows every record whole and every message."""

from __future__ import annotations

import json
import os
import re
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

pytestmark = pytest.mark.slow

POC = Path(sys.executable).parent / "poc"
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def on_a_terminal(args: list[str], columns: int, **variables: str) -> tuple[int, str]:
    """Run poc with stdin, stdout and stderr on a pty ``columns`` wide; (status, what
    it wrote, without escape codes and with the pty's CRs)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "POC_DATA", "COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", **variables)
    process = subprocess.Popen(
        [str(POC), *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    status = process.wait(timeout=60)
    return status, ESCAPE.sub(b"", b"".join(chunks)).decode().replace("\r\n", "\n")


def records(*args: str) -> list[dict[str, object]]:
    done = subprocess.run([str(POC), *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def assert_whole(out: str, rows: list[dict[str, object]]) -> None:
    words = out.split()
    joined = " ".join(words)
    for row in rows:
        assert row["id"] in words, (row["id"], out[:400])
        text = " ".join(str(row["text"]).split())
        if row["kind"] == "quote":
            text = f"“{text}”"
        # in blocks the text is one run of words; in a table its words are all there
        assert text in joined or all(w in words for w in text.split()), (row["id"], out[:400])


@pytest.mark.parametrize("columns", range(0, 21))
def test_a_listing_at_every_narrow_width_is_whole(columns: int) -> None:
    rows = records("quotes", "--speaker", "Lion")
    status, out = on_a_terminal(["quotes", "--speaker", "Lion"], columns)
    assert status == 0 and out.strip()
    assert_whole(out, rows)


@pytest.mark.parametrize("columns", [0, 5, 12, 17, 20])
def test_search_at_narrow_widths_is_whole(columns: int) -> None:
    rows = records("search", "neutrality", "--limit", "3")
    status, out = on_a_terminal(["search", "neutrality", "--limit", "3"], columns)
    assert status == 0
    assert_whole(out, rows)


@pytest.mark.parametrize("variables", [{"COLUMNS": "0"}, {"COLUMNS": "abc"}, {}])
def test_columns_0_still_prints_the_listing_and_every_message(variables: dict[str, str]) -> None:
    status, out = on_a_terminal(["quotes", "--speaker", "Lion"], 0, **variables)
    assert status == 0 and "ipi18-04" in out
    status, out = on_a_terminal(["quotes", "--speaker", "Nobody-at-all"], 0, **variables)
    assert status in (1, 2) and "Nobody-at-all" in out
    status, out = on_a_terminal(["quotes", "--no-such-option"], 0, **variables)
    assert status == 2 and "no-such-option" in out


@pytest.mark.parametrize("columns", [3, 10, 20])
def test_details_and_charts_at_narrow_widths(columns: int) -> None:
    status, out = on_a_terminal(["stats", "--by", "kind"], columns)
    assert status == 0 and "quote" in out.split() and "paraphrase" in out.split()
    status, out = on_a_terminal(["show", "ipi18-21"], columns)
    assert status == 0 and "ipi18-21" in out.split()
    assert "“Neutrality" in out.split()
