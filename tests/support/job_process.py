"""A process that runs one clip job against a /videos server until it is killed (or finishes).

Usage: python -m tests.support.job_process DATA_DIR BASE_URL start|resume
Prints "submitted ID" once the job row exists and "done ID STATUS" at the end. The key is a
session-only test key (never written anywhere), as with no keyring.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.generation.runner import JobRunner
    from healthviz_desktop.core.keys import KeyStore
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.providers.sora import SoraSettings
    from tests.fake_videos_server import FAST, request

    data_dir, base_url, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    db = Database.open(DataPaths.at(data_dir))
    runner = JobRunner(db, **FAST)
    runner.providers.save(SoraSettings(name="fake", base_url=base_url, timeout=10.0, label="Fake", settle=0.3))
    KeyStore().set_session("fake", "test-key")
    if mode == "start":
        job = runner.submit("fake", request(4))
        print(f"submitted {job.id}", flush=True)
        jobs = [job]
    else:
        jobs = runner.recover()
        print(f"resuming {' '.join(str(j.id) for j in jobs)}", flush=True)
    for job in jobs:
        done = runner.run(job.id)
        print(f"done {done.id} {done.status}", flush=True)


if __name__ == "__main__":
    main()
