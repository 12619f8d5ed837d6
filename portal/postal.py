"""The post-office desk at the portal: postal receptions, manifests and their intake (which
meet by code, in whichever order they arrive), results by post; what the listing shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select, update

from . import schema as s
from .db import Database
from .payloads import (
    IntakePayload,
    ManifestPayload,
    PostalAcceptedPayload,
    ResultDeliveredPayload,
    ResultPostedPayload,
)
from .timefmt import iso
from .validate import Prepared, Rejected


class PostalConflict(Exception):
    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def _manifest(conn: Connection, code: str) -> Any:
    return conn.execute(select(s.manifests).where(s.manifests.c.code == code)).first()


def _line(conn: Connection, manifest: str, code: str) -> Any:
    return conn.execute(select(s.manifest_lines).where(
        s.manifest_lines.c.manifest_code == manifest,
        s.manifest_lines.c.dossier_code == code)).first()


def apply(db: Database, conn: Connection, p: Prepared, agency: str, device_id: str,
          dossier_exists: Callable[[str], bool]) -> None:
    """Write what one checked postal event says; Rejected or PostalConflict before writing."""
    payload = p.payload
    e = p.event
    if isinstance(payload, PostalAcceptedPayload):
        if not dossier_exists(e.dossier_id):
            raise Rejected("dossier_not_found", dossier=e.dossier_id)
        db.insert_if_absent(conn, s.postal_receptions, {
            "dossier_id": e.dossier_id, "agency_code": agency, "item": payload.item,
            "return_address": payload.return_address, "accepted_at": e.at})
    elif isinstance(payload, ManifestPayload):
        _manifest_created(conn, p, payload, agency, device_id)
    elif isinstance(payload, IntakePayload):
        _taken_in(conn, p, payload, agency, device_id)
    elif isinstance(payload, ResultPostedPayload):
        if not dossier_exists(e.dossier_id):
            raise Rejected("dossier_not_found", dossier=e.dossier_id)
        if not db.insert_if_absent(conn, s.result_posts, {
                "dossier_id": e.dossier_id, "agency_code": agency, "item": payload.item,
                "address": payload.address, "dispatched_at": e.at}):
            raise PostalConflict("result_already_posted")
    elif isinstance(payload, ResultDeliveredPayload):
        found = conn.execute(update(s.result_posts).where(
            s.result_posts.c.dossier_id == e.dossier_id, s.result_posts.c.agency_code == agency,
            s.result_posts.c.delivered_at.is_(None)).values(delivered_at=e.at))
        if found.rowcount != 1:
            raise Rejected("result_not_posted", dossier=e.dossier_id)


def _manifest_created(conn: Connection, p: Prepared, payload: ManifestPayload, agency: str,
                      device_id: str) -> None:
    m = payload.manifest
    code = p.code or ""
    row = _manifest(conn, code)
    if row is not None and row.id is not None:
        raise PostalConflict("manifest_exists", code=code)
    if row is not None and row.agency_code != agency:
        raise Rejected("wrong_agency", found=row.agency_code, agency=agency)
    values = {"id": p.event.dossier_id, "origin_device_id": device_id,
              "created_at": iso(p.extra["created_at"]), "created_by": p.event.user,
              "item_count": len(m.items)}
    if row is None:
        conn.execute(s.manifests.insert().values(code=code, agency_code=agency, **values))
    else:
        conn.execute(update(s.manifests).where(s.manifests.c.code == code).values(**values))
    for position, (item, dossier_code) in enumerate(zip(m.items, p.extra["codes"],
                                                        strict=True), start=1):
        line = {"dossier_id": item.dossier_id, "item": item.item, "position": position}
        if _line(conn, code, dossier_code) is None:
            conn.execute(s.manifest_lines.insert().values(
                manifest_code=code, dossier_code=dossier_code, note="", **line))
        else:
            conn.execute(update(s.manifest_lines).where(
                s.manifest_lines.c.manifest_code == code,
                s.manifest_lines.c.dossier_code == dossier_code).values(**line))


def _taken_in(conn: Connection, p: Prepared, payload: IntakePayload, agency: str,
              device_id: str) -> None:
    t = payload.intake
    code = p.code or ""
    row = _manifest(conn, code)
    if row is not None and row.intake_id is not None:
        raise PostalConflict("manifest_taken_in", code=code, at=row.taken_in_at)
    if row is not None and row.agency_code != agency:
        raise Rejected("wrong_agency", found=row.agency_code, agency=agency)
    values = {"intake_id": p.event.dossier_id, "intake_device_id": device_id,
              "taken_in_at": iso(p.extra["taken_in_at"]), "taken_in_by": p.event.user,
              "listed": int(t.listed)}
    if row is None:
        conn.execute(s.manifests.insert().values(code=code, agency_code=agency, **values))
    else:
        conn.execute(update(s.manifests).where(s.manifests.c.code == code).values(**values))
    for x, dossier_code in zip(t.lines, p.extra["codes"], strict=True):
        decided = {"decision": x.decision, "discrepancy": x.discrepancy, "note": x.note}
        if _line(conn, code, dossier_code) is None:
            conn.execute(s.manifest_lines.insert().values(
                manifest_code=code, dossier_code=dossier_code, **decided))
        else:
            conn.execute(update(s.manifest_lines).where(
                s.manifest_lines.c.manifest_code == code,
                s.manifest_lines.c.dossier_code == dossier_code).values(**decided))


# ----- what the agency's listing shows ---------------------------------------------------


def _hand_over(line: Any, manifest: Any) -> dict[str, Any]:
    """One dossier's hand-over: when it left the post office, when the agency took it in,
    what the clerk decided and what did not match (missing/extra computed when both sides
    are known)."""
    taken = manifest.taken_in_at is not None
    decision = line.decision if line.decision else ("rejected" if taken else None)
    discrepancy = line.discrepancy or ("missing" if taken else None)
    if (taken and manifest.created_at is not None and line.position is None
            and discrepancy == "none"):
        discrepancy = "extra"
    return {"MaDanhSach": manifest.code, "ThoiDiemBanGiao": manifest.created_at,
            "NguoiGiao": manifest.created_by, "ThoiDiemNhan": manifest.taken_in_at,
            "NguoiNhan": manifest.taken_in_by, "KetQua": decision, "SaiLech": discrepancy,
            "GhiChu": line.note or ""}


def annotate(conn: Connection, agency: str, listing: list[dict[str, Any]]) -> None:
    """Add `BanGiaoBuuChinh`, `BuuGuiDen` and `KetQuaBuuChinh` to the dossiers that have them."""
    codes = [d.get("MaHoSo") for d in listing if d.get("MaHoSo")]
    ids = [d["id"] for d in listing]
    lines: dict[str, dict[str, Any]] = {}
    for i in range(0, len(codes), 500):
        rows = conn.execute(
            select(s.manifest_lines, s.manifests)
            .join(s.manifests, s.manifests.c.code == s.manifest_lines.c.manifest_code)
            .where(s.manifest_lines.c.dossier_code.in_(codes[i:i + 500]),
                   s.manifests.c.agency_code == agency)).all()
        for r in rows:
            lines[r.dossier_code] = _hand_over(r, r)
    received: dict[str, Any] = {}
    posted: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in conn.execute(select(s.postal_receptions).where(
                s.postal_receptions.c.dossier_id.in_(chunk))):
            received[r.dossier_id] = {"SoHieuBuuGui": r.item, "ThoiDiemNhan": r.accepted_at,
                                      "DiaChiHoanTra": r.return_address}
        for r in conn.execute(select(s.result_posts).where(
                s.result_posts.c.dossier_id.in_(chunk))):
            posted[r.dossier_id] = {"SoHieuBuuGui": r.item, "DiaChi": r.address,
                                    "ThoiDiemGui": r.dispatched_at,
                                    "ThoiDiemPhat": r.delivered_at}
    for d in listing:
        if d.get("MaHoSo") in lines:
            d["BanGiaoBuuChinh"] = lines[d["MaHoSo"]]
        if d["id"] in received:
            d["BuuGuiDen"] = received[d["id"]]
        if d["id"] in posted:
            d["KetQuaBuuChinh"] = posted[d["id"]]


def manifests_for_agency(db: Database, agency: str) -> list[dict[str, Any]]:
    """Every manifest for the agency with its lines (the `manifests` command)."""
    with db.read() as conn:
        out = []
        for m in conn.execute(select(s.manifests).where(s.manifests.c.agency_code == agency)
                              .order_by(s.manifests.c.code)).all():
            rows = conn.execute(select(s.manifest_lines).where(
                s.manifest_lines.c.manifest_code == m.code)
                .order_by(s.manifest_lines.c.position, s.manifest_lines.c.dossier_code)).all()
            out.append({"MaDanhSach": m.code, "ThoiDiemBanGiao": m.created_at,
                        "ThoiDiemNhan": m.taken_in_at, "SoHoSo": m.item_count,
                        "HoSo": [{"MaHoSo": r.dossier_code, **{
                            k: v for k, v in _hand_over(r, m).items()
                            if k in ("KetQua", "SaiLech", "GhiChu")}} for r in rows]})
    return out
