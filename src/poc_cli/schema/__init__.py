"""The dataset schema: its field table, the careful validator, the strict JSON reader
and the codec between schema JSON and model records.

Names load from their modules when first used (PEP 562): a warm search needs only the
codec, not the validator and the JSON reader.  ``poc_cli.schema.fast`` (the msgspec
reader for index builds) is never imported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Eager: the function has its module's name, and a submodule imported later would
# otherwise shadow a lazily bound function of the same name.
from .read_json import MAX_FILE_BYTES, read_json

if TYPE_CHECKING:
    from .check import Problem, check_consistency, validate
    from .codec import build_dataset, dataset_to_dict

__all__ = [
    "MAX_FILE_BYTES",
    "Problem",
    "build_dataset",
    "check_consistency",
    "dataset_to_dict",
    "read_json",
    "validate",
]

_MODULE = {
    "Problem": "check",
    "build_dataset": "codec",
    "check_consistency": "check",
    "dataset_to_dict": "codec",
    "validate": "check",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE[name]}"), name)
    globals()[name] = value
    return value
