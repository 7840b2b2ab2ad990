"""Read a report file, or bytes from stdin, into its text: the input side of ``poc extract``.

One call, :func:`read_report` (or :func:`read_report_bytes` / :func:`read_report_stream` for
stdin), gives a :class:`ReportText`: the report's text with paragraphs separated by one blank
line and lines ending in ``"\\n"``, the title when the format carries one, and the kind of
input it was.  Anything that cannot be read is a :class:`~poc_cli.errors.DataError` whose
one-line message names the file and the reason; no reader ever lets a traceback out.

What each kind gives
--------------------
- **text** and **markdown** (``.md``, ``.markdown``): the file's characters as they are, less a
  UTF-8 byte-order mark, with CRLF and CR turned into LF.  Nothing else is touched, Markdown
  emphasis included: quotations must be found verbatim in the file.  UTF-16 with a BOM is
  decoded too; any other encoding is refused with the offending byte and its offset, and an
  ``iconv`` line to convert it (poc never guesses an encoding: a guess can alter a quote).
- **html** (``.html``, ``.htm``, ``.xhtml``, or content that starts like a web page): the page's
  main text only, one paragraph per ``<p>``, ``<li>``, ``<h1>``-``<h6>``, ``<blockquote>``,
  table cell or other block; ``<br>`` is a line break inside its paragraph, two in a row a
  paragraph break.  See :mod:`poc_cli.extract.readers.html` for the rules, and why selectolax.
- **pdf** (``%PDF-`` first, or in the first kilobyte of a file that ends as a PDF does):
  paragraphs re-joined across line and page breaks,
  end-of-line hyphenation undone, running headers, footers and page numbers dropped.  See
  :mod:`poc_cli.extract.readers.pdf` for the rules, and why pypdfium2.

Whitespace, defined once: inside an HTML or PDF paragraph, every run of ASCII white space
(space, tab, CR, LF, form feed) is one space, and a paragraph or line never begins or ends with
one.  No other character is ever changed, removed or added: curly quotes, dashes, diacritics
and no-break spaces (U+00A0) come out as they went in.  (A PDF cannot say where the no-break
spaces were; PDF text is what the PDF's own text layer says.)

Limits and safety
-----------------
Only regular files are read: a directory, FIFO, socket or device is refused from ``os.stat``
before anything is opened, and the file is then opened with ``O_NONBLOCK`` and checked again
with ``fstat`` in case it was swapped in between.  A report may be at most
:data:`MAX_REPORT_BYTES` (20 MB; seminar reports are 10 kB to 2 MB, a long PDF 10 MB); a
larger one is refused from its size, before it is read, so a 50 MB file costs nothing.  A
stream is read up to one byte past the limit and no further, so memory stays bounded.  A PDF
may have at most 2,000 pages, and a page's block elements may nest at most 5,000 deep (see
the readers).  Within those limits reading is linear: a 19 MB page takes 3 s and 460 MB at
peak, a 286-page PDF 0.9 s, a 19 MB text file 0.2 s.

Import cost: this module imports only the standard library; selectolax and pypdfium2 are
imported inside the functions that use them (``tests/meta/test_startup_imports.py``).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import shlex
import stat
from pathlib import Path
from typing import BinaryIO, Final, NamedTuple

from poc_cli.errors import DataError

__all__ = [
    "MAX_REPORT_BYTES",
    "ReportText",
    "read_report",
    "read_report_bytes",
    "read_report_stream",
]

MAX_REPORT_BYTES: Final = 20_000_000
"""The largest report poc reads, in bytes (20 MB)."""

KINDS: Final = ("text", "markdown", "html", "pdf")

_MARKDOWN_SUFFIXES: Final = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_TEXT_SUFFIXES: Final = frozenset({".txt", ".text"})
# A page starts, after white space and comments, with one of these (WHATWG's sniffing
# table, less the tags a Markdown file might begin with).
_HTML_START: Final = re.compile(
    rb"(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|style|base|link)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_PDF_MAGIC: Final = b"%PDF-"
_PDF_MAGIC_WITHIN: Final = 1024  # the PDF spec allows junk before the header, readers 1 KiB


class ReportText(NamedTuple):
    """A report's text, as poc's extractor reads it."""

    text: str
    """Paragraphs separated by one blank line, LF line ends only."""
    title: str | None
    """``og:title``, ``<h1>`` or ``<title>`` of a page, the Title of a PDF, else None."""
    kind: str
    """``"text"``, ``"markdown"``, ``"html"`` or ``"pdf"``."""


def read_report(path: Path) -> ReportText:
    """Read the report at ``path`` (``-`` for stdin is the caller's: see
    :func:`read_report_stream`)."""
    data = _read_regular_file(path)
    return read_report_bytes(data, name=str(path))


def read_report_stream(stream: BinaryIO, *, name: str = "<stdin>") -> ReportText:
    """Read a report from a binary stream such as ``sys.stdin.buffer``, never holding more
    than :data:`MAX_REPORT_BYTES` plus one byte of it."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_REPORT_BYTES:
        try:
            chunk = stream.read(min(1 << 20, MAX_REPORT_BYTES + 1 - size))
        except OSError as err:
            raise DataError(f"{name}: cannot read it ({_reason(err)})") from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_REPORT_BYTES:
        raise DataError(f"{name} is larger than {_megabytes(MAX_REPORT_BYTES)}, {_LIMIT_HELP}")
    return read_report_bytes(b"".join(chunks), name=name)


def read_report_bytes(data: bytes, *, name: str) -> ReportText:
    """Read a report given as bytes; ``name`` (a file name, or ``<stdin>``) is used in messages
    and its suffix, if any, tells the kind, else the content does."""
    if not data:
        raise DataError(f"{name} is empty")
    if len(data) > MAX_REPORT_BYTES:
        raise DataError(
            f"{name} is {_megabytes(len(data))}, larger than {_megabytes(MAX_REPORT_BYTES)}, {_LIMIT_HELP}"
        )
    suffix = _suffix(name)
    if _is_pdf(data, suffix):
        from poc_cli.extract.readers.pdf import read_pdf

        text, title = read_pdf(data, name=name)
        return ReportText(text, title, "pdf")
    if suffix == ".pdf":
        raise DataError(f"{name} is named .pdf but is not a PDF (it has no %PDF- header)")
    html = suffix in _HTML_SUFFIXES or (
        suffix not in _MARKDOWN_SUFFIXES and suffix not in _TEXT_SUFFIXES and _looks_like_html(data)
    )
    decoded = _decode(data, name=name, html=html)
    if html:
        from poc_cli.extract.readers.html import read_html

        text, title = read_html(decoded, name=name)
        return ReportText(text, title, "html")
    text = _normalise_newlines(decoded)
    if not text.strip():
        raise DataError(f"{name} has no text (only white space)")
    kind = "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
    from poc_cli.extract.readers.wrapped import unwrap

    return ReportText(unwrap(text), None, kind)


# --- files --------------------------------------------------------------------------------

_LIMIT_HELP: Final = "the most poc reads; split it or extract the part with the event"


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file within the size limit."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise DataError(f"{path}: cannot read it ({_reason(err)})") from None
    _check_regular(path, info)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise DataError(f"{path}: cannot read it ({_reason(err)})") from None
    try:
        _check_regular(path, os.fstat(fd))  # the same file, not one swapped in since
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_REPORT_BYTES:
            chunk = os.read(fd, min(1 << 22, MAX_REPORT_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise DataError(f"{path}: cannot read it ({_reason(err)})") from None
    finally:
        os.close(fd)
    if size > MAX_REPORT_BYTES:  # it grew while being read
        raise DataError(f"{path} is larger than {_megabytes(MAX_REPORT_BYTES)}, {_LIMIT_HELP}")
    return b"".join(chunks)


def _check_regular(path: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise DataError(f"{path} is a directory, not a report file")
    if not stat.S_ISREG(mode):
        what = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "not a regular file"
        )
        raise DataError(f"{path} is {what}; poc reads report files only (use - for stdin)")
    if info.st_size == 0:
        raise DataError(f"{path} is empty")
    if info.st_size > MAX_REPORT_BYTES:
        raise DataError(
            f"{path} is {_megabytes(info.st_size)}, larger than {_megabytes(MAX_REPORT_BYTES)}, {_LIMIT_HELP}"
        )


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EISDIR:
        return "it is a directory"
    return err.strerror or type(err).__name__


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size < 10_000_000 else f"{size // 1_000_000} MB"


def _suffix(name: str) -> str:
    return Path(name).suffix.lower() if name not in ("-", "<stdin>") else ""


# --- decoding ---------------------------------------------------------------------------

_UTF16_BOMS: Final = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET: Final = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE
)


def _is_pdf(data: bytes, suffix: str) -> bool:
    """A PDF starts with ``%PDF-``; the spec lets up to a kilobyte of junk come first, which
    we accept only in a file not named as text and that ends as a PDF does (a report may
    mention "%PDF-" in its first lines)."""
    if data.startswith(_PDF_MAGIC):
        return True
    if suffix in _TEXT_SUFFIXES or suffix in _MARKDOWN_SUFFIXES or suffix in _HTML_SUFFIXES:
        return False
    return data[:_PDF_MAGIC_WITHIN].find(_PDF_MAGIC) != -1 and b"%%EOF" in data[-2048:]


def _looks_like_html(data: bytes) -> bool:
    """Whether ``data`` starts as a web page does (after a BOM and white space)."""
    head = data[:4096]
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    for bom, codec in _UTF16_BOMS:
        if head.startswith(bom):
            head = head[2:].decode(codec, "replace").encode("utf-8", "replace")
    return _HTML_START.match(head.lstrip()) is not None


def _decode(data: bytes, *, name: str, html: bool) -> str:
    """The text of ``data``: UTF-8 (BOM dropped), UTF-16 with a BOM, or for a page the
    charset its ``<meta>`` declares; anything else is refused, never guessed."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name, offset=3)
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _strict(data[2:], codec, name, offset=2)
    if b"\0" in data:
        raise DataError(f"{name} is not a text, HTML or PDF report (it holds binary data)")
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            label = declared.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup(label).name
            except LookupError:
                raise DataError(f"{name} declares an unknown charset {label!r}") from None
            # As browsers do: a page declaring latin-1 or ASCII is really windows-1252, and
            # one declaring UTF-16 without a BOM cannot be, since the <meta> was read as ASCII.
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"
            if not codec.startswith("utf-16") and not codec.startswith("utf-32"):
                return _strict(data, codec, name, offset=0)
    return _strict(data, "utf-8", name, offset=0)


def _strict(data: bytes, codec: str, name: str, *, offset: int) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        where = err.start + offset
        if codec == "utf-8":
            byte = data[err.start]
            # Windows' code page 1252 puts curly quotation marks and dashes at 0x80-0x9F,
            # where Latin-1 has control characters: converted as Latin-1, every quote of
            # such a file would be lost
            legacy = "cp1252" if any(0x80 <= b <= 0x9F for b in data[:1_000_000]) else "latin1"
            if name in ("-", "<stdin>"):
                how = f"iconv -f {legacy} -t utf-8 | poc extract -"
            else:
                how = (
                    f"iconv -f {legacy} -t utf-8 {shlex.quote(name)} > "
                    f"{shlex.quote(_utf8_name(name))}"
                )
            raise DataError(
                f"{name} is not UTF-8 (byte 0x{byte:02X} at offset {where}); convert it, e.g. {how}"
            ) from None
        raise DataError(f"{name} is not valid {codec} (at offset {where})") from None


def _utf8_name(name: str) -> str:
    """Where the converted copy goes: beside the report ("notes/r.txt" → "notes/r.utf8.txt")."""
    path = Path(name)
    return str(path.with_name(f"{path.stem}.utf8{path.suffix}"))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
