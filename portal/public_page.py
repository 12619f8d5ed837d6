"""The public status page (tra cứu hồ sơ) in Vietnamese: status and dates, initials only."""

from __future__ import annotations

from html import escape
from typing import Any

from .timefmt import clock_text, day_text, from_national

_STYLE = """
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f4f6f8;
color:#1d2733}main{max-width:36rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;
border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.3rem;margin-top:0}
dt{font-weight:600;margin-top:.8rem}dd{margin:.2rem 0 0}.status{font-size:1.15rem;
color:#0b5394}footer{margin-top:1.5rem;font-size:.85rem;color:#5f6b77}
"""


def _when(text: str) -> str:
    t = from_national(text) if text else None
    if t is None:
        return ""
    return f"{clock_text(t)}, ngày {day_text(t)}"


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def status_page(view: dict[str, Any]) -> str:
    due = _when(view["NgayHenTra"]) or "Không có ngày hẹn trả cụ thể"
    rows = [
        ("Mã hồ sơ", view["MaHoSo"]),
        ("Thủ tục", view["TenTTHC"]),
        ("Người nộp", view["ChuHoSo"]),
        ("Ngày tiếp nhận", _when(view["NgayTiepNhan"])),
        ("Ngày hẹn trả kết quả", due),
    ]
    if view["NgayTra"]:
        rows.append(("Ngày trả kết quả", _when(view["NgayTra"])))
    if view["DonViXuLy"]:
        rows.append(("Nơi tiếp nhận", view["DonViXuLy"]))
    items = "\n".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    body = (
        "<h1>Tra cứu tình trạng hồ sơ</h1>\n"
        f"<p class=\"status\">Trạng thái: <strong>{escape(view['TenTrangThai'])}</strong></p>\n"
        f"<dl>\n{items}\n</dl>\n"
        "<footer>Thông tin chỉ để tham khảo; khi nhận kết quả xin mang theo giấy tiếp nhận "
        "hồ sơ và giấy tờ tùy thân.</footer>"
    )
    return _page(f"Hồ sơ {view['MaHoSo']}", body)


def not_found_page() -> str:
    body = (
        "<h1>Không tìm thấy hồ sơ</h1>\n"
        "<p>Không tìm thấy hồ sơ theo đường dẫn này. Xin kiểm tra lại mã QR hoặc đường dẫn in "
        "trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>"
    )
    return _page("Không tìm thấy hồ sơ", body)
