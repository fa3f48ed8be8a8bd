"""When a save finds the entry changed elsewhere: both versions side by side, and the person decides.

Nothing is written over unseen (core/journal.py: EditConflict). The editor opens this dialog and acts on
``choice``: keep mine (save it over the other version), take theirs (drop this edit), merge (both sets of
changes in the editor, to check and save), or keep editing. For an entry another window moved to the
trash: restore it with my changes, save mine as a new entry, or keep editing.
"""

from __future__ import annotations

import difflib
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.entry_text import format_entry

if TYPE_CHECKING:
    from healthviz_desktop.core.model import Entry

KEEP_MINE, TAKE_THEIRS, MERGE, KEEP_EDITING = "keep mine", "take theirs", "merge", "keep editing"
RESTORE_WITH_MINE, SAVE_AS_NEW = "restore with mine", "save as new"


def _marked(lines: list[str], other: list[str]) -> str:
    """The lines as HTML, those the other version does not have in bold on a tinted background."""
    theirs = set(other)
    out = []
    for line in lines:
        text = escape(line).replace("  ", "&nbsp;&nbsp;")
        out.append(text if line in theirs else f"<b style='background-color:rgba(230,160,40,0.30)'>{text}</b>")
    return "<br>".join(out)


class ConflictDialog(QDialog):
    """Two versions of one entry; ``choice`` says what the person picked (KEEP_EDITING when closed)."""

    def __init__(self, mine: Entry, theirs: Entry | None, *, trashed: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.choice = KEEP_EDITING
        gone = theirs is None
        self.setWindowTitle("This entry was deleted elsewhere" if gone or trashed
                            else "This entry was changed elsewhere")
        if gone:
            why = ("Another window or command deleted this entry for good while you were editing it, so your "
                   "changes were not saved. They are still in the editor.")
        elif trashed:
            why = ("Another window or command moved this entry to the trash while you were editing it, so your "
                   "changes were not saved. They are still in the editor.")
        else:
            why = ("Another window or command saved this entry while you were editing it, so your changes were "
                   "not saved over it. Compare the two versions (what differs is highlighted) and choose.")
        self.intro = intro = QLabel(why, self)
        intro.setWordWrap(True)
        mine_lines = format_entry(mine, heading=False).splitlines()
        theirs_lines = format_entry(theirs, heading=False).splitlines() if theirs is not None else []
        self.mine_view, self.theirs_view = QTextBrowser(self), QTextBrowser(self)
        self.mine_view.setAccessibleName("Your version, not saved")
        self.theirs_view.setAccessibleName("The version saved elsewhere")
        self.mine_view.setHtml(_marked(mine_lines, theirs_lines))
        when = ""
        if theirs is not None and theirs.updated_at is not None:
            saved_at = f"{theirs.updated_at.astimezone():%H:%M}"
            when = f" (last saved at {saved_at})" if trashed else f" at {saved_at}"
        self.theirs_view.setHtml(_marked(theirs_lines, mine_lines) if theirs is not None
                                 else "<i>(deleted for good)</i>")
        self.differences = sum(1 for op in difflib.ndiff(mine_lines, theirs_lines) if op[:1] in "+-")
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Your version</b> (not saved)", self), 0, 0)
        saved_where = "In the trash" if trashed else "Saved elsewhere"
        grid.addWidget(QLabel(f"<b>{saved_where}</b>{escape(when)}" if theirs is not None else "<b>Gone</b>",
                              self), 0, 1)
        grid.addWidget(self.mine_view, 1, 0)
        grid.addWidget(self.theirs_view, 1, 1)

        self.buttons = QDialogButtonBox(self)
        self.choice_buttons: dict[str, QPushButton] = {}
        if gone or trashed:
            offers = [(SAVE_AS_NEW, "Save mine as a &new entry")]
            if trashed:
                offers.insert(0, (RESTORE_WITH_MINE, "&Restore it with my changes"))
        else:
            offers = [(KEEP_MINE, "&Keep mine"), (TAKE_THEIRS, "&Take theirs"), (MERGE, "&Merge both")]
        for choice, label in offers:
            button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            self.choice_buttons[choice] = button
        back = self.buttons.addButton("Keep &editing", QDialogButtonBox.ButtonRole.RejectRole)
        back.setAutoDefault(False)
        self.choice_buttons[KEEP_EDITING] = back
        self.buttons.rejected.connect(self.reject)
        if MERGE in self.choice_buttons:
            self.choice_buttons[MERGE].setToolTip(
                "Put both sets of changes in the editor to check before saving. Where both changed the same "
                "thing, yours is kept; notes changed on both sides keep both texts.")
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid, 1)
        lay.addWidget(self.buttons)
        self.resize(900, 520)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
