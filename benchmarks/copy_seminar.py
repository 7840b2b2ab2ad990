"""Write a corpus made of copies of the bundled seminar, every id renamed, for run.py --corpus.

The generator (``generate.py``) invents text and people; this does not.  Each file is
``data/seminar.json`` as it is (the real report, its real statements, sessions, topics
and people), with what must be unique across a corpus renamed so that the copies can
stand side by side in one folder:

* the event id: copy 17 of ``ipi-2018-poc`` is ``c00017-ipi-2018-poc``;
* every statement id, and every ``within`` that points at one: ``ipi18-24a`` is
  ``c00017-ipi18-24a`` (the number a statement id ends in stays the same, as in the
  generated corpora, where ``ev00007-001`` and ``ev00008-001`` both end in 1).

Kept as they are, on purpose:

* **speaker ids** (and so moderators, paper authors and every statement's speaker): the
  same people at many seminars, as in a real archive and in the generated corpora, where
  the same person has the same id in every event.  Renaming them would put 1,316 people
  called Ralph Mamiya in a 100k corpus, and ``--speaker Mamiya`` would be ambiguous;
* session and topic ids: they are per event in the schema (every generated event has its
  own ``opening`` too);
* prose (notes, the report's paragraphs): text, not ids, even where it mentions one.

With ``--statements N`` the last copy is cut short, so the corpus holds exactly N
statements (a statement's ``within`` always names an earlier one, so a cut keeps every
reference).  The output depends only on the count and on ``data/seminar.json``; it goes to
a new temporary folder or ``--out DIR`` (which must hold no ``.json`` file yet), never
inside the checkout.

    python benchmarks/copy_seminar.py --statements 100k --out /tmp/poc-copied-100k
    python benchmarks/copy_seminar.py --copies 10 --out /tmp/poc-copied-10
    .venv/bin/poc --data /tmp/poc-copied-100k validate
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# benchmarks/ is on sys.path: it is this script's folder.
from generate import check_outside_repo, parse_size

REPO_ROOT = Path(__file__).resolve().parent.parent
SEMINAR = REPO_ROOT / "data" / "seminar.json"


def copy_tag(number: int) -> str:
    """``c00017``: what copy ``number`` (from 1) puts before its ids and names its file."""
    return f"c{number:05d}"


def renamed(seminar: dict[str, Any], number: int, keep: int | None = None) -> dict[str, Any]:
    """Copy ``number`` of ``seminar`` with its event and statement ids renamed; with
    ``keep``, only its first ``keep`` statements."""
    tag = copy_tag(number)
    doc = copy.deepcopy(seminar)
    doc["event"]["id"] = f"{tag}-{doc['event']['id']}"
    statements = doc["statements"] if keep is None else doc["statements"][:keep]
    for statement in statements:
        statement["id"] = f"{tag}-{statement['id']}"
        if isinstance(statement.get("within"), str):
            statement["within"] = f"{tag}-{statement['within']}"
    doc["statements"] = statements
    return doc


def copies_for(statements: int, per_copy: int) -> list[int | None]:
    """How many statements each copy keeps (None: all) to make ``statements`` in all."""
    whole, rest = divmod(statements, per_copy)
    return [None] * whole + ([rest] if rest else [])


def copy_seminar(
    out: Path | None = None,
    *,
    copies: int | None = None,
    statements: int | None = None,
    seminar_path: Path = SEMINAR,
) -> str:
    """Write the copies (``copies`` whole ones, or ``statements`` in all) into ``out``
    and say what was written."""
    if (copies is None) == (statements is None):
        raise ValueError("give copies or statements, not both")
    started = time.perf_counter()
    out = Path(tempfile.mkdtemp(prefix="poc-copied-seminar-")) if out is None else out
    check_outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.json")):
        raise SystemExit(f"{out} already holds .json files; choose an empty folder")
    seminar = json.loads(seminar_path.read_text(encoding="utf-8"))
    per_copy = len(seminar["statements"])
    plan = [None] * copies if copies is not None else copies_for(statements or 0, per_copy)
    written = total = 0
    for number, keep in enumerate(plan, 1):
        doc = renamed(seminar, number, keep)
        data = json.dumps(doc, ensure_ascii=False)
        (out / f"{copy_tag(number)}.json").write_text(data, encoding="utf-8")
        written += len(data.encode("utf-8"))
        total += len(doc["statements"])
    seconds = time.perf_counter() - started
    return (
        f"{len(plan):,} copies of {seminar_path.name}, {total:,} statements, "
        f"{written / 1e6:,.1f} MB, {seconds:.1f} s -> {out}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    how_many = parser.add_mutually_exclusive_group(required=True)
    how_many.add_argument(
        "--statements",
        type=parse_size,
        help="statements in all: 100k, 1m or a number (the last copy is cut short)",
    )
    how_many.add_argument("--copies", type=int, help="whole copies of the seminar")
    parser.add_argument(
        "--out", type=Path, help="folder to write (default: a new temporary folder)"
    )
    args = parser.parse_args(argv)
    if args.copies is not None and args.copies < 1:
        parser.error("--copies must be at least 1")
    print(copy_seminar(args.out, copies=args.copies, statements=args.statements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
