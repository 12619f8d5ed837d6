"""Translatable names of the domain's codes (statuses, channels, events…) and display formats."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.accounts import Role
from ..domain.model import (
    Channel,
    Fee,
    IdKind,
    Outcome,
    ResultDelivery,
    Status,
    TimeLimit,
    TimeLimitKind,
)

CONTEXT = "labels"

STATUS_NAMES: dict[Status, str] = {
    Status.REGISTERED: QT_TRANSLATE_NOOP("labels", "Mới đăng ký"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("labels", "Được tiếp nhận"),
    Status.NOT_RECEIVED: QT_TRANSLATE_NOOP("labels", "Không được tiếp nhận"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "Đang xử lý"),
    Status.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("labels", "Yêu cầu bổ sung giấy tờ"),
    Status.FINANCIAL_OBLIGATION: QT_TRANSLATE_NOOP(
        "labels", "Yêu cầu thực hiện nghĩa vụ tài chính"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("labels", "Công dân yêu cầu rút hồ sơ"),
    Status.STOPPED: QT_TRANSLATE_NOOP("labels", "Dừng xử lý"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("labels", "Đã xử lý xong"),
    Status.RETURNED: QT_TRANSLATE_NOOP("labels", "Đã trả kết quả"),
}

OUTCOME_NAMES: dict[Outcome, str] = {
    Outcome.RECEIVED: QT_TRANSLATE_NOOP("labels", "Tiếp nhận"),
    Outcome.GUIDANCE: QT_TRANSLATE_NOOP("labels", "Hướng dẫn bổ sung (Mẫu 02)"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("labels", "Từ chối tiếp nhận (Mẫu 03)"),
    Outcome.REDIRECTED: QT_TRANSLATE_NOOP("labels", "Chuyển cơ quan có thẩm quyền"),
}

CHANNEL_NAMES: dict[Channel, str] = {
    Channel.DIRECT: QT_TRANSLATE_NOOP("labels", "Trực tiếp"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("labels", "Trực tuyến"),
    Channel.POSTAL: QT_TRANSLATE_NOOP("labels", "Qua bưu chính công ích"),
}

DELIVERY_NAMES: dict[ResultDelivery, str] = {
    ResultDelivery.COUNTER: QT_TRANSLATE_NOOP("labels", "Nhận tại Bộ phận Một cửa"),
    ResultDelivery.POST: QT_TRANSLATE_NOOP("labels", "Qua dịch vụ bưu chính công ích"),
}

ID_KIND_NAMES: dict[IdKind, str] = {
    IdKind.CCCD: QT_TRANSLATE_NOOP("labels", "Căn cước công dân"),
    IdKind.CMND: QT_TRANSLATE_NOOP("labels", "Chứng minh nhân dân"),
    IdKind.PASSPORT: QT_TRANSLATE_NOOP("labels", "Hộ chiếu"),
    IdKind.OTHER: QT_TRANSLATE_NOOP("labels", "Giấy tờ khác"),
}

EVENT_NAMES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("labels", "Tiếp nhận hồ sơ"),
    "guidance": QT_TRANSLATE_NOOP("labels", "Hướng dẫn bổ sung hồ sơ"),
    "refused": QT_TRANSLATE_NOOP("labels", "Từ chối tiếp nhận"),
    "status_changed": QT_TRANSLATE_NOOP("labels", "Chuyển trạng thái"),
    "printed": QT_TRANSLATE_NOOP("labels", "In giấy tờ"),
    "attachments_added": QT_TRANSLATE_NOOP("labels", "Bổ sung bản quét"),
    # After the receipt (services/followup.py):
    "accepted": QT_TRANSLATE_NOOP("labels", "Tiếp nhận hồ sơ trực tuyến"),
    "supplement_received": QT_TRANSLATE_NOOP("labels", "Nhận hồ sơ bổ sung"),
    "delay_apology": QT_TRANSLATE_NOOP("labels", "Xin lỗi, hẹn lại ngày trả"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "Công dân rút hồ sơ"),
    # The post-office desk (docs/postal.md)
    "postal_accepted": QT_TRANSLATE_NOOP("labels", "Nhận qua bưu điện"),
    "result_posted": QT_TRANSLATE_NOOP("labels", "Gửi kết quả qua bưu chính"),
    "result_delivered": QT_TRANSLATE_NOOP("labels", "Bưu điện đã phát kết quả"),
    "result_returned": QT_TRANSLATE_NOOP("labels", "Trả kết quả"),
    "notice_queued": QT_TRANSLATE_NOOP("labels", "Tin nhắn cho người dân"),
    "notice_status": QT_TRANSLATE_NOOP("labels", "Tình trạng gửi tin nhắn"),
    # Blank forms of the catalogue, attached or detached by an administrator (services/forms.py)
    "form_attached": QT_TRANSLATE_NOOP("labels", "Đính kèm mẫu tờ khai"),
    "form_detached": QT_TRANSLATE_NOOP("labels", "Bỏ mẫu tờ khai"),
    # Recorded by sync (counter_app/sync/apply.py), never pushed:
    "portal_status": QT_TRANSLATE_NOOP("labels", "Cổng cập nhật trạng thái"),
    "online_received": QT_TRANSLATE_NOOP("labels", "Nhận hồ sơ nộp trực tuyến"),
}

ROLE_NAMES: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("labels", "Cán bộ tiếp nhận"),
    Role.POSTAL_AGENT: QT_TRANSLATE_NOOP("labels", "Nhân viên bưu điện"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("labels", "Tổ trưởng"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("labels", "Quản trị viên"),
}


FORM_NAMES: dict[str, str] = {  # counter_app.services.documents.Form values
    "receipt": QT_TRANSLATE_NOOP("labels", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"),
    "supplement": QT_TRANSLATE_NOOP("labels", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
    "refusal": QT_TRANSLATE_NOOP("labels", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
    "apology": QT_TRANSLATE_NOOP("labels", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
    "control": QT_TRANSLATE_NOOP("labels", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"),
    "label": QT_TRANSLATE_NOOP("labels", "Nhãn hồ sơ"),
    "withdrawal": QT_TRANSLATE_NOOP("labels", "Phiếu xác nhận rút hồ sơ"),
    "handover": QT_TRANSLATE_NOOP("labels", "Phiếu bàn giao kết quả"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_name(status: Status | None, outcome: Outcome | None = None) -> str:
    """The status name; a record with no national status (guidance) shows its outcome."""
    if status is not None:
        return _tr(STATUS_NAMES[status])
    return outcome_name(outcome) if outcome is not None else ""


def outcome_name(outcome: Outcome) -> str:
    return _tr(OUTCOME_NAMES[outcome])


def channel_name(channel: Channel) -> str:
    return _tr(CHANNEL_NAMES[channel])


def delivery_name(delivery: ResultDelivery) -> str:
    return _tr(DELIVERY_NAMES[delivery])


def id_kind_name(kind: IdKind) -> str:
    return _tr(ID_KIND_NAMES[kind])


def form_name(form: str) -> str:
    return _tr(FORM_NAMES[form]) if form in FORM_NAMES else form


def role_name(role: Role) -> str:
    return _tr(ROLE_NAMES[role])


def event_name(kind: str) -> str:
    """Unknown kinds (from a newer version or the portal) show their code."""
    return _tr(EVENT_NAMES[kind]) if kind in EVENT_NAMES else kind


def format_datetime(value: dt.datetime | None) -> str:
    """dd/MM/yyyy HH:mm, as on Vietnamese forms."""
    return value.strftime("%d/%m/%Y %H:%M") if value is not None else ""


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def format_money(amount: int) -> str:
    """2000 → "2.000 đ" (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"


def format_moment(value: dt.datetime | None) -> str:
    """"09 giờ 32 phút, ngày 26/11/2026": a due time as the clerk reads it out."""
    if value is None:
        return ""
    return QCoreApplication.translate("labels", "{hour} giờ {minute} phút, ngày {date}").format(
        hour=f"{value.hour:02d}", minute=f"{value.minute:02d}", date=format_date(value.date()))


def _count(value: float) -> str:
    return f"{int(value):02d}" if value == int(value) else f"{value:g}".replace(".", ",")


def time_limit_name(limit: TimeLimit) -> str:
    """"03 ngày làm việc", "Trong ngày (nhận trước 15:00)"."""
    n = _count(limit.value)
    if limit.kind == TimeLimitKind.WORKING_DAYS:
        return QCoreApplication.translate("labels", "{n} ngày làm việc").format(n=n)
    if limit.kind == TimeLimitKind.WORKING_HOURS:
        return QCoreApplication.translate("labels", "{n} giờ làm việc").format(n=n)
    if limit.kind == TimeLimitKind.CALENDAR_DAYS:
        return QCoreApplication.translate("labels", "{n} ngày").format(n=n)
    return QCoreApplication.translate("labels", "Trong ngày (nhận trước {time})").format(
        time=limit.cutoff.strftime("%H:%M"))


def fees_text(fees: tuple[Fee, ...]) -> str:
    """"Lệ phí đăng ký hộ kinh doanh: 100.000 đ"; several on their own lines."""
    if not fees:
        return QCoreApplication.translate("labels", "Không thu phí, lệ phí")
    free = QCoreApplication.translate("labels", "miễn phí")
    return "\n".join(f"{f.name}: {format_money(f.amount) if f.amount else free}" for f in fees)


_DATE_TYPED = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})|(\d{2})(\d{2})(\d{4})")


def parse_date(text: str) -> dt.date | None:
    """"04/03/1985", "4-3-1985", "4.3.1985" or "04031985" → date; "" → None.

    Raises ValueError for anything else, or a day that does not exist.
    """
    value = text.strip()
    if not value:
        return None
    m = _DATE_TYPED.fullmatch(value)
    if m is None:
        raise ValueError(value)
    day, month, year = (int(g) for g in (m.groups()[:3] if m[1] else m.groups()[3:]))
    return dt.date(year, month, day)
