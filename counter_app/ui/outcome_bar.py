"""The three outcomes of a visit, one key each (F9, F7, F8), and the keyboard hint line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .field_problems import PROBLEM_STYLE

RECEIVE_KEY = Qt.Key.Key_F9
GUIDANCE_KEY = Qt.Key.Key_F7
REFUSE_KEY = Qt.Key.Key_F8
PRIMARY_STYLE = ("QPushButton { background: #1f5f99; color: white; font-weight: bold;"
                 " padding: 6px 18px; border-radius: 4px; }"
                 " QPushButton:focus { outline: 2px solid #f2b705; }"
                 " QPushButton:disabled { background: #9bb3c9; }")
BUTTON_STYLE = "QPushButton { padding: 6px 14px; }"
HINT_STYLE = "color: #5b5b5b;"
DONE_STYLE = "color: #1d6b35; font-weight: bold;"


class OutcomeBar(QWidget):
    receive_requested = Signal()  # F9: tiếp nhận
    guidance_requested = Signal()  # F7: hướng dẫn bổ sung (Mẫu 02)
    refuse_requested = Signal()  # F8: từ chối (Mẫu 03)

    def __init__(self, shortcut_scope: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receive = QPushButton(self.tr("F9  Tiếp nhận"))
        self.receive.setStyleSheet(PRIMARY_STYLE)
        self.guidance = QPushButton(self.tr("F7  Hướng dẫn bổ sung"))
        self.refuse = QPushButton(self.tr("F8  Từ chối"))
        for button in (self.guidance, self.refuse):
            button.setStyleSheet(BUTTON_STYLE)
        self.hint = QLabel(self.tr(
            "Enter: sang ô tiếp theo · Dấu cách: đánh dấu giấy tờ · F9 Tiếp nhận ·"
            " F7 Hướng dẫn bổ sung · F8 Từ chối · Ctrl+N Hồ sơ mới · Ctrl+F Tra cứu"))
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("outcomeMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        signals = ((self.receive, RECEIVE_KEY, self.receive_requested),
                   (self.guidance, GUIDANCE_KEY, self.guidance_requested),
                   (self.refuse, REFUSE_KEY, self.refuse_requested))
        for button, key, signal in signals:
            button.setAutoDefault(True)  # Enter on a focused button presses it
            button.clicked.connect(signal.emit)
            shortcut = QShortcut(QKeySequence(key), shortcut_scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda b=button: b.click() if b.isEnabled() else None)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.refuse)
        layout.addWidget(self.guidance)
        layout.addWidget(self.receive)

    def set_busy(self, busy: bool) -> None:
        """While a dossier is being recorded, a second key press must not record it again."""
        for button in (self.receive, self.guidance, self.refuse):
            button.setEnabled(not busy)

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE if problem else DONE_STYLE)
        self.message.setText(("⚠ " if problem and text else "") + text)
