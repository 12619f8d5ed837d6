"""Shared test set-up: headless Qt, Vietnam time, and a fresh data directory per test."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app.domain.model import IdKind, Person, ReceivedDocument, ReceptionDraft  # noqa: E402
from counter_app.services.counter import Counter  # noqa: E402
from counter_app.services.profile import Profile  # noqa: E402
from counter_app.store import db  # noqa: E402
from counter_app.store import sync as sync_store  # noqa: E402
from counter_app.store.migrations import SCHEMA_VERSION  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_CATALOGUE = FIXTURES / "catalogue_small.json"
AGENCY = "000.00.06.H56"


class FakeClock:
    """A settable clock: tests decide what "now" is."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest in tests: the real parameters cost 0.15 s a hash, and they are
    checked by tests/services/test_accounts.py (and by every command-line subprocess)."""
    from argon2 import PasswordHasher, profiles

    from counter_app.services import accounts

    cheap = PasswordHasher.from_parameters(profiles.CHEAPEST)
    monkeypatch.setattr(accounts, "_default_hasher", lambda: cheap)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 20, 9, 32))  # a Friday morning


@pytest.fixture
def counter(tmp_path: Path, clock: FakeClock) -> Iterator[Counter]:
    """A set-up workstation 1 with the small test catalogue and no dossier."""
    c = Counter.open(tmp_path / "data", clock)
    c.set_profile(Profile(agency_code=AGENCY, agency_name="Bộ phận Một cửa xã Tân Phú",
                          workstation=1, place_name="Tân Phú"))
    c.import_catalogue([SMALL_CATALOGUE])
    yield c
    c.close()
    assert_pending_kept(tmp_path / "data" / db.DB_FILENAME)


def assert_pending_kept(path: Path) -> None:
    """What the schema's triggers say waits for the portal is what the event log holds, after
    whatever the test did (schema SYNC_PENDING; tests/store/test_sync_pending.py)."""
    if not path.exists():
        return
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return  # a test of upgrades or of a database from a newer version
        kept, counted = sync_store.pending(conn), sync_store.recount_pending(conn)
    finally:
        conn.close()
    assert kept == counted, f"sync_pending drifted from the event log: {kept} != {counted}"


def applicant(**overrides: object) -> Person:
    values: dict[str, object] = dict(
        full_name="Nguyễn Thị Hương", id_number="001185012345", id_kind=IdKind.CCCD,
        birth_date=dt.date(1985, 3, 4), gender="Nữ", phone="0912345678",
        address="Số 12 đường Lê Lợi, xã Tân Phú, tỉnh Khánh Hòa",
    )
    values.update(overrides)
    return Person(**values)  # type: ignore[arg-type]


def birth_draft(**overrides: object) -> ReceptionDraft:
    """A complete khai sinh dossier (procedure 1.001193 of the small catalogue)."""
    values: dict[str, object] = dict(
        procedure_code="1.001193",
        applicant=applicant(),
        documents=(
            ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", original=1),
            ReceivedDocument("Giấy chứng sinh", original=1),
        ),
        user="clerk1",
    )
    values.update(overrides)
    return ReceptionDraft(**values)  # type: ignore[arg-type]
