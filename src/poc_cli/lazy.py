"""A sequence of records made one at a time, as they are written.

``poc quotes --json`` over a million statements held a million nested dicts (about
2 KB each) before the first byte was written.  :class:`LazyRecords` is a read-only
sequence whose items are made when asked for and not kept: the output formats write
a record at a time, so memory stays flat.  It compares equal to the list it stands
for, and the JSON writers of :mod:`poc_cli.output.formats` write it as that list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

T = TypeVar("T")
R = TypeVar("R")


class LazyRecords(Sequence[R]):
    """``[make(item) for item in items]``, each made only when it is read."""

    __slots__ = ("_items", "_make")

    def __init__(self, items: Sequence[T], make: Callable[[T], R]) -> None:
        self._items: Sequence[Any] = items
        self._make: Callable[[Any], R] = make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])

    def __iter__(self) -> Iterator[R]:
        make = self._make
        for item in self._items:
            yield make(item)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyRecords | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyRecords({len(self)} records)"


def as_list(value: Any) -> Any:
    """A JSON encoder's hook: a :class:`LazyRecords` is written as its list."""
    if isinstance(value, LazyRecords):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
