"""Nhận hồ sơ từ bưu điện: scan the manifest (or its list QR), then each dossier; confirm,
reject or mark damaged; record once (a manifest taken in before is refused)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.postal import Decision, Discrepancy, ManifestNotFound
from ..domain.scan import ManifestScan
from ..services.counter import Counter
from ..services.postal import Intake
from . import errors
from .lanes import CounterLane
from .postal_table_models import IntakeRow, IntakeTableModel


class IntakeBox(QGroupBox):
    intake_recorded = Signal(object)  # services.postal.Intake
    message = Signal(str, bool)  # text, is it a problem
    started = Signal(str)  # the manifest code, once checked and its list shown

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nhận hồ sơ từ bưu điện"), parent)
        self._lane = lane
        self.user = ""
        self.manifest_code = ""
        self.listed = False
        self.busy = False
        self.heading = QLabel(self.tr(
            "Quét mã danh sách bàn giao (mã vạch hoặc mã QR), rồi quét từng hồ sơ trong túi."))
        self.heading.setWordWrap(True)
        self.model = IntakeTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.confirm_all = QPushButton(self.tr("Nhận đủ"))
        self.damaged = QPushButton(self.tr("Hư hỏng…"))
        self.reject = QPushButton(self.tr("Từ chối"))
        self.record = QPushButton(self.tr("Ghi nhận (F9)"))
        self.cancel = QPushButton(self.tr("Hủy"))
        row = QHBoxLayout()
        for button in (self.confirm_all, self.damaged, self.reject):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.confirm_all.clicked.connect(self.confirm_every_listed)
        self.damaged.clicked.connect(self._on_damaged_clicked)
        self.reject.clicked.connect(lambda: self.decide(Decision.REJECTED))
        self.record.clicked.connect(self.save)
        self.cancel.clicked.connect(self.clear)
        QShortcut(QKeySequence("F9"), self, self.save)
        self._enable()

    @property
    def active(self) -> bool:
        return bool(self.manifest_code)

    def _enable(self) -> None:
        for button in (self.confirm_all, self.damaged, self.reject, self.record, self.cancel):
            button.setEnabled(self.active and not self.busy)

    # ----- scans ---------------------------------------------------------------------------

    def start(self, scan: ManifestScan) -> None:
        """A scanned manifest: refused when taken in before; its list when known."""
        if self.busy:
            return
        codes = list(scan.codes) if scan.listed else None

        def job(counter: Counter) -> tuple[str, list[str] | None]:
            code = counter.postal.check_not_taken_in(scan.manifest_code)
            if codes is not None:
                return code, codes
            try:  # a manifest made on this workstation: its list is here
                return code, counter.postal.manifest(code).codes
            except ManifestNotFound:
                return code, None

        self.busy = True
        self._enable()
        self._lane.call(job, self._on_lane_started, self._on_lane_failed, context=self)

    def _on_lane_started(self, found: tuple[str, list[str] | None]) -> None:
        self.busy = False
        code, codes = found
        self.manifest_code, self.listed = code, codes is not None
        self.model.set_rows([IntakeRow(c, listed=True) for c in codes or []])
        if codes is None:
            self.heading.setText(self.tr(
                "Danh sách {code}: chưa có danh sách trên máy này — quét từng hồ sơ "
                "(hoặc mã QR của danh sách).").format(code=code))
        else:
            self.heading.setText(self.tr("Danh sách {code}: {n} hồ sơ. Quét từng hồ sơ hoặc "
                                         "bấm «Nhận đủ».").format(code=code, n=len(codes)))
        self._enable()
        self.view.setFocus()
        self.started.emit(code)

    def add_code(self, code: str) -> None:
        """A scanned dossier of the pack: confirmed; one not on the list is recorded extra."""
        i = self.model.find(code)
        if i < 0:
            # Without the list every scanned dossier simply counts; with it, this one is extra.
            i = self.model.append(IntakeRow(code.strip().upper(), listed=not self.listed,
                                            decision=Decision.CONFIRMED))
            if self.listed:
                text = self.tr("Hồ sơ {code} không có trong danh sách: ghi nhận thừa.")
            else:
                text = self.tr("Đã nhận hồ sơ {code}.")
            self.message.emit(text.format(code=code), self.listed)
        else:
            row = self.model.row_at(i)
            assert row is not None
            if row.decision is None:
                row.decision = Decision.CONFIRMED
            self.model.changed(i)
            self.message.emit(self.tr("Đã nhận hồ sơ {code}.").format(code=row.code), False)
        self.view.selectRow(i)

    # ----- decisions -----------------------------------------------------------------------

    def confirm_every_listed(self) -> None:
        for i, row in enumerate(self.model.rows()):
            if row.decision is None:
                row.decision = Decision.CONFIRMED
                self.model.changed(i)

    def _selected(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else self.view.currentIndex().row()

    def decide(self, decision: Decision, discrepancy: Discrepancy | None = None,
               note: str = "") -> None:
        i = self._selected()
        row = self.model.row_at(i)
        if row is None:
            return
        row.decision = decision
        if discrepancy is not None:
            row.discrepancy = discrepancy
        if note:
            row.note = note
        self.model.changed(i)

    def _on_damaged_clicked(self) -> None:
        row = self.model.row_at(self._selected())
        if row is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Hồ sơ hư hỏng"), self.tr(
            "Hồ sơ {code} hư hỏng thế nào?").format(code=row.code))
        if ok:
            self.decide(row.decision or Decision.CONFIRMED, Discrepancy.DAMAGED, note.strip())

    # ----- recording -----------------------------------------------------------------------

    def save(self) -> None:
        if not self.active or self.busy:
            return
        code, user = self.manifest_code, self.user
        rows = self.model.rows()
        lines = [line for line in (r.line() for r in rows) if line is not None]
        expected = [r.code for r in rows if r.listed] if self.listed else None
        self.busy = True
        self._enable()
        self._lane.call(lambda counter: counter.postal.take_in(code, lines, expected=expected,
                                                               user=user),
                        self._on_lane_recorded, self._on_lane_failed, context=self)

    def _on_lane_recorded(self, intake: Intake) -> None:
        self.busy = False
        self.clear()
        n = intake.count(Decision.CONFIRMED)
        odd = len(intake.discrepancies())
        self.message.emit(self.tr("Đã ghi nhận danh sách {code}: nhận {n} hồ sơ, {odd} sai lệch.")
                          .format(code=intake.manifest_code, n=n, odd=odd), False)
        self.intake_recorded.emit(intake)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.busy = False
        self._enable()
        self.message.emit(errors.describe(error), True)

    def clear(self) -> None:
        self.manifest_code, self.listed = "", False
        self.model.set_rows([])
        self.heading.setText(self.tr(
            "Quét mã danh sách bàn giao (mã vạch hoặc mã QR), rồi quét từng hồ sơ trong túi."))
        self._enable()
