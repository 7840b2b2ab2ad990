"""FTS5 query syntax: the only place that writes it.  Search builds its candidate
stages from these (search/run.py), so another engine would replace this module and
``Index.match``, not the search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

TEXT_COLUMNS = "{text items}"
"""The columns a phrase is looked for in: where scoring can see it (index/schema.py)."""


def quoted(term: str) -> str:
    """A term or a phrase (words separated by spaces), as an FTS5 string."""
    return '"' + term.replace('"', '""') + '"'


def any_of(terms: Iterable[str]) -> str | None:
    """One of these terms (a word's variants); None when there are none."""
    variants = sorted(terms)
    if not variants:
        return None
    return "(" + " OR ".join(quoted(v) for v in variants) + ")"


def every(groups: Sequence[str]) -> str:
    """All of these groups (as :func:`any_of` made them)."""
    return "(" + " AND ".join(groups) + ")"


def either(expressions: Sequence[str]) -> str:
    return " OR ".join(expressions)


def all_of(expressions: Sequence[str]) -> str:
    """Every one of these expressions."""
    return " AND ".join(f"({p})" for p in expressions)


def in_text(expression: str) -> str:
    """``expression`` in the text or items only."""
    return f"{TEXT_COLUMNS} : {expression}"


def near(terms: Sequence[str], span: int) -> str:
    """These terms in order, each within ``span`` tokens of the last."""
    return "NEAR(" + " ".join(quoted(v) for v in terms) + f", {span})"


def excluding(terms: Iterable[str]) -> str:
    """The suffix that leaves out statements holding any of these terms."""
    return " NOT (" + " OR ".join(sorted({quoted(t) for t in terms})) + ")"
