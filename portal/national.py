"""The national portal's records: DongBoHoSoMC (dossier) and CapNhatTienDoHoSoMC (progress).

Field names and value shapes follow the national service as public integrations send it
(OpenCPS, TD.DichVuCongApi): codes as strings ("2"), dates as `yyyyMMddHHmmss` (Vietnam time),
"" for no date. Fields we add beyond those lists are marked in docs/sync-protocol.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .payloads import DossierIn, PersonIn
from .timefmt import national, parse_local

STATUS_NAMES: dict[int, str] = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}

HINH_THUC = {"counter": "0", "post": "1"}  # HinhThuc: where the result is returned


def _time(text: str | None) -> str:
    return national(parse_local(text)) if text else ""


def _person(p: PersonIn | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"HoTen": p.full_name, "SoGiayTo": p.id_number, "LoaiGiayTo": p.id_kind,
            "NgaySinh": p.birth_date or "", "GioiTinh": p.gender, "SoDienThoai": p.phone,
            "Email": p.email, "DiaChi": p.address}


def dossier_record(d: DossierIn, *, agency_name: str, field: dict[str, str] | None = None,
                   attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """DongBoHoSoMC for a dossier as the counter sent it."""
    field = field or {}
    a = d.applicant
    return {
        "MaHoSo": d.code or "",
        "MaTTHC": d.procedure_code,
        "TenTTHC": d.procedure_name,
        "MaLinhVuc": field.get("code", ""),
        "TenLinhVuc": field.get("name", ""),
        "ChuHoSo": a.full_name,
        "LoaiDoiTuong": "1",  # 1 công dân; organisations are not received at the counter yet
        "SoGiayToChuHoSo": a.id_number,
        "Email": a.email,
        "SoDienThoai": a.phone,
        "DiaChiChuHoSo": a.address,
        "TrichYeuHoSo": d.procedure_name,
        "NgayTiepNhan": _time(d.received_at),
        "NgayHenTra": _time(d.due_at),
        "TrangThaiHoSo": str(d.status) if d.status is not None else "",
        "NgayTra": "",
        "NgayKetThucXuLy": "",
        "HinhThuc": HINH_THUC[d.delivery],
        "KenhThucHien": str(d.channel),
        "DonViXuLy": agency_name,
        "GhiChu": d.notes,
        "TaiLieuNop": [
            {
                "TenTepDinhKem": x.name,
                "SoBanChinh": x.original,
                "SoBanSao": x.certified_copy,
                "SoBanPhoto": x.photocopy,
                "BatBuoc": x.mandatory,
            }
            for x in d.documents
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": f.name, "Gia": f.amount, "DaThu": f.paid} for f in d.fees
        ],
        "DanhSachTepDinhKemKhac": attachments or [],
        "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
        "NguoiNop": _person(d.submitter),
        "SoLuongBo": d.sets,
        "QuyenSo": d.book_number,
        "SoThuTu": d.book_sequence,
        "SoHieuBuuGui": d.postal_item,
        "DiaChiNhanKetQua": d.delivery_address,
        "LyDo": d.reason,
    }


def attachment_entry(sha256: str, name: str, size: int) -> dict[str, Any]:
    return {"TenGiayTo": name, "SoLuong": 1, "LoaiGiayTo": "", "MaBam": sha256,
            "KichThuoc": size}


def progress_record(*, code: str, status: int | None, at: dt.datetime, note: str, by: str,
                    department: str = "", due: str = "") -> dict[str, Any]:
    """CapNhatTienDoHoSoMC."""
    return {
        "MaHoSo": code,
        "NguoiXuLy": by,
        "ChucDanh": "",
        "ThoiDiemXuLy": national(at),
        "PhongBanXuLy": department,
        "NoiDungXuLy": note,
        "TrangThai": str(status) if status is not None else "",
        "NgayBatDau": national(at),
        "NgayKetThucTheoQuyDinh": due,
    }
