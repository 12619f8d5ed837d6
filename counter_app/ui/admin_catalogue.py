"""Danh mục thủ tục: the procedures of this workstation, a filter, and importing JSON files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationFailed
from ..domain.model import Procedure, ProcedureForm
from ..domain.text import fold
from ..services import forms
from ..services.counter import Changes
from . import errors
from .admin_table_models import ROW_ROLE, ProcedureColumn, ProcedureTableModel
from .field_problems import PROBLEM_STYLE
from .keys import INFO_KEY
from .lanes import CounterLane
from .procedure_info import ProcedureInfoDialog

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
    info_opened = Signal(object)  # the ProcedureInfoDialog just shown
    form_attached = Signal(str)  # the procedure's code

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = ""  # who is logged in: an attached form's event carries it
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
        self.info_button = QPushButton(self.tr("F1  Thông tin thủ tục"))
        self.info_button.clicked.connect(self.show_info)
        self.attach_button = QPushButton(self.tr("Đính kèm tờ khai PDF…"))
        self.attach_button.setToolTip(self.tr(
            "Đính kèm mẫu tờ khai (PDF do tỉnh cung cấp) vào thủ tục đang chọn cho cả đơn vị:"
            " các quầy khác nhận được khi đồng bộ với cổng; mẫu cùng tên được thay thế"))
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
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
        top.addWidget(self.info_button)
        top.addWidget(self.attach_button)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.activated.connect(lambda _index: self.show_info())  # Enter, double-click
        info = QShortcut(QKeySequence(INFO_KEY), self)
        info.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        info.activated.connect(self.show_info)

    def refresh(self) -> None:
        self._lane.call(lambda counter: counter.procedures(), self._on_lane_listed,
                        self._on_lane_failed, context=self)

    def _on_lane_listed(self, procedures: Sequence[Procedure]) -> None:
        self.model.set_rows(procedures)
        self.table.sortByColumn(ProcedureColumn.CODE, self.table.horizontalHeader()
                                .sortIndicatorOrder())
        self.listed.emit(len(procedures))

    # ----- one procedure: its information, its blank forms ---------------------------------

    def selected(self) -> Procedure | None:
        index = self.table.currentIndex()
        item = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return item if isinstance(item, Procedure) else None

    def show_info(self) -> None:
        procedure = self.selected()
        if procedure is None:
            self._show(self.tr("Chọn một thủ tục trong bảng trước."), PROBLEM_STYLE)
            return
        dialog = ProcedureInfoDialog(self._lane, procedure, self.window())
        dialog.open()
        self.info_opened.emit(dialog)

    def choose_form(self, procedure: Procedure) -> tuple[Path, str] | None:
        """The PDF and the form's name (replaced in tests, which must not open dialogs)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Đính kèm tờ khai"), "", self.tr("Tệp PDF (*.pdf)"))
        if not path:
            return None
        name, ok = QInputDialog.getText(self, self.tr("Tên mẫu tờ khai"),
                                        self.tr("Tên mẫu (như người dân đọc):"),
                                        text=Path(path).stem)
        return (Path(path), name) if ok and name.strip() else None

    def _on_attach_button_clicked(self) -> None:
        procedure = self.selected()
        if procedure is None:
            self._show(self.tr("Chọn một thủ tục trong bảng trước."), PROBLEM_STYLE)
            return
        chosen = self.choose_form(procedure)
        if chosen is not None:
            self.attach_form(procedure, *chosen)

    def attach_form(self, procedure: Procedure, path: Path, name: str) -> None:
        code = "-".join(fold(name).split()) or "to-khai"
        form = ProcedureForm(code, name.strip())
        self.attach_button.setEnabled(False)
        user = self.user
        self._lane.call(lambda counter: forms.attach_form(counter, procedure.code, form, path,
                                                          user=user),
                        lambda changes: self._on_lane_form_attached(procedure, name, changes),
                        self._on_lane_attach_failed, context=self)

    def _on_lane_form_attached(self, procedure: Procedure, name: str, changes: Changes) -> None:
        self.attach_button.setEnabled(True)
        self._show(self.tr("Đã đính kèm «{name}» vào thủ tục {code}.").format(
            name=name, code=procedure.code), DONE_STYLE)
        self.refresh()
        self.form_attached.emit(procedure.code)
        self.changes_applied.emit(changes)

    def _on_lane_attach_failed(self, error: BaseException) -> None:
        self.attach_button.setEnabled(True)
        if isinstance(error, OSError):
            text = self.tr("Không đọc được tệp: {detail}").format(
                detail=error.strerror or str(error))
        else:
            text = self.tr("Không đính kèm được: {reason}").format(
                reason=errors.describe(error))
        self._show(text, PROBLEM_STYLE)

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
            lines = [f"• {errors.describe_problem(p)} [{p.field}]" if p.field
                     else f"• {errors.describe_problem(p)}" for p in error.problems[:20]]
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
