"""What waits for the portal (schema SYNC_PENDING): dossiers, manifests and events still to send,
kept by triggers in the transaction of each write, always equal to a count of the event log."""

from __future__ import annotations

import uuid

from counter_app.domain.model import Status
from counter_app.store import db, events, migrations
from counter_app.store import sync as sync_store
from counter_app.store.sync import Answer, Pending
from tests.conftest import birth_draft


def _pending(counter) -> Pending:
    kept = sync_store.pending(counter.conn)
    assert kept == sync_store.recount_pending(counter.conn)
    return kept


def _event_ids(counter, dossier_id: str) -> list[str]:
    return [e.id for e in counter.events(dossier_id)]


def test_the_schema_knows_exactly_the_kinds_that_are_pushed(counter):
    kinds = dict(counter.conn.execute("SELECT kind, subject FROM sync_kinds").fetchall())
    assert kinds == {k: sync_store.subject(k) for k in sync_store.PUSHED_KINDS}, (
        "PUSHED_KINDS changed: append a migration that updates sync_kinds and recounts "
        "sync_pending (see SYNC_PENDING in counter_app/store/migrations.py)")


def test_a_dossier_with_several_changes_counts_once(counter, clock):
    first, second, third = (r.dossier for r in counter.receive_many(
        [birth_draft() for _ in range(3)]))
    counter.change_status(first.id, Status.IN_PROGRESS, note="Chuyển xử lý")
    with db.transaction(counter.conn):  # local only: never pushed, never counted
        events.append(counter.conn, dossier_id=second.id, kind="printed", at=clock(),
                      user="", workstation=1, payload={"form": "receipt", "reprint": 1})
    assert _pending(counter) == Pending(events=4, dossiers=3, manifests=0)
    assert counter.pending_count() == 4


def test_postal_manifests_and_agency_forms_are_counted_apart_from_dossiers(counter, clock):
    counter.receive(birth_draft())
    with db.transaction(counter.conn):
        for kind in sync_store.MANIFEST_KINDS:
            events.append(counter.conn, dossier_id=str(uuid.uuid4()), kind=kind, at=clock(),
                          user="", workstation=1, payload={})
        for kind in sync_store.FORM_KINDS:  # attached, then detached: one form
            events.append(counter.conn, dossier_id="slot-1", kind=kind, at=clock(),
                          user="", workstation=1, payload={})
    assert _pending(counter) == Pending(events=5, dossiers=1, manifests=2, forms=1)


def test_answers_retries_dismissals_and_a_restored_portal_move_the_numbers(counter, clock):
    a, b = (r.dossier for r in counter.receive_many([birth_draft(), birth_draft()]))
    counter.change_status(a.id, Status.IN_PROGRESS, note="Chuyển xử lý")
    a_received, a_moved = _event_ids(counter, a.id)
    [b_received] = _event_ids(counter, b.id)
    assert _pending(counter) == Pending(3, 2, 0)

    def answer(*answers: Answer) -> None:
        with db.transaction(counter.conn):
            sync_store.record_answers(counter.conn, answers, clock())

    answer(Answer(a_received, "applied"))
    assert _pending(counter) == Pending(2, 2, 0)  # A still has its status change to send
    answer(Answer(a_moved, "rejected", "invalid_transition"))
    assert _pending(counter) == Pending(1, 1, 0)  # quarantined: only a person moves it
    with db.transaction(counter.conn):
        assert sync_store.retry(counter.conn, [a_moved], clock()) == [a_moved]
    assert _pending(counter) == Pending(2, 2, 0)
    answer(Answer(a_moved, "applied"))  # the retried event, answered again
    assert _pending(counter) == Pending(1, 1, 0)
    answer(Answer(b_received, "conflict", "dossier_exists"))
    assert _pending(counter) == Pending(0, 0, 0)
    with db.transaction(counter.conn):
        sync_store.resolve(counter.conn, [b_received], clock())
    assert _pending(counter) == Pending(0, 0, 0)
    # The portal lost what it had applied: A's two events go again, B's dismissed one does not.
    with db.transaction(counter.conn):
        assert sync_store.forget_acknowledgements(counter.conn) == 2
    assert _pending(counter) == Pending(2, 1, 0)
    answer(Answer(a_received, "duplicate"), Answer(a_moved, "duplicate"))
    assert _pending(counter) == Pending(0, 0, 0)


def test_the_migration_counts_what_an_older_version_left_unsent(tmp_path):
    """A database of the version before SYNC_PENDING: its events, some answered, one
    quarantined and sent back, are counted once by the migration."""
    path = tmp_path / "c.sqlite3"
    conn = db.connect(path, target=migrations.MIGRATIONS.index(migrations.SYNC_PENDING))

    def event(event_id: str, dossier_id: str, kind: str) -> None:
        conn.execute("INSERT INTO dossier_events (id, dossier_id, kind, at, workstation,"
                     " payload) VALUES (?, ?, ?, '2026-11-20T10:00:00', 1, '{}')",
                     (event_id, dossier_id, kind))

    for n in range(4):
        event(f"r{n}", f"d{n}", "received")
    event("s0", "d0", "status_changed")
    event("p1", "d1", "printed")
    event("m0", "manifest-1", "manifest_created")
    event("f0", "slot-1", "form_attached")
    conn.executemany("INSERT INTO sync_answers (event_id, result, answered_at, resolution)"
                     " VALUES (?, ?, '2026-11-20T10:05:00', ?)",
                     [("r0", "applied", None), ("r1", "applied", None),
                      ("r2", "rejected", "retry"), ("r3", "conflict", None)])
    db.migrate(conn, None)
    assert sync_store.pending(conn) == sync_store.recount_pending(conn) == Pending(4, 2, 1, 1)
    conn.close()
