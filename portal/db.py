"""Database access: one engine, write/read transactions, insert-if-absent and retry on races."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, create_engine, event, exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from .errors import PortalError

log = logging.getLogger(__name__)
T = TypeVar("T")

# SQLSTATEs worth retrying: serialization failure, deadlock, unique violation (a concurrent
# writer inserted the same key between our check and our insert).
_RETRY_SQLSTATES = {"40001", "40P01", "23505"}
_ATTEMPTS = 5
POOL_SIZE = 40  # PostgreSQL connections kept per portal process
POOL_OVERFLOW = 10  # opened beyond it at a peak, closed when returned


class Database:
    """The portal's database; `write()` and `read()` give a Connection inside a transaction.

    SQLite (demos, tests): writes start with BEGIN IMMEDIATE so that two writers never deadlock
    upgrading a read lock; reads use a plain BEGIN and run beside the writer thanks to WAL.
    PostgreSQL (production): READ COMMITTED; races surface as errors that `write_retry` retries.
    """

    def __init__(self, url: str) -> None:
        for plain in ("postgresql://", "postgres://"):  # psycopg 3 is the driver we ship
            if url.startswith(plain):
                url = "postgresql+psycopg://" + url[len(plain):]
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect not in ("sqlite", "postgresql"):
            detail = f"chỉ hỗ trợ PostgreSQL và SQLite, không hỗ trợ {self.dialect}"
            raise PortalError("bad_argument", 422, detail=detail)
        kwargs: dict[str, Any] = {"hide_parameters": True}  # personal data never in errors/logs
        if self.dialect == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if parsed.database in (None, "", ":memory:"):
                kwargs["poolclass"] = StaticPool
        elif self.dialect == "postgresql":
            # As many kept connections as request threads (anyio's 40): a smaller pool with
            # overflow closes and reopens PostgreSQL sessions all the time under load (each
            # a new server process: ~40 per second at 200 workstations, a quarter of the CPU).
            # No pre-ping (a round trip per checkout): a connection that died with a server
            # restart fails one request (503 busy, the client retries) and SQLAlchemy then
            # drops every older pooled connection.
            kwargs.update(pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        self.engine: Engine = create_engine(url, **kwargs)
        if self.dialect == "sqlite":
            _prepare_sqlite(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(portal_write=True) as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def read_committed(self) -> Iterator[Connection]:
        """For reads that need no snapshot across statements (each statement sees what was
        committed when it started, as READ COMMITTED does anyway): on PostgreSQL without
        BEGIN/COMMIT, which saves two round trips per request; on SQLite a plain read()."""
        if self.dialect != "postgresql":
            with self.read() as conn:
                yield conn
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn

    def write_retry(self, work: Callable[[Connection], T]) -> T:
        """Run `work` in a write transaction; a lost race is retried from the start."""
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                with self.write() as conn:
                    return work(conn)
            except exc.DBAPIError as e:
                if not _retryable(e) or attempt == _ATTEMPTS:
                    if _retryable(e):
                        raise PortalError("busy", 503) from e
                    raise
                log.info("transaction retried after a concurrent update (attempt %d)", attempt)
                time.sleep(random.uniform(0.005, 0.05) * attempt)
        raise AssertionError("unreachable")

    def insert_if_absent(self, conn: Connection, table: Table, values: dict[str, Any]) -> bool:
        """INSERT … ON CONFLICT DO NOTHING; True when the row was inserted."""
        stmt = (postgresql.insert(table) if self.dialect == "postgresql"
                else sqlite.insert(table)).values(**values).on_conflict_do_nothing()
        key = list(table.primary_key.columns)[0]
        return conn.execute(stmt.returning(key)).first() is not None

    def lock_for_update(self) -> bool:
        return self.dialect == "postgresql"


def _retryable(e: exc.DBAPIError) -> bool:
    state = getattr(e.orig, "sqlstate", None)
    if state in _RETRY_SQLSTATES:
        return True
    text = str(e.orig).lower()
    return isinstance(e, exc.OperationalError) and "database is locked" in text


def _prepare_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("portal_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def unreachable(e: Exception) -> PortalError:
    detail = str(getattr(e, "orig", e)).strip().splitlines()[0][:160] if str(e) else "?"
    return PortalError("database_unreachable", 503, detail=detail)
