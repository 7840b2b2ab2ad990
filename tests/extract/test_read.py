"""poc extract's readers: text, Markdown, HTML and PDF in, a report's paragraphs out.

Every fixture is ours: the HTML pages in ``fixtures/`` were written for these tests in the
styles of the pages poc meets (an IPI-like WordPress event summary, a press.un.org-like
press release, a news wire story), and the PDFs are made here with reportlab
(``pdf_maker.py``).  The round trips use the seed report's paragraphs as the bundled
dataset records them (``data/seminar.json``), which are ours to use.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pdf_maker import make_pdf

from poc_cli.errors import DataError
from poc_cli.extract import read as read_module
from poc_cli.extract.read import (
    MAX_REPORT_BYTES,
    ReportText,
    read_report,
    read_report_bytes,
    read_report_stream,
)
from poc_cli.extract.readers import pdf as pdf_reader
from poc_cli.extract.readers.lines import join_lines, vocabulary

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parent.parent
PAGES = ("ipi_event", "un_press", "news_wire")


@pytest.fixture(scope="module")
def seed_paragraphs() -> list[str]:
    raw = json.loads((REPO / "data" / "seminar.json").read_text(encoding="utf-8"))
    paragraphs = raw["source"]["paragraphs"]
    assert len(paragraphs) > 30
    return list(paragraphs)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(DataError) as caught:
        call(*args, **kwargs)
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


# --- plain text and Markdown --------------------------------------------------------------


def test_utf8_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = "Title\n\n  • “Quoted,” she said — naïve\u00a0café.  \nSecond line\n"
    got = read_report(write(tmp_path, "r.txt", text.encode()))
    assert got == ReportText(text, None, "text")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_bom_and_line_ends_are_normalised(tmp_path: Path, newline: str) -> None:
    lines = ["Opening", "", "He said, “yes.”", "Next line"]
    data = b"\xef\xbb\xbf" + newline.join(lines).encode()
    got = read_report(write(tmp_path, "r.txt", data))
    assert got.text == "Opening\n\nHe said, “yes.”\nNext line"
    assert "\r" not in got.text and "\ufeff" not in got.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    text = "Agnès said “neutrality is a tool.”\r\n\r\nEnd"
    data = text.encode(codec) if codec == "utf-16" else b"\xfe\xff" + text.encode(codec)
    assert read_report(write(tmp_path, "r.txt", data)).text == text.replace("\r\n", "\n")


def test_windows_1252_quotation_marks_are_converted_as_cp1252(tmp_path: Path) -> None:
    # 0x93/0x94 are “ ” in Windows' code page 1252 and control characters in Latin-1:
    # following a latin1 hint would lose every quote of the file
    data = "Agnès said “neutrality is a tool.”".encode("cp1252")
    folder = tmp_path / "notes"
    folder.mkdir()
    report = write(folder, "r.txt", data)
    message = error_of(read_report, report)
    assert "iconv -f cp1252 -t utf-8" in message
    # the converted copy is suggested beside the report, not in the current folder
    assert str(folder / "r.utf8.txt") in message


def test_latin1_is_refused_with_the_byte_and_how_to_convert(tmp_path: Path) -> None:
    data = b"Agn" + "ès".encode("latin-1") + b" spoke."
    message = error_of(read_report, write(tmp_path, "r.txt", data))
    assert "r.txt is not UTF-8 (byte 0xE8 at offset 3)" in message
    assert "iconv -f latin1 -t utf-8" in message
    stdin = error_of(read_report_bytes, data, name="<stdin>")
    assert "<stdin> is not UTF-8 (byte 0xE8 at offset 3)" in stdin and "poc extract -" in stdin


def test_offset_counts_the_bom(tmp_path: Path) -> None:
    message = error_of(read_report_bytes, b"\xef\xbb\xbfab\xe9", name="r.txt")
    assert "byte 0xE9 at offset 5" in message


@pytest.mark.parametrize("suffix", [".md", ".markdown", ".MD"])
def test_markdown_is_kept_as_printed(tmp_path: Path, suffix: str) -> None:
    text = "# Seminar\n\n*“We must act,”* said **Dr. Ba**.\n\n- one\n- <b>two</b>\n"
    got = read_report(write(tmp_path, f"r{suffix}", text.encode()))
    assert got == ReportText(text, None, "markdown")


def test_a_text_file_holding_html_is_read_as_text(tmp_path: Path) -> None:
    text = "<html><body><p>Kept as text</p></body></html>"
    assert read_report(write(tmp_path, "r.txt", text.encode())).kind == "text"


def test_only_white_space_is_refused() -> None:
    assert "has no text" in error_of(read_report_bytes, b" \n\t\n", name="r.txt")


# --- bad input ----------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(read_report, write(tmp_path, "r.txt", b"")) == f"{tmp_path / 'r.txt'} is empty"
    assert error_of(read_report_bytes, b"", name="<stdin>") == "<stdin> is empty"


def test_binary_file(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    message = error_of(read_report, write(tmp_path, "image.png", data))
    assert "is not a text, HTML or PDF report" in message


def test_a_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    message = error_of(read_report, write(tmp_path, "r.pdf", b"just text"))
    assert "is named .pdf but is not a PDF" in message


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in error_of(read_report, tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    message = error_of(read_report, tmp_path / "nope.txt")
    assert message == f"{tmp_path / 'nope.txt'}: cannot read it (no such file)"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "r.txt", b"text")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_module.os, "open", refuse)  # root reads through chmod 000
    assert error_of(read_report, path) == f"{path}: cannot read it (permission denied)"


def _finishes(call: object, *args: object) -> str:
    """The DataError message of ``call(*args)``, which must come within 5 seconds."""
    result: list[str] = []

    def run() -> None:
        result.append(error_of(call, *args))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert result, "the reader blocked"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it to read would block forever
    assert "is a FIFO" in _finishes(read_report, fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused_without_reading() -> None:
    assert "is a device" in _finishes(read_report, Path("/dev/zero"))  # endless if read


def test_a_50_mb_file_is_refused_from_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50_000_000)  # sparse: costs no disk

    def no_reading(*args: object) -> bytes:
        raise AssertionError("read a file it should have refused")

    monkeypatch.setattr(read_module.os, "read", no_reading)
    assert error_of(read_report, path) == (
        f"{path} is 50 MB, larger than 20 MB, the most poc reads; "
        "split it or extract the part with the event"
    )


def test_a_50_mb_stream_is_read_no_further_than_the_limit() -> None:
    class Endless:
        given = 0

        def read(self, size: int = -1) -> bytes:
            assert 0 < size <= 1 << 20
            self.given += size
            return b"a" * size

    stream = Endless()
    message = error_of(read_report_stream, stream)
    assert message.startswith("<stdin> is larger than 20 MB")
    assert stream.given == MAX_REPORT_BYTES + 1


def test_a_stream_within_the_limit() -> None:
    import io

    got = read_report_stream(io.BytesIO(b"One\r\n\r\nTwo"))
    assert got == ReportText("One\n\nTwo", None, "text")


def test_bytes_over_the_limit() -> None:
    message = error_of(read_report_bytes, b"a" * (MAX_REPORT_BYTES + 1), name="big.txt")
    assert "larger than 20 MB" in message


def test_a_symlink_to_a_report_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, "r.txt", b"Hello")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_report(link).text == "Hello"


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_pages_give_their_main_text(page: str) -> None:
    expected = (FIXTURES / f"{page}.expected.txt").read_text(encoding="utf-8")
    got = read_report(FIXTURES / f"{page}.html")
    assert got.kind == "html"
    assert got.text.split("\n\n") == expected.split("\n\n")
    assert got.text == expected


def test_page_titles() -> None:
    titles = {page: read_report(FIXTURES / f"{page}.html").title for page in PAGES}
    assert titles == {
        "ipi_event": "Rethinking Early Warning for Civilians in Border Regions",
        "un_press": "Speakers Urge Stronger Protection for Displaced Civilians, as Security "
        "Council Holds Open Debate",
        "news_wire": "U.N. envoy warns of 'a protection vacuum' as peacekeepers leave",
    }


def test_no_script_style_or_furniture_text_in_pages() -> None:
    text = "\n".join(read_report(FIXTURES / f"{page}.html").text for page in PAGES)
    for furniture in [
        "Injected by script",
        "dataLayer",
        "googletag",
        "not text",  # a CSS comment
        "enable JavaScript",
        "cookies",
        "Skip to",
        "Donate",
        "Share this",
        "Related",
        "Leave a Reply",
        "Recent Posts",
        "Newsletter",
        "All rights reserved",
        "Advertisement",
        "Sign up",
        "Main navigation",
        "Latest",
        "Read Next",
        "By Jane Okafor",
        "Posted on",
        "Panelists at the Institute",  # a photo caption
    ]:
        assert furniture not in text, furniture


def page(body: str, *, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def html_text(body: str, *, head: str = "") -> str:
    return read_report_bytes(page(body, head=head), name="p.html").text


def test_each_block_is_a_paragraph() -> None:
    body = (
        "<main><h2>Heading</h2><p>First <em>para</em>.</p><ul><li>one</li><li>two</li></ul>"
        "<blockquote>Quoted words</blockquote><h6>Small</h6><table><tr><td>cell a</td>"
        "<td>cell b</td></tr></table><dl><dt>Term</dt><dd>Meaning</dd></dl>"
        "<div>Loose text<p>inner</p>tail</div></main>"
    )
    assert html_text(body).split("\n\n") == [
        "Heading",
        "First para.",
        "one",
        "two",
        "Quoted words",
        "Small",
        "cell a",
        "cell b",
        "Term",
        "Meaning",
        "Loose text",
        "inner",
        "tail",
    ]


def test_entities_are_decoded_and_characters_kept() -> None:
    body = (
        "<p>&ldquo;Caf&eacute;&rdquo; &amp; &#8216;na&#xEF;ve&#8217; &mdash; "
        "Dr.&nbsp;Ba&#8209;Konar&eacute; &lt;said&gt; “déjà” – ‘ok’ … ẞ</p>"
    )
    assert html_text(body) == (
        "“Café” & ‘naïve’ — Dr.\u00a0Ba\u2011Konaré <said> “déjà” – ‘ok’ … ẞ"
    )


def test_white_space_inside_a_paragraph_is_one_space_but_nbsp_stays() -> None:
    body = "<p>\n   Several\t\tspaces\r\n and\n\nlines \u00a0 and\u00a0\u00a0nbsp  </p>"
    assert html_text(body) == "Several spaces and lines \u00a0 and\u00a0\u00a0nbsp"


def test_br_is_a_line_break_and_two_are_a_paragraph_break() -> None:
    body = "<p>Line one <br> line two<br/><br>Next paragraph<br></p><p>Last</p>"
    assert html_text(body) == "Line one\nline two\n\nNext paragraph\n\nLast"


def test_pre_keeps_its_lines() -> None:
    assert html_text("<pre>a  b\n  c\n\nd</pre>") == "a b\nc\n\nd"


def test_script_style_noscript_template_never_included() -> None:
    body = (
        "<p>Before</p><script>var x = '<p>script text</p>';</script>"
        "<style>p{color:red}</style><noscript><p>noscript text</p></noscript>"
        "<template><p>template text</p></template><p>After</p>"
    )
    assert html_text(body, head="<script>head script</script><style>x{}</style>") == (
        "Before\n\nAfter"
    )


def test_unclosed_paragraphs_and_items_of_old_markup() -> None:
    body = "<p>One<p>Two<ul><li>a<li>b</ul><p>Three"
    assert html_text(body).split("\n\n") == ["One", "Two", "a", "b", "Three"]


def test_hidden_elements_are_dropped() -> None:
    body = (
        "<article><p>Shown</p><p hidden>hidden attr</p><div style='display: none'>none</div>"
        "<span aria-hidden='true'>icon</span><p class='sr-only'>reader</p><p>Also shown</p>"
        "</article>"
    )
    assert html_text(body) == "Shown\n\nAlso shown"


def test_a_blockquote_footer_is_its_attribution() -> None:
    body = "<article><blockquote><p>“Words.”</p><footer>— Jane Doe</footer></blockquote></article>"
    assert html_text(body) == "“Words.”\n\n— Jane Doe"


def test_paragraphs_of_links_are_dropped() -> None:
    body = (
        "<article><p>Text with <a href='#'>a link</a> inside.</p>"
        "<p><a href='/next'>Read next: another story</a></p></article>"
    )
    assert html_text(body) == "Text with a link inside."


def test_a_wrapper_named_like_furniture_is_kept() -> None:
    body = (
        "<nav><a href='/'>Home</a></nav><div class='layout has-sidebar'>"
        "<div class='post'><p>The first paragraph of the report.</p>"
        "<p>The second paragraph of the report.</p></div>"
        "<div class='sidebar'><p>Side</p></div></div>"
    )
    assert html_text(body) == (
        "The first paragraph of the report.\n\nThe second paragraph of the report."
    )


def test_a_title_outside_the_article_comes_first() -> None:
    body = (
        "<div class='hero'><h1>Event title</h1></div><article><p>"
        + "Body text. " * 20
        + "</p></article>"
    )
    got = read_report_bytes(page(body, head="<title>Event title | Site</title>"), name="p.htm")
    assert got.text.split("\n\n")[0] == "Event title"
    assert got.title == "Event title"


def test_title_falls_back_to_the_title_element() -> None:
    got = read_report_bytes(page("<p>x</p>", head="<title> A  title </title>"), name="p.html")
    assert got.title == "A title"
    assert read_report_bytes(page("<p>x</p>"), name="p.html").title is None


def test_html_is_sniffed_from_content_without_a_suffix() -> None:
    for data in [page("<p>Hi</p>"), b"\n  <html><p>Hi</p>", b"\xef\xbb\xbf<!-- c --><HTML><p>Hi"]:
        got = read_report_bytes(data, name="<stdin>")
        assert (got.kind, got.text) == ("html", "Hi")
    assert read_report_bytes(b"<b>not a page</b> text", name="<stdin>").kind == "text"


def test_declared_charset_is_used() -> None:
    data = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"</head><body><p>Agn\xe8s \x93quoted\x94</p></body></html>"
    )
    # A page declaring latin-1 is windows-1252, as in every browser: 0x93/0x94 are curly quotes.
    assert read_report_bytes(data, name="p.html").text == "Agnès “quoted”"


def test_undeclared_non_utf8_page_is_refused() -> None:
    message = error_of(read_report_bytes, b"<html><p>Agn\xe8s</p>", name="p.html")
    assert "is not UTF-8 (byte 0xE8" in message


LEGACY_PAGE = b"""<HTML><HEAD><TITLE>Press Release: Council Hears Briefing</TITLE>
<META http-equiv="Content-Type" content="text/html; charset=windows-1252"></HEAD>
<BODY bgcolor=white><TABLE width=100%><TR><TD width=150 valign=top>
<A href=/>Home</A><BR><A href=/news>News</A><BR><A href=/docs>Documents</A>
</TD><TD valign=top>
<FONT face=Arial size=4><B>COUNCIL HEARS BRIEFING</B></FONT><BR><BR>
<FONT face=Arial size=2>NEW YORK, 4 May -- The Under-Secretary-General said civilians were
\x93paying the highest price\x94.<BR><BR>\x93We cannot look away,\x94 she said.  She urged action.
<P>The meeting adjourned at 12:30 p.m.
</FONT></TD></TR></TABLE>
<HR><CENTER><FONT size=1><A href=/c>Copyright</A> | <A href=/p>Privacy</A></FONT></CENTER>
</BODY></HTML>"""


def test_a_table_layout_page_of_the_1990s() -> None:
    got = read_report_bytes(LEGACY_PAGE, name="old.htm")
    assert got.title == "Press Release: Council Hears Briefing"
    assert got.text.split("\n\n") == [
        "COUNCIL HEARS BRIEFING",
        "NEW YORK, 4 May -- The Under-Secretary-General said civilians were “paying the "
        "highest price”.",
        "“We cannot look away,” she said. She urged action.",
        "The meeting adjourned at 12:30 p.m.",
    ]


def test_a_text_report_mentioning_the_pdf_magic_is_text() -> None:
    data = b"Notes\n\nThe file began with %PDF-1.4, the delegate said."
    assert read_report_bytes(data, name="notes.txt").kind == "text"
    assert read_report_bytes(data, name="<stdin>").kind == "text"


def test_a_pdf_after_junk_is_still_a_pdf() -> None:
    data = b"\r\n\r\n" + make_pdf(["Found after the junk."], header=None)
    assert read_report_bytes(data, name="<stdin>").text == "Found after the junk."


def test_a_page_of_only_furniture_is_refused() -> None:
    data = page("<nav><a href='/'>Home</a></nav><footer>© 2025</footer>")
    assert "no text in it" in error_of(read_report_bytes, data, name="p.html")


def test_deep_nesting_does_not_overflow() -> None:
    body = "<div>" * 5000 + "<p>Deep</p>" + "</div>" * 5000
    assert html_text(body) == "Deep"


def test_html_reading_is_deterministic() -> None:
    data = (FIXTURES / "ipi_event.html").read_bytes()
    first = read_report_bytes(data, name="p.html")
    assert all(read_report_bytes(data, name="p.html") == first for _ in range(3))


def _ascii_ws(line: str) -> str:
    return re.sub(r"[ \t\n\r\f]+", " ", line).strip(" \t\n\r\f")


def seed_page(paragraphs: list[str]) -> str:
    """The seed report as a WordPress-like page, its source wrapped and indented."""
    blocks = []
    for number, paragraph in enumerate(paragraphs):
        lines = [html.escape(line, quote=False) for line in paragraph.split("\n")]
        inner = "<br>\n        ".join(re.sub(r"(.{60,70}?) ", r"\1\n        ", ln) for ln in lines)
        tag = "h1" if number == 0 else "p"
        blocks.append(f"      <{tag}>\n        {inner}\n      </{tag}>")
    body = "\n".join(blocks)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(paragraphs[0])} | Institute</title>
<style>body {{ margin: 0 }}</style><script>console.log("hi")</script></head>
<body class="single-post wp-custom-logo">
  <header class="site-header"><nav class="main-navigation"><ul><li><a href="/">Home</a></li>
    <li><a href="/events">Events</a></li></ul></nav></header>
  <div id="content"><main id="main"><article class="post">
    <div class="entry-meta">Posted on October 29, 2018</div>
    <div class="entry-content">
{body}
    </div>
    <div class="sharedaddy"><a href="#">Share on Facebook</a></div>
  </article>
  <aside class="widget-area"><h2>Recent posts</h2><ul><li><a href="/x">Other</a></li></ul></aside>
  </main></div>
  <footer class="site-footer"><p>© Institute</p></footer>
</body></html>
"""


def test_seed_round_trip_through_a_page(seed_paragraphs: list[str]) -> None:
    got = read_report_bytes(seed_page(seed_paragraphs).encode(), name="seed.html")
    # Inside a paragraph: each line trimmed of ASCII white space, runs of it one space.
    expected = ["\n".join(_ascii_ws(ln) for ln in p.split("\n")) for p in seed_paragraphs]
    assert got.text.split("\n\n") == expected
    assert got.title == seed_paragraphs[0]
    # The no-break spaces that end the agenda lines survive (they are not ASCII space).
    assert "Civilians\u00a0\nSession 2" in got.text


def test_seed_round_trip_through_text(tmp_path: Path, seed_paragraphs: list[str]) -> None:
    text = "\n\n".join(seed_paragraphs)
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    assert read_report(write(tmp_path, "seed.txt", data)) == ReportText(text, None, "text")


# --- PDF ----------------------------------------------------------------------------------


def _pdf_paragraphs(paragraphs: list[str]) -> list[str]:
    """What a PDF can give back of ``paragraphs``: a forced line break looks like the end of
    a paragraph, and a PDF's text layer has no no-break spaces or runs of spaces."""
    return [
        " ".join(line.replace("\u00a0", " ").split())
        for paragraph in paragraphs
        for line in paragraph.split("\n")
        if line.strip()
    ]


@pytest.mark.parametrize("font", ["Helvetica", "Vera"])
@pytest.mark.parametrize("style", ["gap", "indent"])
def test_seed_round_trip_through_a_pdf(seed_paragraphs: list[str], style: str, font: str) -> None:
    data = make_pdf(seed_paragraphs, title="Protecting Civilians", style=style, font=font)
    got = read_report_bytes(data, name="seed.pdf")
    assert got.kind == "pdf" and got.title == "Protecting Civilians"
    assert got.text.split("\n\n") == _pdf_paragraphs(seed_paragraphs)
    # The maker hyphenated long words and broke compounds at their hyphens: all undone,
    # and the curly quotes, dashes and diacritics are all there.
    assert "Institute Meeting Note" not in got.text  # the running header
    for kept in ["“legitimacy", "Marie-Joëlle", "non-state", "Agnès", "’s", "•"]:
        assert kept in got.text, kept


def test_seed_round_trip_through_a_two_column_pdf(seed_paragraphs: list[str]) -> None:
    # Paragraphs go on from the foot of one column to the head of the next, and from page
    # to page; the second column's left edge is not an indent.
    data = make_pdf(seed_paragraphs, columns=2, size=9)
    got = read_report_bytes(data, name="seed.pdf")
    assert got.text.split("\n\n") == _pdf_paragraphs(seed_paragraphs)


def test_pdf_with_headings_and_page_furniture(seed_paragraphs: list[str]) -> None:
    data = make_pdf(
        seed_paragraphs, headings=(0,), page_numbers="Page {page} of 4", header="IPI | Note 2018"
    )
    got = read_report_bytes(data, name="seed.pdf")
    assert got.text.split("\n\n") == _pdf_paragraphs(seed_paragraphs)
    assert "Page " not in got.text and "Note 2018" not in got.text
    assert got.title is None


def test_pdf_paragraphs_told_by_their_short_last_line() -> None:
    paragraphs = [
        "The first paragraph runs over more than one line of the page, so that its last "
        "line stops well short of the right margin.",
        "The second one, set with no gap and no indent, is told apart only by that.",
        "A third, also short.",
    ]
    data = make_pdf(paragraphs, style="none", header=None, page_numbers=None)
    assert read_report_bytes(data, name="r.pdf").text.split("\n\n") == paragraphs


def test_a_line_ended_early_inside_a_sentence_does_not_end_the_paragraph() -> None:
    # a line the typesetter ended short mid-sentence ("… a police" / "station in …"): the
    # next line starts in lower case, so the sentence, and the quotation, stay whole
    paragraph = (
        "“We handed over a police\nstation in Bor and, six weeks later, it had no fuel, no "
        "radios and no salaries,” she recalled."
    )
    data = make_pdf([paragraph], style="none", header=None, page_numbers=None)
    assert read_report_bytes(data, name="r.pdf").text == paragraph.replace("\n", " ")


def test_pdf_sniffed_from_content() -> None:
    data = make_pdf(["Only this."], header=None, page_numbers=None)
    assert read_report_bytes(data, name="<stdin>") == ReportText("Only this.", None, "pdf")


def test_a_lone_page_number_is_dropped_even_on_one_page() -> None:
    data = make_pdf(["Only this."], header=None, page_numbers="- {page} -")
    assert read_report_bytes(data, name="r.pdf").text == "Only this."


def test_encrypted_pdf() -> None:
    data = make_pdf(["Secret."], encrypt="password")
    assert "is an encrypted PDF that needs a password" in error_of(
        read_report_bytes, data, name="r.pdf"
    )


def test_pdf_with_only_an_owner_password_is_read() -> None:
    from reportlab.lib import pdfencrypt

    lock = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)
    data = make_pdf(["Readable all the same."], encrypt=lock, header=None)
    assert read_report_bytes(data, name="r.pdf").text == "Readable all the same."


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 4, make_pdf(["Cut short. " * 40])[:400]],
    ids=["garbage", "truncated"],
)
def test_broken_pdf(data: bytes) -> None:
    assert "is not a readable PDF" in error_of(read_report_bytes, data, name="r.pdf")


def test_pdf_over_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 1)
    data = make_pdf(["A paragraph. " * 300])  # two pages
    message = error_of(read_report_bytes, data, name="long.pdf")
    assert message == "long.pdf has 2 pages; poc reads PDFs of at most 1"


def test_pdf_without_text() -> None:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    drawing = canvas.Canvas(out, invariant=True)
    drawing.rect(100, 100, 200, 200, fill=1)
    drawing.save()
    message = error_of(read_report_bytes, out.getvalue(), name="scan.pdf")
    assert "is a PDF with no text layer" in message


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["the protec-", "tion of civilians"], "the protection of civilians"),
        (["address non-", "state armed groups"], "address non-state armed groups"),
        (["the Under-Secretary-", "General said"], "the Under-Secretary-General said"),
        (["by mid-", "2019 it"], "by mid-2019 it"),
        (["over a 20-", "year period"], "over a 20-year period"),
        (["the mission-head-", "level view"], "the mission-head-level view"),
        (["UN-", "led talks"], "UN-led talks"),
        (["a well-", "known case"], "a well-known case"),
        (["the soft\u00ad", "hyphen"], "the softhyphen"),
        (["specificities/", "singularities"], "specificities/singularities"),
        (["2018–", "2019"], "2018–2019"),
        (["time —", "every time"], "time — every time"),
        (["one", "two"], "one two"),
    ],
)
def test_line_joining(lines: list[str], joined: str) -> None:
    assert join_lines(lines, vocabulary(lines)) == joined


def test_the_document_decides_a_hyphen() -> None:
    # "peace-keeping" printed hyphenated elsewhere keeps its hyphen at a line end; a word
    # printed whole elsewhere loses the typesetter's.
    lines = ["peace-keeping is", "the peace-", "keeping of the", "protection and protec-", "tion"]
    text = join_lines(lines, vocabulary(lines))
    assert text == "peace-keeping is the peace-keeping of the protection and protection"


# --- import cost --------------------------------------------------------------------------


def test_importing_the_reader_imports_no_library() -> None:
    code = (
        "import sys, poc_cli.extract.read\n"
        "heavy = [m for m in ('selectolax', 'pypdfium2', 'lxml', 'pypdf', 'trafilatura')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
