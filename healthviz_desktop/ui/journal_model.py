"""The journal list as a Qt model: day header rows followed by that day's entries, newest first.

Rows are fetched lazily a page at a time (canFetchMore/fetchMore over ``Journal.list_ids`` offsets), so
a journal of 100k entries costs only what has been scrolled into view. The first page is loaded in a
worker (opening the journal imports SQLAlchemy) and handed over with ``reset_with``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Signal

from healthviz_desktop.core.limits import DAY_ROLLOVER_HOUR

if TYPE_CHECKING:  # the journal pulls in SQLAlchemy, the model the catalogue: not before the window paints
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.journal_reader import JournalReader
    from healthviz_desktop.core.model import Entry
    from healthviz_desktop.core.query import JournalFilter

PAGE_SIZE = 200

# Qt.ItemDataRole values as ints (fixed by Qt's ABI), and QtCore.Qt only inside methods: the Qt
# namespace's Python type costs ~30 ms to build and nothing before the first paint may need it.
_DISPLAY, _TOOLTIP, _ACCESSIBLE_TEXT, _USER = 0, 3, 11, 0x0100
KindRole = _USER + 1
EntryRole = _USER + 2
EntryIdRole = _USER + 3
DayRole = _USER + 4

Index = QModelIndex | QPersistentModelIndex


class FirstPage(NamedTuple):  # not a dataclass: ~1 ms less before the first paint
    """What a worker hands the model: the filter, the total and the first page of entries."""

    flt: JournalFilter
    total: int
    entries: list[Entry]


def load_first_page(journal: Journal | JournalReader, flt: JournalFilter, limit: int = PAGE_SIZE) -> FirstPage:
    """Runs in a worker thread."""
    return FirstPage(flt, journal.count(flt), journal.list_entries(flt, 0, limit))


def _now() -> datetime:
    return datetime.now().astimezone()


def journal_today(rollover_hour: int = DAY_ROLLOVER_HOUR, now: datetime | None = None) -> date:
    """The journal day it is now: until the rollover hour (04:00) it is still yesterday's day, the one whose
    evening the person is in, as core.model.journal_day counts entries."""
    return ((now or _now()) - timedelta(hours=rollover_hour)).date()


def day_title(day: date, today: date | None = None, rollover_hour: int = DAY_ROLLOVER_HOUR) -> str:
    """"Today" is the journal day it is now (at 01:30, the evening's day), not the calendar date."""
    today = today or journal_today(rollover_hour)
    if day == today:
        prefix = "Today · "
    elif day == today - timedelta(days=1):
        prefix = "Yesterday · "
    else:
        prefix = ""
    return f"{prefix}{day:%A} {day.day} {day:%B %Y}"


def entry_summary(entry: Entry) -> str:
    """One line a screen reader can read: time, symptoms with severities, medications."""
    parts = [entry.occurred_at.strftime("%H:%M")]
    if entry.observations:
        parts.append(", ".join(f"{o.label} {o.severity} of 10" for o in entry.observations))
    if entry.doses:
        parts.append("took " + ", ".join(d.label for d in entry.doses))
    if not entry.observations and not entry.doses and entry.notes:
        parts.append(entry.notes.splitlines()[0][:60])
    if entry.demo:
        parts.append("demo entry")
    return " · ".join(parts)


def entry_tooltip(entry: Entry) -> str:
    from healthviz_desktop.core.catalogue import catalogue

    cat = catalogue()
    lines = [f"{o.label}: {cat.severity_label(o.severity)}" for o in entry.observations]
    if entry.notes:
        lines.append(entry.notes[:300])
    return "\n".join(lines)


class JournalModel(QAbstractListModel):
    loaded = Signal()  # after a reset: the first page is in

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal: Journal | JournalReader | None = None
        self._flt: JournalFilter | None = None  # set with the first page
        self._rows: list[date | Entry] = []
        self._fetched = 0  # entries fetched so far (offset for the next page)
        self._total = 0
        self._notifying = False  # inside begin/end of a reset or insert: no nested fetches
        self.page_size = PAGE_SIZE
        self.rollover_hour = DAY_ROLLOVER_HOUR  # the person's setting, for "Today" and "Yesterday"

    # ---- loading -------------------------------------------------------------------------------

    @property
    def journal(self) -> Journal | JournalReader | None:
        return self._journal

    @property
    def filter(self) -> JournalFilter | None:
        return self._flt

    @property
    def total(self) -> int:
        return self._total

    def reset_with(self, journal: Journal | JournalReader, page: FirstPage) -> None:
        self._notifying = True
        try:
            self.beginResetModel()
            self._journal, self._flt, self._total = journal, page.flt, page.total
            self._rows, self._fetched = [], 0
            self._append(page.entries)
            self.endResetModel()
        finally:
            self._notifying = False
        self.loaded.emit()

    def set_rollover_hour(self, hour: int) -> None:
        """The person changed the hour a journal day starts: day headers ("Today", "Yesterday") say it now."""
        if hour == self.rollover_hour:
            return
        self.rollover_hour = hour
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def clear(self) -> None:
        self.beginResetModel()
        self._journal, self._rows, self._fetched, self._total = None, [], 0, 0
        self.endResetModel()

    def _append(self, entries: list[Entry]) -> None:
        self._rows.extend(self._rows_for(entries))
        self._fetched += len(entries)

    def _rows_for(self, entries: list[Entry]) -> list[date | Entry]:
        """Entries with a header row wherever the day changes (an entry written abroad whose local day
        sorts out of order simply starts a new header: the list stays in time order)."""
        last_day = self._last_day()
        new: list[date | Entry] = []
        for entry in entries:
            day = entry.effective_day()
            if day != last_day:
                new.append(day)
                last_day = day
            new.append(entry)
        return new

    def _last_day(self) -> date | None:
        for row in reversed(self._rows):
            return row if isinstance(row, date) else row.effective_day()
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        # Listeners of modelReset/rowsInserted (views, model testers) may ask for more while we are
        # still notifying; answering no keeps fetches from nesting inside another change.
        return (not parent.isValid() and not self._notifying and self._journal is not None
                and self._fetched < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._journal is not None and self._flt is not None
        entries = self._journal.list_entries(self._flt, self._fetched, self.page_size)
        if not entries:  # the journal shrank under us (another process); stop asking
            self._total = self._fetched
            return
        new = self._rows_for(entries)
        first = len(self._rows)
        self._notifying = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._fetched += len(entries)
            self.endInsertRows()
        finally:
            self._notifying = False

    def fetch_all_until(self, predicate: Any, max_pages: int = 25) -> int | None:
        """Fetch up to ``max_pages`` more pages until a row satisfies ``predicate(entry)``; its row, or None."""
        start = 0
        for _ in range(max_pages + 1):
            for row in range(start, len(self._rows)):
                item = self._rows[row]
                if not isinstance(item, date) and predicate(item):
                    return row
            start = len(self._rows)
            if not self.canFetchMore():
                return None
            self.fetchMore()
        return None

    # ---- reading -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> QtCore.Qt.ItemFlag:
        flag = QtCore.Qt.ItemFlag
        if not index.isValid():
            return flag.NoItemFlags
        if isinstance(self._rows[index.row()], date):
            return flag.ItemIsEnabled
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if isinstance(item, date):
            if role in (_DISPLAY, _ACCESSIBLE_TEXT):
                return day_title(item, rollover_hour=self.rollover_hour)
            if role == KindRole:
                return "day"
            if role == DayRole:
                return item.isoformat()
            return None
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return entry_summary(item)
        if role == _TOOLTIP:
            return entry_tooltip(item) or None
        if role == KindRole:
            return "entry"
        if role == EntryRole:
            return item
        if role == EntryIdRole:
            return item.id
        if role == DayRole:
            return item.effective_day().isoformat()
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role, name in ((KindRole, b"kind"), (EntryRole, b"entry"), (EntryIdRole, b"entryId"),
                           (DayRole, b"day")):
            names[role] = QByteArray(name)
        return names

    def row_of(self, entry_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if not isinstance(item, date) and item.id == entry_id:
                return row
        return None

    def entry_at(self, row: int) -> Entry | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return None if item is None or isinstance(item, date) else item
