"""Shared fixtures: where things are, the bundled data, small datasets, a CLI runner.

Small fixture datasets live in ``tests/fixtures/``; tests that need a broken one
copy ``mini.json`` into ``tmp_path`` and break it there, so each failure mode is
one readable edit of a known-good file.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from poc_cli.cli import app

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "seminar.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini.json"
# The report the dataset was curated from, beside the checkout (see issue 2).
REPORT = REPO.parent / "shared" / "seeds" / "000_3fc810082392c045.txt"


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite never writes into the user's real cache folder: XDG_CACHE_HOME (and so
    poc's default cache) points into the session's temporary folder, for this process
    and every subprocess it starts.  Tests that need a cache of their own still set
    POC_CACHE_DIR."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def seed_report() -> Path:
    """The seed report beside the checkout (../shared/seeds/…)."""
    if not REPORT.is_file():
        pytest.skip(f"the source report is not beside the checkout ({REPORT})")
    return REPORT


@pytest.fixture(scope="session")
def bundled_raw() -> dict[str, Any]:
    """data/seminar.json as parsed JSON; tests must not mutate it (use copy.deepcopy)."""
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report_text() -> str:
    if not REPORT.is_file():
        pytest.skip(f"the source report is not beside the checkout ({REPORT})")
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture
def mini_raw() -> dict[str, Any]:
    """A fresh, valid copy of the small fixture dataset, to edit."""
    return copy.deepcopy(json.loads(MINI.read_text(encoding="utf-8")))


WriteJson = Callable[..., Path]


@pytest.fixture
def write_json(tmp_path: Path) -> WriteJson:
    """Write a dataset dict (or any JSON value) to ``tmp_path/name`` and return the path."""

    def write(raw: Any, name: str = "dataset.json") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return write


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner with no POC_DATA / NO_COLOR leaking in from the outer shell."""
    monkeypatch.delenv("POC_DATA", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return CliRunner()


Invoke = Callable[..., Any]


@pytest.fixture
def poc(runner: CliRunner) -> Invoke:
    """Run ``poc ARGS…`` in-process; returns the click Result (stdout, stderr apart)."""

    def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        result = runner.invoke(app, list(args), env=env, input=input)
        # Any exception other than SystemExit is a crash, never a user error.
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


def write_several_events(folder: Path) -> Path:
    """Four events made from the seminar, each different where a listing could differ."""
    raw = json.loads(BUNDLED.read_text(encoding="utf-8"))
    folder.mkdir()
    for n in range(4):
        copy = json.loads(json.dumps(raw))
        event = f"ev{n:03d}"
        copy["event"]["id"] = event
        copy["event"]["short_title"] = f"Seminar {n}"
        for st in copy["statements"]:
            st["id"] = f"{event}-{st['id']}"
            if "within" in st:
                st["within"] = f"{event}-{st['within']}"
        if n == 1:
            copy["event"]["date"] = None
            for sp in copy["speakers"]:
                if sp["id"] == "ralph-mamiya":  # another person under the same id
                    sp["name"] = "Rafael Mamiya"
                    sp["aliases"] = ["Rafael"]
                    sp["organisations"] = ["DPKO/DFS"]
            for topic in copy["topics"]:
                if topic["id"] == "neutrality":
                    topic["label"] = "Neutrality of the UN"
        if n == 2:
            for session in copy["sessions"]:
                if session["id"] == "keynote":
                    session["title"] = "Keynote address"
            copy["statements"] = [s for s in copy["statements"] if s["session"] != "session-2"]
        path = folder / f"{event}.json"
        path.write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def several_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of four events made from the seminar, each different where a listing
    could differ (tests/core/test_listings_index.py, tests/cli/test_listings_from_index.py)."""
    return write_several_events(tmp_path_factory.mktemp("listings") / "corpus")


@pytest.fixture
def new_several_events() -> Callable[[Path], Path]:
    """The builder of :func:`several_events`, for a test that must change its copy."""
    return write_several_events
