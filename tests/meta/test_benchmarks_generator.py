"""The benchmark's corpus generator: deterministic, and its output is a valid corpus."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


def load(name: str) -> ModuleType:
    """Import a benchmarks/ script by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        f"poc_benchmarks_{name}", BENCHMARKS / f"{name}.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


generate = load("generate")
check = load("check")
sys.modules.setdefault("generate", generate)  # run.py imports its sibling by that name
run = load("run")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.generate_corpus(200, seed=7, out=out, jobs=1)
    return out


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    generate.generate_corpus(200, seed=7, out=tmp_path / "again", jobs=1)
    assert files(tmp_path / "again") == files(corpus)


def test_other_seed_other_corpus(corpus: Path, tmp_path: Path) -> None:
    generate.generate_corpus(200, seed=8, out=tmp_path / "other", jobs=1)
    assert files(tmp_path / "other") != files(corpus)


def test_size_and_files(corpus: Path) -> None:
    events = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.json"))]
    assert len(events) == 4  # about 50 statements per event
    assert sum(len(e["statements"]) for e in events) == 200
    assert all(e["schema_version"] == 1 for e in events)


def test_corpus_passes_schema_checks(corpus: Path) -> None:
    assert check.check_corpus(corpus) == []


def test_checks_catch_a_dangling_reference(corpus: Path, tmp_path: Path) -> None:
    data = json.loads((corpus / "ev00001.json").read_text(encoding="utf-8"))
    data["statements"][3]["speaker"] = "nobody"
    data["statements"][4]["paragraphs"] = [len(data["source"]["paragraphs"]) + 1]
    problems = check.check_event(data, "ev00001.json")
    assert any("statements[3].speaker 'nobody' unknown" in p for p in problems)
    assert any("statements[4].paragraphs" in p for p in problems)


def test_bundled_seminar_passes_the_same_checks() -> None:
    seminar = json.loads((BENCHMARKS.parent / "data" / "seminar.json").read_text(encoding="utf-8"))
    assert check.check_event(seminar, "seminar.json") == []


def test_statement_counts_sum_exactly() -> None:
    for total in (1, 49, 50, 51, 1_000, 12_345):
        counts = generate.statement_counts(total, seed=3)
        assert sum(counts) == total
        assert all(c >= 1 for c in counts)


def test_parse_size() -> None:
    assert [generate.parse_size(s) for s in ("1k", "10K", "100k", "1m", "200")] == [
        1_000,
        10_000,
        100_000,
        1_000_000,
        200,
    ]


def test_refuses_to_write_into_the_repository() -> None:
    with pytest.raises(SystemExit):
        generate.generate_corpus(10, out=BENCHMARKS / "corpus-should-not-exist")
    assert not (BENCHMARKS / "corpus-should-not-exist").exists()


def test_poc_loads_the_generated_folder(corpus: Path) -> None:
    from poc_cli.corpus import load_corpus

    loaded = load_corpus(corpus)
    assert len(loaded.statements) == 200
    assert len({s.id for s in loaded.statements}) == 200


def test_runner_reports_a_failing_command_instead_of_crashing(tmp_path: Path) -> None:
    script = (sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)")
    bench = run.Bench("fails", "bundled", script, dict)
    bench.measure(tmp_path / "stderr.txt", keep=True)
    missing = run.Bench("missing", "bundled", (str(tmp_path / "no-such-poc"),), dict)
    missing.measure(tmp_path / "stderr.txt", keep=True)
    base = run.baselines([bench, missing])
    assert run.row(bench, base)[2] == "failed (exit 3)"
    assert bench.stderr == "boom"
    assert run.row(missing, base)[2] == "failed (exit 127)"


def test_runner_times_a_command_and_formats_the_table(tmp_path: Path) -> None:
    bench = run.Bench("python -c pass", "-", (sys.executable, "-c", "pass"), dict, role="python")
    for _ in range(3):
        bench.measure(tmp_path / "stderr.txt", keep=True)
    assert len(bench.samples) == 3 and all(s.seconds > 0 for s in bench.samples)
    table = run.format_table([run.row(bench, run.baselines([bench]))], markdown=True)
    assert table.splitlines()[0].startswith("| command | corpus | median s")
    assert "| python -c pass | - |" in table and "1.00×" in table


def test_runner_counts_a_corpus_made_elsewhere(corpus: Path) -> None:
    # --corpus DIR: the targets are checked against the folder's own statement count.
    assert run.count_statements(corpus) == 200


def test_runner_checks_a_corpus_folder_against_the_targets_by_its_size() -> None:
    def warm(label: str, statements: int, seconds: float) -> Any:
        bench = run.Bench("poc search neutrality (warm)", label, ("poc", "search", "neutrality"), dict)
        bench.target, bench.statements = "warm", statements
        bench.samples.append(run.Sample(seconds, 1024, 0))
        return bench

    bundled = run.Bench("poc search neutrality", "bundled", ("poc", "search", "neutrality"), dict)
    bundled.samples.append(run.Sample(0.2, 1024, 0))
    big, small = warm("mine (120,000)", 120_000, 0.25), warm("tiny (168)", 168, 0.25)
    slow = warm("huge (1,000,000)", 1_000_000, 0.6)
    base = run.baselines([bundled, big, small, slow])
    assert run.verdict(big, base) == "≤1.5× bundled ✓"
    assert run.verdict(small, base) == ""  # no target below 100k statements
    assert run.verdict(slow, base) == "<0.5 s ✗"
