"""Show a folder in the person's file manager, or say that none could be started and offer the path.

``QDesktopServices.openUrl`` returns False when nothing can open a folder (no ``xdg-open``, a bare window
manager); on Linux, ``xdg-open`` present with no program for folders (``xdg-mime`` names none) fails after
it has started, so that is asked first. Either way the person gets the path, selectable and one click from
the clipboard, instead of a button that does nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def no_folder_handler() -> bool:
    """True when this Linux desktop says it has no program to open a folder with."""
    if not sys.platform.startswith("linux"):
        return False
    if shutil.which("xdg-open") is None:
        return True
    mime = shutil.which("xdg-mime")
    if mime is None:
        return False  # cannot tell: let xdg-open try
    try:
        found = subprocess.run([mime, "query", "default", "inode/directory"], capture_output=True, text=True,
                               timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and not found.stdout.strip()


def open_folder(parent: QWidget, folder: Path) -> QMessageBox | None:
    """Open ``folder``; when that cannot be done, a message with its path and "Copy path" (returned)."""
    if not no_folder_handler() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return None
    box = QMessageBox(QMessageBox.Icon.Information, "Open folder",
                      "No file manager could be started to show this folder. Its path:\n\n"
                      f"{folder}\n\nCopy it into a file manager or a terminal.", parent=parent)
    from PySide6.QtCore import Qt

    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton("Copy path", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(folder)))
    box.setObjectName("openFolderFailed")
    box.finished.connect(box.deleteLater)
    box.open()
    return box
