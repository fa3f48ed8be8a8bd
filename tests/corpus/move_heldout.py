"""Move held-out entries someone is about to look at into the tuning corpus, and replace each with an unseen one.

``python tests/corpus/move_heldout.py --reserve DIR/reserve.jsonl --reason "why" ID...``: each entry leaves
tests/corpus/heldout/<its file>, goes (with its provenance) to tests/corpus/heldout_moved.jsonl, which is
tuning corpus from then on, and the first reserve entry not used yet takes its place; MOVED.md logs the move.
It prints the moved entries (that is the look). Nothing else may read held-out text.
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path

HERE = Path(__file__).parent
HELDOUT = HERE / "heldout"
MOVED = HERE / "heldout_moved.jsonl"
LOG = HELDOUT / "MOVED.md"


def _read(path: Path) -> list[dict]:  # type: ignore[type-arg]
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("ids", nargs="+")
    parser.add_argument("--reserve", type=Path, required=True, help="the reserve.jsonl of the same writer")
    parser.add_argument("--file", required=True, help="the held-out file in tests/corpus/heldout/ (D.jsonl)")
    parser.add_argument("--reason", required=True)
    args = parser.parse_args()
    target = HELDOUT / args.file
    rows = _read(target)
    used = {r.get("replaced_by") for r in _read(MOVED)} | {r["id"] for r in rows}
    reserve = [r for r in _read(args.reserve) if r["id"] not in used]
    moved = _read(MOVED)
    log = LOG.read_text(encoding="utf-8") if LOG.exists() else (
        "# Held-out entries moved to the tuning corpus\n\nEach entry below was looked at (to understand a miss), "
        "so it left the held-out set for tests/corpus/heldout_moved.jsonl and an unseen reserve entry took its "
        "place.\n\n| date | file | moved | replaced by | why |\n|---|---|---|---|---|\n")
    today = datetime.date.today().isoformat()
    for entry_id in args.ids:
        entry = next(r for r in rows if r["id"] == entry_id)
        if not reserve:
            raise SystemExit("no unseen reserve entry left")
        new = reserve.pop(0)
        rows = [new if r["id"] == entry_id else r for r in rows]
        moved.append({**entry, "moved_from": args.file, "moved_on": today, "reason": args.reason,
                      "replaced_by": new["id"]})
        log += f"| {today} | {args.file} | {entry_id} | {new['id']} | {args.reason} |\n"
        print(json.dumps(entry, ensure_ascii=False, indent=1))
    _write(target, rows)
    _write(MOVED, moved)
    LOG.write_text(log, encoding="utf-8")


if __name__ == "__main__":
    main()
