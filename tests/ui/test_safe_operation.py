"""Safe operation in the window: the daily backup at start, crashes, a full disk and a
locked database while receiving."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QMessageLogContext, Qt, QTimer, QtMsgType
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.services import backup as bk
from counter_app.store import db
from counter_app.ui import crash

from .helpers import focused
from .test_reception_page import NAME, _fill_applicant, _key, _pick


def test_opening_the_window_makes_the_days_backup(qtbot, window, demo_data):
    backups = bk.default_dir(demo_data.data_dir)
    qtbot.waitUntil(lambda: len(bk.backups_in(backups)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.daily_backup._running, timeout=5000)
    assert "Đã sao lưu dữ liệu hôm nay." in window.statusBar().currentMessage()
    window.daily_backup.check()  # again the same day: nothing new
    qtbot.waitUntil(lambda: not window.daily_backup._running, timeout=5000)
    assert len(bk.backups_in(backups)) == 1


# ----- crashes ----------------------------------------------------------------------------

PERSONAL = "Nguyễn Thị Hương 001185012345 Số 12 đường Lê Lợi"


@pytest.fixture
def crash_handler(tmp_path):
    crash.install(tmp_path / "crash-data", qt_messages=False)
    yield tmp_path / "crash-data" / crash.REPORT_DIR
    crash.uninstall()


def _crash_dialog() -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == "crashDialog" and w.isVisible():
            return w
    return None


def _boom(text: str) -> None:
    raise ValueError(text)


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_error_in_the_window_shows_a_dialog_and_writes_a_report(
        qtbot, window, crash_handler):
    QTimer.singleShot(0, lambda: _boom(PERSONAL))  # an error in a slot of the running window
    qtbot.waitUntil(lambda: _crash_dialog() is not None, timeout=5000)
    box = _crash_dialog()
    assert box is not None
    assert "lỗi không mong đợi" in box.text()
    assert "không chứa thông tin cá nhân" in box.informativeText()
    reports = list(crash_handler.glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in box.informativeText()
    report = reports[0].read_text(encoding="utf-8")
    assert "exception: builtins.ValueError" in report
    assert "in _boom" in report and "raise ValueError(text)" in report
    for secret in ("Nguyễn", "Hương", "001185012345", "Lê Lợi"):
        assert secret not in report
    # "Tiếp tục làm việc": the window is still there and still works.
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: _crash_dialog() is None, timeout=2000)
    assert window.isVisible()
    window.show_lookup()
    assert window.pages.currentWidget() is window.lookup_page


def test_a_fatal_qt_message_leaves_a_report(crash_handler):
    crash.handle_qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "just a warning")
    assert not crash_handler.exists()
    crash.handle_qt_message(QtMsgType.QtFatalMsg, QMessageLogContext(), "fatal " + PERSONAL)
    report = next(crash_handler.glob("crash-*.txt")).read_text(encoding="utf-8")
    assert "QtFatal" in report and "Nguyễn" not in report


def test_the_report_is_written_even_without_a_window(tmp_path):
    try:
        _boom(PERSONAL)
    except ValueError as e:
        path = crash.write_report(tmp_path, type(e), e.__traceback__)
    assert "001185012345" not in path.read_text(encoding="utf-8")


# ----- a locked database or a full disk while receiving ------------------------------------

@pytest.fixture
def page(qtbot, window):
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) == 3, timeout=5000)
    return page


def _fill_reception(qtbot, page) -> None:
    _pick(qtbot, page, "khai sinh")
    _fill_applicant(page)
    _key(Qt.Key.Key_Space, " ")
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Space, " ")
    qtbot.waitUntil(lambda: page.checklist.model.unticked_mandatory() == [], timeout=1000)


def _lane_run(qtbot, window, fn):
    done = []
    window._lane.call(fn, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    return done[0]


def _dossier_count(qtbot, window) -> int:
    return _lane_run(qtbot, window, lambda c: c.conn.execute(
        "SELECT count(*) FROM dossiers").fetchone()[0])


@pytest.mark.parametrize("cause", ["locked", "full"])
def test_a_failed_save_keeps_the_reception_on_screen_to_retry(qtbot, window, page, demo_data,
                                                              cause):
    before = _dossier_count(qtbot, window)
    _fill_reception(qtbot, page)
    holder = None
    if cause == "locked":  # another program holds the write lock
        _lane_run(qtbot, window, lambda c: c.conn.execute("PRAGMA busy_timeout = 200"))
        holder = sqlite3.connect(demo_data.data_dir / db.DB_FILENAME, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    else:  # the disk is full: no page more may be added
        _lane_run(qtbot, window, lambda c: c.conn.execute(
            "PRAGMA max_page_count = {}".format(
                c.conn.execute("PRAGMA page_count").fetchone()[0])))
    QTest.keyClick(focused(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    expected = "Cơ sở dữ liệu đang bận" if cause == "locked" else "Ổ đĩa đã đầy"
    assert expected in page.outcome.message.text()
    assert "thông tin đang nhập vẫn còn nguyên" in page.outcome.message.text()
    assert page.applicant.full_name.text() == NAME and page.picker.chosen is not None
    assert _dossier_count(qtbot, window) == before

    if holder is not None:
        holder.execute("ROLLBACK")
        holder.close()
    else:
        _lane_run(qtbot, window, lambda c: c.conn.execute("PRAGMA max_page_count = 1073741823"))
    with qtbot.waitSignal(page.preview_opened, timeout=10000):
        with qtbot.waitSignal(page.outcome_recorded, timeout=5000) as recorded:
            page.outcome.receive.click()  # the clerk presses F9 again
    assert recorded.args[0].applicant.full_name == NAME
    assert recorded.args[0].code.endswith("-0001")  # the failed try used no number (today)
    assert _dossier_count(qtbot, window) == before + 1
