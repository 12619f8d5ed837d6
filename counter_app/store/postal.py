"""Rows of the post-office desk: postal receptions, manifests, intakes, results by post."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from ..domain.postal import Decision, Discrepancy, IntakeLine
from ..domain.records import iso


@dataclass(frozen=True)
class ManifestRow:
    id: str
    code: str
    agency_code: str
    created_at: dt.datetime
    created_by: str
    count: int


@dataclass(frozen=True)
class IntakeRow:
    id: str
    manifest_code: str
    agency_code: str
    taken_in_at: dt.datetime
    taken_in_by: str
    listed: bool
    lines: tuple[IntakeLine, ...]


@dataclass(frozen=True)
class ResultPost:
    dossier_id: str
    item: str
    address: str
    dispatched_at: dt.datetime
    dispatched_by: str
    delivered_at: dt.datetime | None
    delivered_by: str | None


def _dt(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


# ----- postal receptions -------------------------------------------------------------------


def item_owner(conn: sqlite3.Connection, item: str) -> str | None:
    """The code of the dossier that already carries S10 `item` (incoming or result), if any."""
    row = conn.execute(
        "SELECT d.code FROM postal_receptions p JOIN dossiers d ON d.id = p.dossier_id"
        " WHERE p.item = ? UNION ALL SELECT d.code FROM result_posts r"
        " JOIN dossiers d ON d.id = r.dossier_id WHERE r.item = ? LIMIT 1", (item, item)
    ).fetchone()
    return str(row[0]) if row else None


def add_reception(conn: sqlite3.Connection, *, dossier_id: str, item: str, agency_code: str,
                  return_address: str, at: dt.datetime) -> None:
    conn.execute(
        "INSERT INTO postal_receptions (dossier_id, item, agency_code, return_address,"
        " accepted_at) VALUES (?, ?, ?, ?, ?)",
        (dossier_id, item, agency_code, return_address, iso(at)))


def waiting(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Accepted dossiers not yet on a manifest: dossier id, code, item, agency, in order."""
    return conn.execute(
        "SELECT p.dossier_id, d.code, p.item, p.agency_code, p.accepted_at"
        " FROM postal_receptions p JOIN dossiers d ON d.id = p.dossier_id"
        " WHERE p.manifest_id IS NULL ORDER BY p.agency_code, p.accepted_at, d.code").fetchall()


def return_address(conn: sqlite3.Connection, dossier_id: str) -> str | None:
    row = conn.execute("SELECT return_address FROM postal_receptions WHERE dossier_id = ?",
                       (dossier_id,)).fetchone()
    return str(row[0]) if row else None


# ----- manifests ---------------------------------------------------------------------------


def add_manifest(conn: sqlite3.Connection, *, manifest_id: str, code: str, agency_code: str,
                 at: dt.datetime, user: str, dossier_ids: list[str]) -> None:
    conn.execute(
        "INSERT INTO manifests (id, code, agency_code, created_at, created_by)"
        " VALUES (?, ?, ?, ?, ?)", (manifest_id, code, agency_code, iso(at), user))
    conn.executemany(
        "UPDATE postal_receptions SET manifest_id = ?, position = ? WHERE dossier_id = ?",
        [(manifest_id, i, d) for i, d in enumerate(dossier_ids, start=1)])


def _manifest(r: sqlite3.Row) -> ManifestRow:
    created = _dt(r["created_at"])
    assert created is not None
    return ManifestRow(r["id"], r["code"], r["agency_code"], created, r["created_by"],
                       int(r["count"]))


_MANIFEST_SELECT = (
    "SELECT m.*, (SELECT count(*) FROM postal_receptions p WHERE p.manifest_id = m.id)"
    " AS count FROM manifests m")


def manifest_by_code(conn: sqlite3.Connection, code: str) -> ManifestRow | None:
    row = conn.execute(f"{_MANIFEST_SELECT} WHERE m.code = ?", (code,)).fetchone()
    return _manifest(row) if row else None


def manifests(conn: sqlite3.Connection, limit: int = 50) -> list[ManifestRow]:
    rows = conn.execute(f"{_MANIFEST_SELECT} ORDER BY m.created_at DESC, m.code DESC LIMIT ?",
                        (limit,))
    return [_manifest(r) for r in rows]


def manifest_dossier_ids(conn: sqlite3.Connection, manifest_id: str) -> list[str]:
    rows = conn.execute("SELECT dossier_id FROM postal_receptions WHERE manifest_id = ?"
                        " ORDER BY position", (manifest_id,))
    return [str(r[0]) for r in rows]


def manifest_items(conn: sqlite3.Connection, manifest_id: str) -> dict[str, str]:
    """Dossier id → S10 item of the manifest's dossiers."""
    rows = conn.execute("SELECT dossier_id, item FROM postal_receptions WHERE manifest_id = ?",
                        (manifest_id,))
    return {str(r[0]): str(r[1]) for r in rows}


# ----- intakes -----------------------------------------------------------------------------


def lines_to_json(lines: list[IntakeLine]) -> list[dict[str, str]]:
    return [{"code": x.code, "decision": x.decision.value, "discrepancy": x.discrepancy.value,
             "note": x.note} for x in lines]


def add_intake(conn: sqlite3.Connection, *, intake_id: str, manifest_code: str,
               agency_code: str, at: dt.datetime, user: str, listed: bool,
               lines: list[IntakeLine]) -> None:
    conn.execute(
        "INSERT INTO manifest_intakes (manifest_code, id, agency_code, taken_in_at,"
        " taken_in_by, listed, lines) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (manifest_code, intake_id, agency_code, iso(at), user, int(listed),
         json.dumps(lines_to_json(lines), ensure_ascii=False)))


def intake(conn: sqlite3.Connection, manifest_code: str) -> IntakeRow | None:
    r = conn.execute("SELECT * FROM manifest_intakes WHERE manifest_code = ?",
                     (manifest_code,)).fetchone()
    if r is None:
        return None
    at = _dt(r["taken_in_at"])
    assert at is not None
    lines = tuple(IntakeLine(x["code"], Decision(x["decision"]), Discrepancy(x["discrepancy"]),
                             x.get("note", "")) for x in json.loads(r["lines"]))
    return IntakeRow(r["id"], r["manifest_code"], r["agency_code"], at, r["taken_in_by"],
                     bool(r["listed"]), lines)


# ----- results by post ---------------------------------------------------------------------


def add_result_post(conn: sqlite3.Connection, *, dossier_id: str, item: str, address: str,
                    at: dt.datetime, user: str) -> None:
    conn.execute(
        "INSERT INTO result_posts (dossier_id, item, address, dispatched_at, dispatched_by)"
        " VALUES (?, ?, ?, ?, ?)", (dossier_id, item, address, iso(at), user))


def result_post(conn: sqlite3.Connection, dossier_id: str) -> ResultPost | None:
    r = conn.execute("SELECT * FROM result_posts WHERE dossier_id = ?", (dossier_id,)).fetchone()
    if r is None:
        return None
    at = _dt(r["dispatched_at"])
    assert at is not None
    return ResultPost(r["dossier_id"], r["item"], r["address"], at, r["dispatched_by"],
                      _dt(r["delivered_at"]), r["delivered_by"])


def mark_delivered(conn: sqlite3.Connection, dossier_id: str, at: dt.datetime,
                   user: str) -> None:
    conn.execute("UPDATE result_posts SET delivered_at = ?, delivered_by = ? WHERE dossier_id = ?",
                 (iso(at), user, dossier_id))
