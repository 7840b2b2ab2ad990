"""Time poc extract's readers and what they import; print one small table per question.

    python benchmarks/readers.py                 # 7 runs of each
    python benchmarks/readers.py --runs 15 --compare

1. Import cost of each reader library, in a fresh interpreter each time, less the bare
   interpreter's start (median of the runs).  Libraries that are not installed are listed
   as such: pip install trafilatura readability-lxml pypdf pdfminer.six to compare them.
2. Installed size of each, with its dependencies (from the files pip recorded).
3. Reading the seed report, as the bundled dataset records it, in each format: text,
   Markdown, an HTML page with menus and footers around it, and a PDF made by reportlab
   (a test dependency): in-process (median, the library already imported) and as a whole
   process (``python -c 'read_report(path)'``: start-up, import and reading).
4. ``--compare``: the HTML candidates on the three pages of ``tests/extract/fixtures/``,
   counting the expected paragraphs each gives exactly, with a character altered, or not at
   all, and the paragraphs it gives that are not expected; and the PDF libraries' raw text
   of the seed PDF (time, and how many of its non-ASCII characters each lost).

A benchmark, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib.metadata as metadata
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "extract" / "fixtures"

IMPORTS = {
    "selectolax (lexbor)": ("selectolax", "from selectolax.lexbor import LexborHTMLParser"),
    "pypdfium2": ("pypdfium2", "import pypdfium2"),
    "trafilatura": ("trafilatura", "import trafilatura"),
    "trafilatura + 1st extract": (
        "trafilatura",
        "import trafilatura; trafilatura.extract('<html><body><p>x y z</p></body></html>')",
    ),
    "readability-lxml": ("readability-lxml", "import readability"),
    "lxml.html": ("lxml", "import lxml.html"),
    "pypdf": ("pypdf", "import pypdf"),
    "pdfminer.six": ("pdfminer.six", "import pdfminer.high_level"),
    "html.parser (stdlib)": ("", "import html.parser"),
    "poc_cli.extract.read": ("poc-cli", "import poc_cli.extract.read"),
}


def fresh(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def installed(dist: str) -> bool:
    if not dist:
        return True
    try:
        metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return False
    return True


def install_size(dist: str) -> tuple[float, list[str]]:
    """Megabytes on disk of ``dist`` and every distribution it requires, and their names."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}

    def walk(name: str) -> None:
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            return
        try:
            found = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return
        seen[key] = found
        for requirement in found.requires or []:
            req = Requirement(requirement)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                walk(req.name)

    walk(dist)
    total = 0
    for found in seen.values():
        for file in found.files or []:
            with contextlib.suppress(OSError):
                total += os.path.getsize(str(file.locate()))
    return total / 1e6, sorted(seen)


def seed_paragraphs() -> list[str]:
    raw = json.loads((REPO / "data" / "seminar.json").read_text(encoding="utf-8"))
    return list(raw["source"]["paragraphs"])


def seed_html(paragraphs: list[str]) -> str:
    body = "\n".join(
        f"<p>{'<br>'.join(html.escape(line, quote=False) for line in p.split(chr(10)))}</p>"
        for p in paragraphs
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Seed | Institute</title>"
        "<script>var x=1;</script></head><body><header><nav><a href='/'>Home</a></nav>"
        f"</header><main><article><h1>Seed</h1>{body}</article><aside>Recent</aside></main>"
        "<footer>© Institute</footer></body></html>"
    )


def seed_files(folder: Path) -> dict[str, Path]:
    paragraphs = seed_paragraphs()
    text = "\n\n".join(paragraphs)
    files = {
        "text": folder / "seed.txt",
        "markdown": folder / "seed.md",
        "html": folder / "seed.html",
    }
    files["text"].write_text(text, encoding="utf-8")
    files["markdown"].write_text(text, encoding="utf-8")
    files["html"].write_text(seed_html(paragraphs), encoding="utf-8")
    try:
        sys.path.insert(0, str(REPO / "tests" / "extract"))
        from pdf_maker import make_pdf
    except ImportError:
        print("(reportlab is not installed: no PDF row; pip install -e '.[test]')")
    else:
        files["pdf"] = folder / "seed.pdf"
        files["pdf"].write_bytes(make_pdf(paragraphs, title="Seed"))
    return files


def time_reading(files: dict[str, Path], runs: int) -> None:
    from poc_cli.extract.read import read_report

    base = fresh("pass", runs)
    print(
        f"\nReading the seed report ({runs} runs, median; interpreter start {base * 1000:.0f} ms)"
    )
    print(f"{'format':10} {'bytes':>8} {'in-process':>11} {'whole process':>14}  paragraphs")
    for kind, path in files.items():
        read_report(path)  # imports the library, warms the caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            got = read_report(path)
            times.append(time.perf_counter() - start)
        code = f"from pathlib import Path; from poc_cli.extract.read import read_report; read_report(Path({str(path)!r}))"
        whole = fresh(code, runs)
        print(
            f"{kind:10} {path.stat().st_size:8,} {statistics.median(times) * 1000:8.2f} ms "
            f"{whole * 1000:11.0f} ms  {len(got.text.split(chr(10) * 2)):>10}"
        )


def time_imports(runs: int) -> None:
    base = fresh("pass", runs)
    print(
        f"Import cost ({runs} fresh interpreters, median, less the bare start of {base * 1000:.0f} ms)"
    )
    print(f"{'library':27} {'import':>9} {'installed, with dependencies':>30}")
    for label, (dist, code) in IMPORTS.items():
        if not installed(dist):
            print(f"{label:27} {'-':>9}   not installed")
            continue
        cost = (fresh(code, runs) - base) * 1000
        size = ""
        if dist and dist != "poc-cli":
            megabytes, names = install_size(dist)
            size = f"{megabytes:6.1f} MB, {len(names)} distribution{'s' if len(names) > 1 else ''}"
        print(f"{label:27} {cost:6.0f} ms   {size}")


# --- --compare ---------------------------------------------------------------------------


def _poc(page: str) -> list[str]:
    from poc_cli.extract.read import read_report_bytes

    return read_report_bytes(page.encode(), name="page.html").text.split("\n\n")


def _trafilatura(page: str) -> list[str]:
    import trafilatura

    out = trafilatura.extract(page, output_format="txt", include_comments=False) or ""
    return [line for line in out.split("\n") if line.strip()]


def _readability(page: str) -> list[str]:
    import lxml.html
    from readability import Document

    tree = lxml.html.fromstring(Document(page).summary())
    found = []
    for element in tree.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        text = re.sub(r"[ \t\n\r\f]+", " ", element.text_content()).strip(" ")
        if text:
            found.append(text)
    return found


def compare() -> None:
    candidates: dict[str, tuple[str, Callable[[str], list[str]]]] = {
        "poc (selectolax + rules)": ("selectolax", _poc),
        "trafilatura": ("trafilatura", _trafilatura),
        "readability-lxml": ("readability-lxml", _readability),
    }

    def loose(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).split())

    pages = sorted(FIXTURES.glob("*.html"))
    print(f"\nHTML candidates on {len(pages)} pages of tests/extract/fixtures/")
    print(
        f"{'candidate':26} {'expected':>8} {'exact':>6} {'altered':>8} {'missing':>8} {'extra':>6}"
    )
    for label, (dist, extract) in candidates.items():
        if not installed(dist):
            print(f"{label:26}   not installed")
            continue
        counts = [0, 0, 0, 0, 0]
        for page in pages:
            expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8").split("\n\n")
            got = extract(page.read_text(encoding="utf-8"))
            rest_expected = [e for e in expected if e not in got]
            rest_got = [g for g in got if g not in expected]
            altered = [g for g in rest_got if any(loose(g) == loose(e) for e in rest_expected)]
            missing = [e for e in rest_expected if not any(loose(g) == loose(e) for g in rest_got)]
            counts[0] += len(expected)
            counts[1] += len(expected) - len(rest_expected)
            counts[2] += len(altered)
            counts[3] += len(missing)
            counts[4] += len(rest_got) - len(altered)
        print(f"{label:26} {counts[0]:8} {counts[1]:6} {counts[2]:8} {counts[3]:8} {counts[4]:6}")


def compare_pdf(runs: int) -> None:
    """Raw text extraction (no paragraph rules) by each PDF library, on the seed PDF set in a
    base-14 font and in an embedded TrueType font: time, and the seed's characters lost."""
    try:
        sys.path.insert(0, str(REPO / "tests" / "extract"))
        from pdf_maker import make_pdf
    except ImportError:
        return
    paragraphs = seed_paragraphs()
    wanted = {c for p in paragraphs for c in p if not c.isascii() and c != "\u00a0"}

    def pdfium(data: bytes) -> str:
        import pypdfium2

        doc = pypdfium2.PdfDocument(data)
        return "\n".join(page.get_textpage().get_text_range() for page in doc)

    def pypdf(data: bytes) -> str:
        import io

        import pypdf

        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)

    def pdfminer(data: bytes) -> str:
        import io

        from pdfminer.high_level import extract_text

        return str(extract_text(io.BytesIO(data)))

    libraries = {"pypdfium2": pdfium, "pypdf": pypdf, "pdfminer.six": pdfminer}
    print("\nPDF libraries, raw text of the seed PDF (median time; seed characters lost)")
    for font in ("Helvetica", "Vera"):
        data = make_pdf(paragraphs, font=font)
        for label, extract in libraries.items():
            if not installed(label):
                print(f"{font:10} {label:13} not installed")
                continue
            extract(data)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                text = extract(data)
                times.append(time.perf_counter() - start)
            lost = sum(sum(p.count(c) for p in paragraphs) - text.count(c) for c in sorted(wanted))
            print(
                f"{font:10} {label:13} {statistics.median(times) * 1000:7.1f} ms   "
                f"{max(lost, 0)} non-ASCII characters lost"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--compare", action="store_true", help="the HTML candidates' correctness")
    args = parser.parse_args()
    time_imports(args.runs)
    with tempfile.TemporaryDirectory() as folder:
        time_reading(seed_files(Path(folder)), args.runs)
    if args.compare:
        compare()
        compare_pdf(args.runs)


if __name__ == "__main__":
    main()
