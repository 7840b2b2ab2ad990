"""Fixtures of the hostile-input suite: hostile dataset files, a clean environment,
an in-process runner, and subprocess runs started concurrently (poc takes ~0.3 s to
start, and the suite must stay fast on a shared 2-core machine)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import Ran, base_env, hostile_dataset, run_batch, run_poc, write_dataset
from typer.testing import CliRunner

from poc_cli.cli import app


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="session")
def hostile_raw() -> dict[str, Any]:
    return hostile_dataset()


@pytest.fixture(scope="session")
def hostile_file(hostile_dir: Path, hostile_raw: dict[str, Any]) -> Path:
    return write_dataset(hostile_dir, hostile_raw, "hostile.json")


@pytest.fixture(scope="session")
def hostile_ids_raw() -> dict[str, Any]:
    return hostile_dataset(hostile_ids=True)


@pytest.fixture(scope="session")
def hostile_ids_file(hostile_dir: Path, hostile_ids_raw: dict[str, Any]) -> Path:
    return write_dataset(hostile_dir, hostile_ids_raw, "hostile-ids.json")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("poc-cache")


@pytest.fixture(scope="session")
def env(cache_dir: Path) -> dict[str, str]:
    """The environment for subprocess runs: no POC_DATA/NO_COLOR from outside, a
    private search-index cache."""
    return base_env(cache_dir)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> Callable[..., Any]:
    """Run poc in-process with CliRunner; any exception but SystemExit is re-raised."""
    monkeypatch.delenv("POC_DATA", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("POC_CACHE_DIR", str(cache_dir))
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        result = runner.invoke(app, list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


class ConcurrentRuns:
    """Start many poc subprocesses at once (a few at a time); tests look results up."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.results: dict[tuple[str, ...], Ran] = {}

    def prefetch(self, many: Sequence[Sequence[str]], workers: int = 3) -> None:
        todo = [tuple(a) for a in many if tuple(a) not in self.results]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for args, ran in zip(todo, pool.map(lambda a: run_poc(a, env=self.env), todo), strict=True):
                self.results[args] = ran

    def batch(self, many: Sequence[Sequence[str]], folder: Path) -> None:
        """Run many command lines in one process (see hostile_helpers.run_batch)."""
        todo = [tuple(a) for a in many if tuple(a) not in self.results]
        if todo:
            for args, ran in zip(todo, run_batch(todo, env=self.env, folder=folder), strict=True):
                self.results[args] = ran

    def get(self, args: Sequence[str]) -> Ran:
        key = tuple(args)
        if key not in self.results:
            self.results[key] = run_poc(key, env=self.env)
        return self.results[key]


@pytest.fixture(scope="session")
def runs(env: dict[str, str]) -> ConcurrentRuns:
    return ConcurrentRuns(env)
