"""Rows of `users` and the append-only `account_events` audit trail."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ..domain.accounts import AccountEvent, Role, User, UserId
from ..domain.records import iso


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _user(r: sqlite3.Row) -> User:
    return User(
        id=UserId(r["id"]),
        username=r["username"],
        full_name=r["full_name"],
        role=Role(r["role"]),
        active=bool(r["active"]),
        created_at=dt.datetime.fromisoformat(r["created_at"]),
        updated_at=dt.datetime.fromisoformat(r["updated_at"]),
        last_login_at=_time(r["last_login_at"]),
        failed_attempts=int(r["failed_attempts"]),
        locked_until=_time(r["locked_until"]),
    )


def insert(
    conn: sqlite3.Connection, *, username: str, key: str, full_name: str, role: Role,
    password_hash: str, now: dt.datetime,
) -> User:
    """A new active user; sqlite3.IntegrityError when `key` is taken."""
    cur = conn.execute(
        "INSERT INTO users (username, username_key, full_name, role, password_hash, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (username, key, full_name, role.value, password_hash, iso(now), iso(now)),
    )
    found = by_id(conn, UserId(int(cur.lastrowid or 0)))
    assert found is not None
    return found


def by_id(conn: sqlite3.Connection, user_id: UserId) -> User | None:
    r = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return _user(r) if r else None


def by_key(conn: sqlite3.Connection, key: str) -> tuple[User, str] | None:
    """The user whose folded name is `key`, with the password hash (for checking only)."""
    r = conn.execute("SELECT * FROM users WHERE username_key = ?", (key,)).fetchone()
    return (_user(r), str(r["password_hash"])) if r else None


def key_taken(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM users WHERE username_key = ?", (key,)).fetchone() is not None


def all_users(conn: sqlite3.Connection) -> list[User]:
    return [_user(r) for r in conn.execute("SELECT * FROM users ORDER BY username_key")]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM users").fetchone()[0])


def active_administrators(conn: sqlite3.Connection) -> int:
    return int(conn.execute(
        "SELECT count(*) FROM users WHERE role = ? AND active = 1",
        (Role.ADMINISTRATOR.value,)).fetchone()[0])


def update(conn: sqlite3.Connection, user_id: UserId, now: dt.datetime, **values: Any) -> None:
    """Set the named columns (role, active, password_hash, full_name, …) and updated_at."""
    allowed = {"full_name", "role", "active", "password_hash"}
    assert set(values) <= allowed, set(values) - allowed
    columns = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE users SET {columns}, updated_at = ? WHERE id = ?",
                 (*values.values(), iso(now), user_id))


def record_attempt(
    conn: sqlite3.Connection, user_id: UserId, *, failed_attempts: int,
    locked_until: dt.datetime | None, last_login_at: dt.datetime | None = None,
) -> None:
    """After a log-in attempt: the failure count and lock-out; the time of a success."""
    conn.execute(
        "UPDATE users SET failed_attempts = ?, locked_until = ?,"
        " last_login_at = coalesce(?, last_login_at) WHERE id = ?",
        (failed_attempts, iso(locked_until) if locked_until else None,
         iso(last_login_at) if last_login_at else None, user_id),
    )


def append_event(
    conn: sqlite3.Connection, *, at: dt.datetime, actor: str, username: str, kind: str,
    detail: dict[str, object] | None = None,
) -> None:
    conn.execute(
        "INSERT INTO account_events (at, actor, username, kind, detail) VALUES (?, ?, ?, ?, ?)",
        (iso(at), actor, username, kind,
         json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)),
    )


def events(conn: sqlite3.Connection, username: str | None = None) -> list[AccountEvent]:
    if username is None:
        rows = conn.execute("SELECT * FROM account_events ORDER BY seq")
    else:
        rows = conn.execute("SELECT * FROM account_events WHERE username = ? ORDER BY seq",
                            (username,))
    return [AccountEvent(seq=r["seq"], at=dt.datetime.fromisoformat(r["at"]), actor=r["actor"],
                         username=r["username"], kind=r["kind"], detail=json.loads(r["detail"]))
            for r in rows]
