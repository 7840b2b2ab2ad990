#!/usr/bin/env python3
"""Score `poc extract`'s core on the held-out reports in benchmarks/heldout/.

The held-out set (15 reports written for this purpose, never seen while the extractor
was tuned; annotations in benchmarks/heldout/gold.json, the format of
shared/reports/docs.json, built by benchmarks/heldout/build_gold.py) is read the way
`poc extract` reads a file (read_report: text, Markdown, HTML), extracted with
extract_text, and scored with the matching rules of scripts/measure_extract.py
(imported, not copied): quote recall and precision (exact text), attribution accuracy
of the quotes found, speaker recall and precision, altered quotes (must be 0).

Speaker precision is printed twice: strict, and with the "neutral" people of each
document set aside (people who only moderated, chaired or gave closing remarks with
no content: the set's README leaves them out, issue 11 wants them as speakers with no
statement, so the extractor is not penalised either way).

Usage: python scripts/measure_heldout.py [--set DIR] [--gold FILE] [--verbose]
(--set benchmarks/heldout2 scores the second held-out set)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from measure_extract import TARGETS, _norm, _ratio, rates, score_document  # noqa: E402

from poc_cli.extract import extract_text, split_paragraphs  # noqa: E402
from poc_cli.extract.read import read_report  # noqa: E402

HELDOUT = REPO / "benchmarks" / "heldout"


def _neutral(doc: dict) -> set[str]:
    for note in doc["notes"]:
        if note.startswith("neutral: ") and note != "neutral: none":
            return {_norm(n) for n in note[len("neutral: "):].split("; ")}
    return set()


def measure(gold_path: Path, verbose: bool, folder: Path = HELDOUT) -> dict[str, float]:
    docs = json.loads(gold_path.read_text(encoding="utf-8"))
    header = (
        f"{'doc':<4} {'kind':<8} {'gold q':>6} {'ext q':>5} {'found':>5} {'q rec':>5} "
        f"{'q prec':>6} {'attr':>5} {'gold s':>6} {'ext s':>5} {'s rec':>5} {'s prec':>6} "
        f"{'s prec*':>7} {'altered':>7} {'left out':>8}"
    )
    print(f"== Held-out reports ({gold_path.parent})")
    print(header)
    print("-" * len(header))
    keys = ("gold_q", "ext_q", "tp", "attr", "gold_s", "ext_s", "ext_s_n", "s_tp", "altered",
            "left", "none_q")
    tot = dict.fromkeys(keys, 0)
    by_kind_gold: Counter[str] = Counter()
    by_kind_found: Counter[str] = Counter()
    by_kind_right: Counter[str] = Counter()
    for doc in docs:
        url = doc["url"].removeprefix("file:").rsplit("/", 1)[-1]
        report = read_report(folder / url)
        result = extract_text(report.text, name=doc["id"], title=report.title, file=url)
        paragraphs = split_paragraphs(report.text)
        sc = score_document(doc, result, paragraphs)
        gold_q, none_q, ext_q, speakers = sc.gold_q, sc.none_q, sc.ext_q, sc.speakers
        smatch, back, tp, attr, altered, left = (
            sc.smatch, sc.back, sc.tp, sc.attr, sc.altered, sc.left
        )
        neutral = _neutral(doc)
        names = {m["id"]: m["name"] for m in speakers}
        for q, hit in zip(gold_q, sc.hits, strict=True):
            by_kind_gold[q["attribution"]] += 1
            if hit is None:
                if verbose:
                    print(f"   {doc['id']} missed quote [{q['attribution']}]: {q['text'][:70]!r}")
                continue
            by_kind_found[q["attribution"]] += 1
            if back.get(ext_q[hit]["speaker"]) == q["speaker"]:
                by_kind_right[q["attribution"]] += 1
            elif verbose:
                g = doc["speakers"][q["speaker"]]
                print(
                    f"   {doc['id']} wrong speaker [{q['attribution']}] "
                    f"{names.get(ext_q[hit]['speaker'])!r} not {g['name'] or g['role_org']!r}: "
                    f"{q['text'][:50]!r}"
                )
        if verbose:
            for i, st in enumerate(ext_q):
                if i not in sc.used:
                    print(f"   {doc['id']} extra quote ({names.get(st['speaker'])}): {st['text'][:70]!r}")
        s_tp = len(smatch)
        extra = [m for m in speakers if m["id"] not in back]
        extra_n = [m for m in extra if _norm(m["name"]) not in neutral]
        if verbose:
            for gi, g in enumerate(doc["speakers"]):
                if gi not in smatch:
                    print(f"   {doc['id']} missed speaker: {g['name'] or g['role_org']}")
            for m in extra:
                tag = " (neutral)" if m not in extra_n else ""
                print(f"   {doc['id']} extra speaker{tag}: {m['name']} ({(m.get('role') or '')[:40]})")
        ext_s_n = s_tp + len(extra_n)
        print(
            f"{doc['id']:<4} {doc['source_kind']:<8} {len(gold_q):>6} {len(ext_q):>5} {tp:>5} "
            f"{_ratio(tp, len(gold_q)):>5} {_ratio(tp, len(ext_q)):>6} {_ratio(attr, tp):>5} "
            f"{len(doc['speakers']):>6} {len(speakers):>5} "
            f"{_ratio(s_tp, len(doc['speakers'])):>5} {_ratio(s_tp, len(speakers)):>6} "
            f"{_ratio(s_tp, ext_s_n):>7} {altered:>7} {f'{left}/{len(none_q)}':>8}"
        )
        for key, value in (
            ("gold_q", len(gold_q)), ("ext_q", len(ext_q)), ("tp", tp), ("attr", attr),
            ("gold_s", len(doc["speakers"])), ("ext_s", len(speakers)), ("ext_s_n", ext_s_n),
            ("s_tp", s_tp), ("altered", altered), ("left", left), ("none_q", len(none_q)),
        ):
            tot[key] += value
    print("-" * len(header))
    print(
        f"{'all':<4} {'':<8} {tot['gold_q']:>6} {tot['ext_q']:>5} {tot['tp']:>5} "
        f"{_ratio(tot['tp'], tot['gold_q']):>5} {_ratio(tot['tp'], tot['ext_q']):>6} "
        f"{_ratio(tot['attr'], tot['tp']):>5} {tot['gold_s']:>6} {tot['ext_s']:>5} "
        f"{_ratio(tot['s_tp'], tot['gold_s']):>5} {_ratio(tot['s_tp'], tot['ext_s']):>6} "
        f"{_ratio(tot['s_tp'], tot['ext_s_n']):>7} {tot['altered']:>7} "
        f"{str(tot['left']) + '/' + str(tot['none_q']):>8}"
    )
    print()
    print("By gold attribution kind: quotes found / gold, right speaker / found")
    for kind in ("name", "pronoun", "role", "context"):
        g, f, r = by_kind_gold[kind], by_kind_found[kind], by_kind_right[kind]
        print(f"  {kind:<8} found {f:>3}/{g:<3} ({_ratio(f, g)})  right {r:>3}/{f:<3} ({_ratio(r, f)})")
    scores = rates(tot)
    print()
    print("s prec*: speaker precision with moderator/chair/closing-remarks-only people set aside.")
    for key, target in TARGETS.items():
        mark = "met" if scores[key] >= target else "NOT met"
        print(f"  {key:<18} {scores[key]:.3f}  (target ≥ {target:.2f}: {mark})")
    sp_n = tot["s_tp"] / tot["ext_s_n"] if tot["ext_s_n"] else 0.0
    print(f"  {'speaker prec*':<18} {sp_n:.3f}")
    f1 = 2 * scores["quote recall"] * scores["quote precision"] / (
        scores["quote recall"] + scores["quote precision"] or 1)
    print(f"  {'quote F1':<18} {f1:.3f}")
    mark = "met" if tot["altered"] == 0 else "NOT met"
    print(f"  {'altered quotes':<18} {tot['altered']:>5}  (target 0: {mark})")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set", type=Path, default=None, dest="folder",
        help="folder of reports with its gold.json (default benchmarks/heldout)",
    )
    parser.add_argument("--gold", type=Path, default=None, help="default: SET/gold.json")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    folder = args.folder or (args.gold.parent if args.gold else HELDOUT)
    gold = args.gold or folder / "gold.json"
    if not gold.is_file():
        print(f"gold file not found: {gold}", file=sys.stderr)
        return 1
    measure(gold, args.verbose, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
