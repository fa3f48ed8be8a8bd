"""One window's worth of editing, until killed: open an entry, type a little, save; on a conflict do what
the window offers (merge both versions, core/entry_merge.py) and save again. Each edit adds one tag,
a token unique to this process, and is announced ("ack ID TOKEN") only after its save returned.

Usage: python -m benchmarks.soak_editor DATA_DIR NAME SEED [--unsafe]
--unsafe saves without the revision check (revision 0), as edits were saved before issue 10: the soak
then shows what that loses.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from healthviz_desktop.core.entry_merge import merge_entries
from healthviz_desktop.core.journal import EditConflict, Journal

MAX_TAGS = 45  # the journal allows 50 per entry; leave room for the CLI's


def main() -> None:
    data_dir, name, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    unsafe = "--unsafe" in sys.argv[4:]
    rng = random.Random(seed)
    journal = Journal.open(data_dir)
    ids = journal.list_ids()
    print("start", flush=True)
    for n in range(1_000_000):
        base = journal.get(rng.choice(ids))  # the editor opens on the entry as it is now
        if len(base.tags) >= MAX_TAGS:
            continue
        time.sleep(rng.uniform(0.05, 0.25))  # the person types
        token = f"{name}-{n}"
        mine = replace(base, tags=[*base.tags, token], revision=0 if unsafe else base.revision)
        while True:
            try:
                journal.update(mine)
                break
            except EditConflict as conflict:  # both versions shown; the person merges
                print(f"conflict {base.id}", flush=True)
                merged = merge_entries(base, mine, conflict.theirs).entry
                base, mine = conflict.theirs, merged
        print(f"ack {base.id} {token}", flush=True)  # only after the save returned: it must survive any kill


if __name__ == "__main__":
    main()
