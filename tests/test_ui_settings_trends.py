"""Settings dialog (persistence, appearance, private terms, backups and restore), first-run welcome
with demo data, the trends view's charts and overuse flag, and the worker pool."""

from __future__ import annotations

import itertools
import re
import stat
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QLineSeries, QScatterSeries
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from healthviz_desktop.core.backups import list_backups
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.settings import Settings, load_settings
from healthviz_desktop.ui.journal_delegate import JournalDelegate, time_text
from healthviz_desktop.ui.journal_model import EntryRole, KindRole
from healthviz_desktop.ui.main_window import MainWindow
from healthviz_desktop.ui.settings_dialog import SettingsDialog
from healthviz_desktop.ui.trends_view import axis_labels, month_label, months_note
from healthviz_desktop.ui.welcome import WelcomeDialog
from healthviz_desktop.ui.workers import Workers
from tests.test_ui_journal import wait_reload
from tests.ui_helpers import OFFSCREEN_ONLY, TZ, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "data", make_entries(10))
    w = open_window(qtbot, tmp_path / "data")
    yield w
    w.close()
    apply_light = QApplication.instance()
    from healthviz_desktop.ui.theme import apply_appearance

    apply_appearance(apply_light, "system")  # type: ignore[arg-type]


def test_settings_persist_and_apply(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.location.text() == str(window.paths.root)
    dialog.appearance_buttons["dark"].click()
    dialog.interval.setCurrentIndex(dialog.interval.findData("weekly"))
    dialog.keep.setValue(4)
    dialog.rollover.setValue(5)
    dialog.tabs.setCurrentIndex(3)  # Private terms
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for name in ("Dr Placeholder", "Exampleton Clinic", "dr placeholder"):
        dialog.new_term.setFocus()
        dialog.new_term.setText(name)
        qtbot.keyClick(dialog.new_term, Qt.Key.Key_Return)
        # Enter adds the term, as the field says; it neither presses OK nor saves.
        assert dialog.isVisible() and dialog.new_term.text() == ""
    assert dialog.term_list() == ["Dr Placeholder", "Exampleton Clinic"]
    assert load_settings(window.paths.settings).private_terms == []
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    saved = load_settings(window.paths.settings)
    assert (saved.appearance, saved.backup_interval, saved.backup_keep, saved.day_rollover_hour) == \
        ("dark", "weekly", 4, 5)
    assert saved.private_terms == ["Dr Placeholder", "Exampleton Clinic"]
    assert stat.S_IMODE(window.paths.settings.stat().st_mode) == 0o600
    assert window.settings.private_terms == saved.private_terms
    # Dark palette applied now, without a restart.
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 128
    # Reopening shows what was saved; removing a term and cancelling changes nothing.
    again = window.open_settings()
    assert again.appearance_buttons["dark"].isChecked() and again.keep.value() == 4
    again.terms.setCurrentRow(0)
    again.remove_term.click()
    again.reject()
    assert load_settings(window.paths.settings).private_terms == ["Dr Placeholder", "Exampleton Clinic"]
    # The editor uses the day rollover hour from settings.
    editor = window.new_entry()
    assert editor.rollover_hour == 5
    editor.reject()


def test_backup_now_and_restore_with_confirmation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_settings()
    with qtbot.waitSignal(window.pools.idle, timeout=20_000):
        dialog.backup_now.click()
    qtbot.waitUntil(lambda: dialog.backups.count() == 1)
    assert [b.reason for b in list_backups(window.paths)] == ["manual"]
    # Add an entry after the backup; restoring brings the journal back to 20 entries.
    window.journal.add(Entry(occurred_at=datetime.now(TZ), notes="made-up: after the backup"))
    with wait_reload(qtbot, window):
        window.reload()
    assert window.model.total == 21
    dialog.backups.setCurrentRow(0)
    dialog.confirm_restore = lambda label: False  # the person says no: nothing happens
    dialog.restore.click()
    assert window.journal is not None and window.journal.count() == 21
    asked: list[str] = []
    dialog.confirm_restore = lambda label: asked.append(label) or True
    before = window.clip_jobs
    with wait_reload(qtbot, window):
        dialog.restore.click()
    assert asked and window.journal.count() == 20 and window.model.total == 20
    # the clip jobs held the replaced journal: stopped, and new ones started on the restored file
    assert before.cancel.is_set() and window.clip_jobs is not before
    assert "pre-restore" in {b.reason for b in list_backups(window.paths)}
    assert "kept as" in window.message.text()


def test_first_run_welcome_loads_demo_data(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "fresh", [], Settings(first_run_done=False, backup_interval="off"))
    window = open_window(qtbot, tmp_path / "fresh")
    try:
        welcome = window.findChild(WelcomeDialog)
        assert welcome is not None and welcome.isVisible()
        text = " ".join(lbl.text() for lbl in welcome.findChildren(type(window.count_label)))
        assert str(window.paths.root) in text and "Nothing leaves this laptop unless you send it" in text
        assert window.empty_hint.isVisible() and "empty" in window.empty_hint.text()
        welcome.demo.setChecked(True)
        with wait_reload(qtbot, window):
            welcome.accept()
        assert window.model.total > 100
        assert load_settings(window.paths.settings).first_run_done
    finally:
        window.close()


def test_trends_charts_and_overuse_flag(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 12 triptan days in the first days of last month: always inside the default 90 days, whatever today is
    today = date.today()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    entries = [Entry(occurred_at=datetime(d.year, d.month, d.day, 10, tzinfo=TZ),
                     observations=[Observation("migraine", 6)], doses=[Dose("sumatriptan", 50, "mg")])
               for d in (last_month + timedelta(days=i) for i in range(12))]
    entries += make_entries(40)
    seed_journal(tmp_path / "t", entries)
    window = open_window(qtbot, tmp_path / "t")
    try:
        with qtbot.waitSignal(window.trends.updated, timeout=20_000):
            qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
            window.trends.refresh()
        assert window.tabs.currentIndex() == 1 and window.windowTitle().startswith("HealthViz")
        series = window.trends.severity_chart.series()
        dots = [s for s in series if isinstance(s, QScatterSeries)]
        assert {s.name() for s in dots} >= {"Migraine", "Lower back pain"}
        # Lines only join consecutive days: a gap is never drawn as a level that held.
        for line in (s for s in series if type(s) is QLineSeries):
            xs = [p.x() for p in line.points()]
            assert all(abs(b - a - 86_400_000) <= 3_600_000 for a, b in itertools.pairwise(xs))  # DST
        bars = window.trends.days_chart.series()
        assert bars and isinstance(bars[0], QBarSeries)
        months = next(a for a in window.trends.days_chart.axes() if isinstance(a, QBarCategoryAxis)).categories()
        assert months == axis_labels(window.trends.trends.months, today)
        assert re.fullmatch(r"[A-Z][a-z]{2}<br>\d{4}", months[0]), months  # the year, in full
        assert window.trends.days_chart.axes(Qt.Orientation.Horizontal)[0].titleText() == \
            months_note(window.trends.trends.months, today)
        meds = window.trends.meds_chart.series()[0]
        assert {b.label() for b in meds.barSets()} >= {"Triptan", "Simple analgesic"}
        flags_text = window.trends.flags.text()
        assert "Triptan on 12 days" in flags_text  # the ICHD-3 threshold for triptans is 10
        assert "not a diagnosis" in flags_text
        with qtbot.waitSignal(window.trends.updated, timeout=20_000):
            window.trends.period.setCurrentIndex(window.trends.period.findData(365))
        assert len(window.trends.trends.months) >= 12
    finally:
        window.close()


def test_workers_run_off_the_gui_thread_and_report_back_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    workers = Workers()
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def job(progress) -> int:  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    def done(value: object) -> None:
        seen["result"], seen["callback"] = value, threading.get_ident()

    with qtbot.waitSignal(workers.idle, timeout=5000):
        workers.submit(job, with_progress=True, label="Working…", on_result=done,
                       on_progress=lambda d, t, s: seen.setdefault("progress", (d, t, s)))
    assert seen["result"] == 42 and seen["callback"] == gui and seen["worker"] != gui
    assert seen["progress"] == (1, 2, "half")
    errors: list[BaseException] = []
    with qtbot.waitSignal(workers.idle, timeout=5000):
        workers.submit(lambda: 1 / 0, label="Failing", on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


def test_month_labels_say_the_year_and_which_month_is_still_under_way() -> None:
    today = date(2026, 12, 1)
    assert month_label("2026-09", today) == "Sep 2026"  # not "Sep 26", which reads as 26 September
    assert [month_label(m, today) for m in ("2026-11", "2026-12", "2027-01")] == ["Nov 2026", "Dec 2026*",
                                                                                   "Jan 2027*"]
    assert month_label("2027-02", date(2027, 2, 28)) == "Feb 2027"  # the last day: the month is whole
    assert months_note(["2026-09", "2026-10", "2026-11", "2026-12"], today) == \
        "whole calendar months from 1 Sep 2026 · * not over yet: counted to 1 Dec 2026"
    assert months_note(["2026-09", "2026-10"], today) == "whole calendar months from 1 Sep 2026"
    assert axis_labels(["2026-11", "2026-12", "2027-01", "2027-02"], date(2027, 2, 3)) == \
        ["Nov<br>2026", "Dec", "Jan<br>2027", "Feb*"]


class RecordingPainter(QPainter):
    """Keeps the text the delegate draws (its Python code calls drawText on this object)."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts += [a for a in args if isinstance(a, str)]
        super().drawText(*args)  # type: ignore[call-overload]


def test_after_midnight_entries_show_their_weekday(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Monday 2 March 2026: 08:45, and 00:20 on Tuesday, which still counts for Monday (04:00 rollover).
    late = Entry(occurred_at=datetime(2026, 3, 3, 0, 20, tzinfo=TZ), observations=[Observation("migraine", 4)])
    morning = Entry(occurred_at=datetime(2026, 3, 2, 8, 45, tzinfo=TZ), notes="made-up")
    assert late.effective_day() == morning.effective_day() == date(2026, 3, 2)
    assert (time_text(late), time_text(morning)) == ("00:20 Tue", "08:45")
    model = QStandardItemModel()
    for entry in (late, morning):
        item = QStandardItem()
        item.setData(entry, EntryRole)
        item.setData("entry", KindRole)
        model.appendRow(item)
    delegate = JournalDelegate()
    drawn = []
    for row in range(2):
        image = QImage(640, 60, QImage.Format.Format_ARGB32)
        painter = RecordingPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 640, 60)
        option.font = QApplication.font()
        option.palette = QApplication.palette()
        delegate.paint(painter, option, model.index(row, 0))
        painter.end()
        drawn.append(painter.texts)
    assert "00:20 Tue" in drawn[0] and "08:45" in drawn[1]
