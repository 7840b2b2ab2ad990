"""A PDF's text as paragraphs: PDFium (through pypdfium2) reads the lines, rules of ours join them.

Why pypdfium2, and not pypdf or pdfminer.six
--------------------------------------------
Measured on this machine (``benchmarks/readers.py``) with the seed report set as a 4-page PDF
by reportlab, once in a base-14 font (Helvetica) and once in an embedded TrueType font:

=================  ==========  =========================  ==========  ===================
library            import      installed                  raw text    characters
=================  ==========  =========================  ==========  ===================
pypdfium2 5.15     49 ms       9 MB, 1 wheel (PDFium)     3-4 ms      all, both PDFs
pypdf 7.1          96-104 ms   4 MB, pure Python          18-22 ms    lost the 6 bullets
                                                                      of the Helvetica PDF
pdfminer.six       83-85 ms    28 MB (with cryptography)  113-115 ms  lost the same 6
=================  ==========  =========================  ==========  ===================

With the rules below, reading the seed PDF takes 11 ms (a 286-page PDF: 0.9 s, 35 MB at peak).

PDFium is the PDF engine of Chromium: it maps glyphs to characters as a browser's viewer
does, opens damaged files that stricter parsers refuse, and gives every character's box,
which is what re-joining lines into paragraphs needs.  pypdf would do for clean PDFs, but is
slower to import and read and lost characters the others kept; pdfminer.six has the best
layout analysis but is five times slower.  pypdfium2 wheels bundle PDFium for Linux, macOS and
Windows (x86-64 and ARM); no compiler, no download at run time.

The rules
---------
1. **Lines** are PDFium's, in its reading order (split again where PDFium joined a hyphenated
   line to the next one, which it marks U+FFFE), with each line's box (from the loose boxes
   of its first and last characters: font-sized, so one line's height does not depend on its
   letters).  Runs of white space in a line become one space; ligature characters (U+FB00-
   U+FB06, "ﬁ") become their letters; control characters go.  No other character changes.
2. **Running headers and footers**: of each page's two top and two bottom lines, a line whose
   text (digits aside) recurs in that place on at least half of the pages, and at least two,
   is dropped; so is a line there that is only a page number ("7", "Page 7 of 12", "- 7 -",
   "vii").
3. **Paragraphs**: a new one starts at a gap between lines larger than 1.35 times the usual line
   spacing, at a change of font size (a heading), at a first-line indent, at a list marker
   ("•", "–", "1.", "a)"), and after a line that stops short of the column's right edge by
   more than the next line's first word (and a space) would have needed: a typesetter would
   have put that word there, so the line was ended on purpose.  That rule alone tells
   paragraphs apart in a PDF with neither gaps nor indents, except where a paragraph's last
   line happens to be full (no rule can see those).  A forced line break looks the same and
   also starts a paragraph.  Across a page or column break a paragraph goes on unless one of
   these says otherwise (indent against the new column's left edge, marker, size, short line).
4. **Joining lines**: by the rules of ``readers/lines.py`` (spaces, dashes, and the
   document deciding whether a line-end hyphen is a word's or the typesetter's).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Final, NamedTuple

from poc_cli.errors import DataError

from .lines import join_lines, vocabulary

MAX_PAGES: Final = 2_000
_GOES_ON: Final = re.compile(r"[\w,;’'–—(]\s*$")

_WS: Final = re.compile(r"[ \t\r\n\f\v]+")
# PDFium joins a line that ends in a hyphen to the next and marks the hyphen U+FFFE; we split
# them again, so that our rules, not PDFium's, decide what the hyphen was.
_LINE_END: Final = re.compile(r"\r\n|\n|\r|(?<=\ufffe)")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LIGATURES: Final = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
_PAGE_NUMBER: Final = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?"
    r"(?:\s*(?:of|/|de|sur|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_LIST_MARKER: Final = re.compile(r"^(?:[•◦▪▫■□●○‣⁃∙·*–—-]\s|(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]\s)")
_GAP: Final = 1.35  # a line spacing this many times the usual one is a paragraph gap
_SIZE_CHANGE: Final = 0.15
_SPACE: Final = 0.3  # a space is at most this many line heights wide


class _Line(NamedTuple):
    text: str
    left: float
    right: float
    bottom: float
    height: float
    page: int
    first_word: float  # the width of the line's first word


def read_pdf(data: bytes, *, name: str) -> tuple[str, str | None]:
    """The text of a PDF (paragraphs joined by blank lines) and its Title, if it has one."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise DataError(
                f"{name} is an encrypted PDF that needs a password; decrypt it first "
                "(e.g. qpdf --decrypt --password=... IN.pdf OUT.pdf)"
            ) from None
        reason = message.removeprefix("Failed to load document ").strip("() .") or "damaged"
        raise DataError(f"{name} is not a readable PDF ({reason})") from None
    try:
        pages = len(doc)
        if pages > MAX_PAGES:
            raise DataError(f"{name} has {pages} pages; poc reads PDFs of at most {MAX_PAGES}")
        title = _metadata_title(doc)
        lines = [_page_lines(doc, number) for number in range(pages)]
    except pdfium.PdfiumError as err:
        raise DataError(f"{name} is not a readable PDF ({err})") from None
    finally:
        doc.close()
    body = _drop_running_lines(lines)
    paragraphs = _paragraphs([line for page in body for line in page])
    if not paragraphs:
        raise DataError(
            f"{name} is a PDF with no text layer (a scanned document?); poc cannot read text "
            "from images"
        )
    return "\n\n".join(paragraphs), title


def _metadata_title(doc: object) -> str | None:
    getter = getattr(doc, "get_metadata_dict", None)
    if getter is None:
        return None
    raw = getter().get("Title") or ""
    title = _WS.sub(" ", _CONTROL.sub("", str(raw))).strip(" ")
    return title if title and title.lower() not in ("untitled", "(anonymous)") else None


def _page_lines(doc: object, number: int) -> list[_Line]:
    page = doc[number]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # PDFium left out or inserted characters: go one by one
            text = "".join((textpage.get_text_range(i, 1) or "\ufffd")[:1] for i in range(count))
        lines: list[_Line] = []
        start = 0
        for match in _LINE_END.finditer(text + "\n"):
            end = match.start()
            if end > start:
                line = _line(textpage, text, start, end, number)
                if line is not None:
                    lines.append(line)
            start = match.end()
        return lines
    finally:
        textpage.close()
        page.close()


def _line(textpage: object, text: str, start: int, end: int, page: int) -> _Line | None:
    raw = text[start:end]
    cleaned = _WS.sub(" ", _CONTROL.sub("", raw.translate(_LIGATURES))).strip(" ")
    cleaned = cleaned.replace("\ufffe", "-")
    # A soft hyphen or PDFium's mark for one (U+0002) at the end says "hyphenated here".
    if raw.rstrip(" ").endswith(("\u00ad", "\x02")):
        cleaned = cleaned.rstrip("\u00ad") + "\u00ad"
    if not cleaned.strip("\u00ad"):
        return None
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    space = raw.find(" ", first - start)
    word_end = start + space - 1 if space > 0 else last
    getbox = textpage.get_charbox  # type: ignore[attr-defined]
    left, bottom, _, top = getbox(first, loose=True)
    _, _, right, _ = getbox(max(first, last), loose=True)
    _, _, word_right, _ = getbox(max(first, min(word_end, last)), loose=True)
    return _Line(
        cleaned,
        float(left),
        float(right),
        float(bottom),
        float(top - bottom),
        page,
        float(word_right - left),
    )


# --- running headers and footers --------------------------------------------------------


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    def band(lines: list[_Line]) -> list[_Line]:
        by_height = sorted(lines, key=lambda ln: -ln.bottom)
        return [*by_height[:2], *by_height[-2:]] if len(by_height) > 4 else by_height

    bands = [band(lines) for lines in pages]
    seen: Counter[str] = Counter()
    for lines in bands:
        seen.update({key(line) for line in lines})
    needed = max(2, (len(pages) + 1) // 2)
    kept: list[list[_Line]] = []
    for lines, edge in zip(pages, bands, strict=True):
        drop = {
            id(line)
            for line in edge
            if seen[key(line)] >= needed or _PAGE_NUMBER.match(line.text) is not None
        }
        kept.append([line for line in lines if id(line) not in drop])
    return kept


# --- paragraphs -------------------------------------------------------------------------


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    height = statistics.median(line.height for line in lines) or 1.0
    pitches = [
        prev.bottom - cur.bottom
        for prev, cur in zip(lines, lines[1:], strict=False)
        if prev.page == cur.page and 0 < prev.bottom - cur.bottom < 4 * height
    ]
    pitch = statistics.median(pitches) if pitches else 1.2 * height
    words = vocabulary(line.text for line in lines)

    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)

    paragraphs: list[list[_Line]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:], strict=False):
        current = paragraphs[-1]
        layout = _Layout(pitch, by_page[prev.page], by_page[cur.page])
        if _starts_paragraph(prev, cur, current, layout):
            paragraphs.append([cur])
        else:
            current.append(cur)
    return [join_lines([line.text for line in block], words) for block in paragraphs]


class _Layout(NamedTuple):
    pitch: float  # the usual distance from one line to the next
    prev_page: list[_Line]  # the lines of the previous line's page
    cur_page: list[_Line]  # the lines of the current line's page


def _starts_paragraph(prev: _Line, cur: _Line, current: list[_Line], layout: _Layout) -> bool:
    size = max(prev.height, cur.height)
    if abs(prev.height - cur.height) > _SIZE_CHANGE * size:
        return True
    if _LIST_MARKER.match(cur.text):
        return True
    same_column = prev.page == cur.page and cur.bottom < prev.bottom
    if same_column and prev.bottom - cur.bottom > _GAP * layout.pitch:
        return True
    in_list_item = _LIST_MARKER.match(current[0].text) is not None
    if same_column:
        indent = cur.left - prev.left
    else:  # against the left edge of the column the line is in, on its page
        near = (ln.left for ln in layout.cur_page if abs(ln.left - cur.left) < 4 * size)
        indent = cur.left - min(near, default=cur.left)
    if not in_list_item and indent > 0.8 * cur.height:
        return True
    if prev.text.endswith(("-", "\u00ad")):
        return False  # a hyphen at the end: the word goes on
    if _GOES_ON.search(prev.text) and cur.text[:1].islower():
        # "… it had no" + "fuel, no radios …": a line with no sentence end, then one that
        # starts in lower case, is one sentence however short the first line stops (a
        # quotation must not be cut at a line the typesetter happened to end early)
        return False
    # A line that stops short although the next line's first word would have fitted after
    # it was ended on purpose: the end of a paragraph (or a forced line break).
    edge = max(
        (ln.right for ln in layout.prev_page if abs(ln.left - prev.left) < 3 * size),
        default=prev.right,
    )
    return edge - prev.right > cur.first_word + _SPACE * cur.height
