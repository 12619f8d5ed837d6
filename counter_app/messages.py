"""Vietnamese sentences for the problem codes of the domain.

The command line prints them as they are. The window shows them in its own language: every
sentence is marked for Qt Linguist (context "messages"; lupdate reads this file along with
counter_app/ui) and `counter_app/ui/errors.py` passes a translating function to the functions
below. A new sentence needs its English in resources/translations (tests/ui/test_translations.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from .domain.errors import DomainError, FieldProblem, ValidationFailed
from .message_names import ACTIONS, FIELDS, FORMS, OUTCOMES, QT_TRANSLATE_NOOP, STATUSES

__all__ = ["ACTIONS", "FIELDS", "FORMS", "OUTCOMES", "STATUSES", "describe", "text"]

Translate = Callable[[str], str]


def _same(source: str) -> str:
    return source


TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("messages", "chưa nhập"),
    "too_long": QT_TRANSLATE_NOOP("messages", "quá dài (tối đa {max} ký tự)"),
    "name.digits": QT_TRANSLATE_NOOP("messages", "họ tên không được chứa chữ số"),
    "type.text": QT_TRANSLATE_NOOP("messages", "phải là chuỗi ký tự"),
    "type.integer": QT_TRANSLATE_NOOP("messages", "phải là số nguyên"),
    "type.object": QT_TRANSLATE_NOOP("messages", "phải là một đối tượng JSON"),
    "type.list": QT_TRANSLATE_NOOP("messages", "phải là một danh sách"),
    "field.unknown": QT_TRANSLATE_NOOP("messages", "trường không được hỗ trợ"),
    "enum": QT_TRANSLATE_NOOP("messages", "giá trị không hợp lệ (chấp nhận: {allowed})"),
    "date.format": QT_TRANSLATE_NOOP("messages", "ngày không đúng dạng YYYY-MM-DD"),
    "datetime.format": QT_TRANSLATE_NOOP(
        "messages", "{field} {value}: thời điểm không đúng dạng ISO 8601 (vd. 2026-11-20T09:32)"),
    "datetime.offset": QT_TRANSLATE_NOOP(
        "messages", "thời điểm phải là giờ Việt Nam, không kèm múi giờ"),
    "id.empty": QT_TRANSLATE_NOOP("messages", "chưa nhập số giấy tờ"),
    "id.length": QT_TRANSLATE_NOOP("messages", "số giấy tờ phải có từ 3 đến 30 ký tự"),
    "cccd.not_digits": QT_TRANSLATE_NOOP("messages", "số CCCD chỉ gồm chữ số"),
    "cccd.length": QT_TRANSLATE_NOOP("messages", "số CCCD phải có đúng 12 chữ số"),
    "cccd.province": QT_TRANSLATE_NOOP(
        "messages", "3 chữ số đầu của số CCCD không phải mã tỉnh nơi đăng ký khai sinh"),
    "cccd.century": QT_TRANSLATE_NOOP(
        "messages", "chữ số thứ 4 của số CCCD (thế kỷ, giới tính) không hợp lệ"),
    "cccd.birth_year": QT_TRANSLATE_NOOP("messages", "số CCCD không khớp với năm sinh"),
    "cccd.gender": QT_TRANSLATE_NOOP("messages", "số CCCD không khớp với giới tính"),
    "cmnd.not_digits": QT_TRANSLATE_NOOP("messages", "số CMND chỉ gồm chữ số"),
    "cmnd.length": QT_TRANSLATE_NOOP("messages", "số CMND phải có đúng 9 chữ số"),
    "passport.format": QT_TRANSLATE_NOOP(
        "messages", "số hộ chiếu phải gồm 1–2 chữ cái và 7 chữ số, vd. C1234567"),
    "phone.not_digits": QT_TRANSLATE_NOOP("messages", "chỉ gồm chữ số"),
    "phone.length": QT_TRANSLATE_NOOP(
        "messages", "số di động có 10 chữ số, số cố định có 11 chữ số"),
    "phone.prefix": QT_TRANSLATE_NOOP("messages", "đầu số không có ở Việt Nam"),
    "email.format": QT_TRANSLATE_NOOP("messages", "không đúng dạng (vd. ten@example.vn)"),
    "agency_code.empty": QT_TRANSLATE_NOOP("messages", "chưa nhập"),
    "agency_code.format": QT_TRANSLATE_NOOP(
        "messages", "không đúng dạng QCVN 102:2016, vd. 000.00.06.H56"),
    "s10.format": QT_TRANSLATE_NOOP(
        "messages", "số hiệu bưu gửi phải có dạng 2 chữ cái, 9 chữ số, 2 chữ cái (vd. "
        "EB125966888VN)"),
    "s10.check_digit": QT_TRANSLATE_NOOP("messages", "số hiệu bưu gửi sai chữ số kiểm tra"),
    "documents.mandatory_missing": QT_TRANSLATE_NOOP(
        "messages", "còn thiếu giấy tờ bắt buộc: {names}"),
    "copy_type.not_accepted": QT_TRANSLATE_NOOP(
        "messages", "loại bản không được chấp nhận cho giấy tờ này"),
    "quantity.negative": QT_TRANSLATE_NOOP("messages", "số lượng không được âm"),
    "sets.min": QT_TRANSLATE_NOOP("messages", "phải có ít nhất 1 bộ"),
    "received_at.future": QT_TRANSLATE_NOOP("messages", "không được ở tương lai"),
    "delivery.not_offered": QT_TRANSLATE_NOOP(
        "messages", "thủ tục này không trả kết quả theo hình thức đã chọn"),
    "amount.negative": QT_TRANSLATE_NOOP("messages", "số tiền không được âm"),
    "procedure.unknown": QT_TRANSLATE_NOOP("messages", "không có thủ tục mã {code} trong danh mục"),
    "workstation.range": QT_TRANSLATE_NOOP("messages", "phải từ 1 đến 99"),
    "range_size.min": QT_TRANSLATE_NOOP("messages", "phải lớn hơn 0"),
    "working_hours.format": QT_TRANSLATE_NOOP(
        "messages", "không đúng dạng, vd. 07:00-11:30,13:30-17:00"),
    "scan.empty": QT_TRANSLATE_NOOP("messages", "Chuỗi quét trống."),
    "scan.mojibake": QT_TRANSLATE_NOOP(
        "messages", "Máy quét đang gửi sai bảng mã (chữ có dấu bị vỡ). Hãy đặt máy quét ở chế "
        "độ UTF-8 rồi quét lại."),
    "scan.cccd_fields": QT_TRANSLATE_NOOP("messages", "Mã QR trên CCCD thiếu thông tin."),
    "scan.cccd_number": QT_TRANSLATE_NOOP("messages", "Số CCCD trong mã QR không hợp lệ."),
    "scan.cccd_date": QT_TRANSLATE_NOOP("messages", "Ngày trong mã QR trên CCCD không hợp lệ."),
    "scan.s10_check_digit": QT_TRANSLATE_NOOP("messages", "Số hiệu bưu gửi sai chữ số kiểm tra."),
    "scan.unrecognised": QT_TRANSLATE_NOOP(
        "messages", "Không nhận ra mã vừa quét (không phải CCCD, mã hồ sơ hay số hiệu bưu gửi)."),
    "not_found": QT_TRANSLATE_NOOP("messages", "Không tìm thấy hồ sơ {code}{id}{day}."),
    "not_set_up": QT_TRANSLATE_NOOP(
        "messages", "Máy trạm chưa được khai báo: chạy lệnh init trước."),
    "code_range_exhausted": QT_TRANSLATE_NOOP(
        "messages", "Máy trạm {workstation} đã dùng hết {range_size} mã hồ sơ của ngày."),
    "invalid_transition": QT_TRANSLATE_NOOP(
        "messages", "Không thể chuyển hồ sơ từ trạng thái {current} sang {new}."),
    "disk_full": QT_TRANSLATE_NOOP(
        "messages", "Ổ đĩa đã đầy: chưa ghi được gì. Hãy giải phóng chỗ trống (hoặc báo quản trị "
        "viên) rồi bấm lưu lại — thông tin đang nhập vẫn còn nguyên."),
    "database_locked": QT_TRANSLATE_NOOP(
        "messages", "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi): chưa ghi được gì. "
        "Đợi một lát rồi bấm lưu lại — thông tin đang nhập vẫn còn nguyên."),
    "close.unsynced": QT_TRANSLATE_NOOP(
        "messages", "Còn {count} thay đổi chưa gửi lên cổng dịch vụ công. Hãy đồng bộ trước khi "
        "chốt sổ; nếu không thể (mất mạng), xác nhận chốt sổ khi còn dữ liệu chưa gửi."),
    "close.forced": QT_TRANSLATE_NOOP(
        "messages", "CẢNH BÁO: đã chốt sổ khi còn {count} thay đổi chưa gửi lên cổng dịch vụ "
        "công. Hãy đồng bộ ngay khi có mạng."),
    "close.future_day": QT_TRANSLATE_NOOP(
        "messages", "Không chốt sổ được ngày {day}: ngày này chưa đến."),
    "database_corrupt": QT_TRANSLATE_NOOP(
        "messages", "Cơ sở dữ liệu bị hỏng ({path}). Hãy khôi phục từ bản sao lưu."),
    "database_too_new": QT_TRANSLATE_NOOP(
        "messages", "Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ {found}); hãy cập nhật "
        "ứng dụng."),
    "file.unreadable": QT_TRANSLATE_NOOP("messages", "Không đọc được tệp {path}: {detail}"),
    "json.invalid": QT_TRANSLATE_NOOP("messages", "Tệp JSON sai cú pháp ở dòng {line}, cột {col}."),
    "time.format": QT_TRANSLATE_NOOP("messages", "Giờ không đúng dạng HH:MM: {value}"),
    "limit.positive": QT_TRANSLATE_NOOP("messages", "Thời hạn phải lớn hơn 0."),
    "status.unknown": QT_TRANSLATE_NOOP("messages", "Mã trạng thái {value} không có (1–10)."),
    "demo.ready": QT_TRANSLATE_NOOP("messages", "Dữ liệu minh họa: {path} ({dossiers} hồ sơ)."),
    "catalogue.missing": QT_TRANSLATE_NOOP("messages", "thiếu trường bắt buộc"),
    "catalogue.type": QT_TRANSLATE_NOOP("messages", "sai kiểu dữ liệu"),
    "catalogue.enum": QT_TRANSLATE_NOOP("messages", "giá trị không hợp lệ"),
    "catalogue.code_format": QT_TRANSLATE_NOOP(
        "messages", "mã thủ tục không đúng dạng (vd. 1.001193)"),
    "catalogue.duplicate": QT_TRANSLATE_NOOP("messages", "mã thủ tục bị trùng"),
    "catalogue.json": QT_TRANSLATE_NOOP(
        "messages", "tệp JSON sai cú pháp (dòng {line}, cột {col})"),
    "catalogue.unknown": QT_TRANSLATE_NOOP("messages", "trường không được hỗ trợ"),
    "catalogue.range": QT_TRANSLATE_NOOP("messages", "giá trị nằm ngoài khoảng cho phép"),
    "catalogue.time_format": QT_TRANSLATE_NOOP("messages", "giờ không đúng dạng HH:MM"),
    "catalogue.format": QT_TRANSLATE_NOOP("messages", "phiên bản định dạng tệp không được hỗ trợ"),
    "catalogue.encoding": QT_TRANSLATE_NOOP("messages", "tệp không phải UTF-8"),
    "print.not_applicable": QT_TRANSLATE_NOOP(
        "messages", "Không in được {form} cho {ref}: đây là {outcome}."),
    "new_date.not_later": QT_TRANSLATE_NOOP("messages", "phải sau ngày hẹn trả hiện tại ({due})"),
    "label_size.format": QT_TRANSLATE_NOOP(
        "messages", "{value} không đúng dạng RỘNGxCAO tính bằng mm (30x15 đến 150x150), vd. 50x30"),
    "date_range.order": QT_TRANSLATE_NOOP(
        "messages", "ngày bắt đầu {start} sau ngày kết thúc {end}"),
    "date.arg_format": QT_TRANSLATE_NOOP(
        "messages", "{field} {value}: ngày không đúng dạng YYYY-MM-DD"),
    "file.unwritable": QT_TRANSLATE_NOOP("messages", "Không ghi được tệp {path}: {detail}"),
    # Reports, backups and restore (services/reports.py, services/backup.py).
    "backup.corrupt": QT_TRANSLATE_NOOP(
        "messages", "Tệp {path} không phải bản sao lưu dùng được (hỏng hoặc không phải cơ sở dữ "
        "liệu: {detail}); dữ liệu hiện tại không thay đổi."),
    "backup.too_new": QT_TRANSLATE_NOOP(
        "messages", "Tệp {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {found}, "
        "phiên bản này đọc được đến {supported}); dữ liệu hiện tại không thay đổi."),
    "backup.not_counter": QT_TRANSLATE_NOOP(
        "messages", "Tệp {path} không phải cơ sở dữ liệu của Quầy Một Cửa; dữ liệu hiện tại "
        "không thay đổi."),
    "backup.failed": QT_TRANSLATE_NOOP("messages", "Sao lưu không thành công ({detail})."),
    "backup.done": QT_TRANSLATE_NOOP(
        "messages", "Đã sao lưu vào {path} ({size} byte); đã xóa {removed} bản cũ."),
    "restore.done": QT_TRANSLATE_NOOP(
        "messages", "Đã khôi phục từ {path}. Bản dữ liệu trước khi khôi phục: {safety}."),
    "restore.close_app": QT_TRANSLATE_NOOP(
        "messages", "Hãy đóng ứng dụng Quầy Một Cửa trên máy này trước khi khôi phục."),
    # Scans (số hóa, services/scans.py and store/attachments.py).
    "attachment.empty": QT_TRANSLATE_NOOP("messages", "Tệp {name} rỗng: không có gì để đính kèm."),
    "attachment.too_large": QT_TRANSLATE_NOOP(
        "messages", "Tệp {name} quá lớn ({size_mb} MB; tối đa {limit_mb} MB): hãy quét lại ở độ "
        "phân giải thấp hơn (150–300 dpi)."),
    "attachment.unsupported": QT_TRANSLATE_NOOP(
        "messages", "Tệp {name} không phải PDF, JPEG hay PNG: không đính kèm được."),
    "attachment.unreadable": QT_TRANSLATE_NOOP(
        "messages", "Tệp {name} bị hỏng hoặc không đọc được: hãy quét lại."),
    "attachment.not_readable": QT_TRANSLATE_NOOP("messages", "Không mở được tệp {name}: {detail}"),
    "attachment.encrypted": QT_TRANSLATE_NOOP(
        "messages", "Tệp PDF {name} có mật khẩu: hãy lưu bản không có mật khẩu rồi đính kèm lại."),
    "attachment.too_many_pixels": QT_TRANSLATE_NOOP(
        "messages", "Ảnh {name} quá lớn (tối đa {limit} triệu điểm ảnh): hãy quét lại ở độ phân "
        "giải thấp hơn."),
    "attachment.too_many_pages": QT_TRANSLATE_NOOP(
        "messages", "Tệp PDF {name} có {pages} trang; tối đa {limit} trang một tệp."),
    "attachment.missing": QT_TRANSLATE_NOOP(
        "messages", "bản quét của «{item}» không còn trong dữ liệu của máy: hãy đính kèm lại"),
    "attachment.item_not_received": QT_TRANSLATE_NOOP(
        "messages", "«{item}» có bản quét nhưng chưa được đánh dấu là đã nhận"),
    "attachment.too_many": QT_TRANSLATE_NOOP("messages", "tối đa {max} bản quét cho một hồ sơ"),
    "attachment.dossier_not_received": QT_TRANSLATE_NOOP(
        "messages", "chỉ thêm được bản quét vào hồ sơ đã tiếp nhận"),
    "attachment.blob_missing": QT_TRANSLATE_NOOP(
        "messages", "Tệp bản quét {sha}… không còn trong thư mục dữ liệu của máy."),
    # Blank declaration forms of the catalogue (services/forms.py).
    "form.not_pdf": QT_TRANSLATE_NOOP(
        "messages", "Tệp {name} không phải tệp PDF: chỉ đính kèm được mẫu tờ khai dạng PDF."),
    "form.too_large": QT_TRANSLATE_NOOP("messages", "Tệp {name} quá lớn (tối đa {limit_mb} MB)."),
    "form.unreadable": QT_TRANSLATE_NOOP("messages", "Tệp PDF {name} bị hỏng hoặc không đọc được."),
    "form.encrypted": QT_TRANSLATE_NOOP(
        "messages", "Tệp PDF {name} có mật khẩu: hãy lưu bản không có mật khẩu rồi đính kèm lại."),
    "form.too_many_pages": QT_TRANSLATE_NOOP(
        "messages", "Tệp PDF {name} có quá nhiều trang cho một mẫu tờ khai."),
    "form.file_missing": QT_TRANSLATE_NOOP("messages", "không tìm thấy tệp mẫu tờ khai {name}"),
    "form.not_stored": QT_TRANSLATE_NOOP(
        "messages", "mẫu «{name}» chưa có trên máy này: hãy nạp kèm tệp PDF"),
    "form.definition": QT_TRANSLATE_NOOP(
        "messages", "Tệp mẫu {name} viết sai định dạng ({detail})."),
    "form.missing": QT_TRANSLATE_NOOP(
        "messages", "Không có tệp của mẫu «{form}» (thủ tục {procedure}) trên máy này: người quản "
        "trị cần đính kèm lại."),
    "form.not_fetched": QT_TRANSLATE_NOOP(
        "messages", "Mẫu «{form}» (thủ tục {procedure}) được đính kèm ở một quầy khác của đơn vị "
        "nhưng tệp chưa tải về máy này: hãy đồng bộ với cổng rồi thử lại."),
    "catalogue.sha256_format": QT_TRANSLATE_NOOP(
        "messages", "mã SHA-256 không đúng dạng (64 chữ số hệ 16)"),
    # Sync with the portal (counter_app/sync): the clerk's wording, calm when merely offline.
    "sync.offline": QT_TRANSLATE_NOOP(
        "messages", "Không kết nối được cổng dịch vụ công ({url}); dữ liệu vẫn được lưu trên "
        "máy và sẽ được gửi khi có mạng."),
    "sync.timeout": QT_TRANSLATE_NOOP(
        "messages", "Cổng dịch vụ công ({url}) không trả lời kịp; dữ liệu vẫn được lưu trên máy "
        "và sẽ được gửi lại sau."),
    "sync.server_error": QT_TRANSLATE_NOOP(
        "messages", "Cổng dịch vụ công ({url}) đang bận hoặc gặp lỗi (HTTP {status}); dữ liệu "
        "vẫn được lưu trên máy và sẽ được gửi lại sau."),
    "sync.unauthorized": QT_TRANSLATE_NOOP(
        "messages", "Cổng dịch vụ công không còn chấp nhận máy này (mã truy cập đã bị thu hồi "
        "hoặc không hợp lệ): cần đăng ký lại máy bằng lệnh enrol với mã đăng ký mới. Dữ liệu "
        "vẫn được lưu trên máy."),
    "sync.rejected": QT_TRANSLATE_NOOP(
        "messages", "Cổng dịch vụ công từ chối yêu cầu (HTTP {status}, {error}): {message}"),
    "sync.cursor_gone": QT_TRANSLATE_NOOP(
        "messages", "Cổng dịch vụ công đã được khôi phục hoặc thay mới; hãy đồng bộ lại."),
    "sync.not_enrolled": QT_TRANSLATE_NOOP(
        "messages", "Máy trạm chưa đăng ký với cổng dịch vụ công: chạy lệnh enrol trước."),
    "sync.bad_url": QT_TRANSLATE_NOOP(
        "messages", "Địa chỉ cổng dịch vụ công không hợp lệ: {url} (cần http:// hoặc https://)."),
    "sync.error": QT_TRANSLATE_NOOP("messages", "Đồng bộ không thành công."),
    "sync.done": QT_TRANSLATE_NOOP(
        "messages", "Đã đồng bộ: gửi {pushed} sự kiện, nhận {pulled} thay đổi; không còn gì chờ "
        "gửi."),
    "sync.uploads_pending": QT_TRANSLATE_NOOP(
        "messages", "Còn {files} tệp bản quét chưa tải lên cổng; sẽ gửi tiếp lần sau."),
    "sync.pending": QT_TRANSLATE_NOOP(
        "messages", "Còn {pending} sự kiện chờ gửi lên cổng dịch vụ công."),
    "sync.attention": QT_TRANSLATE_NOOP(
        "messages", "Có {quarantined} sự kiện bị cổng từ chối và {conflicts} sự kiện xung đột: "
        "cần người phụ trách xem lại."),
    "sync.progress.push": QT_TRANSLATE_NOOP(
        "messages", "Đang gửi: {done} sự kiện đã được cổng trả lời, còn {left}."),
    "sync.progress.pull": QT_TRANSLATE_NOOP("messages", "Đang nhận thay đổi từ cổng: {done}."),
    "sync.progress.wait": QT_TRANSLATE_NOOP(
        "messages", "Chưa gửi được ({reason}); thử lại sau {delay} giây."),
    "enrol.mismatch": QT_TRANSLATE_NOOP(
        "messages", "Mã đăng ký thuộc đơn vị {portal_agency} (quầy {portal_workstation}), nhưng "
        "máy này là quầy {workstation} của đơn vị {agency}: không lưu đăng ký. Nhờ quản trị "
        "viên thu hồi máy {device_id} (revoke-device) và cấp mã của đúng đơn vị."),
    "enrol.workstation_required": QT_TRANSLATE_NOOP(
        "messages", "chưa có: thêm --workstation N (1–99) hoặc chạy lệnh init trước"),
    "enrol.workstation_differs": QT_TRANSLATE_NOOP(
        "messages", "máy đã khai báo là quầy {workstation}, không phải {given}"),
    "enrol.done": QT_TRANSLATE_NOOP(
        "messages", "Đã đăng ký máy: quầy {workstation} của {agency_name} ({agency_code}) với "
        "cổng {url}."),
    "enrol.range_size_changed": QT_TRANSLATE_NOOP(
        "messages", "Lưu ý: cỡ dải số mã hồ sơ của đơn vị trên cổng là {new}, máy đang dùng "
        "{old}; từ nay dùng {new}."),
    # Accounts and log-in (domain/accounts.py, services/accounts.py)
    "username.format": QT_TRANSLATE_NOOP(
        "messages", "phải có từ 2 đến 32 ký tự (chữ cái, chữ số, dấu chấm, gạch dưới, gạch "
        "ngang), không có khoảng trắng"),
    "username.taken": QT_TRANSLATE_NOOP("messages", "tên đăng nhập {username} đã có người dùng"),
    "password.too_short": QT_TRANSLATE_NOOP("messages", "phải có ít nhất {min} ký tự"),
    "password.same_as_username": QT_TRANSLATE_NOOP(
        "messages", "không được trùng với tên đăng nhập"),
    "password.mismatch": QT_TRANSLATE_NOOP("messages", "hai lần nhập mật khẩu không khớp nhau"),
    "password.wrong": QT_TRANSLATE_NOOP("messages", "không đúng"),
    "role.unknown": QT_TRANSLATE_NOOP(
        "messages", "vai trò {value} không có (clerk, postal_agent, supervisor, administrator)"),
    "portal_url.format": QT_TRANSLATE_NOOP("messages", "phải bắt đầu bằng http:// hoặc https://"),
    "auth.wrong_credentials": QT_TRANSLATE_NOOP("messages", "Sai tên đăng nhập hoặc mật khẩu."),
    "auth.locked": QT_TRANSLATE_NOOP(
        "messages", "Tài khoản {username} tạm bị khóa vì nhập sai mật khẩu nhiều lần: hãy thử "
        "lại sau {until:%H:%M}."),
    "auth.inactive": QT_TRANSLATE_NOOP(
        "messages", "Tài khoản {username} đã ngừng hoạt động: hãy liên hệ quản trị viên."),
    "auth.not_allowed": QT_TRANSLATE_NOOP(
        "messages", "Tài khoản {username} không có quyền làm việc này."),
    "account.not_found": QT_TRANSLATE_NOOP("messages", "Không có tài khoản {username}."),
    "account.last_admin": QT_TRANSLATE_NOOP(
        "messages", "{username} là quản trị viên cuối cùng còn hoạt động: không thể ngừng hoạt "
        "động hay đổi vai trò. Hãy tạo một quản trị viên khác trước."),
    "account.exists": QT_TRANSLATE_NOOP(
        "messages", "Máy trạm đã có tài khoản: hãy đăng nhập bằng tài khoản quản trị để thêm "
        "tài khoản."),
    "password.stdin_needed": QT_TRANSLATE_NOOP(
        "messages", "Chưa có mật khẩu: dùng --password-stdin (đọc một dòng từ đầu vào chuẩn) "
        "hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi."),
    # After the receipt (services/followup.py)
    "followup.wrong_status": QT_TRANSLATE_NOOP(
        "messages", "Không thể {action} cho hồ sơ {code}: hồ sơ đang ở trạng thái «{status}». "
        "Không có gì thay đổi."),
    "followup.apology_once": QT_TRANSLATE_NOOP(
        "messages", "Hồ sơ {code} đã có phiếu xin lỗi và hẹn lại ngày trả kết quả (lúc {at}); "
        "mỗi hồ sơ chỉ được hẹn lại một lần. Không có gì thay đổi."),
    "supplement.nothing_brought": QT_TRANSLATE_NOOP(
        "messages", "chưa đánh dấu giấy tờ nào công dân mang đến bổ sung"),
    "new_date.past": QT_TRANSLATE_NOOP("messages", "phải sau thời điểm hiện tại"),
    # The post-office desk (services/postal.py, docs/postal.md)
    "s10.used": QT_TRANSLATE_NOOP("messages", "số hiệu bưu gửi {item} đã dùng cho hồ sơ {code}"),
    "code.format": QT_TRANSLATE_NOOP("messages", "{value} không phải mã hồ sơ"),
    "manifest.format": QT_TRANSLATE_NOOP(
        "messages", "{value} không phải mã danh sách bàn giao (vd. BG-000.00.06.H56-91-261122-01)"),
    "manifest.wrong_agency": QT_TRANSLATE_NOOP("messages",
                                               "hồ sơ {code} không thuộc cơ quan {agency}"),
    "manifest.empty": QT_TRANSLATE_NOOP(
        "messages", "chưa có hồ sơ nào: quét mã danh sách hoặc từng hồ sơ"),
    "manifest.missing_confirmed": QT_TRANSLATE_NOOP(
        "messages", "hồ sơ không có trong túi thì không thể xác nhận đã nhận"),
    "manifest.already_taken_in": QT_TRANSLATE_NOOP(
        "messages", "Danh sách bàn giao {manifest} đã được nhận lúc "
        "{at:%H giờ %M phút, ngày %d/%m/%Y} ({by}): không ghi nhận lại."),
    "manifest.not_found": QT_TRANSLATE_NOOP(
        "messages", "Không có danh sách bàn giao {manifest} trên máy này."),
    "manifest.nothing_to_hand_over": QT_TRANSLATE_NOOP("messages",
                                                       "Không có hồ sơ nào chờ bàn giao."),
    "postal.not_applicable": QT_TRANSLATE_NOOP("messages", "Hồ sơ {code}: {reason}"),
    "postal.not_received": QT_TRANSLATE_NOOP("messages", "hồ sơ chưa được tiếp nhận"),
    "postal.delivery_counter": QT_TRANSLATE_NOOP(
        "messages", "hồ sơ nhận kết quả tại Bộ phận Một cửa, không gửi qua bưu chính"),
    "postal.already_dispatched": QT_TRANSLATE_NOOP("messages",
                                                   "kết quả đã được gửi qua bưu chính"),
    "postal.not_dispatched": QT_TRANSLATE_NOOP("messages", "kết quả chưa được gửi qua bưu chính"),
    "postal.already_delivered": QT_TRANSLATE_NOOP("messages", "đã ghi nhận phát thành công"),
    # Return of results (domain/returns.py, services/returns.py)
    "return.not_done": QT_TRANSLATE_NOOP(
        "messages", "Chưa trả được kết quả hồ sơ {code}: hồ sơ đang ở trạng thái {status} "
        "({status_name}), chưa ở trạng thái 9 (Đã xử lý xong)."),
    "return.authorisation_required": QT_TRANSLATE_NOOP(
        "messages", "người nhận không phải chủ hồ sơ (số giấy tờ khác): phải ghi số và ngày "
        "của giấy ủy quyền"),
    "return.items_required": QT_TRANSLATE_NOOP(
        "messages", "chưa ghi giấy tờ kết quả nào được bàn giao"),
    "return.payment_required": QT_TRANSLATE_NOOP(
        "messages", "có thu tiền thì phải chọn hình thức thanh toán"),
    "amount.format": QT_TRANSLATE_NOOP(
        "messages", "không phải số tiền (chỉ gồm chữ số, vd. 1.500.000)"),
    "amount.too_large": QT_TRANSLATE_NOOP("messages", "số tiền quá lớn"),
    "quantity.range": QT_TRANSLATE_NOOP("messages", "phải từ 1 đến {max}"),
    "date.day_format": QT_TRANSLATE_NOOP(
        "messages", "không đúng dạng ngày/tháng/năm (vd. 18/11/2026)"),
    "date.future": QT_TRANSLATE_NOOP("messages", "không được sau ngày hôm nay"),
    "too_many": QT_TRANSLATE_NOOP("messages", "tối đa {max} mục"),
    "demo.login": QT_TRANSLATE_NOOP(
        "messages", "Đăng nhập bằng tài khoản minh họa: tên đăng nhập {username}, mật khẩu "
        "{password}."),
}

# Short reasons for the "retrying" progress line.
SYNC_REASONS: dict[str, str] = {
    "sync.offline": QT_TRANSLATE_NOOP("messages", "không kết nối được"),
    "sync.timeout": QT_TRANSLATE_NOOP("messages", "cổng không trả lời kịp"),
    "sync.server_error": QT_TRANSLATE_NOOP("messages", "cổng bận hoặc gặp lỗi"),
}


INVALID = QT_TRANSLATE_NOOP("messages", "Dữ liệu chưa hợp lệ — {problems}")
ITEM = QT_TRANSLATE_NOOP("messages", "{label} (mục {n})")
NO_STATUS = QT_TRANSLATE_NOOP("messages", "chưa có")
MOMENT = QT_TRANSLATE_NOOP("messages", "{hour} giờ {minute} phút, {date}")


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def text(key: str, /, **params: Any) -> str:
    """The Vietnamese sentence for the problem code `key`, with its parameters filled in."""
    return fill(key, params)


def fill(key: str, params: Mapping[str, Any], tr: Translate = _same) -> str:
    """The sentence for `key` in the language `tr` translates to, parameters filled in."""
    template = tr(TEXTS[key]) if key in TEXTS else key
    values = _Blank({k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v
                     for k, v in params.items()})
    return template.format_map(values)


def field_label(path: str, tr: Translate = _same) -> str:
    """"applicant.id_number" → "Chủ hồ sơ, số giấy tờ tùy thân"; "documents[2].name" too."""
    parts = [p.split("[")[0] for p in path.split(".") if p]
    labels = [tr(FIELDS[p]) if p in FIELDS else p for p in parts]
    index = "".join(ch for ch in path.split(".")[0] if ch.isdigit()) if "[" in path else ""
    label = ", ".join(labels)
    return tr(ITEM).format(label=label, n=int(index) + 1) if index else label


def describe_problem(p: FieldProblem, tr: Translate = _same) -> str:
    sentence = fill(p.code, p.params, tr)
    return f"{field_label(p.field, tr)}: {sentence}" if p.field else sentence


def _moment(text: str, tr: Translate = _same) -> str:
    """ISO local time → "09 giờ 32 phút, 20/11/2026"."""
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return tr(MOMENT).format(hour=f"{t:%H}", minute=f"{t:%M}", date=f"{t:%d/%m/%Y}")


def _named(table: Mapping[Any, str], key: Any, tr: Translate) -> Any:
    return tr(table[key]) if key in table else key


def describe(error: DomainError, tr: Translate = _same) -> str:
    """One line for any domain error (Vietnamese unless `tr` translates)."""
    if isinstance(error, ValidationFailed):
        return tr(INVALID).format(
            problems="; ".join(describe_problem(p, tr) for p in error.problems))
    params = dict(error.params)
    if "form" in params:
        params["form"] = _named(FORMS, params["form"], tr)
    if "action" in params:
        params["action"] = _named(ACTIONS, params["action"], tr)
        status = params.get("status")
        if isinstance(status, int):
            params["status"] = tr(STATUSES[status]) if status in STATUSES else tr(NO_STATUS)
        else:
            params["status"] = status or tr(NO_STATUS)
    if error.code == "followup.apology_once" and isinstance(params.get("at"), str):
        params["at"] = _moment(params["at"], tr)
    if error.code == "postal.not_applicable":
        reason = f"postal.{params.get('reason')}"
        params["reason"] = fill(reason, {}, tr) if reason in TEXTS else params.get("reason")
    if "status" in params and error.code == "return.not_done":
        status = params["status"]
        params["status_name"] = tr(STATUSES[status]) if status in STATUSES else tr(NO_STATUS)
    if "outcome" in params:
        params["outcome"] = _named(OUTCOMES, params["outcome"], tr)
    return fill(error.code, params, tr)
