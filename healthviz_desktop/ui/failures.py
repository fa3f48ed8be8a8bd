"""How the window says that its own work failed (a write, an import, a backup, a read): one message box,
in the person's terms (core/errors.py), naming what did not finish. Window-modal and opened, never a nested
event loop, since it is shown from a worker's callback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_failure(parent: QWidget, exc: BaseException, what: str = "") -> QMessageBox:
    from healthviz_desktop.core.errors import user_message

    known = user_message(exc)
    text = known[0] if known else f"Something went wrong in the background ({type(exc).__name__}: {exc})."
    box = QMessageBox(QMessageBox.Icon.Warning, "HealthViz", f"{what} did not finish.\n\n{text}" if what else text,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("failureMessage")
    box.finished.connect(box.deleteLater)
    box.open()
    return box
