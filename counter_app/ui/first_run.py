"""The first run of a workstation: agency, workstation number and portal, first administrator.

Finishing writes the profile, the seed catalogue and calendar and the account in the lane
(services/first_run.py); the window then asks for the new administrator's password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.errors import ValidationFailed
from ..domain.text import clean
from ..domain.validation import agency_code_problem
from ..services.counter import Changes, Counter
from ..services.first_run import set_up_workstation
from ..services.profile import Profile
from . import errors
from .account_form import AccountForm
from .field_problems import ProblemLabel, problem_text
from .lanes import CounterLane

HINT_STYLE = "color: #5b5b5b;"
GOOD_STYLE = "color: #2e6b30;"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def portal_url_problem(url: str) -> str | None:
    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        return "portal_url.format"
    return None


class AgencyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cơ quan tiếp nhận"))
        self.setSubTitle(self.tr("Tên và mã cơ quan được in trên giấy tiếp nhận và các phiếu; "
                                 "mã cơ quan là phần đầu của mọi mã hồ sơ."))
        self.agency_code = QLineEdit()
        self.agency_code.setPlaceholderText(self.tr("vd. 000.00.06.H56"))
        self.agency_code.setMaxLength(40)
        self.code_state = QLabel()
        self.code_state.setWordWrap(True)
        self.code_problem = ProblemLabel()
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(self.tr("vd. Bộ phận Một cửa UBND xã Tân Phú"))
        self.name_problem = ProblemLabel()
        self.governing_body = QLineEdit()
        self.governing_body.setPlaceholderText(self.tr("vd. UBND TỈNH KHÁNH HÒA"))
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(self.tr("vd. Tân Phú (ghi ở dòng ngày tháng)"))
        self._code_left = False
        form = QFormLayout(self)
        form.addRow(self.tr("Mã cơ quan"), self.agency_code)
        form.addRow("", self.code_state)
        form.addRow("", self.code_problem)
        form.addRow(self.tr("Tên cơ quan tiếp nhận"), self.agency_name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("Cơ quan chủ quản"), self.governing_body)
        form.addRow(self.tr("Địa danh"), self.place_name)
        self.agency_code.textChanged.connect(self._on_agency_code_text_changed)
        self.agency_code.editingFinished.connect(self._on_agency_code_editing_finished)
        self.agency_name.textChanged.connect(lambda _text: self.completeChanged.emit())
        self._on_agency_code_text_changed("")

    def code(self) -> str:
        return self.agency_code.text().strip().upper()

    def _on_agency_code_text_changed(self, _text: str) -> None:
        """Checked at every keystroke: "đúng dạng" as soon as it is; what is wrong once the
        field has been left (a code is wrong all the while it is being typed)."""
        problem = agency_code_problem(self.code())
        if problem is None:
            self.code_state.setText("✓ " + self.tr("Đúng dạng mã cơ quan (QCVN 102:2016)."))
            self.code_state.setStyleSheet(GOOD_STYLE)
        else:
            self.code_state.setText(self.tr(
                "Mã theo QCVN 102:2016: các nhóm cách nhau bằng dấu chấm, vd. 000.00.06.H56."))
            self.code_state.setStyleSheet(HINT_STYLE)
        self.code_problem.show_problem(
            problem_text(problem) if problem and self._code_left else "")
        self.completeChanged.emit()

    def _on_agency_code_editing_finished(self) -> None:
        self._code_left = True
        self._on_agency_code_text_changed(self.agency_code.text())

    def isComplete(self) -> bool:
        return agency_code_problem(self.code()) is None and bool(clean(self.agency_name.text()))


class WorkstationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Máy trạm"))
        self.setSubTitle(self.tr("Mỗi máy trạm của cùng một cơ quan cần một số riêng: số máy "
                                 "trạm quyết định dải số mã hồ sơ của máy."))
        self.workstation = QSpinBox()
        self.workstation.setRange(1, 99)
        self.workstation.setValue(1)
        self.portal_url = QLineEdit()
        self.portal_url.setPlaceholderText("https://dichvucong.….gov.vn")
        self.url_problem = ProblemLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Số máy trạm (1–99)"), self.workstation)
        form.addRow(self.tr("Địa chỉ cổng dịch vụ công"), self.portal_url)
        form.addRow("", _hint(self.tr(
            "Có thể để trống: ứng dụng làm việc ngoại tuyến, mọi hồ sơ được lưu trên máy này.")))
        form.addRow("", self.url_problem)
        self.portal_url.textChanged.connect(self._on_portal_url_text_changed)

    def _on_portal_url_text_changed(self, text: str) -> None:
        problem = portal_url_problem(text)
        # "h", "ht", … are on their way to http://: say nothing until the scheme could be there.
        show = problem is not None and len(text.strip()) >= len("https://")
        self.url_problem.show_problem(problem_text(problem) if show and problem else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return portal_url_problem(self.portal_url.text()) is None


class AdministratorPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Quản trị viên đầu tiên"))
        self.setSubTitle(self.tr("Tài khoản này thêm tài khoản cho cán bộ, đặt lại mật khẩu và "
                                 "quản lý máy trạm."))
        self.form = AccountForm(identity=True)
        self.message = ProblemLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.form.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.form.is_complete()


class FirstRunWizard(QWizard):
    """`setup_finished(profile, username)` once everything is written; rejected: nothing is."""

    setup_finished = Signal(object, str)

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self._saved = False
        self.busy = False
        self.setWindowTitle(self.tr("Quầy Một Cửa — Thiết lập máy trạm"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp tục"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Thoát"))
        self.agency = AgencyPage()
        self.station = WorkstationPage()
        self.admin = AdministratorPage()
        for page in (self.agency, self.station, self.admin):
            self.addPage(page)
        self.resize(640, 520)

    def profile(self) -> Profile:
        return Profile(
            agency_code=self.agency.code(),
            agency_name=clean(self.agency.agency_name.text()),
            governing_body=clean(self.agency.governing_body.text()),
            place_name=clean(self.agency.place_name.text()),
            workstation=self.station.workstation.value(),
            portal_url=self.station.portal_url.text().strip(),
        )

    def validateCurrentPage(self) -> bool:
        """Finish: write everything in the lane first; the wizard closes when that is done."""
        if self.currentPage() is not self.admin or self._saved:
            return super().validateCurrentPage()
        if not self.busy:
            self._save()
        return False

    def _save(self) -> None:
        profile = self.profile()
        username, full_name, _role, password = self.admin.form.values()

        def job(counter: Counter) -> Changes:
            return set_up_workstation(counter, profile, username=username, full_name=full_name,
                                      password=password)

        self.busy = True
        self.admin.message.show_problem("")
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self._lane.call(job, lambda _changes: self._on_lane_set_up(profile, username),
                        self._on_lane_failed, context=self)

    def _on_lane_set_up(self, profile: Profile, username: str) -> None:
        self.busy = False
        self._saved = True
        self.setup_finished.emit(profile, username)  # the window shows before this closes
        self.accept()

    def _on_lane_failed(self, error: BaseException) -> None:
        self.busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.admin.form.show_problems(error.problems)
            others = [p for p in error.problems if p.field not in self.admin.form.fields]
            text = " ".join(errors.describe_problem(p) for p in others)
        else:
            text = errors.describe(error)
        self.admin.message.show_problem(text)
        self.admin.form.setFocus(Qt.FocusReason.OtherFocusReason)
