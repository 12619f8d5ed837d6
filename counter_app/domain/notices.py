"""Messages to citizens (SMS, e-mail, Zalo): when they are sent, to whom, and their Vietnamese
texts — all wording in this one place. No ID number or address ever goes into a message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .model import Dossier
from .text import nfc

EVENT_KIND = "notice_queued"  # a message waiting for the portal to send it (pushed)
STATUS_KIND = "notice_status"  # the portal's answer, pulled back (local only)
MAX_SMS = 320  # two SMS segments of unaccented text; longer texts are cut with "…"


class NoticeKind(StrEnum):
    RECEIVED = "received"  # hồ sơ đã được tiếp nhận
    SUPPLEMENT = "supplement"  # cần bổ sung giấy tờ
    RESULT_READY = "result_ready"  # đã có kết quả
    DELAY = "delay"  # trễ hẹn, xin lỗi, hẹn lại ngày


class NoticeChannel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    ZALO = "zalo"  # Zalo OA message to the phone number


class NoticeState(StrEnum):
    QUEUED = "queued"  # at the counter or the portal, not sent yet
    SENT = "sent"
    FAILED = "failed"  # the sender gave up (the portal keeps retrying until it does)


SUBJECTS: dict[NoticeKind, str] = {
    NoticeKind.RECEIVED: "Hồ sơ {code} đã được tiếp nhận",
    NoticeKind.SUPPLEMENT: "Hồ sơ {code} cần bổ sung giấy tờ",
    NoticeKind.RESULT_READY: "Hồ sơ {code} đã có kết quả",
    NoticeKind.DELAY: "Hồ sơ {code} trễ hẹn: xin lỗi và hẹn lại ngày trả kết quả",
}

TEXTS: dict[NoticeKind, str] = {
    NoticeKind.RECEIVED: (
        "{agency} đã tiếp nhận hồ sơ {code} ({procedure}) của Ông/bà {name}. "
        "Hẹn trả kết quả: {due}."),
    NoticeKind.SUPPLEMENT: (
        "Hồ sơ {code} ({procedure}) của Ông/bà {name} cần bổ sung giấy tờ. "
        "Ông/bà vui lòng liên hệ {agency} để được hướng dẫn."),
    NoticeKind.RESULT_READY: (
        "Hồ sơ {code} ({procedure}) của Ông/bà {name} đã có kết quả. Mời Ông/bà mang giấy "
        "tiếp nhận và giấy tờ tùy thân đến {agency} để nhận kết quả."),
    NoticeKind.DELAY: (
        "{agency} xin lỗi Ông/bà {name}: hồ sơ {code} ({procedure}) chưa có kết quả đúng hẹn. "
        "Ngày hẹn trả mới: {new_due}."),
}


@dataclass(frozen=True)
class Notice:
    """One message to one address, as queued at the counter."""

    id: str  # UUID made at the counter: the portal's key for retries and the status pulled back
    kind: NoticeKind
    channel: NoticeChannel
    to: str  # phone number (sms, zalo) or e-mail address
    subject: str
    text: str
    dossier_code: str


def when(t: dt.datetime | None) -> str:
    """"09 giờ 32 phút, ngày 20/11/2026", or "" for no time."""
    if t is None:
        return ""
    return f"{t.hour:02d} giờ {t.minute:02d} phút, ngày {t.day:02d}/{t.month:02d}/{t.year}"


def parse_channels(text: str) -> tuple[NoticeChannel, ...]:
    """The profile's "sms,email" → channels, unknown names ignored, in a fixed order."""
    names = {part.strip().lower() for part in text.split(",")}
    return tuple(c for c in NoticeChannel if c.value in names)


def compose(kind: NoticeKind, dossier: Dossier, *, agency: str,
            new_due: dt.datetime | None = None) -> tuple[str, str]:
    """(subject, text) in NFC; an SMS-length cut is left to the sender's channel."""
    values = {"code": dossier.code or "", "procedure": dossier.procedure_name,
              "name": dossier.applicant.full_name, "agency": agency or "Bộ phận Một cửa",
              "due": when(dossier.due_at) or "theo quy định", "new_due": when(new_due)}
    return nfc(SUBJECTS[kind].format(**values)), nfc(TEXTS[kind].format(**values))


def recipients(dossier: Dossier,
               channels: tuple[NoticeChannel, ...]) -> list[tuple[NoticeChannel, str]]:
    """Where each enabled channel reaches the applicant: the phone for SMS and Zalo, the
    e-mail address for e-mail; a channel without an address is skipped."""
    a = dossier.applicant
    out: list[tuple[NoticeChannel, str]] = []
    for c in channels:
        address = a.email if c == NoticeChannel.EMAIL else a.phone
        if address:
            out.append((c, address))
    return out


def fit_sms(text: str) -> str:
    return text if len(text) <= MAX_SMS else text[: MAX_SMS - 1].rstrip() + "…"
