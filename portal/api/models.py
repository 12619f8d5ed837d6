"""Request and response bodies of the HTTP API (what OpenAPI at /docs publishes)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..payloads import EventIn


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class EnrolRequest(_Strict):
    code: str = Field(min_length=1, max_length=64, description="one-time enrolment code")
    workstation: int = Field(description="workstation number 1–99, distinct in the agency")
    device_name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


class EnrolResponse(_Model):
    token: str = Field(description="device token; send as `Authorization: Bearer …`")
    device_id: str
    agency_code: str
    agency_name: str
    range_size: int = Field(description="numbers per workstation per day (codes.py)")
    workstation: int
    today: str = Field(description="the portal's date, YYYY-MM-DD")
    highest_sequence: int = Field(
        description="the highest daily sequence of this workstation's range among the "
        "agency's codes of `today` (0: none); a replacement PC numbers above it")


class DeviceInfo(_Model):
    device_id: str
    device_name: str
    agency_code: str
    agency_name: str
    range_size: int
    workstation: int


class PushRequest(_Strict):
    events: list[EventIn]


class Problem(_Model):
    field: str
    code: str
    detail: str | None = None


class EventResult(_Model):
    id: str
    result: Literal["applied", "duplicate", "conflict", "rejected"]
    reason: str | None = Field(default=None, description="stable code, e.g. wrong_agency")
    message: str | None = Field(default=None, description="Vietnamese sentence for people")
    params: dict[str, Any] | None = None
    problems: list[Problem] | None = None


class PushResponse(_Model):
    results: list[EventResult] = Field(description="one per event, in request order")
    applied: int
    duplicate: int
    conflict: int
    rejected: int


class ChangeItem(_Model):
    seq: int
    kind: Literal["procedure", "calendar_exception", "calendar_exception_removed", "status",
                  "dossier", "notice", "agency_form"]
    key: str
    at: str
    data: dict[str, Any]


class ChangesResponse(_Model):
    changes: list[ChangeItem]
    next_cursor: str = Field(description="opaque; send back as ?cursor= on the next pull")
    more: bool = Field(description="true: pull again at once, another page is waiting")


class UploadState(_Model):
    sha256: str
    received: int = Field(description="bytes the portal holds; the next chunk starts here")
    size: int | None = Field(description="total size declared by the first chunk")
    complete: bool


class ErrorBody(_Model):
    error: str
    message: str
    params: dict[str, Any] | None = None
    detail: list[dict[str, Any]] | None = None


class PublicStatus(_Model):
    MaHoSo: str
    TenTTHC: str
    ChuHoSo: str = Field(description="initials only, e.g. N.T.H.")
    TrangThaiHoSo: str
    TenTrangThai: str
    NgayTiepNhan: str
    NgayHenTra: str
    NgayTra: str
    DonViXuLy: str


class Health(_Model):
    status: str
    version: str
    schema_version: int
