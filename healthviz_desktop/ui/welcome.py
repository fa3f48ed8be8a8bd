"""First run: where the journal lives, that nothing leaves the laptop unless the person sends it, and
an offer to load made-up demo data to look around with."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from healthviz_desktop.core.paths import DataPaths

DEMO_DAYS = 120


class WelcomeDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None, *, entries: int = 0,
                 read_only: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to HealthViz")
        self.setObjectName("welcomeDialog")
        text = QLabel(
            "<h2>Welcome to HealthViz</h2>"
            "<p>A private journal for how you feel: symptoms, medicines, sleep, what might have set "
            "things off. It helps you show your doctor what the last weeks were like.</p>"
            f"<p><b>Your journal lives on this computer</b>, in<br><code>{escape(str(paths.root))}</code></p>"
            "<p><b>Nothing leaves this laptop unless you send it.</b> If you later make a clip for your "
            "doctor, you will see exactly what would be sent, and names you list as private are "
            "never included.</p>", self)
        text.setWordWrap(True)
        text.setTextFormat(text.textFormat().RichText)
        self.demo = QCheckBox(f"Load {DEMO_DAYS} days of made-up demo entries to look around "
                              "(each is marked as a demo entry, and they can all be removed at once later)", self)
        self.demo.setAccessibleName("Load demo data")
        # made-up entries never go into a journal that already holds real ones, nor into a read-only one
        self.demo.setVisible(entries == 0 and not read_only)
        self.read_only_note = QLabel(f"This journal is read-only ({read_only}), so no demo entries can be "
                                     "added to it: you can look around what it holds." if read_only else "", self)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(bool(read_only))
        buttons = QDialogButtonBox(self)
        start = buttons.addButton("Start", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.demo)
        lay.addWidget(self.read_only_note)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    @property
    def wants_demo(self) -> bool:
        return self.demo.isVisibleTo(self) and self.demo.isChecked()

    @property
    def demo_days(self) -> int:
        return DEMO_DAYS
