"""Window state kept between runs in QSettings: every key declared here, once, with its type."""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "QuayMotCua"
APPLICATION = "QuayMotCua"

MAIN_WINDOW_GEOMETRY = "main_window/geometry"  # QByteArray from QWidget.saveGeometry()
DOSSIER_VIEW_GEOMETRY = "dossier_view/geometry"  # QByteArray
PREVIEW_GEOMETRY = "print_preview/geometry"  # QByteArray
LOOKUP_HEADER_STATE = "lookup/header_state"  # QByteArray from QHeaderView.saveState()
PROCEDURE_SCORES = "reception/procedure_scores"  # JSON {code: score}: recent and frequent
PDF_FOLDER = "print_preview/pdf_folder"  # str: where "Lưu PDF…" saved last
SCANNER_MAX_GAP_MS = "scanner/max_gap_ms"  # int: longest pause inside one scan
SCANNER_MIN_LENGTH = "scanner/min_length"  # int: shortest text taken for a scan
SCAN_FOLDER = "reception/scan_folder"  # str: where the office scanner saves (scan to folder)
LOCK_AFTER_MINUTES = "session/lock_after_minutes"  # int: idle minutes before the lock; 0 never
LAST_CHANNEL = "reception/last_channel"  # str: Channel value of the last dossier saved
LAST_DELIVERY = "reception/last_delivery"  # str: ResultDelivery value of the last dossier saved

DEFAULT_SCANNER_MAX_GAP_MS = 30
DEFAULT_SCANNER_MIN_LENGTH = 6
DEFAULT_LOCK_AFTER_MINUTES = 10


def language() -> str:
    """"vi" (the source language) or "en"; chosen by QMC_LANG until there is a settings page."""
    return "en" if os.environ.get("QMC_LANG", "").lower().startswith("en") else "vi"


def load_bytes(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    QSettings().setValue(key, value)


def _load_int(key: str, default: int, lowest: int, highest: int) -> int:
    try:
        value = int(QSettings().value(key, default))  # INI files give text back
    except (TypeError, ValueError):
        return default
    return value if lowest <= value <= highest else default


def scanner_max_gap_ms() -> int:
    """A scanner types much faster than a person; slow Bluetooth scanners may need 50–80."""
    return _load_int(SCANNER_MAX_GAP_MS, DEFAULT_SCANNER_MAX_GAP_MS, 5, 200)


def scanner_min_length() -> int:
    return _load_int(SCANNER_MIN_LENGTH, DEFAULT_SCANNER_MIN_LENGTH, 3, 100)


def lock_after_minutes() -> int:
    """Minutes without keyboard or mouse before the counter locks itself (0: never)."""
    return _load_int(LOCK_AFTER_MINUTES, DEFAULT_LOCK_AFTER_MINUTES, 0, 240)


def load_text(key: str) -> str:
    value = QSettings().value(key, "")
    return value if isinstance(value, str) else ""


def save_text(key: str, value: str) -> None:
    QSettings().setValue(key, value)


def load_procedure_scores() -> dict[str, float]:
    try:
        data = json.loads(load_text(PROCEDURE_SCORES) or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)}


def save_procedure_scores(scores: dict[str, float]) -> None:
    save_text(PROCEDURE_SCORES, json.dumps(scores, sort_keys=True))
