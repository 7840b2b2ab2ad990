"""What search needs of an engine: the storage side, as a protocol.

:class:`poc_cli.index.read.Index` (SQLite FTS5) is the one implementation.  Search
asks it for a word's indexed spellings (:meth:`Backend.family`), terms of a length
for typos, document frequencies, the candidates of an expression built with
:mod:`poc_cli.index.fts` (:meth:`Backend.match`), the rows to score, and people by
name key; filters reach it through :class:`poc_cli.filters.Catalog`
(:class:`poc_cli.index.catalog.IndexCatalog`) and
:func:`poc_cli.index.catalog.filter_sql`.  Another engine implements these and its
own ``fts``-like builders; the query syntax, expansion, scoring and spans
(:mod:`.query`, :mod:`.expand`, :mod:`.score`) stay as they are.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from poc_cli.index import StatementRow
    from poc_cli.model import Speaker


class Backend(Protocol):
    @property
    def meta(self) -> dict[str, str]: ...

    def family(self, key: str) -> list[tuple[str, str, int]]:
        """(indexed term, its canonical spelling, document frequency) of a stem key."""
        ...

    def terms_of_length(self, low: int, high: int, initials: str = "") -> list[tuple[str, int]]: ...

    def document_frequency(self, term: str) -> int: ...

    def match(
        self,
        expression: str,
        where: str = "",
        params: Sequence[Any] = (),
        limit: int = 200,
        cap: int = ...,
        ranked: bool = True,
        events: Collection[str] | None = None,
        events_only: bool = False,
    ) -> list[tuple[int, float]]:
        """(rowid, rank) of the statements matching ``expression`` that pass ``where``
        (which keeps only statements of ``events``, if given; ``events_only``: all of
        them)."""
        ...

    def statements(self, rowids: Iterable[int]) -> dict[int, StatementRow]: ...

    def speakers_by_name_key(self, keys: Iterable[str]) -> list[tuple[str, Speaker]]: ...

    def speakers_by_id(self, ids: Iterable[str]) -> list[tuple[str, Speaker]]: ...

    def speaker_records(self) -> list[tuple[str, Speaker]]: ...

    def name_keys(self, low: int = 0, high: int = 1 << 30) -> list[str]: ...

    def event_count(self) -> int: ...
