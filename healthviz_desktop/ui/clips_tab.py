"""The Clips tab: every clip of the journal and every job on its way, as cards in a grid (or a list), with
filters by what it was made from, symptom family and maker, sorted by date; the chosen card beside it with
its actions and the embedded player.

Built when the tab is first visited (nothing of it is imported before the window's first paint). The cards
are read on the read pool (core/clip_library.py) and shown through ClipsModel; they are read again whenever
the journal hub says something changed (a job ended, a clip was deleted or renamed, the journal was
replaced), and a job's own events move its card at once (ClipJobs.job_event). What the buttons do is in
ui/clip_actions.py.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.clip_library import (
    SHOW,
    CardFilter,
    ClipCard,
    choices,
    load_card,
    load_cards,
    provider_facts,
)
from healthviz_desktop.ui.clip_pane import BUTTONS, ClipPane
from healthviz_desktop.ui.clips_delegate import ClipCardDelegate
from healthviz_desktop.ui.clips_model import CardRole, ClipsModel

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow

_GAP = 8


def read_library(journal: Any, trashed: bool) -> tuple[dict[str, Any], list[ClipCard]]:
    """On the read pool: the providers' facts and the cards."""
    facts = provider_facts(journal_providers(journal))
    return facts, load_cards(journal.db, facts, trashed=trashed)


def journal_providers(journal: Any) -> Any:
    from healthviz_desktop.core.providers.registry import Providers

    return Providers(journal.db)


class ClipsTab(QWidget):
    loaded = Signal()  # the cards of the latest read are shown

    def __init__(self, window: MainWindow, loader: Any, parent: QWidget | None = None) -> None:
        from healthviz_desktop.ui.clip_actions import ClipActions

        super().__init__(parent)
        self.setObjectName("clipsTab")
        self.window_ = window
        self.facts: dict[str, Any] = {}
        self._generation = 0
        self._want_select: int | None = None
        self.model = ClipsModel(loader, self)
        self.show_box, self.kind_box, self.family_box, self.provider_box = (QComboBox(self) for _ in range(4))
        for key, label in SHOW.items():
            self.show_box.addItem(label, key)
        for box, name in ((self.show_box, "Show"), (self.kind_box, "Made from"), (self.family_box, "Symptom family"),
                          (self.provider_box, "Made by")):
            box.setAccessibleName(name)
            box.currentIndexChanged.connect(self._filter_changed)
        self.sort_box = QComboBox(self)
        self.sort_box.addItem("Newest first", True)
        self.sort_box.addItem("Oldest first", False)
        self.sort_box.setAccessibleName("Sort by date")
        self.sort_box.currentIndexChanged.connect(self._filter_changed)
        self.grid_button, self.list_button = QPushButton("Grid", self), QPushButton("List", self)
        views = QButtonGroup(self)
        for b in (self.grid_button, self.list_button):
            b.setCheckable(True)
            views.addButton(b)
        self.grid_button.setChecked(True)
        self.grid_button.toggled.connect(self.set_grid)
        self.empty_button = QPushButton("Empty trash…", self)
        self.empty_button.setVisible(False)
        self.count = QLabel(self)
        self.undo_label, self.undo_button = QLabel(self), QPushButton("&Undo", self)
        self.undo_button.setObjectName("clipUndo")
        for w in (self.undo_label, self.undo_button):
            w.setVisible(False)

        self.view = QListView(self)
        self.view.setObjectName("clipLibrary")
        self.view.setAccessibleName("Clips, newest first")
        self.delegate = ClipCardDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.empty_hint = QLabel(self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        self.set_grid(True)

        self.pane = ClipPane(self._make_player, self)
        self.pane.setVisible(False)
        self.clip_actions = ClipActions(self, window)
        self.pane.action.connect(self.clip_actions.run)
        self.view.activated.connect(lambda _i: self.clip_actions.run("play"))  # double-click, Enter
        self.pane.source_clicked.connect(lambda: self.clip_actions.run("source"))
        self.undo_button.clicked.connect(self.clip_actions.undo_delete)
        self.empty_button.clicked.connect(self.clip_actions.empty_trash)
        # The window's Delete and Undo act on entries and are off while this tab is in front (main_window.py)
        for std_key, slot in ((QKeySequence.StandardKey.Delete, lambda: self.clip_actions.run("delete")),
                              (QKeySequence.StandardKey.Undo, self.clip_actions.undo_delete)):
            shortcut = QShortcut(QKeySequence(std_key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        bar = QHBoxLayout()
        for label, box in (("Show", self.show_box), ("Made from", self.kind_box), ("Family", self.family_box),
                           ("By", self.provider_box)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(box)
        bar.addWidget(self.sort_box)
        bar.addStretch(1)
        for w in (self.undo_label, self.undo_button, self.empty_button, self.count, self.grid_button,
                  self.list_button):
            bar.addWidget(w)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.view, 1)
        ll.addWidget(self.empty_hint)
        self.split = QSplitter(parent=self)
        self.split.addWidget(left)
        self.split.addWidget(self.pane)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addLayout(bar)
        lay.addWidget(self.split, 1)
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(150)
        self._reread.timeout.connect(self.refresh)
        self._filling = False
        self.model.reset_done.connect(self._after_reset)

    # ---- reading ----------------------------------------------------------------------------------------

    @property
    def journal(self) -> Any:
        return self.window_.journal

    def refresh(self) -> None:
        """Read the cards again (on the read pool); the one chosen stays chosen."""
        if self.journal is None:
            self.count.setText("Opening your journal…")
            return
        self._generation += 1
        generation = self._generation
        trashed = self.show_box.currentData() == "trash"
        self.window_.pools.reads.submit(read_library, self.journal, trashed, owner=self,
                                        on_result=lambda got: self._read(got, generation))

    def refresh_soon(self) -> None:
        self._reread.start()

    def _read(self, got: tuple[dict[str, Any], list[ClipCard]], generation: int) -> None:
        if generation != self._generation:
            return
        self.facts, cards = got
        if self._want_select is None:
            self._want_select = self.current_job_id()
        self._fill_choices(cards)
        self.model.filter = self.card_filter()
        self.model.set_cards(cards)
        self.loaded.emit()

    def reread_job(self, job_id: int) -> None:
        """One job moved on (a status change): its row is read again and its card replaced."""
        if self.journal is None:
            return
        self.window_.pools.reads.submit(load_card, self.journal.db, self.facts, job_id, owner=self,
                                        on_result=self._one_read)

    def _one_read(self, card: ClipCard | None) -> None:
        if card is None:
            return
        keep = self.current_job_id()
        self.model.put(card)
        if keep is not None and self.current_job_id() != keep:
            self.select_job(keep)
        if self.pane.card is not None and self.pane.card.job_id == card.job_id:
            self.pane.show_card(card)

    def job_event(self, event: Any) -> None:
        row = self.model.row_of(event.job_id)
        before = self.model.card_at(row) if row is not None else None
        self.model.job_event(event)
        row = self.model.row_of(event.job_id)
        if row is None:
            self.refresh_soon()  # a job this library has not read yet (just sent, or from another window)
            return
        card = self.model.card_at(row)
        if self.pane.card is not None and card is not None and self.pane.card.job_id == card.job_id:
            self.pane.show_card(card)
        if before is None or before.status != event.status:
            self.reread_job(event.job_id)

    # ---- filters and view -----------------------------------------------------------------------------

    def _fill_choices(self, cards: list[ClipCard]) -> None:
        self._filling = True
        try:
            found = choices(cards)
            for box, key, everything in ((self.kind_box, "kind", "Anything"), (self.family_box, "family", "Any"),
                                         (self.provider_box, "provider", "Anyone")):
                current = box.currentData()
                box.clear()
                box.addItem(everything, None)
                for value, label in found[key]:
                    box.addItem(label, value)
                box.setCurrentIndex(max(0, box.findData(current)))
        finally:
            self._filling = False

    def card_filter(self) -> CardFilter:
        return CardFilter(show=str(self.show_box.currentData()), kind=self.kind_box.currentData(),
                          family=self.family_box.currentData(), provider=self.provider_box.currentData(),
                          newest_first=bool(self.sort_box.currentData()))

    def _filter_changed(self) -> None:
        if self._filling:
            return
        trash_now = self.show_box.currentData() == "trash"
        self.empty_button.setVisible(trash_now)
        if trash_now != (self.model.filter.show == "trash"):
            self.model.filter = CardFilter(show=str(self.show_box.currentData()))
            self.refresh()  # the trash is read separately
            return
        self.model.set_filter(self.card_filter())

    def set_grid(self, grid: bool) -> None:
        self.delegate.grid = grid
        size = self.delegate.card_size(self.view.font())
        if grid:
            self.view.setViewMode(QListView.ViewMode.IconMode)
            self.view.setGridSize(QSize(size.width() + _GAP, size.height() + _GAP))
            self.view.setResizeMode(QListView.ResizeMode.Adjust)
            self.view.setMovement(QListView.Movement.Static)
            self.view.setWrapping(True)
        else:
            self.view.setViewMode(QListView.ViewMode.ListMode)
            self.view.setGridSize(QSize())
            self.view.setWrapping(False)
        self.view.setSpacing(0)
        self.view.setUniformItemSizes(True)
        self.view.scheduleDelayedItemsLayout()

    def _after_reset(self) -> None:
        total = self.model.rowCount()
        noun = "clip" if total == 1 else "clips"
        self.count.setText(f"{total} {noun}")
        self.empty_hint.setVisible(total == 0)
        self.empty_hint.setText("Nothing here matches these filters." if len(self.model.all) else
                                "No clips yet. Compose a clip prompt (Ctrl+P) from an entry or a period, "
                                "and its clip appears here." if self.model.filter.show != "trash" else
                                "The clip trash is empty.")
        self.empty_button.setEnabled(bool(self.model.all))
        want, self._want_select = self._want_select, None
        if want is not None and not self.select_job(want):
            self.pane.show_card(None)
            self.pane.setVisible(False)

    # ---- the chosen card --------------------------------------------------------------------------------

    def current_card(self) -> ClipCard | None:
        index = self.view.currentIndex()
        return index.data(CardRole) if index.isValid() else None

    def current_job_id(self) -> int | None:
        card = self.current_card()
        return card.job_id if card is not None else None

    def select_job(self, job_id: int) -> bool:
        """Choose the card of ``job_id`` (scrolled to); False when it is not shown (filtered out, not read yet)."""
        row = self.model.row_of(job_id)
        if row is None:
            self._want_select = job_id  # chosen when it arrives
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        card = current.data(CardRole) if current.isValid() else None
        self.pane.show_card(card)
        if card is not None and not self.pane.isVisible():
            self.pane.setVisible(True)
            width = max(600, self.split.width())
            self.split.setSizes([width - 620, 620])

    def _menu(self, pos: Any) -> None:
        card = self.current_card()
        if card is None:
            return
        menu = QMenu(self)
        can = card.actions()
        for name, text, _tip in BUTTONS:
            if name in can:
                menu.addAction(text.replace("&", ""), partial(self.clip_actions.run, name))
        if card.kind in ("moment", "trend"):
            menu.addSeparator()
            menu.addAction("Show its source", lambda: self.clip_actions.run("source"))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _make_player(self, parent: QWidget) -> Any:
        from healthviz_desktop.ui.player import create_player
        from healthviz_desktop.ui.player.prefs import PlayerPrefs

        return create_player(parent, PlayerPrefs(self.window_.settings, self.window_.paths.settings))
