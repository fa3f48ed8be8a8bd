"""A process that writes journal entries until killed, announcing each one after its save returned.

Usage: python -m tests.support.writer_process DATA_DIR PREFIX [import FILE]
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation


def main() -> None:
    data_dir, prefix = Path(sys.argv[1]), sys.argv[2]
    journal = Journal.open(data_dir)
    if len(sys.argv) > 3 and sys.argv[3] == "import":
        from healthviz_desktop.core.interchange_json import import_json

        print("start", flush=True)
        report = import_json(journal, Path(sys.argv[4]))
        print(f"imported {report.added}", flush=True)
        return
    tz = timezone(timedelta(hours=2))
    n = 0
    print("start", flush=True)
    while True:
        entry = Entry(
            occurred_at=datetime(2026, 1, 1, 8, tzinfo=tz) + timedelta(minutes=n), uid=f"{prefix}-{n}",
            notes=f"entry {n} " + "x" * (n % 500),
            observations=[Observation("migraine", n % 11, ["throbbing"])], doses=[Dose("ibuprofen", 200.0)],
            tags=["kill-test"],
        )
        journal.add(entry)
        print(entry.uid, flush=True)  # only after add() returned: this entry must survive any kill
        n += 1


if __name__ == "__main__":
    main()
