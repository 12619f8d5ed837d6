"""Columns as wide as their widest text, for a fraction of what resizeColumnToContents costs."""

# QTableView.resizeColumnToContents asks the delegate for the size of every row's cell (up to
# the header's resizeContentsPrecision, 1,000 rows), and each size costs about eight data()
# calls into Python: 8,000 for the look-up page's 200 rows × 5 columns, ~55 ms of a frozen
# window. The texts are what decides the width (one font, no icons, no wrapping), so they are
# measured with font metrics, and only the few widest cells go through the delegate: the width
# is the one Qt itself would give (margins, style, grid line), from 15 size hints.

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTableView

from .row_table_model import RowTableModel

CANDIDATES = 3  # texts per column sized by the delegate: near-ties in font metrics are kept


def fit_to_widest(view: QTableView, model: RowTableModel[Any], columns: Iterable[IntEnum],
                  padding: int = 0) -> None:
    """Resize each of `columns` of `view` (showing `model`, directly or through a proxy) to
    its widest cell or its header, whichever is wider, plus `padding` pixels."""
    view.ensurePolished()
    metrics = QFontMetricsF(view.font())
    header = view.horizontalHeader()
    shown = view.model()
    grid = 1 if view.showGrid() else 0  # as QTableView.sizeHintForColumn counts it
    rows = model.rows()
    for column in columns:
        first_row: dict[str, int] = {}  # each distinct text, the first row showing it
        for i, row in enumerate(rows):
            text = model.cell(row, column, Qt.ItemDataRole.DisplayRole)
            first_row.setdefault("" if text is None else str(text), i)
        widest = sorted(first_row, key=metrics.horizontalAdvance, reverse=True)[:CANDIDATES]
        content = 0
        for text in widest:
            index = model.index(first_row[text], column)
            if isinstance(shown, QAbstractProxyModel):
                index = shown.mapFromSource(index)
            content = max(content, view.sizeHintForIndex(index).width() + grid)
        header.resizeSection(column, max(content, header.sectionSizeHint(column)) + padding)
