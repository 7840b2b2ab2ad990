"""A web page's main text, as paragraphs: selectolax (lexbor) parses, rules of ours choose.

Why selectolax, and not trafilatura, readability-lxml or the standard library
-----------------------------------------------------------------------------
Measured on this machine (Python 3.11, 2 cores; ``benchmarks/readers.py`` prints the same
figures) with three pages we wrote in the styles of an IPI event summary (WordPress: header
menu, article, share buttons, related posts, comments, sidebar, footer, cookie banner), a UN
press release (press.un.org's Drupal layout) and a news wire story (byline, share bar, ads,
related coverage, newsletter box, consent banner); ``tests/extract/fixtures/*.html``, each with
the paragraphs it must give.  "altered" counts paragraphs found with a character changed.

=================  ==========  ==============  =========================================
candidate          import      installed       the 37 expected paragraphs of the 3 pages
=================  ==========  ==============  =========================================
trafilatura 2.3    161 ms (*)  62 MB, 16 pkgs  24 exact, 4 altered (no-break spaces made
                                               spaces), 9 missing (h1, <br> lines split,
                                               list items prefixed "- "), 8 extra
readability 0.9    75-100 ms   14 MB, 4 pkgs   32 exact, 5 missing (h1s, <br>), 5 extra
                                               (byline, share bar, ad label, sign-up box)
selectolax 1.0     16 ms       8 MB, 1 pkg     37 exact, 0 altered, 0 missing, 0 extra
  + these rules                                (the seed report as a page: 2 ms to read)
html.parser        8 ms        0               (not a tree: the same rules would need an
                                               HTML5 tree builder of our own)
=================  ==========  ==============  =========================================

The pages were written before the rules, but by the same hand: the figures show the
rules do what they say, not how they fare on the open web.  trafilatura, built for the
open web, is the one to compare with there; what rules it out here is what it changes.

(*) trafilatura's first ``extract`` call costs another 200 ms (it loads its language and date
tables), so 360 ms before the first page; a 1,000-report batch hardly notices, a single
``poc extract page.html`` does.

trafilatura is the best general-purpose main-content extractor, but it is built for corpora,
not quotations: it turns no-break spaces into spaces (a quote with "Dr.\u00a0X" would no longer
be verbatim in the source), splits a ``<br>`` line into paragraphs of its own, writes list
items as Markdown ("- "), drops the page's ``<h1>``, and brings 62 MB of dependencies (lxml,
dateparser, regex, babel, pytz ...).  readability-lxml keeps characters but lets bylines, share
bars and ads through, and needs lxml.  selectolax's lexbor engine is a spec-compliant HTML5
parser (unclosed ``<p>`` and ``<li>``, misnested tags and entities handled as a browser does),
a single wheel with no dependencies, fast to import and to parse; what it lacks, boilerplate
removal, is the short set of rules below, which we can test and keep deterministic.

The rules
---------
1. The root: the largest ``<article>`` when it holds at least a quarter of the text of its
   ``<main>`` (or of the body), else ``<main>`` / ``[role=main]``, else an element whose id or
   class says content (``entry-content``, ``article-body``, ``post-content``, ``content`` ...),
   else ``<body>``.  A page whose ``<h1>`` lies outside the root (a hero banner) gets it as its
   first paragraph.
2. Never text: ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, forms' controls,
   ``<iframe>``, ``<svg>``, ``<figcaption>`` and other embedded content; ``<nav>``,
   ``<aside>``, ``<footer>`` (except a ``<footer>`` inside a ``<blockquote>``, which is the
   quotation's attribution), a page-level ``<header>`` (outside any ``<article>``) without an
   ``<h1>``, hidden elements (``hidden``, ``aria-hidden="true"``, ``display:none``), ARIA
   landmarks and widgets that are not content (navigation, banner, contentinfo,
   complementary, search, dialog, menu, toolbar), short forms (search, sign-up, comment).
3. Page furniture by name: an element whose class or id has a word such as nav, menu,
   breadcrumb, sidebar, widget, cookie, consent, banner, share, social, related, trending,
   newsletter, subscribe, comments, advert, byline, author, meta, tags, pagination, skip-link
   (see ``_FURNITURE_WORDS``) is dropped, unless it holds an ``<h1>`` or more than half of the
   root's text (so ``<div class="has-sidebar">`` around the article is kept).
4. A paragraph that is almost all link text (80% or more), like "Read next: ...", is dropped.
5. Each ``<p>``, ``<li>``, ``<h1>``-``<h6>``, ``<blockquote>``, ``<dt>``/``<dd>``, table cell,
   ``<pre>`` and any other block (a ``<div>`` with text of its own) is its own paragraph.
   ``<br>`` ends a line within its paragraph; a blank line (``<br><br>``) ends the paragraph.
6. Entities are decoded by the parser; inside a paragraph each run of ASCII white space is one
   space and lines are trimmed of it; no other character is touched.
7. Hostile pages: a page whose block elements nest more than 5,000 deep is refused (lexbor's
   tree building is quadratic in depth), and every element's size is measured once, so
   reading stays linear in the page's size (a 19 MB page: 3 s, 460 MB at peak).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from poc_cli.errors import DataError


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

_ASCII_WS: Final = re.compile(r"[ \t\n\r\f]+")
_ASCII_WS_CHARS: Final = " \t\n\r\f"

# Elements whose text is never report text.
_NEVER: Final = _words(
    "script style noscript template iframe frame frameset object embed applet svg math canvas "
    "button select option optgroup datalist textarea input output label progress meter "
    "figcaption img picture video audio source track map area nav aside dialog menu "
    "head title meta link base"
)
# Elements after which text starts a new paragraph (HTML's block-level and table elements).
_BLOCKS: Final = _words(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre "
    "section summary table caption thead tbody tfoot tr td th ul body html legend"
)
_NOT_CONTENT_ROLES: Final = _words(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar "
    "toolbar tablist"
)
# Words of a class or id (split at white space, '-', '_') that name page furniture.
_FURNITURE_WORDS: Final = _words(
    """nav navbar navigation menu menus submenu breadcrumb breadcrumbs sidebar widget widgets
    cookie cookies consent gdpr onetrust banner share shares sharing sharedaddy social
    socials related recommended recommendations trending popular newsletter subscribe
    subscription signup comment comments respond disqus advert advertisement advertising ad ads
    adslot dfp promo sponsor sponsored byline author authors meta postmeta tags tagcloud
    pagination pager skip skiplink print popup modal overlay masthead logo branding toolbar
    lang language languages"""
)
# Whole class tokens that mean "not shown" or "for screen readers".
_HIDDEN_CLASSES: Final = _words(
    "hidden visually-hidden visuallyhidden sr-only screen-reader-text element-invisible "
    "skip-link d-none"
)
_CONTENT_SELECTORS: Final = (
    "[itemprop=articleBody]",
    ".entry-content",
    ".post-content",
    ".article-body",
    ".article-content",
    ".story-body",
    "#article-body",
    "#content",
    "#main-content",
    ".content",
)
_WORD_SPLIT: Final = re.compile(r"[\s_-]+")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LINK_SHARE: Final = 0.8
_SHORT_FORM: Final = 500  # characters: a search box, a sign-up or comment form
_MAX_DEPTH: Final = 5_000  # block elements open at once (see _nesting)
_NESTING: Final = re.compile(
    r"<(/?)(?:div|section|article|blockquote|ul|ol|dl|table|main|aside|nav|header|footer|"
    r"form|fieldset|details|figure|center)[\s>/]",
    re.IGNORECASE,
)
_ARTICLES: Final = 50  # <article>s weighed to find the report's


def read_html(html: str, *, name: str) -> tuple[str, str | None]:
    """The main text of a page (paragraphs joined by blank lines) and its title."""
    from selectolax.lexbor import LexborHTMLParser

    depth = _nesting(html)
    if depth > _MAX_DEPTH:
        raise DataError(
            f"{name} is an HTML page whose elements nest more than {_MAX_DEPTH:,} deep; "
            "poc reads ordinary pages (save the report's text instead)"
        )
    try:
        tree = LexborHTMLParser(html)
    except Exception as err:  # lexbor refuses only what it cannot allocate
        raise DataError(f"{name}: cannot parse it as HTML ({err})") from None
    body = tree.body
    if body is None:
        raise DataError(f"{name} is an HTML page with no body")
    root = _content_root(body)
    paragraphs: list[str] = []
    if not root.css_matches("h1"):
        outside = [h for h in body.css("h1")[:20] if not _inside_furniture(h)]
        if outside:
            paragraphs.extend(_paragraphs(outside[0]))
    paragraphs.extend(_paragraphs(root))
    if not paragraphs:
        raise DataError(f"{name} is an HTML page with no text in it (after menus and footers)")
    title = _title(tree)
    return "\n\n".join(paragraphs), title


def _nesting(html: str) -> int:
    """How deep block elements nest, counted from their tags, up to just past the limit:
    lexbor's tree building slows down with the square of that depth (100,000 nested
    ``<div>`` take 13 s), and no report page nests more than a few hundred deep."""
    depth = deepest = 0
    for match in _NESTING.finditer(html):
        depth = depth - 1 if match.group(1) else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > _MAX_DEPTH:
                break
        depth = max(depth, 0)
    return deepest


# --- choosing the root ------------------------------------------------------------------


def _content_root(body: LexborNode) -> LexborNode:
    articles = [a for a in body.css("article")[:_ARTICLES] if not _inside_furniture(a)]
    mains = body.css("main, [role=main]")
    container = mains[0] if mains else body
    if articles:
        best = max(articles, key=lambda a: len(_text(a)))  # the first of equals: stable
        if len(_text(best)) * 4 >= len(_text(container)):
            return best
    if mains:
        return mains[0]
    for selector in _CONTENT_SELECTORS:
        found = body.css_first(selector)
        if found is not None and len(_text(found)) * 4 >= len(_text(body)):
            return found
    return body


def _inside_furniture(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in ("nav", "aside", "footer"):
            return True
        parent = parent.parent
    return False


def _text(node: LexborNode) -> str:
    return _ASCII_WS.sub(" ", node.text(deep=True, separator=" ", strip=False)).strip(
        _ASCII_WS_CHARS
    )


def _title(tree: LexborHTMLParser) -> str | None:
    """``og:title`` (the page's title without the site's name), else the first ``<h1>``,
    else ``<title>``."""
    og = tree.css_first('meta[property="og:title"]')
    if og is not None:
        content = _clean(og.attributes.get("content") or "")
        if content:
            return content
    for selector in ("h1", "title"):
        found = tree.css_first(selector)
        text = _clean(found.text(deep=True)) if found is not None else ""
        if text:
            return text
    return None


def _clean(text: str) -> str:
    return _ASCII_WS.sub(" ", text).strip(_ASCII_WS_CHARS)


# --- what is furniture --------------------------------------------------------------------


class _Sizes:
    """The text length of an element and whether it holds an ``<h1>``, measured once per
    node however many of its ancestors ask (a page of thousands of nested "menu" wrappers
    must not make reading quadratic)."""

    def __init__(self, root: LexborNode) -> None:
        self.root = root
        self.known: dict[int, tuple[int, bool]] = {}

    def of(self, node: LexborNode) -> tuple[int, bool]:
        known = self.known
        if node.mem_id in known:
            return known[node.mem_id]
        stack: list[tuple[LexborNode, bool]] = [(node, False)]
        while stack:
            current, measured = stack.pop()
            if not measured:
                stack.append((current, True))
                if current.tag not in _NEVER:
                    child = current.first_child
                    while child is not None:
                        if child.is_element_node and child.mem_id not in known:
                            stack.append((child, False))
                        child = child.next
                continue
            size, h1 = 0, current.tag == "h1"
            if current.tag not in _NEVER:
                child = current.first_child
                while child is not None:
                    if child.is_text_node:
                        size += len((child.text_content or "").strip(_ASCII_WS_CHARS))
                    elif child.is_element_node:
                        child_size, child_h1 = known.get(child.mem_id, (0, False))
                        size += child_size
                        h1 = h1 or child_h1
                    child = child.next
            known[current.mem_id] = (size, h1)
        return known[node.mem_id]

    def text(self, node: LexborNode) -> int:
        return self.of(node)[0]

    def has_h1(self, node: LexborNode) -> bool:
        return self.of(node)[1]


def _skip(node: LexborNode, *, in_article: bool, in_blockquote: bool, sizes: _Sizes) -> bool:
    """Whether ``node`` (an element below the root) holds no report text."""
    tag = node.tag or ""
    if tag in _NEVER:
        return True
    if tag == "footer":
        return not in_blockquote
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    role = (attrs.get("role") or "").strip().lower()
    if tag == "header" or role == "banner":
        if in_article and role != "banner":
            return False
        return not sizes.has_h1(node)
    if role in _NOT_CONTENT_ROLES:
        return True
    classes = (attrs.get("class") or "").split()
    if any(c.lower() in _HIDDEN_CLASSES for c in classes):
        return True
    if tag == "form" and (role == "search" or sizes.text(node) < _SHORT_FORM):
        return True
    names = " ".join([*classes, attrs.get("id") or ""]).lower()
    if names and any(word in _FURNITURE_WORDS for word in _WORD_SPLIT.split(names)):
        if sizes.has_h1(node):
            return False
        return sizes.text(node) * 2 <= sizes.text(sizes.root)
    return False


# --- paragraphs -------------------------------------------------------------------------


class _Paragraphs:
    """Collects a paragraph's lines as the walk goes, and the finished paragraphs."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.lines: list[list[str]] = [[]]
        self.link_chars = 0
        self.chars = 0

    def add(self, text: str, *, link: bool) -> None:
        self.lines[-1].append(text)
        size = len(text.strip(_ASCII_WS_CHARS))
        self.chars += size
        if link:
            self.link_chars += size

    def line_break(self) -> None:
        self.lines.append([])

    def flush(self, *, keep_links: bool = False) -> None:
        lines = [_clean("".join(parts)) for parts in self.lines]
        mostly_links = self.chars > 0 and self.link_chars >= _LINK_SHARE * self.chars
        self.lines = [[]]
        self.link_chars = self.chars = 0
        if mostly_links and not keep_links:
            return
        block: list[str] = []
        for line in [*lines, ""]:
            if line:
                block.append(line)
            elif block:  # a blank line (<br><br>) ends a paragraph
                self.done.append("\n".join(block))
                block = []


def _paragraphs(root: LexborNode) -> list[str]:
    """Walk ``root`` in document order without recursion (pages nest deeply), skipping
    furniture, and cut its text into paragraphs at block boundaries and blank lines."""
    out = _Paragraphs()
    sizes = _Sizes(root)
    root_id = root.mem_id
    # Each entry: a node to enter, or (None, tag) to leave an element.
    stack: list[tuple[LexborNode | None, str]] = [(root, "")]
    article = blockquote = pre = link = 0
    while stack:
        node, leaving = stack.pop()
        if node is None:
            if leaving in _BLOCKS:
                out.flush(keep_links=leaving == "h1")
            if leaving == "article":
                article -= 1
            elif leaving == "blockquote":
                blockquote -= 1
            elif leaving == "pre":
                pre -= 1
            elif leaving == "a":
                link -= 1
            continue
        tag = node.tag or ""
        if tag == "-text":
            text = node.text_content or ""
            if pre:
                first, *rest = text.split("\n")
                out.add(first, link=link > 0)
                for line in rest:
                    out.line_break()
                    out.add(line, link=link > 0)
            else:
                out.add(text, link=link > 0)
            continue
        if tag.startswith("-") or tag.startswith("!"):  # comments, doctype
            continue
        if node.mem_id != root_id and _skip(
            node, in_article=article > 0, in_blockquote=blockquote > 0, sizes=sizes
        ):
            continue
        if tag == "br":
            out.line_break()
            continue
        if tag in _BLOCKS:
            out.flush()
        if tag == "article":
            article += 1
        elif tag == "blockquote":
            blockquote += 1
        elif tag == "pre":
            pre += 1
        elif tag == "a":
            link += 1
        stack.append((None, tag))
        children: list[LexborNode] = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, "") for c in reversed(children))
    out.flush()
    return out.done
