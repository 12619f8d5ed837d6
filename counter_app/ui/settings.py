"""Window state kept between runs in QSettings: every key declared here, once, with its type."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "QuayMotCua"
APPLICATION = "QuayMotCua"

MAIN_WINDOW_GEOMETRY = "main_window/geometry"  # QByteArray from QWidget.saveGeometry()
DOSSIER_VIEW_GEOMETRY = "dossier_view/geometry"  # QByteArray
LOOKUP_HEADER_STATE = "lookup/header_state"  # QByteArray from QHeaderView.saveState()


def language() -> str:
    """"vi" (the source language) or "en"; chosen by QMC_LANG until there is a settings page."""
    return "en" if os.environ.get("QMC_LANG", "").lower().startswith("en") else "vi"


def load_bytes(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    QSettings().setValue(key, value)
