"""The benchmark's rows of issue 13: every command of its table on every corpus, each held
to its target; a corpus of copies of the seminar that poc accepts; ids that exist in the
folder they are timed on.  Nothing here is timed."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"poc_benchmark_rows_{name}", BENCHMARKS / f"{name}.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
sys.modules.setdefault("generate", generate)  # run.py and copy_seminar.py import it by name
run = _load("run")
copy_seminar = _load("copy_seminar")

WORD = "neutrality"


def _setup(tmp_path: Path, rg: str | None = "rg") -> Any:
    return run.Setup("poc", sys.executable, WORD, "nuetrality", tmp_path, rg, "unicode61")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate.generate_corpus(400, seed=1, out=out, jobs=1)  # 8 events: ev00007 is one
    return out


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("copied") / "corpus"
    copy_seminar.copy_seminar(out, statements=200)
    return out


def _docs(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _bench(benches: list[Any], command: str) -> Any:
    found = [b for b in benches if b.command == command]
    assert len(found) == 1, (command, [b.command for b in benches])
    return found[0]


def _timed(bench: Any, seconds: float, mb: int, statements: int) -> Any:
    bench.samples[:] = [run.Sample(seconds, mb * 1024, 0)]
    bench.peak_kb, bench.statements = mb * 1024, statements
    return bench


def _baseline(role: str, corpus: str, seconds: float) -> Any:
    bench = run.Bench(role, corpus, ("x",), dict, role=role)
    bench.samples.append(run.Sample(seconds, 1024, 0))
    return bench


# Every row of issue 13's table, as the runner shows it on a generated corpus.
ISSUE_13_ROWS = {
    # filtered listings
    "poc quotes --speaker Mamiya": "filtered",
    "poc speakers Mamiya": "filtered",
    "poc sessions session-1 --event ev00007": "filtered",
    "poc show ev00007-001": "filtered",
    "poc cite {cite}": "filtered",  # ev00007's first quote (its kinds depend on the seed)
    # whole corpus
    "poc speakers": "overview",
    "poc sessions": "overview",
    "poc stats": "overview",
    # filtered search
    f"poc search {WORD} --event ev00007": "filtered",
    f"poc search {WORD} --speaker Mamiya": "filtered",
    # speaker completion, cold first command
    "TAB: quotes --speaker mam": "completion",
    f"poc search {WORD} (cold)": "cold",
}


@pytest.mark.parametrize("statements", [100_000, 1_000_000])
def test_every_row_of_issue_13_with_its_target(generated: Path, statements: int) -> None:
    label = f"{statements:,}"
    benches = run.corpus_benches(_setup(generated), label, generated, True, statements)
    cite = run.corpus_ids(generated, WORD).cite
    rows = {command.format(cite=cite): target for command, target in ISSUE_13_ROWS.items()}
    for command, target in rows.items():
        assert _bench(benches, command).target == target
    baselines_ = {b.role: b for b in benches if b.role != "poc"}
    assert set(baselines_) == {"grep", "rg", "fts5"}
    assert baselines_["rg"].argv[1:] == ("-c", "-i", WORD, str(generated))
    assert baselines_["grep"].argv == ("grep", "-rci", WORD, str(generated))

    typer = _baseline("typer", "-", 0.2)
    grep, rg, fts5 = (_baseline(r, label, s) for r, s in (("grep", 0.3), ("rg", 0.25), ("fts5", 4)))
    base = run.baselines([typer, grep, rg, fts5])
    fast, slow = 0.23, 0.6  # within 1.2x the app (0.24 s), but over 0.5 s; and neither
    million = statements >= 1_000_000
    expected = {
        "filtered": ("<0.5 s ✓, <250 MB ✓" if million else "≤1.2× typer ✓, <100 MB ✓"),
        "overview": ("<1 s ✓, <250 MB ✓" if million else "≤1.5× typer ✓, <100 MB ✓"),
        "completion": ("≤1.5× typer ✓, <250 MB ✓" if million else "≤1.2× typer ✓, <100 MB ✓"),
    }
    for command, target in rows.items():
        bench = _timed(_bench(benches, command), fast, 50, statements)
        if target == "cold":
            continue
        assert run.verdict(bench, base) == expected[target], command
    missed = {
        "filtered": ("<0.5 s ✗, <250 MB ✗" if million else "≤1.2× typer ✗, <100 MB ✗"),
        "completion": ("≤1.5× typer ✗, <250 MB ✗" if million else "≤1.2× typer ✗, <100 MB ✗"),
    }
    for command in ("poc show ev00007-001", "TAB: quotes --speaker mam"):
        bench = _timed(_bench(benches, command), slow, 300, statements)
        assert run.verdict(bench, base) == missed[bench.target]

    cold = _bench(benches, f"poc search {WORD} (cold)")
    if million:
        assert run.verdict(_timed(cold, 24, 200, statements), base) == "<25 s ✓, <250 MB ✓"
        assert run.verdict(_timed(cold, 26, 260, statements), base) == "<25 s ✗, <250 MB ✗"
    else:  # the bare FTS5 build took 4 s
        assert run.verdict(_timed(cold, 5.9, 90, statements), base) == (
            "≤1.5× bare FTS5 ✓, <100 MB ✓"
        )
        assert run.verdict(_timed(cold, 6.1, 90, statements), base) == (
            "≤1.5× bare FTS5 ✗, <100 MB ✓"
        )
    warm = _timed(_bench(benches, f"poc search {WORD} (warm)"), 0.28, 30, statements)
    if million:  # faster than grep (0.3 s) but not than rg (0.25 s)
        assert run.verdict(warm, base) == "<0.5 s ✓, <grep ✓, <rg ✗"


def test_small_corpora_have_no_targets_and_the_bundled_rows_theirs(tmp_path: Path) -> None:
    benches = run.corpus_benches(_setup(tmp_path), "10k", tmp_path, True, 10_000)
    base = run.baselines([_baseline("typer", "-", 0.2)])
    for command in (c.format(cite=run.GENERATED_IDS.cite) for c in ISSUE_13_ROWS):
        assert run.verdict(_timed(_bench(benches, command), 0.1, 10, 10_000), base) == ""
    bundled = run.bundled_benches(_setup(tmp_path))
    shown = [b.command for b in bundled]
    for command in ("poc show ipi18-21", "poc cite ipi18-21", "poc sessions 2"):
        assert command in shown
    assert "TAB: quotes --speaker mam" in shown
    assert f"poc search {WORD} --speaker Coutou" in shown  # who said it there
    assert {b.target for b in bundled if b.role == "poc"} == {"startup"}


def test_slow_rows_only_when_asked_and_rg_only_when_installed(generated: Path) -> None:
    quick = run.corpus_benches(_setup(generated, rg=None), "1m", generated, False, 1_000_000)
    roles = {b.role for b in quick}
    assert "rg" not in roles and "fts5" not in roles
    assert not any(b.target in ("cold", "slow") for b in quick)
    assert _bench(quick, "TAB: quotes --speaker mam")  # the warm rows stay


def test_the_bare_fts5_build_indexes_every_statement(generated: Path, tmp_path: Path) -> None:
    benches = run.corpus_benches(_setup(tmp_path), "x", generated, True, 400)
    bare = next(b for b in benches if b.role == "fts5")
    assert bare.argv[:2] == (sys.executable, "-c")
    assert bare.argv[-2:] == ("unicode61", run.CACHE_VARIABLE)
    env = bare.env()
    done = subprocess.run(bare.argv, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    database = Path(env[run.CACHE_VARIABLE]) / "bare-fts5.db"
    import sqlite3

    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM t").fetchone() == (400,)
        assert db.execute("SELECT count(*) FROM t WHERE t MATCH 'neutrality'").fetchone()[0] > 0
    assert Path(bare.env()[run.CACHE_VARIABLE]) != database.parent  # a new folder each run
    assert not database.exists()  # and the last one removed


def test_the_tokenizer_is_pocs() -> None:
    from poc_cli.index.schema import TOKENIZER

    assert run.poc_tokenizer() == TOKENIZER


def test_the_peak_memory_row_of_each_big_corpus() -> None:
    benches = []
    for command, mb, target in (("a", 40, "filtered"), ("b", 120, "overview"), ("c", 900, "slow")):
        bench = run.Bench(f"poc {command}", "100k", ("poc",), dict, target=target)
        benches.append(_timed(bench, 0.2, mb, 100_000))
    small = _timed(run.Bench("poc d", "10k", ("poc",), dict, target="filtered"), 0.2, 10, 10_000)
    rows = run.table_rows([*benches, small], run.baselines(benches))
    peaks = [r for r in rows if r[0] == run.PEAK_ROW]
    assert len(peaks) == 1 and len(peaks[0]) == len(run.HEADER)
    assert peaks[0][1] == "100k" and peaks[0][4] == "120"  # the (loaded) row is left out
    assert peaks[0][-1] == "<100 MB ✗ (most: poc b)"
    assert run.format_table(rows, markdown=True).count("\n") == len(rows) + 1


def test_the_copied_seminar_is_valid_and_its_ids_unique(copied: Path) -> None:
    docs = _docs(copied)
    seminar = json.loads((BENCHMARKS.parent / "data" / "seminar.json").read_text("utf-8"))
    assert len(docs) == -(-200 // len(seminar["statements"]))  # the last copy cut short
    assert sum(len(d["statements"]) for d in docs) == 200
    events = [d["event"]["id"] for d in docs]
    statements = [s["id"] for d in docs for s in d["statements"]]
    assert len(set(events)) == len(events) and len(set(statements)) == len(statements)
    known = set(statements)
    assert all(s["within"] in known for d in docs for s in d["statements"] if s.get("within"))
    # The same people in every copy, as in a real archive: "Mamiya" stays one person.
    assert {p["id"] for p in docs[0]["speakers"]} == {p["id"] for p in docs[-1]["speakers"]}
    done = subprocess.run(
        [sys.executable, "-m", "poc_cli", "--data", str(copied), "validate"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_copying_is_deterministic_and_refuses_the_checkout(copied: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    copy_seminar.copy_seminar(again, statements=200)
    assert {p.name: p.read_bytes() for p in again.glob("*.json")} == {
        p.name: p.read_bytes() for p in copied.glob("*.json")
    }
    with pytest.raises(SystemExit):
        copy_seminar.copy_seminar(BENCHMARKS / "copies-should-not-exist", copies=1)
    assert not (BENCHMARKS / "copies-should-not-exist").exists()
    with pytest.raises(SystemExit):  # nor over another corpus
        copy_seminar.copy_seminar(again, copies=1)
    whole = tmp_path / "whole"
    copy_seminar.main(["--copies", "2", "--out", str(whole)])
    assert [len(d["statements"]) for d in _docs(whole)] == [76, 76]


def _ids_exist(folder: Path, ids: Any, said_it: bool = True) -> None:
    """Every id a --corpus row uses is in the folder, where that row looks for it (and,
    with ``said_it``, the person searched by said the word)."""
    docs = _docs(folder)
    event = next(d for d in docs if d["event"]["id"] == ids.event)
    assert ids.session in {s["id"] for s in event["sessions"]}
    statements = {s["id"]: s for d in docs for s in d["statements"]}
    assert ids.show in statements
    assert statements[ids.cite]["kind"] == ("paraphrase" if ids.cite_paraphrase else "quote")
    names = {p["name"] for d in docs for p in d["speakers"]}
    for typed in (ids.speaker, ids.search_speaker):
        assert any(typed == name or typed in name.split() for name in names), typed
    if not said_it:
        return
    said = {
        statements[s]["speaker"] for s in statements if WORD in statements[s]["text"].casefold()
    }
    people = {p["id"]: p["name"] for d in docs for p in d["speakers"]}
    assert any(ids.search_speaker in people[s] for s in said)


def test_a_corpus_folder_gets_ids_of_its_own(copied: Path, tmp_path: Path) -> None:
    ids = run.corpus_ids(copied, WORD)
    assert ids.source == "c00001.json" and ids != run.GENERATED_IDS
    assert (ids.event, ids.session, ids.show) == (
        "c00001-ipi-2018-poc",
        "opening",
        "c00001-ipi18-01",
    )
    assert ids.speaker == "Mamiya" and ids.search_speaker == "Agnès Coutou"
    _ids_exist(copied, ids)
    benches = run.corpus_benches(_setup(tmp_path), "copied (100,000)", copied, True, 100_000)
    shown = {b.command: b for b in benches}
    for command in (
        "poc quotes --event c00001-ipi-2018-poc",
        "poc sessions opening --event c00001-ipi-2018-poc",
        "poc show c00001-ipi18-01",
        f"poc cite {ids.cite}",
        f"poc search {WORD} --event c00001-ipi-2018-poc",
        f"poc search {WORD} --speaker 'Agnès Coutou'",
    ):
        assert shown[command].argv[1:3] == ("--data", str(copied))
        assert shown[command].target == "filtered"
    assert not any("ev00007" in command for command in shown)


def test_a_folder_without_quotes_or_mamiya_still_gets_rows(tmp_path: Path) -> None:
    folder = tmp_path / "paraphrases"
    copy_seminar.copy_seminar(folder, copies=2)
    for path in folder.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["statements"] = [s for s in doc["statements"] if s["kind"] == "paraphrase"]
        doc["speakers"] = [p for p in doc["speakers"] if p["id"] != "ralph-mamiya"]
        doc["statements"] = [s for s in doc["statements"] if s["speaker"] != "ralph-mamiya"]
        for session in doc["sessions"]:
            if (session.get("paper") or {}).get("author") == "ralph-mamiya":
                session["paper"] = None
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ids = run.corpus_ids(folder, WORD)
    assert ids.cite_paraphrase and ids.speaker != "Mamiya"
    _ids_exist(folder, ids)
    benches = run.corpus_benches(_setup(tmp_path), "p", folder, False, 100_000, ids)
    cite = next(b for b in benches if b.command.startswith("poc cite"))
    assert cite.argv[-2:] == (ids.cite, "--paraphrase")
    tab = _bench(benches, f"TAB: quotes --speaker {ids.speaker[:3].casefold()}")
    assert tab.env()["COMP_WORDS"].split()[1:3] == ["--data", str(folder)]


def test_the_generated_ids_exist_in_a_generated_corpus(generated: Path) -> None:
    ids = run.corpus_ids(generated, WORD)
    assert ids.source == "generated"
    assert ids == dataclasses.replace(run.GENERATED_IDS, cite=ids.cite)
    _ids_exist(generated, ids, said_it=False)  # constants: the same rows at every size
