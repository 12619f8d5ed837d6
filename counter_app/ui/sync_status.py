"""The sync corner of the status bar: the state (calm grey when offline), the last successful
sync, events waiting for a supervisor, "Đồng bộ ngay" (F5), and the texts of what waits to be
sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from ..domain.accounts import Action, Session
from ..resources import program_name
from ..services.sync import SyncStatus
from ..sync.summary import Progress
from . import errors, labels
from .lanes import CounterLane
from .session_guard import SessionGuard
from .sync_lane import SyncLane, SyncOutcome

if TYPE_CHECKING:
    from .sync_problems_page import SyncProblemsPage

SYNC_KEY = Qt.Key.Key_F5
CONTEXT = "SyncStatusBar"
_PILL = "padding: 1px 8px; border-radius: 3px;"
GREY = f"color: #5f5f5f; {_PILL}"  # offline is normal at a commune office: no alarm
BUSY = f"color: #245a85; {_PILL}"
AMBER = f"color: #6e4a00; background: #fbeecb; {_PILL}"  # a person should look, calmly
GOOD = f"color: #3b6149; {_PILL}"  # green-grey: nothing to do
QUIET = "color: #5f5f5f; padding: 0 6px;"
PENDING = "color: #6b6b6b; padding: 0 8px;"  # what waits to be sent: calm grey, like offline
PROBLEMS = "color: #6e4a00;"  # events waiting for a supervisor: calm, but not grey
DOT = "● "
translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")

# Short reasons after "Lỗi đồng bộ:"; the full sentence is in the tooltip.
REASONS: dict[str, str] = {
    "sync.server_error": QT_TRANSLATE_NOOP("SyncStatusBar", "cổng bận hoặc gặp lỗi"),
    "sync.rejected": QT_TRANSLATE_NOOP("SyncStatusBar", "cổng từ chối yêu cầu"),
    "sync.cursor_gone": QT_TRANSLATE_NOOP("SyncStatusBar", "cổng đã được khôi phục"),
    "sync.bad_url": QT_TRANSLATE_NOOP("SyncStatusBar", "địa chỉ cổng không hợp lệ"),
    "sync.offline": QT_TRANSLATE_NOOP("SyncStatusBar", "không kết nối được"),
    "sync.timeout": QT_TRANSLATE_NOOP("SyncStatusBar", "cổng không trả lời kịp"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Look:
    """What the state label shows."""

    text: str
    style: str
    tooltip: str


def reason(code: str) -> str:
    return _tr(REASONS[code]) if code in REASONS else translate("SyncStatusBar", "lỗi không rõ")


def last_success_text(at: str | None) -> str:
    """"Lần cuối: 14 giờ 05 phút, 22/11/2026"."""
    if not at:
        return translate("SyncStatusBar", "Chưa đồng bộ lần nào")
    when = dt.datetime.fromisoformat(at)
    return translate("SyncStatusBar", "Lần cuối: {hour} giờ {minute} phút, {date}").format(
        hour=f"{when.hour:02d}", minute=f"{when.minute:02d}", date=labels.format_date(when))


def look(status: SyncStatus | None, params: dict[str, Any] | None = None) -> Look:
    """The state label for a status read from the store (None: not read yet)."""
    if status is None:
        return Look(DOT + translate("SyncStatusBar", "Ngoại tuyến"), GREY, translate(
            "SyncStatusBar", "Máy trạm làm việc ngoại tuyến: mọi hồ sơ được lưu trên máy này."))
    state = status.state
    values = {"url": status.portal_url, "status": "", "error": "",
              "message": status.last_error_message, **(params or {})}
    sentence = errors.text(status.last_error, **values) if status.last_error else ""
    if state == "not_enrolled":
        return Look(DOT + translate("SyncStatusBar", "Ngoại tuyến — chưa đăng ký với cổng"),
                    GREY, translate(
            "SyncStatusBar", "Máy trạm chưa đăng ký với cổng dịch vụ công: mọi hồ sơ được lưu "
            "trên máy này và chưa được gửi đi. Để đồng bộ, quản trị viên lấy mã đăng ký của "
            "đơn vị trên cổng rồi chạy lệnh:\n{command}").format(
            command=f"{program_name()} enrol --portal https://… --code MÃ_ĐĂNG_KÝ"))
    if state == "needs_enrolment":
        return Look(DOT + translate("SyncStatusBar", "Cần đăng ký lại máy"), AMBER, sentence)
    if state == "offline":
        return Look(DOT + translate("SyncStatusBar", "Ngoại tuyến"), GREY, sentence)
    if state == "failed":
        tip = sentence
        if status.last_error_message and status.last_error != "sync.rejected":
            tip += "\n\n" + translate("SyncStatusBar", "Cổng trả lời: {message}").format(
                message=status.last_error_message)
        text = translate("SyncStatusBar", "Lỗi đồng bộ: {reason}").format(
            reason=reason(status.last_error))
        return Look(DOT + text, AMBER, tip)
    if state == "pending":
        return Look(DOT + translate("SyncStatusBar", "Đã kết nối"), GOOD, translate(
            "SyncStatusBar", "Lần đồng bộ gần nhất thành công; các thay đổi mới sẽ được gửi ở "
            "lần sau."))
    return Look(DOT + translate("SyncStatusBar", "Đã đồng bộ"), GOOD, translate(
        "SyncStatusBar", "Mọi thay đổi của máy trạm đã được gửi lên cổng {url}.").format(
        url=status.portal_url))


def progress_look(progress: Progress | None) -> Look:
    """"Đang đồng bộ… đã gửi 500, còn 1.700"; between retries, offline is grey again."""
    if progress is None:
        return Look(DOT + translate("SyncStatusBar", "Đang đồng bộ…"), BUSY, "")
    if progress.stage == "push":
        return Look(DOT + translate(
            "SyncStatusBar", "Đang đồng bộ… đã gửi {done}, còn {left}").format(
            done=_number(progress.done), left=_number(progress.left)), BUSY, "")
    if progress.stage == "pull":
        return Look(DOT + translate("SyncStatusBar", "Đang đồng bộ… nhận {done} thay đổi").format(
            done=_number(progress.done)), BUSY, "")
    delay = max(1, round(progress.delay))
    tip = translate("SyncStatusBar", "Đang chờ để thử lại; bấm Đồng bộ ngay (F5) để thử ngay.")
    if progress.error in ("sync.offline", "sync.timeout"):
        return Look(DOT + translate("SyncStatusBar", "Ngoại tuyến — thử lại sau {delay} giây")
                    .format(delay=delay), GREY, tip)
    return Look(DOT + translate(
        "SyncStatusBar", "Lỗi đồng bộ: {reason} — thử lại sau {delay} giây").format(
        reason=reason(progress.error), delay=delay), AMBER, tip)


def unexpected_look(error: BaseException) -> Look:
    """A run that failed on a bug: said calmly, logged with its traceback."""
    return Look(DOT + translate("SyncStatusBar", "Lỗi đồng bộ: {reason}").format(
        reason=translate("SyncStatusBar", "lỗi không mong đợi")), AMBER, errors.describe(error))


def pending_look(status: SyncStatus) -> Look:
    """"Chờ đồng bộ: 300 hồ sơ, 45 bản quét": what a clerk counts (dossiers, postal manifests,
    the agency's forms, scanned files), not the events the engine sends; the tooltip has the
    details."""
    counts = [  # (how many, in the label, in the tooltip)
        (status.pending_dossiers, translate("SyncStatusBar", "{n} hồ sơ"),
         translate("SyncStatusBar", "{n} hồ sơ có thay đổi chưa gửi")),
        (status.pending_manifests, translate("SyncStatusBar", "{n} bảng kê"),
         translate("SyncStatusBar", "{n} bảng kê bưu chính chưa gửi")),
        (status.pending_forms, translate("SyncStatusBar", "{n} biểu mẫu"),
         translate("SyncStatusBar", "{n} biểu mẫu của đơn vị chưa gửi")),
        (status.scans_pending, translate("SyncStatusBar", "{n} bản quét"),
         translate("SyncStatusBar", "{n} bản quét chưa tải lên")),
        (status.form_files_pending, "",
         translate("SyncStatusBar", "{n} tệp biểu mẫu chưa tải lên")),
    ]
    parts = [short.format(n=_number(n)) for n, short, _ in counts if n and short]
    text = translate("SyncStatusBar", "Chờ đồng bộ: {items}").format(
        items=", ".join(parts) or counts[0][1].format(n=0))
    if status.pending or status.uploads_pending:
        lines = [translate("SyncStatusBar", "Đã lưu trên máy này, chưa có trên cổng dịch vụ công:")]
        lines += ["• " + long.format(n=_number(n)) for n, _, long in counts if n]
        if status.pending:
            lines.append(translate("SyncStatusBar", "Tổng cộng {n} thay đổi chờ gửi.").format(
                n=_number(status.pending)))
    else:
        lines = [translate("SyncStatusBar", "Không còn gì chờ gửi lên cổng dịch vụ công.")]
    held = status.quarantined + status.conflicts
    if held:
        lines.append(translate(
            "SyncStatusBar", "Không tính {n} thay đổi bị cổng từ chối hoặc xung đột: cần tổ "
            "trưởng hoặc quản trị viên xử lý (⚠).").format(n=_number(held)))
    return Look(text, PENDING, "\n".join(lines))


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class SyncStatusBar(QWidget):
    """Shows what SyncLane says; the supervisor's page opens from here."""

    dossier_requested = Signal(str)  # a dossier id to open (double-click on the page)
    problems_opened = Signal(object)  # the SyncProblemsPage just shown

    def __init__(self, sync_lane: SyncLane, db_lane: CounterLane, guard: SessionGuard,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync_lane
        self._db_lane = db_lane
        self._guard = guard
        self._params: dict[str, Any] = {}  # of the last run's error, for the tooltip sentence
        self.page: SyncProblemsPage | None = None

        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.last_label = QLabel()
        self.last_label.setObjectName("lastSync")
        self.last_label.setStyleSheet(QUIET)
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("syncProblems")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setStyleSheet(PROBLEMS)
        self.problems_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problems_button.clicked.connect(self.open_problems)
        self.problems_button.hide()
        self.sync_button = QToolButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setText(self.tr("Đồng bộ ngay"))
        self.sync_button.setToolTip(self.tr(
            "Gửi ngay các thay đổi lên cổng dịch vụ công và nhận cập nhật (F5)."))
        self.sync_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_BrowserReload))
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.clicked.connect(sync_lane.sync_now)
        window = parent.window() if parent is not None else self
        self.shortcut = QShortcut(QKeySequence(SYNC_KEY), window, sync_lane.sync_now)
        self.shortcut.setEnabled(not guard.locked)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in (self.problems_button, self.state_label, self.last_label,
                       self.sync_button):
            row.addWidget(widget)
        self._show(look(None))

        sync_lane.sync_started.connect(self._on_sync_lane_sync_started)
        sync_lane.sync_progressed.connect(self._on_sync_lane_sync_progressed)
        sync_lane.sync_finished.connect(self._on_sync_lane_sync_finished)
        sync_lane.sync_failed.connect(self._on_sync_lane_sync_failed)
        sync_lane.status_read.connect(self._on_sync_lane_status_read)
        guard.session_changed.connect(self._on_guard_session_changed)
        guard.locked_changed.connect(self._on_guard_locked_changed)

    # ----- what the lane says ------------------------------------------------------------

    def _show(self, shown: Look) -> None:
        self.state_label.setText(shown.text)
        self.state_label.setStyleSheet(shown.style)
        self.state_label.setToolTip(shown.tooltip)

    def _on_sync_lane_sync_started(self) -> None:
        self._show(progress_look(None))
        self.sync_button.setEnabled(False)

    def _on_sync_lane_sync_progressed(self, progress: Progress) -> None:
        self._show(progress_look(progress))
        self.sync_button.setEnabled(progress.stage == "wait")  # "try now" ends the wait

    def _on_sync_lane_sync_finished(self, outcome: SyncOutcome) -> None:
        self._params = dict(outcome.result.summary.error_params) if outcome.result else {}
        self.sync_button.setEnabled(True)

    def _on_sync_lane_sync_failed(self, error: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self._show(unexpected_look(error))

    def _on_sync_lane_status_read(self, status: SyncStatus) -> None:
        if not self._sync.running:
            self._show(look(status, self._params))
        self.last_label.setText(last_success_text(status.last_success_at)
                                if status.enrolled else "")
        self.last_label.setVisible(status.enrolled)
        self._show_problems(status.quarantined + status.conflicts)

    # ----- the supervisor's page ---------------------------------------------------------

    def _allowed(self) -> bool:
        s = self._guard.session
        return s is not None and not self._guard.locked and s.can(Action.RESOLVE_SYNC)

    def _show_problems(self, count: int) -> None:
        self.problems_button.setVisible(count > 0)
        self.problems_button.setText("⚠ " + self.tr("{n} sự kiện cần xử lý").format(n=count))
        allowed = self._allowed()
        self.problems_button.setEnabled(allowed)
        self.problems_button.setToolTip(self.tr(
            "Sự kiện bị cổng từ chối hoặc xung đột: bấm để xem lý do, gửi lại hoặc bỏ qua.")
            if allowed else self.tr(
            "Sự kiện bị cổng từ chối hoặc xung đột: cần tổ trưởng hoặc quản trị viên xem và "
            "xử lý. Các hồ sơ khác vẫn được gửi bình thường."))

    def open_problems(self) -> SyncProblemsPage | None:
        """The supervisor's page (one at a time), for a session that may resolve sync."""
        session = self._guard.session
        if session is None or not self._allowed():
            return None
        if self.page is not None and shiboken6.isValid(self.page):
            self.page.raise_()
            self.page.activateWindow()
            return self.page
        from .sync_problems_page import SyncProblemsPage  # supervisors only, on demand

        self.page = SyncProblemsPage(self._db_lane, session.username, self.window())
        self.page.dossier_requested.connect(self.dossier_requested)
        self.page.problems_changed.connect(self._sync.refresh_status)
        self.page.retry_requested.connect(self._sync.sync_now)
        self._sync.sync_finished.connect(self.page.reload)
        self.page.show()
        self.problems_opened.emit(self.page)
        return self.page

    def _on_guard_session_changed(self, session: Session | None) -> None:
        if self.page is not None and shiboken6.isValid(self.page):
            if session is None or not session.can(Action.RESOLVE_SYNC):
                self.page.close()
            else:
                self.page.user = session.username
        if self._sync.status is not None:
            self._show_problems(self._sync.status.quarantined + self._sync.status.conflicts)

    def _on_guard_locked_changed(self, locked: bool) -> None:
        self.shortcut.setEnabled(not locked)
        if self._sync.status is not None:
            self._show_problems(self._sync.status.quarantined + self._sync.status.conflicts)
