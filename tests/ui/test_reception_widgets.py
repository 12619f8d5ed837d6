"""The parts of the reception page on their own: procedure picker, checklist, applicant form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.catalogue import load_catalogue_file
from counter_app.domain.model import CopyType, ReceivedDocument
from counter_app.domain.scan import parse_scan
from counter_app.services.demo import seed_catalogue_files
from counter_app.ui.applicant_form import PersonForm
from counter_app.ui.checklist_table_model import ChecklistTableModel, Column
from counter_app.ui.checklist_widget import ChecklistBox
from counter_app.ui.procedure_picker import ProcedurePicker, match_procedures, note_use

from .helpers import QT_STRICT, press_enter, send_key, type_text

pytestmark = QT_STRICT


@pytest.fixture(scope="module")
def catalogue():
    return [p for path in seed_catalogue_files() for p in load_catalogue_file(path)]


def _by_code(catalogue, code):
    return next(p for p in catalogue if p.code == code)


# ----- procedure picker --------------------------------------------------------------------


def test_a_few_words_without_accents_find_the_procedure(catalogue):
    assert [p.name for p in match_procedures(catalogue, "ho kinh doanh")] == [
        "Đăng ký thành lập hộ kinh doanh", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh"]
    codes = [p.code for p in match_procedures(catalogue, "KHAI sinh")]
    assert "1.001193" in codes and "2.000635" in codes
    assert all("khai" in p.name.lower() or "Khai" in p.name
               for p in match_procedures(catalogue, "khai sinh"))
    assert [p.code for p in match_procedures(catalogue, "kết hôn")] == ["1.000894"]
    assert match_procedures(catalogue, "xyz khong co") == []
    assert len(match_procedures(catalogue, "")) == len(catalogue)


def test_a_code_comes_first(catalogue):
    assert match_procedures(catalogue, "1.001193")[0].code == "1.001193"
    assert match_procedures(catalogue, "2.0006")[0].code == "2.000635"


def test_recent_and_frequent_procedures_come_first(catalogue):
    scores = note_use({}, "2.000635")
    assert match_procedures(catalogue, "khai sinh", scores)[0].code == "2.000635"
    assert match_procedures(catalogue, "", scores)[0].code == "2.000635"
    for _ in range(3):
        scores = note_use(scores, "1.001193")
    assert match_procedures(catalogue, "khai sinh", scores)[0].code == "1.001193"
    assert scores["2.000635"] < 1  # older uses fade


def test_picker_by_keyboard_and_remembered_use(qtbot, catalogue):
    picker = ProcedurePicker()
    qtbot.addWidget(picker)
    picker.set_procedures(catalogue)
    with qtbot.waitSignal(picker.procedure_chosen) as chosen:
        type_text(picker.edit, "ho kinh doanh")
        send_key(picker.edit, Qt.Key.Key_Down)
        press_enter(picker.edit)
    assert chosen.args[0].code == "2.000720"
    assert picker.edit.text() == "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh"
    assert picker.list.count() == len(catalogue)  # the chosen name is shown, not searched
    picker.note_used("2.000720")

    again = ProcedurePicker()  # another day: the scores were kept in the settings
    qtbot.addWidget(again)
    again.set_procedures(catalogue)
    assert again.matches()[0].code == "2.000720"


# ----- checklist ---------------------------------------------------------------------------


def test_checklist_table_model(qtmodeltester, catalogue):
    model = ChecklistTableModel()
    qtmodeltester.check(model)
    marriage = _by_code(catalogue, "1.000894")  # "Giấy tờ tùy thân của hai bên": 2 originals
    model.set_requirements(marriage.documents)
    qtmodeltester.check(model)
    assert model.rowCount() == len(marriage.documents)
    assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Giấy tờ đã nhận"
    assert model.unticked_mandatory() == [r.name for r in marriage.documents if r.mandatory]

    row = next(i for i, r in enumerate(marriage.documents) if r.quantity == 2)
    name = model.index(row, Column.NAME)
    assert model.setData(name, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert name.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(row, Column.ORIGINAL).data() == "2"  # the required quantity
    assert model.documents() == (ReceivedDocument(marriage.documents[row].name, original=2),)

    # A copy type the procedure does not accept cannot be given.
    assert CopyType.PHOTOCOPY not in marriage.documents[row].copy_types
    photocopy = model.index(row, Column.PHOTOCOPY)
    assert not photocopy.flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(photocopy, 1)
    assert photocopy.data() == "—"

    original = model.index(row, Column.ORIGINAL)
    assert model.setData(original, 0)  # all quantities at 0: the tick goes
    assert name.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.setData(original, -1)
    assert model.documents() == ()


def test_checklist_view_ticks_with_space(qtbot, catalogue):
    box = ChecklistBox()
    qtbot.addWidget(box)
    requirements = _by_code(catalogue, "1.001193").documents
    mandatory = [i for i, r in enumerate(requirements) if r.mandatory]
    box.model.set_requirements(requirements)
    box.show()
    box.view.setFocus()
    send_key(box.view, Qt.Key.Key_Space, " ")
    qtbot.waitUntil(lambda: box.model.is_ticked(0), timeout=1000)
    assert f"Còn thiếu {len(mandatory) - 1} giấy tờ bắt buộc" in box.missing.text()
    for row in mandatory:
        box.model.set_ticked(row, True)
    assert box.missing.text() == "Đủ giấy tờ bắt buộc."
    send_key(box.view, Qt.Key.Key_Right)  # to "Bản chính"
    send_key(box.view, Qt.Key.Key_3, "3")  # a digit starts editing the quantity
    editor = box.view.indexWidget(box.view.currentIndex())  # the quantity's spin box
    assert editor is not None and editor.text() == "3"
    press_enter(editor)
    qtbot.waitUntil(lambda: box.model.index(0, Column.ORIGINAL).data() == "3", timeout=1000)


# ----- applicant form ----------------------------------------------------------------------


def test_person_form_checks_as_you_type_without_nagging(qtbot):
    form = PersonForm("Chủ hồ sơ")
    qtbot.addWidget(form)
    form.show()
    type_text(form.phone, "0912a", gap_ms=200)
    qtbot.waitUntil(lambda: form.problem("phone") == "Chỉ gồm chữ số", timeout=1000)
    form.phone.setText("")
    type_text(form.id_number, "0011850", gap_ms=200)
    qtbot.wait(100)
    assert form.problem("id_number") == ""  # not finished yet: no message while typing
    form.id_number.editingFinished.emit()
    assert form.problem("id_number") == "Số CCCD phải có đúng 12 chữ số"
    type_text(form.id_number, "12345", gap_ms=200)
    qtbot.waitUntil(lambda: form.problem("id_number") == "", timeout=1000)  # fixed: gone
    form.gender.setCurrentText("Nam")  # the number says female
    assert form.problem("id_number") == "Số CCCD không khớp với giới tính"


def test_person_form_filled_from_an_id_card(qtbot):
    form = PersonForm("Chủ hồ sơ")
    qtbot.addWidget(form)
    form.phone.setText("0903111222")
    form.fill_from_scan(parse_scan(
        "001085012346|123456789|Đặng Văn Đức|04031985|Nam|thôn Phú Hòa, xã Tân Phú|01072021"))
    person, problems = form.person()
    assert problems == {}
    assert (person.full_name, person.id_number, person.gender) == (
        "Đặng Văn Đức", "001085012346", "Nam")
    assert person.birth_date.isoformat() == "1985-03-04"
    assert person.phone == "0903111222"  # kept
