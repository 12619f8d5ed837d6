"""Names of things as domain sentences name them: fields, printed forms, follow-ups, statuses,
outcomes. Marked for Qt Linguist in the "messages" context, like the sentences in
counter_app/messages.py, which fills them in."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for Qt Linguist; returns it unchanged (no Qt here)."""
    return source


FIELDS: dict[str, str] = {
    "procedure_code": QT_TRANSLATE_NOOP("messages", "Thủ tục"),
    "applicant": QT_TRANSLATE_NOOP("messages", "Chủ hồ sơ"),
    "submitter": QT_TRANSLATE_NOOP("messages", "Người nộp"),
    "full_name": QT_TRANSLATE_NOOP("messages", "họ và tên"),
    "id_number": QT_TRANSLATE_NOOP("messages", "số giấy tờ tùy thân"),
    "id_kind": QT_TRANSLATE_NOOP("messages", "loại giấy tờ"),
    "birth_date": QT_TRANSLATE_NOOP("messages", "ngày sinh"),
    "gender": QT_TRANSLATE_NOOP("messages", "giới tính"),
    "phone": QT_TRANSLATE_NOOP("messages", "số điện thoại"),
    "email": QT_TRANSLATE_NOOP("messages", "thư điện tử"),
    "address": QT_TRANSLATE_NOOP("messages", "địa chỉ"),
    "documents": QT_TRANSLATE_NOOP("messages", "Thành phần hồ sơ"),
    "sets": QT_TRANSLATE_NOOP("messages", "Số bộ hồ sơ"),
    "received_at": QT_TRANSLATE_NOOP("messages", "Thời điểm tiếp nhận"),
    "delivery": QT_TRANSLATE_NOOP("messages", "Hình thức nhận kết quả"),
    "delivery_address": QT_TRANSLATE_NOOP("messages", "Địa chỉ nhận kết quả"),
    "postal_item": QT_TRANSLATE_NOOP("messages", "Số hiệu bưu gửi"),
    "channel": QT_TRANSLATE_NOOP("messages", "Kênh tiếp nhận"),
    "reason": QT_TRANSLATE_NOOP("messages", "Lý do"),
    "fees": QT_TRANSLATE_NOOP("messages", "Phí, lệ phí"),
    "agency_code": QT_TRANSLATE_NOOP("messages", "Mã cơ quan"),
    "agency_name": QT_TRANSLATE_NOOP("messages", "Tên cơ quan"),
    "workstation": QT_TRANSLATE_NOOP("messages", "Số máy trạm"),
    "working_hours": QT_TRANSLATE_NOOP("messages", "Giờ làm việc"),
    "range_size": QT_TRANSLATE_NOOP("messages", "Số mã mỗi máy trạm"),
    "label_size": QT_TRANSLATE_NOOP("messages", "Khổ nhãn"),
    "new_date": QT_TRANSLATE_NOOP("messages", "Ngày hẹn trả mới"),
    "end": QT_TRANSLATE_NOOP("messages", "Khoảng ngày"),
    "attachments": QT_TRANSLATE_NOOP("messages", "Bản quét"),
    # Accounts (services/accounts.py)
    "username": QT_TRANSLATE_NOOP("messages", "Tên đăng nhập"),
    "password": QT_TRANSLATE_NOOP("messages", "Mật khẩu"),
    "current_password": QT_TRANSLATE_NOOP("messages", "Mật khẩu hiện tại"),
    "role": QT_TRANSLATE_NOOP("messages", "Vai trò"),
    "portal_url": QT_TRANSLATE_NOOP("messages", "Địa chỉ cổng dịch vụ công"),
    # The post-office desk (services/postal.py)
    "return_address": QT_TRANSLATE_NOOP("messages", "Địa chỉ hoàn trả"),
    "manifest_code": QT_TRANSLATE_NOOP("messages", "Mã danh sách bàn giao"),
    "lines": QT_TRANSLATE_NOOP("messages", "Danh sách hồ sơ"),
    "item": QT_TRANSLATE_NOOP("messages", "Số hiệu bưu gửi"),
    "decision": QT_TRANSLATE_NOOP("messages", "xác nhận"),
    "note": QT_TRANSLATE_NOOP("messages", "ghi chú"),
    # Return of results (services/returns.py)
    "receiver": QT_TRANSLATE_NOOP("messages", "Người nhận kết quả"),
    "authorisation": QT_TRANSLATE_NOOP("messages", "Giấy ủy quyền"),
    "number": QT_TRANSLATE_NOOP("messages", "số"),
    "signed_on": QT_TRANSLATE_NOOP("messages", "ngày ký"),
    "items": QT_TRANSLATE_NOOP("messages", "Giấy tờ kết quả"),
    "name": QT_TRANSLATE_NOOP("messages", "tên"),
    "quantity": QT_TRANSLATE_NOOP("messages", "số lượng"),
    "fee": QT_TRANSLATE_NOOP("messages", "Phí, lệ phí đã thu"),
    "payment": QT_TRANSLATE_NOOP("messages", "Hình thức thanh toán"),
}

# Printed forms and outcomes as they are named in messages about printing.
FORMS: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("messages", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"),
    "supplement": QT_TRANSLATE_NOOP("messages", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
    "refusal": QT_TRANSLATE_NOOP("messages", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
    "apology": QT_TRANSLATE_NOOP("messages", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
    "control": QT_TRANSLATE_NOOP("messages", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"),
    "label": QT_TRANSLATE_NOOP("messages", "nhãn hồ sơ"),
    "withdrawal": QT_TRANSLATE_NOOP("messages", "Phiếu xác nhận rút hồ sơ"),
}
# What a follow-up of the dossier is called in a refusal (services/followup.py).
ACTIONS: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("messages", "tiếp nhận hồ sơ nộp trực tuyến"),
    "supplement": QT_TRANSLATE_NOOP("messages", "ghi nhận bổ sung hồ sơ"),
    "apology": QT_TRANSLATE_NOOP("messages", "lập phiếu xin lỗi, hẹn lại ngày trả"),
    "withdraw": QT_TRANSLATE_NOOP("messages", "rút hồ sơ"),
}
STATUSES: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("messages", "Mới đăng ký"),
    2: QT_TRANSLATE_NOOP("messages", "Được tiếp nhận"),
    3: QT_TRANSLATE_NOOP("messages", "Không được tiếp nhận"),
    4: QT_TRANSLATE_NOOP("messages", "Đang xử lý"),
    5: QT_TRANSLATE_NOOP("messages", "Yêu cầu bổ sung giấy tờ"),
    6: QT_TRANSLATE_NOOP("messages", "Yêu cầu thực hiện nghĩa vụ tài chính"),
    7: QT_TRANSLATE_NOOP("messages", "Công dân yêu cầu rút hồ sơ"),
    8: QT_TRANSLATE_NOOP("messages", "Dừng xử lý"),
    9: QT_TRANSLATE_NOOP("messages", "Đã xử lý xong"),
    10: QT_TRANSLATE_NOOP("messages", "Đã trả kết quả"),
}
OUTCOMES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("messages", "hồ sơ đã được tiếp nhận"),
    "guidance": QT_TRANSLATE_NOOP("messages", "hồ sơ chưa đầy đủ, đã được hướng dẫn bổ sung"),
    "refused": QT_TRANSLATE_NOOP("messages", "hồ sơ bị từ chối tiếp nhận"),
    "redirected": QT_TRANSLATE_NOOP("messages", "hồ sơ được hướng dẫn sang cơ quan khác"),
}
