"""The Qt binding must not leak or drop references to Python's singletons: PySide6 6.12.0 on CPython 3.11
dropped one reference to None per void call and one to True per signal emit, so the window aborted with
"none_dealloc" after a few thousand mouse moves. Whatever version pyproject.toml resolves must pass this."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 2_000


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_refcounts(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    got: list[int] = []
    emitter.fired.connect(got.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("x")  # returns None
        emitter.fired.emit(1)  # returns True
    assert len(got) == CALLS
    # a little slack for the interpreter's own use; the bug moved them by exactly CALLS
    assert abs(sys.getrefcount(None) - none_before) < CALLS // 10
    assert abs(sys.getrefcount(True) - true_before) < CALLS // 10
