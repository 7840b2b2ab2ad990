"""Load datasets: read, validate and build every file ``--data`` names into a
:class:`~poc_cli.model.Corpus`, or list every problem for ``poc validate``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from poc_cli.errors import DataError
from poc_cli.model import Corpus, Dataset
from poc_cli.schema import Problem, build_dataset, validate

from .sources import dataset_paths, read_raw


def load_dataset(path: Path) -> Dataset:
    """Read, validate and build one dataset file; DataError lists every problem."""
    raw = read_raw(path)
    problems = validate(raw)
    if problems:
        # With several problems, list them all under the summary line.
        details = tuple(f"{path}: {p}" for p in problems) if len(problems) > 1 else ()
        raise DataError(_summary(path, problems), details=details)
    return build_dataset(raw, str(path))


def _summary(path: Path, problems: list[Problem]) -> str:
    first = problems[0]
    more = (
        f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
        if len(problems) > 1
        else ""
    )
    return f"{path}: {first}{more}"


def corpus_problems(datasets: Iterable[Dataset]) -> list[str]:
    """Problems that only show when several files are loaded together."""
    problems: list[str] = []
    events: dict[str, str] = {}
    statements: dict[str, str] = {}
    for dataset in datasets:
        if dataset.event.id in events:
            problems.append(
                f"{dataset.path}: event.id: duplicate event id {dataset.event.id!r} (also in {events[dataset.event.id]})"
            )
        events.setdefault(dataset.event.id, dataset.path)
        for i, statement in enumerate(dataset.statements):
            if statement.id in statements and statements[statement.id] != dataset.path:
                problems.append(
                    f"{dataset.path}: statements[{i}].id: duplicate statement id {statement.id!r} "
                    f"(also in {statements[statement.id]})"
                )
            statements.setdefault(statement.id, dataset.path)
    return problems


def load_corpus(
    data: Path | str | None = None,
    *,
    on_file: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Load the dataset file(s) that ``data`` names (see :func:`dataset_paths`).

    ``on_file(done, total)`` is called after each file, for progress bars.
    """
    paths = dataset_paths(data)
    datasets = []
    for done, path in enumerate(paths, 1):
        datasets.append(load_dataset(path))
        if on_file is not None:
            on_file(done, len(paths))
    problems = corpus_problems(datasets)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(problems[0] + more, details=tuple(problems) if len(problems) > 1 else ())
    return Corpus(tuple(datasets))


def check_paths(data: Path | str | None = None) -> tuple[list[Path], list[str]]:
    """Every problem in every file ``data`` names, for ``poc validate``.

    Returns the files checked and the problems, each a line that starts with its file.
    """
    paths, problems, _ = check_datasets(data)
    return paths, problems


def check_datasets(
    data: Path | str | None = None,
) -> tuple[list[Path], list[str], list[Dataset]]:
    """:func:`check_paths`, and the datasets of the files that are valid."""
    paths = dataset_paths(data)
    problems: list[str] = []
    datasets: list[Dataset] = []
    for path in paths:
        try:
            raw = read_raw(path)
        except DataError as exc:
            problems.append(exc.message)
            continue
        found = validate(raw)
        problems.extend(f"{path}: {p}" for p in found)
        if not found:
            datasets.append(build_dataset(raw, str(path)))
    problems.extend(corpus_problems(datasets))
    return paths, problems, datasets
