"""Setting up the dossier's life after the receipt the way it really arrives: pulled pages."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from counter_app.domain.model import Dossier, Status
from counter_app.services.counter import Counter
from counter_app.sync.apply import Context, apply_page
from tests.conftest import AGENCY


def _ctx(counter: Counter) -> Context:
    return Context(AGENCY, counter.profile.workstation, counter.clock())


def portal_sets(counter: Counter, dossier: Dossier, status: Status, note: str = "",
                department: str = "Phòng Tư pháp", at: dt.datetime | None = None) -> None:
    """A back office's status record for `dossier`, applied as the sync engine applies it."""
    at = at or counter.clock()
    data = {"dossier_id": dossier.id, "MaHoSo": dossier.code or "", "TrangThai": str(int(status)),
            "NoiDungXuLy": note, "NguoiXuLy": "Trần Văn B", "PhongBanXuLy": department,
            "ThoiDiemXuLy": at.strftime("%Y%m%d%H%M%S"), "NgayKetThucTheoQuyDinh": ""}
    apply_page(counter.conn, [{"seq": 1, "kind": "status", "key": dossier.id, "data": data}],
               "c", _ctx(counter))


def online_dossier(counter: Counter, submitted: dt.datetime | None = None,
                   name: str = "Lê Văn Tâm") -> Dossier:
    """A dossier submitted at the portal (status 1), as a pulled `dossier` change brings it."""
    dossier_id = str(uuid.uuid4())
    submitted = submitted or counter.clock() - dt.timedelta(hours=20)
    data: dict[str, Any] = {
        "id": dossier_id, "MaHoSo": f"{AGENCY}-{submitted:%y%m%d}-99001", "MaTTHC": "1.001193",
        "TenTTHC": "Thủ tục đăng ký khai sinh", "ChuHoSo": name,
        "SoGiayToChuHoSo": "001085012345", "SoDienThoai": "0912345678",
        "NgayTiepNhan": submitted.strftime("%Y%m%d%H%M%S"), "NgayHenTra": "",
        "TrangThaiHoSo": "1", "KenhThucHien": "2", "HinhThuc": "0",
        "TaiLieuNop": [{"TenTepDinhKem": "Tờ khai đăng ký khai sinh theo mẫu", "SoBanChinh": 1}],
    }
    apply_page(counter.conn, [{"seq": 1, "kind": "dossier", "key": dossier_id, "data": data}],
               "c", _ctx(counter))
    return counter.get_by_id(dossier_id)
