"""A read-only view of one dossier: every field, its documents and its timeline of events."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Dossier, Person, Status
from ..store.events import Event
from ..store.notices import lines as notice_lines
from . import labels, settings
from .document_table_model import Column as DocColumn
from .document_table_model import DocumentTableModel
from .dossier_attachments import AttachmentsTab
from .event_table_model import Column as EventColumn
from .event_table_model import EventTableModel
from .field_problems import ProblemLabel
from .followup_button import FollowupButton
from .lanes import CounterLane
from .notice_table_model import Column as NoticeColumn
from .notice_table_model import NoticeTableModel
from .reprint import ReprintButton

COLUMN_PADDING = 12  # pixels added to a column sized to its contents


def _value_label(text: str) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(model: QAbstractTableModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)  # document names run long; the row grows rather than elide them
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        # A little air: sized exactly to contents, the bold header text gets clipped.
        header.resizeSection(column, header.sectionSize(column) + COLUMN_PADDING)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view

STATUS_BADGE_STYLE = ("background: #e8eef5; color: #1f3b57; border-radius: 4px;"
                      " padding: 3px 10px; font-weight: bold;")


class DossierView(QDialog):
    """Opened from the look-up page; shows a snapshot and changes nothing."""

    def __init__(self, dossier: Dossier, events: Sequence[Event],
                 parent: QWidget | None = None, *, lane: CounterLane | None = None,
                 user: str = "") -> None:
        super().__init__(parent)
        self.dossier = dossier
        self._events = list(events)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = dossier.code or labels.outcome_name(dossier.outcome)
        self.setWindowTitle(self.tr("Hồ sơ {code}").format(code=heading))

        title = QLabel(heading)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(labels.status_name(dossier.status, dossier.outcome))
        self.status_label.setStyleSheet(STATUS_BADGE_STYLE)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status_label)

        fields = QWidget()
        columns = QHBoxLayout(fields)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self._dossier_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._people_box())
        right.addWidget(self._record_box())
        right.addStretch(1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.documents = DocumentTableModel(dossier.documents, self)
        self.events = EventTableModel(events, self)
        self.documents_view = _table(self.documents, DocColumn.NAME)
        self.events_view = _table(self.events, EventColumn.DETAIL)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.documents_view, self.tr("Thành phần hồ sơ ({n})").format(
            n=self.documents.rowCount()))
        self.tabs.addTab(self.events_view, self.tr("Quá trình xử lý ({n})").format(
            n=self.events.rowCount()))
        self.notices = NoticeTableModel(notice_lines(events), self)
        if self.notices.rowCount():  # messages to the citizen and whether they went out
            self.tabs.addTab(_table(self.notices, NoticeColumn.TEXT),
                             self.tr("Tin nhắn ({n})").format(n=self.notices.rowCount()))
        self.attachments: AttachmentsTab | None = None
        if lane is not None:  # the scans are read through the lane
            self.attachments = AttachmentsTab(lane, dossier.id, heading, self)
            index = self.tabs.addTab(self.attachments, self.tr("Bản quét"))
            self.attachments.loaded.connect(lambda n: self.tabs.setTabText(
                index, self.tr("Bản quét ({n})").format(n=n)))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)  # the fields keep their height; the tables get the rest
        splitter.setStretchFactor(1, 1)

        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.close)
        self.reprint: ReprintButton | None = None
        if lane is not None:  # "In lại…": any form of this dossier, through the preview
            self.reprint = ReprintButton(lane, dossier, user, self)
            buttons.addButton(self.reprint, QDialogButtonBox.ButtonRole.ActionRole)
        self.problem = ProblemLabel()
        if self.reprint is not None:
            self.reprint.failed.connect(self.problem.show_problem)
        self.followup: FollowupButton | None = None  # "Xử lý tiếp…": apology, withdrawal
        self.followup_done = QLabel()
        self.followup_done.setStyleSheet("color: #1d5e2a;")
        if lane is not None and dossier.code:
            self.followup = FollowupButton(lane, dossier, user, self)
            buttons.addButton(self.followup, QDialogButtonBox.ButtonRole.ActionRole)
            self.followup.failed.connect(self.problem.show_problem)
            self.followup.done.connect(self.followup_done.setText)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.followup_done)
        layout.addWidget(buttons)

        geometry = settings.load_bytes(settings.DOSSIER_VIEW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_size()

    def _default_size(self) -> None:
        # Counter PCs are often 1366×768 laptops: never larger than the free screen area.
        available = self.screen().availableGeometry()
        self.resize(min(1040, available.width() - 40), min(780, available.height() - 40))

    @staticmethod
    def _form(box: QGroupBox, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(4)
        for label, value in rows:
            form.addRow(label, _value_label(value))
        return form

    def _dossier_box(self) -> QGroupBox:
        d = self.dossier
        fees = "; ".join(
            f"{f.name}: {labels.format_money(f.amount)}"
            + (self.tr(" (đã nộp)") if f.paid else "")
            for f in d.fees
        )
        delivery = labels.delivery_name(d.delivery)
        if d.delivery_address:
            delivery += f" — {d.delivery_address}"
        rows = [
            (self.tr("Thủ tục"), f"{d.procedure_name} ({d.procedure_code})"),
            (self.tr("Kết quả tiếp nhận"), labels.outcome_name(d.outcome)),
            (self.tr("Kênh tiếp nhận"), labels.channel_name(d.channel)),
            (self.tr("Ngày nhận"), labels.format_datetime(d.received_at)),
            (self.tr("Hẹn trả kết quả"), labels.format_datetime(d.due_at)),
            (self.tr("Số bộ hồ sơ"), str(d.sets)),
            (self.tr("Nhận kết quả"), delivery),
            (self.tr("Phí, lệ phí"), fees),
        ]
        if d.status == Status.STOPPED:  # the portal's reason, from its status record
            stops = [e for e in self._events if e.kind == "portal_status"
                     and e.payload.get("to") == int(Status.STOPPED)]
            rows.append((self.tr("Lý do dừng xử lý"),
                         str(stops[-1].payload.get("note") or "") if stops else ""))
        if d.reason:
            rows.append((self.tr("Lý do rút hồ sơ") if d.status == Status.WITHDRAWN
                         else self.tr("Lý do"), d.reason))
        if d.notes:
            rows.append((self.tr("Ghi chú"), d.notes))
        box = QGroupBox(self.tr("Hồ sơ"))
        self._form(box, rows)
        return box

    def _record_box(self) -> QGroupBox:
        d = self.dossier
        book = f"{d.book_number} — {d.book_sequence}" if d.book_sequence else d.book_number
        rows = [
            (self.tr("Sổ theo dõi (quyển — số)"), book),
            (self.tr("Cơ quan — máy trạm"), f"{d.agency_code} — {d.workstation:02d}"),
            (self.tr("Người tiếp nhận"), d.created_by),
            (self.tr("Cập nhật lúc"), labels.format_datetime(d.updated_at)),
        ]
        if d.postal_item:
            rows.append((self.tr("Số hiệu bưu gửi"), d.postal_item))
        box = QGroupBox(self.tr("Sổ sách"))
        self._form(box, rows)
        return box

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Chủ hồ sơ"))
        form = self._form(box, self._person_rows(self.dossier.applicant))
        if self.dossier.submitter is not None:
            heading = QLabel(self.tr("Người nộp hồ sơ"))
            heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
            form.addRow(heading)
            for label, value in self._person_rows(self.dossier.submitter):
                form.addRow(label, _value_label(value))
        return box

    def _person_rows(self, p: Person) -> list[tuple[str, str]]:
        id_text = f"{p.id_number} ({labels.id_kind_name(p.id_kind)})" if p.id_number else ""
        rows = [
            (self.tr("Họ và tên"), p.full_name),
            (self.tr("Giấy tờ tùy thân"), id_text),
            (self.tr("Ngày sinh"), labels.format_date(p.birth_date)),
            (self.tr("Giới tính"), p.gender),
            (self.tr("Điện thoại"), p.phone),
            (self.tr("Địa chỉ"), p.address),
        ]
        if p.email:
            rows.insert(5, (self.tr("Thư điện tử"), p.email))
        return rows

    def hideEvent(self, event: QHideEvent) -> None:
        # hideEvent, not closeEvent: Escape (reject) hides the dialog without a close event.
        settings.save_bytes(settings.DOSSIER_VIEW_GEOMETRY, self.saveGeometry())
        super().hideEvent(event)
