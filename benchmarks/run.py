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
import json
import os
import platform
import resource
import shlex
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
    rg: str | None = None  # ripgrep's path; None: not installed, its rows are left out
    tokenizer: str = ""  # poc's FTS5 tokenizer, for the bare FTS5 build ("": no such row)

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


def completion_env(base: EnvFactory, words: str, cword: int, cur: str) -> EnvFactory:
    """One TAB press as bash makes it: ``poc`` run with ``_POC_COMPLETE=complete_bash``,
    ``COMP_WORDS`` and ``COMP_CWORD`` (the protocol of ``poc --show-completion bash``)."""

    def factory() -> dict[str, str]:
        env = base()
        env.update(
            _POC_COMPLETE="complete_bash",
            COMP_WORDS=words,
            COMP_CWORD=str(cword),
            _POC_COMPLETE_CUR=cur,
        )
        return env

    return factory


def tab_bench(
    s: Setup, label: str, data: Path | None, line: str, typed: str, env: EnvFactory, target: str
) -> Bench:
    """One TAB at the end of ``poc [--data DATA] LINE TYPED``."""
    words = ["poc", *(("--data", str(data)) if data else ()), *line.split(), typed]
    return Bench(
        f"TAB: {line} {typed}".rstrip(),
        label,
        (s.poc,),
        completion_env(env, " ".join(words), len(words) - 1, typed),
        target=target,
    )


def grep_benches(s: Setup, label: str, path: Path, env: EnvFactory) -> list[Bench]:
    """What a user would do instead of poc: ``grep`` (``-r`` for a folder) and, when it
    is installed, ``rg`` (recursive by itself), counting matching lines per file."""
    grep_flags = "-rci" if path.is_dir() else "-ci"
    benches = [
        Bench(
            f"grep {grep_flags} {s.word}",
            label,
            ("grep", grep_flags, s.word, str(path)),
            env,
            ok=frozenset({0, 1}),
            role="grep",
        )
    ]
    if s.rg:
        benches.append(
            Bench(
                f"rg -c -i {s.word}",
                label,
                (s.rg, "-c", "-i", s.word, str(path)),
                env,
                ok=frozenset({0, 1}),
                role="rg",
            )
        )
    return benches


BUNDLED_LOOKUPS: tuple[tuple[str, ...], ...] = (
    ("sessions", "2"),
    ("show", "ipi18-21"),
    ("cite", "ipi18-21"),
)
"""The bundled seminar's one-record commands (its help's own examples)."""
BUNDLED_SEARCH_SPEAKER = "Coutou"
"""Who said ``neutrality`` in the bundled seminar (Mamiya did not), for ``search --speaker``."""


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
    commands += [*BUNDLED_LOOKUPS, ("search", s.word, "--speaker", BUNDLED_SEARCH_SPEAKER)]
    benches = grep_benches(s, "bundled", BUNDLED, env)
    for args in commands:
        benches.append(
            Bench("poc " + " ".join(args), "bundled", (s.poc, *args), env, target="startup")
        )
    benches.append(tab_bench(s, "bundled", None, "quotes --speaker", "mam", env, "startup"))
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
"""The listing rows of every corpus, timed from the index and loaded, and the issue-13
target each is held to.  ``Mamiya`` and ``ev00007`` are the generated corpora's; a
folder without them gets its own (see :class:`CorpusIds`)."""


@dataclass(frozen=True)
class CorpusIds:
    """The names the one-record rows of a corpus use: all of them exist in it.

    A generated corpus of 7 events or more (1k and up, any seed) has event ``ev00007``
    with ``session-1`` and statement ``ev00007-001``, and Mamiya speaks in it: the same
    rows at every size (:data:`GENERATED_IDS`; ``cite`` takes ev00007's first quote,
    ``ev00007-002`` with seed 1, as the kinds depend on the seed).  A folder without
    them (``--corpus``, or a smaller generated corpus) gets its ids from its first file
    in name order, the order poc lists it in: that file's event, its first session, its
    first statement (for ``show``) and its first quote (for ``cite``, which refuses a
    paraphrase unless ``--paraphrase``), and ``Mamiya`` if that file has a speaker of
    that name, else the full name of the person who made its first statement; for the
    search filtered by speaker, a person who said the searched word in that file
    (Mamiya if he did), so that it finds something."""

    event: str
    session: str  # named with --event EVENT: session ids repeat across events
    show: str  # a statement id
    cite: str  # a statement id, a quote if the file has one
    cite_paraphrase: bool  # no quote in the file: cite a paraphrase, with --paraphrase
    speaker: str  # as typed after --speaker
    search_speaker: str  # as typed after search WORD --speaker: one who said WORD
    source: str  # "generated", or the file the ids come from

    @property
    def speaker_prefix(self) -> str:
        """What is typed before TAB to complete the speaker (``mam`` for Mamiya)."""
        return self.speaker[:3].casefold()

    def listing(self, args: tuple[str, ...]) -> tuple[str, ...]:
        """A :data:`LISTINGS` command with this corpus's speaker and event."""
        names = {GENERATED_IDS.speaker: self.speaker, GENERATED_IDS.event: self.event}
        return tuple(names.get(arg, arg) for arg in args)

    def lookups(self, word: str) -> list[tuple[str, ...]]:
        """The one-record commands (issue 13's filtered listings and searches)."""
        cite = ("cite", self.cite, *(("--paraphrase",) if self.cite_paraphrase else ()))
        return [
            ("speakers", self.speaker),
            ("sessions", self.session, "--event", self.event),
            ("show", self.show),
            cite,
            ("search", word, "--event", self.event),
            ("search", word, "--speaker", self.search_speaker),
        ]


GENERATED_IDS = CorpusIds(
    event="ev00007",
    session="session-1",
    show="ev00007-001",
    cite="ev00007-002",
    cite_paraphrase=False,
    speaker="Mamiya",
    search_speaker="Mamiya",
    source="generated",
)

_CHOOSE_IDS = r"""
import json, os, sys
folder, word = sys.argv[1], sys.argv[2].casefold()
def read(name):
    with open(os.path.join(folder, name), "rb") as f:
        return json.load(f)
def generated(doc):
    ids = {s.get("id") for s in doc.get("statements") or ()}
    sessions = {s.get("id") for s in doc.get("sessions") or ()}
    return doc.get("event", {}).get("id") == "ev00007" and "session-1" in sessions and (
        "ev00007-001" in ids
    )
try:
    doc, source = read("ev00007.json"), "generated"
    if not generated(doc):
        raise ValueError("not generated")
except (OSError, ValueError, AttributeError):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
    if not names:
        sys.exit("no .json file")
    doc, source = read(names[0]), names[0]
statements = doc["statements"]
quotes = [s for s in statements if s.get("kind") == "quote"]
people = {p["id"]: p.get("name") or p["id"] for p in doc.get("speakers") or ()}
def is_mamiya(name):
    return "Mamiya" in name.split()
first = people.get(statements[0]["speaker"], statements[0]["speaker"])
speaker = "Mamiya" if any(map(is_mamiya, people.values())) else first
said = [people.get(s["speaker"], s["speaker"]) for s in statements if word in s["text"].casefold()]
search_speaker = "Mamiya" if any(map(is_mamiya, said)) else (said[0] if said else speaker)
cited = quotes[0] if quotes else statements[0]
found = {
    "source": source,
    "event": doc["event"]["id"],
    "session": doc["sessions"][0]["id"],
    "show": statements[0]["id"],
    "cite": cited["id"],
    "cite_paraphrase": not quotes,
    "speaker": speaker,
    "search_speaker": search_speaker,
}
if source == "generated":  # the same rows at every size: Mamiya is in every generated corpus
    found.update(session="session-1", show="ev00007-001", speaker="Mamiya", search_speaker="Mamiya")
print(json.dumps(found))
"""


def corpus_ids(folder: Path, word: str = "neutrality") -> CorpusIds:
    """The ids the one-record rows use on ``folder`` (see :class:`CorpusIds`), read by a
    child process (one file) so that this runner stays small; the generated corpora's
    when nothing can be read (the rows then fail, and say why)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHOOSE_IDS, str(folder), word], capture_output=True, text=True
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        print(f"{folder}: no ids of its own ({last}); using the generated ones", file=sys.stderr)
        return GENERATED_IDS
    return CorpusIds(**json.loads(done.stdout))


def _with(factory: EnvFactory, extra: dict[str, str]) -> EnvFactory:
    def env() -> dict[str, str]:
        return {**factory(), **extra}

    return env


BARE_FTS5 = r"""
import json, os, sqlite3, sys
folder, tokenizer, variable = sys.argv[1:4]
db = sqlite3.connect(os.path.join(os.environ[variable], "bare-fts5.db"), isolation_level=None)
def texts():
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".json")):
        with open(os.path.join(folder, name), "rb") as f:
            statements = json.load(f)["statements"]
        for statement in statements:
            yield (statement["text"],)
db.execute("BEGIN")
db.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, tokenize='{tokenizer}')")
db.executemany("INSERT INTO t(text) VALUES (?)", texts())
db.execute("COMMIT")
db.close()
"""
"""The floor of a cold build: one process of the same Python reads every file with the
standard ``json`` module and puts each statement's text into one FTS5 table with poc's
tokenizer, in a new database file in a new empty folder every run (the cold rows'
fresh cache folder), in one transaction."""


def poc_tokenizer() -> str:
    """poc's FTS5 tokenizer string (``poc_cli.index.schema.TOKENIZER``); "" if unknown."""
    try:
        from poc_cli.index.schema import TOKENIZER
    except ImportError:
        return ""
    return str(TOKENIZER)


def corpus_benches(
    s: Setup,
    label: str,
    folder: Path,
    slow_rows: bool,
    statements: int,
    ids: CorpusIds | None = None,
) -> list[Bench]:
    """grep, rg, and poc warm: search, listings, one-record commands, a TAB; with
    ``slow_rows``, also the rows that read every file each run (the bare FTS5 build,
    cold search, a listing without the index).  ``statements``: how many the corpus
    holds, for the targets; ``ids``: the names the one-record rows use (by default
    :func:`corpus_ids` of the folder)."""
    ids = ids or corpus_ids(folder, s.word)
    warm = s.env(cache=Path(tempfile.mkdtemp(prefix=f"warm-{label}-", dir=s.scratch)))
    cold = s.env(fresh_cache=True)
    poc = (s.poc, "--data", str(folder), "search")
    benches = grep_benches(s, label, folder, warm)
    if s.tokenizer:
        bare = (s.python, "-c", BARE_FTS5, str(folder), s.tokenizer, CACHE_VARIABLE)
        benches.append(Bench("bare FTS5 build", label, bare, s.env(fresh_cache=True), role="fts5"))
    benches += [
        Bench(f"poc search {s.word} (cold)", label, (*poc, s.word), cold, target="cold"),
        Bench(f"poc search {s.word} (warm)", label, (*poc, s.word), warm, target="warm"),
        Bench(f"poc search {s.typo} (warm)", label, (*poc, s.typo), warm, target="warm"),
    ]
    # Listings: from the index (warm), and as before it, loading and validating every
    # file on each run ("loaded": poc's test-only switch to the small path).
    loaded = _with(warm, {LISTING_SWITCH: "1000000"})
    for generated_args, target in LISTINGS:
        args = ids.listing(generated_args)
        argv = (s.poc, "--data", str(folder), *args)
        shown = "poc " + shlex.join(args)
        benches.append(Bench(shown, label, argv, warm, target=target))
        benches.append(Bench(f"{shown} (loaded)", label, argv, loaded, target="slow"))
    # One record, or one filter, from the index: warm only.
    for args in ids.lookups(s.word):
        argv = (s.poc, "--data", str(folder), *args)
        benches.append(Bench("poc " + shlex.join(args), label, argv, warm, target="filtered"))
    benches.append(
        tab_bench(s, label, folder, "quotes --speaker", ids.speaker_prefix, warm, "completion")
    )
    for bench in benches:
        bench.statements = statements
    slow = ("cold", "slow")
    return [b for b in benches if slow_rows or (b.target not in slow and b.role != "fts5")]


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
    rg: dict[str, float] = field(default_factory=dict)  # corpus -> median of `rg -c -i`
    fts5: dict[str, float] = field(default_factory=dict)  # corpus -> the bare FTS5 build


def baselines(benches: Sequence[Bench]) -> Baselines:
    def median(pred: Callable[[Bench], bool]) -> float | None:
        found = [b.median for b in benches if pred(b) and b.samples and b.failure is None]
        return found[0] if found else None

    def by_corpus(role: str) -> dict[str, float]:
        return {b.corpus: b.median for b in benches if b.role == role and b.samples}

    bundled_search = {
        b.argv[-1]: b.median
        for b in benches
        if b.corpus == "bundled" and b.argv[-2:-1] == ("search",) and b.samples and not b.failure
    }
    return Baselines(
        python=median(lambda b: b.role == "python"),
        typer=median(lambda b: b.role == "typer"),
        grep=by_corpus("grep"),
        bundled_search=bundled_search,
        rg=by_corpus("rg"),
        fts5=by_corpus("fts5"),
    )


def seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}×" if base else "–"


HUNDRED_K = 100_000
MILLION = 1_000_000
"""A corpus is held to a target column of the issues' tables by its statement count:
from 100,000 statements to the 100k column, from 1,000,000 to the 1m column, below
100,000 to none (the bundled seminar's rows, ``startup``, to theirs)."""


def memory_limit(statements: int) -> int:
    """Issue 13: the peak memory of any command, in MB."""
    return 250 if statements >= MILLION else 100


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def verdict(bench: Bench, base: Baselines) -> str:
    """The issue's target for this row, and whether it was met (✓) or missed (✗)."""
    median = bench.median
    size = bench.statements
    big = size >= MILLION
    limit = memory_limit(size)
    memory = f"<{limit} MB {mark(bench.peak_mb < limit)}"

    if bench.target == "startup" and base.typer:
        return f"≤1.2× typer {mark(median <= 1.2 * base.typer)}"
    if size < HUNDRED_K:
        return ""
    if bench.target in ("filtered", "overview") and base.typer:
        # Issue 13: filtered listings and searches within 1.2x the Typer app, whole-corpus
        # ones 1.5x (at a million: 0.5 s and 1 s), any command under 100 MB (250 MB at
        # a million).
        if big:
            seconds_limit = 0.5 if bench.target == "filtered" else 1.0
            time_ok = f"<{seconds_limit:g} s {mark(median < seconds_limit)}"
        else:
            factor = 1.2 if bench.target == "filtered" else 1.5
            time_ok = f"≤{factor:g}× typer {mark(median <= factor * base.typer)}"
        return f"{time_ok}, {memory}"
    if bench.target == "completion" and base.typer:
        # Issue 13: speaker completion within 1.2x the Typer app (1.5x at a million).
        factor = 1.5 if big else 1.2
        return f"≤{factor:g}× typer {mark(median <= factor * base.typer)}, {memory}"
    if bench.target == "cold":
        # Issue 13: the first command within 1.5x a bare FTS5 build of the same texts
        # (under 25 s at a million).
        if big:
            return f"<25 s {mark(median < 25)}, {memory}"
        fts5 = base.fts5.get(bench.corpus)
        against = f"≤1.5× bare FTS5 {mark(median <= 1.5 * fts5)}, " if fts5 else ""
        return against + memory
    if bench.target != "warm":
        return ""
    grep, rg = base.grep.get(bench.corpus), base.rg.get(bench.corpus)
    if big:
        # Issue 5's half a second; issue 13's "faster than grep and rg" from 1m on.
        beats = f", <grep {mark(median < grep)}" if grep else ""
        beats += f", <rg {mark(median < rg)}" if rg else ""
        return f"<0.5 s {mark(median < 0.5)}{beats}"
    # Issue 5 at 100k: the same query on the bundled seminar (a typo costs the same
    # extra on both), and faster than grep.
    bundled = base.bundled_search.get(bench.argv[-1])
    if bundled:
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
    "× rg",
    "target",
)
BLANK = ("",) * (len(HEADER) - 3)


def row(bench: Bench, base: Baselines) -> tuple[str, ...]:
    if bench.failure is not None:
        code = bench.failure.exit_code
        why = f"killed (signal {-code})" if code < 0 else f"failed (exit {code})"
        return (bench.command, bench.corpus, why, *BLANK)
    if not bench.samples:
        return (bench.command, bench.corpus, "not run", *BLANK)
    median = bench.median
    low, high = min(s.seconds for s in bench.samples), max(s.seconds for s in bench.samples)
    peak = bench.peak_mb
    against = bench.role in ("poc", "fts5")  # the rows compared with grep and rg
    grep = base.grep.get(bench.corpus) if against else None
    rg = base.rg.get(bench.corpus) if against else None
    return (
        bench.command,
        bench.corpus,
        seconds(median),
        f"{seconds(low)}–{seconds(high)}",
        f"{peak:.0f}",
        ratio(median, base.python) if bench.role != "python" else "1.00×",
        ratio(median, base.typer) if bench.role in ("typer", "poc") else "–",
        ratio(median, grep) if grep else "–",
        ratio(median, rg) if rg else "–",
        verdict(bench, base),
    )


PEAK_ROW = "peak memory (any poc command)"


def peak_row(corpus: str, benches: Sequence[Bench]) -> tuple[str, ...] | None:
    """Issue 13's "peak memory of any command" for one corpus of 100k statements or
    more: the largest peak of its poc rows (the ``(loaded)`` ones left out: they time
    the path poc no longer takes there)."""
    timed = [
        b
        for b in benches
        if b.corpus == corpus and b.role == "poc" and b.target != "slow" and b.samples
        if b.failure is None
    ]
    if not timed:
        return None
    top = max(timed, key=lambda b: b.peak_mb)
    limit = memory_limit(top.statements)
    target = f"<{limit} MB {mark(top.peak_mb < limit)} (most: {top.command})"
    ratios = ("",) * (len(HEADER) - 6)  # no time: no ratios
    return (PEAK_ROW, corpus, "–", "–", f"{top.peak_mb:.0f}", *ratios, target)


def table_rows(benches: Sequence[Bench], base: Baselines) -> list[tuple[str, ...]]:
    """Every bench's row, and after each corpus of 100k statements or more its peak."""
    rows = []
    for i, bench in enumerate(benches):
        rows.append(row(bench, base))
        last = i + 1 == len(benches) or benches[i + 1].corpus != bench.corpus
        if last and bench.statements >= HUNDRED_K:
            peak = peak_row(bench.corpus, benches)
            if peak is not None:
                rows.append(peak)
    return rows


def format_table(rows: Sequence[tuple[str, ...]], markdown: bool) -> str:
    numeric = set(range(2, len(HEADER) - 1))
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
        rg, tokenizer = shutil.which("rg"), poc_tokenizer()
        setup = Setup(poc, sys.executable, args.word, typo_of(args.word), scratch, rg, tokenizer)
        benches = baseline_benches(setup)
        for label in args.sizes:
            if label == "bundled":
                benches += bundled_benches(setup)
            else:
                folder = corpus_folder(corpora, label, args.seed)
                size = parse_size(label)
                slow_rows = size <= (args.cold_max or parse_size("100k"))
                ids = corpus_ids(folder, args.word)
                print(f"corpus {label}: ids {ids}", file=sys.stderr)
                benches += corpus_benches(setup, label, folder, slow_rows, size, ids)
        for folder in args.corpus:
            if not folder.is_dir():
                parser.error(f"--corpus {folder}: not a folder")
            size = count_statements(folder)
            print(f"corpus {folder.name}: {folder}, {size:,} statements", file=sys.stderr)
            label = f"{folder.name} ({size:,})"
            slow_rows = args.cold_max is None or size <= args.cold_max  # asked for: all rows
            ids = corpus_ids(folder, args.word)
            print(f"corpus {label}: ids {ids}", file=sys.stderr)
            benches += corpus_benches(setup, label, folder.resolve(), slow_rows, size, ids)
        header = machine(poc, args.runs, args.warmup)
        measure_all(benches, args.runs, args.warmup, scratch)
    base = baselines(benches)
    prefix = "" if not args.markdown else "- "
    print("\n".join(prefix + line for line in header) + "\n")
    print(format_table(table_rows(benches, base), args.markdown))
    skipped = []
    if not rg:
        skipped.append("rg (ripgrep) is not installed: its rows and the <rg targets are left out")
    if not tokenizer:
        skipped.append("poc_cli.index.schema not importable: no bare FTS5 build row")
    if skipped:
        print("\nNotes:")
        print("\n".join(f"{prefix or '  '}{n}" for n in skipped))
    notes = failures(benches)
    if notes:
        print("\nFailed commands (last line of stderr):")
        print("\n".join(f"{prefix or '  '}{n}" for n in notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
