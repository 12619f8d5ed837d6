"""The applicant's (or submitter's) details, checked as they are typed."""

# Checking while typing must help, not nag: a field says what is wrong once the clerk leaves
# it (or at once for what can never become right, like a letter in a phone number); a message
# on screen is re-checked at every keystroke, so it goes away the moment the field is fixed.

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation as v
from ..domain.model import IdKind, Person
from ..domain.text import clean
from ..services.reception import MAX_ADDRESS, MAX_NAME
from . import labels
from .field_problems import ProblemLabel, problem_text

if TYPE_CHECKING:
    from ..domain.scan import CccdScan

GENDERS = ("", v.MALE, v.FEMALE)
# Problems that more typing cannot fix: shown while typing, the others when the field is left.
AT_ONCE = frozenset({"name.digits", "too_long", "cccd.not_digits", "cmnd.not_digits",
                     "phone.not_digits"})


class PersonForm(QGroupBox):
    """Fields named as in `Person`; problems come back under the field they concern."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(MAX_NAME + 20)
        self.id_kind = QComboBox()
        for kind in IdKind:
            self.id_kind.addItem(labels.id_kind_name(kind), kind)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.gender = QComboBox()
        for gender in GENDERS:
            self.gender.addItem(gender)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.address.setMaxLength(MAX_ADDRESS + 20)

        self._problems: dict[str, ProblemLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        rows: list[list[tuple[str, str, QWidget]]] = [
            [("full_name", self.tr("Họ và tên"), self.full_name)],
            [("id_kind", self.tr("Giấy tờ"), self.id_kind),
             ("id_number", self.tr("Số giấy tờ"), self.id_number)],
            [("birth_date", self.tr("Ngày sinh"), self.birth_date),
             ("gender", self.tr("Giới tính"), self.gender)],
            [("phone", self.tr("Điện thoại"), self.phone),
             ("email", self.tr("Thư điện tử"), self.email)],
            [("address", self.tr("Địa chỉ"), self.address)],
        ]
        for r, row in enumerate(rows):
            for c, (name, caption, widget) in enumerate(row):
                label = QLabel(caption)
                label.setBuddy(widget)
                cell = QVBoxLayout()
                cell.setSpacing(1)
                cell.addWidget(widget)
                self._problems[name] = ProblemLabel()
                cell.addWidget(self._problems[name])
                # Level with its field even when a problem line opens under the field.
                label.setMinimumHeight(widget.sizeHint().height())
                grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(cell, r, 2 * c + 1, 1, 3 if len(row) == 1 else 1)

        checks: list[tuple[QLineEdit, str, Callable[[], str | None]]] = [
            (self.full_name, "full_name", self._name_problem),
            (self.id_number, "id_number", self._id_problem),
            (self.birth_date, "birth_date", self._birth_problem),
            (self.phone, "phone", lambda: v.phone_problem(self.phone.text())),
            (self.email, "email", lambda: v.email_problem(self.email.text())),
            (self.address, "address", self._address_problem),
        ]
        for edit, name, check in checks:
            edit.textEdited.connect(lambda _t, n=name, f=check: self._check(n, f, typing=True))
            edit.editingFinished.connect(lambda n=name, f=check: self._check(n, f))
        # The ID number is checked against the birth year and gender too.
        recheck_id = lambda *_: self._check("id_number", self._id_problem)  # noqa: E731
        self.birth_date.editingFinished.connect(recheck_id)
        self.gender.currentIndexChanged.connect(recheck_id)
        self.id_kind.currentIndexChanged.connect(recheck_id)

    # ----- reading and filling -------------------------------------------------------------

    def person(self) -> tuple[Person, dict[str, str]]:
        """The person as typed, and the fields the service could not even be given."""
        problems: dict[str, str] = {}
        code = self._birth_problem()
        if code is not None:
            problems["birth_date"] = self._sentence("birth_date", code)
        birth = None if code is not None else labels.parse_date(self.birth_date.text())
        person = Person(
            full_name=self.full_name.text(), id_number=self.id_number.text(),
            id_kind=IdKind(self.id_kind.currentData()), birth_date=birth,
            gender=self.gender.currentText(), phone=self.phone.text(),
            email=self.email.text(), address=self.address.text(),
        )
        return person, problems

    def fill_from_scan(self, scan: CccdScan) -> None:
        """What the chip ID card's QR holds; the contact fields are left as they are."""
        self.full_name.setText(scan.full_name)
        self.id_kind.setCurrentIndex(self.id_kind.findData(IdKind.CCCD))
        self.id_number.setText(scan.id_number)
        self.birth_date.setText(labels.format_date(scan.birth_date))
        self.gender.setCurrentIndex(max(0, self.gender.findText(scan.gender)))
        self.address.setText(scan.address)
        self.clear_problems()

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.birth_date, self.phone, self.email,
                     self.address):
            edit.clear()
        self.id_kind.setCurrentIndex(0)
        self.gender.setCurrentIndex(0)
        self.clear_problems()

    # ----- problems ------------------------------------------------------------------------

    def widget_for(self, name: str) -> QWidget | None:
        widget = getattr(self, name, None) if name in self._problems else None
        return widget if isinstance(widget, QWidget) else None

    def show_problem(self, name: str, text: str) -> bool:
        label = self._problems.get(name)
        if label is None:
            return False
        label.show_problem(text)
        return True

    def problem(self, name: str) -> str:
        return self._problems[name].problem()

    def clear_problems(self) -> None:
        for label in self._problems.values():
            label.show_problem("")

    def _check(self, name: str, check: Callable[[], str | None], typing: bool = False) -> None:
        code = check()
        shown = bool(self._problems[name].text())
        if code is None or (typing and not shown and code not in AT_ONCE):
            self._problems[name].show_problem("")
            return
        self._problems[name].show_problem(self._sentence(name, code))

    def _sentence(self, name: str, code: str) -> str:
        if code == "date.typed":
            return self.tr("Ngày sinh gõ theo dạng ngày/tháng/năm, vd. 04/03/1985")
        if code == "date.future":
            return self.tr("Ngày sinh không được sau hôm nay")
        params = {"max": MAX_NAME if name == "full_name" else MAX_ADDRESS}
        return problem_text(code, params)

    def _name_problem(self) -> str | None:
        name = clean(self.full_name.text())
        if len(name) > MAX_NAME:
            return "too_long"
        return "name.digits" if any(ch.isdigit() for ch in name) else None

    def _address_problem(self) -> str | None:
        return "too_long" if len(clean(self.address.text())) > MAX_ADDRESS else None

    def _birth_problem(self) -> str | None:
        try:
            birth = labels.parse_date(self.birth_date.text())
        except ValueError:
            return "date.typed"
        return "date.future" if birth is not None and birth > dt.date.today() else None

    def _id_problem(self) -> str | None:
        number = self.id_number.text()
        if not clean(number):
            return None  # required only when the dossier is recorded
        try:
            birth = labels.parse_date(self.birth_date.text())
        except ValueError:
            birth = None
        return v.id_problem(IdKind(self.id_kind.currentData()), number, birth,
                            self.gender.currentText() or None)
