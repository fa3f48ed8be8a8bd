"""The Compose dialog (pytest-qt, offscreen): modes, the exact request, highlights, Send gating."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from healthviz_desktop.core.generation.studio import ClipOrder
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui.compose_dialog import ComposeDialog
from tests.conftest import sample_entry
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = OFFSCREEN_ONLY


def _dialog(qtbot: Any, journal: Journal, terms: list[str] | None = None, **kw: Any) -> ComposeDialog:
    dlg = ComposeDialog(journal, terms or [], **kw)
    qtbot.addWidget(dlg)
    return dlg


def test_moment_shows_exact_request_and_sends_it(qtbot: Any, journal: Journal) -> None:
    e = journal.add(sample_entry(notes="Jonah Whitfield dropped by", tags=["Oakridge"]))
    dlg = _dialog(qtbot, journal, entry_ids=[e.id])
    assert dlg.current_mode() == "moment"
    shown = json.loads(dlg.exact.toPlainText())
    assert shown == dlg.composed.request and shown["seconds"] == "8"
    assert "Jonah" not in dlg.exact.toPlainText()
    left_out = [dlg.removed.item(i).text() for i in range(dlg.removed.count())]
    assert any(t.startswith("notes:") for t in left_out) and any("tags[0]" in t for t in left_out)
    assert dlg.send.isEnabled()
    dlg.seconds.setCurrentIndex(2)  # 12 s
    assert json.loads(dlg.exact.toPlainText())["seconds"] == "12"
    with qtbot.waitSignal(dlg.send_requested, timeout=1000) as sent:
        dlg.send.click()
    order = sent.args[0]
    assert isinstance(order, ClipOrder) and order.provider == "local"
    quote = dlg.studio.quote(order.source, order.choices, order.provider)  # what Send goes on to write
    assert quote.request.body == json.loads(dlg.exact.toPlainText())
    dlg.prompt.setPlainText(dlg.prompt.toPlainText() + " Softly.")  # the person's own words go too
    with qtbot.waitSignal(dlg.send_requested, timeout=1000) as sent:
        dlg.send.click()
    order = sent.args[0]
    assert dlg.studio.quote(order.source, order.choices, order.provider).request.body["prompt"].endswith("Softly.")


def test_editing_in_an_identifier_blocks_and_highlights(qtbot: Any, journal: Journal) -> None:
    e = journal.add(sample_entry())
    dlg = _dialog(qtbot, journal, entry_ids=[e.id])
    original = dlg.prompt.toPlainText()
    dlg.prompt.setPlainText(original + "\nCall 555-010-2233 or ask Dr. Okafor.")
    assert not dlg.send.isEnabled()
    assert "blocked" in dlg.verdict.text()
    assert len(dlg.prompt.extraSelections()) >= 2
    assert "555-010-2233" in dlg.exact.toPlainText()  # the view is the exact request, blocked or not
    dlg.prompt.setPlainText(original.replace("frosted glass", "frosted marble"))
    assert dlg.send.isEnabled()
    assert len(dlg.prompt.extraSelections()) == 1  # "marble": a note, not a block
    dlg.reset.click()
    assert dlg.prompt.toPlainText() == original and not dlg.prompt.extraSelections()


def test_private_terms_from_settings_block(qtbot: Any, journal: Journal) -> None:
    e = journal.add(sample_entry())
    dlg = _dialog(qtbot, journal, ["frosted"], entry_ids=[e.id])
    assert not dlg.send.isEnabled()
    assert any("private" in dlg.findings.item(i).text() for i in range(dlg.findings.count()))


def test_date_range_composes_a_trend(qtbot: Any, journal: Journal) -> None:
    for day in (2, 9, 16, 23):
        journal.add(sample_entry(day=date(2026, 3, day)))
    dlg = _dialog(qtbot, journal, date_range=(date(2026, 3, 1), date(2026, 3, 28)))
    assert dlg.current_mode() == "trend" and dlg.composed is not None
    assert dlg.composed.spec.extra["days_with_entries"] == 4 and dlg.send.isEnabled()
    dlg.date_from.setDate(dlg.date_from.date().addYears(2))
    assert dlg.composed is None and not dlg.send.isEnabled() and "Nothing to send" in dlg.verdict.text()


def test_explainer_needs_approval(qtbot: Any, journal: Journal) -> None:
    dlg = _dialog(qtbot, journal, ["Westfield"])
    assert dlg.current_mode() == "explainer" and not dlg.send.isEnabled()
    dlg.explainer.setPlainText("Magnesium may calm nerve signals, said Dr. Amara Quell at Westfield on 3/4/2026.")
    assert dlg.composed is not None and dlg.composed.verdict.ok
    assert "Amara" not in dlg.exact.toPlainText() and "3/4/2026" not in dlg.exact.toPlainText()
    assert not dlg.send.isEnabled()
    dlg.approve.setChecked(True)
    assert dlg.send.isEnabled()


def test_editing_an_approved_explainer_needs_approval_again_and_removals_are_marked(
        qtbot: Any, journal: Journal) -> None:
    dlg = _dialog(qtbot, journal)
    dlg.explainer.setPlainText("Dr. Amara Quell said magnesium may calm nerve signals.")
    marked = {dlg.prompt.toPlainText()[s.cursor.selectionStart():s.cursor.selectionEnd()]
              for s in dlg.prompt.extraSelections()}
    assert "[NAME]" in marked  # where the de-identifier took something out is shown, not only listed
    dlg.approve.setChecked(True)
    assert dlg.send.isEnabled()
    dlg.prompt.setPlainText(dlg.prompt.toPlainText() + " Effects take weeks.")
    assert not dlg.approve.isChecked() and not dlg.send.isEnabled()
    dlg.approve.setChecked(True)
    assert dlg.send.isEnabled()
