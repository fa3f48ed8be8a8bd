"""Shared helpers for benchmark scripts: timing, machine description, writing docs/benchmarks.md.

Each script measures our code side by side with a baseline on the same machine and reports the
ratio, so results mean something on any machine. Each writes its own section of docs/benchmarks.md.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "docs" / "benchmarks.md"
WORK = REPO / "benchmarks" / ".work"


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
            mem = f", {kib / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    system = f"{platform.system()} {platform.release()}, {cpu}"
    return f"{system}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(n: int, fn: Callable[[], object]) -> float:
    return min(timed(fn) for _ in range(n))


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def write_section(name: str, body: str, results: Path = RESULTS, title: str = "") -> None:
    """Replace (or add) the section ``name`` of docs/benchmarks.md (or ``results``), stamped with date and
    machine. ``title`` starts a new ``results`` file."""
    results.parent.mkdir(parents=True, exist_ok=True)
    text = results.read_text(encoding="utf-8") if results.exists() else title or (
        "# Benchmarks\n\nEach section is written by its script in `benchmarks/` (run them all with "
        "`.venv/bin/python benchmarks/run_all.py`). Figures are ratios against a baseline measured in the "
        "same run on the same machine.\n")
    stamp = f"_{datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {machine()}_"
    section = f"<!-- {name}:start -->\n## {name}\n\n{stamp}\n\n{body.strip()}\n<!-- {name}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    results.write_text(text, encoding="utf-8")
