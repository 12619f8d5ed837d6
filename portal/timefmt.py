"""Times: Vietnamese local time, ISO text in columns, `yyyyMMddHHmmss` in national records."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NATIONAL_FORMAT = "%Y%m%d%H%M%S"


def vn_now() -> dt.datetime:
    """Now in Vietnam, naive, to the second (the portal's default clock)."""
    return dt.datetime.now(VN).replace(tzinfo=None, microsecond=0)


def parse_local(text: str) -> dt.datetime:
    """ISO 8601 from a client ("2026-11-20T09:32:00"); an offset is converted to Vietnam time.

    Raises ValueError on anything else.
    """
    if not isinstance(text, str) or len(text) < 10 or len(text) > 40:
        raise ValueError("not an ISO date-time")
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(VN).replace(tzinfo=None)
    if not 1900 <= value.year <= 2200:
        raise ValueError("year out of range")
    return value.replace(microsecond=0)


def iso(t: dt.datetime) -> str:
    return t.replace(microsecond=0).isoformat()


def national(t: dt.datetime | None) -> str:
    """`yyyyMMddHHmmss`, or "" for no time (as the national portal's records do)."""
    return t.strftime(NATIONAL_FORMAT) if t is not None else ""


def from_national(text: str) -> dt.datetime | None:
    return dt.datetime.strptime(text, NATIONAL_FORMAT) if text else None


def day_text(t: dt.datetime) -> str:
    """dd/MM/yyyy."""
    return t.strftime("%d/%m/%Y")


def clock_text(t: dt.datetime) -> str:
    """"09 giờ 32 phút"."""
    return f"{t:%H} giờ {t:%M} phút"
