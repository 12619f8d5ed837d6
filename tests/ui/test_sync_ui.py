"""Sync in the window, against the real portal on loopback: "Đồng bộ ngay", the status bar's
states, a back-office status coming down, the supervisor's page, the timers, the shutdown."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from counter_app.domain.model import Status
from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.store import db, events
from counter_app.ui import sync_lane
from counter_app.ui.dossier_table_model import Column as DossierColumn
from counter_app.ui.dossier_view import DossierView
from counter_app.ui.lanes import CounterLane
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_problem_table_model import Column
from counter_app.ui.sync_problems_page import SyncProblemsPage
from counter_app.ui.sync_status import AMBER, GOOD, GREY
from tests.conftest import birth_draft

from .conftest import ADMIN, CLERK, DemoData, log_in, open_window
from .helpers import QT_STRICT, type_text
from .portal_server import ServedPortal, enrol, served_portal  # noqa: F401 (fixture)

pytestmark = QT_STRICT

LAST_SYNC = re.compile(r"Lần cuối: \d\d giờ \d\d phút, \d\d/\d\d/\d{4}")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass per run (no backoff waits in tests) and a short debounce."""
    monkeypatch.setattr(sync_lane, "MAX_SECONDS", 0.0)
    monkeypatch.setattr(sync_lane, "MANUAL_SECONDS", 0.0)
    monkeypatch.setattr(sync_lane, "DEBOUNCE_MS", 50)


@pytest.fixture
def enrolled_data(demo_data: DemoData, served_portal: ServedPortal) -> DemoData:  # noqa: F811
    enrol(demo_data.data_dir, served_portal)
    return demo_data


def _wait_state(qtbot, win: MainWindow, state: str) -> None:
    qtbot.waitUntil(lambda: not win.sync_lane.running and win.sync_lane.status is not None
                    and win.sync_lane.status.state == state, timeout=10_000)


def _open(qtbot, lane: CounterLane, data_dir: Path, user: str = CLERK) -> MainWindow:
    win = open_window(qtbot, lane, data_dir)
    log_in(qtbot, win, user)
    qtbot.waitUntil(lambda: win.lookup_page.model.rowCount() >= 3, timeout=5000)
    return win


def _close(win: MainWindow) -> None:
    win.close()  # shuts the network lane down
    assert win.sync_lane.pool.activeThreadCount() == 0


@pytest.fixture
def synced(qtbot, lane: CounterLane, enrolled_data: DemoData) -> Iterator[MainWindow]:
    """The window, the clerk logged in, after its start-up sync (everything at the portal)."""
    win = _open(qtbot, lane, enrolled_data.data_dir)
    _wait_state(qtbot, win, "up_to_date")
    yield win
    _close(win)


def _sync_now(qtbot, win: MainWindow) -> list[tuple[str, bool]]:
    """Click "Đồng bộ ngay" and wait for the run; returns (state text, button enabled) as
    shown when the run started."""
    seen: list[tuple[str, bool]] = []
    win.sync_lane.sync_started.connect(
        lambda: seen.append((win.sync_label.text(), win.sync_status.sync_button.isEnabled())))
    with qtbot.waitSignal(win.sync_lane.sync_finished, timeout=10_000):
        qtbot.mouseClick(win.sync_status.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.sync_lane.running)
    return seen


def _call(qtbot, lane: CounterLane, fn):
    out: list[object] = []
    lane.call(fn, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    return out[0]


def _lookup_status(win: MainWindow, code: str) -> str:
    model = win.lookup_page.model
    for row in range(model.rowCount()):
        if model.index(row, DossierColumn.CODE).data() == code:
            return str(model.index(row, DossierColumn.STATUS).data())
    return ""


# ----- "Đồng bộ ngay" and the status bar ---------------------------------------------------


def test_offline_at_start_then_sync_now_sends_everything(
        qtbot, lane, enrolled_data, served_portal):  # noqa: F811
    served_portal.stop()
    win = _open(qtbot, lane, enrolled_data.data_dir)
    try:
        _wait_state(qtbot, win, "offline")  # the start-up sync found no portal
        assert win.sync_label.text() == "● Ngoại tuyến"
        assert win.sync_label.styleSheet() == GREY  # calm grey, not red
        assert "dữ liệu vẫn được lưu trên máy" in win.sync_label.toolTip()
        assert served_portal.url in win.sync_label.toolTip()
        assert win.pending_label.text() == "Chờ đồng bộ: 3 hồ sơ"
        assert win.sync_status.last_label.text() == "Chưa đồng bộ lần nào"

        served_portal.start()
        seen = _sync_now(qtbot, win)
        assert seen == [("● Đang đồng bộ…", False)]  # one run, the button held meanwhile
        _wait_state(qtbot, win, "up_to_date")
        assert win.sync_label.text() == "● Đã đồng bộ"
        assert win.sync_label.styleSheet() == GOOD
        qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 0 hồ sơ")
        assert LAST_SYNC.fullmatch(win.sync_status.last_label.text())
        assert win.sync_status.sync_button.isEnabled()
        codes = {d["MaHoSo"] for d in served_portal.listing()}
        assert codes == {enrolled_data.duc.code, enrolled_data.huong.code, enrolled_data.an.code}
    finally:
        _close(win)


def test_portal_down_shows_offline_and_keeps_every_change(qtbot, synced, lane, enrolled_data,
                                                          served_portal):  # noqa: F811
    win = synced
    last = win.sync_status.last_label.text()
    huong = enrolled_data.huong
    _call(qtbot, lane, lambda c: c.change_status(huong.id, Status.IN_PROGRESS, note="Chuyển",
                                                 user=CLERK))
    win.refresh_pending()
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 1 hồ sơ")

    served_portal.stop()
    _sync_now(qtbot, win)
    _wait_state(qtbot, win, "offline")
    assert win.sync_label.text() == "● Ngoại tuyến"
    assert win.sync_label.styleSheet() == GREY
    assert "Không kết nối được cổng dịch vụ công" in win.sync_label.toolTip()
    assert win.pending_label.text() == "Chờ đồng bộ: 1 hồ sơ"  # nothing lost, nothing dropped
    assert win.sync_status.last_label.text() == last  # the last *successful* sync

    served_portal.start()
    _sync_now(qtbot, win)
    _wait_state(qtbot, win, "up_to_date")
    qtbot.waitUntil(lambda: win.pending_label.text() == "Chờ đồng bộ: 0 hồ sơ")
    [row] = [d for d in served_portal.listing() if d["MaHoSo"] == huong.code]
    assert row["TrangThaiHoSo"] == "4"


def test_f5_syncs_now(qtbot, synced):
    with qtbot.waitSignal(synced.sync_lane.sync_finished, timeout=10_000):
        QTest.keyClick(synced.lookup_page.search_box, Qt.Key.Key_F5)
    assert synced.sync_lane.status.state == "up_to_date"


def test_a_refused_request_is_a_failure_with_the_portals_reason(
        qtbot, lane, enrolled_data, served_portal):  # noqa: F811
    """A wrong portal address (another site answers 404): amber, the reason in short, the
    portal's sentence in the tooltip."""
    conn = sqlite3.connect(enrolled_data.data_dir / db.DB_FILENAME)
    conn.execute("UPDATE sync_enrolment SET portal_url = ?", (served_portal.url + "/khac",))
    conn.commit()
    conn.close()
    win = _open(qtbot, lane, enrolled_data.data_dir)
    try:
        _wait_state(qtbot, win, "failed")
        assert win.sync_label.text() == "● Lỗi đồng bộ: cổng từ chối yêu cầu"
        assert win.sync_label.styleSheet() == AMBER
        assert "HTTP 404" in win.sync_label.toolTip()
        assert win.pending_label.text() == "Chờ đồng bộ: 3 hồ sơ"
    finally:
        _close(win)


def test_a_revoked_token_asks_for_enrolment_and_stops_automatic_runs(
        qtbot, synced, served_portal):  # noqa: F811
    served_portal.revoke()
    _sync_now(qtbot, synced)
    _wait_state(qtbot, synced, "needs_enrolment")
    assert synced.sync_label.text() == "● Cần đăng ký lại máy"
    assert synced.sync_label.styleSheet() == AMBER
    assert "đăng ký lại máy" in synced.sync_label.toolTip()
    started: list[None] = []
    synced.sync_lane.sync_started.connect(lambda: started.append(None))
    synced.sync_lane.set_interval_ms(30)
    qtbot.wait(300)  # ten ticks: each reads the status, none hits the portal again
    synced.sync_lane.set_interval_ms(0)
    assert started == []


def test_not_enrolled_is_offline_with_how_to_enrol(qtbot, lane, demo_data):
    win = _open(qtbot, lane, demo_data.data_dir)
    try:
        _wait_state(qtbot, win, "not_enrolled")
        assert win.sync_label.text() == "● Ngoại tuyến — chưa đăng ký với cổng"
        assert win.sync_label.styleSheet() == GREY
        assert "enrol --portal" in win.sync_label.toolTip()
        assert win.sync_status.last_label.isHidden()
    finally:
        _close(win)


# ----- what the pull brings down -----------------------------------------------------------


def test_a_back_office_status_shows_in_the_lookup_list_and_the_timeline(
        qtbot, synced, enrolled_data, served_portal):  # noqa: F811
    duc = enrolled_data.duc
    assert _lookup_status(synced, duc.code) == "Đang xử lý"
    served_portal.set_status(duc.code, 9, "Đã ký quyết định")
    _sync_now(qtbot, synced)
    qtbot.waitUntil(lambda: _lookup_status(synced, duc.code) == "Đã xử lý xong", timeout=5000)

    with qtbot.waitSignal(synced.lookup_page.dossier_opened, timeout=5000) as opened:
        synced.lookup_page.open_id(duc.id)
    view: DossierView = opened.args[0]
    qtbot.addWidget(view)
    last = view.events.rowCount() - 1
    assert view.events.index(last, 1).data() == "Cổng cập nhật trạng thái"
    assert view.events.index(last, 2).data() == (
        "Đang xử lý → Đã xử lý xong (Đã ký quyết định; Phòng Tư pháp)")
    assert view.events.index(last, 3).data() == "Trần Văn B"


# ----- the supervisor's page ---------------------------------------------------------------


def _craft(data_dir: Path, dossier_id: str, payload: dict[str, object]) -> str:
    """An event written straight to the log, as a buggy or older client might have."""
    with Counter.open(data_dir) as counter, db.transaction(counter.conn):
        return events.append(counter.conn, dossier_id=dossier_id, kind="status_changed",
                             at=counter.clock(), user=CLERK, workstation=1, payload=payload)


def test_the_supervisor_retries_and_dismisses_quarantined_events(
        qtbot, qtmodeltester, lane, enrolled_data, served_portal):  # noqa: F811
    huong = enrolled_data.huong
    bad = _craft(enrolled_data.data_dir, str(uuid.uuid4()),
                 {"from": 2, "to": 4, "colour": "red"})
    early = _craft(enrolled_data.data_dir, huong.id, {"from": 9, "to": 10, "note": "Đã trả"})
    win = _open(qtbot, lane, enrolled_data.data_dir)  # the clerk
    try:
        _wait_state(qtbot, win, "up_to_date")
        button = win.sync_status.problems_button
        assert button.isVisible() and button.text() == "⚠ 2 sự kiện cần xử lý"
        assert not button.isEnabled()  # a clerk sees them, a supervisor acts
        assert win.sync_status.open_problems() is None

        win.guard.log_out()
        log_in(qtbot, win, ADMIN)
        assert button.isEnabled()
        with qtbot.waitSignal(win.sync_status.problems_opened) as opened:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        page: SyncProblemsPage = opened.args[0]
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
        qtmodeltester.check(page.model)
        rows = {page.proxy.index(r, Column.CODE).data(): r for r in range(2)}
        assert set(rows) == {huong.code, "—"}
        r = rows[huong.code]
        assert page.proxy.index(r, Column.KIND).data() == "Chuyển trạng thái"
        assert page.proxy.index(r, Column.RESULT).data() == "Bị từ chối"
        assert page.proxy.index(r, Column.MESSAGE).data() == (
            "Không thể chuyển hồ sơ từ trạng thái 2 sang 10.")
        assert page.proxy.index(r, Column.ATTEMPTS).data() == "1"
        assert page.proxy.index(rows["—"], Column.MESSAGE).data().startswith(
            "Nội dung sự kiện không hợp lệ")
        assert "Mã lý do: invalid_transition" in page.proxy.index(
            r, Column.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)

        # Double-click opens the dossier.
        page.table.selectRow(r)
        assert "Không thể chuyển hồ sơ" in page.detail.text()
        cell = page.table.visualRect(page.proxy.index(r, Column.CODE)).center()
        with qtbot.waitSignal(win.lookup_page.dossier_opened, timeout=5000) as shown:
            qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
            qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        assert shown.args[0].dossier.id == huong.id
        shown.args[0].close()

        # The back office moves the dossier on; "Gửi lại" sends the return again: applied.
        served_portal.set_status(huong.code, 9, "Đã xử lý xong")
        page.table.selectRow(r)
        with qtbot.waitSignal(win.sync_lane.sync_finished, timeout=10_000):
            qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        [row] = [d for d in served_portal.listing() if d["MaHoSo"] == huong.code]
        assert row["TrangThaiHoSo"] == "10"
        qtbot.waitUntil(lambda: button.text() == "⚠ 1 sự kiện cần xử lý")

        # "Bỏ qua…" asks for a note, then the event leaves the list for good.
        page.table.selectRow(0)
        dialog = page.ask_dismiss()
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "ghi chú" in dialog.problem.text()  # a note is required
        type_text(dialog.note, "Đã nhập trực tiếp trên cổng")
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
        assert page.info.text() == "Đã bỏ qua 1 sự kiện."
        assert page.detail.text() == "Không còn sự kiện nào cần xử lý."
        qtbot.waitUntil(lambda: button.isHidden(), timeout=5000)
        with Counter.open(enrolled_data.data_dir) as counter:
            done = {p.event_id: p for p in sync_service.problems(counter, include_resolved=True)}
            retried = counter.conn.execute("SELECT result, attempts FROM sync_answers"
                                           " WHERE event_id = ?", (early,)).fetchone()
        assert (done[bad].resolution, done[bad].resolved_by, done[bad].note) == (
            "dismissed", ADMIN, "Đã nhập trực tiếp trên cổng")
        assert early not in done and tuple(retried) == ("applied", 2)
    finally:
        _close(win)


# ----- timers, one run at a time -----------------------------------------------------------


def test_the_interval_timer_syncs(qtbot, synced):
    with qtbot.waitSignal(synced.sync_lane.sync_started, timeout=5000):
        synced.sync_lane.set_interval_ms(100)
    synced.sync_lane.set_interval_ms(0)
    qtbot.waitUntil(lambda: not synced.sync_lane.running, timeout=10_000)


def test_a_reception_is_sent_soon_after_it_is_written(qtbot, synced, lane, served_portal):  # noqa: F811
    result = _call(qtbot, lane, lambda c: c.receive(birth_draft()))
    with qtbot.waitSignal(synced.sync_lane.sync_finished, timeout=10_000):
        synced.reception_page.changes_applied.emit(result.changes)  # as after F9
    assert result.dossier.code in {d["MaHoSo"] for d in served_portal.listing()}
    qtbot.waitUntil(lambda: synced.pending_label.text() == "Chờ đồng bộ: 0 hồ sơ")


def test_only_one_run_at_a_time(qtbot, synced):
    """Requests during a run make one more run after it, never a second one beside it."""
    lane_ = synced.sync_lane
    started: list[int] = []
    finished: list[int] = []
    lane_.sync_started.connect(lambda: started.append(len(finished)))
    lane_.sync_finished.connect(lambda _outcome: finished.append(len(started)))
    lane_.sync_now()
    lane_.sync_now()  # during the first: remembered, run right after it
    lane_.sync_now()  # the same request again: still one more run
    qtbot.waitUntil(lambda: len(finished) == 2 and not lane_.running, timeout=10_000)
    qtbot.wait(100)
    assert (started, finished) == ([0, 1], [1, 2])  # each run starts after the last ended
