"""Test PDFs made with reportlab, laid out line by line so each test knows what it made.

``make_pdf`` wraps paragraphs to the column itself (reportlab's canvas draws one line per
call), so the tests control where lines break, which words are hyphenated at a line's end,
how paragraphs are told apart (a gap, a first-line indent, or nothing but a short last line),
and what runs on every page (a header line, a page number).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_VERA = Path(pdfmetrics.__file__).resolve().parent.parent / "fonts" / "Vera.ttf"


def _font(name: str) -> str:
    if name == "Vera" and "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(_VERA)))
    return name


def wrap(
    text: str, width: float, font: str, size: float, *, hyphenate: bool, indent: float = 0.0
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (the first, ``width - indent``): at
    spaces, after a hyphen already in a word, and (``hyphenate``) inside a long word with an
    added hyphen."""
    lines: list[str] = []
    line = ""

    def fits(candidate: str) -> bool:
        room = width - indent if not lines else width
        return pdfmetrics.stringWidth(candidate, font, size) <= room

    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if fits(candidate):
            line = candidate
            continue
        prefix = f"{line} " if line else ""
        split = None
        if "-" in word.strip("-"):  # a compound: break after its last hyphen that fits
            parts = word.split("-")
            for k in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:k]) + "-"
                if fits(prefix + head):
                    split = (head, "-".join(parts[k:]))
                    break
        elif hyphenate and len(word) >= 8 and word.isalpha():
            for k in range(len(word) - 3, 2, -1):
                if fits(prefix + word[:k] + "-"):
                    split = (word[:k] + "-", word[k:])
                    break
        if split is not None:
            lines.append(prefix + split[0])
            line = split[1]
        else:
            if line:
                lines.append(line)
            line = word
    lines.append(line)
    return lines


def make_pdf(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    header: str | None = "Institute Meeting Note \u2014 Protecting Civilians",
    page_numbers: str | None = "{page}",
    style: str = "gap",
    font: str = "Helvetica",
    size: float = 11,
    hyphenate: bool = True,
    headings: Sequence[int] = (),
    encrypt: object = None,
    column: float | None = None,
    columns: int = 1,
) -> bytes:
    """A PDF of ``paragraphs``; ``style`` is "gap" (space between paragraphs), "indent"
    (first lines indented, no space) or "none" (only the short last line shows the end);
    paragraphs whose index is in ``headings`` are set larger; a ``\\n`` in a paragraph is a
    forced line break; ``columns`` sets the text in that many columns a page."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True, encrypt=encrypt)
    if title is not None:
        pdf.setTitle(title)
    font = _font(font)
    page_w, page_h = A4
    left, top, bottom = 72.0, page_h - 72.0, 72.0
    gutter = 24.0
    width = column if column is not None else (page_w - 2 * left - gutter * (columns - 1)) / columns
    col = 0
    leading = size * 1.3
    page = 1
    y = top

    def furniture() -> None:
        pdf.setFont(font, 9)
        if header is not None:
            pdf.drawString(left, page_h - 40, header)
        if page_numbers is not None:
            pdf.drawCentredString(page_w / 2, 40, page_numbers.format(page=page))

    def advance(step: float) -> None:
        nonlocal y, page, col
        y -= step
        if y < bottom:
            y = top
            col += 1
            if col == columns:
                col = 0
                pdf.showPage()
                page += 1
                furniture()

    furniture()
    indent = 2 * size if style == "indent" else 0.0
    for number, paragraph in enumerate(paragraphs):
        this_size = size * 1.4 if number in headings else size
        this_leading = leading * 1.4 if number in headings else leading
        for forced in paragraph.split("\n"):
            lines = wrap(forced, width, font, this_size, hyphenate=hyphenate, indent=indent)
            for k, text in enumerate(lines):
                pdf.setFont(font, this_size)
                x = left + col * (width + gutter) + (indent if k == 0 else 0.0)
                pdf.drawString(x, y, text)
                advance(this_leading)
        if style == "gap":
            advance(size * 0.8)
    pdf.save()
    return out.getvalue()
