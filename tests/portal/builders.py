"""Client events as the counter writes them, built from the real domain types."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from counter_app.domain.codes import format_code
from counter_app.domain.model import (
    Channel,
    Dossier,
    DossierCode,
    DossierId,
    FeeLine,
    Outcome,
    Person,
    ProcedureCode,
    ReceivedDocument,
    ResultDelivery,
    Status,
)
from counter_app.domain.records import dossier_to_dict, iso

AGENCY = "000.00.06.H56"
OTHER_AGENCY = "000.00.07.H56"
RECEIVED_AT = dt.datetime(2026, 11, 20, 9, 32)
ID_NUMBER = "001185012345"
ADDRESS = "Số 12 đường Lê Lợi, xã Tân Phú, tỉnh Khánh Hòa"
NAME = "Nguyễn Thị Hương"


def dossier(*, agency: str = AGENCY, workstation: int = 1, sequence: int | None = 1,
            outcome: Outcome = Outcome.RECEIVED, name: str = NAME, secret: str = "s3cr3t-K",
            dossier_id: str | None = None, channel: Channel = Channel.DIRECT,
            received_at: dt.datetime = RECEIVED_AT) -> Dossier:
    code = format_code(agency, received_at.date(), sequence) if sequence is not None else None
    status = {Outcome.RECEIVED: Status.RECEIVED, Outcome.REFUSED: Status.NOT_RECEIVED}.get(outcome)
    return Dossier(
        id=DossierId(dossier_id or str(uuid.uuid4())),
        code=DossierCode(code) if code else None,
        outcome=outcome,
        procedure_code=ProcedureCode("1.001193"),
        procedure_name="Thủ tục đăng ký khai sinh",
        agency_code=agency,
        workstation=workstation,
        applicant=Person(full_name=name, id_number=ID_NUMBER, phone="0912345678",
                         address=ADDRESS, birth_date=dt.date(1985, 3, 4), gender="Nữ"),
        submitter=None,
        documents=(ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", original=1),
                   ReceivedDocument("Giấy chứng sinh", original=1)),
        channel=channel,
        sets=1,
        received_at=received_at,
        due_at=received_at + dt.timedelta(days=1) if outcome is Outcome.RECEIVED else None,
        status=status,
        delivery=ResultDelivery.COUNTER,
        delivery_address="",
        fees=(FeeLine("Lệ phí đăng ký khai sinh", 0, True),),
        book_number=f"{workstation:02d}/2026" if code else "",
        book_sequence=sequence if code else None,
        lookup_secret=secret if code else "",
        created_by="clerk1",
        updated_at=received_at,
    )


def event(kind: str, dossier_id: str, payload: dict[str, Any], *, workstation: int = 1,
          at: dt.datetime = RECEIVED_AT, event_id: str | None = None) -> dict[str, Any]:
    return {"id": event_id or str(uuid.uuid4()), "dossier_id": dossier_id, "kind": kind,
            "at": iso(at), "user": "clerk1", "workstation": workstation, "payload": payload}


def received_event(*, agency: str = AGENCY, workstation: int = 1, sequence: int = 1,
                   outcome: Outcome = Outcome.RECEIVED, **kw: Any) -> dict[str, Any]:
    attachments = kw.pop("attachments", None)
    d = dossier(agency=agency, workstation=workstation, sequence=sequence, outcome=outcome, **kw)
    payload: dict[str, Any] = {"dossier": dossier_to_dict(d)}
    if attachments:
        payload["attachments"] = attachments
    return event(outcome.value, d.id, payload, workstation=workstation)


def status_event(dossier_id: str, old: int, new: int, note: str = "", *,
                 workstation: int = 1, at: dt.datetime = RECEIVED_AT) -> dict[str, Any]:
    return event("status_changed", dossier_id, {"from": old, "to": new, "note": note},
                 workstation=workstation, at=at + dt.timedelta(hours=1))
