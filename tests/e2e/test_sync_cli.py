"""The `enrol` and `sync` commands against a real portal: quarantine, revocation, a portal
restored from a backup, a second route, bad input."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from counter_app.store import db, events

pytestmark = pytest.mark.parametrize("portal_db_url", ["sqlite"], indirect=True)


def _craft_invalid(ws) -> str:
    with ws.open() as counter, db.transaction(counter.conn):
        return events.append(counter.conn, dossier_id=str(uuid.uuid4()), kind="status_changed",
                             at=counter.clock(), user="clerk1", workstation=1,
                             payload={"to": 4, "colour": "red"})


def test_a_rejected_event_is_quarantined_and_the_rest_arrive(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    ids = set(ws.receive(3))
    bad = _craft_invalid(ws)
    ids |= set(ws.receive(2))
    code, summary, err = ws.sync()
    assert code == 0, err  # nothing pending: the quarantined event waits for a person
    assert (summary["applied"], summary["rejected"], summary["quarantined"]) == (5, 1, 1)
    assert "1 sự kiện bị cổng từ chối" in err
    assert {d["id"] for d in server.dossiers()} == ids
    from counter_app.services import sync as sync_service

    with ws.open() as counter:
        [problem] = sync_service.problems(counter)
        assert problem.event_id == bad and "colour (unknown_field)" in problem.message
        sync_service.resolve(counter, [bad], user="giamsat")
    code, summary, err = ws.sync()
    assert code == 0 and summary["quarantined"] == 0 and "từ chối" not in err


def test_a_revoked_device_stops_and_asks_for_re_enrolment(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    ws.receive(2)
    server.cli("revoke-device", "--agency", "000.00.06.H56", "--workstation", "1")
    code, summary, err = ws.sync("--until-idle", "--max-seconds", "30")
    assert code == 2
    assert summary["needs_enrolment"] and summary["pending"] == 2 and summary["attempts"] == 1
    assert err.strip().splitlines()[-1].startswith("Lỗi: Cổng dịch vụ công không còn chấp nhận")
    assert "đăng ký lại" in err
    ws.enrol(server)  # a new code for the same workstation number
    code, summary, err = ws.sync()
    assert code == 0 and summary["applied"] == 2


def test_a_portal_restored_from_an_older_backup_gets_everything_again(portal_server, station,
                                                                       tmp_path):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    early = set(ws.receive(20))
    assert ws.sync()[0] == 0
    path = server.db.removeprefix("sqlite:///")
    backup = tmp_path / "backup.db"
    with sqlite3.connect(path) as live, sqlite3.connect(backup) as copy:
        live.backup(copy)
    late = set(ws.receive(15))
    assert ws.sync()[0] == 0
    server.stop()
    for suffix in ("-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    shutil.copy(backup, path)
    server.start()
    assert {d["id"] for d in server.dossiers()} == early  # the portal lost 15 dossiers
    code, summary, err = ws.sync("--until-idle", "--max-seconds", "60")
    assert code == 0, err
    assert summary["resent"] == 35 and summary["applied"] == 15 and summary["duplicate"] == 20
    assert {d["id"] for d in server.dossiers()} == early | late


def test_another_route_for_one_run_and_clear_errors(portal_server, station):
    server = portal_server
    ws = station("one")
    ws.init(1)
    code, _, err = ws.sync()
    assert code == 2 and "chưa đăng ký với cổng" in err
    done = ws.cli("enrol", "--portal", "portal.example.vn", "--code", "X")
    assert done.returncode == 2 and "không hợp lệ" in done.stderr
    server.start()
    done = ws.cli("enrol", "--portal", server.url, "--code", "AAAA-BBBB-CCCC-DDDD")
    assert done.returncode == 2
    assert done.stderr.strip() == "Lỗi: Cổng dịch vụ công từ chối yêu cầu (HTTP 403, " \
        "enrolment_code_invalid): Mã đăng ký máy không đúng hoặc đã được dùng."
    ws.enrol(server, url=f"http://localhost:{server.port}")
    ids = set(ws.receive(2))
    code, summary, err = ws.sync("--portal", server.url)  # a second route, this run only
    assert code == 0 and summary["applied"] == 2
    assert {d["id"] for d in server.dossiers()} == ids
    from counter_app.store import sync as sync_store

    with ws.open() as counter:
        assert sync_store.get_enrolment(counter.conn).portal_url.startswith("http://localhost")
    server.stop()
    code, summary, err = ws.sync("--portal", "http://127.0.0.1:9")
    assert code == 1 and "http://127.0.0.1:9" in err
