"""The three output formats of a citation: plain text (no italics: no asterisks, no
tags), Markdown and HTML.  Dataset text is data in each: escaped, never formatting."""

from __future__ import annotations

from enum import StrEnum

from poc_cli.text.escape import markdown_escape, markdown_escape_line

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class Markup(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


def esc(text: str, markup: Markup) -> str:
    """Dataset text (one line) as it must be written in ``markup`` to show as itself."""
    if markup is Markup.markdown:
        return markdown_escape(text)
    if markup is Markup.html:
        import html

        return html.escape(text, quote=False)
    return text


def lines(text: str, markup: Markup) -> str:
    """Dataset text that may hold line breaks (a quotation with list items).

    Markdown gets a hard line break (a backslash) at the end of each line, so that
    the items stay on their own lines instead of running together, and each line is
    escaped where it begins too ("1. first" is not a list); HTML gets ``<br>``."""
    parts = text.split("\n")
    if markup is Markup.markdown:
        escaped = [markdown_escape_line(p) for p in parts]
        # A backslash before an empty line (a paragraph's end) would show as itself.
        return "\n".join(
            e + "\\" if e and i + 1 < len(escaped) and escaped[i + 1] else e
            for i, e in enumerate(escaped)
        )
    if markup is Markup.html:
        import html

        return "<br>\n".join(html.escape(p, quote=False) for p in parts)
    return text


def italic(escaped: str, markup: Markup) -> str:
    """Already-escaped text in italics, where the format has them."""
    if markup is Markup.markdown:
        return f"*{escaped}*"
    if markup is Markup.html:
        return f"<i>{escaped}</i>"
    return escaped


def note_mark(number: int, markup: Markup) -> str:
    """A note reference: ¹ in text, [^1] (a footnote) in Markdown, <sup>1</sup> in HTML."""
    if markup is Markup.markdown:
        return f"[^{number}]"
    if markup is Markup.html:
        return f"<sup>{number}</sup>"
    return str(number).translate(_SUPERSCRIPT)


def note_line(number: int, note: str, markup: Markup) -> str:
    if markup is Markup.markdown:
        return f"[^{number}]: {note}"
    if markup is Markup.html:
        return f'<p class="note">{number}. {note}</p>'
    return f"{number}. {note}"


def heading(title: str, markup: Markup) -> str:
    if markup is Markup.html:
        return f"<h2>{title}</h2>"
    return title


def block(text: str, markup: Markup) -> str:
    """One paragraph of output: HTML wraps it, the others write it as it is."""
    if markup is Markup.html:
        return f"<p>{text}</p>"
    return text
