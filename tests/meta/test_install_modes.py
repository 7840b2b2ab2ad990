"""The bundled dataset is found however poc was installed, from any working folder.

(a) editable / checkout: the package has no copy of the data; dataset.py falls back to
    the checkout's top-level data/seminar.json.
(b) wheel: hatchling's force-include puts data/seminar.json into the package; the wheel
    is built, installed into a fresh virtual environment and run from outside the
    checkout, as a user who runs ``pip install .`` would.

(b) needs the package registry for typer, rich, rapidfuzz and platformdirs; one wheel and
one venv are shared by every test of the session.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import poc_cli
from poc_cli import __version__
from poc_cli.corpus import bundled_dataset_path, load_corpus

BUNDLED = Path(__file__).resolve().parent.parent.parent / "data" / "seminar.json"
REPO = Path(__file__).resolve().parent.parent.parent

SESSION_IDS = ["opening", "session-1", "keynote", "session-2", "closing"]
COUNTS = [13, 30, 2, 31, 0]  # statements per session, quotes inside paraphrases included


def _clean_env() -> dict[str, str]:
    """No POC_DATA, no PYTHONPATH pointing back into the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("POC_DATA", "PYTHONPATH", "VIRTUAL_ENV")}


def _run(args: list[str | Path], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=_clean_env(), timeout=timeout
    )


# ---------------------------------------------------------------- (a) editable


def test_this_checkout_is_installed_editable() -> None:
    # The premise of (a): the package imported by the tests is the checkout's src/.
    assert Path(poc_cli.__file__).resolve().is_relative_to(REPO / "src")


def test_editable_mode_finds_the_checkouts_data() -> None:
    assert not (REPO / "src" / "poc_cli" / "data" / "seminar.json").exists()
    assert bundled_dataset_path() == BUNDLED.resolve()
    assert load_corpus().events[0].id == "ipi-2018-poc"


@pytest.mark.slow
def test_editable_console_script_works_from_another_folder(tmp_path: Path) -> None:
    poc = Path(sys.executable).parent / "poc"
    done = _run([poc, "sessions", "--json"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [r["statements"] for r in json.loads(done.stdout)] == COUNTS
    done = _run([sys.executable, "-m", "poc_cli", "sessions"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert all(session in done.stdout for session in SESSION_IDS)


# ------------------------------------------------------------------- (b) wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """poc's wheel, built from this checkout once per test session."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # the build backend is already here: no download
    if importlib.util.find_spec("build") is None:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out)]
    done = subprocess.run([*command, str(REPO)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("poc_cli-*.whl")
    return built


def _pip_version() -> tuple[int, ...]:
    try:
        from pip import __version__ as version
    except ImportError:
        return (0,)
    return tuple(int(part) for part in version.split(".")[:2] if part.isdigit())


@pytest.fixture(scope="session")
def wheel_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site-packages) with only the wheel and
    what it depends on; returns its bin folder."""
    root = tmp_path_factory.mktemp("wheel-venv")
    bin_dir = root / "bin"
    # Creating a venv with pip costs ~12 s here; without, ~0.3 s. Our own pip (22.3+)
    # can install into another interpreter with --python.
    outer_pip = _pip_version()
    with_pip = outer_pip < (22, 3)
    venv.EnvBuilder(with_pip=with_pip, system_site_packages=False, clear=True).create(root)
    pip = [bin_dir / "python", "-m", "pip"] if with_pip else [sys.executable, "-m", "pip", "--python", bin_dir / "python"]
    done = _run(
        [*pip, "install", "--quiet", "--no-compile", "--disable-pip-version-check", wheel],
        cwd=root,
    )
    if done.returncode != 0 and ("Could not find a version" in done.stderr or "NewConnectionError" in done.stderr):
        pytest.skip(f"cannot install the wheel's dependencies (no package registry?): {done.stderr[-300:]}")
    assert done.returncode == 0, done.stdout + done.stderr
    return bin_dir


@pytest.mark.slow
def test_the_wheel_carries_the_dataset_inside_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "poc_cli/data/seminar.json" in names
        assert archive.read("poc_cli/data/seminar.json") == BUNDLED.read_bytes()
        assert "poc_cli/__main__.py" in names
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "poc = poc_cli.__main__:main" in archive.read(entry_points).decode()
    assert not any(n.startswith(("tests/", "data/", "src/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_its_own_copy_of_the_data(wheel_venv: Path, tmp_path: Path) -> None:
    done = _run(
        [
            wheel_venv / "python",
            "-c",
            "import poc_cli, poc_cli.corpus as d; print(poc_cli.__file__); print(d.bundled_dataset_path())",
        ],
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    package_file, data_path = done.stdout.splitlines()
    site_packages = Path(package_file).parent.parent
    assert not Path(package_file).resolve().is_relative_to(REPO), "the wheel venv imported the checkout"
    assert Path(data_path) == site_packages / "poc_cli" / "data" / "seminar.json"


@pytest.mark.slow
def test_installed_poc_sessions_from_another_folder(wheel_venv: Path, tmp_path: Path) -> None:
    done = _run([wheel_venv / "poc", "sessions", "--json"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert [r["id"] for r in records] == SESSION_IDS
    assert [r["statements"] for r in records] == COUNTS
    table = _run([wheel_venv / "poc", "sessions"], cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert all(session in table.stdout for session in SESSION_IDS)


@pytest.mark.slow
def test_installed_python_dash_m_from_another_folder(wheel_venv: Path, tmp_path: Path) -> None:
    done = _run([wheel_venv / "python", "-m", "poc_cli", "sessions"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for session in SESSION_IDS:
        assert session in done.stdout
    assert "Ralph Mamiya" in done.stdout and "Traceback" not in done.stderr
    done = _run([wheel_venv / "python", "-m", "poc_cli", "--version"], cwd=tmp_path)
    assert done.stdout.strip() == f"poc {__version__}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["speakers", "--json"], lambda data: len(data) == 18),
        (["quotes", "--speaker", "Mamiya", "--json"], lambda data: {r["speaker"]["id"] for r in data} == {"ralph-mamiya"}),
        (["quotes", "--speaker", "Agnes", "--json"], lambda data: len(data) == 4),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_installed_poc_answers_the_newcomers_commands(
    wheel_venv: Path, tmp_path: Path, args: list[str], check: object
) -> None:
    done = _run([wheel_venv / "poc", *args], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert check(json.loads(done.stdout))  # type: ignore[operator]


@pytest.mark.slow
def test_installed_poc_validate_and_data_option(wheel_venv: Path, tmp_path: Path) -> None:
    done = _run([wheel_venv / "poc", "validate"], cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("ok"), done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    done = _run([wheel_venv / "poc", "--data", bad, "sessions"], cwd=tmp_path)
    assert done.returncode == 2
    assert f"{bad}:1:2" in done.stderr and "Traceback" not in done.stderr
