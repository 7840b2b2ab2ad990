"""Dataset text shown as data: never markup, terminal control codes or formatting.

A leaf module (standard library only) so that the output layer and the citation
core can both use it.  JSON keeps the exact text (escaped as JSON escapes);
:func:`visible` is for every human format.
"""

from __future__ import annotations

import re

from .invisible import INVISIBLE_CHARACTERS

# C0 and C1 controls (but newline and tab), DEL, line/paragraph separators, and every
# invisible character (bidirectional marks, overrides and isolates, zero-width and tag
# characters, the BOM): none may reach a terminal raw.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE_CHARACTERS}]")
# For JSON the C0 controls are already escaped by json.dumps.
UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)


def json_safe(text: str) -> str:
    """JSON text with the characters a terminal or an editor would act on (bidirectional
    controls, C1 controls, DEL, line separators, the BOM) written as ``\\u`` escapes: the
    same JSON values, never a reordered or hidden line."""
    if text.isascii() and "\x7f" not in text:
        return text
    return UNSAFE_IN_JSON.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control and invisible character shown as an escape (``\\x1b``)."""
    if text.isascii() and text.isprintable():  # nothing to escape, known at C speed
        return text
    return UNSAFE.sub(_escape_char, text)


def one_line(text: str) -> str:
    """``text`` as :func:`visible` shows it, and its line breaks and tabs as ``\\n``
    and ``\\t`` too: for a message, where a file name holding a newline must not
    print a line of its own (``x\\nok: 2 file(s) valid``)."""
    shown = visible(text)
    if "\n" in shown or "\t" in shown:
        shown = shown.replace("\n", "\\n").replace("\t", "\\t")
    return shown


# Characters that would make Markdown change a quote instead of showing it: emphasis
# (* _ ~), code (`), links ([ ]), HTML and entities (< > &), the cell border (|) and the
# escape itself (\).  Each is shown as itself with a backslash before it.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&"})


def markdown_escape(text: str) -> str:
    """``text`` as Markdown that shows it exactly: its special characters escaped."""
    return text.translate(_MARKDOWN_SPECIAL)


# What makes a line a heading, a list item or a setext underline: "# ", "- ", "+ ",
# "= ", "1. ", "1) " at its start (after any spaces).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")


def markdown_escape_line(line: str) -> str:
    """One line of text as Markdown that shows it exactly, also where it begins: a
    quote's line "1. first" or "# 5" must not become a list or a heading."""

    def escape(match: re.Match[str]) -> str:
        spaces, start = match.groups()
        if start.isdigit():  # "1." -> "1\.": the digits stay, the marker is escaped
            return spaces + start + "\\"
        return spaces + "\\" + start

    escaped = _MARKDOWN_LINE_START.sub(escape, markdown_escape(line), count=1)
    if escaped.startswith(("    ", "\t")):
        # Four spaces or a tab would make a code block (which shows escapes literally):
        # the first is written as a character reference, which shows the same.
        return ("&#32;" if escaped[0] == " " else "&#9;") + escaped[1:]
    return escaped
