"""Time shell completion against the minimal Typer app, in one run, and print one table.

    python benchmarks/completion.py                          # bundled and 100k; 9 runs each
    python benchmarks/completion.py --sizes bundled --runs 15 --markdown
    python benchmarks/completion.py --work /tmp/poc-bench-work   # reuse run.py's corpora

Each row is one TAB press as bash makes it: ``poc`` run with ``_POC_COMPLETE=complete_bash``,
``COMP_WORDS`` and ``COMP_CWORD`` (the protocol of ``poc --show-completion bash``), the
dataset given by ``--data`` on the completed line (none for the bundled seminar, whose
values come from the corpus; "bundled via --data" names the same file, through the index).  The warm-up round builds each corpus's
index in this run's own cache folder, as the first TAB (or the first search) does for a
user; the timed rounds are warm.  Targets (issues 12 and 13, the same as run.py's speaker
completion row): at most 1.2× the minimal Typer app at 100,000 statements, 1.5× at
1,000,000, and under 100 MB (250 MB at 1,000,000); the bundled rows, 1.2× the app.
Measuring, interleaving, the targets and the columns are run.py's (see README.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

# benchmarks/ is on sys.path: it is this script's folder.
from generate import parse_size
from run import (
    BUNDLED,
    Bench,
    Setup,
    baseline_benches,
    baselines,
    completion_env,
    corpus_folder,
    find_poc,
    format_table,
    machine,
    measure_all,
    parse_sizes,
    table_rows,
    work_folders,
)

# (what is shown, the words of the line, the word being completed): one TAB each.
LINES: tuple[tuple[str, str, str], ...] = (
    ("quotes --speaker mam", "quotes --speaker", "mam"),
    ("quotes --speaker (all)", "quotes --speaker", ""),
    ("quotes --session key", "quotes --session", "key"),
    ("quotes --topic neu", "quotes --topic", "neu"),
    ("show ID prefix", "show", "{id_prefix}"),
)


def completion_benches(
    setup: Setup, label: str, data: Path | None, id_prefix: str, statements: int
) -> list[Bench]:
    """One row per line of LINES; ``data`` None: the bundled seminar (no --data)."""
    cache = setup.scratch / f"cache-completion-{label}"
    base = setup.env(cache)
    benches = []
    for shown, line, typed in LINES:
        typed = typed.format(id_prefix=id_prefix)
        words = ["poc", *(("--data", str(data)) if data else ()), *line.split(), typed]
        bench = Bench(
            f"TAB: {shown}",
            label,
            (setup.poc,),
            completion_env(base, " ".join(words), len(words) - 1, typed),
            target="startup" if label.startswith("bundled") else "completion",
            statements=statements,
        )
        benches.append(bench)
    return benches


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time shell completion; print one table.")
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=["bundled", "100k"],
        help="comma-separated: bundled, 1k, 10k, 100k, 1m or a number (default: bundled,100k)",
    )
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (default 9)")
    parser.add_argument("--warmup", type=int, default=1, help="discarded runs first (default 1)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpora")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--work", type=Path, help="keep the corpora here and reuse them (default: a temp folder)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 1:
        parser.error("--runs and --warmup must be at least 1 (the warm-up builds the index)")

    poc = find_poc()
    with work_folders(args.work) as (corpora, scratch):
        setup = Setup(poc, sys.executable, "neutrality", "nuetrality", scratch)
        benches = baseline_benches(setup)
        for label in args.sizes:
            if label == "bundled":
                benches += completion_benches(setup, label, None, "ipi18-2", 0)
                benches += completion_benches(setup, "bundled via --data", BUNDLED, "ipi18-2", 0)
            else:
                folder = corpus_folder(corpora, label, args.seed)
                size = parse_size(label)
                benches += completion_benches(setup, label, folder, "ev00012-0", size)
        header = machine(poc, args.runs, args.warmup)
        measure_all(benches, args.runs, args.warmup, scratch)
    base = baselines(benches)
    prefix = "- " if args.markdown else ""
    print("\n".join(prefix + line for line in header) + "\n")
    print(format_table(table_rows(benches, base), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
