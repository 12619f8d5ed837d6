"""Schema V3, the outbox query, and the wire format of events and pulled records."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

from counter_app.domain.model import Channel, IdKind, ResultDelivery, Status
from counter_app.services.counter import Counter
from counter_app.store import db, migrations
from counter_app.store import sync as sync_store
from counter_app.sync import wire
from tests.conftest import FIXTURES, birth_draft


def test_an_old_database_gets_the_sync_tables_and_everything_is_pending(tmp_path):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_v1.sqlite3", data_dir / db.DB_FILENAME)
    with Counter.open(data_dir) as counter:
        assert db.schema_version(counter.conn) == migrations.SCHEMA_VERSION
        total = counter.conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0]
        assert counter.pending_count() == total > 0
        assert sync_store.get_state(counter.conn).cursor == ""
        assert sync_store.get_enrolment(counter.conn) is None


def test_the_event_log_stays_append_only_answers_live_beside_it(counter, clock):
    counter.receive(birth_draft())
    [row] = counter.conn.execute("SELECT id FROM dossier_events").fetchall()
    with db.transaction(counter.conn):
        sync_store.record_answers(counter.conn, [sync_store.Answer(row["id"], "applied")],
                                  clock())
    assert counter.pending_count() == 0
    assert counter.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_answers_must_name_an_event(counter, clock):
    import pytest

    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction(counter.conn):
            sync_store.record_answers(counter.conn, [sync_store.Answer("nope", "applied")],
                                      clock())


def test_outbox_rows_are_sent_as_stored(counter):
    counter.receive(birth_draft())
    [row] = sync_store.outbox(counter.conn, 10)
    event = wire.outbox_event(row)
    decoded = json.loads(event.wire)
    assert decoded == {"id": row["id"], "dossier_id": row["dossier_id"], "kind": "received",
                       "at": row["at"], "user": "clerk1", "workstation": 1,
                       "payload": json.loads(row["payload"])}
    assert "Nguyễn Thị Hương".encode() in event.wire  # UTF-8 kept, not \\u escapes
    body = wire.batch_body([event, event])
    assert [e["id"] for e in json.loads(body)["events"]] == [row["id"]] * 2


def test_take_batch_respects_count_and_bytes():
    events = [wire.OutboxEvent(i, str(i), "d", "received", b"x" * 100) for i in range(10)]
    assert len(wire.take_batch(events, 4, 10_000)) == 4
    assert len(wire.take_batch(events, 100, 13 + 3 * 101)) == 3
    assert len(wire.take_batch(events, 100, 50)) == 1  # one oversized event goes alone
    body = wire.batch_body(wire.take_batch(events, 100, 13 + 3 * 101))
    assert len(body) <= 13 + 3 * 101


def test_online_dossier_and_status_records_are_read():
    data = {"id": "0b5d1bde-9a43-4b19-8f0f-8d9a0c1a2b3c", "MaHoSo": "000.00.06.H56-261120-99001",
            "MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh", "ChuHoSo": "Lê Văn Cường",
            "SoGiayToChuHoSo": "079090001234", "SoDienThoai": "0912345678", "Email": "",
            "DiaChiChuHoSo": "Thôn 1", "NgayTiepNhan": "20261120093200", "NgayHenTra": "",
            "TrangThaiHoSo": "1", "HinhThuc": "1", "KenhThucHien": "2", "GhiChu": "",
            "TaiLieuNop": [{"TenTepDinhKem": "Tờ khai", "SoBanChinh": 1}]}
    now = dt.datetime(2026, 11, 20, 10, 0)
    d = wire.online_dossier_of(data, "000.00.06.H56", now)
    assert (d.code, d.status, d.channel, d.delivery) == (
        "000.00.06.H56-261120-99001", Status.REGISTERED, Channel.ONLINE, ResultDelivery.POST)
    assert d.applicant.id_kind == IdKind.CCCD and d.received_at == dt.datetime(2026, 11, 20, 9,
                                                                               32)
    assert d.documents[0].name == "Tờ khai" and d.due_at is None
    u = wire.status_update_of({"dossier_id": d.id, "TrangThai": "4", "NoiDungXuLy": "Xử lý",
                               "NguoiXuLy": "B", "ThoiDiemXuLy": "20261120094000",
                               "NgayKetThucTheoQuyDinh": "20261121093200"})
    assert (u.status, u.at, u.due_at) == (Status.IN_PROGRESS, dt.datetime(2026, 11, 20, 9, 40),
                                          dt.datetime(2026, 11, 21, 9, 32))
    assert u.key == "2026-11-20T09:40:00|4"
