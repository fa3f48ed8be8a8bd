"""The entry editor through its widgets: defaults, anchored severity, inline validation, remembered doses."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, Qt, QTime

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.timefmt import now_local
from healthviz_desktop.ui.editor_rows import to_qdatetime
from healthviz_desktop.ui.entry_editor import EntryEditor
from tests.ui_helpers import OFFSCREEN_ONLY, TZ

pytestmark = OFFSCREEN_ONLY


def make_editor(qtbot, journal: Journal, entry: Entry | None = None) -> EntryEditor:  # type: ignore[no-untyped-def]
    editor = EntryEditor(journal, entry)
    # pytest-qt closes the editor after each test; a changed form would then ask (a modal box) first.
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_defaults_to_now_in_local_time_zone(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    before = now_local().replace(second=0, microsecond=0)
    editor = make_editor(qtbot, journal)
    value = editor.value()
    assert value.occurred_at.utcoffset() == now_local().utcoffset()
    assert before - timedelta(minutes=1) <= value.occurred_at <= now_local() + timedelta(minutes=1)
    assert len(editor.obs_rows) == 1 and editor.value().id is None


def test_severity_slider_shows_its_anchor(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, journal)
    sev = editor.obs_rows[0].severity
    sev.slider.setFocus()
    qtbot.keyClick(sev.slider, Qt.Key.Key_End)
    assert sev.value() == 10 and "as bad as it has ever been" in sev.anchor.text()
    sev.setValue(7)
    assert sev.anchor_text() == "7 — hard to concentrate, focus of attention"
    assert "7 — hard to concentrate" in sev.slider.accessibleDescription()


def test_inline_validation_messages_and_save_blocked(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, journal)
    row = editor.obs_rows[0]
    # An empty entry: no message until the person tries to save, then one that says what to do.
    assert not editor.form_error.isVisible()
    editor.save_button.click()
    assert editor.isVisible() and "Add a symptom" in editor.form_error.text()
    assert journal.count() == 0
    # A symptom name too long: the message appears under that symptom as it is typed.
    row.symptom.setEditText("x" * 81)
    assert row.error.isVisible() and "Symptom" in row.error.text() and "limit is 80" in row.error.text()
    row.symptom.setEditText("Jaw clicking")
    assert not row.error.isVisible()
    # In the future: refused with a message by the date field.
    editor.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    assert editor.when_error.isVisible() and "future" in editor.when_error.text()
    editor.save_button.click()
    assert editor.isVisible() and journal.count() == 0
    # Back-dated is fine. Noon, so the day is checked whatever time the test runs (before the day's rollover
    # hour an entry counts for the day before; test_an_after_midnight_time_counts_for_the_evening_before).
    three_days_ago = date.today() - timedelta(days=3)
    editor.when.setDateTime(QDateTime(three_days_ago, QTime(12, 0)))
    assert not editor.when_error.isVisible()
    editor.tags.setText("ok, " + "t" * 90)
    assert editor.labels_error.isVisible() and "Tags" in editor.labels_error.text()
    editor.tags.setText("ok")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    stored = saved.args[0]
    assert stored.observations[0].custom and stored.observations[0].symptom == "Jaw clicking"
    assert stored.occurred_at == datetime(three_days_ago.year, three_days_ago.month, three_days_ago.day,
                                          12, 0).astimezone()
    assert stored.day == three_days_ago and stored.effective_day() == three_days_ago


def _a_day_without_a_clock_change(days_ago: int) -> date:
    """A recent day whose small hours exist here (a DST change at 01:00 or 02:00 would move 01:30)."""
    day = date.today() - timedelta(days=days_ago)
    while datetime(day.year, day.month, day.day, 0).astimezone().utcoffset() != \
            datetime(day.year, day.month, day.day, 12).astimezone().utcoffset():
        day -= timedelta(days=1)
    return day


def test_an_after_midnight_time_counts_for_the_evening_before(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, journal)
    editor.obs_rows[0].symptom.setEditText("Jaw clicking")
    editor.when.setDateTime(QDateTime(date(2026, 3, 4), QTime(10, 0)))
    assert editor.when_zone.text().endswith("counts for Wed 4 Mar")  # as the date field writes days, not "04"
    three_days_ago = _a_day_without_a_clock_change(3)
    editor.when.setDateTime(QDateTime(three_days_ago, QTime(1, 30)))
    assert "counts for" in editor.when_zone.text() and "before the day's rollover hour" in editor.when_zone.text()
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    stored = saved.args[0]
    assert (stored.occurred_at.date(), stored.occurred_at.hour) == (three_days_ago, 1)
    assert stored.day == three_days_ago - timedelta(days=1)
    assert journal.get(stored.id).day == three_days_ago - timedelta(days=1)  # as saved in the journal


def test_full_entry_round_trips_through_the_form(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    when = datetime(2026, 3, 2, 21, 40, tzinfo=TZ)
    saved = journal.add(Entry(
        occurred_at=when, notes="made-up notes\nsecond line", tags=["work"], triggers=["stress", "bright light"],
        mood=3, energy=4, sleep_hours=5.5, sleep_quality=2,
        observations=[Observation("migraine", 8, ["throbbing", "pressing"], "temples",
                                  onset_at=when - timedelta(hours=2), duration_minutes=150)],
        doses=[Dose("sumatriptan", 50, "mg", relief="good", taken_at=when - timedelta(minutes=90))]))
    editor = make_editor(qtbot, journal, saved)
    obs = editor.obs_rows[0]
    assert obs.symptom.currentText() == "Migraine" and obs.area.currentData() == "temples"
    assert sorted(obs.qualities.selected()) == ["pressing", "throbbing"]
    assert (obs.hours.value(), obs.minutes.value()) == (2, 30)
    value = editor.value()
    assert value.observations == [Observation("migraine", 8, ["throbbing", "pressing"], "temples",
                                              onset_at=value.observations[0].onset_at, duration_minutes=150)]
    assert value.observations[0].onset_at == when - timedelta(hours=2)
    assert value.doses[0].name == "sumatriptan" and value.doses[0].amount == 50 and value.doses[0].relief == "good"
    assert value.doses[0].taken_at == when - timedelta(minutes=90)
    assert (value.mood, value.energy, value.sleep_hours, value.sleep_quality) == (3, 4, 5.5, 2)
    assert value.triggers == ["stress", "bright light"] and value.notes == "made-up notes\nsecond line"
    # The same instant is not enough: the entry keeps the offset it was lived in, and so its wall clock.
    for got, wanted in ((value.occurred_at, when), (value.observations[0].onset_at, when - timedelta(hours=2)),
                        (value.doses[0].taken_at, when - timedelta(minutes=90))):
        assert got is not None and got == wanted and got.utcoffset() == TZ.utcoffset(None)
        assert got.replace(tzinfo=None) == wanted.replace(tzinfo=None)


def test_editing_keeps_the_offset_and_the_journal_day(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    # Written at 04:28 in Nepal (+05:45): 22:43 UTC the day before, so read in this computer's zone
    # (whatever it is, bar Nepal) the entry would slip to another journal day with the 04:00 rollover.
    nepal = timezone(timedelta(hours=5, minutes=45))
    when = datetime(2026, 3, 2, 4, 28, tzinfo=nepal)
    stored = journal.add(Entry(occurred_at=when, observations=[Observation("migraine", 5, onset_at=when)]))
    assert stored.effective_day() == date(2026, 3, 2)
    editor = make_editor(qtbot, journal, stored)
    assert "04:28" in editor.when.text() and "UTC+0545" in editor.when_zone.text()
    assert editor.obs_rows[0].onset.time() == QTime(4, 28)
    assert editor.errors() == []
    with qtbot.waitSignal(editor.saved) as saved:  # opened and saved untouched: nothing moves
        editor.save_button.click()
    again = journal.get(saved.args[0].id)
    assert again.occurred_at.utcoffset() == nepal.utcoffset(None) and again.occurred_at.hour == 4
    assert again.effective_day() == date(2026, 3, 2)
    assert again.observations[0].onset_at is not None and again.observations[0].onset_at.utcoffset() == \
        nepal.utcoffset(None)
    # A time typed later means that time where the entry was lived.
    editor = make_editor(qtbot, journal, again)
    editor.when.setTime(QTime(9, 10))
    value = editor.value()
    assert value.occurred_at == datetime(2026, 3, 2, 9, 10, tzinfo=nepal)
    assert value.occurred_at.utcoffset() == nepal.utcoffset(None) and value.day == date(2026, 3, 2)


def test_medication_remembers_the_last_dose(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    journal.add(Entry(occurred_at=datetime(2026, 3, 1, 9, tzinfo=TZ), doses=[Dose("ibuprofen", 200, "mg")]))
    journal.add(Entry(occurred_at=datetime(2026, 3, 5, 9, tzinfo=TZ), doses=[Dose("ibuprofen", 600, "mg")]))
    journal.add(Entry(occurred_at=datetime(2026, 3, 6, 9, tzinfo=TZ),
                      doses=[Dose("Feverfew tea", 1, "tablet", drug_class="supplement")]))
    editor = make_editor(qtbot, journal)
    dose = editor.add_dose()
    qtbot.keyClicks(dose.name.lineEdit(), "Ibuprofen")
    assert dose.amount.value() == 600 and dose.unit.currentText() == "mg"
    assert "Last time: 600 mg" in dose.remembered.text()
    assert not dose.drug_class.isEnabled()  # catalogue medicines have a known class
    other = editor.add_dose()
    other.name.setEditText("Feverfew tea")  # the person's own medicine: its class is remembered too
    assert other.drug_class.isEnabled() and other.drug_class.currentData() == "supplement"
    assert other.amount.value() == 1


def test_trigger_field_completes_the_current_word(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, journal)
    completer = editor.triggers.words
    editor.triggers.setFocus()
    qtbot.keyClicks(editor.triggers, "stress, bri")
    assert completer.completionPrefix() == "bri"
    offered = [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]
    assert offered == ["bright light"]
    completer.activated.emit(offered[0])  # what choosing the popup's row does
    assert editor.triggers.items() == ["stress", "bright light"]


def test_removing_a_symptom_row(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, journal)
    second = editor.add_observation()
    second.symptom.setEditText("Nausea")
    editor.obs_rows[0].remove.click()
    assert editor.obs_rows == [second]
    assert [o.symptom for o in editor.value().observations] == ["nausea"]
    editor.when.setDateTime(to_qdatetime(now_local() - timedelta(hours=1)))
    assert editor.errors() == []
