"""Change-feed compaction: a procedure's (or a calendar date's) newest change replaces the
older ones, so a new device pulls the latest version once; devices part-way keep working."""

from __future__ import annotations

import dataclasses

from sqlalchemy import text

from portal import catalogue, changes
from portal.migrations import V2_COMPACT_CHANGES, _statements
from tests.portal.conftest import SMALL_CATALOGUE, Harness


def _procedure_changes(items: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in items:
        if i["kind"] == "procedure":
            out.setdefault(i["key"], []).append(i["data"]["name"])
    return out


def test_a_new_device_pulls_only_the_latest_version_of_each_procedure(
        harness: Harness) -> None:
    procedures = catalogue.read_catalogue_files([SMALL_CATALOGUE])
    early = harness.device(workstation=1)
    _, cursor = early.pull_all(limit=100)  # has version 1 of everything
    first = procedures[0]
    for version in (2, 3):
        renamed = dataclasses.replace(first, name=f"{first.name} (bản {version})")
        assert catalogue.import_procedures(harness.db, [renamed], harness.clock()) == 1
        if version == 2:
            mid = harness.device(workstation=2)
            _, mid_cursor = mid.pull_all(limit=100)  # has version 2

    newcomer = harness.device(workstation=3)
    items, _ = newcomer.pull_all(limit=2)
    seen = _procedure_changes(items)
    assert sorted(seen) == sorted(p.code for p in procedures)  # every procedure, once each
    assert all(len(names) == 1 for names in seen.values())
    assert seen[first.code] == [f"{first.name} (bản 3)"]
    # Devices that pulled older versions get the newest one, nothing else.
    assert _procedure_changes(early.pull_all(cursor, limit=100)[0]) == {
        first.code: [f"{first.name} (bản 3)"]}
    assert _procedure_changes(mid.pull_all(mid_cursor, limit=100)[0]) == {
        first.code: [f"{first.name} (bản 3)"]}


def test_the_migration_compacts_the_history_already_recorded(harness: Harness) -> None:
    with harness.db.write() as conn:
        conn.execute(text("DELETE FROM changes"))
        rows = [(1, "procedure", "1.000001"), (2, "procedure", "1.000001"),
                (3, "status", "d-1"), (4, "status", "d-1"), (5, "procedure", "1.000002"),
                (6, "calendar_exception", "2026-12-31"),
                (7, "calendar_exception_removed", "2026-12-31"), (8, "procedure", "1.000001")]
        for seq, kind, key in rows:
            conn.execute(text("INSERT INTO changes (seq, kind, item_key, data, at) VALUES "
                              "(:s, :k, :i, '{}', 'x')"), {"s": seq, "k": kind, "i": key})
        for statement in _statements(V2_COMPACT_CHANGES)[1:]:  # the index exists already
            conn.execute(text(statement))
        kept = conn.execute(text("SELECT seq FROM changes ORDER BY seq")).scalars().all()
    assert kept == [3, 4, 5, 7, 8]  # status changes are a dossier's steps: all kept
    assert changes.PROCEDURE == "procedure"
