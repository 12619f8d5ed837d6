"""Event payloads as the counter writes them (counter_app.domain.records), checked per event."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SHA256_PATTERN = r"^[0-9a-f]{64}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PersonIn(_Strict):
    full_name: str = Field(min_length=1, max_length=300)
    id_number: str = Field(default="", max_length=40)
    id_kind: str = Field(default="cccd", max_length=20)
    birth_date: str | None = Field(default=None, max_length=10)
    gender: str = Field(default="", max_length=20)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    address: str = Field(default="", max_length=500)


class DocumentIn(_Strict):
    name: str = Field(min_length=1, max_length=1000)
    original: int = Field(default=0, ge=0, le=1000)
    certified_copy: int = Field(default=0, ge=0, le=1000)
    photocopy: int = Field(default=0, ge=0, le=1000)
    mandatory: bool = True


class FeeIn(_Strict):
    name: str = Field(min_length=1, max_length=500)
    amount: int = Field(ge=0)
    paid: bool = False


class AttachmentRef(_Strict):
    """A scanned document of the dossier, uploaded separately by its SHA-256."""

    sha256: str = Field(pattern=SHA256_PATTERN)
    name: str = Field(default="", max_length=500)
    size: int = Field(ge=0)
    media_type: str = Field(default="", max_length=100)


class DossierIn(_Strict):
    """`dossier_to_dict(dossier)`: what the counter stored, in its own field names."""

    id: str
    code: str | None
    outcome: Literal["received", "guidance", "refused", "redirected"]
    status: int | None = Field(ge=1, le=10)
    procedure_code: str = Field(pattern=r"^[0-9A-Za-z._-]{1,100}$")
    procedure_name: str = Field(min_length=1, max_length=2000)
    agency_code: str = Field(min_length=1, max_length=60)
    workstation: int = Field(ge=0, le=99)
    applicant: PersonIn
    submitter: PersonIn | None = None
    documents: list[DocumentIn] = Field(default_factory=list, max_length=200)
    channel: int = Field(ge=1, le=3)
    sets: int = Field(default=1, ge=1, le=1000)
    received_at: str
    due_at: str | None = None
    delivery: Literal["counter", "post"] = "counter"
    delivery_address: str = Field(default="", max_length=500)
    fees: list[FeeIn] = Field(default_factory=list, max_length=100)
    book_number: str = Field(default="", max_length=60)
    book_sequence: int | None = None
    postal_item: str = Field(default="", max_length=40)
    notes: str = Field(default="", max_length=4000)
    reason: str = Field(default="", max_length=4000)
    lookup_secret: str = Field(default="", max_length=64)
    missing: list[str] = Field(default_factory=list, max_length=200)  # guidance: items to bring
    created_by: str = Field(default="", max_length=200)
    updated_at: str | None = None


class DossierPayload(_Strict):
    """Payload of "received", "guidance", "refused" and "redirected" events."""

    dossier: DossierIn
    missing: list[str] | None = None  # guidance: mandatory items not brought
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=500)


class StatusPayload(_Strict):
    """Payload of "status_changed": TrangThaiHoSo before and after, with the note."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    from_: int | None = Field(alias="from", ge=1, le=10)
    to: int = Field(ge=1, le=10)
    note: str = Field(default="", max_length=4000)
    due_at: str | None = None  # optional: a new due date (e.g. set when accepting online)


class AttachmentsPayload(_Strict):
    """Payload of "attachments_added": scans added to a dossier after its reception."""

    attachments: list[AttachmentRef] = Field(min_length=1, max_length=500)


S10_PATTERN = r"^[A-Z]{2}[0-9]{9}[A-Z]{2}$"


class PostalAcceptedPayload(_Strict):
    """Payload of "postal_accepted": the dossier came by post (docs/postal.md)."""

    item: str = Field(pattern=S10_PATTERN)
    return_address: str = Field(min_length=1, max_length=500)


class ManifestItemIn(_Strict):
    dossier_id: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=80)
    item: str = Field(pattern=S10_PATTERN)


class ManifestIn(_Strict):
    code: str = Field(min_length=1, max_length=80)
    agency_code: str = Field(min_length=1, max_length=60)
    created_at: str = Field(min_length=1, max_length=40)
    items: list[ManifestItemIn] = Field(min_length=1, max_length=200)


class ManifestPayload(_Strict):
    """Payload of "manifest_created" (the event's dossier_id is the manifest's UUID)."""

    manifest: ManifestIn


class IntakeLineIn(_Strict):
    code: str = Field(min_length=1, max_length=80)
    decision: Literal["confirmed", "rejected"]
    discrepancy: Literal["none", "missing", "extra", "damaged"] = "none"
    note: str = Field(default="", max_length=500)


class IntakeIn(_Strict):
    manifest_code: str = Field(min_length=1, max_length=80)
    agency_code: str = Field(min_length=1, max_length=60)
    listed: bool
    taken_in_at: str = Field(min_length=1, max_length=40)
    lines: list[IntakeLineIn] = Field(min_length=1, max_length=400)


class IntakePayload(_Strict):
    """Payload of "manifest_taken_in" (the event's dossier_id is the intake's UUID)."""

    intake: IntakeIn


class ResultPostedPayload(_Strict):
    item: str = Field(pattern=S10_PATTERN)
    address: str = Field(min_length=1, max_length=500)


class ResultDeliveredPayload(_Strict):
    item: str = Field(pattern=S10_PATTERN)
class ReceiverIn(_Strict):
    full_name: str = Field(min_length=1, max_length=300)
    id_number: str = Field(min_length=1, max_length=40)
    id_kind: str = Field(default="cccd", max_length=20)
    is_applicant: bool


class AuthorisationIn(_Strict):
    number: str = Field(min_length=1, max_length=60)
    signed_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")


class ReturnedItemIn(_Strict):
    name: str = Field(min_length=1, max_length=500)
    quantity: int = Field(ge=1, le=1000)


class FeePaidIn(_Strict):
    amount: int = Field(ge=0, le=1_000_000_000_000)
    method: Literal["none", "cash", "transfer", "card"]


class ReturnPayload(_Strict):
    """Payload of "result_returned" (counter_app.domain.returns.ResultReturn): status 9 → 10
    with the receiver, the authorisation letter, what was handed over, fees and the rating."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    from_: int = Field(alias="from", ge=9, le=9)
    to: int = Field(ge=10, le=10)
    returned_at: str = Field(max_length=40)
    receiver: ReceiverIn
    authorisation: AuthorisationIn | None
    items: list[ReturnedItemIn] = Field(min_length=1, max_length=50)
    fee: FeePaidIn
    rating: Literal["satisfied", "acceptable", "not_satisfied"] | None
    note: str = Field(default="", max_length=1000)
    slip_number: str = Field(default="", max_length=100)


class NoticePayload(_Strict):
    """Payload of "notice_queued" (counter_app.store.notices): one message to one address."""

    notice_id: str = Field(min_length=36, max_length=36)
    kind: Literal["received", "supplement", "result_ready", "delay"]
    channel: Literal["sms", "email", "zalo"]
    to: str = Field(min_length=3, max_length=200)
    subject: str = Field(max_length=300)
    text: str = Field(min_length=1, max_length=4000)
    dossier_code: str = Field(max_length=60)


FORM_CODE_PATTERN = r"^\S(.*\S)?$"  # no blank at either end (the counter cleans its text)


class FormIn(_Strict):
    """A blank form of a procedure as the agency attached it (counter_app/services/forms.py)."""

    code: str = Field(min_length=1, max_length=200, pattern=FORM_CODE_PATTERN)
    name: str = Field(min_length=1, max_length=500)
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=1, le=512 * 1024 * 1024)


class DetachedFormIn(_Strict):
    code: str = Field(min_length=1, max_length=200, pattern=FORM_CODE_PATTERN)
    name: str = Field(default="", max_length=500)


class FormAttachedPayload(_Strict):
    """Payload of "form_attached": a PDF the agency offers for a procedure; the bytes are
    uploaded like a scan (§5). The event's dossier_id names the form's slot."""

    procedure: str = Field(pattern=r"^[0-9A-Za-z._-]{1,100}$")
    form: FormIn


class FormDetachedPayload(_Strict):
    """Payload of "form_detached": the agency no longer offers this form of the procedure."""

    procedure: str = Field(pattern=r"^[0-9A-Za-z._-]{1,100}$")
    form: DetachedFormIn


PAYLOADS: dict[str, type[_Strict]] = {
    "received": DossierPayload,
    "guidance": DossierPayload,
    "refused": DossierPayload,
    "redirected": DossierPayload,
    "status_changed": StatusPayload,
    "attachments_added": AttachmentsPayload,
    "postal_accepted": PostalAcceptedPayload,
    "manifest_created": ManifestPayload,
    "manifest_taken_in": IntakePayload,
    "result_posted": ResultPostedPayload,
    "result_delivered": ResultDeliveredPayload,
    "result_returned": ReturnPayload,
    "notice_queued": NoticePayload,
    "form_attached": FormAttachedPayload,
    "form_detached": FormDetachedPayload,
}

_PROBLEM_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
}


def problems(error: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors → [{"field": "dossier.applicant.full_name", "code": "missing"}, …]."""
    out: list[dict[str, Any]] = []
    for e in error.errors(include_url=False, include_input=False, include_context=False):
        field = ".".join(str(part) for part in e["loc"])
        kind = str(e["type"])
        code = _PROBLEM_CODES.get(kind, "invalid")
        item: dict[str, Any] = {"field": field, "code": code}
        if code == "invalid":
            item["detail"] = kind
        out.append(item)
    return out[:20]


class EventIn(_Strict):
    """One row of the counter's `dossier_events` log, as pushed (payload decoded)."""

    id: str = Field(min_length=1, max_length=64, description="client UUID of the event")
    dossier_id: str = Field(min_length=1, max_length=64, description="client UUID of the dossier")
    kind: str = Field(min_length=1, max_length=40,
                      description="received | guidance | refused | redirected | "
                                  "status_changed | attachments_added | postal_accepted | "
                                  "manifest_created | manifest_taken_in | result_posted | "
                                  "result_delivered | result_returned | notice_queued | "
                                  "form_attached | form_detached")
    at: str = Field(min_length=1, max_length=40, description="ISO local time, Asia/Ho_Chi_Minh")
    user: str = Field(max_length=200)
    workstation: int = Field(ge=0, le=99)
    payload: dict[str, Any]
