<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ChecklistBox</name>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Documents of the dossier</translation>
    </message>
    <message>
        <source>Chọn thủ tục để hiện danh sách giấy tờ.</source>
        <translation>Choose a procedure to list its documents.</translation>
    </message>
    <message>
        <source>Còn thiếu {n} giấy tờ bắt buộc — F7 in phiếu hướng dẫn bổ sung.</source>
        <translation>{n} mandatory document(s) missing — F7 prints a supplement request.</translation>
    </message>
    <message>
        <source>Đủ giấy tờ bắt buộc.</source>
        <translation>All mandatory documents received.</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <source>Giấy tờ đã nhận</source>
        <translation>Document received</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Mandatory</translation>
    </message>
</context>
<context>
    <name>DetailsBox</name>
    <message>
        <source>Tiếp nhận và trả kết quả</source>
        <translation>Reception and result delivery</translation>
    </message>
    <message>
        <source>vd. EB125966888VN</source>
        <translation>e.g. EB125966888VN</translation>
    </message>
    <message>
        <source>Trống: địa chỉ chủ hồ sơ</source>
        <translation>Empty: the applicant&apos;s address</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Địa chỉ nhận</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Đã thu {amount}</source>
        <translation>{amount} collected</translation>
    </message>
    <message>
        <source>Không thu phí</source>
        <translation>No fee</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source> (đã nộp)</source>
        <translation> (paid)</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Kết quả tiếp nhận</source>
        <translation>Reception outcome</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Sets</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <source>Sổ theo dõi (quyển — số)</source>
        <translation>Tracking book (book — line)</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item</translation>
    </message>
    <message>
        <source>Cơ quan — máy trạm</source>
        <translation>Agency — workstation</translation>
    </message>
    <message>
        <source>Người tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Cập nhật lúc</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ ({n})</source>
        <translation>Documents ({n})</translation>
    </message>
    <message>
        <source>Quá trình xử lý ({n})</source>
        <translation>History ({n})</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Sổ sách</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giấy tờ tùy thân</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Máy trạm</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>{form} (in lại lần {n})</source>
        <translation>{form} (reprint {n})</translation>
    </message>
    <message>
        <source>Còn thiếu: {items}</source>
        <translation>Missing: {items}</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Tìm theo mã hồ sơ, tên (không cần dấu), số CCCD, số điện thoại</source>
        <translation>Search by dossier code, name (accents optional), ID number, phone number</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ nào.</source>
        <translation>No dossier found.</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào.</source>
        <translation>No dossiers yet.</translation>
    </message>
    <message>
        <source>Hiển thị {n} hồ sơ mới nhất — gõ thêm để thu hẹp.</source>
        <translation>Showing the {n} newest dossiers — type more to narrow down.</translation>
    </message>
    <message>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{agency} — Máy trạm {workstation:02d}</source>
        <translation>{agency} — Workstation {workstation:02d}</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>Tra cứu hồ sơ</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Máy trạm làm việc ngoại tuyến: mọi hồ sơ được lưu trên máy này.</source>
        <translation>This workstation works offline: every dossier is saved on this computer.</translation>
    </message>
    <message>
        <source>Số thay đổi đã lưu trên máy này, chưa gửi lên cổng dịch vụ công.</source>
        <translation>Changes saved on this workstation and not yet sent to the public-service portal.</translation>
    </message>
    <message>
        <source>Đang mở một hộp thoại: đóng hộp thoại rồi quét lại.</source>
        <translation>A dialog is open: close it, then scan again.</translation>
    </message>
    <message>
        <source>Mã vừa quét không dùng được: {reason}</source>
        <translation>The scanned code cannot be used: {reason}</translation>
    </message>
    <message>
        <source>Chờ đồng bộ: {count}</source>
        <translation>Waiting to sync: {count}</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <source>F9  Tiếp nhận</source>
        <translation>F9  Receive</translation>
    </message>
    <message>
        <source>F7  Hướng dẫn bổ sung</source>
        <translation>F7  Request supplement</translation>
    </message>
    <message>
        <source>F8  Từ chối</source>
        <translation>F8  Refuse</translation>
    </message>
    <message>
        <source>Enter: sang ô tiếp theo · Dấu cách: đánh dấu giấy tờ · F9 Tiếp nhận · F7 Hướng dẫn bổ sung · F8 Từ chối · Ctrl+N Hồ sơ mới · Ctrl+F Tra cứu</source>
        <translation>Enter: next field · Space: tick a document · F9 Receive · F7 Request supplement · F8 Refuse · Ctrl+N New dossier · Ctrl+F Look up</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Số giấy tờ</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Ngày sinh gõ theo dạng ngày/tháng/năm, vd. 04/03/1985</source>
        <translation>Type the date of birth as day/month/year, e.g. 04/03/1985</translation>
    </message>
    <message>
        <source>Ngày sinh không được sau hôm nay</source>
        <translation>The date of birth cannot be after today</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Xem trước — {form}</source>
        <translation>Preview — {form}</translation>
    </message>
    <message>
        <source>{form} — {ref} — {n} trang</source>
        <translation>{form} — {ref} — {n} page(s)</translation>
    </message>
    <message>
        <source>Không hiển thị được bản xem trước trên máy này; vẫn lưu được tệp PDF.</source>
        <translation>The preview cannot be shown on this computer; the PDF can still be saved.</translation>
    </message>
    <message>
        <source>Enter: in · Ctrl+S: lưu PDF · Esc: đóng</source>
        <translation>Enter: print · Ctrl+S: save PDF · Esc: close</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Đã gửi tới máy in.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Không in hoặc lưu được: {detail}</source>
        <translation>Could not print or save: {detail}</translation>
    </message>
</context>
<context>
    <name>ProcedureCard</name>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục</source>
        <translation>No procedure chosen</translation>
    </message>
    <message>
        <source>Gõ tên thủ tục ở ô bên trái rồi nhấn Enter.</source>
        <translation>Type the procedure in the box on the left, then press Enter.</translation>
    </message>
    <message>
        <source>Mã {code} · {field}</source>
        <translation>Code {code} · {field}</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết: {limit}</source>
        <translation>Time limit: {limit}</translation>
    </message>
    <message>
        <source>Phí, lệ phí: {fees}</source>
        <translation>Fees: {fees}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>&amp;Thủ tục</source>
        <translation>&amp;Procedure</translation>
    </message>
    <message>
        <source>Gõ vài chữ không dấu hoặc mã thủ tục, vd. khai sinh, ho kinh doanh</source>
        <translation>Type a few words (accents optional) or a code, e.g. khai sinh, ho kinh doanh</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the dossier</translation>
    </message>
    <message>
        <source>Lý do từ chối tiếp nhận hồ sơ của {name} (in trên Mẫu 03):</source>
        <translation>Reason for refusing the dossier of {name} (printed on Form 03):</translation>
    </message>
    <message>
        <source>vd. Thủ tục không thuộc thẩm quyền giải quyết của cơ quan</source>
        <translation>e.g. The procedure is not within this agency&apos;s competence</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hãy nhập lý do: lý do được in trên phiếu từ chối.</source>
        <translation>Enter a reason: it is printed on the refusal slip.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Người nộp khác chủ hồ sơ</source>
        <translation>Submitted by someone else</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <source>Quét mã QR trên thẻ căn cước ở bất kỳ ô nào để điền thông tin chủ hồ sơ; quét mã vạch trên giấy tiếp nhận để mở hồ sơ.</source>
        <translation>Scan the QR code of an ID card from any field to fill in the applicant; scan the barcode of a receipt to open its dossier.</translation>
    </message>
    <message>
        <source>Đã điền thông tin từ CCCD của {name}.</source>
        <translation>Filled in from the ID card of {name}.</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi {item}.</source>
        <translation>Postal item {item}.</translation>
    </message>
    <message>
        <source>Hãy sửa các ô được đánh dấu.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ {code} của {name}, hẹn trả {due}.</source>
        <translation>Received dossier {code} of {name}, due {due}.</translation>
    </message>
    <message>
        <source>Đã ghi nhận hướng dẫn bổ sung hồ sơ cho {name}.</source>
        <translation>Supplement request recorded for {name}.</translation>
    </message>
    <message>
        <source>Đã ghi nhận từ chối tiếp nhận hồ sơ của {name}.</source>
        <translation>Refusal recorded for the dossier of {name}.</translation>
    </message>
    <message>
        <source>Chưa ghi được: hãy sửa các ô được đánh dấu.</source>
        <translation>Not saved: please correct the marked fields.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Lỗi không mong đợi ({kind}). Hãy báo cho quản trị viên.</source>
        <translation>Unexpected error ({kind}). Please tell your administrator.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Mới đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Không được tiếp nhận</source>
        <translation>Not received</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Đã xử lý xong</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung (Mẫu 02)</source>
        <translation>Guidance to complete (Form 02)</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận (Mẫu 03)</source>
        <translation>Refused (Form 03)</translation>
    </message>
    <message>
        <source>Chuyển cơ quan có thẩm quyền</source>
        <translation>Redirected to the competent agency</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Qua bưu chính công ích</source>
        <translation>By public post</translation>
    </message>
    <message>
        <source>Nhận tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <source>Căn cước công dân</source>
        <translation>Citizen ID card</translation>
    </message>
    <message>
        <source>Chứng minh nhân dân</source>
        <translation>Old ID card (CMND)</translation>
    </message>
    <message>
        <source>Hộ chiếu</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Giấy tờ khác</source>
        <translation>Other document</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung hồ sơ</source>
        <translation>Guidance to complete</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Reception refused</translation>
    </message>
    <message>
        <source>Chuyển trạng thái</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>In giấy tờ</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)</source>
        <translation>Receipt and appointment slip (Form 01)</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</source>
        <translation>Supplement request (Form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</source>
        <translation>Refusal slip (Form 03)</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
        <translation>Apology and new due date (Form 04)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)</source>
        <translation>Processing control sheet (Form 05)</translation>
    </message>
    <message>
        <source>Nhãn hồ sơ</source>
        <translation>Folder label</translation>
    </message>
    <message>
        <source>{hour} giờ {minute} phút, ngày {date}</source>
        <translation>{hour}:{minute} on {date}</translation>
    </message>
    <message>
        <source>{n} ngày làm việc</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <source>{n} giờ làm việc</source>
        <translation>{n} working hours</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Trong ngày (nhận trước {time})</source>
        <translation>Same day (if received before {time})</translation>
    </message>
    <message>
        <source>Không thu phí, lệ phí</source>
        <translation>No fees</translation>
    </message>
    <message>
        <source>miễn phí</source>
        <translation>free</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Máy trạm chưa được khai báo cơ quan và số máy trạm.</source>
        <translation>This workstation has no agency and workstation number yet.</translation>
    </message>
    <message>
        <source>Hãy chạy lệnh sau rồi mở lại ứng dụng:</source>
        <translation>Run this command, then start the application again:</translation>
    </message>
    <message>
        <source>Quầy Một Cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <source>Không mở được ứng dụng</source>
        <translation>The application cannot start</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
