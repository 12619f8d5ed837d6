"""Thông tin thủ tục: the whole catalogue entry of a procedure, printable, with its blank forms."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import AgencyLevel, CopyType, Procedure, ProcedureForm
from ..services import forms
from ..services.counter import Counter
from . import errors, labels, settings
from .lanes import CounterLane
from .print_preview import Sheet, SheetPreview, render_sheet

CONTEXT = "ProcedureInfo"
UNVERIFIED = "[chưa kiểm chứng]"  # printing.blank_form.UNVERIFIED (reportlab loads late)


def level_name(level: AgencyLevel) -> str:
    return {AgencyLevel.COMMUNE: QCoreApplication.translate("ProcedureInfo", "Cấp xã"), AgencyLevel.PROVINCE: QCoreApplication.translate("ProcedureInfo", "Cấp tỉnh"),  # noqa: E501
            AgencyLevel.MINISTRY: QCoreApplication.translate("ProcedureInfo", "Cấp bộ, ngành trung ương")}.get(level, level.value)  # noqa: E501


def service_level_name(value: str) -> str:
    return {"info": QCoreApplication.translate("ProcedureInfo", "Cung cấp thông tin"),
            "partial_online": QCoreApplication.translate("ProcedureInfo", "Dịch vụ công trực tuyến một phần"),  # noqa: E501
            "full_online": QCoreApplication.translate("ProcedureInfo", "Dịch vụ công trực tuyến toàn trình")}.get(value, "")  # noqa: E501


def copy_type_name(kind: CopyType) -> str:
    names = {CopyType.ORIGINAL: QCoreApplication.translate("ProcedureInfo", "Bản chính"),
             CopyType.CERTIFIED_COPY: QCoreApplication.translate("ProcedureInfo",
                                                                 "Bản sao chứng thực"),
             CopyType.PHOTOCOPY: QCoreApplication.translate("ProcedureInfo", "Bản photo")}
    return names[kind]


def form_title(form: ProcedureForm) -> str:
    """The form's name; a shipped form whose wording is unverified says so."""
    definition = forms.shipped_definition(form)
    if definition is not None and '"verified": false' in definition.read_text(encoding="utf-8"):
        return f"{form.name} {UNVERIFIED}"
    return form.name


def procedure_html(procedure: Procedure) -> str:
    """Every part of the entry; a part the catalogue lacks says so in red, never a blank."""
    missing = f"<i style='color:#a33'>{escape(QCoreApplication.translate('ProcedureInfo', 'Chưa có trong danh mục'))}</i>"  # noqa: E501

    def value(text: str) -> str:
        return escape(text).replace("\n", "<br/>") if text.strip() else missing

    rows = [
        (QCoreApplication.translate("ProcedureInfo", "Mã thủ tục"), procedure.code),
        (QCoreApplication.translate("ProcedureInfo", "Lĩnh vực"), procedure.field_name + (f" ({procedure.field_code})"  # noqa: E501
                                                   if procedure.field_code else "")),
        (QCoreApplication.translate("ProcedureInfo", "Cấp thực hiện"), level_name(procedure.level)),
        (QCoreApplication.translate("ProcedureInfo", "Cơ quan thực hiện"), procedure.agency),
        (QCoreApplication.translate("ProcedureInfo", "Thời hạn giải quyết"), labels.time_limit_name(procedure.time_limit)),  # noqa: E501
        (QCoreApplication.translate("ProcedureInfo", "Số bộ hồ sơ"), str(procedure.sets)),
        (QCoreApplication.translate("ProcedureInfo", "Phí, lệ phí"), "\n".join(
            f"{f.name}: {labels.format_money(f.amount) if f.amount else QCoreApplication.translate('ProcedureInfo', 'miễn phí')}"  # noqa: E501
            + (f" ({f.note})" if f.note else "") for f in procedure.fees)
         or QCoreApplication.translate("ProcedureInfo", "Không thu phí, lệ phí")),
        (QCoreApplication.translate("ProcedureInfo", "Mức độ dịch vụ công"), service_level_name(procedure.service_level)),  # noqa: E501
        (QCoreApplication.translate("ProcedureInfo", "Nhận kết quả"), "; ".join(labels.delivery_name(d)  # noqa: E501
                                        for d in procedure.result_delivery)),
        (QCoreApplication.translate("ProcedureInfo", "Kết quả thực hiện"), procedure.result),
    ]
    parts = [f"<h2>{escape(procedure.name)}</h2><table cellspacing='0' cellpadding='3'>"]
    parts += [f"<tr><td style='color:#505a63' width='28%'>{escape(k)}</td><td>{value(v)}</td>"
              "</tr>" for k, v in rows]
    parts.append("</table>")
    parts.append(f"<h3>{escape(QCoreApplication.translate('ProcedureInfo', 'Trình tự thực hiện'))}</h3><p>{value(procedure.steps)}</p>")  # noqa: E501
    parts.append(f"<h3>{escape(QCoreApplication.translate('ProcedureInfo', 'Thành phần hồ sơ'))}</h3>")  # noqa: E501
    if procedure.documents:
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"
                     + "".join(f"<th>{escape(h)}</th>" for h in (
                         QCoreApplication.translate("ProcedureInfo", "TT"), QCoreApplication.translate("ProcedureInfo", "Tên giấy tờ"), QCoreApplication.translate("ProcedureInfo", "Loại bản"), QCoreApplication.translate("ProcedureInfo", "Số lượng"),  # noqa: E501
                         QCoreApplication.translate("ProcedureInfo", "Bắt buộc"))) + "</tr>")
        for i, doc in enumerate(procedure.documents, start=1):
            note = f"<br/><i>{escape(doc.note)}</i>" if doc.note else ""
            kinds = escape(QCoreApplication.translate("ProcedureInfo", " hoặc ").join(copy_type_name(c) for c in doc.copy_types))  # noqa: E501
            mark = QCoreApplication.translate("ProcedureInfo", "Có") if doc.mandatory else QCoreApplication.translate("ProcedureInfo", "Khi cần")  # noqa: E501
            parts.append(f"<tr><td align='center'>{i}</td><td>{escape(doc.name)}{note}</td>"
                         f"<td>{kinds}</td><td align='center'>{doc.quantity}</td>"
                         f"<td align='center'>{'<b>' + escape(mark) + '</b>' if doc.mandatory else escape(mark)}</td></tr>")  # noqa: E501
        parts.append("</table>")
    else:
        parts.append(f"<p>{missing}</p>")
    parts.append(f"<h3>{escape(QCoreApplication.translate('ProcedureInfo', 'Mẫu đơn, tờ khai'))}</h3>")  # noqa: E501
    if procedure.forms:
        parts.append("<ul>" + "".join(f"<li>{escape(form_title(f))}</li>"
                                      for f in procedure.forms) + "</ul>")
    else:
        parts.append(f"<p><i>{escape(QCoreApplication.translate('ProcedureInfo', 'Thủ tục không có mẫu tờ khai trong danh mục.'))}"  # noqa: E501
                     "</i></p>")
    parts.append(f"<h3>{escape(QCoreApplication.translate('ProcedureInfo', 'Căn cứ pháp lý'))}</h3>")  # noqa: E501
    if procedure.legal_basis:
        parts.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in procedure.legal_basis)
                     + "</ul>")
    else:
        parts.append(f"<p>{missing}</p>")
    if procedure.source:
        parts.append(f"<p style='color:#505a63'><small>{escape(QCoreApplication.translate('ProcedureInfo', 'Nguồn'))}: "  # noqa: E501
                     f"{escape(procedure.source)}</small></p>")
    return "".join(parts)


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z.-]+", "-", text).strip("-")


def sheet_job(procedure: Procedure):  # type: ignore[no-untyped-def]
    """The lane job: the information sheet as a Sheet ready to preview."""
    title = QCoreApplication.translate("ProcedureInfo", "Thông tin thủ tục hành chính")

    def job(counter: Counter) -> Sheet:
        from ..printing.procedure_sheet import procedure_sheet_pdf  # reportlab: on first use
        from ..services.documents import letterhead

        pdf = procedure_sheet_pdf(procedure, letterhead(counter.profile),
                                  printed_on=counter.clock().date())
        return render_sheet(counter, title, f"thong-tin-thu-tuc-{_safe(procedure.code)}.pdf",
                            pdf)

    return job


def form_job(procedure: Procedure, form: ProcedureForm):  # type: ignore[no-untyped-def]
    """The lane job: a blank form as a Sheet ready to preview."""
    def job(counter: Counter) -> Sheet:
        pdf = forms.form_pdf(counter, procedure.code, form.code)
        return render_sheet(counter, form_title(form), f"{_safe(form.code)}.pdf", pdf)

    return job


class ProcedureInfoDialog(QDialog):
    """F1 on the reception page or the catalogue page: read, print the sheet, print a form."""

    preview_opened = Signal(object)  # the SheetPreview just shown

    def __init__(self, lane: CounterLane, procedure: Procedure,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._lane = lane
        self.procedure = procedure
        self.setWindowTitle(self.tr("Thông tin thủ tục — {code}").format(code=procedure.code))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(procedure_html(procedure))
        self.print_button = QPushButton(self.tr("Ctrl+P  In thông tin thủ tục"))
        self.print_button.clicked.connect(self.print_sheet)
        self.form_buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        for i, form in enumerate(procedure.forms[:9], start=1):
            button = QPushButton(self.tr("Alt+{n}  In tờ khai: {name}").format(
                n=i, name=form.name))
            button.setToolTip(form_title(form))
            button.clicked.connect(lambda _=False, f=form: self.print_form(f))
            QShortcut(QKeySequence(f"Alt+{i}"), self, lambda f=form: self.print_form(f))
            self.form_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Esc  Đóng"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_sheet)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        geometry = settings.load_bytes(settings.PREVIEW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(900, available.width() - 40), min(760, available.height() - 60))
        self.browser.setFocus()

    def print_sheet(self) -> None:
        self._open(sheet_job(self.procedure))

    def print_form(self, form: ProcedureForm) -> None:
        self._open(form_job(self.procedure, form))

    def _open(self, job) -> None:  # type: ignore[no-untyped-def]
        self.message.setText(self.tr("Đang chuẩn bị bản in…"))
        self._lane.call(job, self._on_lane_rendered, self._on_lane_failed, context=self)

    def _on_lane_rendered(self, sheet: Sheet) -> None:
        self.message.setText("")
        open_preview(self._lane, sheet, self, self.preview_opened)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.message.setText(f"⚠ {errors.describe(error)}")


def open_preview(lane: CounterLane, sheet: Sheet, parent: QWidget, signal) -> SheetPreview:  # type: ignore[no-untyped-def]  # noqa: E501
    preview = SheetPreview(lane, sheet, parent=parent)
    preview.open()
    signal.emit(preview)
    return preview
