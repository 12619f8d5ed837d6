"""Vietnamese sentences for the problem codes of the domain, for the command line.

The Qt interface translates the same codes through Qt Linguist; this table is the
reference Vietnamese wording and the fallback where Qt is not loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .domain.errors import DomainError, FieldProblem, ValidationFailed

FIELDS: dict[str, str] = {
    "procedure_code": "Thủ tục",
    "applicant": "Chủ hồ sơ",
    "submitter": "Người nộp",
    "full_name": "họ và tên",
    "id_number": "số giấy tờ tùy thân",
    "id_kind": "loại giấy tờ",
    "birth_date": "ngày sinh",
    "gender": "giới tính",
    "phone": "số điện thoại",
    "email": "thư điện tử",
    "address": "địa chỉ",
    "documents": "Thành phần hồ sơ",
    "sets": "Số bộ hồ sơ",
    "received_at": "Thời điểm tiếp nhận",
    "delivery": "Hình thức nhận kết quả",
    "delivery_address": "Địa chỉ nhận kết quả",
    "postal_item": "Số hiệu bưu gửi",
    "channel": "Kênh tiếp nhận",
    "reason": "Lý do",
    "fees": "Phí, lệ phí",
    "agency_code": "Mã cơ quan",
    "agency_name": "Tên cơ quan",
    "workstation": "Số máy trạm",
    "working_hours": "Giờ làm việc",
    "range_size": "Số mã mỗi máy trạm",
    "label_size": "Khổ nhãn",
    "new_date": "Ngày hẹn trả mới",
    "end": "Khoảng ngày",
    "attachments": "Bản quét",
    # Accounts (services/accounts.py)
    "username": "Tên đăng nhập",
    "password": "Mật khẩu",
    "current_password": "Mật khẩu hiện tại",
    "role": "Vai trò",
    "portal_url": "Địa chỉ cổng dịch vụ công",
}

# Printed forms and outcomes as they are named in messages about printing.
FORMS: dict[str, str] = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)",
    "label": "nhãn hồ sơ",
}
# What a follow-up of the dossier is called in a refusal (services/followup.py).
ACTIONS: dict[str, str] = {
    "accept": "tiếp nhận hồ sơ nộp trực tuyến",
    "supplement": "ghi nhận bổ sung hồ sơ",
    "apology": "lập phiếu xin lỗi, hẹn lại ngày trả",
    "withdraw": "rút hồ sơ",
}
STATUSES: dict[int, str] = {
    1: "Mới đăng ký", 2: "Được tiếp nhận", 3: "Không được tiếp nhận", 4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ", 6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ", 8: "Dừng xử lý", 9: "Đã xử lý xong", 10: "Đã trả kết quả",
}
OUTCOMES: dict[str, str] = {
    "received": "hồ sơ đã được tiếp nhận",
    "guidance": "hồ sơ chưa đầy đủ, đã được hướng dẫn bổ sung",
    "refused": "hồ sơ bị từ chối tiếp nhận",
    "redirected": "hồ sơ được hướng dẫn sang cơ quan khác",
}

TEXTS: dict[str, str] = {
    "required": "chưa nhập",
    "too_long": "quá dài (tối đa {max} ký tự)",
    "name.digits": "họ tên không được chứa chữ số",
    "type.text": "phải là chuỗi ký tự",
    "type.integer": "phải là số nguyên",
    "type.object": "phải là một đối tượng JSON",
    "type.list": "phải là một danh sách",
    "field.unknown": "trường không được hỗ trợ",
    "enum": "giá trị không hợp lệ (chấp nhận: {allowed})",
    "date.format": "ngày không đúng dạng YYYY-MM-DD",
    "datetime.format": "{field} {value}: thời điểm không đúng dạng ISO 8601 "
    "(vd. 2026-11-20T09:32)",
    "datetime.offset": "thời điểm phải là giờ Việt Nam, không kèm múi giờ",
    "id.empty": "chưa nhập số giấy tờ",
    "id.length": "số giấy tờ phải có từ 3 đến 30 ký tự",
    "cccd.not_digits": "số CCCD chỉ gồm chữ số",
    "cccd.length": "số CCCD phải có đúng 12 chữ số",
    "cccd.province": "3 chữ số đầu của số CCCD không phải mã tỉnh nơi đăng ký khai sinh",
    "cccd.century": "chữ số thứ 4 của số CCCD (thế kỷ, giới tính) không hợp lệ",
    "cccd.birth_year": "số CCCD không khớp với năm sinh",
    "cccd.gender": "số CCCD không khớp với giới tính",
    "cmnd.not_digits": "số CMND chỉ gồm chữ số",
    "cmnd.length": "số CMND phải có đúng 9 chữ số",
    "passport.format": "số hộ chiếu phải gồm 1–2 chữ cái và 7 chữ số, vd. C1234567",
    "phone.not_digits": "chỉ gồm chữ số",
    "phone.length": "số di động có 10 chữ số, số cố định có 11 chữ số",
    "phone.prefix": "đầu số không có ở Việt Nam",
    "email.format": "không đúng dạng (vd. ten@example.vn)",
    "agency_code.empty": "chưa nhập",
    "agency_code.format": "không đúng dạng QCVN 102:2016, vd. 000.00.06.H56",
    "s10.format": "số hiệu bưu gửi phải có dạng 2 chữ cái, 9 chữ số, 2 chữ cái (vd. EB125966888VN)",
    "s10.check_digit": "số hiệu bưu gửi sai chữ số kiểm tra",
    "documents.mandatory_missing": "còn thiếu giấy tờ bắt buộc: {names}",
    "copy_type.not_accepted": "loại bản không được chấp nhận cho giấy tờ này",
    "quantity.negative": "số lượng không được âm",
    "sets.min": "phải có ít nhất 1 bộ",
    "received_at.future": "không được ở tương lai",
    "delivery.not_offered": "thủ tục này không trả kết quả theo hình thức đã chọn",
    "amount.negative": "số tiền không được âm",
    "procedure.unknown": "không có thủ tục mã {code} trong danh mục",
    "workstation.range": "phải từ 1 đến 99",
    "range_size.min": "phải lớn hơn 0",
    "working_hours.format": "không đúng dạng, vd. 07:00-11:30,13:30-17:00",
    "scan.empty": "Chuỗi quét trống.",
    "scan.mojibake": "Máy quét đang gửi sai bảng mã (chữ có dấu bị vỡ). "
    "Hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.",
    "scan.cccd_fields": "Mã QR trên CCCD thiếu thông tin.",
    "scan.cccd_number": "Số CCCD trong mã QR không hợp lệ.",
    "scan.cccd_date": "Ngày trong mã QR trên CCCD không hợp lệ.",
    "scan.s10_check_digit": "Số hiệu bưu gửi sai chữ số kiểm tra.",
    "scan.unrecognised": "Không nhận ra mã vừa quét "
    "(không phải CCCD, mã hồ sơ hay số hiệu bưu gửi).",
    "not_found": "Không tìm thấy hồ sơ {code}{id}{day}.",
    "not_set_up": "Máy trạm chưa được khai báo: chạy lệnh init trước.",
    "code_range_exhausted": "Máy trạm {workstation} đã dùng hết {range_size} mã hồ sơ của ngày.",
    "invalid_transition": "Không thể chuyển hồ sơ từ trạng thái {current} sang {new}.",
    "database_corrupt": "Cơ sở dữ liệu bị hỏng ({path}). Hãy khôi phục từ bản sao lưu.",
    "database_too_new": "Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ {found}); "
    "hãy cập nhật ứng dụng.",
    "file.unreadable": "Không đọc được tệp {path}: {detail}",
    "json.invalid": "Tệp JSON sai cú pháp ở dòng {line}, cột {col}.",
    "time.format": "Giờ không đúng dạng HH:MM: {value}",
    "limit.positive": "Thời hạn phải lớn hơn 0.",
    "status.unknown": "Mã trạng thái {value} không có (1–10).",
    "demo.ready": "Dữ liệu minh họa: {path} ({dossiers} hồ sơ).",
    "catalogue.missing": "thiếu trường bắt buộc",
    "catalogue.type": "sai kiểu dữ liệu",
    "catalogue.enum": "giá trị không hợp lệ",
    "catalogue.code_format": "mã thủ tục không đúng dạng (vd. 1.001193)",
    "catalogue.duplicate": "mã thủ tục bị trùng",
    "catalogue.json": "tệp JSON sai cú pháp (dòng {line}, cột {col})",
    "catalogue.unknown": "trường không được hỗ trợ",
    "catalogue.range": "giá trị nằm ngoài khoảng cho phép",
    "catalogue.time_format": "giờ không đúng dạng HH:MM",
    "catalogue.format": "phiên bản định dạng tệp không được hỗ trợ",
    "catalogue.encoding": "tệp không phải UTF-8",
    "print.not_applicable": "Không in được {form} cho {ref}: đây là {outcome}.",
    "new_date.not_later": "phải sau ngày hẹn trả hiện tại ({due})",
    "label_size.format": "{value} không đúng dạng RỘNGxCAO tính bằng mm (30x15 đến 150x150), "
    "vd. 50x30",
    "date_range.order": "ngày bắt đầu {start} sau ngày kết thúc {end}",
    "date.arg_format": "{field} {value}: ngày không đúng dạng YYYY-MM-DD",
    "file.unwritable": "Không ghi được tệp {path}: {detail}",
    # Reports, backups and restore (services/reports.py, services/backup.py).
    "backup.corrupt": "Tệp {path} không phải bản sao lưu dùng được (hỏng hoặc không phải cơ sở "
    "dữ liệu: {detail}); dữ liệu hiện tại không thay đổi.",
    "backup.too_new": "Tệp {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {found}, "
    "phiên bản này đọc được đến {supported}); dữ liệu hiện tại không thay đổi.",
    "backup.not_counter": "Tệp {path} không phải cơ sở dữ liệu của Quầy Một Cửa; dữ liệu hiện "
    "tại không thay đổi.",
    "backup.failed": "Sao lưu không thành công ({detail}).",
    "backup.done": "Đã sao lưu vào {path} ({size} byte); đã xóa {removed} bản cũ.",
    "restore.done": "Đã khôi phục từ {path}. Bản dữ liệu trước khi khôi phục: {safety}.",
    "restore.close_app": "Hãy đóng ứng dụng Quầy Một Cửa trên máy này trước khi khôi phục.",
    # Scans (số hóa, services/scans.py and store/attachments.py).
    "attachment.empty": "Tệp {name} rỗng: không có gì để đính kèm.",
    "attachment.too_large": "Tệp {name} quá lớn ({size_mb} MB; tối đa {limit_mb} MB): hãy quét "
    "lại ở độ phân giải thấp hơn (150–300 dpi).",
    "attachment.unsupported": "Tệp {name} không phải PDF, JPEG hay PNG: không đính kèm được.",
    "attachment.unreadable": "Tệp {name} bị hỏng hoặc không đọc được: hãy quét lại.",
    "attachment.not_readable": "Không mở được tệp {name}: {detail}",
    "attachment.encrypted": "Tệp PDF {name} có mật khẩu: hãy lưu bản không có mật khẩu rồi "
    "đính kèm lại.",
    "attachment.too_many_pixels": "Ảnh {name} quá lớn (tối đa {limit} triệu điểm ảnh): hãy quét "
    "lại ở độ phân giải thấp hơn.",
    "attachment.too_many_pages": "Tệp PDF {name} có {pages} trang; tối đa {limit} trang một tệp.",
    "attachment.missing": "bản quét của «{item}» không còn trong dữ liệu của máy: hãy đính kèm "
    "lại",
    "attachment.item_not_received": "«{item}» có bản quét nhưng chưa được đánh dấu là đã nhận",
    "attachment.too_many": "tối đa {max} bản quét cho một hồ sơ",
    "attachment.dossier_not_received": "chỉ thêm được bản quét vào hồ sơ đã tiếp nhận",
    "attachment.blob_missing": "Tệp bản quét {sha}… không còn trong thư mục dữ liệu của máy.",
    # Blank declaration forms of the catalogue (services/forms.py).
    "form.not_pdf": "Tệp {name} không phải tệp PDF: chỉ đính kèm được mẫu tờ khai dạng PDF.",
    "form.too_large": "Tệp {name} quá lớn (tối đa {limit_mb} MB).",
    "form.unreadable": "Tệp PDF {name} bị hỏng hoặc không đọc được.",
    "form.encrypted": "Tệp PDF {name} có mật khẩu: hãy lưu bản không có mật khẩu rồi đính kèm "
    "lại.",
    "form.too_many_pages": "Tệp PDF {name} có quá nhiều trang cho một mẫu tờ khai.",
    "form.file_missing": "không tìm thấy tệp mẫu tờ khai {name}",
    "form.not_stored": "mẫu «{name}» chưa có trên máy này: hãy nạp kèm tệp PDF",
    "form.definition": "Tệp mẫu {name} viết sai định dạng ({detail}).",
    "form.missing": "Không có tệp của mẫu «{form}» (thủ tục {procedure}) trên máy này: người "
    "quản trị cần đính kèm lại.",
    "catalogue.sha256_format": "mã SHA-256 không đúng dạng (64 chữ số hệ 16)",
    # Sync with the portal (counter_app/sync): the clerk's wording, calm when merely offline.
    "sync.offline": "Không kết nối được cổng dịch vụ công ({url}); dữ liệu vẫn được lưu trên "
    "máy và sẽ được gửi khi có mạng.",
    "sync.timeout": "Cổng dịch vụ công ({url}) không trả lời kịp; dữ liệu vẫn được lưu trên "
    "máy và sẽ được gửi lại sau.",
    "sync.server_error": "Cổng dịch vụ công ({url}) đang bận hoặc gặp lỗi (HTTP {status}); "
    "dữ liệu vẫn được lưu trên máy và sẽ được gửi lại sau.",
    "sync.unauthorized": "Cổng dịch vụ công không còn chấp nhận máy này (mã truy cập đã bị thu "
    "hồi hoặc không hợp lệ): cần đăng ký lại máy bằng lệnh enrol với mã đăng ký mới. "
    "Dữ liệu vẫn được lưu trên máy.",
    "sync.rejected": "Cổng dịch vụ công từ chối yêu cầu (HTTP {status}, {error}): {message}",
    "sync.cursor_gone": "Cổng dịch vụ công đã được khôi phục hoặc thay mới; hãy đồng bộ lại.",
    "sync.not_enrolled": "Máy trạm chưa đăng ký với cổng dịch vụ công: chạy lệnh enrol trước.",
    "sync.bad_url": "Địa chỉ cổng dịch vụ công không hợp lệ: {url} (cần http:// hoặc https://).",
    "sync.error": "Đồng bộ không thành công.",
    "sync.done": "Đã đồng bộ: gửi {pushed} sự kiện, nhận {pulled} thay đổi; không còn gì chờ "
    "gửi.",
    "sync.uploads_pending": "Còn {files} tệp bản quét chưa tải lên cổng; sẽ gửi tiếp lần sau.",
    "sync.pending": "Còn {pending} sự kiện chờ gửi lên cổng dịch vụ công.",
    "sync.attention": "Có {quarantined} sự kiện bị cổng từ chối và {conflicts} sự kiện xung "
    "đột: cần người phụ trách xem lại.",
    "sync.progress.push": "Đang gửi: {done} sự kiện đã được cổng trả lời, còn {left}.",
    "sync.progress.pull": "Đang nhận thay đổi từ cổng: {done}.",
    "sync.progress.wait": "Chưa gửi được ({reason}); thử lại sau {delay} giây.",
    "enrol.mismatch": "Mã đăng ký thuộc đơn vị {portal_agency} (quầy {portal_workstation}), "
    "nhưng máy này là quầy {workstation} của đơn vị {agency}: không lưu đăng ký. Nhờ quản trị "
    "viên thu hồi máy {device_id} (revoke-device) và cấp mã của đúng đơn vị.",
    "enrol.workstation_required": "chưa có: thêm --workstation N (1–99) hoặc chạy lệnh init "
    "trước",
    "enrol.workstation_differs": "máy đã khai báo là quầy {workstation}, không phải {given}",
    "enrol.done": "Đã đăng ký máy: quầy {workstation} của {agency_name} ({agency_code}) với "
    "cổng {url}.",
    "enrol.range_size_changed": "Lưu ý: cỡ dải số mã hồ sơ của đơn vị trên cổng là {new}, máy "
    "đang dùng {old}; từ nay dùng {new}.",
    # Accounts and log-in (domain/accounts.py, services/accounts.py)
    "username.format": "phải có từ 2 đến 32 ký tự (chữ cái, chữ số, dấu chấm, gạch dưới, gạch "
    "ngang), không có khoảng trắng",
    "username.taken": "tên đăng nhập {username} đã có người dùng",
    "password.too_short": "phải có ít nhất {min} ký tự",
    "password.same_as_username": "không được trùng với tên đăng nhập",
    "password.mismatch": "hai lần nhập mật khẩu không khớp nhau",
    "password.wrong": "không đúng",
    "role.unknown": "vai trò {value} không có (clerk, postal_agent, supervisor, administrator)",
    "portal_url.format": "phải bắt đầu bằng http:// hoặc https://",
    "auth.wrong_credentials": "Sai tên đăng nhập hoặc mật khẩu.",
    "auth.locked": "Tài khoản {username} tạm bị khóa vì nhập sai mật khẩu nhiều lần: hãy thử "
    "lại sau {until:%H:%M}.",
    "auth.inactive": "Tài khoản {username} đã ngừng hoạt động: hãy liên hệ quản trị viên.",
    "auth.not_allowed": "Tài khoản {username} không có quyền làm việc này.",
    "account.not_found": "Không có tài khoản {username}.",
    "account.last_admin": "{username} là quản trị viên cuối cùng còn hoạt động: không thể ngừng "
    "hoạt động hay đổi vai trò. Hãy tạo một quản trị viên khác trước.",
    "account.exists": "Máy trạm đã có tài khoản: hãy đăng nhập bằng tài khoản quản trị để thêm "
    "tài khoản.",
    "password.stdin_needed": "Chưa có mật khẩu: dùng --password-stdin (đọc một dòng từ đầu vào "
    "chuẩn) hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi.",
    # After the receipt (services/followup.py)
    "followup.wrong_status": "Không thể {action} cho hồ sơ {code}: hồ sơ đang ở trạng thái "
    "«{status}». Không có gì thay đổi.",
    "followup.apology_once": "Hồ sơ {code} đã có phiếu xin lỗi và hẹn lại ngày trả kết quả "
    "(lúc {at}); mỗi hồ sơ chỉ được hẹn lại một lần. Không có gì thay đổi.",
    "supplement.nothing_brought": "chưa đánh dấu giấy tờ nào công dân mang đến bổ sung",
    "new_date.past": "phải sau thời điểm hiện tại",
    "demo.login": "Đăng nhập bằng tài khoản minh họa: tên đăng nhập {username}, mật khẩu "
    "{password}.",
}

# Short reasons for the "retrying" progress line.
SYNC_REASONS: dict[str, str] = {
    "sync.offline": "không kết nối được",
    "sync.timeout": "cổng không trả lời kịp",
    "sync.server_error": "cổng bận hoặc gặp lỗi",
}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def text(key: str, /, **params: Any) -> str:
    """The Vietnamese sentence for the problem code `key`, with its parameters filled in."""
    template = TEXTS.get(key, key)
    values = _Blank({k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v
                     for k, v in params.items()})
    return template.format_map(values)


def field_label(path: str) -> str:
    """"applicant.id_number" → "Chủ hồ sơ: số giấy tờ tùy thân"; "documents[2].name" too."""
    parts = [p.split("[")[0] for p in path.split(".") if p]
    labels = [FIELDS.get(p, p) for p in parts]
    index = "".join(ch for ch in path.split(".")[0] if ch.isdigit()) if "[" in path else ""
    label = ", ".join(labels)
    return f"{label} (mục {int(index) + 1})" if index else label


def describe_problem(p: FieldProblem) -> str:
    sentence = text(p.code, **p.params)
    return f"{field_label(p.field)}: {sentence}" if p.field else sentence


def _moment(text: str) -> str:
    """ISO local time → "09 giờ 32 phút, 20/11/2026"."""
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{t:%H} giờ {t:%M} phút, {t:%d/%m/%Y}"


def describe(error: DomainError) -> str:
    """One line for any domain error."""
    if isinstance(error, ValidationFailed):
        return "Dữ liệu chưa hợp lệ — " + "; ".join(describe_problem(p) for p in error.problems)
    params = dict(error.params)
    if "form" in params:
        params["form"] = FORMS.get(params["form"], params["form"])
    if "action" in params:
        params["action"] = ACTIONS.get(params["action"], params["action"])
        status = params.get("status")
        params["status"] = STATUSES.get(status, "chưa có") if isinstance(status, int) else \
            status or "chưa có"
    if error.code == "followup.apology_once" and isinstance(params.get("at"), str):
        params["at"] = _moment(params["at"])
    if "outcome" in params:
        params["outcome"] = OUTCOMES.get(params["outcome"], params["outcome"])
    return text(error.code, **params)
