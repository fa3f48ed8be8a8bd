"""Write a journal as the first released schema left it, for the .deb upgrade test (packaging/ci-test.sh).

    .venv/bin/python packaging/old_journal.py OUT_DIR [--days N]   -> OUT_DIR/journal.sqlite3, schema 1

The schema is made by migration step 1 alone (released steps never change), and its rows are copied
from a journal the current code wrote with demo entries: the same data an older HealthViz would hold.
Installing a newer .deb over an older one must keep this file and migrate it when the app next opens it.
Prints the number of entries and the schema version, for the test to compare afterwards.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.migrations import STEPS, apply_step


def write_old_journal(out_dir: Path, days: int) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "journal.sqlite3"
    if target.exists():
        raise SystemExit(f"{target} exists; give an empty folder")
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp))
        journal.add_many(generate_demo_entries(days, 7, date(2026, 6, 30)))
        journal.close()
        old = sqlite3.connect(target, isolation_level=None)
        apply_step(old, STEPS[0])
        old.execute("ATTACH DATABASE ? AS current", (str(Path(tmp) / "journal.sqlite3"),))
        old.execute("BEGIN")
        tables = [row[0] for row in old.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE TABLE ''entry_fts_%'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entry_fts_%'")]
        for table in tables:
            columns = [row[1] for row in old.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            old.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM current.{table}")
        old.execute("COMMIT")
        old.execute("DETACH DATABASE current")
        entries = old.execute("SELECT COUNT(*) FROM entry WHERE deleted_at IS NULL").fetchone()[0]
        version = old.execute("PRAGMA user_version").fetchone()[0]
        old.close()
    return {"entries": int(entries), "schema_version": int(version)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--days", type=int, default=40)
    args = parser.parse_args()
    print(json.dumps(write_old_journal(args.out_dir, args.days)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
