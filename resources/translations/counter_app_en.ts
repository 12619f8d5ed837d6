<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
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
        <source>Chờ đồng bộ: {count}</source>
        <translation>Waiting to sync: {count}</translation>
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
