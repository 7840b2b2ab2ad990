"""Finding and loading datasets: :mod:`.sources` says which files, :mod:`.load` reads
them into a :class:`~poc_cli.model.Corpus`, :mod:`.one_statement` loads only the file
that holds one statement (``show``, ``cite`` over a big folder).

Names load from their modules when first used (PEP 562): a warm search lists the
files (:mod:`.sources`) but never loads them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import check_datasets, check_paths, corpus_problems, load_corpus, load_dataset
    from .sources import DATA_ENV_VAR, bundled_dataset_path, dataset_listing, dataset_paths

__all__ = [
    "DATA_ENV_VAR",
    "bundled_dataset_path",
    "check_datasets",
    "check_paths",
    "corpus_problems",
    "dataset_listing",
    "dataset_paths",
    "load_corpus",
    "load_dataset",
]

_MODULE = {
    "DATA_ENV_VAR": "sources",
    "bundled_dataset_path": "sources",
    "check_datasets": "load",
    "check_paths": "load",
    "corpus_problems": "load",
    "dataset_listing": "sources",
    "dataset_paths": "sources",
    "load_corpus": "load",
    "load_dataset": "load",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE[name]}"), name)
    globals()[name] = value
    return value
