"""Shared pieces of the hostile-input suite: the corpus, hostile datasets, running poc.

``tests/hostile`` has no ``__init__.py``; pytest puts this folder on ``sys.path``
(rootdir-relative "prepend" import mode), so the test modules import this helper
module by name.  Nothing here writes into the repository: every dataset is written
into a ``tmp_path`` by the tests.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BUNDLED = REPO / "data" / "seminar.json"
CORPUS = HERE / "corpus"

FORMATS = ("table", "json", "csv", "markdown")
HUMAN_FORMATS = ("table", "csv", "markdown")
CITE_STYLES = ("plain", "markdown", "apa", "chicago")


def _load_named(name: str) -> dict[str, str]:
    raw = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


HOSTILE: dict[str, str] = _load_named("hostile_strings.json")
"""Named hostile strings (corpus/hostile_strings.json)."""
QUERIES: dict[str, str] = _load_named("hostile_queries.json")
"""Named hostile queries (corpus/hostile_queries.json)."""

KITCHEN_SINK = " ".join(HOSTILE.values())
MARK = "\u27e6"  # ⟦: every hostile field value starts with it, so output strings can be traced


def hostile(tag: str) -> str:
    """A field value holding every hostile string, tagged with the field it is in."""
    return f"{MARK}{tag}\u27e7 {KITCHEN_SINK} {MARK}/{tag}\u27e7"


def bundled_raw() -> dict[str, Any]:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ datasets


def hostile_dataset(*, hostile_ids: bool = False) -> dict[str, Any]:
    """A small valid dataset whose every free-text field is hostile.

    With ``hostile_ids`` the ids themselves are hostile too (markup, escapes, bidi);
    otherwise ids are plain so that commands can address records.
    """

    def ident(plain: str) -> str:
        return f"{plain}[bold]\x1b[31m\u202e\x9b{plain}" if hostile_ids else plain

    s1, s2, p1, p2, t1 = (ident(x) for x in ("s1", "s2", "p1", "p2", "t1"))
    return {
        "schema_version": 1,
        "event": {
            "id": ident("evil-event"),
            "short_title": hostile("event.short_title"),
            "title": hostile("event.title"),
            "host": hostile("event.host"),
            "co_sponsors": [hostile("event.co_sponsors")],
            "venue": hostile("event.venue"),
            "date": "2018-10-26",
            "provenance": {"title": hostile("event.provenance")},
        },
        "source": {
            "title": hostile("source.title"),
            "file": "report.txt",
            "paragraphs": [hostile("source.paragraphs[0]"), hostile("source.paragraphs[1]")],
        },
        "sessions": [
            {
                "id": s1,
                "title": hostile("sessions[0].title"),
                "kind": "panel",
                "paper": {
                    "title": hostile("sessions[0].paper.title"),
                    "author": p1,
                    "note": hostile("sessions[0].paper.note"),
                },
                "moderators": [p2],
                "note": hostile("sessions[0].note"),
            },
            {"id": s2, "title": hostile("sessions[1].title"), "kind": "keynote"},
        ],
        "speakers": [
            {
                "id": p1,
                "name": hostile("speakers[0].name"),
                "honorific": hostile("speakers[0].honorific"),
                "role": hostile("speakers[0].role"),
                "organisations": [hostile("speakers[0].organisations[0]")],
                "aliases": ["Mallory", hostile("speakers[0].aliases[1]")],
                "parts": [
                    {"session": s1, "part": "paper-author"},
                    {"session": s2, "part": "keynote"},
                ],
                "notes": [hostile("speakers[0].notes[0]")],
            },
            {
                "id": p2,
                "name": hostile("speakers[1].name"),
                "role": hostile("speakers[1].role"),
                "organisations": [hostile("speakers[1].organisations[0]")],
                "aliases": ["Trent"],
                "parts": [{"session": s1, "part": "moderator"}],
            },
        ],
        "topics": [{"id": t1, "label": hostile("topics[0].label")}],
        "statements": [
            {
                "id": ident("st-1"),
                "speaker": p1,
                "session": s1,
                "kind": "quote",
                "text": hostile("statements[0].text"),
                "paragraphs": [1],
                "items": [hostile("statements[0].items[0]"), hostile("statements[0].items[1]")],
                "topics": [t1],
                "note": hostile("statements[0].note"),
            },
            {
                "id": ident("st-2"),
                "speaker": p2,
                "session": s1,
                "kind": "paraphrase",
                "text": hostile("statements[1].text"),
                "paragraphs": [1, 2],
                "topics": [t1],
            },
            {
                "id": ident("st-3"),
                "speaker": p1,
                "session": s2,
                "kind": "quote",
                "text": hostile("statements[2].text"),
                "paragraphs": [2],
            },
        ],
        "notes": [hostile("notes[0]")],
    }


def all_strings(value: Any) -> Iterator[str]:
    """Every string (keys too) inside a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from all_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_strings(v)


def write_dataset(folder: Path, raw: Any, name: str = "dataset.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def deep(raw: Any) -> Any:
    return copy.deepcopy(raw)


# ------------------------------------------------------------------ checks

# What must never reach a terminal or a pipe raw in human output: C0 controls but
# newline and tab, DEL, C1 controls, bidirectional embeddings/overrides/isolates and
# marks, line and paragraph separators.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
# Sequences that only the *data* holds: on a terminal Rich may emit its own CSI
# styling, but never these.
DATA_SEQUENCES = (
    "\x1b]0;",
    "\x1b]8;;http://x",
    "\x1b]52;",
    "\x1b[31m",
    "\x1b[2J",
    "\x1b[?25l",
    "\x1bP",
    "\x07",
    "\x00",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u2028",
)
TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|Exception ignored|^\w*(Error|Exception)\b:"
    r"|BrokenPipeError|RecursionError",
    re.MULTILINE,
)


def raw_controls(text: str) -> list[str]:
    """The unsafe characters in ``text`` (as escapes, for a readable failure)."""
    return sorted({f"U+{ord(m.group()):04X}" for m in UNSAFE.finditer(text)})


def assert_no_raw_controls(text: str, where: str = "output") -> None:
    found = raw_controls(text)
    assert not found, f"raw control characters in {where}: {found}\n{text[:2000]!r}"


def assert_no_traceback(stderr: str) -> None:
    match = TRACEBACK.search(stderr)
    assert match is None, f"traceback-like text on stderr: {match.group()!r}\n{stderr[-3000:]}"


def decode(data: bytes) -> str:
    # surrogateescape keeps invalid bytes visible as lone surrogates instead of failing;
    # a raw C1 byte such as 0x9b then shows as U+DC9B (also flagged below).
    return data.decode("utf-8", errors="surrogateescape")


def assert_valid_utf8(data: bytes, where: str) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AssertionError(f"{where} is not UTF-8: {exc}") from None


# ------------------------------------------------------------------ running poc


def poc_command() -> list[str]:
    script = Path(sys.executable).with_name("poc")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "poc_cli"]


def base_env(cache: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"POC_DATA", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER"}
        and not k.startswith("PYTEST")
    }
    env["POC_CACHE_DIR"] = str(cache)
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra)
    return env


@dataclass
class Ran:
    args: Sequence[str]
    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes
    seconds: float

    @property
    def stdout(self) -> str:
        return decode(self.stdout_bytes)

    @property
    def stderr(self) -> str:
        return decode(self.stderr_bytes)

    def describe(self) -> str:
        return (
            f"poc {' '.join(map(repr, self.args))} -> {self.returncode} in {self.seconds:.2f}s\n"
            f"stderr: {self.stderr[-2000:]}"
        )


def run_poc(
    args: Sequence[str],
    *,
    env: dict[str, str],
    timeout: float = 30,
    cwd: Path | None = None,
) -> Ran:
    start = time.monotonic()
    proc = subprocess.run(
        [*poc_command(), *args],
        capture_output=True,
        env=env,
        timeout=timeout,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )
    return Ran(args, proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


_BATCH_DRIVER = r"""
import json, sys, time, traceback
from poc_cli.cli import main
cases = json.load(open(sys.argv[1], encoding="utf-8"))
for n, args in enumerate(cases):
    sys.argv = ["poc", *args]
    start = time.monotonic()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BaseException:  # what would have been a traceback in its own process
        traceback.print_exc()
        code = 1
    marker = "\n@@@POC-CASE %d %d %.4f@@@\n" % (n, code, time.monotonic() - start)
    sys.stdout.write(marker)
    sys.stdout.flush()
    sys.stderr.write(marker)
    sys.stderr.flush()
"""


def run_batch(cases: Sequence[Sequence[str]], *, env: dict[str, str], folder: Path) -> list[Ran]:
    """Run many poc command lines in ONE Python process whose stdout and stderr are
    real pipes (not a terminal): the console-script entry point ``main()`` is called
    once per command line.  Saves ~0.3 s of interpreter start-up per case."""
    listing = folder / f"batch-{os.getpid()}-{time.monotonic_ns()}.json"
    listing.write_text(json.dumps([list(c) for c in cases]), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _BATCH_DRIVER, str(listing)],
        capture_output=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    marker = re.compile(rb"\n@@@POC-CASE (\d+) (-?\d+) ([\d.]+)@@@\n")
    outs = marker.split(proc.stdout)
    errs = marker.split(proc.stderr)
    assert proc.returncode == 0, decode(proc.stderr)[-3000:]
    results = []
    for i, args in enumerate(cases):
        # split() gives [text, n, code, secs, text, n, code, secs, ..., tail]
        out, err = outs[4 * i], errs[4 * i]
        code, secs = int(outs[4 * i + 2]), float(outs[4 * i + 3])
        results.append(Ran(list(args), code, out, err, secs))
    return results


def script_available() -> bool:
    return shutil.which("script") is not None


def run_on_tty(args: Sequence[str], *, env: dict[str, str], timeout: float = 30) -> Ran:
    """Run poc with stdout and stderr on a pseudo-terminal (util-linux ``script``)."""
    import shlex

    command = shlex.join([*poc_command(), *args])
    start = time.monotonic()
    proc = subprocess.run(
        ["script", "-qefc", command, "/dev/null"],
        capture_output=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Ran(args, proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def available_commands() -> set[str]:
    """poc's commands as the Typer app declares them (``search`` once it is wired)."""
    from typer.main import get_command

    from poc_cli.cli import app

    return set(get_command(app).commands)  # type: ignore[attr-defined]
