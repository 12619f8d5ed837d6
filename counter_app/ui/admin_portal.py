"""Kết nối cổng: the administrator enrols this workstation with the portal from the window
(portal address + one-time enrolment code), on the network lane."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationFailed
from ..services import sync as sync_service
from ..services.counter import Counter
from ..store import sync as sync_store
from . import errors
from .field_problems import problem_text
from .lanes import CounterLane
from .sync_lane import SyncLane

MESSAGE_STYLE = "color: #2f5f2f;"


class PortalPage(QWidget):
    """Shows the current enrolment and enrols with a new code."""

    enrolled = Signal(object)  # services.sync.EnrolResult
    changes_applied = Signal(object)  # services.counter.Changes

    def __init__(self, lane: CounterLane, sync_lane: SyncLane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self._sync_lane = sync_lane
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://dichvucong.example.gov.vn")
        self.code = QLineEdit()
        self.code.setPlaceholderText("K7QX-M2PA-9TDR-HW4N")
        self.device_name = QLineEdit()
        self.device_name.setPlaceholderText(self.tr("Ví dụ: Quầy 1 — máy mới"))
        self.enrol_button = QPushButton(self.tr("Đăng ký máy với cổng"))
        self.enrol_button.clicked.connect(self.enrol)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        for caption, widget in ((self.tr("Địa chỉ cổng dịch vụ công"), self.url),
                                (self.tr("Mã đăng ký máy"), self.code),
                                (self.tr("Tên máy (không bắt buộc)"), self.device_name)):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(self.tr("Quản trị viên của cổng cấp mã đăng ký (dùng một lần). Số quầy "
                              "và mã đơn vị lấy theo hồ sơ đơn vị của máy này."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b5b5b;")
        row = QHBoxLayout()
        row.addWidget(self.enrol_button)
        row.addWidget(self.message, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.current)
        column.addLayout(form)
        column.addWidget(hint)
        column.addLayout(row)
        column.addStretch(1)

    def refresh(self) -> None:
        def job(counter: Counter) -> tuple[str, sync_store.Enrolment | None]:
            return counter.profile.portal_url, sync_store.get_enrolment(counter.conn)

        self._lane.call(job, self._on_lane_loaded, self._on_lane_failed, context=self)

    def _on_lane_loaded(self, loaded: tuple[str, sync_store.Enrolment | None]) -> None:
        url, enrolment = loaded
        if not self.url.text().strip():
            self.url.setText(enrolment.portal_url if enrolment else url)
        if enrolment is None:
            self.current.setText(self.tr("Máy này chưa đăng ký với cổng dịch vụ công."))
        else:
            self.current.setText(self.tr(
                "Đã đăng ký: quầy {workstation} của đơn vị {agency}, với cổng {url}.").format(
                workstation=enrolment.workstation, agency=enrolment.agency_code,
                url=enrolment.portal_url))

    def enrol(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url:
            self._show(self.tr("⚠ Hãy nhập địa chỉ cổng dịch vụ công (http:// hoặc https://)."))
            self.url.setFocus()
            return
        if not code:
            self._show(self.tr("⚠ Hãy nhập mã đăng ký máy do quản trị viên của cổng cấp."))
            self.code.setFocus()
            return
        self.enrol_button.setEnabled(False)
        self._show(self.tr("Đang đăng ký với cổng…"))
        self._sync_lane.enrol(url, code, self.device_name.text().strip(), self._on_enrolled,
                              self._on_lane_failed, context=self)

    def _on_enrolled(self, result: sync_service.EnrolResult) -> None:
        self.enrol_button.setEnabled(True)
        self.code.clear()  # spent
        self._show(self.tr("Đã đăng ký máy: quầy {workstation} của {agency} ({code}). Đang "
                           "đồng bộ lần đầu.").format(workstation=result.workstation,
                                                      agency=result.agency_name,
                                                      code=result.agency_code),
                   good=True)
        self.refresh()
        self.enrolled.emit(result)
        self.changes_applied.emit(result.changes)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            text = "; ".join(problem_text(p.code, p.params) for p in error.problems)
        else:
            text = errors.describe(error)
        self._show(f"⚠ {text}")

    def _show(self, text: str, good: bool = False) -> None:
        self.message.setStyleSheet(MESSAGE_STYLE if good else "")
        self.message.setText(text)
