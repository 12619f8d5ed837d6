"""Bưu chính: dossiers waiting for a hand-over manifest, the agency's intake of a pack, and
results sent by post (S10 of the outgoing item, address label, delivery)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services.counter import Changes, Counter
from ..services.postal import Intake, Manifest
from ..store.postal import ResultPost
from . import errors, labels
from .intake_box import IntakeBox
from .lanes import CounterLane
from .pdf_dialog import PdfDialog
from .postal_table_models import WaitingTableModel

MESSAGE_STYLE = "padding: 4px 2px;"
PROBLEM_STYLE = "color: #a4262c; padding: 4px 2px;"


class PostalPage(QWidget):
    changes_applied = Signal(object)  # services.counter.Changes
    manifests_made = Signal(object)  # list[Manifest]
    document_opened = Signal(object)  # the PdfDialog just shown
    result_sent = Signal(object)  # store.postal.ResultPost

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = ""
        self.busy = False

        waiting = QGroupBox(self.tr("Hồ sơ nhận qua bưu điện chờ bàn giao"))
        self.waiting_model = WaitingTableModel()
        self.waiting_view = QTableView()
        self.waiting_view.setModel(self.waiting_model)
        self.waiting_view.horizontalHeader().setStretchLastSection(True)
        self.hand_over = QPushButton(self.tr("Lập danh sách bàn giao (Ctrl+B)"))
        box = QVBoxLayout(waiting)
        box.addWidget(self.waiting_view, 1)
        box.addWidget(self.hand_over)

        self.intake = IntakeBox(lane, self)

        results = QGroupBox(self.tr("Trả kết quả qua bưu chính"))
        self.result_code = QLineEdit()
        self.result_code.setPlaceholderText(self.tr("Quét mã hồ sơ"))
        self.result_item = QLineEdit()
        self.result_item.setPlaceholderText(self.tr("Quét số hiệu bưu gửi, vd. EE123456785VN"))
        self.send = QPushButton(self.tr("Gửi và in nhãn"))
        self.delivered = QPushButton(self.tr("Đã phát"))
        grid = QGridLayout(results)
        grid.addWidget(QLabel(self.tr("Mã hồ sơ")), 0, 0)
        grid.addWidget(self.result_code, 0, 1)
        grid.addWidget(QLabel(self.tr("Số hiệu bưu gửi")), 1, 0)
        grid.addWidget(self.result_item, 1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delivered)
        buttons.addWidget(self.send)
        grid.addLayout(buttons, 2, 0, 1, 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(waiting, 1)
        top.addWidget(results, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.intake, 2)
        layout.addWidget(self.message)

        self.hand_over.clicked.connect(self.make_manifests)
        self.send.clicked.connect(self.send_result)
        self.delivered.clicked.connect(self.record_delivery)
        self.result_item.returnPressed.connect(self.send_result)
        self.intake.message.connect(self.show_message)
        self.intake.intake_recorded.connect(self._on_intake_recorded)
        QShortcut(QKeySequence("Ctrl+B"), self, self.make_manifests)

    def show_message(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE if problem else MESSAGE_STYLE)
        self.message.setText(text)

    def refresh(self) -> None:
        self._lane.call(lambda counter: counter.postal.waiting(), self.waiting_model.set_rows,
                        self._on_lane_failed, context=self)

    # ----- hand-over -----------------------------------------------------------------------

    def make_manifests(self) -> None:
        if self.busy:
            return
        user = self.user

        def job(counter: Counter) -> list[tuple[Manifest, bytes]]:
            made = counter.postal.create_manifests(user)
            return [(m, counter.postal.manifest_pdf(m.code)) for m in made]

        self.busy = True
        self._lane.call(job, self._on_lane_manifests_made, self._on_lane_failed, context=self)

    def _on_lane_manifests_made(self, made: list[tuple[Manifest, bytes]]) -> None:
        self.busy = False
        self.refresh()
        self.show_message(self.tr("Đã lập {n} danh sách bàn giao: {codes}.").format(
            n=len(made), codes=", ".join(m.code for m, _ in made)))
        for manifest, pdf in made:
            self._open(self.tr("Danh sách bàn giao {code}").format(code=manifest.code), pdf,
                       f"{manifest.code}.pdf")
        self.manifests_made.emit([m for m, _ in made])
        self.changes_applied.emit(Changes(dossiers=frozenset(
            d.id for m, _ in made for d in m.dossiers)))

    def _open(self, title: str, pdf: bytes, file_name: str) -> None:
        dialog = PdfDialog(title, pdf, file_name, self.window())
        dialog.open()
        self.document_opened.emit(dialog)

    # ----- intake --------------------------------------------------------------------------

    def _on_intake_recorded(self, intake: Intake) -> None:
        self.changes_applied.emit(Changes())

    # ----- results by post -----------------------------------------------------------------

    def set_result_code(self, code: str) -> None:
        self.result_code.setText(code)
        self.result_item.setFocus()

    def set_result_item(self, item: str) -> None:
        self.result_item.setText(item)
        self.result_item.setFocus()  # Enter sends

    def send_result(self) -> None:
        if self.busy:
            return
        code, item, user = self.result_code.text().strip(), self.result_item.text(), self.user

        def job(counter: Counter) -> tuple[ResultPost, bytes]:
            post = counter.postal.dispatch_result(code, item, user=user)
            return post, counter.postal.address_label_pdf(code)

        self.busy = True
        self._lane.call(job, lambda found: self._on_lane_sent(code, found), self._on_lane_failed,
                        context=self)

    def _on_lane_sent(self, code: str, found: tuple[ResultPost, bytes]) -> None:
        self.busy = False
        post, pdf = found
        self.result_item.clear()
        self.show_message(self.tr("Kết quả hồ sơ {code} gửi qua bưu chính, số hiệu {item}.")
                          .format(code=code, item=post.item))
        self._open(self.tr("Nhãn gửi kết quả {item}").format(item=post.item), pdf,
                   f"{post.item}.pdf")
        self.result_sent.emit(post)
        self.changes_applied.emit(Changes(dossiers=frozenset({post.dossier_id})))

    def record_delivery(self) -> None:
        if self.busy:
            return
        code, user = self.result_code.text().strip(), self.user
        self.busy = True
        self._lane.call(lambda counter: counter.postal.record_delivery(code, user=user),
                        lambda post: self._on_lane_delivered(code, post), self._on_lane_failed,
                        context=self)

    def _on_lane_delivered(self, code: str, post: ResultPost) -> None:
        self.busy = False
        self.show_message(self.tr("Đã ghi nhận bưu điện phát kết quả hồ sơ {code} lúc {at}.")
                          .format(code=code, at=labels.format_moment(post.delivered_at)))
        self.changes_applied.emit(Changes(dossiers=frozenset({post.dossier_id})))

    def _on_lane_failed(self, error: BaseException) -> None:
        self.busy = False
        self.show_message(errors.describe(error), True)
