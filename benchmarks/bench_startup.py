"""Start-up benchmark: spawn → journal visible with 10k entries, against a bare PySide6 window opened
and closed the same way (same interpreter, same platform plugin, same first-paint hook).

Goals (issue #3): journal visible ≤ 3× the bare window's first paint; our first paint ≤ 1.5× the
bare window's; idle memory reported. Runs alternate app/bare so drift affects both alike.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 7] [--entries 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
marks = {"main": time.time()}
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setWindowTitle("bare")
w.setCentralWidget(QLabel("bare window"))
w.resize(1280, 820)
class Hook(QObject):
    done = False
    def eventFilter(self, obj, ev):
        if not self.done and ev.type() == QEvent.Type.Paint:
            self.done = True
            def ready():
                marks["first_paint"] = marks["journal_visible"] = time.time()
                rss = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmRSS:")]
                marks["rss_kb"] = float(rss[0].split()[1])
                print(json.dumps(marks), flush=True)
                QTimer.singleShot(0, w.close)
            QTimer.singleShot(0, ready)
        return False
hook = Hook()
w.installEventFilter(hook)
w.show()
sys.exit(app.exec())
"""


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import write_section  # noqa: E402


def make_journal(root: Path, entries: int) -> int:
    from healthviz_desktop.core.demo_data import generate_demo_entries
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.settings import Settings, save_settings

    journal = Journal.open(root)
    made = generate_demo_entries(days=max(30, entries // 2 + 200), seed=11)[-entries:]
    journal.add_many(made)
    count = journal.count()
    journal.close()
    save_settings(root / "settings.json", Settings(first_run_done=True, backup_interval="off"))
    return count


def run_once(cmd: list[str]) -> dict[str, float]:
    # Bytecode is cached as in any installed app (the warm-up run writes it).
    env = {**os.environ, "HEALTHVIZ_BENCH": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    spawn = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=True)
    end = time.time()
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("{"))
    marks = json.loads(line)
    return {"first_paint": marks["first_paint"] - spawn, "visible": marks["journal_visible"] - spawn,
            "writable": marks.get("journal_writable", marks["journal_visible"]) - spawn,
            "exit": end - spawn, "rss_mb": marks["rss_kb"] / 1024,
            "rss_writable_mb": marks.get("rss_writable_kb", marks["rss_kb"]) / 1024, "rows": marks.get("rows", 0.0)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        count = make_journal(root, args.entries)
        app_cmd = [sys.executable, "-m", "healthviz_desktop", "--data-dir", str(root)]
        bare_cmd = [sys.executable, "-c", BARE]
        run_once(app_cmd), run_once(bare_cmd)  # warm the file cache for both
        app, bare = [], []
        for _ in range(args.runs):
            app.append(run_once(app_cmd))
            bare.append(run_once(bare_cmd))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    result = {
        "entries": count, "runs": args.runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "bare_first_paint_ms": round(med(bare, "first_paint") * 1000),
        "bare_open_close_ms": round(med(bare, "exit") * 1000),
        "app_first_paint_ms": round(med(app, "first_paint") * 1000),
        "app_journal_visible_ms": round(med(app, "visible") * 1000),
        "app_journal_writable_ms": round(med(app, "writable") * 1000),
        "app_open_close_ms": round(med(app, "exit") * 1000),
        "bare_rss_mb": round(med(bare, "rss_mb"), 1), "app_rss_at_visible_mb": round(med(app, "rss_mb"), 1),
        "app_rss_idle_mb": round(med(app, "rss_writable_mb"), 1),
        "rows_in_first_page": int(med(app, "rows")),
    }
    result["first_paint_ratio"] = round(result["app_first_paint_ms"] / result["bare_first_paint_ms"], 2)
    result["journal_visible_ratio"] = round(result["app_journal_visible_ms"] / result["bare_first_paint_ms"], 2)
    result["open_close_ratio"] = round(result["app_open_close_ms"] / result["bare_open_close_ms"], 2)
    print(json.dumps(result, indent=2))
    ok = result["journal_visible_ratio"] <= 3.0 and result["first_paint_ratio"] <= 1.5
    print("goals met" if ok else "GOALS NOT MET: journal visible ≤ 3×, first paint ≤ 1.5×")
    r = result
    body = (
        f"Spawn → journal visible with {count:,} demo entries, against a bare PySide6 `QMainWindow` opened and "
        f"closed the same way (offscreen, first Paint event), medians of {args.runs} alternating runs.\n\n"
        "| | bare window | HealthViz | ratio | goal |\n|---|---:|---:|---:|---|\n"
        f"| first paint | {r['bare_first_paint_ms']} ms | {r['app_first_paint_ms']} ms | "
        f"{r['first_paint_ratio']}× | ≤ 1.5× |\n"
        f"| journal visible ({r['rows_in_first_page']} rows) | — | {r['app_journal_visible_ms']} ms | "
        f"{r['journal_visible_ratio']}× bare first paint | ≤ 3× |\n"
        f"| journal writable | — | {r['app_journal_writable_ms']} ms | — | — |\n"
        f"| open and close | {r['bare_open_close_ms']} ms | {r['app_open_close_ms']} ms | "
        f"{r['open_close_ratio']}× | — |\n"
        f"| RSS when visible / idle | {r['bare_rss_mb']} MB | {r['app_rss_at_visible_mb']} MB / "
        f"{r['app_rss_idle_mb']} MB | — | reported |\n"
    )
    if not args.no_write:
        write_section("Window start-up", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
