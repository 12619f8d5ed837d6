"""How dates, times, money, time limits and a dossier's choices read on Vietnamese paper."""

from __future__ import annotations

import datetime as dt

from ..domain.model import Channel, CopyType, ResultDelivery, TimeLimit, TimeLimitKind

BLANK_DATE = "ngày …… tháng …… năm ……"
BLANK_TIME = "…… giờ …… phút"


def _day(n: int) -> str:
    # Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.
    return f"{n:02d}"


def _month(n: int) -> str:
    return f"{n:02d}" if n <= 2 else str(n)


def date_text(d: dt.date | None) -> str:
    """"ngày 20 tháng 11 năm 2026"; blanks to fill by hand when `d` is None."""
    if d is None:
        return BLANK_DATE
    return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"


def place_date(place: str, d: dt.date | None) -> str:
    """The dateline under the national motto: "Tân Phú, ngày 20 tháng 11 năm 2026"."""
    return f"{place.strip() or '……………'}, {date_text(d)}"


def time_text(t: dt.datetime | dt.time | None) -> str:
    """"09 giờ 32 phút"."""
    if t is None:
        return BLANK_TIME
    return f"{t.hour:02d} giờ {t.minute:02d} phút"


def moment_text(t: dt.datetime | None) -> str:
    """"09 giờ 32 phút, ngày 20 tháng 11 năm 2026"."""
    if t is None:
        return f"{BLANK_TIME}, {BLANK_DATE}"
    return f"{time_text(t)}, {date_text(t.date())}"


def short_date(d: dt.date | None) -> str:
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def short_moment(t: dt.datetime | None) -> str:
    """"09:32 20/11/2026": for narrow table cells and labels."""
    return "" if t is None else f"{t:%H:%M} {short_date(t.date())}"


def money(amount: int) -> str:
    """"1.500.000 đ" (dot as the thousands separator)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,} đ".replace(",", ".")


def two_digits(n: int) -> str:
    """Counts on the forms read "01", "02", … (official style), larger ones as they are."""
    return f"{n:02d}"


def _number(value: float) -> str:
    text = f"{value:g}".replace(".", ",")
    return two_digits(int(value)) if value == int(value) else text


def time_limit_text(limit: TimeLimit | None) -> str:
    """"01 ngày làm việc", "04 giờ làm việc", "15 ngày", "Trong ngày"."""
    if limit is None:
        return ""
    if limit.kind == TimeLimitKind.WORKING_DAYS:
        return f"{_number(limit.value)} ngày làm việc"
    if limit.kind == TimeLimitKind.WORKING_HOURS:
        return f"{_number(limit.value)} giờ làm việc"
    if limit.kind == TimeLimitKind.CALENDAR_DAYS:
        return f"{_number(limit.value)} ngày"
    return f"Trong ngày (nhận trước {time_text(limit.cutoff)})"


CHANNELS = {
    Channel.DIRECT: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Qua dịch vụ bưu chính công ích",
}

DELIVERIES = {
    ResultDelivery.COUNTER: "Tại Bộ phận tiếp nhận và trả kết quả",
    ResultDelivery.POST: "Qua dịch vụ bưu chính công ích",
}

COPY_TYPES = {
    CopyType.ORIGINAL: "Bản chính",
    CopyType.CERTIFIED_COPY: "Bản sao chứng thực",
    CopyType.PHOTOCOPY: "Bản photo",
}
