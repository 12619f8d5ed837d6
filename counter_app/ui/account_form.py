"""The fields of an account (name, full name, role, password twice), checked as they are typed;
and the small dialogs built on them: the first administrator, a new account, a new password."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import (
    MAX_FULL_NAME,
    MAX_PASSWORD,
    MIN_PASSWORD,
    Role,
    full_name_problems,
    password_problems,
    username_problems,
)
from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.text import clean, nfc
from ..services.counter import Counter
from . import errors, labels
from .field_problems import ProblemLabel, problem_text
from .lanes import CounterLane


class AccountForm(QWidget):
    """`changed` after every edit. A field shows its problem once it has been left (or once a
    save was refused), and re-checks it at every keystroke from then on."""

    changed = Signal()

    def __init__(self, *, identity: bool = True, role: bool = False, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fixed_username = username  # for a new password of an existing account
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.username.setPlaceholderText(self.tr("vd. huong.nt (không dấu cách)"))
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(MAX_FULL_NAME + 20)
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(labels.role_name(r), r)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(MAX_PASSWORD)
        self.password.setPlaceholderText(self.tr("ít nhất {n} ký tự").format(n=MIN_PASSWORD))

        self._problems: dict[str, ProblemLabel] = {}
        self._touched: set[str] = set()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, str, QWidget]] = []
        if identity:
            rows += [("username", self.tr("Tên đăng nhập"), self.username),
                     ("full_name", self.tr("Họ và tên"), self.full_name)]
        if role:
            rows.append(("role", self.tr("Vai trò"), self.role))
        rows += [("password", self.tr("Mật khẩu"), self.password),
                 ("repeat", self.tr("Nhập lại mật khẩu"), self.repeat)]
        for i, (name, text, widget) in enumerate(rows):
            label = QLabel(text)
            label.setBuddy(widget)
            problem = ProblemLabel()
            self._problems[name] = problem
            grid.addWidget(label, 2 * i, 0)
            grid.addWidget(widget, 2 * i, 1)
            grid.addWidget(problem, 2 * i + 1, 1)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_field_text_changed)
                widget.editingFinished.connect(self._touch(name))
        grid.setColumnStretch(1, 1)
        self.username.setVisible(identity)
        self.full_name.setVisible(identity)
        self.role.setVisible(role)
        self._identity = identity

    def _touch(self, name: str) -> Callable[[], None]:
        def touched() -> None:
            self._touched.add(name)
            self._refresh()

        return touched

    def _on_field_text_changed(self, _text: str) -> None:
        self._refresh()
        self.changed.emit()

    # ----- values and problems -------------------------------------------------------------

    def values(self) -> tuple[str, str, Role, str]:
        """Username (NFC, trimmed), full name (tidied), role, password (as typed)."""
        name = nfc(self.username.text()).strip() if self._identity else self._fixed_username
        return name, clean(self.full_name.text()), Role(self.role.currentData()), \
            self.password.text()

    def problems(self) -> list[FieldProblem]:
        username, full_name, _role, password = self.values()
        found: list[FieldProblem] = []
        if self._identity:
            found += username_problems(username) + full_name_problems(full_name)
        found += password_problems(password, username)
        if self.repeat.text() != self.password.text():
            found.append(FieldProblem("repeat", "password.mismatch"))
        return found

    def is_complete(self) -> bool:
        return not self.problems()

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Problems refused by a save: every field is considered left, so they all show."""
        self._touched.update(self._problems)
        self._show(problems)

    def _refresh(self) -> None:
        self._show([p for p in self.problems() if p.field in self._touched])

    def _show(self, problems: Sequence[FieldProblem]) -> None:
        texts: dict[str, str] = {}
        for p in problems:
            texts.setdefault(p.field, problem_text(p.code, p.params))
        for name, label in self._problems.items():
            label.show_problem(texts.get(name, ""))

    @property
    def fields(self) -> frozenset[str]:
        """The names of the fields shown (problems about others are the caller's to show)."""
        return frozenset(self._problems)

    def problem(self, name: str) -> str:
        label = self._problems.get(name)
        return label.problem() if label is not None and label.isVisible() else ""

    def first_field(self) -> QLineEdit:
        return self.username if self._identity else self.password


Values = tuple[str, str, Role, str]  # username, full name, role, password (AccountForm.values)


class AccountDialog(QDialog):
    """Asks for an account; `change(values)` is the job saving it in the lane. The dialog
    closes only when that succeeded, else shows what was refused under its fields."""

    saved = Signal(object)  # what the job returned (the User)

    def __init__(self, title: str, intro: str, lane: CounterLane,
                 change: Callable[[Values], Callable[[Counter], object]], *,
                 identity: bool = True, role: bool = False, username: str = "",
                 confirm: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._lane = lane
        self._change = change
        text = QLabel(intro)
        text.setWordWrap(True)
        self.form = AccountForm(identity=identity, role=role, username=username)
        self.message = ProblemLabel()
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(confirm or self.tr("Lưu"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self.form.first_field().setFocus()

    def accept(self) -> None:
        problems = self.form.problems()
        if problems:
            self.form.show_problems(problems)
            return
        self.confirm.setEnabled(False)
        self._lane.call(self._change(self.form.values()), self._on_lane_saved,
                        self._on_lane_failed, context=self)

    def _on_lane_saved(self, value: object) -> None:
        self.confirm.setEnabled(True)
        super().accept()
        self.saved.emit(value)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.confirm.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.form.show_problems(error.problems)
            others = [p for p in error.problems if p.field not in self.form.fields]
            self.message.show_problem(" ".join(errors.describe_problem(p) for p in others))
        else:
            self.message.show_problem(errors.describe(error))
