"""Looking up dossiers in the window: accent-free and Vietnamese typing, codes, scans."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from counter_app.services.counter import Counter
from counter_app.ui.dossier_table_model import DOSSIER_ROLE, Column
from counter_app.ui.dossier_view import DossierView
from counter_app.ui.lookup_page import COLUMN_PADDING, PAGE_SIZE, LookupPage
from tests.conftest import FakeClock, applicant, birth_draft

from .conftest import CLERK, log_in, open_window
from .helpers import QT_STRICT, press_enter, type_text

pytestmark = QT_STRICT


def _names(page: LookupPage) -> list[str]:
    return [page.proxy.index(r, Column.APPLICANT).data() for r in range(page.proxy.rowCount())]


def _search_and_wait(qtbot, page: LookupPage, type_it) -> None:
    with qtbot.waitSignal(page.search_finished, timeout=5000):
        type_it()


def test_lists_newest_first_with_formatted_columns(window, demo_data):
    page = window.lookup_page
    assert _names(page) == ["Trần Văn An", "Đặng Văn Đức", "Nguyễn Thị Hương"]
    row = 1
    cell = lambda column: page.proxy.index(row, column).data()  # noqa: E731
    assert cell(Column.CODE) == demo_data.duc.code
    assert cell(Column.PROCEDURE) == "Thủ tục đăng ký khai sinh"
    assert cell(Column.RECEIVED_AT) == "20/11/2026 09:39"
    assert cell(Column.DUE_AT) == demo_data.duc.due_at.strftime("%d/%m/%Y %H:%M")
    assert cell(Column.STATUS) == "Đang xử lý"
    assert page.proxy.headerData(Column.DUE_AT, Qt.Orientation.Horizontal) == "Hẹn trả"


def test_columns_fit_the_widest_text_even_far_below_the_rows_in_view(qtbot, lane, demo_data):
    """A full page of dossiers, the longest name 150th from the top: it is not cut, and every
    column is as wide as Qt's own resize-to-contents over all the rows makes it."""
    long_name = "Tôn Nữ Hoàng Phương Thảo Nguyên Khánh Linh"
    names = [f"Lê Văn {chr(65 + i % 26)}" for i in range(PAGE_SIZE)]
    names[49] = long_name  # newest first: the 50th received is the 150th row
    with Counter.open(demo_data.data_dir, FakeClock(dt.datetime(2026, 11, 20, 14, 0))) as c:
        c.receive_many([birth_draft(applicant=applicant(full_name=n)) for n in names])
    win = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, win, CLERK)
    page = win.lookup_page
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE, timeout=5000)
    assert _names(page).index(long_name) == 150
    header = page.table.horizontalHeader()
    text_width = page.table.fontMetrics().horizontalAdvance(long_name)
    assert header.sectionSize(Column.APPLICANT) > text_width + COLUMN_PADDING
    sized = {c: header.sectionSize(c) for c in Column if c != Column.PROCEDURE}
    for column in sized:
        page.table.resizeColumnToContents(column)  # asks the delegate for every row
    assert {c: header.sectionSize(c) + COLUMN_PADDING for c in sized} == sized
    win.close()


def test_search_without_accents_finds_the_vietnamese_name(qtbot, window, demo_data):
    page = window.lookup_page
    _search_and_wait(qtbot, page, lambda: qtbot.keyClicks(page.search_box, "dang van duc"))
    assert _names(page) == ["Đặng Văn Đức"]
    assert page.proxy.index(0, 0).data(DOSSIER_ROLE).id == demo_data.duc.id


def test_search_typed_in_vietnamese(qtbot, window):
    page = window.lookup_page
    _search_and_wait(qtbot, page, lambda: type_text(page.search_box, "đặng"))
    assert page.search_box.text() == "đặng"
    assert _names(page) == ["Đặng Văn Đức"]


def test_code_and_enter_opens_the_dossier(qtbot, window, demo_data):
    page = window.lookup_page
    qtbot.keyClicks(page.search_box, demo_data.duc.code)
    with qtbot.waitSignal(page.dossier_opened, timeout=5000) as opened:
        press_enter(page.search_box)
    view = opened.args[0]
    assert isinstance(view, DossierView)
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "Đặng Văn Đức" in texts
    assert any("Thủ tục đăng ký khai sinh" in t for t in texts)
    assert view.documents.rowCount() == 2
    events = [view.events.index(r, 1).data() for r in range(view.events.rowCount())]
    assert events == ["Tiếp nhận hồ sơ", "Chuyển trạng thái"]
    assert "Được tiếp nhận → Đang xử lý" in view.events.index(1, 2).data()
    view.close()


def test_enter_on_a_search_opens_the_selected_row(qtbot, window, demo_data):
    page = window.lookup_page
    _search_and_wait(qtbot, page, lambda: qtbot.keyClicks(page.search_box, "van"))
    assert _names(page) == ["Trần Văn An", "Đặng Văn Đức"]
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)  # arrows in the box move the selection
    with qtbot.waitSignal(page.dossier_opened, timeout=5000) as opened:
        press_enter(page.search_box)
    assert opened.args[0].dossier.id == demo_data.duc.id
    opened.args[0].close()


def test_scanned_cccd_qr_searches_by_its_id_number(qtbot, window, demo_data):
    page = window.lookup_page
    payload = "001085012346|123456789|Đặng Văn Đức|04031985|Nam|thôn Phú Hòa, xã Tân Phú|01072021"
    with qtbot.waitSignal(page.search_finished, timeout=5000) as done:
        type_text(page.search_box, payload)
        press_enter(page.search_box)
    assert done.args == ["001085012346"]
    assert page.search_box.text() == "001085012346"
    assert _names(page) == ["Đặng Văn Đức"]


def test_unknown_code_says_so(qtbot, window):
    page = window.lookup_page
    page.search_box.setText("000.00.06.H56-261120-0099")
    press_enter(page.search_box)
    qtbot.waitUntil(lambda: "Không tìm thấy" in page.info.text(), timeout=5000)


def test_stale_answers_are_dropped(qtbot, window):
    page = window.lookup_page
    shown: list[str] = []
    page.search_finished.connect(shown.append)
    page.search_box.setText("dang")
    page.search_now()
    page.search_box.setText("tran")
    page.search_now()  # sent before the first answer came back
    qtbot.waitUntil(lambda: shown == ["tran"], timeout=5000)
    window._lane.pool.waitForDone()
    qtbot.wait(50)
    assert shown == ["tran"]
    assert _names(page) == ["Trần Văn An"]
