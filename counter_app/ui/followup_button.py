""""Xử lý tiếp…" in the dossier view: the follow-ups any open dossier may need (apology with a
new date, withdrawal), also when it is on none of the "Cần xử lý" lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ..domain import followup as rules
from ..domain.model import Dossier, Status
from ..domain.status import can_move
from ..services.counter import Counter, Result
from ..services.documents import Form
from . import errors, labels
from .followup_dialogs import ApologyDialog, ReasonOnlyDialog
from .lanes import CounterLane


class FollowupButton(QPushButton):
    changes_applied = Signal(object)  # Changes of the follow-up just recorded
    done = Signal(str)  # one line for the clerk
    failed = Signal(str)
    dialog_opened = Signal(object)  # tests
    preview_opened = Signal(object)  # tests

    def __init__(self, lane: CounterLane, dossier: Dossier, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Xử lý tiếp…"), parent)
        self._lane = lane
        self.dossier = dossier
        self.user = user
        menu = QMenu(self)
        if dossier.status in rules.APOLOGY_STATUSES:
            menu.addAction(self.tr("Xin lỗi, hẹn lại ngày trả (Mẫu 04)…"), self.apologise)
        if dossier.status is not None and can_move(dossier.status, Status.WITHDRAWN):
            menu.addAction(self.tr("Công dân rút hồ sơ…"), self.withdraw)
        self.setMenu(menu)
        self.setEnabled(not menu.isEmpty())

    def apologise(self) -> None:
        d = self.dossier
        now = dt.datetime.now().replace(second=0, microsecond=0)
        base = max(d.due_at, now) if d.due_at else now
        dialog = ApologyDialog(d.code or "", d.due_at, base + dt.timedelta(days=3), self.window())
        dialog.apology_given.connect(lambda new_due, reason: self._run(
            lambda c: c.followup.apologise(d.id, new_due, reason, user=self.user),
            self.tr("Đã hẹn lại hồ sơ {code}: trả kết quả {due}."), Form.APOLOGY))
        self._open(dialog)

    def withdraw(self) -> None:
        d = self.dossier
        dialog = ReasonOnlyDialog(
            self.tr("Công dân rút hồ sơ"),
            self.tr("Lý do công dân rút hồ sơ {code} (in trên phiếu xác nhận rút hồ sơ):").format(
                code=d.code or ""), self.tr("Rút hồ sơ và in phiếu"), self.window())
        dialog.reason_given.connect(lambda reason: self._run(
            lambda c: c.followup.withdraw(d.id, reason, user=self.user),
            self.tr("Hồ sơ {code} đã được rút."), Form.WITHDRAWAL))
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]
        self.dialog_opened.emit(dialog)

    def _run(self, job: Callable[[Counter], Result], text: str, form: Form) -> None:
        def done(result: Result) -> None:
            d = result.dossier
            self.setEnabled(False)  # the view shows the snapshot it was opened with
            self.done.emit(text.format(code=d.code or "", due=labels.format_datetime(d.due_at)))
            self.changes_applied.emit(result.changes)
            self._preview(d.id, form)

        self._lane.call(job, done, lambda e: self.failed.emit(errors.describe(e)), context=self)

    def _preview(self, dossier_id: str, form: Form) -> None:
        from .print_preview import PrintPreview, Rendered, render_for_preview

        def shown(rendered: Rendered) -> None:
            preview = PrintPreview(self._lane, rendered, user=self.user, parent=self.window())
            preview.open()
            self.preview_opened.emit(preview)

        self._lane.call(lambda c: render_for_preview(c, c.get_by_id(dossier_id), form), shown,
                        lambda e: self.failed.emit(errors.describe(e)), context=self)
