"""Does a dataset say what its report says? (`poc validate DATASET --source REPORT`)

Every quote's text must stand in the report directly between quotation marks (or run
from an opening mark to the end of its paragraph, for a quotation the report never
closes); every paraphrase must stand in the report verbatim (a paraphrase that takes
in a list may be checked line by line, and each of its ``items``); and each statement's
paragraph numbers must be where its text is. Every mismatch is listed, with the path of
the statement and where the text really is, if anywhere.
"""

from __future__ import annotations

from typing import Any, NamedTuple

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_OPENERS = "“‘\"'"


class Problem(NamedTuple):
    """One mismatch: where in the dataset (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def quoted_in(paragraph: str, text: str) -> bool:
    """Does ``text`` stand in ``paragraph`` directly between quotation marks?"""
    if not text:
        return False
    start = paragraph.find(text)
    while start != -1:
        end = start + len(text)
        before = paragraph[start - 1] if start > 0 else ""
        if before in _OPEN_CLOSE:
            after = paragraph[end] if end < len(paragraph) else ""
            rest = paragraph[end:]
            if (
                after == _OPEN_CLOSE[before]
                or not rest.strip()  # never closed: runs to the paragraph's end
                or rest.lstrip()[:1] in _OPENERS  # cut short by the next opening mark
            ):
                return True
        start = paragraph.find(text, start + 1)
    return False


def _lines(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = line.strip()
        for bullet in ("• ", "- ", "* ", "– "):
            if line.startswith(bullet):
                line = line[len(bullet) :]
        if line:
            out.append(line)
    return out


def _where(paragraphs: list[str], found: Any) -> list[int]:
    return [i + 1 for i, p in enumerate(paragraphs) if found(p)]


def check_fidelity(raw: dict[str, Any], paragraphs: list[str]) -> list[Problem]:
    """Every mismatch between a parsed dataset and its report's paragraphs."""
    problems: list[Problem] = []
    source = raw.get("source") if isinstance(raw, dict) else None
    printed = source.get("paragraphs") if isinstance(source, dict) else None
    if isinstance(printed, list):
        if len(printed) != len(paragraphs):
            problems.append(
                Problem(
                    "source.paragraphs",
                    f"holds {len(printed)} paragraphs; the report has {len(paragraphs)}",
                )
            )
        differ = [
            i
            for i, (mine, theirs) in enumerate(zip(printed, paragraphs, strict=False))
            if mine != theirs
        ]
        same = min(len(printed), len(paragraphs)) - len(differ)
        if differ and same * 2 < max(len(printed), len(paragraphs)):
            # most of it differs: likely not the report this dataset was made from, and
            # a problem a paragraph would only bury that
            return [
                Problem(
                    "source",
                    f"{same} of the report's {len(paragraphs)} paragraphs are the dataset's "
                    f"({len(printed)} in source.paragraphs): is this the report it was made from?",
                )
            ]
        for i in differ:
            problems.append(
                Problem(f"source.paragraphs[{i}]", f"differs from the report's paragraph {i + 1}")
            )
    statements = raw.get("statements") if isinstance(raw, dict) else None
    if not isinstance(statements, list):
        return problems
    for i, st in enumerate(statements):
        path = f"statements[{i}]"
        if not isinstance(st, dict):
            continue
        _check_statement(st, path, paragraphs, problems)
    return problems


def _check_statement(
    st: dict[str, Any], path: str, paragraphs: list[str], problems: list[Problem]
) -> None:
    ident = st.get("id")
    start = len(problems)
    _check_one(st, path, paragraphs, problems)
    if isinstance(ident, str):
        for k in range(start, len(problems)):
            problems[k] = Problem(problems[k].path, f"{problems[k].message} (statement {ident})")


def _check_one(
    st: dict[str, Any], label: str, paragraphs: list[str], problems: list[Problem]
) -> None:
    text = st.get("text")
    kind = st.get("kind")
    numbers = [n for n in st.get("paragraphs") or [] if isinstance(n, int)]
    if not isinstance(text, str):
        return
    listed = [paragraphs[n - 1] for n in numbers if 1 <= n <= len(paragraphs)]
    if len(listed) != len(numbers):
        bad = [n for n in numbers if not 1 <= n <= len(paragraphs)]
        problems.append(Problem(f"{label}.paragraphs", f"paragraph {bad[0]} is not in the report"))
    shown = ", ".join(map(str, numbers)) or "none"
    if kind == "quote":
        if any(quoted_in(p, text) for p in listed):
            return
        where = _where(paragraphs, lambda p: quoted_in(p, text))
        if where:
            problems.append(
                Problem(
                    f"{label}.paragraphs",
                    f"the quote is in paragraph {', '.join(map(str, where))}, not {shown}",
                )
            )
        elif any(text in p for p in paragraphs):
            problems.append(
                Problem(
                    f"{label}.text", "the quote is in the report but not between quotation marks"
                )
            )
        else:
            problems.append(
                Problem(f"{label}.text", f"the quote is not in the report: {text[:60]!r}")
            )
    elif kind == "paraphrase":
        if any(text in p for p in listed):
            return
        pieces = _lines(text)
        items = [x for x in st.get("items") or [] if isinstance(x, str)]
        pieces += [x for x in items if x not in pieces]
        if len(pieces) > 1 and all(any(x in p for p in listed) for x in pieces):
            return
        where = _where(paragraphs, lambda p: text in p)
        if where:
            problems.append(
                Problem(
                    f"{label}.paragraphs",
                    f"the paraphrase is in paragraph {', '.join(map(str, where))}, not {shown}",
                )
            )
            return
        missing = [x for x in pieces if not any(x in p for p in paragraphs)]
        if missing:
            problems.append(
                Problem(
                    f"{label}.text",
                    f"the paraphrase is not verbatim in the report: {missing[0][:60]!r}",
                )
            )
        else:
            problems.append(
                Problem(
                    f"{label}.paragraphs",
                    f"the paraphrase's lines are in the report but not all in paragraph {shown}",
                )
            )
