"""Function keys shared by several pages, so that a page can bind them without importing the
window that answers them (that window loads when first used)."""

from __future__ import annotations

from PySide6.QtCore import Qt

INFO_KEY = Qt.Key.Key_F1  # the chosen procedure's information (ProcedureInfoDialog)
FORM_KEY = Qt.Key.Key_F2  # its blank declaration form (tờ khai), to print
