"""Quản trị: profile, catalogue and calendar pages; shown to administrators only."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.calendar import CalendarException, DayKind
from counter_app.services.counter import Counter
from counter_app.ui.admin_table_models import (
    CalendarExceptionTableModel,
    HolidayTableModel,
    ProcedureTableModel,
)
from tests.conftest import SMALL_CATALOGUE, FakeClock

from .conftest import ADMIN, CLERK, SUPERVISOR, log_in, open_window
from .helpers import QT_STRICT, type_text

pytestmark = QT_STRICT

FRIDAY = dt.datetime(2026, 11, 20, 9, 32)
SATURDAY = dt.date(2026, 11, 21)


@pytest.fixture
def admin_window(qtbot, lane, demo_data, monkeypatch):
    """Logged in as the administrator; the lane's Counter runs on a Friday-morning clock."""
    opened = Counter.open.__func__  # type: ignore[attr-defined]
    clock = FakeClock(FRIDAY)
    monkeypatch.setattr(Counter, "open", classmethod(
        lambda cls, d, c=clock, progress=None: opened(cls, d, c, progress=progress)))
    window = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, window, ADMIN)
    page = window.admin_page
    window.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.profile_page.edits["agency_name"].text() != "", timeout=5000)
    yield window
    window.close()


def test_admin_table_models(qtmodeltester, demo_data):
    with Counter.open(demo_data.data_dir) as c:
        procedures = c.procedures()
        holidays = sorted(c.calendar().public_holidays(2026).items())
    for model, rows in [(ProcedureTableModel(), procedures), (HolidayTableModel(), holidays),
                        (CalendarExceptionTableModel(), [CalendarException(
                            SATURDAY, DayKind.WORKING, "Làm bù", "TB 1/TB-BNV")])]:
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
    assert model.index(0, 0).data() == "21/11/2026 (Thứ Bảy)"
    assert model.index(0, 1).data() == "Làm bù"


def test_only_administrators_see_the_admin_pages(qtbot, window):
    def tabs() -> list[str]:
        return [window.pages.tabText(i) for i in range(window.pages.count())]

    assert window.admin_page is None and "Quản trị" not in tabs()
    window.guard.log_out()
    log_in(qtbot, window, SUPERVISOR)
    assert "Quản trị" not in tabs()
    window.guard.log_out()
    log_in(qtbot, window, ADMIN)
    assert "Quản trị" in [window.pages.tabText(i) for i in range(window.pages.count())]
    assert [window.admin_page.tabText(i) for i in range(3)] == [
        "Hồ sơ đơn vị", "Danh mục thủ tục", "Lịch làm việc"]
    window.guard.log_out()
    log_in(qtbot, window, CLERK)
    assert window.pages.indexOf(window.admin_page) < 0


def test_profile_bad_working_hours_refused_then_saved(qtbot, admin_window, demo_data):
    page = admin_window.admin_page.profile_page
    assert page.edits["agency_code"].isReadOnly()  # dossiers exist
    hours = page.edits["working_hours"]
    hours.clear()
    type_text(hours, "7h-11h30")
    page.save()
    assert "Không đúng dạng" in page.problems["working_hours"].problem()
    hours.setText("07:30-11:30,13:30-17:00")
    name = page.edits["agency_name"].text()
    page.edits["agency_name"].clear()  # refused by Counter.set_profile, in the lane
    page.save()
    qtbot.waitUntil(lambda: page.problems["agency_name"].isVisible(), timeout=5000)
    assert not page.problems["working_hours"].isVisible()
    page.edits["agency_name"].setText(name)
    page.edits["hotline"].setText("0258 3822 222")
    page.label_size.setCurrentText("70x40")
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save()
    assert not page.problems["working_hours"].isVisible()
    with Counter.open(demo_data.data_dir) as c:
        profile = c.profile
    assert (profile.working_hours, profile.hotline, profile.label_size) == (
        "07:30-11:30,13:30-17:00", "0258 3822 222", "70x40")


def test_profile_bad_label_size_refused(admin_window):
    page = admin_window.admin_page.profile_page
    page.label_size.setCurrentText("5 x banana")
    page.save()
    assert "RỘNGxCAO" in page.problems["label_size"].problem()


def test_catalogue_import_and_broken_file(qtbot, admin_window, tmp_path):
    page = admin_window.admin_page.catalogue_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "procedures": [', encoding="utf-8")
    with qtbot.waitSignal(page.import_failed, timeout=5000) as failed:
        page.import_files([SMALL_CATALOGUE, broken])
    assert "chưa có gì được ghi" in failed.args[0] and "JSON" in failed.args[0]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "procedures": [{"code": "x"}]}', encoding="utf-8")
    with qtbot.waitSignal(page.import_failed, timeout=5000) as failed:
        page.import_files([bad])
    assert "procedures[0].code" in failed.args[0]
    picker = admin_window.reception_page.picker
    with qtbot.waitSignal(page.imported, timeout=5000) as imported:
        page.import_files([SMALL_CATALOGUE])
    assert imported.args[0] == 3
    qtbot.waitUntil(lambda: len(picker.procedures()) == 3, timeout=5000)
    page.proxy.set_text("ho kinh doanh")
    assert page.proxy.rowCount() == 1


def test_make_up_saturday_moves_the_live_due_date(qtbot, admin_window):
    reception = admin_window.reception_page
    qtbot.waitUntil(lambda: len(reception.picker.procedures()) == 3, timeout=5000)
    birth = next(p for p in reception.picker.procedures() if p.code == "1.001193")
    with qtbot.waitSignal(reception.due_shown, timeout=5000) as shown:
        reception.picker.choose(birth)
    assert shown.args[0].date() == dt.date(2026, 11, 23)  # Friday + 1 working day: Monday
    calendar = admin_window.admin_page.calendar_page
    calendar.year.setValue(2026)
    with qtbot.waitSignal(calendar.dialog_opened, timeout=2000) as opened:
        calendar.add_button.click()
    dialog = opened.args[0]
    dialog.day.setDate(SATURDAY)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DayKind.WORKING.value))
    type_text(dialog.note, "Làm bù cho ngày nghỉ")
    qtbot.wait(200)  # the scanner filter hands the last character over after a pause
    with qtbot.waitSignal(reception.due_shown, timeout=5000) as shown:
        dialog.accept()
    assert shown.args[0].date() == SATURDAY
    qtbot.waitUntil(lambda: calendar.exceptions.rowCount() == 1, timeout=5000)
    assert calendar.holidays.rowCount() > 5
    calendar.exceptions_view.selectRow(0)
    with qtbot.waitSignal(reception.due_shown, timeout=5000) as shown:
        calendar.remove_button.click()
    assert shown.args[0].date() == dt.date(2026, 11, 23)
