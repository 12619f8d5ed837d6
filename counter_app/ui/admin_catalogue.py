"""Danh mục thủ tục: the procedures of this workstation, a filter, and importing JSON files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import messages
from ..domain.errors import ValidationFailed
from ..domain.model import Procedure
from ..domain.text import fold
from ..services.counter import Changes
from . import errors
from .admin_table_models import ROW_ROLE, ProcedureColumn, ProcedureTableModel
from .field_problems import PROBLEM_STYLE
from .lanes import CounterLane

DONE_STYLE = "color: #2f5f2f;"


class FoldedFilterModel(QSortFilterProxyModel):
    """Rows whose code or name contains every word typed, accents and case ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.9+: invalidateFilter() alone is deprecated
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        item = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(item, Procedure):
            return False
        haystack = fold(f"{item.code} {item.name} {item.field_name}")
        return all(word in haystack for word in self._words)


class CataloguePage(QWidget):
    """Lists through the lane; an import writes all files or nothing (`import_catalogue`)."""

    listed = Signal(int)  # procedures now in the table
    imported = Signal(int)  # procedures written by the last import
    import_failed = Signal(str)  # the message shown
    changes_applied = Signal(object)  # services.counter.Changes

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.model = ProcedureTableModel(parent=self)
        self.proxy = FoldedFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Lọc theo mã, tên thủ tục, lĩnh vực"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.import_button = QPushButton(self.tr("Nạp tệp JSON…"))
        self.import_button.setToolTip(self.tr(
            "Nạp danh mục thủ tục theo định dạng ở docs/catalogue-format.md;"
            " có lỗi thì không nạp gì"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProcedureColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self._lane.call(lambda counter: counter.procedures(), self._on_lane_listed,
                        self._on_lane_failed, context=self)

    def _on_lane_listed(self, procedures: Sequence[Procedure]) -> None:
        self.model.set_rows(procedures)
        self.table.sortByColumn(ProcedureColumn.CODE, self.table.horizontalHeader()
                                .sortIndicatorOrder())
        self.listed.emit(len(procedures))

    # ----- importing: the file dialog is replaced in tests ---------------------------------

    def choose_files(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Nạp danh mục thủ tục"), "", self.tr("Tệp JSON (*.json)"))
        return [Path(p) for p in paths]

    def _on_import_button_clicked(self) -> None:
        paths = self.choose_files()
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> None:
        files = [Path(p) for p in paths]
        self.import_button.setEnabled(False)
        self._show(self.tr("Đang nạp…"), DONE_STYLE)
        self._lane.call(lambda counter: counter.import_catalogue(files),
                        self._on_lane_imported, self._on_lane_import_failed, context=self)

    def _on_lane_imported(self, result: tuple[int, Changes]) -> None:
        n, changes = result
        self.import_button.setEnabled(True)
        self._show(self.tr("Đã nạp {n} thủ tục.").format(n=n), DONE_STYLE)
        self.refresh()
        self.imported.emit(n)
        self.changes_applied.emit(changes)

    def _on_lane_import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            # The loader names every problem by its place in the file ("procedures[2].code").
            lines = [f"• {messages.describe_problem(p)} [{p.field}]" if p.field
                     else f"• {messages.describe_problem(p)}" for p in error.problems[:20]]
            if len(error.problems) > 20:
                lines.append(self.tr("… và {n} lỗi khác").format(n=len(error.problems) - 20))
            text = "\n".join([self.tr("Không nạp được: tệp có lỗi, chưa có gì được ghi."),
                              *lines])
        else:
            text = self.tr("Không nạp được: {reason}").format(reason=errors.describe(error))
        self._show(text, PROBLEM_STYLE)
        self.import_failed.emit(text)

    def _on_lane_failed(self, error: BaseException) -> None:
        self._show(errors.describe(error), PROBLEM_STYLE)

    def _show(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
