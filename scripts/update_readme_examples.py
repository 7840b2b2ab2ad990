"""Refresh the example outputs in README.md by running the commands.

Each example in README.md is a ```console block whose first line is ``$ poc …``
(the command, as a user types it). This script runs every such command on a pseudo
terminal 100 columns wide with NO_COLOR=1, and replaces the rest of the block with
what poc printed, so the README shows real output. Run it from the repository root
after changing what a command prints:

    python scripts/update_readme_examples.py

A block whose first line ends in ``# no-refresh`` is left as it is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```console\n(\$ [^\n]*)\n.*?```", re.DOTALL)
MAX_LINES = 40


def run(command: str) -> str:
    env = {**os.environ, "COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "xterm"}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = venv_bin + os.pathsep + env.get("PATH", "")
    # `script` gives poc a terminal, so the output is what a person sees.
    done = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        capture_output=True,
        text=True,
        env=env,
        cwd="/tmp",
        check=False,
    )
    lines = [line.rstrip() for line in done.stdout.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… ({len(lines) - MAX_LINES} more lines)"]
    return "\n".join(lines)


def refresh(match: re.Match[str]) -> str:
    first = match.group(1)
    if first.endswith("# no-refresh"):
        return match.group(0)
    output = run(first[2:])
    if "Traceback (most recent call last)" in output:
        # A crash is never an example: stop before the README is written.
        raise SystemExit(f"{first}: poc crashed; README.md left as it was\n{output}")
    return f"```console\n{first}\n{output}\n```"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(refresh, text), encoding="utf-8")


if __name__ == "__main__":
    main()
