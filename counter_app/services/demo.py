"""Demo data: the seed catalogue and realistic dossiers with Vietnamese names over recent weeks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from ..domain.accounts import Role
from ..domain.calendar import CalendarException, load_exceptions
from ..domain.model import (
    Channel,
    CopyType,
    FeeLine,
    IdKind,
    Person,
    Procedure,
    ReceivedDocument,
    ReceptionDraft,
    ResultDelivery,
    Status,
)
from ..domain.validation import PROVINCE_CODES
from ..resources import resource
from .counter import Counter
from .profile import Profile

DEMO_PROFILE = Profile(
    agency_code="000.00.06.H56",
    agency_name="Bộ phận Một cửa UBND xã Tân Phú",
    workstation=1,
    governing_body="UBND TỈNH KHÁNH HÒA",
    place_name="Tân Phú",
    portal_url="",
)

# The demo's administrator: username, full name, role, password (printed by demo-setup).
DEMO_LOGIN = ("admin", "Quản trị viên minh họa", Role.ADMINISTRATOR, "demo-2026")

FAMILY = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 4),
          ("Phan", 4), ("Vũ", 3), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
          ("Ngô", 2), ("Dương", 1), ("Lý", 1), ("Đinh", 1), ("Trương", 1)]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Đình", "Ngọc"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Hùng", "Huy", "Khang", "Long", "Minh", "Nam",
           "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vinh", "Hải"]
GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
           "Ngân", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vân", "Yến"]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt",
           "Phan Đình Phùng", "Quang Trung", "Nguyễn Thị Minh Khai", "Điện Biên Phủ"]
HAMLETS = ["thôn Phú Hòa", "thôn Tân Lập", "ấp Đông Hưng", "tổ dân phố 3", "thôn Đồng Xuân",
           "ấp Bình Đức", "khu phố Mỹ Lộc"]
PHONE_PREFIXES = ["090", "091", "093", "097", "098", "086", "088", "070", "077", "083", "035"]


def seed_catalogue_files() -> list[Path]:
    return sorted(resource("catalogue").glob("*.json"))


def seed_calendar_exceptions() -> list[CalendarException]:
    path = resource("calendar", "exceptions.json")
    return load_exceptions(path) if path.exists() else []


def _person(rng: random.Random, today: dt.date) -> Person:
    female = rng.random() < 0.5
    family = rng.choices([f for f, _ in FAMILY], [w for _, w in FAMILY])[0]
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    birth = today - dt.timedelta(days=rng.randint(18 * 365, 80 * 365))
    century_digit = {1900: 0, 2000: 2}[birth.year // 100 * 100] + (1 if female else 0)
    province = rng.choice(sorted(PROVINCE_CODES))
    number = f"{province}{century_digit}{birth.year % 100:02d}{rng.randint(0, 999999):06d}"
    phone = rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 9999999):07d}"
    if rng.random() < 0.5:
        address = f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}, xã Tân Phú"
    else:
        address = f"{rng.choice(HAMLETS)}, xã Tân Phú"
    return Person(
        full_name=f"{family} {middle} {given}",
        id_number=number,
        id_kind=IdKind.CCCD,
        birth_date=birth,
        gender="Nữ" if female else "Nam",
        phone=phone,
        address=address + ", tỉnh Khánh Hòa",
    )


def _documents(procedure: Procedure) -> tuple[ReceivedDocument, ...]:
    docs = []
    for req in procedure.documents:
        if not req.mandatory:
            continue
        kind = req.copy_types[0] if req.copy_types else CopyType.ORIGINAL
        docs.append(ReceivedDocument(
            name=req.name,
            original=req.quantity if kind == CopyType.ORIGINAL else 0,
            certified_copy=req.quantity if kind == CopyType.CERTIFIED_COPY else 0,
            photocopy=req.quantity if kind == CopyType.PHOTOCOPY else 0,
        ))
    return tuple(docs)


def make_drafts(
    procedures: list[Procedure], n: int, now: dt.datetime, seed: int = 2026, weeks: int = 6
) -> list[ReceptionDraft]:
    """`n` complete drafts received in working hours over the last `weeks`, oldest first."""
    rng = random.Random(seed)
    start = now - dt.timedelta(weeks=weeks)
    span = int((now - start).total_seconds())
    drafts = []
    for _ in range(n):
        at = start + dt.timedelta(seconds=rng.randint(0, span))
        # Keep receptions inside office hours on weekdays, as at a real counter.
        while at.weekday() >= 5:
            at -= dt.timedelta(days=1)
        at = at.replace(hour=rng.choice([7, 8, 9, 10, 13, 14, 15, 16]), minute=rng.randint(0, 59),
                        second=0, microsecond=0)
        if at > now:
            at = now.replace(second=0, microsecond=0)
        procedure = rng.choice(procedures)
        applicant = _person(rng, at.date())
        channel = Channel.POSTAL if rng.random() < 0.08 else Channel.DIRECT
        delivery = (ResultDelivery.POST if ResultDelivery.POST in procedure.result_delivery
                    and rng.random() < 0.15 else ResultDelivery.COUNTER)
        fees = tuple(FeeLine(f.name, f.amount, paid=True) for f in procedure.fees if f.amount)
        drafts.append(ReceptionDraft(
            procedure_code=procedure.code,
            applicant=applicant,
            documents=_documents(procedure),
            channel=channel,
            received_at=at,
            delivery=delivery,
            delivery_address=applicant.address if delivery == ResultDelivery.POST else "",
            fees=fees,
            user="demo",
        ))
    drafts.sort(key=lambda d: d.received_at or now)
    return drafts


# How far a demo dossier got, by the age of its due date.
def _demo_path(rng: random.Random, due: dt.datetime | None, now: dt.datetime) -> list[Status]:
    roll = rng.random()
    if due is not None and due < now:
        if roll < 0.75:
            return [Status.IN_PROGRESS, Status.RESOLVED, Status.RETURNED]
        if roll < 0.85:
            return [Status.IN_PROGRESS, Status.RESOLVED]
        if roll < 0.92:
            return [Status.IN_PROGRESS]
        return [Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED]
    if roll < 0.5:
        return [Status.IN_PROGRESS]
    if roll < 0.6:
        return [Status.IN_PROGRESS, Status.RESOLVED]
    return []


class _SimulatedClock:
    """Demo time: each reception and status change happens at its own moment in the past."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def seed(counter: Counter, dossiers: int = 200, seed: int = 2026) -> dict[str, Any]:
    """Ensure a profile and catalogue, then add `dossiers` demo dossiers with varied statuses.

    Every reception and status change goes through the real use cases, on a simulated clock,
    so that timelines read as they would at a real counter.
    """
    if not counter.profile.is_set_up:
        counter.set_profile(DEMO_PROFILE)
    if not counter.procedures():
        counter.import_catalogue(seed_catalogue_files())
    if not counter.calendar_exceptions():
        counter.put_calendar_exceptions(seed_calendar_exceptions())
    procedures = [p for p in counter.procedures() if p.documents]
    now = counter.clock()
    sim = _SimulatedClock(now)
    staged = Counter(counter.conn, counter.data_dir, sim)
    rng = random.Random(seed + 1)
    later: list[tuple[dt.datetime, str, Status]] = []
    calendar = counter.calendar()
    received = 0
    for draft in make_drafts(procedures, dossiers, now, seed):
        sim.now = draft.received_at or now
        d = staged.receive(draft).dossier
        received += 1
        at = d.received_at
        for status in _demo_path(rng, d.due_at, now):
            at = calendar.next_working_moment(at + dt.timedelta(hours=rng.randint(2, 60)))
            if at > now:
                break
            later.append((at, d.id, status))
    for at, dossier_id, status in sorted(later, key=lambda x: x[0]):
        sim.now = at
        staged.change_status(dossier_id, status, user="demo")
    statuses: dict[int, int] = {}
    for row in counter.conn.execute("SELECT status, count(*) AS n FROM dossiers GROUP BY status"):
        statuses[int(row["status"])] = int(row["n"])
    return {"dossiers": received, "statuses": statuses, "procedures": len(counter.procedures())}


def ensure_demo(counter: Counter, dossiers: int = 300) -> dict[str, Any]:
    """Set up a demo data directory once; later runs leave it as the user left it.

    A demo administrator (DEMO_LOGIN) is made when the directory has no account."""
    if not counter.accounts.has_users():
        counter.accounts.create(*DEMO_LOGIN, actor="demo-setup")
    if counter.profile.is_set_up and counter.search(""):
        return {"dossiers": len(counter.search("", limit=dossiers))}
    return seed(counter, dossiers)


__all__ = ["DEMO_LOGIN", "DEMO_PROFILE", "ensure_demo", "make_drafts", "seed"]
