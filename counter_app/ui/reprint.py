""""In lại…" in the dossier view: any form the dossier has, through the print preview."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ..domain.model import Dossier
from ..services import documents
from ..services.documents import Form, FormNotApplicable
from . import errors, labels
from .lanes import CounterLane
from .print_preview import PrintPreview, Rendered, render_for_preview


def applicable_forms(dossier: Dossier) -> list[Form]:
    """The forms that exist for this dossier (a refusal slip only for a refused one…)."""
    forms = []
    for form in Form:
        try:
            documents.check_form(dossier, form)
        except FormNotApplicable:
            continue
        forms.append(form)
    return forms


class ReprintButton(QPushButton):
    """A menu of the dossier's forms; the preview stamps "BẢN IN LẠI (lần n)" from the second
    print on, and print_form records every print as a "printed" event."""

    preview_opened = Signal(object)  # the PrintPreview just shown
    failed = Signal(str)  # one line for the clerk

    def __init__(self, lane: CounterLane, dossier: Dossier, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("In lại…"), parent)
        self._lane = lane
        self.dossier = dossier
        self.user = user
        self.setToolTip(self.tr("In lại một mẫu của hồ sơ này (ghi vào quá trình xử lý)"))
        menu = QMenu(self)
        for form in applicable_forms(dossier):
            action = menu.addAction(labels.form_name(form.value))
            action.setData(form.value)
            action.triggered.connect(lambda _checked=False, f=form: self.open_preview(f))
        self.setMenu(menu)
        self.setEnabled(not menu.isEmpty())

    def open_preview(self, form: Form) -> None:
        dossier = self.dossier
        self._lane.call(lambda counter: render_for_preview(counter, dossier, form),
                        self._on_lane_rendered, self._on_lane_failed, context=self)

    def _on_lane_rendered(self, rendered: Rendered) -> None:
        preview = PrintPreview(self._lane, rendered, user=self.user, parent=self.window())
        preview.open()
        self.preview_opened.emit(preview)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.failed.emit(errors.describe(error))
