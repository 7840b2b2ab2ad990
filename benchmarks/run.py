"""Time poc against its baselines, in one run, and print one table.

    python benchmarks/run.py                      # bundled, 1k, 10k, 100k; 7 runs each
    python benchmarks/run.py --sizes bundled,1m --runs 5 --markdown
    python benchmarks/run.py --sizes bundled --corpus ~/seminars   # a corpus made elsewhere

Every command runs as a child process, exactly as a user runs it (the ``poc`` script of
this Python's environment), with stdout and stdin on /dev/null.  Wall time comes from
``time.perf_counter`` around spawn and ``os.wait4``.  Peak memory comes from one extra
round under GNU time (``/usr/bin/time -f %M``): a child spawned by this Python process
inherits its resident size as the floor of its own ``ru_maxrss`` (Linux keeps the
high-water mark across exec), so ``wait4``'s figure is only used, as an upper bound,
where GNU time is missing.  Commands are interleaved round by round, so a
burst of load on this shared machine hits every command alike; the ratios to the
baselines measured in the same run are what to compare between runs and machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

# benchmarks/ is on sys.path: it is this script's folder.
from generate import parse_size

BENCHMARKS = Path(__file__).resolve().parent
REPO_ROOT = BENCHMARKS.parent
BUNDLED = REPO_ROOT / "data" / "seminar.json"
MINIMAL_APP = BENCHMARKS / "minimal_typer_app.py"
TIMEOUT_SECONDS = 300.0
GNU_TIME = "/usr/bin/time"


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    max_rss_kb: int
    exit_code: int  # negative: killed by that signal


def run_once(argv: Sequence[str], env: dict[str, str], stderr_path: Path) -> Sample:
    """Spawn ``argv``, wait for it, and return its wall time, peak RSS and exit code."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, str(stderr_path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    started = time.perf_counter()
    try:
        pid = os.posix_spawnp(argv[0], list(argv), env, file_actions=actions)
    except FileNotFoundError:
        stderr_path.write_text(f"{argv[0]}: not found\n", encoding="utf-8")
        return Sample(0.0, 0, 127)
    killer = threading.Timer(TIMEOUT_SECONDS, _kill, (pid,))
    killer.start()
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    killer.cancel()
    return Sample(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))


def _kill(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


EnvFactory = Callable[[], dict[str, str]]


@dataclass
class Bench:
    """One row of the table: a command on a corpus, and what it is compared with."""

    command: str  # as shown
    corpus: str  # "bundled", "1k", …, or a --corpus folder's name
    argv: tuple[str, ...]
    env: EnvFactory
    ok: frozenset[int] = frozenset({0})
    role: str = "poc"  # "python", "typer", "grep" (the baselines) or "poc"
    target: str = ""  # the name of the target this row is checked against
    samples: list[Sample] = field(default_factory=list)
    peak_kb: int | None = None  # from GNU time; None: use the samples' ru_maxrss
    failure: Sample | None = None
    stderr: str = ""
    statements: int = 0  # in the corpus (0: none, or the bundled seminar)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def measure(self, stderr_path: Path, keep: bool) -> None:
        if self.failure is not None:
            return
        sample = run_once(self.argv, self.env(), stderr_path)
        if sample.exit_code not in self.ok:
            self.failure = sample
            self.stderr = _last_line(stderr_path)
        elif keep:
            self.samples.append(sample)

    def measure_memory(self, scratch: Path) -> None:
        """One run under GNU time, for the child's own peak resident size."""
        if self.failure is not None:
            return
        report = scratch / "maxrss.txt"
        argv = (GNU_TIME, "-f", "%M", "-o", str(report), *self.argv)
        sample = run_once(argv, self.env(), scratch / "stderr.txt")
        if sample.exit_code not in self.ok:
            self.failure = sample
            self.stderr = _last_line(scratch / "stderr.txt")
            return
        lines = report.read_text(encoding="utf-8").split()
        self.peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else None

    @property
    def peak_mb(self) -> float:
        kb = self.peak_kb if self.peak_kb is not None else max(s.max_rss_kb for s in self.samples)
        return kb / 1024


BOX_DRAWING = "".join(chr(c) for c in range(0x2500, 0x2580)) + " \t"


def _last_line(path: Path) -> str:
    """The last line of stderr that says something (Rich panels' borders stripped)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [line.strip(BOX_DRAWING) for line in text.splitlines()]
    meaningful = [line for line in lines if any(c.isalnum() for c in line)]
    return meaningful[-1][:160] if meaningful else ""


def measure_all(benches: list[Bench], runs: int, warmup: int, scratch: Path) -> None:
    """Warm-up rounds (discarded), a memory round under GNU time if it is installed,
    then ``runs`` timed rounds, each bench once per round."""
    stderr_path = scratch / "stderr.txt"
    for round_ in range(warmup):
        print(f"  warm-up {round_ + 1}/{warmup}", file=sys.stderr, flush=True)
        for bench in benches:
            bench.measure(stderr_path, keep=False)
    if Path(GNU_TIME).exists():
        print("  memory (GNU time)", file=sys.stderr, flush=True)
        for bench in benches:
            bench.measure_memory(scratch)
    for round_ in range(runs):
        print(f"  run {round_ + 1}/{runs}", file=sys.stderr, flush=True)
        for bench in benches:
            bench.measure(stderr_path, keep=True)


# ---------------------------------------------------------------- what to run


CACHE_VARIABLE = "XDG_CACHE_HOME" if os.name == "posix" else "POC_CACHE_DIR"
"""How each run is given its own cache folder: on POSIX the way a user's cache is found
(``$XDG_CACHE_HOME``, so poc's cache is ``<folder>/poc``), so the runs pay for finding it as
users do; ``$POC_CACHE_DIR`` would skip that."""


@dataclass(frozen=True)
class Setup:
    poc: str
    python: str
    word: str
    typo: str
    scratch: Path

    def env(self, cache: Path | None = None, fresh_cache: bool = False) -> EnvFactory:
        """The environment of each run: the user's, minus POC_* settings, with the cache
        folder set to ``cache``, or to a new empty folder every run (``fresh_cache``)."""
        base = {
            k: v for k, v in os.environ.items() if not k.startswith("POC_") and k != CACHE_VARIABLE
        }
        base.update(COLUMNS="100", NO_COLOR="1")
        previous: list[str] = []

        def factory() -> dict[str, str]:
            env = dict(base)
            if fresh_cache:
                for old in previous:
                    shutil.rmtree(old, ignore_errors=True)
                previous[:] = [tempfile.mkdtemp(prefix="cold-", dir=self.scratch)]
                env[CACHE_VARIABLE] = previous[0]
            elif cache is not None:
                env[CACHE_VARIABLE] = str(cache)
            return env

        return factory


def baseline_benches(s: Setup) -> list[Bench]:
    env = s.env()
    return [
        Bench("python -c pass", "-", (s.python, "-c", "pass"), env, role="python"),
        Bench("minimal Typer app", "-", (s.python, str(MINIMAL_APP)), env, role="typer"),
    ]


def bundled_benches(s: Setup) -> list[Bench]:
    env = s.env(cache=Path(tempfile.mkdtemp(prefix="bundled-", dir=s.scratch)))
    commands: list[tuple[str, ...]] = [("--version",)]
    listings: list[tuple[str, ...]] = [
        ("sessions",),
        ("speakers",),
        ("quotes", "--speaker", "Mamiya"),
        ("search", s.word),
        ("stats",),
    ]
    for args in listings:
        commands += [args, (*args, "--json")]
    commands.append(("search", s.typo))  # what the big corpora's typo rows are held to
    benches = [
        Bench(
            f"grep -ci {s.word}",
            "bundled",
            ("grep", "-ci", s.word, str(BUNDLED)),
            env,
            ok=frozenset({0, 1}),
            role="grep",
        )
    ]
    for args in commands:
        benches.append(
            Bench("poc " + " ".join(args), "bundled", (s.poc, *args), env, target="startup")
        )
    return benches


LISTING_SWITCH = "POC_LISTING_INDEX_MIN_FILES"
"""poc's threshold for serving listings from the index (poc_cli.queries), set only here."""
LISTINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("quotes", "--speaker", "Mamiya"), "filtered"),
    (("quotes", "--speaker", "Mamiya", "--json"), "filtered"),
    (("speakers", "Mamiya", "--json"), "filtered"),
    (("quotes", "--event", "ev00007"), "filtered"),
    (("speakers",), "overview"),
    (("speakers", "--json"), "overview"),
    (("sessions",), "overview"),
    (("stats",), "overview"),
    (("stats", "--json"), "overview"),
)
"""The listing rows of every corpus, and the issue-13 target each is held to."""


def _with(factory: EnvFactory, extra: dict[str, str]) -> EnvFactory:
    def env() -> dict[str, str]:
        return {**factory(), **extra}

    return env


def corpus_benches(
    s: Setup, label: str, folder: Path, slow_rows: bool, statements: int
) -> list[Bench]:
    """grep, and poc's search warm; with ``slow_rows``, also the rows that read every
    file each run (cold search, a listing without the index).  ``statements``: how
    many the corpus holds, for the targets."""
    warm = s.env(cache=Path(tempfile.mkdtemp(prefix=f"warm-{label}-", dir=s.scratch)))
    cold = s.env(fresh_cache=True)
    poc = (s.poc, "--data", str(folder), "search")
    benches = [
        Bench(
            f"grep -rci {s.word}",
            label,
            ("grep", "-rci", s.word, str(folder)),
            warm,
            ok=frozenset({0, 1}),
            role="grep",
        ),
        Bench(f"poc search {s.word} (cold)", label, (*poc, s.word), cold, target="cold"),
        Bench(f"poc search {s.word} (warm)", label, (*poc, s.word), warm, target="warm"),
        Bench(f"poc search {s.typo} (warm)", label, (*poc, s.typo), warm, target="warm"),
    ]
    # Listings: from the index (warm), and as before it, loading and validating every
    # file on each run ("loaded": poc's test-only switch to the small path).
    loaded = _with(warm, {LISTING_SWITCH: "1000000"})
    for args, target in LISTINGS:
        argv = (s.poc, "--data", str(folder), *args)
        shown = "poc " + " ".join(args)
        benches.append(Bench(shown, label, argv, warm, target=target))
        benches.append(Bench(f"{shown} (loaded)", label, argv, loaded, target="slow"))
    for bench in benches:
        bench.statements = statements
    return [b for b in benches if slow_rows or b.target not in ("cold", "slow")]


def count_statements(folder: Path) -> int:
    """Statements in a corpus folder made elsewhere (``--corpus``), read by a child
    process so that this runner stays small (see the module docstring)."""
    script = (
        "import json, pathlib, sys\n"
        "print(sum(len(json.loads(p.read_bytes()).get('statements') or ())"
        " for p in pathlib.Path(sys.argv[1]).glob('*.json')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)], capture_output=True, text=True
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise SystemExit(f"--corpus {folder}: cannot count its statements: {last}")
    return int(done.stdout)


def typo_of(word: str) -> str:
    """The word with two inner letters swapped: ``neutrality`` -> ``nuetrality``."""
    if len(word) < 4:
        return word + word[-1]
    return word[0] + word[2] + word[1] + word[3:]


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Baselines:
    python: float | None
    typer: float | None
    grep: dict[str, float]
    bundled_search: dict[str, float]  # the query -> median of `poc search QUERY` on bundled


def baselines(benches: Sequence[Bench]) -> Baselines:
    def median(pred: Callable[[Bench], bool]) -> float | None:
        found = [b.median for b in benches if pred(b) and b.samples and b.failure is None]
        return found[0] if found else None

    grep = {b.corpus: b.median for b in benches if b.role == "grep" and b.samples}
    bundled_search = {
        b.argv[-1]: b.median
        for b in benches
        if b.corpus == "bundled" and b.argv[-2:-1] == ("search",) and b.samples and not b.failure
    }
    return Baselines(
        python=median(lambda b: b.role == "python"),
        typer=median(lambda b: b.role == "typer"),
        grep=grep,
        bundled_search=bundled_search,
    )


def seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}×" if base else "–"


def verdict(bench: Bench, base: Baselines) -> str:
    """The issue's target for this row, and whether it was met (✓) or missed (✗)."""
    median = bench.median
    peak_mb = bench.peak_mb

    def mark(ok: bool) -> str:
        return "✓" if ok else "✗"

    if bench.target == "startup" and base.typer:
        return f"≤1.2× typer {mark(median <= 1.2 * base.typer)}"
    if bench.target in ("filtered", "overview") and base.typer and bench.statements >= 100_000:
        # Issue 13: filtered listings within 1.2x the Typer app, whole-corpus ones 1.5x
        # (at a million: 0.5 s and 1 s), any command under 100 MB (250 MB at a million).
        big = bench.statements >= 1_000_000
        if big:
            limit = 0.5 if bench.target == "filtered" else 1.0
            time_ok = f"<{limit:g} s {mark(median < limit)}"
        else:
            factor = 1.2 if bench.target == "filtered" else 1.5
            time_ok = f"≤{factor:g}× typer {mark(median <= factor * base.typer)}"
        memory = 250 if big else 100
        return f"{time_ok}, <{memory} MB {mark(peak_mb < memory)}"
    if bench.target not in ("cold", "warm"):
        return ""
    size = bench.statements
    if bench.target == "cold" and size >= 100_000:
        return f"<3 s {mark(median < 3)}, <250 MB {mark(peak_mb < 250)}"
    if bench.target == "warm" and size >= 1_000_000:
        return f"<0.5 s {mark(median < 0.5)}"
    # The same query on the bundled seminar: a typo costs the same extra on both.
    bundled = base.bundled_search.get(bench.argv[-1])
    if bench.target == "warm" and size >= 100_000 and bundled:
        grep = base.grep.get(bench.corpus)
        beats = f", <grep {mark(median < grep)}" if grep else ""
        return f"≤1.5× bundled {mark(median <= 1.5 * bundled)}{beats}"
    return ""


HEADER = (
    "command",
    "corpus",
    "median s",
    "min–max s",
    "peak MB",
    "× python",
    "× typer",
    "× grep",
    "target",
)


def row(bench: Bench, base: Baselines) -> tuple[str, ...]:
    if bench.failure is not None:
        code = bench.failure.exit_code
        why = f"killed (signal {-code})" if code < 0 else f"failed (exit {code})"
        return (bench.command, bench.corpus, why, "", "", "", "", "", "")
    if not bench.samples:
        return (bench.command, bench.corpus, "not run", "", "", "", "", "", "")
    median = bench.median
    low, high = min(s.seconds for s in bench.samples), max(s.seconds for s in bench.samples)
    peak = bench.peak_mb
    grep = base.grep.get(bench.corpus) if bench.role != "grep" else None
    return (
        bench.command,
        bench.corpus,
        seconds(median),
        f"{seconds(low)}–{seconds(high)}",
        f"{peak:.0f}",
        ratio(median, base.python) if bench.role != "python" else "1.00×",
        ratio(median, base.typer) if bench.role in ("typer", "poc") else "–",
        ratio(median, grep) if grep else "–",
        verdict(bench, base),
    )


def format_table(rows: Sequence[tuple[str, ...]], markdown: bool) -> str:
    numeric = {2, 3, 4, 5, 6, 7}
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |"]
        lines.append(
            "|" + "|".join("---:" if i in numeric else "---" for i in range(len(HEADER))) + "|"
        )
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in (HEADER, *rows)) for i in range(len(HEADER))]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    return "\n".join([line(HEADER), line(["-" * w for w in widths]), *map(line, rows)])


def failures(benches: Sequence[Bench]) -> list[str]:
    return [f"{b.command} [{b.corpus}]: {b.stderr}" for b in benches if b.failure and b.stderr]


# ---------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def poc_version(poc: str) -> str:
    try:
        done = subprocess.run([poc, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "not runnable"
    return done.stdout.strip() or f"exit {done.returncode}"


def poc_python(poc: str) -> str:
    """The interpreter that runs the ``poc`` script (its ``#!`` line), else this one."""
    try:
        with open(poc, "rb") as script:
            first = script.readline(4096)
    except OSError:
        return sys.executable
    if first.startswith(b"#!"):
        interpreter = first[2:].strip().split(b" ")[0].decode(errors="replace")
        if Path(interpreter).exists():
            return interpreter
    return sys.executable


_VERSIONS = (
    "from importlib.metadata import version\n"
    "for name in ('typer', 'rich'):\n"
    "    try: print(name, version(name))\n"
    "    except Exception: pass\n"
)


def framework_versions(python: str) -> str:
    """typer's and rich's versions where the timed poc runs (typer's moved every row)."""
    done = subprocess.run([python, "-c", _VERSIONS], capture_output=True, text=True)
    return ", ".join(done.stdout.split("\n")[:-1]) or "typer and rich versions unknown"


def compile_poc(python: str) -> str:
    """Write poc's bytecode, as installing a wheel does, and say what was done.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on some shared machines) an editable
    install never caches bytecode, so every run would compile poc's sources again:
    about 40 ms that no user who installed the wheel pays.
    """
    code = (
        "import compileall, os, poc_cli; "
        "print(compileall.compile_dir(os.path.dirname(poc_cli.__file__), quiet=1))"
    )
    done = subprocess.run([python, "-c", code], capture_output=True, text=True)
    if done.returncode != 0 or done.stdout.strip() != "True":
        return "poc bytecode: could not be written (each run compiles poc's sources)"
    return "poc bytecode: written before timing, as a wheel install has it"


def machine(poc: str, runs: int, warmup: int) -> list[str]:
    python = poc_python(poc)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"Python {platform.python_version()} ({sys.executable}); poc: {poc_version(poc)} "
        f"({python}: {framework_versions(python)})",
        compile_poc(python),
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}; load average at start {load}; "
        f"{runs} timed runs per command after {warmup} warm-up run(s)",
        memory_source(),
    ]


def memory_source() -> str:
    if Path(GNU_TIME).exists():
        return "peak MB: the child's max RSS under GNU time, in one extra run"
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"peak MB: upper bound (no {GNU_TIME}): ru_maxrss from wait4, which includes "
        f"this runner's {own:.0f} MB"
    )


# ---------------------------------------------------------------- main


def find_poc() -> str:
    beside = Path(sys.executable).parent / "poc"
    return str(beside) if beside.exists() else (shutil.which("poc") or str(beside))


@contextmanager
def temporary_folder(parent: Path | None = None) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="poc-bench-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def work_folders(keep: Path | None) -> Iterator[tuple[Path, Path]]:
    """Where corpora go (``--work``, kept; else temporary) and where this run's caches
    and scratch files go (always removed at the end: a 1m index is about 800 MB)."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        with temporary_folder(keep) as scratch:
            yield keep, scratch
        return
    with temporary_folder() as root:
        yield root, root


def corpus_folder(root: Path, label: str, seed: int) -> Path:
    """Generate (or, with ``--work``, reuse) the corpus of that size."""
    folder = root / f"corpus-{label}-seed{seed}"
    done = root / f"corpus-{label}-seed{seed}.done"
    if done.exists():
        print(f"corpus {label}: reusing {folder}", file=sys.stderr)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    # A child process, so that this runner stays small (see the module docstring).
    command = [sys.executable, str(BENCHMARKS / "generate.py"), "--size", label]
    command += ["--seed", str(seed), "--out", str(folder)]
    report = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
    done.write_text(report + "\n", encoding="utf-8")
    print(f"corpus {label}: {report}", file=sys.stderr)
    return folder


def parse_sizes(text: str) -> list[str]:
    labels = [t.strip().lower() for t in text.split(",") if t.strip()]
    for label in labels:
        if label != "bundled":
            parse_size(label)  # raises on a bad size
    return labels


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time poc against its baselines; print one table.")
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=["bundled", "1k", "10k", "100k"],
        help="comma-separated: bundled, 1k, 10k, 100k, 1m or a number (default: bundled,1k,10k,100k)",
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="discarded runs first (default 1)")
    parser.add_argument("--word", default="neutrality", help="the word to search and grep for")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpora")
    parser.add_argument(
        "--cold-max",
        type=parse_size,
        help="time cold search and unindexed listings only up to this size (default: 100k"
        " for generated sizes, every --corpus folder)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also time the corpus rows on this folder of dataset files (repeatable)",
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--work",
        type=Path,
        help="keep the corpora here and reuse them next time (default: a temp folder)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")

    poc = find_poc()
    with work_folders(args.work) as (corpora, scratch):
        setup = Setup(poc, sys.executable, args.word, typo_of(args.word), scratch)
        benches = baseline_benches(setup)
        for label in args.sizes:
            if label == "bundled":
                benches += bundled_benches(setup)
            else:
                folder = corpus_folder(corpora, label, args.seed)
                size = parse_size(label)
                slow_rows = size <= (args.cold_max or parse_size("100k"))
                benches += corpus_benches(setup, label, folder, slow_rows, size)
        for folder in args.corpus:
            if not folder.is_dir():
                parser.error(f"--corpus {folder}: not a folder")
            size = count_statements(folder)
            print(f"corpus {folder.name}: {folder}, {size:,} statements", file=sys.stderr)
            label = f"{folder.name} ({size:,})"
            slow_rows = args.cold_max is None or size <= args.cold_max  # asked for: all rows
            benches += corpus_benches(setup, label, folder.resolve(), slow_rows, size)
        header = machine(poc, args.runs, args.warmup)
        measure_all(benches, args.runs, args.warmup, scratch)
    base = baselines(benches)
    prefix = "" if not args.markdown else "- "
    print("\n".join(prefix + line for line in header) + "\n")
    print(format_table([row(b, base) for b in benches], args.markdown))
    notes = failures(benches)
    if notes:
        print("\nFailed commands (last line of stderr):")
        print("\n".join(f"{prefix or '  '}{n}" for n in notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
