"""Value types of the counter: procedures of the catalogue, applicants, dossiers and their codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import NewType

DossierId = NewType("DossierId", str)  # UUID4 text: the real key; the printed code is an alias
DossierCode = NewType("DossierCode", str)  # mã hồ sơ, e.g. "000.00.06.H56-231027-0361"
ProcedureCode = NewType("ProcedureCode", str)  # MaTTHC, e.g. "1.001193"
EventId = NewType("EventId", str)  # UUID4 made by the client


class Status(IntEnum):
    """TrangThaiHoSo: the national portal's dossier status codes."""

    REGISTERED = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    NOT_RECEIVED = 3  # Không được tiếp nhận
    IN_PROGRESS = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    RESOLVED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


class Channel(IntEnum):
    """KenhThucHien: how the dossier reached the agency."""

    DIRECT = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POSTAL = 3  # qua bưu chính công ích


class CopyType(StrEnum):
    """Kind of paper accepted for one checklist item."""

    ORIGINAL = "original"  # bản chính
    CERTIFIED_COPY = "certified_copy"  # bản sao chứng thực
    PHOTOCOPY = "photocopy"  # bản photo / bản sao


class TimeLimitKind(StrEnum):
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"
    SAME_DAY = "same_day"


class ResultDelivery(StrEnum):
    COUNTER = "counter"  # nhận tại Bộ phận Một cửa
    POST = "post"  # qua dịch vụ bưu chính công ích


class IdKind(StrEnum):
    CCCD = "cccd"  # căn cước / căn cước công dân, 12 digits
    CMND = "cmnd"  # old chứng minh nhân dân, 9 digits
    PASSPORT = "passport"  # hộ chiếu
    OTHER = "other"


class AgencyLevel(StrEnum):
    PROVINCE = "province"
    COMMUNE = "commune"
    MINISTRY = "ministry"


class Outcome(StrEnum):
    """What the clerk decided at the counter (Decree 61 Art. 18)."""

    RECEIVED = "received"
    GUIDANCE = "guidance"  # incomplete: Mẫu 02
    REFUSED = "refused"  # Mẫu 03
    REDIRECTED = "redirected"  # not this agency's competence


@dataclass(frozen=True)
class TimeLimit:
    """Legal time limit of a procedure (thời hạn giải quyết)."""

    kind: TimeLimitKind
    value: float = 0  # days or hours; ignored for SAME_DAY
    cutoff: dt.time = dt.time(15, 0)  # SAME_DAY only: received after it → next working day


@dataclass(frozen=True)
class Fee:
    """A fee or charge (phí, lệ phí) in đồng; `amount` 0 means free."""

    name: str
    amount: int
    note: str = ""


@dataclass(frozen=True)
class DocumentRequirement:
    """One item of the procedure's checklist (thành phần hồ sơ)."""

    name: str
    copy_types: tuple[CopyType, ...] = (CopyType.ORIGINAL,)
    quantity: int = 1
    mandatory: bool = True
    note: str = ""


@dataclass(frozen=True)
class ProcedureForm:
    """A blank declaration form (tờ khai) of a procedure, printed for the citizen to fill in.

    `file` is where the catalogue file said it is (a PDF, or a form definition of
    resources/forms); `sha256` names the PDF stored in the data directory once imported.
    """

    code: str
    name: str
    file: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Procedure:
    """An administrative procedure (thủ tục hành chính) of the national catalogue."""

    code: ProcedureCode
    name: str
    field_name: str  # lĩnh vực
    level: AgencyLevel
    time_limit: TimeLimit
    field_code: str = ""
    service_level: str = ""  # e.g. "partial_online", "full_online"
    agency: str = ""  # cơ quan thực hiện
    documents: tuple[DocumentRequirement, ...] = ()
    fees: tuple[Fee, ...] = ()
    result_delivery: tuple[ResultDelivery, ...] = (ResultDelivery.COUNTER, ResultDelivery.POST)
    sets: int = 1  # số bộ hồ sơ
    legal_basis: tuple[str, ...] = ()
    steps: str = ""
    source: str = ""
    active: bool = True
    result: str = ""  # kết quả thực hiện, e.g. "Giấy khai sinh"
    forms: tuple[ProcedureForm, ...] = ()  # tờ khai to print (services/forms.py)


@dataclass(frozen=True)
class Person:
    """Chủ hồ sơ or người nộp: as written on the identity document."""

    full_name: str
    id_number: str = ""
    id_kind: IdKind = IdKind.CCCD
    birth_date: dt.date | None = None
    gender: str = ""  # "Nam" / "Nữ" as printed on the card
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class ReceivedDocument:
    """What the clerk checked for one checklist item: quantities by copy type."""

    name: str
    original: int = 0
    certified_copy: int = 0
    photocopy: int = 0
    mandatory: bool = True

    @property
    def total(self) -> int:
        return self.original + self.certified_copy + self.photocopy


@dataclass(frozen=True)
class FeeLine:
    name: str
    amount: int
    paid: bool = False


@dataclass(frozen=True)
class ItemAttachment:
    """A scan attached to one checklist item: the stored PDF is named by its SHA-256 (the
    file is already in the data directory's blob store; see docs/attachments.md)."""

    item: str  # the checklist item's name, as in ReceivedDocument.name
    sha256: str  # 64 lowercase hex digits


@dataclass(frozen=True)
class ReceptionDraft:
    """Everything the clerk typed for one dossier, before the service validates it."""

    procedure_code: str
    applicant: Person
    submitter: Person | None = None  # người nộp, when not the applicant
    documents: tuple[ReceivedDocument, ...] = ()
    channel: Channel = Channel.DIRECT
    sets: int = 1
    received_at: dt.datetime | None = None  # None → now
    delivery: ResultDelivery = ResultDelivery.COUNTER
    delivery_address: str = ""
    fees: tuple[FeeLine, ...] = ()
    postal_item: str = ""  # S10 item number when the dossier came by post
    notes: str = ""
    reason: str = ""  # refusal / guidance reason
    user: str = ""
    attachments: tuple[ItemAttachment, ...] = ()  # scans (số hóa), recorded when received


@dataclass(frozen=True)
class Dossier:
    """A dossier as stored: what Mẫu 01 prints and what sync sends."""

    id: DossierId
    code: DossierCode | None  # None for guidance/refusal records, which get no code
    outcome: Outcome
    procedure_code: ProcedureCode
    procedure_name: str
    agency_code: str
    workstation: int
    applicant: Person
    submitter: Person | None
    documents: tuple[ReceivedDocument, ...]
    channel: Channel
    sets: int
    received_at: dt.datetime
    due_at: dt.datetime | None
    status: Status | None  # None for a guidance record (incomplete dossier, no national status)
    delivery: ResultDelivery
    delivery_address: str
    fees: tuple[FeeLine, ...]
    book_number: str  # Quyển số
    book_sequence: int | None  # Số thứ tự
    postal_item: str = ""
    notes: str = ""
    reason: str = ""
    lookup_secret: str = ""  # short random secret in the receipt's QR lookup URL
    missing: tuple[str, ...] = ()  # guidance records: mandatory items still to bring (Mẫu 02)
    created_by: str = ""
    updated_at: dt.datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DossierSummary:
    """One line of a result list: what the look-up table shows, read without the full record."""

    id: DossierId
    code: DossierCode | None
    outcome: Outcome
    status: Status | None
    procedure_code: ProcedureCode
    procedure_name: str
    applicant_name: str
    received_at: dt.datetime
    due_at: dt.datetime | None
