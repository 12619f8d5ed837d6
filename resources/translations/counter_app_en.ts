<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>vd. huong.nt (không dấu cách)</source>
        <translation>e.g. huong.nt (no spaces)</translation>
    </message>
    <message>
        <source>ít nhất {n} ký tự</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đăng nhập lần cuối</source>
        <translation>Last log-in</translation>
    </message>
    <message>
        <source>Ngừng hoạt động</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Tạm khóa</source>
        <translation>Locked out</translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Chưa đăng nhập</source>
        <translation>Never logged in</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Tài khoản làm việc trên máy trạm này. Tài khoản không bị xóa (nhật ký hồ sơ ghi tên người thực hiện): khi một người thôi việc, hãy cho ngừng hoạt động.</source>
        <translation>The accounts that work on this workstation. Accounts are never deleted (the dossiers&apos; history names who did what): when someone leaves, deactivate their account.</translation>
    </message>
    <message>
        <source>Thêm tài khoản…</source>
        <translation>Add an account…</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset the password…</translation>
    </message>
    <message>
        <source>Đổi vai trò…</source>
        <translation>Change the role…</translation>
    </message>
    <message>
        <source>Ngừng hoạt động</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Cho hoạt động lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>Người dùng đổi được mật khẩu sau khi đăng nhập; hãy trao mật khẩu trực tiếp, không gửi qua tin nhắn.</source>
        <translation>Users can change their password once logged in; hand the password over in person, never by message.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <source>Mật khẩu mới cho {name} ({username}). Tài khoản đang tạm khóa sẽ được mở.</source>
        <translation>A new password for {name} ({username}). A locked-out account is unlocked.</translation>
    </message>
    <message>
        <source>Đặt mật khẩu</source>
        <translation>Set the password</translation>
    </message>
</context>
<context>
    <name>ActOnPage</name>
    <message>
        <source>Tiếp nhận (F9)</source>
        <translation>Accept (F9)</translation>
    </message>
    <message>
        <source>In Mẫu 02 (F6)</source>
        <translation>Print form 02 (F6)</translation>
    </message>
    <message>
        <source>Nhận bổ sung (F7)</source>
        <translation>Take supplement (F7)</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại (F8)</source>
        <translation>Apologise, new date (F8)</translation>
    </message>
    <message>
        <source>Rút hồ sơ (F10)</source>
        <translation>Withdraw (F10)</translation>
    </message>
    <message>
        <source>Mở hồ sơ (Enter)</source>
        <translation>Open dossier (Enter)</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
    <message>
        <source>Sắp đến hạn: hẹn trả từ bây giờ đến {end} (24 giờ, không tính ngày nghỉ).</source>
        <translation>Due soon: due from now until {end} (24 hours, days off not counted).</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ nộp trực tuyến</source>
        <translation>Accept an online dossier</translation>
    </message>
    <message>
        <source>Hồ sơ {code} của {name}: đối chiếu giấy tờ với danh mục rồi xác nhận. Hạn trả được tính từ lúc tiếp nhận.</source>
        <translation>Dossier {code} of {name}: check the papers against the checklist, then confirm. The due date counts from the acceptance.</translation>
    </message>
    <message>
        <source>Tiếp nhận và in Mẫu 01</source>
        <translation>Accept and print form 01</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ {code}; hẹn trả {due}.</source>
        <translation>Dossier {code} accepted; due {due}.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: đánh dấu những giấy tờ công dân mang đến bổ sung.</source>
        <translation>Dossier {code}: tick the papers the citizen brought.</translation>
    </message>
    <message>
        <source>⚠ Đây là yêu cầu bổ sung lần thứ hai của cùng cơ quan: sẽ được ghi nhận kèm cảnh báo.</source>
        <translation>⚠ This is the second supplement request from the same agency: it is recorded with a warning.</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Ghi nhận bổ sung</source>
        <translation>Record the supplement</translation>
    </message>
    <message>
        <source>Đã ghi nhận bổ sung cho hồ sơ {code}; hẹn trả mới {due}.</source>
        <translation>Supplement recorded for dossier {code}; new due date {due}.</translation>
    </message>
    <message>
        <source>Đã hẹn lại hồ sơ {code}: trả kết quả {due}.</source>
        <translation>Dossier {code} rescheduled: result due {due}.</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Lý do công dân rút hồ sơ {code} (in trên phiếu xác nhận rút hồ sơ):</source>
        <translation>Why the citizen withdraws dossier {code} (printed on the withdrawal slip):</translation>
    </message>
    <message>
        <source>Rút hồ sơ và in phiếu</source>
        <translation>Withdraw and print the slip</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã được rút.</source>
        <translation>Dossier {code} withdrawn.</translation>
    </message>
</context>
<context>
    <name>ActOnTableModel</name>
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
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Từ lúc</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>⚠ Yêu cầu bổ sung lần thứ hai của cùng cơ quan</source>
        <translation>⚠ Second supplement request from the same agency</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Hồ sơ đơn vị</source>
        <translation>Agency profile</translation>
    </message>
    <message>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Kết nối cổng</source>
        <translation>Portal connection</translation>
    </message>
</context>
<context>
    <name>AdminTableModels</name>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal reference</translation>
    </message>
    <message>
        <source>Ngày lễ, Tết</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Làm bù</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Tài khoản này thêm tài khoản cho cán bộ, đặt lại mật khẩu và quản lý máy trạm.</source>
        <translation>This account adds the staff&apos;s accounts, resets passwords and manages the workstation.</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <source>Cơ quan tiếp nhận</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <source>Tên và mã cơ quan được in trên giấy tiếp nhận và các phiếu; mã cơ quan là phần đầu của mọi mã hồ sơ.</source>
        <translation>The agency&apos;s name and code are printed on receipts and slips; the agency code begins every dossier code.</translation>
    </message>
    <message>
        <source>vd. 000.00.06.H56</source>
        <translation>e.g. 000.00.06.H56</translation>
    </message>
    <message>
        <source>vd. Bộ phận Một cửa UBND xã Tân Phú</source>
        <translation>e.g. Bộ phận Một cửa UBND xã Tân Phú</translation>
    </message>
    <message>
        <source>vd. UBND TỈNH KHÁNH HÒA</source>
        <translation>e.g. UBND TỈNH KHÁNH HÒA</translation>
    </message>
    <message>
        <source>vd. Tân Phú (ghi ở dòng ngày tháng)</source>
        <translation>e.g. Tân Phú (written before the date)</translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Tên cơ quan tiếp nhận</source>
        <translation>Receiving agency&apos;s name</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Governing body</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Đúng dạng mã cơ quan (QCVN 102:2016).</source>
        <translation>A valid agency code (QCVN 102:2016).</translation>
    </message>
    <message>
        <source>Mã theo QCVN 102:2016: các nhóm cách nhau bằng dấu chấm, vd. 000.00.06.H56.</source>
        <translation>A QCVN 102:2016 code: groups separated by dots, e.g. 000.00.06.H56.</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new date for the result</translation>
    </message>
    <message>
        <source>Hồ sơ {code} — hẹn trả hiện tại: {due}. Mỗi hồ sơ chỉ được hẹn lại một lần (Mẫu 04).</source>
        <translation>Dossier {code} — due now: {due}. A dossier may be rescheduled only once (form 04).</translation>
    </message>
    <message>
        <source>vd. Chờ ý kiến của cơ quan liên quan</source>
        <translation>e.g. Waiting for another agency&apos;s opinion</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>Lý do chậm trả</source>
        <translation>Reason for the delay</translation>
    </message>
    <message>
        <source>Ghi nhận và in Mẫu 04</source>
        <translation>Record and print form 04</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hãy nhập lý do chậm trả: lý do được in trên Mẫu 04.</source>
        <translation>Enter the reason for the delay: it is printed on form 04.</translation>
    </message>
</context>
<context>
    <name>AttachmentTableModel</name>
    <message>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Đính kèm lúc</source>
        <translation>Attached at</translation>
    </message>
    <message>
        <source>Đã gửi lên cổng</source>
        <translation>Sent to the portal</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not sent yet</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Lưu bản sao bản quét</source>
        <translation>Save a copy of the scan</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Lưu bản sao…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>{ref} — {item}</source>
        <translation>{ref} — {item}</translation>
    </message>
    <message>
        <source>Đã lưu bản sao: {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Thêm ngày…</source>
        <translation>Add day…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Nhập theo thông báo hằng năm của Chính phủ: ngày nghỉ bù (Nghỉ) và ngày làm việc bù vào thứ Bảy (Làm bù). Ngày lễ, Tết bên phải được tính sẵn.</source>
        <translation>Enter the government&apos;s annual announcement: swapped days off (Day off) and make-up working Saturdays (Make-up working day). The public holidays on the right are already counted.</translation>
    </message>
    <message>
        <source>Ngày nghỉ, ngày làm bù</source>
        <translation>Days off and make-up days</translation>
    </message>
    <message>
        <source>Ngày lễ, Tết (theo Bộ luật Lao động)</source>
        <translation>Public holidays (Labour Code)</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Lọc theo mã, tên thủ tục, lĩnh vực</source>
        <translation>Filter by code, procedure name, field</translation>
    </message>
    <message>
        <source>Nạp tệp JSON…</source>
        <translation>Import JSON file…</translation>
    </message>
    <message>
        <source>Nạp danh mục thủ tục theo định dạng ở docs/catalogue-format.md; có lỗi thì không nạp gì</source>
        <translation>Import the procedure catalogue in the format of docs/catalogue-format.md; on any error nothing is imported</translation>
    </message>
    <message>
        <source>F1  Thông tin thủ tục</source>
        <translation>F1  Procedure information</translation>
    </message>
    <message>
        <source>Đính kèm tờ khai PDF…</source>
        <translation>Attach form PDF…</translation>
    </message>
    <message>
        <source>Đính kèm mẫu tờ khai (PDF do tỉnh cung cấp) vào thủ tục đang chọn cho cả đơn vị: các quầy khác nhận được khi đồng bộ với cổng; mẫu cùng tên được thay thế</source>
        <translation>Attach a blank form (a PDF supplied by the province) to the selected procedure for the whole agency: the other counters get it when they sync with the portal; a form of the same name is replaced</translation>
    </message>
    <message>
        <source>Chọn một thủ tục trong bảng trước.</source>
        <translation>Select a procedure in the table first.</translation>
    </message>
    <message>
        <source>Đính kèm tờ khai</source>
        <translation>Attach a form</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Tên mẫu tờ khai</source>
        <translation>Form name</translation>
    </message>
    <message>
        <source>Tên mẫu (như người dân đọc):</source>
        <translation>Form name (as citizens read it):</translation>
    </message>
    <message>
        <source>Đã đính kèm «{name}» vào thủ tục {code}.</source>
        <translation>Attached «{name}» to procedure {code}.</translation>
    </message>
    <message>
        <source>Không đọc được tệp: {detail}</source>
        <translation>Cannot read the file: {detail}</translation>
    </message>
    <message>
        <source>Không đính kèm được: {reason}</source>
        <translation>Not attached: {reason}</translation>
    </message>
    <message>
        <source>Nạp danh mục thủ tục</source>
        <translation>Import procedure catalogue</translation>
    </message>
    <message>
        <source>Tệp JSON (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Đang nạp…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Đã nạp {n} thủ tục.</source>
        <translation>Imported {n} procedures.</translation>
    </message>
    <message>
        <source>… và {n} lỗi khác</source>
        <translation>… and {n} more problems</translation>
    </message>
    <message>
        <source>Không nạp được: tệp có lỗi, chưa có gì được ghi.</source>
        <translation>Not imported: the file has errors, nothing was written.</translation>
    </message>
    <message>
        <source>Không nạp được: {reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Documents of the dossier</translation>
    </message>
    <message>
        <source>Đính kèm bản quét… (Ctrl+O)</source>
        <translation>Attach scan… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Tệp PDF, JPEG hoặc PNG cho giấy tờ đang chọn; ảnh thành trang PDF khổ A4.</source>
        <translation>PDF, JPEG or PNG files for the selected document; pictures become A4 PDF pages.</translation>
    </message>
    <message>
        <source>Thư mục máy quét…</source>
        <translation>Scanner folder…</translation>
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
    <message>
        <source>Bản quét lưu vào {folder} được đính kèm vào giấy tờ đang chọn.</source>
        <translation>Scans saved in {folder} are attached to the selected document.</translation>
    </message>
    <message>
        <source>Chưa chọn thư mục máy quét.</source>
        <translation>No scanner folder chosen.</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Phím cách: đánh dấu · chữ số: số lượng · Enter: xác nhận</source>
        <translation>Space: tick · digits: quantity · Enter: confirm</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Chưa đánh dấu giấy tờ nào.</source>
        <translation>No paper ticked yet.</translation>
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
    <name>DailyCloseBox</name>
    <message>
        <source>Chốt sổ cuối ngày (máy trạm này)</source>
        <translation>Daily close (this workstation)</translation>
    </message>
    <message>
        <source>Bấm “Xem số liệu hôm nay”.</source>
        <translation>Press “Today&apos;s figures”.</translation>
    </message>
    <message>
        <source>Xem số liệu hôm nay</source>
        <translation>Today&apos;s figures</translation>
    </message>
    <message>
        <source>Chốt sổ và lưu biên bản…</source>
        <translation>Close the day and save the sheet…</translation>
    </message>
    <message>
        <source>Ngày {day}: tiếp nhận {received}, trả kết quả {returned}, từ chối {refused}, hướng dẫn bổ sung {guidance}; phí, lệ phí đã thu {fees}.</source>
        <translation>{day}: received {received}, results returned {returned}, refused {refused}, supplement requests {guidance}; fees collected {fees}.</translation>
    </message>
    <message>
        <source>⚠ Còn {n} thay đổi chưa gửi lên cổng dịch vụ công.</source>
        <translation>⚠ {n} change(s) not yet sent to the public-service portal.</translation>
    </message>
    <message>
        <source>Đã chốt sổ lúc {time}.</source>
        <translation>Day closed at {time}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp: {reason}</source>
        <translation>The file could not be written: {reason}</translation>
    </message>
    <message>
        <source>Biên bản: {path}</source>
        <translation>Sheet: {path}</translation>
    </message>
    <message>
        <source>Còn dữ liệu chưa gửi</source>
        <translation>Unsent changes</translation>
    </message>
    <message>
        <source>Còn {n} thay đổi chưa gửi lên cổng dịch vụ công. Nên đồng bộ trước khi chốt sổ.</source>
        <translation>{n} change(s) not yet sent to the public-service portal. Synchronise before closing the day.</translation>
    </message>
    <message>
        <source>Nếu mất mạng, có thể vẫn chốt sổ: biên bản sẽ ghi rõ số thay đổi chưa gửi, và phải đồng bộ ngay khi có mạng.</source>
        <translation>If the network is down you may close anyway: the sheet states how many changes were unsent, and you must synchronise as soon as the network is back.</translation>
    </message>
    <message>
        <source>Vẫn chốt sổ</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn (2 ngày tới)</source>
        <translation>Due soon (next 2 days)</translation>
    </message>
    <message>
        <source>Tiếp nhận trong 30 ngày</source>
        <translation>Received in 30 days</translation>
    </message>
    <message>
        <source>Giải quyết trước và đúng hạn</source>
        <translation>Resolved early or on time</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giải quyết xong trong 30 ngày qua.</source>
        <translation>No dossier resolved in the last 30 days.</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận mỗi ngày</source>
        <translation>Dossiers received per day</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <source>Tỷ lệ giải quyết trước và đúng hạn theo thủ tục (thấp nhất trước; vạch: 80 %)</source>
        <translation>Resolved early or on time per procedure (lowest first; line: 80 %)</translation>
    </message>
    <message>
        <source>Tổng quan từ {start} đến {end} (cập nhật {time})</source>
        <translation>Overview from {start} to {end} (updated {time})</translation>
    </message>
    <message>
        <source>{rate} ({n} hồ sơ)</source>
        <translation>{rate} ({n} dossiers)</translation>
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
        <source>Trống: địa chỉ người gửi</source>
        <translation>Empty: the sender&apos;s address</translation>
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
        <source>Địa chỉ hoàn trả</source>
        <translation>Return address</translation>
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
    <name>DismissDialog</name>
    <message>
        <source>Bỏ qua sự kiện</source>
        <translation>Dismiss events</translation>
    </message>
    <message>
        <source>{n} sự kiện sẽ không bao giờ được gửi lại. Ghi rõ đã xử lý cách khác thế nào (vd. đã nhập hồ sơ trực tiếp trên cổng):</source>
        <translation>{n} event(s) will never be sent again. Say how they were dealt with instead (e.g. the dossier was entered at the portal by hand):</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hãy ghi chú cách đã xử lý.</source>
        <translation>Please write how it was dealt with.</translation>
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
        <source>Tin nhắn ({n})</source>
        <translation>Messages ({n})</translation>
    </message>
    <message>
        <source>Bản quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Bản quét ({n})</source>
        <translation>Scans ({n})</translation>
    </message>
    <message>
        <source>Lý do dừng xử lý</source>
        <translation>Reason for stopping</translation>
    </message>
    <message>
        <source>Lý do rút hồ sơ</source>
        <translation>Reason for withdrawal</translation>
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
        <source>{n} bản quét: {items}</source>
        <translation>{n} scan(s): {items}</translation>
    </message>
    <message>
        <source>Còn thiếu: {items}</source>
        <translation>Missing: {items}</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Ngày nghỉ, ngày làm bù</source>
        <translation>Days off and make-up days</translation>
    </message>
    <message>
        <source>vd. Nghỉ bù Tết Nguyên đán</source>
        <translation>e.g. Lunar New Year swap day off</translation>
    </message>
    <message>
        <source>vd. Thông báo 6150/TB-BNV</source>
        <translation>e.g. Notice 6150/TB-BNV</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal reference</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Quầy Một Cửa — Thiết lập máy trạm</source>
        <translation>Quầy Một Cửa — Workstation set-up</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FollowupButton</name>
    <message>
        <source>Xử lý tiếp…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại ngày trả (Mẫu 04)…</source>
        <translation>Apologise and set a new date (form 04)…</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ…</source>
        <translation>Withdrawn by the citizen…</translation>
    </message>
    <message>
        <source>Đã hẹn lại hồ sơ {code}: trả kết quả {due}.</source>
        <translation>Dossier {code} rescheduled: result due {due}.</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Lý do công dân rút hồ sơ {code} (in trên phiếu xác nhận rút hồ sơ):</source>
        <translation>Why the citizen withdraws dossier {code} (printed on the withdrawal slip):</translation>
    </message>
    <message>
        <source>Rút hồ sơ và in phiếu</source>
        <translation>Withdraw and print the slip</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã được rút.</source>
        <translation>Dossier {code} withdrawn.</translation>
    </message>
</context>
<context>
    <name>HandoverPreview</name>
    <message>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>IntakeBox</name>
    <message>
        <source>Nhận hồ sơ từ bưu điện</source>
        <translation>Take in dossiers from the post office</translation>
    </message>
    <message>
        <source>Quét mã danh sách bàn giao (mã vạch hoặc mã QR), rồi quét từng hồ sơ trong túi.</source>
        <translation>Scan the hand-over manifest (barcode or QR code), then each dossier in the pack.</translation>
    </message>
    <message>
        <source>Nhận đủ</source>
        <translation>Take in all</translation>
    </message>
    <message>
        <source>Hư hỏng…</source>
        <translation>Damaged…</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Ghi nhận (F9)</source>
        <translation>Record (F9)</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Danh sách {code}: chưa có danh sách trên máy này — quét từng hồ sơ (hoặc mã QR của danh sách).</source>
        <translation>Manifest {code}: its list is not on this workstation — scan each dossier (or the manifest&apos;s QR code).</translation>
    </message>
    <message>
        <source>Danh sách {code}: {n} hồ sơ. Quét từng hồ sơ hoặc bấm «Nhận đủ».</source>
        <translation>Manifest {code}: {n} dossiers. Scan each dossier or press “Take in all”.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có trong danh sách: ghi nhận thừa.</source>
        <translation>Dossier {code} is not on the manifest: recorded as extra.</translation>
    </message>
    <message>
        <source>Đã nhận hồ sơ {code}.</source>
        <translation>Dossier {code} taken in.</translation>
    </message>
    <message>
        <source>Hồ sơ hư hỏng</source>
        <translation>Damaged dossier</translation>
    </message>
    <message>
        <source>Hồ sơ {code} hư hỏng thế nào?</source>
        <translation>How is dossier {code} damaged?</translation>
    </message>
    <message>
        <source>Đã ghi nhận danh sách {code}: nhận {n} hồ sơ, {odd} sai lệch.</source>
        <translation>Manifest {code} recorded: {n} dossiers taken in, {odd} discrepancies.</translation>
    </message>
</context>
<context>
    <name>IntakeTableModel</name>
    <message>
        <source>Chưa thấy</source>
        <translation>Not seen yet</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Thừa (không có trong danh sách)</source>
        <translation>Extra (not on the manifest)</translation>
    </message>
    <message>
        <source>Hư hỏng</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sai lệch</source>
        <translation>Discrepancy</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>{agency} — Máy trạm {workstation:02d}</source>
        <translation>{agency} — Workstation {workstation:02d}</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Quên mật khẩu: nhờ quản trị viên đặt lại.</source>
        <translation>Forgotten password: ask an administrator to reset it.</translation>
    </message>
    <message>
        <source>Máy trạm đang khóa</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Đang làm việc: {name} ({role}). Tổ trưởng hoặc quản trị viên có thể đăng nhập bằng tài khoản của mình để tiếp tục.</source>
        <translation>Working: {name} ({role}). A supervisor or an administrator may log in with their own account to carry on.</translation>
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
        <source>Cần xử lý</source>
        <translation>To act on</translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Máy trạm đang khóa: mã vừa quét bị bỏ qua.</source>
        <translation>The workstation is locked: the scan was ignored.</translation>
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
        <source>Đã sao lưu dữ liệu hôm nay.</source>
        <translation>Today&apos;s backup has been made.</translation>
    </message>
    <message>
        <source>Chưa sao lưu được dữ liệu hôm nay: {reason}</source>
        <translation>Today&apos;s backup could not be made: {reason}</translation>
    </message>
</context>
<context>
    <name>NoticeTableModel</name>
    <message>
        <source>Lúc tạo</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Loại tin</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Gửi tới</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Lúc gửi</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Cần bổ sung</source>
        <translation>Supplement needed</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Trễ hẹn, xin lỗi</source>
        <translation>Late, apology</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Zalo</source>
        <translation>Zalo</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Gửi không được</source>
        <translation>Could not be sent</translation>
    </message>
    <message>
        <source>Chưa gửi được, cổng đang thử lại (lần {n})</source>
        <translation>Not sent yet, the portal is retrying (attempt {n})</translation>
    </message>
    <message>
        <source>Chờ gửi</source>
        <translation>Waiting to be sent</translation>
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
    <name>PdfDialog</name>
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
        <source>Không lưu được: {detail}</source>
        <translation>Could not save: {detail}</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
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
    <name>PortalPage</name>
    <message>
        <source>Ví dụ: Quầy 1 — máy mới</source>
        <translation>E.g. Counter 1 — new PC</translation>
    </message>
    <message>
        <source>Đăng ký máy với cổng</source>
        <translation>Enrol this PC with the portal</translation>
    </message>
    <message>
        <source>Địa chỉ cổng dịch vụ công</source>
        <translation>Public service portal address</translation>
    </message>
    <message>
        <source>Mã đăng ký máy</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Tên máy (không bắt buộc)</source>
        <translation>PC name (optional)</translation>
    </message>
    <message>
        <source>Quản trị viên của cổng cấp mã đăng ký (dùng một lần). Số quầy và mã đơn vị lấy theo hồ sơ đơn vị của máy này.</source>
        <translation>The portal&apos;s administrator issues the enrolment code (single use). The counter number and agency code come from this PC&apos;s agency profile.</translation>
    </message>
    <message>
        <source>Máy này chưa đăng ký với cổng dịch vụ công.</source>
        <translation>This PC is not enrolled with the public service portal.</translation>
    </message>
    <message>
        <source>Đã đăng ký: quầy {workstation} của đơn vị {agency}, với cổng {url}.</source>
        <translation>Enrolled: counter {workstation} of agency {agency}, with portal {url}.</translation>
    </message>
    <message>
        <source>⚠ Hãy nhập địa chỉ cổng dịch vụ công (http:// hoặc https://).</source>
        <translation>⚠ Enter the public service portal address (http:// or https://).</translation>
    </message>
    <message>
        <source>⚠ Hãy nhập mã đăng ký máy do quản trị viên của cổng cấp.</source>
        <translation>⚠ Enter the enrolment code issued by the portal&apos;s administrator.</translation>
    </message>
    <message>
        <source>Đang đăng ký với cổng…</source>
        <translation>Enrolling with the portal…</translation>
    </message>
    <message>
        <source>Đã đăng ký máy: quầy {workstation} của {agency} ({code}). Đang đồng bộ lần đầu.</source>
        <translation>PC enrolled: counter {workstation} of {agency} ({code}). First synchronisation running.</translation>
    </message>
</context>
<context>
    <name>PostalPage</name>
    <message>
        <source>Hồ sơ nhận qua bưu điện chờ bàn giao</source>
        <translation>Dossiers accepted by post waiting for hand-over</translation>
    </message>
    <message>
        <source>Lập danh sách bàn giao (Ctrl+B)</source>
        <translation>Make hand-over manifests (Ctrl+B)</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu chính</source>
        <translation>Results by post</translation>
    </message>
    <message>
        <source>Quét mã hồ sơ</source>
        <translation>Scan the dossier code</translation>
    </message>
    <message>
        <source>Quét số hiệu bưu gửi, vd. EE123456785VN</source>
        <translation>Scan the postal item number, e.g. EE123456785VN</translation>
    </message>
    <message>
        <source>Gửi và in nhãn</source>
        <translation>Send and print label</translation>
    </message>
    <message>
        <source>Đã phát</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
    <message>
        <source>Đã lập {n} danh sách bàn giao: {codes}.</source>
        <translation>{n} hand-over manifest(s) made: {codes}.</translation>
    </message>
    <message>
        <source>Danh sách bàn giao {code}</source>
        <translation>Hand-over manifest {code}</translation>
    </message>
    <message>
        <source>Kết quả hồ sơ {code} gửi qua bưu chính, số hiệu {item}.</source>
        <translation>The result of dossier {code} sent by post, item {item}.</translation>
    </message>
    <message>
        <source>Nhãn gửi kết quả {item}</source>
        <translation>Result label {item}</translation>
    </message>
    <message>
        <source>Đã ghi nhận bưu điện phát kết quả hồ sơ {code} lúc {at}.</source>
        <translation>Delivery of the result of dossier {code} recorded at {at}.</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Xem trước — {form}</source>
        <translation>Preview — {form}</translation>
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
    <message>
        <source>{form} — {ref} — {n} trang</source>
        <translation>{form} — {ref} — {n} page(s)</translation>
    </message>
    <message>
        <source>{title} — {n} trang</source>
        <translation>{title} — {n} page(s)</translation>
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
    <message>
        <source>F1 Thông tin thủ tục</source>
        <translation>F1 Procedure information</translation>
    </message>
    <message>
        <source>F2 In tờ khai</source>
        <translation>F2 Print blank form</translation>
    </message>
    <message>
        <source>F2 In tờ khai ({n} mẫu)</source>
        <translation>F2 Print blank forms ({n})</translation>
    </message>
</context>
<context>
    <name>ProcedureInfo</name>
    <message>
        <source>Cấp xã</source>
        <translation>Commune level</translation>
    </message>
    <message>
        <source>Cấp tỉnh</source>
        <translation>Province level</translation>
    </message>
    <message>
        <source>Cấp bộ, ngành trung ương</source>
        <translation>Ministry level</translation>
    </message>
    <message>
        <source>Cung cấp thông tin</source>
        <translation>Information only</translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến một phần</source>
        <translation>Partly online public service</translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến toàn trình</source>
        <translation>Fully online public service</translation>
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
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Cấp thực hiện</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Time limit</translation>
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
        <source>Không thu phí, lệ phí</source>
        <translation>No fees</translation>
    </message>
    <message>
        <source>Mức độ dịch vụ công</source>
        <translation>Online service level</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Kết quả thực hiện</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Loại bản</source>
        <translation>Copy type</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source> hoặc </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Khi cần</source>
        <translation>If applicable</translation>
    </message>
    <message>
        <source>Thông tin thủ tục hành chính</source>
        <translation>Administrative procedure information</translation>
    </message>
</context>
<context>
    <name>ProcedureInfoDialog</name>
    <message>
        <source>Thông tin thủ tục — {code}</source>
        <translation>Procedure information — {code}</translation>
    </message>
    <message>
        <source>Ctrl+P  In thông tin thủ tục</source>
        <translation>Ctrl+P  Print procedure information</translation>
    </message>
    <message>
        <source>Alt+{n}  In tờ khai: {name}</source>
        <translation>Alt+{n}  Print form: {name}</translation>
    </message>
    <message>
        <source>Esc  Đóng</source>
        <translation>Esc  Close</translation>
    </message>
    <message>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the print…</translation>
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
    <name>ProfilePage</name>
    <message>
        <source>Trống: chỉ làm việc ngoại tuyến</source>
        <translation>Empty: offline only</translation>
    </message>
    <message>
        <source>Trống: địa chỉ cổng</source>
        <translation>Empty: the portal address</translation>
    </message>
    <message>
        <source>Trống: cơ quan chủ quản và tên đơn vị</source>
        <translation>Empty: governing body and agency name</translation>
    </message>
    <message>
        <source>Rộng x cao, đơn vị mm, vd. 50x30 hoặc 70x40</source>
        <translation>Width x height in mm, e.g. 50x30 or 70x40</translation>
    </message>
    <message>
        <source>Trống: hỏi chọn máy in mỗi lần in</source>
        <translation>Empty: ask for a printer each time</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Chỉ khi bấm Đồng bộ ngay</source>
        <translation>Only on Sync now</translation>
    </message>
    <message>
        <source>Mã cơ quan tiếp nhận</source>
        <translation>Receiving agency code</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Governing body</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Địa chỉ cổng dịch vụ công</source>
        <translation>Public service portal address</translation>
    </message>
    <message>
        <source>Đồng bộ mỗi</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>Tiêu đề in (mỗi dòng một dòng)</source>
        <translation>Printed header (one line per line)</translation>
    </message>
    <message>
        <source>Chức danh người tiếp nhận</source>
        <translation>Receiver&apos;s title</translation>
    </message>
    <message>
        <source>Chức danh người hướng dẫn</source>
        <translation>Guide&apos;s title</translation>
    </message>
    <message>
        <source>Chức danh thủ trưởng</source>
        <translation>Head&apos;s title</translation>
    </message>
    <message>
        <source>Ghi chú cuối Giấy tiếp nhận</source>
        <translation>Receipt footnote</translation>
    </message>
    <message>
        <source>Đường dây nóng</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>Địa chỉ tra cứu (mã QR)</source>
        <translation>Lookup address (QR code)</translation>
    </message>
    <message>
        <source>Cỡ nhãn bìa hồ sơ</source>
        <translation>Folder label size</translation>
    </message>
    <message>
        <source>Máy in giấy A4 (phiếu, tờ khai)</source>
        <translation>A4 printer (slips, forms)</translation>
    </message>
    <message>
        <source>Máy in nhãn bìa hồ sơ</source>
        <translation>Folder label printer</translation>
    </message>
    <message>
        <source>Đã có hồ sơ: không đổi được mã cơ quan.</source>
        <translation>Dossiers exist: the agency code cannot change.</translation>
    </message>
    <message>
        <source>Lưu hồ sơ đơn vị</source>
        <translation>Save agency profile</translation>
    </message>
    <message>
        <source>Hỏi khi in</source>
        <translation>Ask when printing</translation>
    </message>
    <message>
        <source>Không có máy in: lưu PDF</source>
        <translation>No printer: save PDF</translation>
    </message>
    <message>
        <source>{name} (không thấy trên máy này)</source>
        <translation>{name} (not found on this computer)</translation>
    </message>
    <message>
        <source>Đã lưu hồ sơ đơn vị.</source>
        <translation>Agency profile saved.</translation>
    </message>
    <message>
        <source>⚠ Chưa lưu: hãy sửa các ô được đánh dấu.</source>
        <translation>⚠ Not saved: correct the marked fields.</translation>
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
    <name>ReasonOnlyDialog</name>
    <message>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Hãy nhập lý do: lý do được in trên phiếu.</source>
        <translation>Enter the reason: it is printed on the slip.</translation>
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
        <source>Người gửi khác chủ hồ sơ</source>
        <translation>Sender other than the applicant</translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi {item}.</source>
        <translation>Postal item {item}.</translation>
    </message>
    <message>
        <source>Chọn thủ tục trước, rồi nhấn F1 để xem thông tin.</source>
        <translation>Choose a procedure first, then press F1 for its information.</translation>
    </message>
    <message>
        <source>Thủ tục này không có mẫu tờ khai để in.</source>
        <translation>This procedure has no blank form to print.</translation>
    </message>
    <message>
        <source>Chọn thủ tục trước.</source>
        <translation>Choose a procedure first.</translation>
    </message>
    <message>
        <source>Hãy sửa các ô được đánh dấu.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <source>Đang nhập bản quét: chờ một chút rồi thử lại.</source>
        <translation>Scans are still being imported: wait a moment and try again.</translation>
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
    <name>ReportTabs</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Lưu tệp</source>
        <translation>Save file</translation>
    </message>
    <message>
        <source>Theo lĩnh vực</source>
        <translation>By field</translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <source>Biểu II.06a ra Excel…</source>
        <translation>Form II.06a to Excel…</translation>
    </message>
    <message>
        <source>Biểu II.06a ra PDF…</source>
        <translation>Form II.06a to PDF…</translation>
    </message>
    <message>
        <source>Sổ theo dõi (Mẫu 06) ra PDF…</source>
        <translation>Tracking book (Form 06) to PDF…</translation>
    </message>
    <message>
        <source>Sổ theo dõi (Mẫu 06) ra Excel…</source>
        <translation>Tracking book (Form 06) to Excel…</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Báo cáo thống kê và sổ theo dõi hồ sơ</source>
        <translation>Statistics and the tracking book</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{n} hồ sơ tiếp nhận trong kỳ và từ kỳ trước.</source>
        <translation>{n} dossiers received in the period or carried over.</translation>
    </message>
    <message>
        <source>Không có hồ sơ trong kỳ báo cáo.</source>
        <translation>No dossier in the period.</translation>
    </message>
    <message>
        <source>Đang tạo tệp…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Không ghi được tệp: {reason}</source>
        <translation>The file could not be written: {reason}</translation>
    </message>
</context>
<context>
    <name>ReprintButton</name>
    <message>
        <source>In lại…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <source>In lại một mẫu của hồ sơ này (ghi vào quá trình xử lý)</source>
        <translation>Reprint a form of this dossier (recorded in its history)</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi Enter</source>
        <translation>Scan the barcode on the receipt, or type the dossier code and press Enter</translation>
    </message>
    <message>
        <source>Quét CCCD hoặc gõ số giấy tờ</source>
        <translation>Scan the ID card or type the ID number</translation>
    </message>
    <message>
        <source>Người nhận là chủ hồ sơ (F6)</source>
        <translation>The receiver is the applicant (F6)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Receiver of the result</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số CCCD / giấy tờ</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Giấy ủy quyền số</source>
        <translation>Authorisation letter no.</translation>
    </message>
    <message>
        <source>Ngày ủy quyền</source>
        <translation>Authorisation date</translation>
    </message>
    <message>
        <source>Mỗi dòng một giấy tờ kết quả; thêm «; 2» nếu giao 2 bản</source>
        <translation>One result document per line; add &quot;; 2&quot; for 2 copies</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>Không thu</source>
        <translation>Nothing charged</translation>
    </message>
    <message>
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Thẻ</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Bàn giao</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Giấy tờ kết quả</source>
        <translation>Result documents</translation>
    </message>
    <message>
        <source>Phí, lệ phí thu (đồng)</source>
        <translation>Fees collected (VND)</translation>
    </message>
    <message>
        <source>Đánh giá của người dân</source>
        <translation>Citizen&apos;s rating</translation>
    </message>
    <message>
        <source>&amp;0 Không đánh giá</source>
        <translation>&amp;0 No rating</translation>
    </message>
    <message>
        <source>&amp;1 Hài lòng</source>
        <translation>&amp;1 Satisfied</translation>
    </message>
    <message>
        <source>&amp;2 Chấp nhận được</source>
        <translation>&amp;2 Acceptable</translation>
    </message>
    <message>
        <source>&amp;3 Không hài lòng</source>
        <translation>&amp;3 Not satisfied</translation>
    </message>
    <message>
        <source>Ghi chú (không bắt buộc)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Trả kết quả và in phiếu bàn giao (F9)</source>
        <translation>Return the result and print the hand-over slip (F9)</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ: quét mã vạch trên giấy tiếp nhận.</source>
        <translation>No dossier yet: scan the barcode on the receipt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; — {name}&lt;br&gt;{procedure}&lt;br&gt;Trạng thái: {status}; hẹn trả: {due}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; — {name}&lt;br&gt;{procedure}&lt;br&gt;Status: {status}; due: {due}</translation>
    </message>
    <message>
        <source>Người nhận không phải chủ hồ sơ: ghi số và ngày của giấy ủy quyền.</source>
        <translation>The receiver is not the applicant: enter the number and date of the authorisation letter.</translation>
    </message>
    <message>
        <source>Ngày ủy quyền: {problem}</source>
        <translation>Authorisation date: {problem}</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {code}.</source>
        <translation>Result of dossier {code} returned.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Đổi vai trò</source>
        <translation>Change the role</translation>
    </message>
    <message>
        <source>Vai trò của {name} ({username}):</source>
        <translation>Role of {name} ({username}):</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScanAttachments</name>
    <message>
        <source>Đính kèm bản quét</source>
        <translation>Attach scan</translation>
    </message>
    <message>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Thư mục máy quét lưu bản quét</source>
        <translation>Folder where the scanner saves scans</translation>
    </message>
    <message>
        <source>Đã gỡ bản quét {name} khỏi «{item}».</source>
        <translation>Removed scan {name} from “{item}”.</translation>
    </message>
    <message>
        <source>Chọn thủ tục và giấy tờ trong danh sách trước khi đính kèm bản quét.</source>
        <translation>Choose the procedure and a document in the list before attaching a scan.</translation>
    </message>
    <message>
        <source>Đang nhập bản quét…</source>
        <translation>Importing scan…</translation>
    </message>
    <message>
        <source>Đã đính kèm bản quét {name} ({n} trang) vào «{item}».</source>
        <translation>Attached scan {name} ({n} page(s)) to “{item}”.</translation>
    </message>
    <message>
        <source>Bản quét {name} chưa được đính kèm: danh sách giấy tờ đã đổi. Hãy chọn giấy tờ rồi đính kèm lại.</source>
        <translation>Scan {name} was not attached: the list of documents changed. Choose the document and attach it again.</translation>
    </message>
    <message>
        <source>Bản quét {name} trong thư mục máy quét không dùng được ({reason}); tệp đã được chuyển vào thư mục {folder}.</source>
        <translation>Scan {name} in the scanner folder cannot be used ({reason}); the file was moved to the folder {folder}.</translation>
    </message>
</context>
<context>
    <name>ScanStrip</name>
    <message>
        <source>Delete: gỡ bản quét đang chọn khỏi hồ sơ.</source>
        <translation>Delete: remove the selected scan from the dossier.</translation>
    </message>
    <message>
        <source>Chưa có bản quét. Ctrl+O: đính kèm tệp PDF, JPEG, PNG cho giấy tờ đang chọn; bản quét máy quét lưu vào thư mục quét được đính kèm tự động.</source>
        <translation>No scans yet. Ctrl+O: attach a PDF, JPEG or PNG file to the selected document; pages the scanner saves in its folder are attached automatically.</translation>
    </message>
    <message>
        <source>{n} trang · {item}</source>
        <translation>{n} page(s) · {item}</translation>
    </message>
    <message>
        <source>{item}
{name} — {n} trang, {size}</source>
        <translation>{item}
{name} — {n} page(s), {size}</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <source>Khóa máy</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Khóa máy khi rời quầy (Ctrl+L): hồ sơ đang nhập vẫn được giữ nguyên.</source>
        <translation>Lock the workstation when leaving the counter (Ctrl+L): the dossier being entered is kept as it is.</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Kết thúc phiên làm việc; hồ sơ đang nhập dở bị bỏ.</source>
        <translation>End the session; a dossier being entered is discarded.</translation>
    </message>
    <message>
        <source>Tạo quản trị viên đầu tiên</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <source>Máy trạm đã được khai báo nhưng chưa có tài khoản nào. Hãy tạo tài khoản quản trị viên đầu tiên; sau đó đăng nhập bằng tài khoản này.</source>
        <translation>This workstation is set up but has no account yet. Create the first administrator&apos;s account, then log in with it.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <source>Chưa đăng nhập</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
</context>
<context>
    <name>StatisticsTableModel</name>
    <message>
        <source>Lĩnh vực, thủ tục</source>
        <translation>Field, procedure</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Đang quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Trước và đúng hạn</source>
        <translation>Early or on time</translation>
    </message>
</context>
<context>
    <name>SyncProblemTableModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cổng trả lời</source>
        <translation>Portal&apos;s answer</translation>
    </message>
    <message>
        <source>Số lần gửi</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Mã lý do: {reason}</source>
        <translation>Reason code: {reason}</translation>
    </message>
    <message>
        <source>Cổng trả lời lúc {at}, sau {n} lần gửi.</source>
        <translation>Answered by the portal at {at}, after {n} attempt(s).</translation>
    </message>
</context>
<context>
    <name>SyncProblemsPage</name>
    <message>
        <source>Đồng bộ — sự kiện cần xử lý</source>
        <translation>Sync — events to deal with</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công đã từ chối các sự kiện dưới đây, hoặc đang giữ một nội dung khác cho chúng (xung đột). Chúng không được gửi lại tự động; các hồ sơ khác vẫn được gửi bình thường. Đọc lời của cổng rồi chọn: Gửi lại, khi nguyên nhân đã được khắc phục trên cổng; Bỏ qua, khi đã xử lý cách khác.</source>
        <translation>The public-service portal refused the events below, or holds different content for them (conflict). They are not sent again automatically; other dossiers are still sent as usual. Read the portal&apos;s answer, then choose: Send again, once the cause has been fixed at the portal; Dismiss, when it was dealt with another way.</translation>
    </message>
    <message>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Gửi lại nguyên vẹn các sự kiện đã chọn ở lần đồng bộ tới (ngay bây giờ).</source>
        <translation>Send the selected events again, unchanged, in the next sync (right now).</translation>
    </message>
    <message>
        <source>Bỏ qua…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <source>Không gửi các sự kiện đã chọn nữa, kèm ghi chú cách đã xử lý.</source>
        <translation>Stop sending the selected events, with a note saying how they were dealt with.</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không còn sự kiện nào cần xử lý.</source>
        <translation>No events left to deal with.</translation>
    </message>
    <message>
        <source>{kind} — hồ sơ {code} ({name}) — {result}</source>
        <translation>{kind} — dossier {code} ({name}) — {result}</translation>
    </message>
    <message>
        <source>Đã chọn {n} sự kiện.</source>
        <translation>{n} events selected.</translation>
    </message>
    <message>
        <source>Đã đưa {n} sự kiện vào hàng chờ gửi lại; đang đồng bộ.</source>
        <translation>{n} event(s) queued to be sent again; syncing.</translation>
    </message>
    <message>
        <source>Đã bỏ qua {n} sự kiện.</source>
        <translation>{n} event(s) dismissed.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>cổng bận hoặc gặp lỗi</source>
        <translation>portal busy or failing</translation>
    </message>
    <message>
        <source>cổng từ chối yêu cầu</source>
        <translation>portal refused the request</translation>
    </message>
    <message>
        <source>cổng đã được khôi phục</source>
        <translation>portal was restored</translation>
    </message>
    <message>
        <source>địa chỉ cổng không hợp lệ</source>
        <translation>invalid portal address</translation>
    </message>
    <message>
        <source>không kết nối được</source>
        <translation>no connection</translation>
    </message>
    <message>
        <source>cổng không trả lời kịp</source>
        <translation>portal did not answer in time</translation>
    </message>
    <message>
        <source>lỗi không rõ</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Lần cuối: {hour} giờ {minute} phút, {date}</source>
        <translation>Last: {hour}:{minute}, {date}</translation>
    </message>
    <message>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Máy trạm làm việc ngoại tuyến: mọi hồ sơ được lưu trên máy này.</source>
        <translation>The workstation works offline: every dossier is saved on this computer.</translation>
    </message>
    <message>
        <source>Ngoại tuyến — chưa đăng ký với cổng</source>
        <translation>Offline — not enrolled with the portal</translation>
    </message>
    <message>
        <source>Máy trạm chưa đăng ký với cổng dịch vụ công: mọi hồ sơ được lưu trên máy này và chưa được gửi đi. Để đồng bộ, quản trị viên lấy mã đăng ký của đơn vị trên cổng rồi chạy lệnh:
{command}</source>
        <translation>This workstation is not enrolled with the public-service portal: every dossier is saved on this computer and not sent yet. To sync, an administrator gets the agency&apos;s enrolment code from the portal and runs:
{command}</translation>
    </message>
    <message>
        <source>Cần đăng ký lại máy</source>
        <translation>Workstation must enrol again</translation>
    </message>
    <message>
        <source>Cổng trả lời: {message}</source>
        <translation>The portal said: {message}</translation>
    </message>
    <message>
        <source>Lỗi đồng bộ: {reason}</source>
        <translation>Sync failed: {reason}</translation>
    </message>
    <message>
        <source>Đã kết nối</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Lần đồng bộ gần nhất thành công; các thay đổi mới sẽ được gửi ở lần sau.</source>
        <translation>The last sync succeeded; new changes go in the next one.</translation>
    </message>
    <message>
        <source>Đã đồng bộ</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Mọi thay đổi của máy trạm đã được gửi lên cổng {url}.</source>
        <translation>Every change of this workstation has been sent to the portal {url}.</translation>
    </message>
    <message>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Đang đồng bộ… đã gửi {done}, còn {left}</source>
        <translation>Syncing… {done} sent, {left} left</translation>
    </message>
    <message>
        <source>Đang đồng bộ… nhận {done} thay đổi</source>
        <translation>Syncing… {done} changes received</translation>
    </message>
    <message>
        <source>Đang chờ để thử lại; bấm Đồng bộ ngay (F5) để thử ngay.</source>
        <translation>Waiting to retry; press Sync now (F5) to try at once.</translation>
    </message>
    <message>
        <source>Ngoại tuyến — thử lại sau {delay} giây</source>
        <translation>Offline — retrying in {delay} s</translation>
    </message>
    <message>
        <source>Lỗi đồng bộ: {reason} — thử lại sau {delay} giây</source>
        <translation>Sync failed: {reason} — retrying in {delay} s</translation>
    </message>
    <message>
        <source>lỗi không mong đợi</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <source>{n} bảng kê</source>
        <translation>{n} manifest(s)</translation>
    </message>
    <message>
        <source>{n} biểu mẫu</source>
        <translation>{n} form(s)</translation>
    </message>
    <message>
        <source>{n} biểu mẫu của đơn vị chưa gửi</source>
        <translation>{n} of the agency&apos;s form(s) not yet sent</translation>
    </message>
    <message>
        <source>{n} bản quét</source>
        <translation>{n} scan(s)</translation>
    </message>
    <message>
        <source>{n} tệp biểu mẫu chưa tải lên</source>
        <translation>{n} form file(s) not yet uploaded</translation>
    </message>
    <message>
        <source>Chờ đồng bộ: {items}</source>
        <translation>Waiting to sync: {items}</translation>
    </message>
    <message>
        <source>Đã lưu trên máy này, chưa có trên cổng dịch vụ công:</source>
        <translation>Saved on this computer, not yet at the portal:</translation>
    </message>
    <message>
        <source>{n} hồ sơ có thay đổi chưa gửi</source>
        <translation>{n} dossier(s) with changes not yet sent</translation>
    </message>
    <message>
        <source>{n} bảng kê bưu chính chưa gửi</source>
        <translation>{n} postal hand-over manifest(s) not yet sent</translation>
    </message>
    <message>
        <source>{n} bản quét chưa tải lên</source>
        <translation>{n} scan(s) not yet uploaded</translation>
    </message>
    <message>
        <source>Tổng cộng {n} thay đổi chờ gửi.</source>
        <translation>{n} change(s) in all waiting to be sent.</translation>
    </message>
    <message>
        <source>Không còn gì chờ gửi lên cổng dịch vụ công.</source>
        <translation>Nothing is waiting to be sent to the portal.</translation>
    </message>
    <message>
        <source>Không tính {n} thay đổi bị cổng từ chối hoặc xung đột: cần tổ trưởng hoặc quản trị viên xử lý (⚠).</source>
        <translation>Not counted: {n} change(s) refused by the portal or in conflict, which a supervisor or administrator must deal with (⚠).</translation>
    </message>
    <message>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Gửi ngay các thay đổi lên cổng dịch vụ công và nhận cập nhật (F5).</source>
        <translation>Send the changes to the public-service portal now and receive updates (F5).</translation>
    </message>
    <message>
        <source>{n} sự kiện cần xử lý</source>
        <translation>{n} event(s) to deal with</translation>
    </message>
    <message>
        <source>Sự kiện bị cổng từ chối hoặc xung đột: bấm để xem lý do, gửi lại hoặc bỏ qua.</source>
        <translation>Events the portal refused or that conflict: click to read why, send them again or dismiss them.</translation>
    </message>
    <message>
        <source>Sự kiện bị cổng từ chối hoặc xung đột: cần tổ trưởng hoặc quản trị viên xem và xử lý. Các hồ sơ khác vẫn được gửi bình thường.</source>
        <translation>Events the portal refused or that conflict: a supervisor or an administrator must look at them. Other dossiers are still sent as usual.</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Đang nâng cấp dữ liệu</source>
        <translation>Upgrading the data</translation>
    </message>
    <message>
        <source>Phiên bản mới của Quầy Một Cửa cần nâng cấp dữ liệu trên máy này. Việc này chỉ làm một lần và có thể mất vài phút khi dữ liệu lớn. Xin đừng tắt máy hay đóng ứng dụng: dữ liệu được sao lưu trước khi nâng cấp, cửa sổ làm việc sẽ tự mở khi xong.</source>
        <translation>This new version of Quầy Một Cửa needs to upgrade the data on this computer. It is done once and may take a few minutes with a large database. Please do not switch off the computer or close the application: the data is backed up before the upgrade, and the working window opens by itself when it is done.</translation>
    </message>
    <message>
        <source>Bước 1/3: sao lưu dữ liệu hiện có ({percent} %)</source>
        <translation>Step 1/3: backing up the current data ({percent} %)</translation>
    </message>
    <message>
        <source>Bước 2/3: kiểm tra bản sao lưu…</source>
        <translation>Step 2/3: checking the backup…</translation>
    </message>
    <message>
        <source>Bước 3/3: nâng cấp cấu trúc dữ liệu ({done}/{total})</source>
        <translation>Step 3/3: upgrading the data's structure ({done}/{total})</translation>
    </message>
    <message>
        <source>Đang nâng cấp, không thể đóng lúc này. Cửa sổ làm việc sẽ tự mở khi xong.</source>
        <translation>Upgrading: this cannot be closed now. The working window opens by itself when it is done.</translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>Máy trạm</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>Mỗi máy trạm của cùng một cơ quan cần một số riêng: số máy trạm quyết định dải số mã hồ sơ của máy.</source>
        <translation>Each workstation of an agency needs its own number: it decides the workstation&apos;s range of dossier numbers.</translation>
    </message>
    <message>
        <source>Số máy trạm (1–99)</source>
        <translation>Workstation number (1–99)</translation>
    </message>
    <message>
        <source>Địa chỉ cổng dịch vụ công</source>
        <translation>Public service portal address</translation>
    </message>
    <message>
        <source>Có thể để trống: ứng dụng làm việc ngoại tuyến, mọi hồ sơ được lưu trên máy này.</source>
        <translation>May be left empty: the application works offline, every dossier is kept on this computer.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Ứng dụng vừa gặp một lỗi không mong đợi. Những gì đã lưu không bị mất; nếu đang nhập dở, hãy kiểm tra lại rồi lưu.</source>
        <translation>The application has just met an unexpected error. What was saved is not lost; if you were in the middle of typing, check it and save again.</translation>
    </message>
    <message>
        <source>Báo cáo lỗi (không chứa thông tin cá nhân) đã được ghi vào:
{path}
Hãy gửi tệp này cho quản trị viên.</source>
        <translation>An error report (with no personal data) was written to:
{path}
Please send this file to your administrator.</translation>
    </message>
    <message>
        <source>Không ghi được báo cáo lỗi (ổ đĩa đầy?).</source>
        <translation>The error report could not be written (is the disk full?).</translation>
    </message>
    <message>
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Tiếp tục làm việc</source>
        <translation>Carry on working</translation>
    </message>
    <message>
        <source>Đóng ứng dụng</source>
        <translation>Close the application</translation>
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
    <name>followup</name>
    <message>
        <source>Nộp trực tuyến chờ tiếp nhận</source>
        <translation>Online, to accept</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Nghĩa vụ tài chính</source>
        <translation>Financial obligation</translation>
    </message>
    <message>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Hẹn trả {due}; giấy tờ: {items}</source>
        <translation>Due {due}; papers: {items}</translation>
    </message>
    <message>
        <source>Đã nhận: {items}; hẹn trả mới {due}</source>
        <translation>Received: {items}; new due date {due}</translation>
    </message>
    <message>
        <source>⚠ yêu cầu bổ sung lần thứ hai của cùng cơ quan</source>
        <translation>⚠ second supplement request from the same agency</translation>
    </message>
    <message>
        <source>Hẹn lại {due} (trước: {old}); lý do: {reason}</source>
        <translation>New date {due} (was {old}); reason: {reason}</translation>
    </message>
    <message>
        <source>Lý do: {reason}</source>
        <translation>Reason: {reason}</translation>
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
        <source>Bổ sung bản quét</source>
        <translation>Scans added</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ trực tuyến</source>
        <translation>Online dossier accepted</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại ngày trả</source>
        <translation>Apology, new due date</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <source>Nhận qua bưu điện</source>
        <translation>Accepted at the post office</translation>
    </message>
    <message>
        <source>Gửi kết quả qua bưu chính</source>
        <translation>Result sent by post</translation>
    </message>
    <message>
        <source>Bưu điện đã phát kết quả</source>
        <translation>Result delivered by the post</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <source>Tin nhắn cho người dân</source>
        <translation>Message to the citizen</translation>
    </message>
    <message>
        <source>Tình trạng gửi tin nhắn</source>
        <translation>Message sending state</translation>
    </message>
    <message>
        <source>Đính kèm mẫu tờ khai</source>
        <translation>Blank form attached</translation>
    </message>
    <message>
        <source>Bỏ mẫu tờ khai</source>
        <translation>Blank form removed</translation>
    </message>
    <message>
        <source>Cổng cập nhật trạng thái</source>
        <translation>Status set at the portal</translation>
    </message>
    <message>
        <source>Nhận hồ sơ nộp trực tuyến</source>
        <translation>Online submission received</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Nhân viên bưu điện</source>
        <translation>Postal agent</translation>
    </message>
    <message>
        <source>Tổ trưởng</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
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
        <source>Phiếu xác nhận rút hồ sơ</source>
        <translation>Withdrawal slip</translation>
    </message>
    <message>
        <source>Phiếu bàn giao kết quả</source>
        <translation>Result hand-over slip</translation>
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
<context>
    <name>messages</name>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Chủ hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <source>họ và tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>số giấy tờ tùy thân</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <source>loại giấy tờ</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>ngày sinh</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>giới tính</source>
        <translation>gender</translation>
    </message>
    <message>
        <source>số điện thoại</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>thư điện tử</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>địa chỉ</source>
        <translation>address</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier documents</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <source>Thời điểm tiếp nhận</source>
        <translation>Time of receipt</translation>
    </message>
    <message>
        <source>Hình thức nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal item number</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Số máy trạm</source>
        <translation>Workstation number</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Số mã mỗi máy trạm</source>
        <translation>Codes per workstation</translation>
    </message>
    <message>
        <source>Khổ nhãn</source>
        <translation>Label size</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation>New result date</translation>
    </message>
    <message>
        <source>Khoảng ngày</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>Bản quét</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Địa chỉ cổng dịch vụ công</source>
        <translation>Public service portal address</translation>
    </message>
    <message>
        <source>Địa chỉ hoàn trả</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>Mã danh sách bàn giao</source>
        <translation>Manifest code</translation>
    </message>
    <message>
        <source>Danh sách hồ sơ</source>
        <translation>Dossier list</translation>
    </message>
    <message>
        <source>xác nhận</source>
        <translation>decision</translation>
    </message>
    <message>
        <source>ghi chú</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Receiver of the result</translation>
    </message>
    <message>
        <source>Giấy ủy quyền</source>
        <translation>Authorisation letter</translation>
    </message>
    <message>
        <source>số</source>
        <translation>number</translation>
    </message>
    <message>
        <source>ngày ký</source>
        <translation>date signed</translation>
    </message>
    <message>
        <source>Giấy tờ kết quả</source>
        <translation>Result documents</translation>
    </message>
    <message>
        <source>tên</source>
        <translation>name</translation>
    </message>
    <message>
        <source>số lượng</source>
        <translation>quantity</translation>
    </message>
    <message>
        <source>Phí, lệ phí đã thu</source>
        <translation>Fees collected</translation>
    </message>
    <message>
        <source>Hình thức thanh toán</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)</source>
        <translation>Receipt and appointment for the result (Form 01)</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</source>
        <translation>Request to supplement the dossier (Form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</source>
        <translation>Refusal to accept the dossier (Form 03)</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
        <translation>Apology and new date for the result (Form 04)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)</source>
        <translation>Dossier processing control sheet (Form 05)</translation>
    </message>
    <message>
        <source>nhãn hồ sơ</source>
        <translation>dossier label</translation>
    </message>
    <message>
        <source>Phiếu xác nhận rút hồ sơ</source>
        <translation>Withdrawal slip</translation>
    </message>
    <message>
        <source>tiếp nhận hồ sơ nộp trực tuyến</source>
        <translation>accept the dossier submitted online</translation>
    </message>
    <message>
        <source>ghi nhận bổ sung hồ sơ</source>
        <translation>record the supplement to the dossier</translation>
    </message>
    <message>
        <source>lập phiếu xin lỗi, hẹn lại ngày trả</source>
        <translation>issue an apology with a new result date</translation>
    </message>
    <message>
        <source>rút hồ sơ</source>
        <translation>withdraw the dossier</translation>
    </message>
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
        <source>hồ sơ đã được tiếp nhận</source>
        <translation>a received dossier</translation>
    </message>
    <message>
        <source>hồ sơ chưa đầy đủ, đã được hướng dẫn bổ sung</source>
        <translation>an incomplete dossier, guidance given to complete it</translation>
    </message>
    <message>
        <source>hồ sơ bị từ chối tiếp nhận</source>
        <translation>a dossier refused at the counter</translation>
    </message>
    <message>
        <source>hồ sơ được hướng dẫn sang cơ quan khác</source>
        <translation>a dossier referred to another agency</translation>
    </message>
    <message>
        <source>chưa nhập</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>quá dài (tối đa {max} ký tự)</source>
        <translation>too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>họ tên không được chứa chữ số</source>
        <translation>a name cannot contain digits</translation>
    </message>
    <message>
        <source>phải là chuỗi ký tự</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>phải là số nguyên</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>phải là một đối tượng JSON</source>
        <translation>must be a JSON object</translation>
    </message>
    <message>
        <source>phải là một danh sách</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>trường không được hỗ trợ</source>
        <translation>field not supported</translation>
    </message>
    <message>
        <source>giá trị không hợp lệ (chấp nhận: {allowed})</source>
        <translation>invalid value (accepted: {allowed})</translation>
    </message>
    <message>
        <source>ngày không đúng dạng YYYY-MM-DD</source>
        <translation>date not in the form YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{field} {value}: thời điểm không đúng dạng ISO 8601 (vd. 2026-11-20T09:32)</source>
        <translation>{field} {value}: time not in ISO 8601 form (e.g. 2026-11-20T09:32)</translation>
    </message>
    <message>
        <source>thời điểm phải là giờ Việt Nam, không kèm múi giờ</source>
        <translation>the time must be Vietnam time, without a time zone</translation>
    </message>
    <message>
        <source>chưa nhập số giấy tờ</source>
        <translation>the ID document number is missing</translation>
    </message>
    <message>
        <source>số giấy tờ phải có từ 3 đến 30 ký tự</source>
        <translation>the ID document number must have 3 to 30 characters</translation>
    </message>
    <message>
        <source>số CCCD chỉ gồm chữ số</source>
        <translation>a citizen ID (CCCD) number has digits only</translation>
    </message>
    <message>
        <source>số CCCD phải có đúng 12 chữ số</source>
        <translation>a citizen ID (CCCD) number has exactly 12 digits</translation>
    </message>
    <message>
        <source>3 chữ số đầu của số CCCD không phải mã tỉnh nơi đăng ký khai sinh</source>
        <translation>the first 3 digits of the CCCD number are not the code of a province of birth registration</translation>
    </message>
    <message>
        <source>chữ số thứ 4 của số CCCD (thế kỷ, giới tính) không hợp lệ</source>
        <translation>the 4th digit of the CCCD number (century and gender) is invalid</translation>
    </message>
    <message>
        <source>số CCCD không khớp với năm sinh</source>
        <translation>the CCCD number does not match the year of birth</translation>
    </message>
    <message>
        <source>số CCCD không khớp với giới tính</source>
        <translation>the CCCD number does not match the gender</translation>
    </message>
    <message>
        <source>số CMND chỉ gồm chữ số</source>
        <translation>an old ID card (CMND) number has digits only</translation>
    </message>
    <message>
        <source>số CMND phải có đúng 9 chữ số</source>
        <translation>an old ID card (CMND) number has exactly 9 digits</translation>
    </message>
    <message>
        <source>số hộ chiếu phải gồm 1–2 chữ cái và 7 chữ số, vd. C1234567</source>
        <translation>a passport number has 1–2 letters and 7 digits, e.g. C1234567</translation>
    </message>
    <message>
        <source>chỉ gồm chữ số</source>
        <translation>digits only</translation>
    </message>
    <message>
        <source>số di động có 10 chữ số, số cố định có 11 chữ số</source>
        <translation>a mobile number has 10 digits, a landline number 11</translation>
    </message>
    <message>
        <source>đầu số không có ở Việt Nam</source>
        <translation>this prefix does not exist in Vietnam</translation>
    </message>
    <message>
        <source>không đúng dạng (vd. ten@example.vn)</source>
        <translation>not a valid address (e.g. ten@example.vn)</translation>
    </message>
    <message>
        <source>không đúng dạng QCVN 102:2016, vd. 000.00.06.H56</source>
        <translation>not in the QCVN 102:2016 form, e.g. 000.00.06.H56</translation>
    </message>
    <message>
        <source>số hiệu bưu gửi phải có dạng 2 chữ cái, 9 chữ số, 2 chữ cái (vd. EB125966888VN)</source>
        <translation>a postal item number has 2 letters, 9 digits and 2 letters (e.g. EB125966888VN)</translation>
    </message>
    <message>
        <source>số hiệu bưu gửi sai chữ số kiểm tra</source>
        <translation>the postal item number has a wrong check digit</translation>
    </message>
    <message>
        <source>còn thiếu giấy tờ bắt buộc: {names}</source>
        <translation>mandatory documents missing: {names}</translation>
    </message>
    <message>
        <source>loại bản không được chấp nhận cho giấy tờ này</source>
        <translation>this kind of copy is not accepted for this document</translation>
    </message>
    <message>
        <source>số lượng không được âm</source>
        <translation>a quantity cannot be negative</translation>
    </message>
    <message>
        <source>phải có ít nhất 1 bộ</source>
        <translation>at least 1 set</translation>
    </message>
    <message>
        <source>không được ở tương lai</source>
        <translation>cannot be in the future</translation>
    </message>
    <message>
        <source>thủ tục này không trả kết quả theo hình thức đã chọn</source>
        <translation>this procedure does not deliver results in the chosen way</translation>
    </message>
    <message>
        <source>số tiền không được âm</source>
        <translation>an amount cannot be negative</translation>
    </message>
    <message>
        <source>không có thủ tục mã {code} trong danh mục</source>
        <translation>no procedure with code {code} in the catalogue</translation>
    </message>
    <message>
        <source>phải từ 1 đến 99</source>
        <translation>must be from 1 to 99</translation>
    </message>
    <message>
        <source>phải lớn hơn 0</source>
        <translation>must be greater than 0</translation>
    </message>
    <message>
        <source>không đúng dạng, vd. 07:00-11:30,13:30-17:00</source>
        <translation>wrong form, e.g. 07:00-11:30,13:30-17:00</translation>
    </message>
    <message>
        <source>Chuỗi quét trống.</source>
        <translation>The scan is empty.</translation>
    </message>
    <message>
        <source>Máy quét đang gửi sai bảng mã (chữ có dấu bị vỡ). Hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.</source>
        <translation>The scanner sends the wrong character encoding (accented letters are broken). Set the scanner to UTF-8 and scan again.</translation>
    </message>
    <message>
        <source>Mã QR trên CCCD thiếu thông tin.</source>
        <translation>The QR code on the citizen ID card lacks information.</translation>
    </message>
    <message>
        <source>Số CCCD trong mã QR không hợp lệ.</source>
        <translation>The CCCD number in the QR code is invalid.</translation>
    </message>
    <message>
        <source>Ngày trong mã QR trên CCCD không hợp lệ.</source>
        <translation>A date in the QR code on the citizen ID card is invalid.</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi sai chữ số kiểm tra.</source>
        <translation>The postal item number has a wrong check digit.</translation>
    </message>
    <message>
        <source>Không nhận ra mã vừa quét (không phải CCCD, mã hồ sơ hay số hiệu bưu gửi).</source>
        <translation>The scanned code is not recognised (not a citizen ID card, a dossier code or a postal item number).</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ {code}{id}{day}.</source>
        <translation>Dossier {code}{id}{day} not found.</translation>
    </message>
    <message>
        <source>Máy trạm chưa được khai báo: chạy lệnh init trước.</source>
        <translation>The workstation is not set up yet: run the init command first.</translation>
    </message>
    <message>
        <source>Máy trạm {workstation} đã dùng hết {range_size} mã hồ sơ của ngày.</source>
        <translation>Workstation {workstation} has used all {range_size} dossier codes of the day.</translation>
    </message>
    <message>
        <source>Không thể chuyển hồ sơ từ trạng thái {current} sang {new}.</source>
        <translation>The dossier cannot move from status {current} to {new}.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng ({path}). Hãy khôi phục từ bản sao lưu.</source>
        <translation>The database is damaged ({path}). Restore it from a backup.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ {found}); hãy cập nhật ứng dụng.</source>
        <translation>The database was made by a newer version (schema {found}); update the application.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path}: {detail}</source>
        <translation>Cannot read the file {path}: {detail}</translation>
    </message>
    <message>
        <source>Tệp JSON sai cú pháp ở dòng {line}, cột {col}.</source>
        <translation>JSON syntax error in the file at line {line}, column {col}.</translation>
    </message>
    <message>
        <source>Giờ không đúng dạng HH:MM: {value}</source>
        <translation>Time not in the form HH:MM: {value}</translation>
    </message>
    <message>
        <source>Thời hạn phải lớn hơn 0.</source>
        <translation>The time limit must be greater than 0.</translation>
    </message>
    <message>
        <source>Mã trạng thái {value} không có (1–10).</source>
        <translation>There is no status code {value} (1–10).</translation>
    </message>
    <message>
        <source>Dữ liệu minh họa: {path} ({dossiers} hồ sơ).</source>
        <translation>Demo data: {path} ({dossiers} dossiers).</translation>
    </message>
    <message>
        <source>thiếu trường bắt buộc</source>
        <translation>a required field is missing</translation>
    </message>
    <message>
        <source>sai kiểu dữ liệu</source>
        <translation>wrong data type</translation>
    </message>
    <message>
        <source>giá trị không hợp lệ</source>
        <translation>invalid value</translation>
    </message>
    <message>
        <source>mã thủ tục không đúng dạng (vd. 1.001193)</source>
        <translation>the procedure code has the wrong form (e.g. 1.001193)</translation>
    </message>
    <message>
        <source>mã thủ tục bị trùng</source>
        <translation>the procedure code appears twice</translation>
    </message>
    <message>
        <source>tệp JSON sai cú pháp (dòng {line}, cột {col})</source>
        <translation>JSON syntax error in the file (line {line}, column {col})</translation>
    </message>
    <message>
        <source>giá trị nằm ngoài khoảng cho phép</source>
        <translation>value outside the allowed range</translation>
    </message>
    <message>
        <source>giờ không đúng dạng HH:MM</source>
        <translation>time not in the form HH:MM</translation>
    </message>
    <message>
        <source>phiên bản định dạng tệp không được hỗ trợ</source>
        <translation>file format version not supported</translation>
    </message>
    <message>
        <source>tệp không phải UTF-8</source>
        <translation>the file is not UTF-8</translation>
    </message>
    <message>
        <source>Không in được {form} cho {ref}: đây là {outcome}.</source>
        <translation>Cannot print the {form} for {ref}: this is {outcome}.</translation>
    </message>
    <message>
        <source>phải sau ngày hẹn trả hiện tại ({due})</source>
        <translation>must be after the current result date ({due})</translation>
    </message>
    <message>
        <source>{value} không đúng dạng RỘNGxCAO tính bằng mm (30x15 đến 150x150), vd. 50x30</source>
        <translation>{value} is not WIDTHxHEIGHT in mm (30x15 to 150x150), e.g. 50x30</translation>
    </message>
    <message>
        <source>ngày bắt đầu {start} sau ngày kết thúc {end}</source>
        <translation>the start date {start} is after the end date {end}</translation>
    </message>
    <message>
        <source>{field} {value}: ngày không đúng dạng YYYY-MM-DD</source>
        <translation>{field} {value}: date not in the form YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {detail}</source>
        <translation>Cannot write the file {path}: {detail}</translation>
    </message>
    <message>
        <source>Tệp {path} không phải bản sao lưu dùng được (hỏng hoặc không phải cơ sở dữ liệu: {detail}); dữ liệu hiện tại không thay đổi.</source>
        <translation>The file {path} is not a usable backup (damaged or not a database: {detail}); the current data is unchanged.</translation>
    </message>
    <message>
        <source>Tệp {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {found}, phiên bản này đọc được đến {supported}); dữ liệu hiện tại không thay đổi.</source>
        <translation>The file {path} was made by a newer version of the application (schema {found}, this version reads up to {supported}); the current data is unchanged.</translation>
    </message>
    <message>
        <source>Tệp {path} không phải cơ sở dữ liệu của Quầy Một Cửa; dữ liệu hiện tại không thay đổi.</source>
        <translation>The file {path} is not a Quầy Một Cửa database; the current data is unchanged.</translation>
    </message>
    <message>
        <source>Sao lưu không thành công ({detail}).</source>
        <translation>The backup failed ({detail}).</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {path} ({size} byte); đã xóa {removed} bản cũ.</source>
        <translation>Backed up to {path} ({size} bytes); {removed} old backups removed.</translation>
    </message>
    <message>
        <source>Đã khôi phục từ {path}. Bản dữ liệu trước khi khôi phục: {safety}.</source>
        <translation>Restored from {path}. The data as it was before the restore: {safety}.</translation>
    </message>
    <message>
        <source>Hãy đóng ứng dụng Quầy Một Cửa trên máy này trước khi khôi phục.</source>
        <translation>Close Quầy Một Cửa on this computer before restoring.</translation>
    </message>
    <message>
        <source>Tệp {name} rỗng: không có gì để đính kèm.</source>
        <translation>The file {name} is empty: nothing to attach.</translation>
    </message>
    <message>
        <source>Tệp {name} quá lớn ({size_mb} MB; tối đa {limit_mb} MB): hãy quét lại ở độ phân giải thấp hơn (150–300 dpi).</source>
        <translation>The file {name} is too large ({size_mb} MB; at most {limit_mb} MB): scan it again at a lower resolution (150–300 dpi).</translation>
    </message>
    <message>
        <source>Tệp {name} không phải PDF, JPEG hay PNG: không đính kèm được.</source>
        <translation>The file {name} is not a PDF, JPEG or PNG: it cannot be attached.</translation>
    </message>
    <message>
        <source>Tệp {name} bị hỏng hoặc không đọc được: hãy quét lại.</source>
        <translation>The file {name} is damaged or unreadable: scan it again.</translation>
    </message>
    <message>
        <source>Không mở được tệp {name}: {detail}</source>
        <translation>Cannot open the file {name}: {detail}</translation>
    </message>
    <message>
        <source>Tệp PDF {name} có mật khẩu: hãy lưu bản không có mật khẩu rồi đính kèm lại.</source>
        <translation>The PDF file {name} has a password: save a copy without a password and attach that.</translation>
    </message>
    <message>
        <source>Ảnh {name} quá lớn (tối đa {limit} triệu điểm ảnh): hãy quét lại ở độ phân giải thấp hơn.</source>
        <translation>The picture {name} is too large (at most {limit} million pixels): scan it again at a lower resolution.</translation>
    </message>
    <message>
        <source>Tệp PDF {name} có {pages} trang; tối đa {limit} trang một tệp.</source>
        <translation>The PDF file {name} has {pages} pages; at most {limit} pages per file.</translation>
    </message>
    <message>
        <source>bản quét của «{item}» không còn trong dữ liệu của máy: hãy đính kèm lại</source>
        <translation>the scan of «{item}» is no longer in this computer&apos;s data: attach it again</translation>
    </message>
    <message>
        <source>«{item}» có bản quét nhưng chưa được đánh dấu là đã nhận</source>
        <translation>«{item}» has a scan but is not ticked as received</translation>
    </message>
    <message>
        <source>tối đa {max} bản quét cho một hồ sơ</source>
        <translation>at most {max} scans per dossier</translation>
    </message>
    <message>
        <source>chỉ thêm được bản quét vào hồ sơ đã tiếp nhận</source>
        <translation>scans can only be added to a received dossier</translation>
    </message>
    <message>
        <source>Tệp bản quét {sha}… không còn trong thư mục dữ liệu của máy.</source>
        <translation>The scan file {sha}… is no longer in this computer&apos;s data folder.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải tệp PDF: chỉ đính kèm được mẫu tờ khai dạng PDF.</source>
        <translation>The file {name} is not a PDF: only PDF declaration forms can be attached.</translation>
    </message>
    <message>
        <source>Tệp {name} quá lớn (tối đa {limit_mb} MB).</source>
        <translation>The file {name} is too large (at most {limit_mb} MB).</translation>
    </message>
    <message>
        <source>Tệp PDF {name} bị hỏng hoặc không đọc được.</source>
        <translation>The PDF file {name} is damaged or unreadable.</translation>
    </message>
    <message>
        <source>Tệp PDF {name} có quá nhiều trang cho một mẫu tờ khai.</source>
        <translation>The PDF file {name} has too many pages for a declaration form.</translation>
    </message>
    <message>
        <source>không tìm thấy tệp mẫu tờ khai {name}</source>
        <translation>the declaration form file {name} was not found</translation>
    </message>
    <message>
        <source>mẫu «{name}» chưa có trên máy này: hãy nạp kèm tệp PDF</source>
        <translation>the form «{name}» is not on this computer yet: import it with its PDF file</translation>
    </message>
    <message>
        <source>Tệp mẫu {name} viết sai định dạng ({detail}).</source>
        <translation>The form file {name} is not written correctly ({detail}).</translation>
    </message>
    <message>
        <source>Không có tệp của mẫu «{form}» (thủ tục {procedure}) trên máy này: người quản trị cần đính kèm lại.</source>
        <translation>The file of the form «{form}» (procedure {procedure}) is not on this computer: an administrator needs to attach it again.</translation>
    </message>
    <message>
        <source>Mẫu «{form}» (thủ tục {procedure}) được đính kèm ở một quầy khác của đơn vị nhưng tệp chưa tải về máy này: hãy đồng bộ với cổng rồi thử lại.</source>
        <translation>The form «{form}» (procedure {procedure}) was attached at another counter of the agency but its file has not reached this computer yet: sync with the portal, then try again.</translation>
    </message>
    <message>
        <source>mã SHA-256 không đúng dạng (64 chữ số hệ 16)</source>
        <translation>the SHA-256 hash is not in the right form (64 hexadecimal digits)</translation>
    </message>
    <message>
        <source>Không kết nối được cổng dịch vụ công ({url}); dữ liệu vẫn được lưu trên máy và sẽ được gửi khi có mạng.</source>
        <translation>Cannot reach the public service portal ({url}); the data stays saved on this computer and will be sent when the network is back.</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công ({url}) không trả lời kịp; dữ liệu vẫn được lưu trên máy và sẽ được gửi lại sau.</source>
        <translation>The public service portal ({url}) did not answer in time; the data stays saved on this computer and will be sent later.</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công ({url}) đang bận hoặc gặp lỗi (HTTP {status}); dữ liệu vẫn được lưu trên máy và sẽ được gửi lại sau.</source>
        <translation>The public service portal ({url}) is busy or failing (HTTP {status}); the data stays saved on this computer and will be sent later.</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công không còn chấp nhận máy này (mã truy cập đã bị thu hồi hoặc không hợp lệ): cần đăng ký lại máy bằng lệnh enrol với mã đăng ký mới. Dữ liệu vẫn được lưu trên máy.</source>
        <translation>The public service portal no longer accepts this computer (its access token was revoked or is invalid): enrol the computer again with the enrol command and a new enrolment code. The data stays saved on this computer.</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công từ chối yêu cầu (HTTP {status}, {error}): {message}</source>
        <translation>The public service portal refused the request (HTTP {status}, {error}): {message}</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công đã được khôi phục hoặc thay mới; hãy đồng bộ lại.</source>
        <translation>The public service portal was restored or replaced; synchronise again.</translation>
    </message>
    <message>
        <source>Máy trạm chưa đăng ký với cổng dịch vụ công: chạy lệnh enrol trước.</source>
        <translation>The workstation is not enrolled with the public service portal: run the enrol command first.</translation>
    </message>
    <message>
        <source>Địa chỉ cổng dịch vụ công không hợp lệ: {url} (cần http:// hoặc https://).</source>
        <translation>Invalid public service portal address: {url} (http:// or https:// needed).</translation>
    </message>
    <message>
        <source>Đồng bộ không thành công.</source>
        <translation>Synchronisation failed.</translation>
    </message>
    <message>
        <source>Đã đồng bộ: gửi {pushed} sự kiện, nhận {pulled} thay đổi; không còn gì chờ gửi.</source>
        <translation>Synchronised: {pushed} events sent, {pulled} changes received; nothing left to send.</translation>
    </message>
    <message>
        <source>Còn {files} tệp bản quét chưa tải lên cổng; sẽ gửi tiếp lần sau.</source>
        <translation>{files} scan files are not uploaded to the portal yet; they will be sent next time.</translation>
    </message>
    <message>
        <source>Còn {pending} sự kiện chờ gửi lên cổng dịch vụ công.</source>
        <translation>{pending} events wait to be sent to the public service portal.</translation>
    </message>
    <message>
        <source>Có {quarantined} sự kiện bị cổng từ chối và {conflicts} sự kiện xung đột: cần người phụ trách xem lại.</source>
        <translation>{quarantined} events were refused by the portal and {conflicts} are in conflict: a supervisor needs to review them.</translation>
    </message>
    <message>
        <source>Đang gửi: {done} sự kiện đã được cổng trả lời, còn {left}.</source>
        <translation>Sending: the portal answered {done} events, {left} to go.</translation>
    </message>
    <message>
        <source>Đang nhận thay đổi từ cổng: {done}.</source>
        <translation>Receiving changes from the portal: {done}.</translation>
    </message>
    <message>
        <source>Chưa gửi được ({reason}); thử lại sau {delay} giây.</source>
        <translation>Not sent yet ({reason}); trying again in {delay} seconds.</translation>
    </message>
    <message>
        <source>Mã đăng ký thuộc đơn vị {portal_agency} (quầy {portal_workstation}), nhưng máy này là quầy {workstation} của đơn vị {agency}: không lưu đăng ký. Nhờ quản trị viên thu hồi máy {device_id} (revoke-device) và cấp mã của đúng đơn vị.</source>
        <translation>The enrolment code belongs to agency {portal_agency} (workstation {portal_workstation}), but this computer is workstation {workstation} of agency {agency}: the enrolment is not saved. Ask an administrator to revoke device {device_id} (revoke-device) and to issue a code of the right agency.</translation>
    </message>
    <message>
        <source>chưa có: thêm --workstation N (1–99) hoặc chạy lệnh init trước</source>
        <translation>missing: add --workstation N (1–99) or run the init command first</translation>
    </message>
    <message>
        <source>máy đã khai báo là quầy {workstation}, không phải {given}</source>
        <translation>this computer is set up as workstation {workstation}, not {given}</translation>
    </message>
    <message>
        <source>Đã đăng ký máy: quầy {workstation} của {agency_name} ({agency_code}) với cổng {url}.</source>
        <translation>Computer enrolled: workstation {workstation} of {agency_name} ({agency_code}) with the portal {url}.</translation>
    </message>
    <message>
        <source>Lưu ý: cỡ dải số mã hồ sơ của đơn vị trên cổng là {new}, máy đang dùng {old}; từ nay dùng {new}.</source>
        <translation>Note: the agency&apos;s dossier code range size on the portal is {new}, this computer used {old}; from now on it uses {new}.</translation>
    </message>
    <message>
        <source>phải có từ 2 đến 32 ký tự (chữ cái, chữ số, dấu chấm, gạch dưới, gạch ngang), không có khoảng trắng</source>
        <translation>must have 2 to 32 characters (letters, digits, dot, underscore, hyphen), no spaces</translation>
    </message>
    <message>
        <source>tên đăng nhập {username} đã có người dùng</source>
        <translation>the user name {username} is already taken</translation>
    </message>
    <message>
        <source>phải có ít nhất {min} ký tự</source>
        <translation>must have at least {min} characters</translation>
    </message>
    <message>
        <source>không được trùng với tên đăng nhập</source>
        <translation>must not be the same as the user name</translation>
    </message>
    <message>
        <source>hai lần nhập mật khẩu không khớp nhau</source>
        <translation>the two passwords do not match</translation>
    </message>
    <message>
        <source>không đúng</source>
        <translation>is wrong</translation>
    </message>
    <message>
        <source>vai trò {value} không có (clerk, postal_agent, supervisor, administrator)</source>
        <translation>there is no role {value} (clerk, postal_agent, supervisor, administrator)</translation>
    </message>
    <message>
        <source>phải bắt đầu bằng http:// hoặc https://</source>
        <translation>must start with http:// or https://</translation>
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Tài khoản {username} tạm bị khóa vì nhập sai mật khẩu nhiều lần: hãy thử lại sau {until:%H:%M}.</source>
        <translation>The account {username} is locked for a while after too many wrong passwords: try again after {until:%H:%M}.</translation>
    </message>
    <message>
        <source>Tài khoản {username} đã ngừng hoạt động: hãy liên hệ quản trị viên.</source>
        <translation>The account {username} is deactivated: contact an administrator.</translation>
    </message>
    <message>
        <source>Tài khoản {username} không có quyền làm việc này.</source>
        <translation>The account {username} is not allowed to do this.</translation>
    </message>
    <message>
        <source>Không có tài khoản {username}.</source>
        <translation>There is no account {username}.</translation>
    </message>
    <message>
        <source>{username} là quản trị viên cuối cùng còn hoạt động: không thể ngừng hoạt động hay đổi vai trò. Hãy tạo một quản trị viên khác trước.</source>
        <translation>{username} is the last active administrator: the account cannot be deactivated or given another role. Make another administrator first.</translation>
    </message>
    <message>
        <source>Máy trạm đã có tài khoản: hãy đăng nhập bằng tài khoản quản trị để thêm tài khoản.</source>
        <translation>The workstation already has accounts: log in with an administrator account to add accounts.</translation>
    </message>
    <message>
        <source>Chưa có mật khẩu: dùng --password-stdin (đọc một dòng từ đầu vào chuẩn) hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi.</source>
        <translation>No password given: use --password-stdin (reads one line from standard input) or run the command in a terminal to be asked.</translation>
    </message>
    <message>
        <source>Không thể {action} cho hồ sơ {code}: hồ sơ đang ở trạng thái «{status}». Không có gì thay đổi.</source>
        <translation>Cannot {action} for dossier {code}: the dossier is in status «{status}». Nothing was changed.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đã có phiếu xin lỗi và hẹn lại ngày trả kết quả (lúc {at}); mỗi hồ sơ chỉ được hẹn lại một lần. Không có gì thay đổi.</source>
        <translation>Dossier {code} already has an apology with a new result date (at {at}); a dossier gets a new date only once. Nothing was changed.</translation>
    </message>
    <message>
        <source>chưa đánh dấu giấy tờ nào công dân mang đến bổ sung</source>
        <translation>no document is ticked as brought by the citizen</translation>
    </message>
    <message>
        <source>phải sau thời điểm hiện tại</source>
        <translation>must be later than now</translation>
    </message>
    <message>
        <source>số hiệu bưu gửi {item} đã dùng cho hồ sơ {code}</source>
        <translation>postal item {item} is already used for dossier {code}</translation>
    </message>
    <message>
        <source>{value} không phải mã hồ sơ</source>
        <translation>{value} is not a dossier code</translation>
    </message>
    <message>
        <source>{value} không phải mã danh sách bàn giao (vd. BG-000.00.06.H56-91-261122-01)</source>
        <translation>{value} is not a manifest code (e.g. BG-000.00.06.H56-91-261122-01)</translation>
    </message>
    <message>
        <source>hồ sơ {code} không thuộc cơ quan {agency}</source>
        <translation>dossier {code} does not belong to agency {agency}</translation>
    </message>
    <message>
        <source>chưa có hồ sơ nào: quét mã danh sách hoặc từng hồ sơ</source>
        <translation>no dossier yet: scan the manifest or each dossier</translation>
    </message>
    <message>
        <source>hồ sơ không có trong túi thì không thể xác nhận đã nhận</source>
        <translation>a dossier missing from the pack cannot be confirmed as taken in</translation>
    </message>
    <message>
        <source>Danh sách bàn giao {manifest} đã được nhận lúc {at:%H giờ %M phút, ngày %d/%m/%Y} ({by}): không ghi nhận lại.</source>
        <translation>Manifest {manifest} was already taken in at {at:%H:%M, %d/%m/%Y} ({by}): not recorded again.</translation>
    </message>
    <message>
        <source>Không có danh sách bàn giao {manifest} trên máy này.</source>
        <translation>There is no manifest {manifest} on this workstation.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào chờ bàn giao.</source>
        <translation>No dossier is waiting to be handed over.</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: {reason}</source>
        <translation>Dossier {code}: {reason}</translation>
    </message>
    <message>
        <source>hồ sơ chưa được tiếp nhận</source>
        <translation>the dossier was not received</translation>
    </message>
    <message>
        <source>hồ sơ nhận kết quả tại Bộ phận Một cửa, không gửi qua bưu chính</source>
        <translation>the result is collected at the counter, not sent by post</translation>
    </message>
    <message>
        <source>kết quả đã được gửi qua bưu chính</source>
        <translation>the result was already sent by post</translation>
    </message>
    <message>
        <source>kết quả chưa được gửi qua bưu chính</source>
        <translation>the result has not been sent by post</translation>
    </message>
    <message>
        <source>đã ghi nhận phát thành công</source>
        <translation>delivery already recorded</translation>
    </message>
    <message>
        <source>Chưa trả được kết quả hồ sơ {code}: hồ sơ đang ở trạng thái {status} ({status_name}), chưa ở trạng thái 9 (Đã xử lý xong).</source>
        <translation>The result of dossier {code} cannot be returned: the dossier is at status {status} ({status_name}), not at status 9 (Resolved).</translation>
    </message>
    <message>
        <source>người nhận không phải chủ hồ sơ (số giấy tờ khác): phải ghi số và ngày của giấy ủy quyền</source>
        <translation>the receiver is not the applicant (another ID number): enter the number and date of the authorisation letter</translation>
    </message>
    <message>
        <source>chưa ghi giấy tờ kết quả nào được bàn giao</source>
        <translation>no result document handed over has been entered</translation>
    </message>
    <message>
        <source>có thu tiền thì phải chọn hình thức thanh toán</source>
        <translation>an amount collected needs a payment method</translation>
    </message>
    <message>
        <source>không phải số tiền (chỉ gồm chữ số, vd. 1.500.000)</source>
        <translation>not an amount (digits only, e.g. 1.500.000)</translation>
    </message>
    <message>
        <source>số tiền quá lớn</source>
        <translation>amount too large</translation>
    </message>
    <message>
        <source>phải từ 1 đến {max}</source>
        <translation>must be from 1 to {max}</translation>
    </message>
    <message>
        <source>không đúng dạng ngày/tháng/năm (vd. 18/11/2026)</source>
        <translation>not a day/month/year date (e.g. 18/11/2026)</translation>
    </message>
    <message>
        <source>không được sau ngày hôm nay</source>
        <translation>must not be after today</translation>
    </message>
    <message>
        <source>tối đa {max} mục</source>
        <translation>at most {max} items</translation>
    </message>
    <message>
        <source>Đăng nhập bằng tài khoản minh họa: tên đăng nhập {username}, mật khẩu {password}.</source>
        <translation>Log in with the demo account: user name {username}, password {password}.</translation>
    </message>
    <message>
        <source>không kết nối được</source>
        <translation>cannot connect</translation>
    </message>
    <message>
        <source>cổng không trả lời kịp</source>
        <translation>the portal did not answer in time</translation>
    </message>
    <message>
        <source>cổng bận hoặc gặp lỗi</source>
        <translation>the portal is busy or failing</translation>
    </message>
    <message>
        <source>Dữ liệu chưa hợp lệ — {problems}</source>
        <translation>Invalid data — {problems}</translation>
    </message>
    <message>
        <source>{label} (mục {n})</source>
        <translation>{label} (item {n})</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{hour} giờ {minute} phút, {date}</source>
        <translation>{hour}:{minute} on {date}</translation>
    </message>
    <message>
        <source>Ổ đĩa đã đầy: chưa ghi được gì. Hãy giải phóng chỗ trống (hoặc báo quản trị viên) rồi bấm lưu lại — thông tin đang nhập vẫn còn nguyên.</source>
        <translation>The disk is full: nothing was written. Free some space (or tell your administrator), then save again — what you typed is still there.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bận (một chương trình khác đang ghi): chưa ghi được gì. Đợi một lát rồi bấm lưu lại — thông tin đang nhập vẫn còn nguyên.</source>
        <translation>The database is busy (another program is writing): nothing was written. Wait a moment, then save again — what you typed is still there.</translation>
    </message>
    <message>
        <source>Còn {count} thay đổi chưa gửi lên cổng dịch vụ công. Hãy đồng bộ trước khi chốt sổ; nếu không thể (mất mạng), xác nhận chốt sổ khi còn dữ liệu chưa gửi.</source>
        <translation>{count} change(s) not yet sent to the public-service portal. Synchronise before closing the day; if you cannot (no network), confirm closing with unsent changes.</translation>
    </message>
    <message>
        <source>CẢNH BÁO: đã chốt sổ khi còn {count} thay đổi chưa gửi lên cổng dịch vụ công. Hãy đồng bộ ngay khi có mạng.</source>
        <translation>WARNING: the day was closed with {count} change(s) not yet sent to the public-service portal. Synchronise as soon as the network is back.</translation>
    </message>
    <message>
        <source>Không chốt sổ được ngày {day}: ngày này chưa đến.</source>
        <translation>Cannot close {day}: that day has not come yet.</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <source>Máy này chưa cài máy in: lưu thành tệp PDF để in ở máy khác.</source>
        <translation>No printer is installed on this computer: save a PDF to print elsewhere.</translation>
    </message>
    <message>
        <source>Không thấy máy in «{name}» đã chọn trong hồ sơ đơn vị: chọn máy in khi in.</source>
        <translation>The printer «{name}» chosen in the profile is not found: choose a printer when printing.</translation>
    </message>
    <message>
        <source>Không thấy máy in «{name}» trên máy này nữa: chưa in. Bấm In để chọn máy in khác, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.</source>
        <translation>The printer «{name}» is no longer on this computer: nothing was printed. Press Print to choose another printer, or Save PDF… (Ctrl+S) to print elsewhere.</translation>
    </message>
    <message>
        <source>Máy in «{name}» đang dừng: chưa in. Kiểm tra máy in (nguồn, giấy, cáp, hàng đợi in) rồi bấm In lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.</source>
        <translation>The printer «{name}» is stopped: nothing was printed. Check the printer (power, paper, cable, print queue) and press Print again, or Save PDF… (Ctrl+S) to print elsewhere.</translation>
    </message>
    <message>
        <source>Máy in «{name}» không nhận lệnh in: chưa in. Bấm In để thử lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.</source>
        <translation>The printer «{name}» did not accept the job: nothing was printed. Press Print to try again, or Save PDF… (Ctrl+S) to print elsewhere.</translation>
    </message>
    <message>
        <source>Không bắt đầu in được trên máy in «{name}»: chưa in. Bấm In để thử lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.</source>
        <translation>Printing could not start on the printer «{name}»: nothing was printed. Press Print to try again, or Save PDF… (Ctrl+S) to print elsewhere.</translation>
    </message>
</context>
</TS>
