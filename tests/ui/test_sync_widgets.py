"""The sync status texts for every state, the supervisor's table model, and the network lane's
shutdown in the middle of a backoff wait."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from counter_app.services.profile import Profile
from counter_app.services.sync import SyncStatus
from counter_app.store.sync import Problem
from counter_app.sync.backoff import Backoff
from counter_app.sync.summary import Progress
from counter_app.ui import sync_lane
from counter_app.ui.sync_lane import SyncLane
from counter_app.ui.sync_problem_table_model import (
    PROBLEM_ROLE,
    SORT_ROLE,
    Column,
    SyncProblemTableModel,
)
from counter_app.ui.sync_status import (
    AMBER,
    BUSY,
    GOOD,
    GREY,
    PENDING,
    Look,
    last_success_text,
    look,
    pending_look,
    progress_look,
)

from .helpers import QT_STRICT
from .portal_server import enrol, served_portal  # noqa: F401 (fixture)

pytestmark = QT_STRICT

URL = "https://dvc.example.vn"


def _status(**kw: object) -> SyncStatus:
    values: dict[str, object] = dict(
        enrolled=True, portal_url=URL, pending=0, quarantined=0, conflicts=0,
        last_attempt_at="2026-11-22T14:05:00", last_success_at="2026-11-22T14:05:00",
        last_error="", last_error_message="")
    values.update(kw)
    return SyncStatus(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "text", "style", "tip"), [
    (None, "● Ngoại tuyến", GREY, "mọi hồ sơ được lưu trên máy này"),
    (_status(enrolled=False, portal_url=""), "● Ngoại tuyến — chưa đăng ký với cổng", GREY,
     "enrol --portal"),
    (_status(last_error="sync.offline"), "● Ngoại tuyến", GREY,
     f"Không kết nối được cổng dịch vụ công ({URL}); dữ liệu vẫn được lưu"),
    (_status(last_error="sync.timeout"), "● Ngoại tuyến", GREY, "không trả lời kịp"),
    (_status(last_error="sync.server_error", last_error_message="Cổng đang bảo trì."),
     "● Lỗi đồng bộ: cổng bận hoặc gặp lỗi", AMBER, "Cổng trả lời: Cổng đang bảo trì."),
    (_status(last_error="sync.unauthorized"), "● Cần đăng ký lại máy", AMBER,
     "cần đăng ký lại máy"),
    (_status(pending=3), "● Đã kết nối", GOOD, "các thay đổi mới sẽ được gửi"),
    (_status(), "● Đã đồng bộ", GOOD, URL),
])
def test_each_state_has_its_text_colour_and_explanation(status, text, style, tip):
    shown = look(status)
    assert (shown.text, shown.style) == (text, style)
    assert tip in shown.tooltip


def test_offline_is_never_red():
    for style in (GREY, AMBER, GOOD):
        assert "red" not in style and "#c" not in style.lower()


def test_progress_and_last_sync_texts():
    assert progress_look(None) == Look("● Đang đồng bộ…", BUSY, "")
    assert progress_look(Progress("push", 500, 1700)).text == (
        "● Đang đồng bộ… đã gửi 500, còn 1.700")
    assert progress_look(Progress("pull", 12, 0)).text == "● Đang đồng bộ… nhận 12 thay đổi"
    offline = progress_look(Progress("wait", 0, 4, delay=3.2, error="sync.offline"))
    assert (offline.text, offline.style) == ("● Ngoại tuyến — thử lại sau 3 giây", GREY)
    busy = progress_look(Progress("wait", 0, 4, delay=0.2, error="sync.server_error"))
    assert (busy.text, busy.style) == (
        "● Lỗi đồng bộ: cổng bận hoặc gặp lỗi — thử lại sau 1 giây", AMBER)
    assert last_success_text("2026-11-22T14:05:09") == "Lần cuối: 14 giờ 05 phút, 22/11/2026"
    assert last_success_text(None) == "Chưa đồng bộ lần nào"


def test_what_waits_is_said_in_dossiers_manifests_and_scans_not_events():
    nothing = pending_look(_status())
    assert nothing.text == "Chờ đồng bộ: 0 hồ sơ"
    assert nothing.tooltip == "Không còn gì chờ gửi lên cổng dịch vụ công."
    week = pending_look(_status(pending=2_998, pending_dossiers=1_300, pending_manifests=2,
                                pending_forms=1, scans_pending=45, form_files_pending=1,
                                quarantined=1, conflicts=1))
    assert week.text == "Chờ đồng bộ: 1.300 hồ sơ, 2 bảng kê, 1 biểu mẫu, 45 bản quét"
    assert week.style == PENDING
    assert week.tooltip.splitlines() == [
        "Đã lưu trên máy này, chưa có trên cổng dịch vụ công:",
        "• 1.300 hồ sơ có thay đổi chưa gửi",
        "• 2 bảng kê bưu chính chưa gửi",
        "• 1 biểu mẫu của đơn vị chưa gửi",
        "• 45 bản quét chưa tải lên",
        "• 1 tệp biểu mẫu chưa tải lên",
        "Tổng cộng 2.998 thay đổi chờ gửi.",
        "Không tính 2 thay đổi bị cổng từ chối hoặc xung đột: cần tổ trưởng hoặc quản trị viên "
        "xử lý (⚠).",
    ]
    # Every change is at the portal, only files are still on their way.
    scans = pending_look(_status(scans_pending=3))
    assert scans.text == "Chờ đồng bộ: 3 bản quét"
    assert scans.tooltip.splitlines()[1:] == ["• 3 bản quét chưa tải lên"]


def test_files_still_to_upload_are_not_up_to_date():
    for files in ({"scans_pending": 1}, {"form_files_pending": 1}):
        assert _status(**files).state == "pending"
        assert look(_status(**files)).text == "● Đã kết nối"


def _problem(seq: int, **kw: object) -> Problem:
    values: dict[str, object] = dict(
        event_id=f"e{seq}", seq=seq, kind="status_changed", dossier_id=f"d{seq}",
        dossier_code=f"000.00.06.H56-261120-000{seq}", applicant_name="Nguyễn Thị Hương",
        at=f"2026-11-20T09:3{seq}:00", user="clerk1", result="rejected",
        reason="invalid_payload", message="Nội dung sự kiện không hợp lệ: colour.",
        params={}, problems=[{"field": "colour", "code": "unknown_field"}],
        answered_at="2026-11-22T14:05:00", attempts=seq, resolution=None, resolved_at=None,
        resolved_by="", note="")
    values.update(kw)
    return Problem(**values)  # type: ignore[arg-type]


def test_the_problem_table_model(qtmodeltester):
    model = SyncProblemTableModel([
        _problem(1), _problem(2, result="conflict", reason="event_conflict", message="",
                              dossier_code=None, problems=[])])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in Column] == [
        "000.00.06.H56-261120-0001", "Chuyển trạng thái", "20/11/2026 09:31", "Bị từ chối",
        "Nội dung sự kiện không hợp lệ: colour.", "1"]
    assert [model.index(1, c).data() for c in (Column.CODE, Column.RESULT, Column.MESSAGE)] == [
        "—", "Xung đột", "event_conflict"]  # no sentence from the portal: its code
    tip = model.index(0, Column.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "• colour: unknown_field" in tip and "sau 1 lần gửi" in tip
    assert model.index(1, Column.AT).data(SORT_ROLE) == 2
    assert model.index(0, 0).data(PROBLEM_ROLE).event_id == "e1"
    assert model.headerData(Column.MESSAGE, Qt.Orientation.Horizontal) == "Cổng trả lời"
    model.set_problems([])
    assert model.rowCount() == 0


def test_shutdown_ends_a_backoff_wait_at_once(qtbot, lane, demo_data, served_portal,  # noqa: F811
                                              monkeypatch):
    """Portal down, a background run retrying with backoff for a minute: closing the window
    must not wait for it."""
    enrol(demo_data.data_dir, served_portal)
    served_portal.stop()
    monkeypatch.setattr(sync_lane, "MAX_SECONDS", 60.0)
    opened: list[Profile] = []
    lane.open(demo_data.data_dir, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    network = SyncLane(lane, Profile(sync_interval_minutes=0))
    waits: list[Progress] = []
    network.sync_progressed.connect(
        lambda p: waits.append(p) if p.stage == "wait" else None)
    network.start()  # the start-up run: automatic, so a long one
    qtbot.waitUntil(lambda: len(waits) >= 2, timeout=15_000)
    began = time.monotonic()
    network.shutdown()
    assert time.monotonic() - began < 2.0
    assert network.pool.activeThreadCount() == 0
    assert waits[0].error == "sync.offline"



def test_sync_now_during_a_backoff_wait_retries_at_once(qtbot, lane, demo_data,
                                                      served_portal, monkeypatch):  # noqa: F811
    """The portal comes back while a background run waits 30 s to retry: "Đồng bộ ngay" ends
    the wait, and that retry is the run asked for (no second run after it)."""
    enrol(demo_data.data_dir, served_portal)
    served_portal.stop()
    monkeypatch.setattr(sync_lane, "MAX_SECONDS", 60.0)
    monkeypatch.setattr(Backoff, "delay", lambda self, attempt, retry_after=None: 30.0)
    opened: list[Profile] = []
    lane.open(demo_data.data_dir, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    network = SyncLane(lane, Profile(sync_interval_minutes=0))
    started: list[None] = []
    waits: list[Progress] = []
    network.sync_started.connect(lambda: started.append(None))
    network.sync_progressed.connect(lambda p: waits.append(p) if p.stage == "wait" else None)
    try:
        network.start()
        qtbot.waitUntil(lambda: bool(waits), timeout=10_000)
        served_portal.start()
        began = time.monotonic()
        with qtbot.waitSignal(network.sync_finished, timeout=10_000) as finished:
            network.sync_now()
        assert time.monotonic() - began < 10
        assert finished.args[0].status.state == "up_to_date"
        qtbot.wait(200)
        assert len(started) == 1 and not network.running
    finally:
        network.shutdown()
