"""The keyboard-wedge scanner: a fast burst of keystrokes ending in Enter, told from typing."""

# A USB or Bluetooth barcode/QR scanner "types" what it reads, a character every few
# milliseconds, then Enter. People type one every 100 ms or more (and at most two or three
# keys close together when rolling over). So: keystrokes are held back while they come fast;
# the moment the rhythm turns human (a pause, a key that is not text) they are handed to the
# widget in order, as typed. A long enough fast burst ending in Enter is a scan: it is taken
# away from the widget and announced instead. The scanned text is personal data (Decree
# 13/2023/NĐ-CP): never log it.

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ..domain.text import nfc
from . import settings

T = TypeVar("T")


@dataclass
class Step(Generic[T]):
    """What to do with one keystroke: `replay` the held ones first (in order), then either
    `hold` this one back or let it through; a `scan` swallows this Enter and the held keys."""

    replay: list[T] = field(default_factory=list)
    hold: bool = False
    scan: str | None = None


class BurstDetector(Generic[T]):
    """Timestamps in, decisions out; no Qt. `item` is whatever the caller needs to replay a key."""

    def __init__(self, max_gap_ms: int = settings.DEFAULT_SCANNER_MAX_GAP_MS,
                 min_length: int = settings.DEFAULT_SCANNER_MIN_LENGTH) -> None:
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._held: list[tuple[str, T]] = []
        self._last_ms = 0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def _fast(self, at_ms: int) -> bool:
        return 0 <= at_ms - self._last_ms <= self.max_gap_ms

    def _release(self) -> list[T]:
        items = [item for _, item in self._held]
        self._held.clear()
        return items

    def char(self, at_ms: int, text: str, item: T) -> Step[T]:
        """A keystroke that types `text`: held, after releasing a burst that has gone slow."""
        replay = self._release() if self._held and not self._fast(at_ms) else []
        self._held.append((text, item))
        self._last_ms = at_ms
        return Step(replay, hold=True)

    def enter(self, at_ms: int) -> Step[T]:
        """Enter or Return: the end of a scan, if a long enough burst came fast right before."""
        text = "".join(t for t, _ in self._held)
        if self._held and self._fast(at_ms) and len(text) >= self.min_length:
            self._held.clear()
            return Step(hold=True, scan=text)
        return Step(self._release())

    def other(self) -> Step[T]:
        """Any other key (arrows, Tab, Backspace, shortcuts): a person is typing."""
        return Step(self._release())

    def idle(self) -> Step[T]:
        """No keystroke for a while: whatever is held was typed by a person."""
        return Step(self._release())


@dataclass(frozen=True)
class HeldKey:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


# Key codes as plain ints: a platform may send codes that Qt.Key has no member for.
_MODIFIER_KEYS = frozenset(k.value for k in (
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock))
_ENTER_KEYS = frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value})
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
_WATCHED = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                      QEvent.Type.MouseButtonPress})


def _is_secret(widget: QObject) -> bool:
    """Password fields never receive scans, nor are their keystrokes held."""
    return isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal


def _typed_text(event: QKeyEvent) -> str:
    text = event.text()
    if not text or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
        return ""
    return text


class ScannerFilter(QObject):
    """Application-wide event filter; `scan_received` carries the parsed ScanResult."""

    scan_received = Signal(object)

    def __init__(self, parent: QObject | None = None, *, max_gap_ms: int | None = None,
                 min_length: int | None = None,
                 clock_ms: Callable[[], int] | None = None) -> None:
        super().__init__(parent)
        gap = max_gap_ms if max_gap_ms is not None else settings.scanner_max_gap_ms()
        self.detector: BurstDetector[HeldKey] = BurstDetector(
            gap, min_length if min_length is not None else settings.scanner_min_length())
        self._clock_ms = clock_ms or (lambda: int(time.monotonic() * 1000))
        self._replaying = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        # Twice the gap: a slow event loop must not cut a scan in two.
        self._idle.setInterval(2 * gap)
        self._idle.timeout.connect(self._on_idle_timeout)

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def flush(self) -> None:
        """Hand every held keystroke to its widget now."""
        self._apply(self.detector.idle())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or self._replaying or not watched.isWidgetType():
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self.flush()  # a click on "Tiếp nhận" must see what was typed just before
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key = int(event.key())
        if key in _MODIFIER_KEYS:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Shortcuts (F9…) fire before the KeyPress: give the typed text to the form first.
            if key not in _ENTER_KEYS and not _typed_text(event):
                self.flush()
            return False
        if _is_secret(watched) or event.isAutoRepeat():
            self.flush()
            return False
        at_ms = int(event.timestamp()) or self._clock_ms()
        text = _typed_text(event)
        if key in _ENTER_KEYS:
            step = self.detector.enter(at_ms)
        elif text and isinstance(watched, QWidget):
            step = self.detector.char(at_ms, text, HeldKey(watched, key, event.modifiers(),
                                                           text))
        else:
            step = self.detector.other()
        self._apply(step)
        if step.scan is not None:
            self._idle.stop()
            from ..domain.scan import parse_scan  # with the first scan

            result = parse_scan(nfc(step.scan))
            # After this key event is done: what the scan opens may move the focus.
            QTimer.singleShot(0, self, lambda: self.scan_received.emit(result))
        elif step.hold:
            self._idle.start()
        return step.hold

    def _on_idle_timeout(self) -> None:
        self.flush()

    def _apply(self, step: Step[HeldKey]) -> None:
        if not step.replay:
            return
        self._replaying = True
        try:
            for held in step.replay:
                # Only presses: the key releases were never held, they went through.
                if shiboken6.isValid(held.receiver):
                    QCoreApplication.sendEvent(held.receiver, QKeyEvent(
                        QEvent.Type.KeyPress, held.key, held.modifiers, held.text))
        finally:
            self._replaying = False

