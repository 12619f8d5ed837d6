"""The workstation profile: every setting declared once with its type and default."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..domain.codes import DEFAULT_RANGE_SIZE

PREFIX = "profile."


@dataclass(frozen=True)
class Profile:
    """Who this workstation is. Stored as `profile.<field>` rows of the settings table."""

    agency_code: str = ""  # mã cơ quan tiếp nhận, e.g. "000.00.06.H56"
    agency_name: str = ""  # e.g. "Bộ phận Một cửa UBND xã Tân Phú"
    workstation: int = 0  # 1..99, unique within the agency
    governing_body: str = ""  # cơ quan chủ quản, printed top left
    place_name: str = ""  # địa danh: "…, ngày … tháng … năm …"
    range_size: int = DEFAULT_RANGE_SIZE  # daily dossier numbers per workstation (agency-wide)
    working_hours: str = "07:00-11:30,13:30-17:00"
    portal_url: str = ""  # empty: work offline only
    sync_interval_minutes: int = 5  # background sync in the app (0: only on "Sync now")
    sync_timeout_seconds: int = 30  # read timeout of one request to the portal
    book_prefix: str = ""  # Quyển số prefix; the year and workstation are appended
    # Printing (counter_app/printing): what the forms say, never hard-coded there.
    print_header: str = ""  # top-left header lines, one per line; empty: governing_body/agency_name
    receiver_title: str = "NGƯỜI TIẾP NHẬN HỒ SƠ"  # signs Mẫu 01 and Mẫu 03
    guide_title: str = "NGƯỜI HƯỚNG DẪN"  # signs Mẫu 02
    head_title: str = "THỦ TRƯỞNG CƠ QUAN"  # signs Mẫu 04, e.g. "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    receipt_footnote: str = (
        "Khi nhận kết quả, mang theo Giấy tiếp nhận này và giấy tờ tùy thân; "
        "người nhận thay phải có giấy ủy quyền."
    )
    hotline: str = ""  # đường dây nóng, printed on Mẫu 01 and Mẫu 02
    lookup_base_url: str = ""  # base of the receipt's QR lookup URL; empty: portal_url
    label_size: str = "50x30"  # folder labels, width x height in mm (e.g. "62x29")
    a4_printer: str = ""  # printer name for A4 forms; "" asks (ui/printers.py), none → PDF
    label_printer: str = ""  # printer name for folder labels
    # Messages to citizens (domain/notices.py): "sms,email,zalo" or a part; "" sends none
    notice_channels: str = ""

    @property
    def is_set_up(self) -> bool:
        return bool(self.agency_code and self.workstation)

    def to_settings(self) -> dict[str, str]:
        return {PREFIX + f.name: str(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_settings(cls, values: dict[str, str]) -> Profile:
        kwargs: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = values.get(PREFIX + f.name)
            if raw is None:
                continue
            kwargs[f.name] = int(raw) if f.type in (int, "int") else raw
        return cls(**kwargs)  # type: ignore[arg-type]

    @property
    def lookup_base(self) -> str:
        """Where the receipt's QR points: lookup_base_url, else the portal; "" means no QR."""
        return (self.lookup_base_url or self.portal_url).strip()

    @property
    def header_lines(self) -> tuple[str, ...]:
        """Top-left header of the forms: print_header's lines, else governing body over unit."""
        lines = [ln.strip() for ln in self.print_header.splitlines() if ln.strip()]
        if not lines:
            lines = [t for t in (self.governing_body.strip(), self.agency_name.strip()) if t]
        return tuple(lines)

    def book_number(self, year: int) -> str:
        """Quyển số: one tracking book per workstation per year, e.g. "01/2026"."""
        return f"{self.book_prefix}{self.workstation:02d}/{year}"


def default_data_dir() -> Path:
    """Per-user data directory (QMC_DATA_DIR overrides it)."""
    env = os.environ.get("QMC_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "QuayMotCua"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "QuayMotCua"
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "quay-mot-cua"
