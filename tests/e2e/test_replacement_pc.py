"""A workstation's PC is replaced on the same day under the same number: the new PC's codes
continue above the old PC's codes at the portal, so nothing collides."""

from __future__ import annotations


def test_a_replacement_pc_continues_the_days_numbering(portal_server, station):
    server = portal_server
    server.start()
    old, new = station("old"), station("new")
    old.init(1)
    old.enrol(server)
    old_ids = set(old.receive(5))
    code, summary, err = old.sync("--until-idle")
    assert code == 0 and summary["applied"] == 5, err

    # The old PC breaks; the administrator revokes it and sets up a new one as counter 1.
    server.cli("revoke-device", "--agency", "000.00.06.H56", "--workstation", "1")
    new.init(1)
    new.enrol(server)
    new_ids = set(new.receive(3))
    with new.open() as counter:
        codes = sorted(counter.get_by_id(i).code for i in new_ids)
    assert [c[-4:] for c in codes] == ["0006", "0007", "0008"]

    code, summary, err = new.sync("--until-idle")
    assert code == 0, err
    assert summary["applied"] == 3 and summary["conflicts"] == 0
    assert summary["open_conflicts"] == 0
    listed = server.dossiers()
    assert {d["id"] for d in listed} == old_ids | new_ids
    assert len({d["MaHoSo"] for d in listed}) == 8
