"""The supervisor's dashboard and the reports page through the real window: tabs per role,
figures from the demo data, charts drawn, exports written, the daily close with its warning."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pypdf
import pytest
from PySide6.QtGui import QColor

from counter_app.domain.model import Status
from counter_app.ui.charts import BAR, GOOD
from tests.conftest import FakeClock

from .conftest import ADMIN, SUPERVISOR, log_in
from .helpers import QT_STRICT

pytestmark = QT_STRICT


def _lane_run(qtbot, window, fn):
    done = []
    window._lane.call(fn, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    return done[0]


def _tab_titles(window) -> list[str]:
    return [window.pages.tabText(i) for i in range(window.pages.count())]


def _log_out(qtbot, window) -> None:
    with qtbot.waitSignal(window.guard.session_changed, timeout=5000):
        window.guard.log_out()


def _as(qtbot, window, username: str) -> None:
    _log_out(qtbot, window)
    log_in(qtbot, window, username)


def _pixels(widget, colour: QColor) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y) == colour)


def test_tabs_follow_the_role(qtbot, window):
    assert "Báo cáo" in _tab_titles(window) and "Tổng quan" not in _tab_titles(window)  # clerk
    _as(qtbot, window, SUPERVISOR)
    assert {"Báo cáo", "Tổng quan"} <= set(_tab_titles(window))
    _as(qtbot, window, ADMIN)
    assert {"Báo cáo", "Tổng quan"} <= set(_tab_titles(window))


@pytest.fixture
def clock(qtbot, window, demo_data):
    """The lane's Counter on a fake clock; `an` finished on its due day (23/11)."""
    fake = FakeClock(dt.datetime(2026, 11, 23, 8, 0))
    _lane_run(qtbot, window, lambda c: setattr(c, "clock", fake))
    for status in (Status.IN_PROGRESS, Status.RESOLVED):
        _lane_run(qtbot, window, lambda c, s=status: c.change_status(demo_data.an.id, s))
    fake.now = dt.datetime(2026, 11, 24, 10, 0)
    return fake


def test_the_dashboard_at_a_glance(qtbot, window, clock):
    _as(qtbot, window, SUPERVISOR)
    page = window.report_tabs.dashboard_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.pages.setCurrentWidget(page)
    d = page.dashboard
    assert (page.overdue.text(), page.due_soon.text(), page.received.text()) == ("2", "0", "3")
    assert page.rate.text() == "100,0 %"
    assert d.start == dt.date(2026, 10, 26) and len(page.per_day.bars) == 30
    assert [(b.label, b.value) for b in page.per_day.bars if b.value] == [("20/11", 3)]
    assert [(b.label, b.text) for b in page.status_mix.bars] == [
        ("Được tiếp nhận", "1"), ("Đang xử lý", "1"), ("Đã xử lý xong", "1")]
    assert [(b.label, b.text) for b in page.rates.bars] == [
        ("Thủ tục đăng ký khai sinh", "100,0 % (1 hồ sơ)")]
    assert page.rates.bars[0].color == GOOD
    assert "Tổng quan từ 26/10/2026 đến 24/11/2026" in page.title.text()
    # The charts are drawn: the columns and the bars have their colours on screen.
    page.resize(1100, 800)
    assert _pixels(page.per_day, BAR) > 10
    assert _pixels(page.rates, GOOD) > 10


def test_reports_page_shows_and_exports_the_period(qtbot, window, clock, tmp_path):
    page = window.report_tabs.reports_page
    window.pages.setCurrentWidget(page)
    page.set_period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with qtbot.waitSignal(page.report_shown, timeout=5000) as shown:
        page.show_button.click()
    report = shown.args[0]
    assert report.totals.received == 3 and report.totals.resolved == 1
    last = page.model.rowCount() - 1
    assert page.model.index(last, 0).data() == "Tổng cộng"
    assert page.model.index(last, 1).data() == "3"
    assert page.model.index(last, 8).data() == "100,0 %"

    targets = iter([str(tmp_path / "ii06a.xlsx"), str(tmp_path / "so.pdf"), ""])
    page.ask_save_path = lambda *_: next(targets)
    with qtbot.waitSignal(page.file_saved, timeout=10000):
        page.xlsx_button.click()
    ws = openpyxl.load_workbook(tmp_path / "ii06a.xlsx").active
    assert [[ws.cell(r, c).value for c in (2, 3)] for r in (9, 10)] == [
        ["Hộ tịch", 3], ["Tổng cộng", 3]]
    with qtbot.waitSignal(page.file_saved, timeout=10000):
        page.book_pdf_button.click()
    text = pypdf.PdfReader(io.BytesIO((tmp_path / "so.pdf").read_bytes())).pages[0].extract_text()
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Đặng Văn Đức" in text
    page.book_xlsx_button.click()  # the clerk cancels the file dialog: nothing happens
    assert "Đã lưu" in page.message.text() and "so.pdf" in page.message.text()


def test_daily_close_warns_loudly_and_records_only_when_confirmed(qtbot, window, demo_data,
                                                                  tmp_path):
    fake = FakeClock(dt.datetime(2026, 11, 20, 17, 5))
    _lane_run(qtbot, window, lambda c: setattr(c, "clock", fake))
    box = window.report_tabs.reports_page.daily_close
    window.pages.setCurrentWidget(window.report_tabs.reports_page)
    answers: list[int] = []
    box.confirm_unsynced = lambda parent, n: answers.append(n) or len(answers) > 1
    box.ask_save_path = lambda *_: str(tmp_path / "chot-so.pdf")

    box.close_button.click()  # "Để sau": nothing is recorded
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
    assert box.warning.isVisible() or box.warning.text()
    assert "Còn" in box.warning.text() and "chưa gửi lên cổng" in box.warning.text()
    assert "tiếp nhận 3" in box.figures.text()
    assert _lane_run(qtbot, window, lambda c: c.conn.execute(
        "SELECT count(*) FROM daily_closes").fetchone()[0]) == 0

    with qtbot.waitSignal(box.closed, timeout=5000) as closed:
        box.close_button.click()  # "Vẫn chốt sổ"
    day_close = closed.args[0]
    assert day_close.forced and day_close.closed_by == "clerk1" and day_close.unsynced == answers[1]
    assert "Đã chốt sổ lúc 17:05 20/11/2026" in box.figures.text()
    text = pypdf.PdfReader(str(tmp_path / "chot-so.pdf")).pages[0].extract_text()
    assert "BIÊN BẢN CHỐT SỔ CUỐI NGÀY" in text and "clerk1" in text
