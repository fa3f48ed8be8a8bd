"""Score the prompt firewall on the held-out corpus (tests/corpus/heldout/*.jsonl): the only figures
docs/privacy.md may quote. The held-out entries were written by people who never saw the firewall's code or
rules; they are NOT to be tuned on (tests/corpus/heldout/README.md).

The rule (issue 15): an identifier is **leaked** if any of its secrets (a name token, a 4+ digit run of an
ID, the date) survives in the output, matched as a whole word in any case; **keep** is the share of ``keep``
items (clinical terms) still verbatim in the output; a **PHI-free entry is changed** if the output differs.

Three outputs are scored:
- ``healthviz deidentify`` (``deidentify``), without and with the entry's private terms;
- the allowlist layer, explainer: the text an explainer prompt carries after both layers (``explainer_text``);
- the allowlist layer, edited prompt: a composed moment prompt with the raw entry pasted in, checked as the
  Compose window checks an edit: an identifier is carried if a secret survives once every blocking finding is
  cut out (what would go out if the person deleted exactly what the check flags).

Prints aggregate figures only. ``--ids`` adds the ids of entries with a miss (a leak, a lost keep item, a changed
PHI-free entry); looking at one means moving it to the tuning corpus (``move_heldout.py``), never tuning on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent / "heldout"
STRUCTURED = ("phone", "fax", "email", "ssn", "mrn", "health_plan", "account", "licence", "url", "ip")


def load(paths: list[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                rec["_file"] = path.name
                out.append(rec)
    return out


# a placeholder the firewall wrote ("[NAME]", "[PLACE]") is not the secret "Name" of "Holy Name" surviving
_PLACEHOLDER = re.compile(r"\[[A-Z]+\]")


def present(secret: str, text: str) -> bool:
    text = _PLACEHOLDER.sub(" ", text)
    return re.search(rf"(?<![\w]){re.escape(secret)}(?![\w])", text, re.IGNORECASE) is not None


def _edited_base(terms: list[str]) -> Any:
    """The composed moment prompt (with the entry's private terms) that the raw entry is pasted into."""
    from datetime import datetime

    from healthviz_desktop.core.model import Entry, Observation
    from healthviz_desktop.core.prompting.composer import compose_moment

    entry = Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                  observations=[Observation("migraine", 7, ["throbbing"], "left_temple")])
    return compose_moment(entry, private_terms=terms)


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Overlapping (start, end) spans merged, each as a ``restrict`` mark: ``restrict`` drops a mark that overlaps an
    earlier one, which would leave the rest of a longer flag in the text."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end, "[X]") for start, end in merged]


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    from healthviz_desktop.core.prompting.allowlist import restrict
    from healthviz_desktop.core.prompting.composer import explainer_text
    from healthviz_desktop.core.prompting.deidentify import deidentify

    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    misses: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        text, terms = rec["text"], rec.get("private_terms") or []
        outs = {"none": deidentify(text).text, "terms": deidentify(text, terms).text,
                "explainer": explainer_text(text, terms)[0]}
        base = _edited_base(terms)
        pasted = base.prompt + "\n" + text
        edited = base.with_prompt(pasted)
        lo = len(base.prompt) + 1
        # what would go out if the person deleted exactly the flagged parts of what they pasted: every highlighted
        # character, so overlapping flags ("Al" inside the address "Al Quoz street 24") go as one
        sent = restrict(pasted, _union((max(f.start, lo), f.end) for f in edited.verdict.blocking
                                       if f.field == "prompt" and f.end > lo))[lo:]
        for ident in rec.get("identifiers", []):
            kind = ident["kind"]
            secrets = [s for s in ident.get("secrets", []) if s.strip()]
            kinds[kind]["n"] += 1
            totals["n"] += 1
            for key, out in outs.items():
                if any(present(s, out) for s in secrets):
                    kinds[kind][key] += 1
                    totals[key] += 1
                    misses[key].add(rec["id"])
                    misses[f"{key}:{kind}"].add(rec["id"])
            if any(present(s, sent) for s in secrets):
                kinds[kind]["edited"] += 1
                totals["edited"] += 1
                misses["edited"].add(rec["id"])
                misses[f"edited:{kind}"].add(rec["id"])
        for item in rec.get("keep", []):
            totals["keep_n"] += 1
            for key in ("none", "terms", "explainer"):
                if item in outs[key]:
                    totals[f"keep_{key}"] += 1
                else:
                    misses[f"keep_{key}"].add(rec["id"])
        if rec.get("phi_free"):
            totals["free_n"] += 1
            for key in ("none", "terms"):
                if outs[key] != text:
                    totals[f"free_{key}"] += 1
                    misses[f"free_{key}"].add(rec["id"])
            totals["free_sendable"] += edited.verdict.ok
    return {"records": len(records), "kinds": kinds, "totals": totals, "misses": misses}


def _rate(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "—"


def table(r: dict[str, Any]) -> str:
    t = r["totals"]
    lines = [f"Held-out corpus: {r['records']} entries, {t['n']} identifiers, {t['keep_n']} keep items, "
             f"{t['free_n']} PHI-free entries.", "",
             "| | leak | keep | PHI-free entries changed |", "|---|---|---|---|",
             f"| without private terms | {_rate(t['none'], t['n'])} | {_rate(t['keep_none'], t['keep_n'])} | "
             f"{_rate(t['free_none'], t['free_n'])} |",
             f"| with private terms | {_rate(t['terms'], t['n'])} | {_rate(t['keep_terms'], t['keep_n'])} | "
             f"{_rate(t['free_terms'], t['free_n'])} |",
             "", "Allowlist layer (with private terms): identifiers carried out",
             "", "| | carried | keep |", "|---|---|---|",
             f"| explainer text (de-identifier + allowlist) | {_rate(t['explainer'], t['n'])} | "
             f"{_rate(t['keep_explainer'], t['keep_n'])} |",
             f"| edited prompt with the raw entry pasted in (not blocked) | {_rate(t['edited'], t['n'])} | "
             f"PHI-free pastes sendable: {_rate(t['free_sendable'], t['free_n'])} |",
             "", "| kind | n | leak, no terms | leak, with terms | explainer | edited |", "|---|---|---|---|---|---|"]
    for kind in sorted(r["kinds"], key=lambda k: (-r["kinds"][k]["n"], k)):
        c = r["kinds"][kind]
        lines.append(f"| {kind} | {c['n']} | {c['none'] / c['n']:.3f} ({c['none']}) | "
                     f"{c['terms'] / c['n']:.3f} ({c['terms']}) | {c['explainer']} | {c['edited']} |")
    return "\n".join(lines)


def replacements() -> set[str]:
    """Ids of the entries that came in from a reserve, unseen, to replace a moved one (heldout_moved.jsonl; round
    one and two's moves are in tuning/round*_moved.jsonl, and their sets are tuning data now)."""
    moved = Path(__file__).with_name("heldout_moved.jsonl")
    if not moved.exists():
        return set()
    rows = [json.loads(line) for line in moved.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["replaced_by"] for r in rows} - {r["id"] for r in rows}


def untouched(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The writers' reserve entries of the sets scored (heldout/reserve/<set>_w*.jsonl for <set>.jsonl) that are
    neither in the held-out set nor moved out."""
    moved = Path(__file__).with_name("heldout_moved.jsonl")
    seen = {rec["id"] for rec in records}
    if moved.exists():
        seen |= {json.loads(line)["id"] for line in moved.read_text(encoding="utf-8").splitlines() if line.strip()}
    sets = {Path(rec["_file"]).stem for rec in records}
    reserves = [p for p in sorted((HERE / "reserve").glob("*.jsonl")) if p.stem.split("_w")[0] in sets]
    return [rec for rec in load(reserves) if rec["id"] not in seen]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="held-out JSONL files (default: tests/corpus/heldout/)")
    parser.add_argument("--ids", action="store_true",
                        help="also print the ids of entries with a miss (looking at one means moving it)")
    parser.add_argument("--untouched", action="store_true",
                        help="also score the reserve entries never drawn in (heldout/reserve/): never looked at")
    parser.add_argument("--replacements", action="store_true",
                        help="also score the entries that replaced moved ones on their own (an unbiased check)")
    args = parser.parse_args(argv)
    files = args.files or sorted(HERE.glob("*.jsonl"))
    records = load(files)
    r = score(records)
    print(table(r))
    if args.replacements:
        fresh = replacements()
        sub = [rec for rec in records if rec["id"] in fresh]
        print(f"\nOnly the {len(sub)} entries drawn unseen from the reserves to replace moved ones (moving misses out "
              "leaves the original entries biased towards ones the rules get right; these are not):\n")
        print(table(score(sub)))
    if args.untouched:
        rest = untouched(records)
        print(f"\nThe {len(rest)} reserve entries never drawn in (tests/corpus/heldout/reserve/): never looked at, "
              "never moved, the fairest estimate, though small:\n")
        print(table(score(rest)))
    if args.ids:
        for key, ids in sorted(r["misses"].items()):
            print(f"{key}: {' '.join(sorted(ids))}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
