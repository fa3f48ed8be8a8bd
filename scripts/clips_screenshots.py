"""Screenshots of the Clips tab (docs/screenshots/clips.png: the library with a clip playing beside it;
clips-job.png: a job being made at a video service, its card chosen). Run by scripts/clips-screenshots.sh on
a virtual X screen.

Everything in them is real: made-up demo entries, clips made by the local renderer through ClipStudio (as
the window's Send makes them), and jobs at the local fake /videos service of the tests (tests/
fake_videos_server.py, the real `openai` SDK talking to it): one still being made there (held), one the
service refused and one sent whose answer never came (needs a decision), written as the runner writes them.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

DATA = Path(sys.argv[1])
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/screenshots")


def make_journal() -> object:
    from healthviz_desktop.core.clip_trash import rename_clip
    from healthviz_desktop.core.demo_data import generate_demo_entries
    from healthviz_desktop.core.generation.job_store import JobStore
    from healthviz_desktop.core.generation.runner import JobRunner
    from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource, ClipStudio
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.keys import KeyStore
    from healthviz_desktop.core.providers.registry import Providers
    from healthviz_desktop.core.providers.sora import SoraSettings
    from healthviz_desktop.core.settings import Settings, save_settings
    from tests.fake_videos_server import FakeVideos, make_media, request

    end = date.today() - timedelta(days=1)
    journal = Journal.open(DATA)
    journal.add_many(generate_demo_entries(60, seed=7, end=end))
    save_settings(DATA / "settings.json", Settings(first_run_done=True, backup_interval="off"))
    studio = ClipStudio(journal)
    entries = journal.list_entries()
    by_family: dict[str, int] = {}
    for e in entries:
        for o in e.observations:
            if o.severity >= 5 and e.id is not None:
                by_family.setdefault(o.symptom, e.id)
    moments = list(by_family.values())[:4]
    orders = [(ClipSource.moment(i), ClipChoices(style=s, seconds=4)) for i, s in
              zip(moments, ("abstract_3d", "watercolour", "clay", "paper_cutout"), strict=False)]
    orders.append((ClipSource.trend(end - timedelta(days=27), end), ClipChoices(style="watercolour", seconds=4)))
    orders.append((ClipSource.moment(moments[0]), ClipChoices(style="scientific_illustration", seconds=4,
                                                              size="720x1280")))
    made = []
    for source, choices in orders:
        job = studio.send(studio.quote(source, choices, "local"))
        made.append(studio.drive(job.id).id)
        print(f"made clip {made[-1]}", flush=True)
    rename_clip(journal, made[0], "For Dr Placeholder: the March migraine")

    fake = FakeVideos(*make_media()).start()
    Providers(journal.db).save(SoraSettings(name="example", base_url=fake.url, timeout=2.0,
                                            label="Example video service", settle=0.3, model="sora-2"))
    KeyStore().set_session("example", "test-key")  # obviously fake; the fake service takes any key
    runner = JobRunner(journal.db, base_delay=0.01, max_delay=0.05, default_poll=0.01)
    store = JobStore(journal.db)
    refused = runner.submit("example", request(8, prompt="A tight band of grey light around a dim room."))
    store.update(refused.id, status="failed", error_code="moderation_blocked", finished_at=refused.created_at,
                 message="The service refused the prompt: Your request was blocked by our moderation system.")
    unanswered = runner.submit("example", request(8, prompt="Frosted glass over a slow, pulsing ember."))
    store.update(unanswered.id, status="needs_decision", sent_at=unanswered.created_at,
                 message="The service never answered.")
    fake.hold.set()  # the service keeps working on this one while the shot is taken
    working = runner.submit("example", request(12, prompt="A storm settling over a dark lake, nights calming."))
    for _ in range(3):
        runner.advance(working.id)
    runner.store.release(working.id)
    journal.close()
    return fake


def main() -> int:
    import faulthandler
    import os

    if os.environ.get("HEALTHVIZ_SHOT_DEBUG"):
        faulthandler.dump_traceback_later(int(os.environ["HEALTHVIZ_SHOT_DEBUG"]), exit=True)
    fake = make_journal()
    from PySide6.QtCore import QTimer

    from healthviz_desktop.ui.launch import build_window, make_app

    window = build_window(DATA)
    app = make_app()
    window.move(0, 0)
    window.resize(1500, 900)
    window.show()
    window.open_journal()

    def wait(condition: object, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        geo = window.frameGeometry()
        pix = window.screen().grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
        OUT.mkdir(parents=True, exist_ok=True)
        pix.save(str(OUT / f"{name}.png"))
        print(f"wrote {OUT / name}.png ({pix.width()}x{pix.height()})", flush=True)

    def card(job_id: int) -> object:
        row = tab_model().row_of(job_id)
        return tab_model().card_at(row) if row is not None else None

    def tab_model() -> object:
        return window.clips.model

    def run() -> None:
        wait(lambda: window.journal is not None and window.clip_jobs is not None)
        window.tabs.setCurrentIndex(2)
        tab = window.clips
        wait(lambda: tab.model.rowCount() >= 8)
        cards = [tab.model.card_at(r) for r in range(tab.model.rowCount())]
        clips = [c for c in cards if c.is_clip]
        wait(lambda: all(c.picture in tab.model.pictures for c in clips))
        working = max(c.job_id for c in cards)  # the held one, written last
        wait(lambda: card(working) is not None and card(working).progress >= 30, 60)  # type: ignore[attr-defined]
        ready = next(c for c in clips if c.title)
        tab.select_job(ready.job_id)
        tab.clip_actions.run("play")
        wait(lambda: getattr(tab.pane.player, "frames_shown", 0) > 30, 20)
        shoot("clips")
        tab.select_job(working)
        shoot("clips-job")

    def run_then_quit() -> None:
        try:
            run()
        finally:
            fake.release()  # type: ignore[attr-defined]
            window.close()
            app.quit()

    QTimer.singleShot(500, run_then_quit)
    app.exec()
    fake.stop()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
