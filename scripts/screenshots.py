"""Drive the real window under an X server and save PNGs of the journal, editor, compose, trends, settings.

Run through scripts/screenshots.sh (it starts Xvfb and loads made-up demo data). Each shot is taken
from the screen (QScreen.grabWindow), i.e. what the X server really shows, cropped to the window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from healthviz_desktop.ui.launch import build_window, make_app

OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/screenshots")


def shoot(widget: QWidget, name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for _ in range(10):
        app.processEvents()
    geo = widget.frameGeometry()
    screen = widget.screen()
    pix = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    OUT.mkdir(parents=True, exist_ok=True)
    pix.save(str(OUT / f"{name}.png"))
    print(f"wrote {OUT / name}.png ({pix.width()}x{pix.height()})")


def main() -> int:
    data_dir = Path(sys.argv[1])
    window = build_window(data_dir)
    app = make_app()
    window.move(0, 0)
    window.resize(1360, 860)
    steps: list = []

    def after_open() -> None:
        m = window.model
        # Select a migraine entry so the details pane and the editor have something to show.
        row = m.fetch_all_until(lambda e: any(o.symptom == "migraine" and o.severity >= 6 for o in e.observations))
        if row is not None:
            window.list.setCurrentIndex(m.index(row, 0))
            window.list.scrollTo(m.index(row, 0), window.list.ScrollHint.PositionAtCenter)
        QTimer.singleShot(300, steps.pop(0))

    def journal() -> None:
        shoot(window, "journal")
        editor = window.edit_entry()
        editor.move(60, 20)
        editor.resize(860, 820)
        QTimer.singleShot(400, lambda: (shoot(editor, "editor"), editor.reject(), QTimer.singleShot(100, steps.pop(0))))

    def compose() -> None:
        window.compose()
        dialogs = [w for w in app.topLevelWidgets() if type(w).__name__ == "ComposeDialog" and w.isVisible()]
        if not dialogs:
            print("the compose dialog did not open", file=sys.stderr)
            steps.pop(0)()
            return
        dialog = dialogs[0]
        dialog.move(40, 20)
        dialog.resize(1200, 820)
        QTimer.singleShot(600, lambda: (shoot(dialog, "compose"), dialog.reject(),
                                        QTimer.singleShot(100, steps.pop(0))))

    def trends() -> None:
        window.tabs.setCurrentIndex(1)
        window.trends.period.setCurrentIndex(window.trends.period.findData(90))
        window.trends.updated.connect(lambda _t: QTimer.singleShot(500, steps.pop(0)) if steps else None)
        window.trends.refresh()

    def trends_shot() -> None:
        shoot(window, "trends")
        window.tabs.setCurrentIndex(0)
        dialog = window.open_settings()
        dialog.move(200, 100)
        dialog.tabs.setCurrentIndex(1)
        QTimer.singleShot(400, lambda: (shoot(dialog, "settings"), dialog.tabs.setCurrentIndex(3),
                                        QTimer.singleShot(300, lambda: (shoot(dialog, "settings-private-terms"),
                                                                        dialog.reject(), app.quit()))))

    steps.extend([journal, compose, trends, trends_shot])
    window.journal_ready.connect(lambda: QTimer.singleShot(500, after_open))
    window.show()
    window.open_journal()
    QTimer.singleShot(60_000, lambda: (print("timed out", file=sys.stderr), app.exit(1)))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
