"""Dossier rows: insert, look up by code or UUID, accent-insensitive search newest first."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

from ..domain import codes
from ..domain.model import (
    Dossier,
    DossierCode,
    DossierId,
    DossierSummary,
    Outcome,
    ProcedureCode,
    Status,
)
from ..domain.records import dossier_from_dict, dossier_to_dict, iso
from ..domain.text import digits_only, fold

_TOKEN = re.compile(r"[0-9a-z]+")
_NUMBERISH = re.compile(r"^[\d\s.+()-]+$")


def search_text(d: Dossier) -> str:
    """The folded text the search index holds for a dossier.

    Only what tells dossiers apart: the date and number of the code (the agency part is the
    same for all), names, ID numbers, phones and the postal item number.
    """
    code_tail = d.code.split("-", 1)[1] if d.code and "-" in d.code else (d.code or "")
    parts: list[str] = [code_tail, d.applicant.full_name, d.applicant.id_number,
                        d.applicant.phone, d.postal_item]
    if d.submitter:
        parts += [d.submitter.full_name, d.submitter.id_number, d.submitter.phone]
    return fold(" ".join(p for p in parts if p))


def insert(conn: sqlite3.Connection, d: Dossier) -> int:
    """Insert a dossier and its checklist rows; returns its rowid. Call inside a transaction."""
    cur = conn.execute(
        "INSERT INTO dossiers (id, code, outcome, status, procedure_code, procedure_name,"
        " agency_code, applicant_name, received_at, due_at, search_text, data, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            d.id,
            d.code,
            d.outcome.value,
            int(d.status) if d.status is not None else None,
            d.procedure_code,
            d.procedure_name,
            d.agency_code,
            d.applicant.full_name,
            iso(d.received_at),
            iso(d.due_at),
            search_text(d),
            json.dumps(dossier_to_dict(d), ensure_ascii=False),
            iso(d.updated_at or d.received_at),
        ),
    )
    rowid = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO dossier_documents (dossier_rowid, position, name, original,"
        " certified_copy, photocopy, mandatory) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (rowid, i, doc.name, doc.original, doc.certified_copy, doc.photocopy,
             int(doc.mandatory))
            for i, doc in enumerate(d.documents, start=1)
        ],
    )
    return rowid


def update_state(conn: sqlite3.Connection, d: Dossier) -> None:
    """Rewrite the mutable state of a stored dossier (status, dates, notes)."""
    conn.execute(
        "UPDATE dossiers SET status = ?, due_at = ?, data = ?, updated_at = ? WHERE id = ?",
        (
            int(d.status) if d.status is not None else None,
            iso(d.due_at),
            json.dumps(dossier_to_dict(d), ensure_ascii=False),
            iso(d.updated_at),
            d.id,
        ),
    )


def _load(row: sqlite3.Row | None) -> Dossier | None:
    return dossier_from_dict(json.loads(row["data"])) if row is not None else None


def get_by_code(conn: sqlite3.Connection, code: str) -> Dossier | None:
    parsed = codes.parse_code(code)
    if parsed is None:
        return None
    row = conn.execute("SELECT data FROM dossiers WHERE code = ?", (parsed.text,)).fetchone()
    return _load(row)


def get_by_id(conn: sqlite3.Connection, dossier_id: str) -> Dossier | None:
    return _load(conn.execute("SELECT data FROM dossiers WHERE id = ?", (dossier_id,)).fetchone())


def fts_query(text: str) -> str:
    """Turn what the clerk typed into an FTS5 query: every folded token as a prefix, ANDed.

    A number typed with blanks or dots ("0912 345 678") is one token; a phone written with
    the country code (+84…) matches the 0… form we store.
    """
    if _NUMBERISH.match(text) and len(digits_only(text)) >= 6:
        number = digits_only(text)
        if number.startswith("84") and len(number) in (11, 12):
            number = "0" + number[2:]
        return f'"{number}"*'
    return " ".join(f'"{t}"*' for t in _TOKEN.findall(fold(text)))


SUMMARY_COLUMNS = ("id, code, outcome, status, procedure_code, procedure_name, applicant_name,"
                   " received_at, due_at")


def _matching(
    conn: sqlite3.Connection, columns: str, text: str, limit: int, offset: int
) -> list[sqlite3.Row]:
    """Rows matching `text` (code, name without accents, ID number, phone), newest first.

    "Newest" is entry order (rowid), which the index can walk backwards without sorting.
    An empty `text` lists the newest rows; a full dossier code is an index look-up.
    """
    text = text.strip()
    if not text:
        return conn.execute(
            f"SELECT {columns} FROM dossiers ORDER BY rowid DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
    parsed = codes.parse_code(text)
    if parsed is not None:
        rows = conn.execute(
            f"SELECT {columns} FROM dossiers WHERE code = ?", (parsed.text,)).fetchall()
        if rows:
            return rows if offset == 0 else []
    query = fts_query(text)
    if not query:
        return []
    return conn.execute(
        f"SELECT {columns} FROM dossiers WHERE rowid IN ("
        " SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?"
        " ORDER BY rowid DESC LIMIT ? OFFSET ?) ORDER BY rowid DESC",
        (query, limit, offset),
    ).fetchall()


def search(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0) -> list[Dossier]:
    """Whole dossiers matching `text`, newest first (see `_matching`)."""
    return [dossier_from_dict(json.loads(r["data"]))
            for r in _matching(conn, "data", text, limit, offset)]


def search_summaries(
    conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0
) -> list[DossierSummary]:
    """Result-list lines matching `text`, newest first, read from columns only (fast)."""
    return [
        DossierSummary(
            id=DossierId(r["id"]),
            code=DossierCode(r["code"]) if r["code"] else None,
            outcome=Outcome(r["outcome"]),
            status=Status(r["status"]) if r["status"] is not None else None,
            procedure_code=ProcedureCode(r["procedure_code"]),
            procedure_name=r["procedure_name"],
            applicant_name=r["applicant_name"],
            received_at=dt.datetime.fromisoformat(r["received_at"]),
            due_at=dt.datetime.fromisoformat(r["due_at"]) if r["due_at"] else None,
        )
        for r in _matching(conn, SUMMARY_COLUMNS, text, limit, offset)
    ]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])


def received_between(
    conn: sqlite3.Connection, start: dt.datetime, end: dt.datetime
) -> list[Dossier]:
    rows = conn.execute(
        "SELECT data FROM dossiers WHERE received_at >= ? AND received_at < ?"
        " ORDER BY received_at",
        (iso(start), iso(end)),
    )
    return [dossier_from_dict(json.loads(r["data"])) for r in rows]
