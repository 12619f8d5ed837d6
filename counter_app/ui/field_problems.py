"""Inline problem messages under a field: one calm line, shown only while there is a problem."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from . import errors

PROBLEM_STYLE = "color: #9c2f1c; font-size: 90%;"  # dark brick: visible, not an alarm


def problem_text(code: str, params: dict[str, Any] | None = None) -> str:
    """The sentence for a domain problem code, as a line of its own ("Chưa nhập")."""
    text = errors.text(code, **(params or {}))
    return text[:1].upper() + text[1:]


class ProblemLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        self.setStyleSheet(PROBLEM_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))

    def problem(self) -> str:
        return self.text().removeprefix("⚠ ")
