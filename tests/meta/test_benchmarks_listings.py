"""The benchmark's listing rows (issue 13): each corpus times every listing from the index
and loaded, and holds the index rows to the issue's targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"poc_benchmarks_listings_{name}", BENCHMARKS / f"{name}.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sys.modules.setdefault("generate", _load("generate"))
run = _load("run")


def _setup(tmp_path: Path) -> Any:
    return run.Setup("poc", sys.executable, "neutrality", "nuetrality", tmp_path)


def test_every_listing_is_timed_from_the_index_and_loaded(tmp_path: Path) -> None:
    benches = run.corpus_benches(_setup(tmp_path), "100k", tmp_path, True, 100_000)
    shown = [b.command for b in benches]
    for args, _ in run.LISTINGS:
        assert "poc " + " ".join(args) in shown
        assert "poc " + " ".join(args) + " (loaded)" in shown
    loaded = next(b for b in benches if b.command.endswith("(loaded)"))
    assert loaded.env()[run.LISTING_SWITCH] == "1000000"
    indexed = next(b for b in benches if b.command == "poc speakers")
    assert run.LISTING_SWITCH not in indexed.env()
    quick = run.corpus_benches(_setup(tmp_path), "1m", tmp_path, False, 1_000_000)
    assert not any(b.command.endswith("(loaded)") for b in quick)


def test_listing_rows_are_held_to_the_issue_13_targets() -> None:
    def bench(target: str, statements: int, seconds: float, kb: int) -> Any:
        made = run.Bench("poc speakers", "x", ("poc", "speakers"), dict, target=target)
        made.statements = statements
        made.samples.append(run.Sample(seconds, kb, 0))
        return made

    typer = run.Bench("minimal Typer app", "-", ("python",), dict, role="typer")
    typer.samples.append(run.Sample(0.2, 1024, 0))
    base = run.baselines([typer])
    assert run.verdict(bench("filtered", 100_000, 0.23, 50_000), base) == (
        "≤1.2× typer ✓, <100 MB ✓"
    )
    assert run.verdict(bench("overview", 100_000, 0.31, 150_000), base) == (
        "≤1.5× typer ✗, <100 MB ✗"
    )
    assert run.verdict(bench("overview", 1_000_000, 0.9, 200_000), base) == "<1 s ✓, <250 MB ✓"
    assert run.verdict(bench("filtered", 10_000, 0.9, 200_000), base) == ""
