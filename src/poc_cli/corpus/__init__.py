"""Finding and loading datasets: :mod:`.sources` says which files, :mod:`.load` reads
them into a :class:`~poc_cli.model.Corpus`, :mod:`.one_statement` loads only the file
that holds one statement (``show``, ``cite`` over a big folder)."""

from .load import check_paths, corpus_problems, load_corpus, load_dataset
from .sources import DATA_ENV_VAR, bundled_dataset_path, dataset_listing, dataset_paths

__all__ = [
    "DATA_ENV_VAR",
    "bundled_dataset_path",
    "check_paths",
    "corpus_problems",
    "dataset_listing",
    "dataset_paths",
    "load_corpus",
    "load_dataset",
]
