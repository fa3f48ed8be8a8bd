"""Leak and keep rates of the de-identifier on the synthetic corpus (tests/corpus/deid_corpus.jsonl).

- leak rate: planted identifiers with any secret part (a name's word, a number's digit group) still in
  the output, over all planted identifiers;
- keep rate: clinical terms that look like identifiers ("Bell's palsy", "7/10", "BP 128/82") still
  verbatim in the output, over all such terms;
- word keep rate: words outside planted identifiers still present (how much ordinary text survives);
- check block rate: planted identifiers that the outbound check flags (a finding over the planted span)
  when the text is put in a request unchanged.

Run ``python tests/corpus/evaluate.py`` for the table (docs/privacy.md quotes it).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).with_name("deid_corpus.jsonl")


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _present(secret: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(secret)}(?![\w])", text, re.IGNORECASE) is not None


def evaluate(records: list[dict[str, Any]], *, use_private_terms: bool) -> dict[str, Any]:
    from healthviz_desktop.core.prompting.deidentify import deidentify
    from healthviz_desktop.core.prompting.outbound_check import check_request

    planted = leaked = keep_total = kept = words_total = words_kept = blocked = 0
    by_cat: Counter[str] = Counter()
    leaks_by_cat: Counter[str] = Counter()
    leak_examples: list[str] = []
    lost_keeps: list[str] = []
    for rec in records:
        terms = rec["private_terms"] if use_private_terms else []
        out = deidentify(rec["text"], terms).text
        request = {"model": "sora-2", "prompt": rec["text"], "seconds": "8", "size": "1280x720"}
        findings = check_request(request, terms).findings
        for p in rec["planted"]:
            planted += 1
            by_cat[p["category"]] += 1
            if any(_present(s, out) for s in p["secrets"]):
                leaked += 1
                leaks_by_cat[p["category"]] += 1
                leak_examples.append(f"{rec['id']} {p['category']}: {p['text']!r}")
            if any(f.field == "prompt" and f.start < p["end"] and p["start"] < f.end for f in findings):
                blocked += 1
        for k in rec["keep"]:
            keep_total += 1
            if k in out:
                kept += 1
            else:
                lost_keeps.append(f"{rec['id']}: {k!r} -> {out!r}")
        spans = [(p["start"], p["end"]) for p in rec["planted"]]
        out_words = Counter(re.findall(r"\w+", out))
        for m in re.finditer(r"\w+", rec["text"]):
            if not any(s <= m.start() < e for s, e in spans):
                words_total += 1
                if out_words[m.group()] > 0:
                    out_words[m.group()] -= 1
                    words_kept += 1
    return {
        "records": len(records), "planted": planted, "leaked": leaked, "leak_rate": leaked / planted,
        "keep_total": keep_total, "kept": kept, "keep_rate": kept / keep_total,
        "word_keep_rate": words_kept / words_total, "check_block_rate": blocked / planted,
        "by_category": {c: (by_cat[c], leaks_by_cat[c]) for c in sorted(by_cat)},
        "leak_examples": leak_examples, "lost_keeps": lost_keeps,
    }


def table(records: list[dict[str, Any]]) -> str:
    without = evaluate(records, use_private_terms=False)
    with_terms = evaluate(records, use_private_terms=True)
    lines = [f"Corpus: {without['records']} synthetic notes, {without['planted']} planted identifiers, "
             f"{without['keep_total']} clinical look-alikes.", "",
             "| | leak rate | keep rate (clinical) | word keep rate | check flags planted |",
             "|---|---|---|---|---|"]
    for label, r in (("without private terms", without), ("with private terms", with_terms)):
        lines.append(f"| {label} | {r['leak_rate']:.2%} ({r['leaked']}/{r['planted']}) | "
                     f"{r['keep_rate']:.2%} ({r['kept']}/{r['keep_total']}) | {r['word_keep_rate']:.2%} | "
                     f"{r['check_block_rate']:.2%} |")
    lines += ["", "| category | planted | leaked (no terms) | leaked (with terms) |", "|---|---|---|---|"]
    for cat, (n, leaks) in without["by_category"].items():
        lines.append(f"| {cat} | {n} | {leaks} | {with_terms['by_category'][cat][1]} |")
    return "\n".join(lines)


def main() -> None:
    records = load()
    print(table(records))
    if "-v" in sys.argv:
        for label, terms in (("no terms", False), ("terms", True)):
            r = evaluate(records, use_private_terms=terms)
            print(f"\n{label} leaks:", *r["leak_examples"], sep="\n  ")
            print(f"{label} lost keeps:", *r["lost_keeps"], sep="\n  ")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main()
