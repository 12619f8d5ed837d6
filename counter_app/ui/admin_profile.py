"""Hồ sơ đơn vị: the administrator edits the workstation profile (agency, hours, printing)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.calendar import WorkingHours
from ..domain.errors import FieldProblem, ValidationFailed
from ..printing.options import parse_label_size
from ..services.counter import Changes, Counter
from ..services.profile import Profile
from . import errors, printers
from .field_problems import ProblemLabel, problem_text
from .lanes import CounterLane

LABEL_SIZES = ("50x30", "62x29")
TEXT_FIELDS = ("agency_code", "agency_name", "governing_body", "place_name", "working_hours",
               "portal_url", "receiver_title", "guide_title", "head_title", "hotline",
               "lookup_base_url")
LINES_FIELDS = ("print_header", "receipt_footnote")
PRINTER_FIELDS = ("a4_printer", "label_printer")  # chosen from QPrinterInfo; "" asks
MESSAGE_STYLE = "color: #2f5f2f;"


class ProfilePage(QScrollArea):
    """Reads the profile (and whether dossiers exist) through the lane; saves with set_profile."""

    loaded = Signal()
    saved = Signal(object)  # the Profile written
    changes_applied = Signal(object)  # services.counter.Changes

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.profile = Profile()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.problems: dict[str, ProblemLabel] = {}
        body = QWidget()
        self.form = QFormLayout()
        for name in TEXT_FIELDS:
            self.edits[name] = QLineEdit()
        for name in LINES_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            self.edits[name] = edit
        self.edits["working_hours"].setPlaceholderText("07:00-11:30,13:30-17:00")
        self.edits["portal_url"].setPlaceholderText(self.tr("Trống: chỉ làm việc ngoại tuyến"))
        self.edits["lookup_base_url"].setPlaceholderText(self.tr("Trống: địa chỉ cổng"))
        self.edits["print_header"].setPlaceholderText(self.tr(
            "Trống: cơ quan chủ quản và tên đơn vị"))
        self.label_size = QComboBox()
        self.label_size.setEditable(True)
        self.label_size.addItems(LABEL_SIZES)
        self.label_size.setToolTip(self.tr("Rộng x cao, đơn vị mm, vd. 50x30 hoặc 70x40"))
        self.printer_boxes: dict[str, QComboBox] = {}
        for name in PRINTER_FIELDS:
            box = QComboBox()
            box.setToolTip(self.tr("Trống: hỏi chọn máy in mỗi lần in"))
            self.printer_boxes[name] = box
        installed = printers.installed()
        self.printer_note = QLabel(printers.no_printer_note() if not installed else "")
        self.printer_note.setObjectName("printerNote")
        self.printer_note.setStyleSheet("color: #5b5b5b;")
        self.printer_note.setWordWrap(True)
        if installed:  # never setVisible(True) before it has a parent: it would be a window
            self.printer_note.hide()
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(0, 1440)
        self.sync_interval.setSuffix(self.tr(" phút"))
        self.sync_interval.setSpecialValueText(self.tr("Chỉ khi bấm Đồng bộ ngay"))
        captions = [
            ("agency_code", self.tr("Mã cơ quan tiếp nhận")),
            ("agency_name", self.tr("Tên đơn vị")),
            ("governing_body", self.tr("Cơ quan chủ quản")),
            ("place_name", self.tr("Địa danh")),
            ("working_hours", self.tr("Giờ làm việc")),
            ("portal_url", self.tr("Địa chỉ cổng dịch vụ công")),
            ("sync_interval_minutes", self.tr("Đồng bộ mỗi")),
            ("print_header", self.tr("Tiêu đề in (mỗi dòng một dòng)")),
            ("receiver_title", self.tr("Chức danh người tiếp nhận")),
            ("guide_title", self.tr("Chức danh người hướng dẫn")),
            ("head_title", self.tr("Chức danh thủ trưởng")),
            ("receipt_footnote", self.tr("Ghi chú cuối Giấy tiếp nhận")),
            ("hotline", self.tr("Đường dây nóng")),
            ("lookup_base_url", self.tr("Địa chỉ tra cứu (mã QR)")),
            ("label_size", self.tr("Cỡ nhãn bìa hồ sơ")),
            ("a4_printer", self.tr("Máy in giấy A4 (phiếu, tờ khai)")),
            ("label_printer", self.tr("Máy in nhãn bìa hồ sơ")),
        ]
        self._widgets: dict[str, QWidget] = {**self.edits, "label_size": self.label_size,
                                             "sync_interval_minutes": self.sync_interval,
                                             **self.printer_boxes}
        widgets = self._widgets
        for name, caption in captions:
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widgets[name])
            self.problems[name] = ProblemLabel()
            cell.addWidget(self.problems[name])
            label = QLabel(caption)
            label.setBuddy(widgets[name])
            self.form.addRow(label, cell)
        self.code_note = QLabel(self.tr("Đã có hồ sơ: không đổi được mã cơ quan."))
        self.code_note.setStyleSheet("color: #5b5b5b;")
        self.code_note.hide()
        self.save_button = QPushButton(self.tr("Lưu hồ sơ đơn vị"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        column = QVBoxLayout(body)
        column.addWidget(self.code_note)
        column.addLayout(self.form)
        column.addWidget(self.printer_note)
        column.addLayout(row)
        column.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def refresh(self) -> None:
        def job(counter: Counter) -> tuple[Profile, bool]:
            return counter.profile, bool(counter.search_summaries("", limit=1))

        self._lane.call(job, self._on_lane_loaded, self._on_lane_failed, context=self)

    def _on_lane_loaded(self, loaded: tuple[Profile, bool]) -> None:
        profile, has_dossiers = loaded
        self.profile = profile
        for name, edit in self.edits.items():
            value = str(getattr(profile, name))
            if isinstance(edit, QLineEdit):
                edit.setText(value)
            else:
                edit.setPlainText(value)
        self.label_size.setCurrentText(profile.label_size)
        self.sync_interval.setValue(profile.sync_interval_minutes)
        installed = printers.installed()
        for name, box in self.printer_boxes.items():
            chosen = str(getattr(profile, name))
            box.clear()
            box.addItem(self.tr("Hỏi khi in") if installed else self.tr("Không có máy in: lưu PDF"),
                        "")
            for printer in installed:
                box.addItem(printer, printer)
            if chosen and chosen not in installed:
                box.addItem(self.tr("{name} (không thấy trên máy này)").format(name=chosen),
                            chosen)
            box.setCurrentIndex(max(box.findData(chosen), 0))
        # Dossier codes begin with it: changing it later would split the agency's numbering.
        self.edits["agency_code"].setReadOnly(has_dossiers)
        self.code_note.setVisible(has_dossiers)
        self._show_problems([])
        self.loaded.emit()

    def edited(self) -> Profile:
        values: dict[str, object] = {}
        for name, edit in self.edits.items():
            text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            values[name] = text.strip()
        values["label_size"] = self.label_size.currentText().strip().replace("×", "x")
        values["sync_interval_minutes"] = self.sync_interval.value()
        for name, box in self.printer_boxes.items():
            values[name] = str(box.currentData() or "")
        return dataclasses.replace(self.profile, **values)  # type: ignore[arg-type]

    def save(self) -> None:
        profile = self.edited()
        problems: list[FieldProblem] = []
        try:  # checked here too, so that the message sits under its field at once
            WorkingHours.parse(profile.working_hours)
        except ValueError:
            problems.append(FieldProblem("working_hours", "working_hours.format"))
        try:
            parse_label_size(profile.label_size)
        except ValueError:
            problems.append(FieldProblem("label_size", "label_size.format",
                                         {"value": profile.label_size}))
        if problems:
            self._show_problems(problems)
            return
        self.save_button.setEnabled(False)
        self._lane.call(lambda counter: (profile, counter.set_profile(profile)),
                        self._on_lane_saved, self._on_lane_failed, context=self)

    def _on_lane_saved(self, saved: tuple[Profile, Changes]) -> None:
        self.save_button.setEnabled(True)
        self.profile = saved[0]
        self._show_problems([])
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setText(self.tr("Đã lưu hồ sơ đơn vị."))
        self.saved.emit(saved[0])
        self.changes_applied.emit(saved[1])

    def _on_lane_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self._show_problems(error.problems)
        else:
            self.message.setStyleSheet("")
            self.message.setText(f"⚠ {errors.describe(error)}")

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        for label in self.problems.values():
            label.show_problem("")
        self.message.setText("")
        for p in problems:
            label = self.problems.get(p.field)
            if label is not None:
                label.show_problem(problem_text(p.code, p.params))
        if problems:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("⚠ Chưa lưu: hãy sửa các ô được đánh dấu."))
            widget = self._widgets.get(problems[0].field)
            if widget is not None:
                widget.setFocus()
