#!/usr/bin/env python3
"""Measure `poc extract`'s core against hand-made answers and print the table.

1. The seed report, extracted and compared with the curated data/seminar.json: people
   found, with the right role and sessions; every curated quote found verbatim under the
   right speaker and session; the curated paraphrases found (an extracted paraphrase of
   the same speaker that holds the curated text, or is held by it).
2. The annotated reports in ../shared/reports (``--reports DIR``): per document and in
   total, quote recall and precision (exact text), attribution accuracy of the quotes
   found, speaker recall and precision (matched by name, aliases or, for people known
   only by role, that role), and altered quotes (an extracted quote that is not in its
   source between quotation marks: must be zero).

Usage: python scripts/measure_extract.py [--reports DIR] [--seed FILE] [--verbose]
Exit status: 0 when every part ran, 1 when a part's input is missing.
The reports' texts are their publishers': this script reads them, never copies them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from poc_cli.extract import check_fidelity, extract_text, split_paragraphs  # noqa: E402
from poc_cli.extract.fidelity import quoted_in  # noqa: E402
from poc_cli.extract.people import fold  # noqa: E402

TARGETS = {
    "quote recall": 0.95,
    "quote precision": 0.95,
    "attribution": 0.95,
    "speaker recall": 0.95,
    "speaker precision": 0.90,
}


def _norm(text: str | None) -> str:
    if not text:
        return ""
    return re.sub(r"^(?:the|a|an)\s+", "", fold(text).strip())


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


# ------------------------------------------------------------------ part 1: the seed


def measure_seed(seed: Path, curated_path: Path, verbose: bool) -> bool:
    print("== 1. The seed report against data/seminar.json")
    if not seed.is_file():
        print(f"seed report not found: {seed}; part 1 skipped", file=sys.stderr)
        return False
    curated = json.loads(curated_path.read_text(encoding="utf-8"))
    text = seed.read_text(encoding="utf-8")
    paragraphs = split_paragraphs(text)
    result = extract_text(text, name=seed.stem, file=seed.name)
    draft = result.dataset
    same_paragraphs = paragraphs == curated["source"]["paragraphs"]
    mine = {s["id"]: s for s in draft["speakers"]}
    theirs = {s["id"]: s for s in curated["speakers"]}

    def forms(s: dict[str, Any]) -> set[str]:
        return {_norm(s["name"])} | {_norm(a) for a in s.get("aliases", [])}

    match: dict[str, str] = {}  # curated id -> extracted id
    for cid, c in theirs.items():
        for mid, m in mine.items():
            if mid in match.values():
                continue
            if _norm(m["name"]) == _norm(c["name"]) or _norm(m["name"]) in forms(c):
                match[cid] = mid
                break
    role_ok = [cid for cid, mid in match.items() if mine[mid]["role"] == theirs[cid]["role"]]
    session_ok = [
        cid
        for cid, mid in match.items()
        if {p["session"] for p in mine[mid]["parts"]}
        == {p["session"] for p in theirs[cid]["parts"]}
    ]
    back = {mid: cid for cid, mid in match.items()}
    quotes = [s for s in curated["statements"] if s["kind"] == "quote"]
    found = right = 0
    for q in quotes:
        hits = [s for s in draft["statements"] if s["kind"] == "quote" and s["text"] == q["text"]]
        if hits:
            found += 1
        if any(
            back.get(s["speaker"]) == q["speaker"] and s["session"] == q["session"] for s in hits
        ):
            right += 1
        elif verbose:
            print(f"   quote not under its speaker/session: {q['id']} {q['text'][:60]!r}")
    paras = [s for s in curated["statements"] if s["kind"] == "paraphrase"]
    para_found = 0
    for p in paras:
        first = p["text"].split("\n")[0]
        ok = False
        for s in draft["statements"]:
            if s["kind"] != "paraphrase" or back.get(s["speaker"]) != p["speaker"]:
                continue
            if first in s["text"] or (s["text"] in first and len(s["text"]) >= len(first) / 2):
                ok = True
                break
        para_found += ok
        if not ok and verbose:
            print(f"   paraphrase not found: {p['id']} {first[:70]!r}")
    extracted_quotes = [s for s in draft["statements"] if s["kind"] == "quote"]
    curated_texts = {q["text"] for q in quotes}
    inside = 0
    for s in extracted_quotes:
        if s["text"] in curated_texts:
            continue
        if any(
            p["kind"] == "paraphrase"
            and back.get(s["speaker"]) == p["speaker"]
            and s["text"] in p["text"]
            for p in curated["statements"]
        ):
            inside += 1
    other = (
        len(extracted_quotes)
        - sum(1 for s in extracted_quotes if s["text"] in curated_texts)
        - inside
    )
    fidelity_mine = check_fidelity(draft, paragraphs)
    fidelity_curated = check_fidelity(curated, paragraphs)
    rows = [
        ("paragraphs equal to source.paragraphs", "yes" if same_paragraphs else "NO"),
        ("people found", f"{len(match)}/{len(theirs)}"),
        ("  with the right role (exact)", f"{len(role_ok)}/{len(theirs)}"),
        ("  with the right sessions", f"{len(session_ok)}/{len(theirs)}"),
        ("extra people", f"{len(mine) - len(match)}"),
        ("curated quotes found verbatim", f"{found}/{len(quotes)}"),
        ("  under the right speaker and session", f"{right}/{len(quotes)}"),
        ("curated paraphrases found", f"{para_found}/{len(paras)}"),
        (
            "extracted quotes: curated / inside a curated paraphrase / other",
            f"{len(extracted_quotes) - inside - other} / {inside} / {other}",
        ),
        (
            "extracted statements / to review",
            f"{result.summary.statements} / {result.summary.review}",
        ),
        ("fidelity problems: draft / curated", f"{len(fidelity_mine)} / {len(fidelity_curated)}"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    if verbose:
        for cid in theirs:
            if cid not in match:
                print(f"   person not found: {theirs[cid]['name']}")
            elif cid not in role_ok:
                print(f"   role differs for {theirs[cid]['name']}: {mine[match[cid]]['role']!r}")
    print()
    return True


# ------------------------------------------------------------------ part 2: the reports


def _speaker_forms(s: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(primary forms, alias forms) of a gold speaker."""
    primary = set()
    if s.get("name"):
        primary.add(_norm(s["name"]))
        if s.get("honorific"):
            primary.add(_norm(f"{s['honorific']} {s['name']}"))
    elif s.get("role_org"):
        primary.add(_norm(s["role_org"]))
    aliases = {_norm(a) for a in s.get("aliases") or []}
    return primary, aliases


def _mine_forms(s: dict[str, Any]) -> tuple[set[str], set[str]]:
    primary = {_norm(s["name"])}
    if s.get("role") and any("Known only by role" in n for n in s.get("notes", [])):
        primary.add(_norm(s["role"]))
    return primary, {_norm(a) for a in s.get("aliases", [])}


def _match_speakers(gold: list[dict[str, Any]], mine: list[dict[str, Any]]) -> dict[int, str]:
    """gold index -> extracted speaker id, one to one: names first, then aliases."""
    out: dict[int, str] = {}
    for strict in (True, False):
        for gi, g in enumerate(gold):
            if gi in out:
                continue
            gp, ga = _speaker_forms(g)
            for m in mine:
                if m["id"] in out.values():
                    continue
                mp, ma = _mine_forms(m)
                if strict and gp & mp:
                    out[gi] = m["id"]
                    break
                if not strict and ((gp | ga) & (mp | ma)):
                    out[gi] = m["id"]
                    break
    return out


class DocScore(NamedTuple):
    """How one extracted draft compares with its document's gold annotation: the one
    scoring rule of both measurement scripts (this one and measure_heldout.py)."""

    gold_q: list[dict[str, Any]]  # gold quotes with a speaker
    none_q: list[dict[str, Any]]  # gold quotes the annotation gives to nobody
    ext_q: list[dict[str, Any]]  # extracted quotes
    speakers: list[dict[str, Any]]  # extracted speakers
    smatch: dict[int, str]  # gold speaker index -> extracted speaker id
    back: dict[str, int]  # extracted speaker id -> gold speaker index
    hits: list[int | None]  # for each gold quote, the extracted quote it matched
    used: set[int]  # extracted quotes matched by a gold quote
    tp: int  # gold quotes found verbatim
    attr: int  # of those, under the right speaker
    altered: int  # extracted quotes not verbatim between quotation marks in the source
    left: int  # nobody's quotes the extractor left out and listed


def score_document(doc: dict[str, Any], result: Any, paragraphs: list[str]) -> DocScore:
    """Score one extraction (``result`` of ``extract_text``) against ``doc``'s gold."""
    draft = result.dataset
    speakers = draft["speakers"]
    smatch = _match_speakers(doc["speakers"], speakers)
    back = {mid: gi for gi, mid in smatch.items()}
    gold_q = [q for q in doc["quotes"] if q["speaker"] is not None]
    none_q = [q for q in doc["quotes"] if q["speaker"] is None]
    ext_q = [st for st in draft["statements"] if st["kind"] == "quote"]
    used: set[int] = set()
    hits: list[int | None] = []
    tp = attr = 0
    for q in gold_q:
        hit = next(
            (i for i, st in enumerate(ext_q) if i not in used and st["text"] == q["text"]), None
        )
        hits.append(hit)
        if hit is None:
            continue
        used.add(hit)
        tp += 1
        if back.get(ext_q[hit]["speaker"]) == q["speaker"]:
            attr += 1
    altered = sum(1 for st in ext_q if not any(quoted_in(p, st["text"]) for p in paragraphs))
    problems = check_fidelity(draft, paragraphs)
    altered = max(altered, len([p for p in problems if p.path.endswith(".text")]))
    left = sum(1 for q in none_q if any(u.text == q["text"] for u in result.summary.unattributed))
    return DocScore(
        gold_q, none_q, ext_q, speakers, smatch, back, hits, used, tp, attr, altered, left
    )


def rates(tot: dict[str, int]) -> dict[str, float]:
    """The five scored rates from summed counts."""

    def ratio(a: str, b: str) -> float:
        return tot[a] / tot[b] if tot[b] else 0.0

    return {
        "quote recall": ratio("tp", "gold_q"),
        "quote precision": ratio("tp", "ext_q"),
        "attribution": ratio("attr", "tp"),
        "speaker recall": ratio("s_tp", "gold_s"),
        "speaker precision": ratio("s_tp", "ext_s"),
    }


def measure_reports(folder: Path, verbose: bool) -> tuple[bool, dict[str, float]]:
    print(f"== 2. Annotated reports ({folder})")
    docs_path = folder / "docs.json"
    if not docs_path.is_file():
        print(
            f"reports folder not found or without docs.json: {folder}; part 2 skipped "
            "(pass --reports DIR)",
            file=sys.stderr,
        )
        return False, {}
    docs = json.loads(docs_path.read_text(encoding="utf-8"))
    header = (
        f"{'doc':<4} {'kind':<8} {'gold q':>6} {'ext q':>5} {'found':>5} {'q rec':>5} "
        f"{'q prec':>6} {'attr':>5} {'gold s':>6} {'ext s':>5} {'s rec':>5} {'s prec':>6} "
        f"{'altered':>7} {'left out':>8}"
    )
    print(header)
    print("-" * len(header))
    tot = dict.fromkeys(
        ("gold_q", "ext_q", "tp", "attr", "gold_s", "ext_s", "s_tp", "s_ptp", "altered", "left"), 0
    )
    for doc in docs:
        result = extract_text(doc["text"], name=doc["id"])
        paragraphs = split_paragraphs(doc["text"])
        sc = score_document(doc, result, paragraphs)
        gold_q, none_q, ext_q, speakers = sc.gold_q, sc.none_q, sc.ext_q, sc.speakers
        smatch, back, tp, attr, altered, left = (
            sc.smatch, sc.back, sc.tp, sc.attr, sc.altered, sc.left
        )
        if verbose:
            for q, hit in zip(gold_q, sc.hits, strict=True):
                if hit is None:
                    print(f"   {doc['id']} missed quote: {q['text'][:70]!r}")
                elif back.get(ext_q[hit]["speaker"]) != q["speaker"]:
                    print(
                        f"   {doc['id']} wrong speaker ({ext_q[hit]['speaker']}) for: "
                        f"{q['text'][:60]!r}"
                    )
            for i, st in enumerate(ext_q):
                if i not in sc.used:
                    print(f"   {doc['id']} extra quote ({st['speaker']}): {st['text'][:70]!r}")
        s_tp = len(smatch)
        if verbose:
            for gi, g in enumerate(doc["speakers"]):
                if gi not in smatch:
                    print(f"   {doc['id']} missed speaker: {g['name'] or g['role_org']}")
            for m in speakers:
                if m["id"] not in back:
                    print(f"   {doc['id']} extra speaker: {m['name']} ({m['role'][:40]})")
        print(
            f"{doc['id']:<4} {doc['source_kind']:<8} {len(gold_q):>6} {len(ext_q):>5} {tp:>5} "
            f"{_ratio(tp, len(gold_q)):>5} {_ratio(tp, len(ext_q)):>6} {_ratio(attr, tp):>5} "
            f"{len(doc['speakers']):>6} {len(speakers):>5} "
            f"{_ratio(s_tp, len(doc['speakers'])):>5} {_ratio(s_tp, len(speakers)):>6} "
            f"{altered:>7} {f'{left}/{len(none_q)}':>8}"
        )
        for key, value in (
            ("gold_q", len(gold_q)),
            ("ext_q", len(ext_q)),
            ("tp", tp),
            ("attr", attr),
            ("gold_s", len(doc["speakers"])),
            ("ext_s", len(speakers)),
            ("s_tp", s_tp),
            ("altered", altered),
            ("left", left),
        ):
            tot[key] += value
    print("-" * len(header))
    print(
        f"{'all':<4} {'':<8} {tot['gold_q']:>6} {tot['ext_q']:>5} {tot['tp']:>5} "
        f"{_ratio(tot['tp'], tot['gold_q']):>5} {_ratio(tot['tp'], tot['ext_q']):>6} "
        f"{_ratio(tot['attr'], tot['tp']):>5} {tot['gold_s']:>6} {tot['ext_s']:>5} "
        f"{_ratio(tot['s_tp'], tot['gold_s']):>5} {_ratio(tot['s_tp'], tot['ext_s']):>6} "
        f"{tot['altered']:>7}"
    )
    scores = rates(tot)
    print()
    print(
        "gold q: quotes with a speaker; left out: quotes the annotation gives to nobody "
        "(a group or a state) that the extractor left out and listed."
    )
    for key, target in TARGETS.items():
        mark = "met" if scores[key] >= target else "NOT met"
        print(f"  {key:<18} {scores[key]:.3f}  (target ≥ {target:.2f}: {mark})")
    mark = "met" if tot["altered"] == 0 else "NOT met"
    print(f"  {'altered quotes':<18} {tot['altered']:>5}  (target 0: {mark})")
    return True, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=Path, default=REPO.parent / "shared" / "reports")
    parser.add_argument(
        "--seed",
        type=Path,
        default=REPO.parent / "shared" / "seeds" / "000_3fc810082392c045.txt",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    ok_seed = measure_seed(args.seed, REPO / "data" / "seminar.json", args.verbose)
    ok_reports, _ = measure_reports(args.reports, args.verbose)
    return 0 if ok_seed and ok_reports else 1


if __name__ == "__main__":
    sys.exit(main())
