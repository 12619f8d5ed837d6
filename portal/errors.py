"""Typed portal errors: a stable code, an HTTP status and a one-line Vietnamese message."""

from __future__ import annotations

from typing import Any

# Vietnamese wording of every error code; `{name}` fields are filled from the error's params.
MESSAGES: dict[str, str] = {
    "agency_exists": "Đơn vị {agency} đã có.",
    "agency_not_found": "Không có đơn vị {agency}.",
    "agency_code_format": "Mã đơn vị không đúng dạng (ví dụ 000.00.06.H56): {agency}.",
    "range_size": "Cỡ dải số phải từ 1 đến 100000, nhận được {value}.",
    "enrolment_code_invalid": "Mã đăng ký máy không đúng hoặc đã được dùng.",
    "enrolment_code_expired": "Mã đăng ký máy đã hết hạn; xin quản trị viên cấp mã mới.",
    "workstation_taken": "Đơn vị đã có một máy đang dùng số quầy {workstation}.",
    "workstation_range": "Số quầy phải từ 1 đến 99, nhận được {workstation}.",
    "device_not_found": "Không tìm thấy máy cần thu hồi.",
    "unauthorized": "Thiếu mã truy cập của máy hoặc mã đã bị thu hồi; cần đăng ký lại máy.",
    "rate_limited": "Quá nhiều yêu cầu; thử lại sau {retry_after} giây.",
    "too_many_events": "Lô có {count} sự kiện, tối đa {limit}; hãy chia nhỏ lô.",
    "body_too_large": "Nội dung gửi lên quá lớn: tối đa {limit} byte.",
    "malformed_json": "Nội dung gửi lên không phải JSON hợp lệ.",
    "invalid_request": "Yêu cầu không hợp lệ: {detail}.",
    "invalid_cursor": "Con trỏ đồng bộ không hợp lệ.",
    "cursor_unknown": "Con trỏ đồng bộ không thuộc cổng này (cơ sở dữ liệu đã thay); "
    "hãy tải lại từ đầu.",
    "not_found": "Không tìm thấy.",
    "dossier_not_found": "Không tìm thấy hồ sơ {dossier}.",
    "apology_once": "Hồ sơ đã có phiếu xin lỗi và hẹn lại ngày trả kết quả; mỗi hồ sơ chỉ được "
    "hẹn lại một lần.",
    "invalid_transition": "Không thể chuyển hồ sơ từ trạng thái {current} sang {new}.",
    "status_not_back_office": "Bộ phận xử lý chỉ đặt được trạng thái 4 đến 9, nhận được {status}.",
    "note_required": "Cần ghi nội dung xử lý (--note).",
    "unknown_procedure": "Không có thủ tục {procedure} trong danh mục của cổng.",
    "catalogue_invalid": "Tệp danh mục {path} không hợp lệ: {detail}.",
    "calendar_invalid": "Tệp ngày nghỉ, ngày làm bù không hợp lệ: {detail}.",
    "file_unreadable": "Không đọc được tệp {path}.",
    "attachment_hash_format": "Mã băm SHA-256 phải gồm 64 ký tự 0-9a-f.",
    "content_range": "Thiếu hoặc sai tiêu đề Content-Range (dạng bytes 0-99/1000).",
    "chunk_length": "Độ dài phần gửi ({length} byte) khác với Content-Range ({expected} byte).",
    "offset_mismatch": "Cổng đang giữ {received} byte; phần gửi phải bắt đầu đúng từ byte đó "
    "(nhận được {offset}).",
    "size_mismatch": "Kích thước tệp khai báo ({size}) khác lần gửi trước ({expected}).",
    "attachment_too_large": "Tệp đính kèm quá lớn: tối đa {limit} byte.",
    "hash_mismatch": "Nội dung nhận đủ nhưng mã băm không khớp; phần đã nhận bị xóa, "
    "hãy gửi lại từ đầu.",
    "attachment_not_found": "Cổng không có tệp {sha256} của đơn vị để tải về (chỉ tải được "
    "mẫu tờ khai đã gửi đủ lên cổng).",
    "busy": "Cổng đang bận; thử lại sau.",
    "database_too_new": "Cơ sở dữ liệu thuộc phiên bản cổng mới hơn (lược đồ {found} > {known}).",
    "database_unreachable": "Không kết nối được cơ sở dữ liệu: {detail}.",
    "database_error": "Lỗi cơ sở dữ liệu ({detail}).",
    "bad_argument": "Tham số không hợp lệ: {detail}.",
    "internal": "Lỗi nội bộ của cổng.",
    "http_405": "Phương thức HTTP này không dùng được ở địa chỉ này.",
    "http_415": "Kiểu nội dung không được hỗ trợ.",
    # Per-event reasons of POST /api/v1/events.
    "invalid_id": "Trường {field} phải là một UUID.",
    "invalid_text": "Nội dung có ký tự không lưu được (NUL hoặc mã UTF-16 lẻ).",
    "unknown_kind": "Cổng chưa hỗ trợ loại sự kiện {kind}.",
    "bad_date": "Ngày giờ không hợp lệ ở trường {field}.",
    "invalid_payload": "Nội dung sự kiện không hợp lệ: {detail}.",
    "dossier_id_mismatch": "Mã UUID của hồ sơ trong nội dung khác với dossier_id của sự kiện.",
    "outcome_mismatch": "Kết quả ({outcome}) không khớp loại sự kiện ({kind}).",
    "code_required": "Hồ sơ được tiếp nhận phải có mã hồ sơ.",
    "code_format": "Mã hồ sơ không đúng dạng: {code}.",
    "wrong_agency": "Hồ sơ thuộc đơn vị {found}, không phải đơn vị của máy này ({agency}).",
    "code_outside_range": "Số {sequence} của mã hồ sơ nằm ngoài dải số của quầy {workstation} "
    "({first}–{last}); kiểm tra số quầy và cỡ dải số.",
    "lookup_secret_format": "Mã tra cứu phải gồm 6–64 ký tự A-Z, a-z, 0-9, _ hoặc -.",
    "status_required": "Hồ sơ được tiếp nhận phải có trạng thái.",
    "dossier_exists": "Hồ sơ này đã có ở cổng (do một sự kiện khác tạo).",
    "dossier_code_taken": "Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.",
    "event_conflict": "Cổng đã nhận sự kiện cùng mã nhưng nội dung khác.",
    # The post-office desk (portal/postal.py).
    "manifest_format": "Mã danh sách bàn giao không đúng dạng: {code}.",
    "manifest_not_yours": "Danh sách bàn giao {code} không mang mã đơn vị và số quầy của máy này.",
    "manifest_exists": "Danh sách bàn giao {code} đã có ở cổng (do một sự kiện khác tạo).",
    "manifest_taken_in": "Danh sách bàn giao {code} đã được nhận lúc {at}.",
    "result_already_posted": "Kết quả của hồ sơ này đã được ghi nhận gửi qua bưu chính.",
    "result_not_posted": "Kết quả của hồ sơ {dossier} chưa được ghi nhận gửi qua bưu chính.",
}


def message(code: str, /, **params: Any) -> str:
    """The Vietnamese sentence for `code`; missing params leave their braces visible."""
    template = MESSAGES.get(code, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class PortalError(Exception):
    """An expected failure with a stable `code`, an HTTP `status` and JSON-ready `params`."""

    def __init__(self, code: str, status: int = 400, /, **params: Any) -> None:
        self.code = code
        self.status = status
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        return message(self.code, **self.params)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.params:
            out["params"] = self.params
        return out


def not_found(code: str = "not_found", **params: Any) -> PortalError:
    return PortalError(code, 404, **params)
