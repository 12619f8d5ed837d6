"""The table models of the UI pass Qt's model tester and show Vietnamese text and dates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.services.counter import Counter
from counter_app.ui.document_table_model import DocumentTableModel
from counter_app.ui.dossier_table_model import DOSSIER_ROLE, SORT_ROLE, Column, DossierTableModel
from counter_app.ui.event_table_model import EventTableModel

from .helpers import QT_STRICT

pytestmark = QT_STRICT


@pytest.fixture
def opened(demo_data):
    with Counter.open(demo_data.data_dir) as counter:
        yield counter


def test_dossier_table_model(qtmodeltester, opened, demo_data):
    model = DossierTableModel()
    qtmodeltester.check(model)  # empty
    model.set_dossiers(opened.search_summaries(""))
    qtmodeltester.check(model)
    assert model.columnCount() == len(Column) == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Mã hồ sơ", "Chủ hồ sơ", "Thủ tục", "Ngày nhận", "Hẹn trả", "Trạng thái"]
    assert model.index(2, Column.APPLICANT).data() == "Nguyễn Thị Hương"
    assert model.index(2, Column.STATUS).data() == "Được tiếp nhận"
    assert model.index(2, Column.RECEIVED_AT).data() == "20/11/2026 09:32"
    assert model.index(2, Column.RECEIVED_AT).data(SORT_ROLE) == "2026-11-20T09:32:00"
    assert model.index(1, 0).data(DOSSIER_ROLE).id == demo_data.duc.id


def test_document_and_event_table_models(qtmodeltester, opened, demo_data):
    documents = DocumentTableModel(demo_data.duc.documents)
    qtmodeltester.check(documents)
    assert documents.index(0, 0).data() == "Tờ khai đăng ký khai sinh theo mẫu"
    assert documents.index(0, 1).data() == "1"
    events = EventTableModel(opened.events(demo_data.duc.id))
    qtmodeltester.check(events)
    assert events.rowCount() == 2
    assert events.index(1, 0).data() == "20/11/2026 11:48"
    assert events.index(1, 2).data() == "Được tiếp nhận → Đang xử lý (chuyển phòng Tư pháp)"
    assert events.index(1, 3).data() == "clerk1"
    qtmodeltester.check(EventTableModel([]))
