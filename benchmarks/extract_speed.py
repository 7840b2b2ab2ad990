"""How fast is `poc extract`? A folder of N seed-sized reports, and one report alone.

    python benchmarks/extract_speed.py               # 1,000 reports, and one report 5 times
    python benchmarks/extract_speed.py --reports 200 --runs 3

The reports are copies of the seed report (``../shared/seeds/``, beside the checkout) or,
when that is absent, of a report written for the tests (tests/extract/reports/), each
copy with its own name so every draft gets its own ids.  Every run is a child process,
as a user runs it: ``poc extract DIR/*.txt -o OUT/``.  Peak memory is GNU time's
``%M`` where /usr/bin/time exists (the resident size of the process at its largest);
flat memory means the folder's figure is close to the one-report figure.

Issue 11's target: 1,000 seed-sized reports in under a minute on a 2-core machine.  Last,
in-process, one paragraph of thousands of reported sentences at two sizes: the time should
grow with the size (x4 for x4), not with its square.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
OWN_REPORTS = REPO_ROOT / "tests" / "extract" / "reports"
GNU_TIME = "/usr/bin/time"


def source_report() -> Path:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        return seeds[0]
    own = sorted(OWN_REPORTS.glob("*.txt"), key=lambda p: p.stat().st_size)
    if not own:
        sys.exit("error: no report to copy: neither ../shared/seeds nor tests/extract/reports")
    print(f"note: {SEEDS} is absent; copying {own[-1].name} instead", file=sys.stderr)
    return own[-1]


def timed(argv: list[str]) -> tuple[float, int | None]:
    """Wall seconds and peak resident MB (None without GNU time) of one child run."""
    with tempfile.NamedTemporaryFile("r") as rss:
        cmd = [GNU_TIME, "-f", "%M", "-o", rss.name, *argv] if os.path.exists(GNU_TIME) else argv
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"error: {' '.join(argv[:3])} … exited {done.returncode}: {done.stderr[-400:]}")
        text = Path(rss.name).read_text().strip().splitlines()
        peak = int(text[-1]) // 1024 if text and text[-1].isdigit() else None
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000, help="reports in the folder")
    parser.add_argument("--runs", type=int, default=5, help="runs of the one-report case")
    args = parser.parse_args()
    poc = shutil.which("poc", path=str(Path(sys.executable).parent)) or "poc"
    report = source_report()
    with tempfile.TemporaryDirectory(prefix="poc-extract-speed-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for k in range(args.reports):
            shutil.copyfile(report, folder / f"report-{k:05d}.txt")
        ones = [timed([poc, "extract", str(folder / "report-00000.txt")]) for _ in range(args.runs)]
        out = Path(tmp) / "out"
        out.mkdir()
        reports = sorted(str(p) for p in folder.iterdir())
        seconds, peak = timed([poc, "extract", *reports, "-o", f"{out}/"])
        written = len(list(out.glob("*.json")))
        size = sum(p.stat().st_size for p in out.glob("*.json")) / 1e6
    one = statistics.median(s for s, _ in ones)
    one_peak = max((p for _, p in ones if p is not None), default=None)
    print(f"report: {report.name} ({report.stat().st_size:,} bytes)")
    print(f"one report, whole process: {one:.3f} s median of {args.runs}, peak {one_peak} MB")
    print(
        f"{args.reports:,} reports in one run: {seconds:.1f} s "
        f"({seconds / args.reports * 1000:.1f} ms each), peak {peak} MB, "
        f"{written:,} drafts, {size:.1f} MB written"
    )
    verdict = "met" if seconds < 60 * args.reports / 1000 else "NOT met"
    print(f"target (1,000 in under a minute, pro rata): {verdict}")
    scaling()
    return 0


# One paragraph of thousands of reported sentences (a report with no paragraph breaks, a
# minified page): the extractor must stay linear in it, not names × paragraph.
PATTERNS = (
    "Ana Lopes said “a” and",
    "the representative of Chad said that he",
    "Ms. Lopes told Mr. Bo that she",
)


def scaling(small: int = 800, factor: int = 4) -> None:
    from poc_cli.extract.build import extract_text

    print(f"one long paragraph, {small:,} and {small * factor:,} repeats (in-process):")
    for pattern in PATTERNS:
        times = []
        for n in (small, small * factor):
            text = "Dr. Ana Lopes, an economist, spoke. " + " ".join([pattern] * n)
            start = time.perf_counter()
            extract_text(text, name="long")
            times.append(time.perf_counter() - start)
        ratio = times[1] / times[0]
        shape = "linear" if ratio < 1.5 * factor else "SUPERLINEAR"
        print(f"  {pattern!r}: {times[0]:.2f} s, {times[1]:.2f} s (x{ratio:.1f}: {shape})")


if __name__ == "__main__":
    sys.exit(main())
