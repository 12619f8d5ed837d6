"""Daily close: per clerk counts and fees by method from the day's events, unsynced work
refused unless confirmed, the close recorded (append-only) and printable."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3

import pypdf
import pytest

from counter_app import messages
from counter_app.domain.model import FeeLine, Status
from counter_app.services import daily_close
from counter_app.store import events
from tests.conftest import birth_draft


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def day_of_work(counter, clock):
    """Friday 20/11/2026 at workstation 1: lan receives two (one with a paid fee), refuses one
    and guides one; huong receives one and returns two results, one with a cash fee through
    the return of results; an older dossier returned by a plain status change."""
    clock.now = dt.datetime(2026, 11, 19, 9, 0)
    old = counter.receive(birth_draft(user="lan")).dossier
    counter.change_status(old.id, Status.IN_PROGRESS, user="lan")
    counter.change_status(old.id, Status.RESOLVED, user="lan")
    clock.now = dt.datetime(2026, 11, 20, 8, 0)
    counter.receive(birth_draft(user="lan", fees=(FeeLine("Lệ phí", 8000, paid=True),
                                                  FeeLine("Phí bản sao", 3000, paid=False))))
    counter.receive(birth_draft(user="lan"))
    counter.refuse(birth_draft(user="lan", reason="Không thuộc thẩm quyền"))
    counter.record_guidance(birth_draft(user="lan", documents=()))
    counter.receive(birth_draft(user="huong"))
    clock.advance(hours=2)
    counter.change_status(old.id, Status.RETURNED, user="huong")
    # A return of results as the return helper records it (its own event kind, fee and method).
    other = counter.receive(birth_draft(user="huong")).dossier
    events.append(counter.conn, dossier_id=other.id, kind="result_returned", at=clock(),
                  user="huong", workstation=1,
                  payload={"fee": {"amount": 50000, "method": "cash"}, "returned_at": "x"})
    clock.advance(hours=6)
    return counter


def test_the_days_figures_per_clerk_and_fees_by_method(day_of_work):
    close = daily_close.summary(day_of_work)
    assert close.day == dt.date(2026, 11, 20) and close.workstation == 1
    rows = {c.user: c.as_dict() for c in close.clerks}
    assert rows["lan"] == {"user": "lan", "received": 2, "returned": 0, "refused": 1,
                           "guidance": 1, "fees": {"unspecified": 8000}, "fees_total": 8000}
    assert rows["huong"] == {"user": "huong", "received": 2, "returned": 2, "refused": 0,
                             "guidance": 0, "fees": {"cash": 50000}, "fees_total": 50000}
    assert close.totals.received == 4 and close.totals.fees_total == 58000
    assert close.unsynced == day_of_work.pending_count() > 0
    # Yesterday only had lan's reception.
    yesterday = daily_close.summary(day_of_work, dt.date(2026, 11, 19))
    assert [(c.user, c.received) for c in yesterday.clerks] == [("lan", 1)]


def test_closing_with_unsynced_work_is_refused_unless_confirmed(day_of_work):
    with pytest.raises(daily_close.UnsyncedWork) as refused:
        daily_close.close_day(day_of_work, user="lan")
    assert refused.value.params["count"] == day_of_work.pending_count()
    assert "chưa gửi lên cổng" in messages.describe(refused.value)
    assert daily_close.last_close(day_of_work, dt.date(2026, 11, 20)) is None

    closed = daily_close.close_day(day_of_work, user="lan", allow_unsynced=True)
    assert closed.forced and closed.closed_by == "lan"
    assert closed.closed_at == dt.datetime(2026, 11, 20, 16, 0)
    again = daily_close.last_close(day_of_work, dt.date(2026, 11, 20))
    assert again == closed
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        day_of_work.conn.execute("DELETE FROM daily_closes")


def test_closing_when_everything_is_synced_needs_no_confirmation(day_of_work, monkeypatch):
    monkeypatch.setattr(daily_close.sync_store, "pending_count", lambda conn: 0)
    closed = daily_close.close_day(day_of_work, user="huong")
    assert not closed.forced and closed.unsynced == 0


def test_a_day_not_yet_come_cannot_be_closed(day_of_work):
    with pytest.raises(daily_close.FutureDay):
        daily_close.close_day(day_of_work, dt.date(2026, 11, 21), allow_unsynced=True)


def test_the_close_sheet_prints_the_figures_and_the_warning(day_of_work):
    closed = daily_close.close_day(day_of_work, user="lan", allow_unsynced=True)
    text = _pdf_text(daily_close.close_pdf(day_of_work, closed))
    assert "BIÊN BẢN CHỐT SỔ CUỐI NGÀY" in text
    assert "Máy trạm 01 — ngày 20 tháng 11 năm 2026" in text
    assert "huong 2 2 0 0 50.000 đ 0 đ 50.000 đ" in text
    assert "lan 2 0 1 1 0 đ 8.000 đ 8.000 đ" in text
    assert "Tổng cộng 4 2 1 1 50.000 đ 8.000 đ 58.000 đ" in text
    assert f"Còn {closed.unsynced} thay đổi chưa gửi lên cổng dịch vụ công" in text
    assert "người chốt: lan" in text
    assert "BỘ PHẬN MỘT CỬA XÃ TÂN PHÚ" in text  # the letterhead
    assert "001185012345" not in text  # no personal data on the sheet
