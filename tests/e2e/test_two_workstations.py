"""Two workstations of one agency receive offline, then sync with a real portal process."""

from __future__ import annotations

import json

from counter_app.domain.model import Status
from tests.e2e.conftest import AGENCY


def test_offline_receptions_arrive_once_and_back_office_statuses_come_back(portal_server,
                                                                           station):
    server = portal_server
    one, two = station("one"), station("two")
    one.init(1)
    two.init(2)
    server.start()
    one.enrol(server)
    two.enrol(server)
    server.stop()  # the link is down for the day

    ids_one = set(one.receive(12, status_every=4))
    ids_two = set(two.receive(9))
    code, summary, err = one.sync()
    assert code == 1 and summary["error"] == "sync.offline" and summary["pending"] == 15
    assert "Không kết nối được cổng dịch vụ công" in err and "vẫn được lưu trên máy" in err
    assert "Traceback" not in err

    server.start()  # the link is back
    for ws in (one, two):
        code, summary, err = ws.sync("--until-idle", "--max-seconds", "60")
        assert code == 0, err
        assert summary["pending"] == 0 and summary["rejected"] == 0 and summary["idle"]
    listed = server.dossiers()
    ids = [d["id"] for d in listed]
    assert sorted(ids) == sorted(ids_one | ids_two)  # every dossier exactly once
    codes = [d["MaHoSo"] for d in listed]
    assert len(set(codes)) == len(codes) == 21
    assert {d["TrangThaiHoSo"] for d in listed if d["id"] in ids_one} == {"2", "4"}
    assert all(d["MaHoSo"].split("-")[-1] >= "3001" for d in listed if d["id"] in ids_two)

    # The back office works on one dossier of each workstation.
    with one.open() as c:
        mine = next(d for d in map(c.get_by_id, sorted(ids_one))
                    if d.status == Status.RECEIVED)
    with two.open() as c:
        theirs = c.get_by_id(sorted(ids_two)[0])
    server.cli("set-status", mine.code, "4", "--note", "Chuyển Phòng Tư pháp")
    server.cli("set-status", mine.code, "9", "--note", "Đã xử lý xong")
    server.cli("set-status", theirs.code, "5", "--note", "Cần bổ sung giấy tờ")
    online = json.loads(server.cli("create-online-dossier", "--agency", AGENCY, "--procedure",
                                   "1.001193", "--name", "Lê Văn Cường").stdout)
    for ws in (one, two):
        code, summary, err = ws.sync()
        assert code == 0, err
    with one.open() as c:
        assert c.get_by_id(mine.id).status == Status.RESOLVED
        assert [e.payload["note"] for e in c.events(mine.id) if e.kind == "portal_status"] == [
            "Chuyển Phòng Tư pháp", "Đã xử lý xong"]
        assert theirs.id not in {r[0] for r in c.conn.execute("SELECT id FROM dossiers")}
        assert [d.id for d in c.search("le van cuong")] == [online["id"]]
    with two.open() as c:
        assert c.get_by_id(theirs.id).status == Status.SUPPLEMENT_REQUESTED
        assert c.get(online["MaHoSo"]).status == Status.REGISTERED  # every counter sees it
    for ws in (one, two):
        problems, pending, _ = ws.check()
        assert problems == [] and pending == 0
