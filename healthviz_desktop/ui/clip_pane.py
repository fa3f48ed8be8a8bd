"""The Clips tab's side pane: the chosen card in full (title, a link to its source, its state in plain words
with a progress bar, the exact prompt) with a button for each thing that can be done with it now, and the
embedded player above them (made on the first Play: QtMultimedia stays unloaded until a clip is played).

The pane only says what was asked (``action``: the name of a ClipCard action); ui/clip_actions.py does it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard

# (action, button text, accessible description), in the order the buttons sit
BUTTONS = (
    ("play", "&Play", "Play this clip here"),
    ("stop", "S&top", "Stop making this clip for good (at the service too)"),
    ("resume", "&Resume", "Carry on making this clip"),
    ("decide", "&Decide…", "Choose what happens to a request the service cannot account for"),
    ("retry", "Re&try…", "Make this clip again with the same request (a new job)"),
    ("remake", "Make a&gain…", "The service lost this clip: make it again with the same request (a new job)"),
    ("remix", "Re&mix…", "Ask the service to change this clip with an edited prompt"),
    ("reuse", "Reuse &prompt…", "Open Compose with this clip's source and its exact prompt"),
    ("rename", "Re&name…", "Give this clip a title of your own"),
    ("folder", "Show in &folder", "Open the folder that holds this clip's file"),
    ("export", "&Export…", "Export this clip with a summary for your doctor"),
    ("delete", "&Delete", "Move this clip to the clip trash (Undo brings it back)"),
    ("restore", "Re&store", "Take this clip out of the trash"),
)


class ClipPane(QWidget):
    action = Signal(str)  # a ClipCard action name, for the card shown
    source_clicked = Signal()

    def __init__(self, player_factory: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipPane")
        self.card: ClipCard | None = None
        self._player_factory = player_factory  # () -> the player widget (ui/player.create_player)
        self.player: Any = None
        self.title = QLabel(self)
        self.title.setObjectName("clipTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.source = QLabel(self)
        self.source.setObjectName("clipSource")
        self.source.linkActivated.connect(lambda _href: self.source_clicked.emit())
        self.state = QLabel(self)
        self.state.setObjectName("clipState")
        self.state.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setObjectName("clipPrompt")
        self.prompt.setReadOnly(True)
        self.prompt.setAccessibleName("The exact prompt this clip was made from")
        self.prompt.setMaximumHeight(110)
        self.buttons: dict[str, QPushButton] = {}
        self.grid = grid = QGridLayout()
        for name, text, tip in BUTTONS:
            button = QPushButton(text, self)
            button.setObjectName(f"clip-{name}")
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _c=False, a=name: self.action.emit(a))
            self.buttons[name] = button
        self.player_area = QVBoxLayout()
        self.player_area.setContentsMargins(0, 0, 0, 0)
        lay = QVBoxLayout(self)
        lay.addLayout(self.player_area, 3)
        lay.addWidget(self.title)
        lay.addWidget(self.source)
        lay.addWidget(self.state)
        lay.addWidget(self.progress)
        lay.addWidget(self.facts)
        lay.addWidget(QLabel("Prompt", self))
        lay.addWidget(self.prompt)
        lay.addLayout(grid)
        lay.addStretch(1)
        self.show_card(None)

    def show_card(self, card: ClipCard | None) -> None:
        """Show ``card`` (None: nothing chosen). A new card stops the player; the same card keeps it going."""
        from html import escape

        same = card is not None and self.card is not None and card.job_id == self.card.job_id
        if not same and self.player is not None and getattr(self.player, "clip", None) is not None:
            self._stop_player()
        self.card = card
        if card is None:
            self.title.setText("Choose a clip")
            for w in (self.source, self.state, self.progress, self.facts, self.prompt):
                w.setVisible(False)
            for b in self.buttons.values():
                b.setVisible(False)
            return
        state = card.state()
        self.title.setText(card.name)
        linked = card.kind in ("moment", "trend") and (card.entry_id is not None or card.period is not None)
        words = escape(card.source_words())
        self.source.setText(f"<a href='source'>{words}</a>" if linked else words)
        self.source.setToolTip("Show it in the journal" if card.kind == "moment" else
                               "Show this period in Trends" if linked else "")
        self.state.setText(f"<b>{escape(state.headline)}</b>" + (f" — {escape(state.detail)}" if state.detail
                                                                   else ""))
        self.progress.setVisible(state.progress is not None)
        self.progress.setValue(state.progress or 0)
        made = card.made_at
        self.facts.setText(" · ".join(b for b in (card.facts(), card.model, f"{made:%d %b %Y %H:%M}" if made
                                                  else "", card.cost()) if b))
        self.prompt.setPlainText(card.prompt or "(no prompt: drawn from a scene file)")
        for w in (self.source, self.state, self.facts, self.prompt):
            w.setVisible(True)
        can = card.actions()
        shown = 0
        for name, button in self.buttons.items():  # the ones that apply, side by side, three to a row
            self.grid.removeWidget(button)
            button.setVisible(name in can)
            if name in can:
                self.grid.addWidget(button, shown // 3, shown % 3)
                shown += 1

    # ---- the player -------------------------------------------------------------------------------------

    def ensure_player(self) -> Any:
        if self.player is None:
            self.player = self._player_factory(self)
            self.player.setMinimumHeight(220)
            self.player_area.addWidget(self.player)
        self.player.setVisible(True)
        return self.player

    def _stop_player(self) -> None:
        media = getattr(self.player, "player", None)  # the real player's QMediaPlayer; the guard has none
        if media is not None:
            media.stop()
        self.player.setVisible(False)
