"""The dossier view shows the messages sent to the citizen and what the portal said of them."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.notices import EVENT_KIND, NoticeKind
from counter_app.services.counter import Counter
from counter_app.store import db
from counter_app.store import notices as notice_store
from counter_app.ui.notice_table_model import Column, NoticeTableModel

from .conftest import DemoData
from .helpers import QT_STRICT

pytestmark = QT_STRICT


@pytest.fixture
def with_message(demo_data: DemoData) -> tuple[DemoData, str, str]:
    """Messages turned on, an SMS queued for Hương's dossier, its sending pulled back."""
    with Counter.open(demo_data.data_dir) as c:
        c.set_profile(dataclasses.replace(c.profile, notice_channels="sms"))
        d = c.get_by_id(demo_data.huong.id)
        with db.transaction(c.conn):
            notice_store.queue(c.conn, d, NoticeKind.RECEIVED, at=c.clock(), user="clerk1",
                               workstation=1)
        [e] = [e for e in c.events(d.id) if e.kind == EVENT_KIND]
        with db.transaction(c.conn):
            notice_store.apply_status(c.conn, {"notice_id": e.payload["notice_id"],
                                               "state": "sent", "attempts": 1,
                                               "sent_at": "2026-11-20T13:05:00"},
                                      at=c.clock(), workstation=1)
    assert d.code is not None
    return demo_data, d.id, d.code


def _cells(model: NoticeTableModel, row: int) -> dict[Column, str]:
    return {c: model.data(model.index(row, c), Qt.ItemDataRole.DisplayRole) for c in Column}


def test_the_messages_tab_lists_what_was_sent_and_when(qtbot, qtmodeltester, with_message,
                                                       window):
    _, dossier_id, code = with_message
    page = window.lookup_page
    with qtbot.waitSignal(page.dossier_opened, timeout=5000) as opened:
        page.open_id(dossier_id)
    view = opened.args[0]
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Tin nhắn (1)" in titles
    qtmodeltester.check(view.notices)
    cells = _cells(view.notices, 0)
    assert cells[Column.KIND] == "Đã tiếp nhận" and cells[Column.CHANNEL] == "SMS"
    assert cells[Column.TO] == "0912345678"
    assert cells[Column.STATE] == "Đã gửi" and cells[Column.SENT] == "20/11/2026 13:05"
    assert code in cells[Column.TEXT]
    view.close()


def test_no_messages_no_tab(qtbot, window, demo_data):
    page = window.lookup_page
    with qtbot.waitSignal(page.dossier_opened, timeout=5000) as opened:
        page.open_id(demo_data.duc.id)
    view = opened.args[0]
    assert not any(view.tabs.tabText(i).startswith("Tin nhắn") for i in range(view.tabs.count()))
    view.close()
