"""Per-day dossier number counters and tracking-book counters (call inside a transaction)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..domain import codes


def allocate_code(
    conn: sqlite3.Connection,
    agency_code: str,
    day: dt.date,
    workstation: int,
    range_size: int = codes.DEFAULT_RANGE_SIZE,
) -> str:
    """Take the next dossier code of `workstation` for `day` and record that it is used."""
    row = conn.execute(
        "SELECT used FROM code_counters WHERE agency_code = ? AND day = ? AND workstation = ?",
        (agency_code, day.isoformat(), workstation),
    ).fetchone()
    used, sequence = codes.next_sequence(row["used"] if row else 0, workstation, range_size)
    conn.execute(
        "INSERT INTO code_counters (agency_code, day, workstation, used) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (agency_code, day, workstation) DO UPDATE SET used = excluded.used",
        (agency_code, day.isoformat(), workstation, used),
    )
    return codes.format_code(agency_code, day, sequence)


def move_past(
    conn: sqlite3.Connection,
    agency_code: str,
    day: dt.date,
    workstation: int,
    sequence: int,
    range_size: int = codes.DEFAULT_RANGE_SIZE,
) -> bool:
    """Make the workstation's next code of `day` number above `sequence` (a code the portal
    already holds, e.g. from the PC this one replaced). Never moves the counter back; a
    sequence outside the workstation's range changes nothing. True when it moved."""
    first, last = codes.workstation_range(workstation, range_size)
    if not first <= sequence <= last:
        return False
    used = sequence - first + 1
    moved = conn.execute(
        "INSERT INTO code_counters (agency_code, day, workstation, used) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (agency_code, day, workstation) DO UPDATE SET used = excluded.used"
        " WHERE code_counters.used < excluded.used",
        (agency_code, day.isoformat(), workstation, used),
    ).rowcount
    return bool(moved)


def next_book_sequence(conn: sqlite3.Connection, book: str) -> int:
    """Số thứ tự: the next line of the tracking book `book` (Quyển số)."""
    row = conn.execute(
        "INSERT INTO book_counters (book, used) VALUES (?, 1)"
        " ON CONFLICT (book) DO UPDATE SET used = used + 1 RETURNING used",
        (book,),
    ).fetchone()
    return int(row["used"])
