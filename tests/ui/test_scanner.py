"""The keyboard-wedge scanner: bursts told from typing, scans taken away from widgets."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from counter_app.domain.scan import CccdScan, PostalItemScan, UnknownScan
from counter_app.ui.scanner import BurstDetector, ScannerFilter

from .helpers import QT_STRICT, press_enter, scan, type_text

pytestmark = QT_STRICT

S10 = "EB125966888VN"


# ----- the pure detector: timestamps in, decisions out -------------------------------------


def _burst(d: BurstDetector, text: str, start: int = 1000, gap: int = 5) -> int:
    for i, ch in enumerate(text):
        step = d.char(start + i * gap, ch, ch)
        assert step.hold and not step.replay
    return start + len(text) * gap


def test_a_fast_burst_ending_in_enter_is_a_scan():
    d = BurstDetector(max_gap_ms=30, min_length=6)
    end = _burst(d, S10)
    step = d.enter(end)
    assert step.scan == S10 and step.hold and step.replay == []
    assert not d.holding


def test_typing_at_a_persons_pace_is_handed_back_key_by_key():
    d = BurstDetector(30, 6)
    assert d.char(0, "a", "a").replay == []
    second = d.char(140, "b", "b")
    assert second.replay == ["a"] and second.hold
    end = d.enter(260)
    assert end.scan is None and end.replay == ["b"] and not end.hold


def test_two_keys_rolled_over_then_enter_are_still_typing():
    d = BurstDetector(30, 6)
    d.char(0, "t", "t")
    d.char(12, "h", "h")  # fast, as fingers roll over
    end = d.enter(20)
    assert end.scan is None and end.replay == ["t", "h"]


def test_a_pause_inside_a_burst_ends_it():
    d = BurstDetector(30, 6)
    end = _burst(d, "ABCDEF")
    step = d.char(end + 200, "G", "G")
    assert step.replay == list("ABCDEF")
    assert d.enter(end + 205).scan is None  # "G" alone is too short


def test_enter_long_after_a_burst_is_not_a_scan():
    d = BurstDetector(30, 6)
    end = _burst(d, S10)
    step = d.enter(end + 500)
    assert step.scan is None and step.replay == list(S10)


def test_a_burst_without_enter_or_cut_by_another_key_goes_to_the_widget():
    d = BurstDetector(30, 6)
    _burst(d, S10)
    assert d.idle().replay == list(S10)
    _burst(d, "12345")
    assert d.other().replay == list("12345")
    assert not d.holding


def test_gap_and_length_are_settings():
    slow = BurstDetector(max_gap_ms=80, min_length=4)
    end = _burst(slow, "ABCD", gap=60)
    assert slow.enter(end).scan == "ABCD"
    strict = BurstDetector(max_gap_ms=30, min_length=20)
    end = _burst(strict, S10)
    assert strict.enter(end).scan is None


# ----- the Qt filter on real widgets -------------------------------------------------------


@pytest.fixture
def scanner(qapp):
    f = ScannerFilter(max_gap_ms=30, min_length=6)
    f.install()
    yield f
    f.uninstall()
    f.deleteLater()


@pytest.fixture
def box(qtbot):
    dialog = QDialog()
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    qtbot.addWidget(dialog)
    dialog.show()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=2000)
    yield edit  # the dialog stays referenced until the test ends
    dialog.close()


def test_a_scan_is_taken_from_the_widget_and_announced(qtbot, scanner, box):
    box.setText("abc")
    with qtbot.waitSignal(scanner.scan_received, timeout=2000) as got:
        scan(box, S10.lower())
    assert got.args == [PostalItemScan(S10)]
    assert box.text() == "abc"


def test_a_scanned_name_comes_out_in_nfc(qtbot, scanner, box):
    qr = "001085012346|123456789|Đặng Văn Đức|04031985|Nam|thôn Phú Hòa|01072021"
    with qtbot.waitSignal(scanner.scan_received, timeout=2000) as got:
        scan(box, unicodedata.normalize("NFD", qr))
    result = got.args[0]
    assert isinstance(result, CccdScan)
    assert result.full_name == "Đặng Văn Đức" == unicodedata.normalize("NFC", result.full_name)


def test_mojibake_is_reported_not_guessed(qtbot, scanner, box):
    with qtbot.waitSignal(scanner.scan_received, timeout=2000) as got:
        scan(box, "001085012346|123456789|Äáº·ng VÄƒn Äá»©c|04031985|Nam|x|01072021")
    assert got.args == [UnknownScan("scan.mojibake")]


def test_a_code_typed_at_a_persons_pace_is_not_a_scan(qtbot, scanner, box):
    code = "000.00.06.H56-261120-0001"
    with qtbot.assertNotEmitted(scanner.scan_received, wait=100):
        type_text(box, code)
        press_enter(box)
    assert box.text() == code


def test_typed_keys_arrive_after_a_quiet_moment(qtbot, scanner, box):
    type_text(box, "Hư")
    assert box.text() == "H"  # "ư" may still be the start of a scan
    qtbot.waitUntil(lambda: box.text() == "Hư", timeout=1000)


def test_a_password_field_takes_the_keys_and_nothing_is_routed(qtbot, scanner, box):
    box.setEchoMode(QLineEdit.EchoMode.Password)
    with qtbot.assertNotEmitted(scanner.scan_received, wait=100):
        scan(box, S10)
    assert box.text() == S10


def test_a_shortcut_sees_the_text_typed_just_before_it(qtbot, scanner, box):
    seen: list[str] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F9), box.window())
    shortcut.activated.connect(lambda: seen.append(box.text()))
    type_text(box, "ab", gap_ms=5)  # both still held when F9 comes
    QTest.keyClick(box, Qt.Key.Key_F9)
    assert seen == ["ab"]


def test_a_scan_in_a_password_field_of_the_window_is_not_routed(qtbot, window, demo_data):
    dialog = QDialog(window)
    secret = QLineEdit(dialog)
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    QVBoxLayout(dialog).addWidget(secret)
    dialog.show()
    secret.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is secret, timeout=2000)
    with qtbot.assertNotEmitted(window.scanner.scan_received, wait=200):
        with qtbot.assertNotEmitted(window.lookup_page.dossier_opened, wait=200):
            scan(secret, demo_data.duc.code)
    assert secret.text() == demo_data.duc.code
    assert window.pages.currentWidget() is window.reception_page
    dialog.close()


def test_a_code_typed_by_hand_in_the_lookup_box_is_searched_not_scanned(qtbot, window, demo_data):
    window.show_lookup()
    box = window.lookup_page.search_box
    with qtbot.assertNotEmitted(window.scanner.scan_received, wait=100):
        with qtbot.waitSignal(window.lookup_page.dossier_opened, timeout=5000) as opened:
            type_text(box, demo_data.an.code)
            press_enter(box)  # the look-up box's own Enter opens a typed code
    assert opened.args[0].dossier.id == demo_data.an.id
    opened.args[0].close()
