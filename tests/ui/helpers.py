"""Typing into widgets as a clerk or a scanner would, with the timestamps that tell them apart."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

HUMAN_GAP_MS = 120  # a quick typist; the scanner filter holds keys closer than 30 ms
SCANNER_GAP_MS = 4

# Key events carry timestamps from one made-up clock, far from the real monotonic clock that
# the scanner filter falls back on for events without one.
_clock = itertools.count(2**40, 1)
_now = [next(_clock)]


def _tick(gap_ms: int) -> int:
    _now[0] += gap_ms
    return _now[0]


def key_event(kind: QEvent.Type, key: int, text: str, at_ms: int,
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    event = QKeyEvent(kind, key, modifiers, text)
    event.setTimestamp(at_ms)
    return event


def send_key(widget: QWidget, key: int, text: str = "", gap_ms: int = HUMAN_GAP_MS,
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    at = _tick(gap_ms)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, key_event(kind, key, text, at, modifiers))


def type_text(widget: QWidget, text: str, gap_ms: int = HUMAN_GAP_MS) -> None:
    """One key press per character at a person's pace; works for Vietnamese, unlike
    qtbot.keyClicks (ASCII only: it aborts the process on other text).

    The scanner filter hands the last character over once the keyboard has been quiet for a
    moment (or at the next key that is not text): wait, or press Tab/Enter, before reading."""
    for ch in text:
        send_key(widget, Qt.Key.Key_unknown, ch, gap_ms)


def press_enter(widget: QWidget, gap_ms: int = HUMAN_GAP_MS) -> None:
    send_key(widget, Qt.Key.Key_Return, "\r", gap_ms)


def scan(widget: QWidget, text: str, gap_ms: int = SCANNER_GAP_MS) -> None:
    """What a keyboard-wedge scanner sends: the text very fast, then Enter."""
    _tick(1000)  # the scanner starts after a pause
    type_text(widget, text, gap_ms)
    press_enter(widget, gap_ms)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


# Every UI test module: `pytestmark = QT_STRICT` — a Qt warning fails the test, except the
# offscreen platform's notices about what it cannot do (raise(), propagateSizeHints()…).
QT_STRICT = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(r"^This plugin does not support "),
]
