"""The dataset schema: its field table, the careful validator, the strict JSON reader
and the codec between schema JSON and model records.

``poc_cli.schema.fast`` (the msgspec reader for index builds) is not imported here:
it pulls in msgspec, which most commands never need.
"""

from .check import Problem, check_consistency, validate
from .codec import build_dataset, dataset_to_dict
from .read_json import MAX_FILE_BYTES, read_json

__all__ = [
    "MAX_FILE_BYTES",
    "Problem",
    "build_dataset",
    "check_consistency",
    "dataset_to_dict",
    "read_json",
    "validate",
]
