"""The log file in the data directory (no personal data in it) and the remembered last choices."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.model import Channel, ResultDelivery
from counter_app.ui import app_log, errors
from counter_app.ui.reception_details import DetailsBox

from .helpers import QT_STRICT, focused, scan, send_key, type_text
from .test_reception_page import MAI_ID, MAI_QR, _back_to, _pick, _record

pytestmark = QT_STRICT

MAI_NAME, MAI_PHONE = "Lê Thị Mai", "0903111333"


@pytest.fixture
def page(qtbot, window):
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) == 3, timeout=5000)
    return page


def _receive_mai(qtbot, window, page, *, postal: bool = False):
    _pick(qtbot, page, "ho kinh doanh")
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000):
        scan(focused(), MAI_QR)
    type_text(focused(), "0903 111 333")
    page.checklist.view.setFocus()
    send_key(focused(), Qt.Key.Key_Space, " ")
    send_key(focused(), Qt.Key.Key_Tab, "\t")
    if postal:
        details = page.details
        details.set_postal_item("EB125966888VN")
        details.delivery.setCurrentIndex(details.delivery.findData(ResultDelivery.POST))
    dossier, preview = _record(qtbot, page, Qt.Key.Key_F9)
    preview.close()
    _back_to(qtbot, window)
    return dossier


def test_the_log_holds_no_personal_data(qtbot, window, page, demo_data):
    path = app_log.install(demo_data.data_dir)
    try:
        assert path == demo_data.data_dir / "logs" / "quay-mot-cua.log"
        dossier = _receive_mai(qtbot, window, page)
        try:
            # an unexpected error whose message carries what was typed: logged where, not what
            raise RuntimeError(f"boom for {MAI_NAME} {MAI_ID}")
        except RuntimeError as e:
            errors.describe(e)
        logging.getLogger("counter_app").handlers[-1].flush()
    finally:
        app_log.uninstall()
    text = path.read_text(encoding="utf-8")
    assert "dossier(s) received" in text and "RuntimeError" in text
    assert "traceback (most recent call last)" in text and "test_logging.py" in text
    a = dossier.applicant
    for personal in (MAI_NAME, "Le Thi Mai", MAI_ID, MAI_PHONE, "0903 111 333", a.address,
                     "Đồng Xuân"):
        assert personal not in text


def test_the_last_channel_and_delivery_are_remembered(qtbot, window, page):
    assert page.details.channel.currentData() == Channel.DIRECT
    dossier = _receive_mai(qtbot, window, page, postal=True)
    assert (dossier.channel, dossier.delivery) == (Channel.POSTAL, ResultDelivery.POST)
    assert page.details.channel.currentData() == Channel.POSTAL  # the next citizen
    _pick(qtbot, page, "ho kinh doanh")
    assert page.details.delivery.currentData() == ResultDelivery.POST
    later = DetailsBox()  # the next run of the app
    later.set_procedure(page.picker.chosen)
    assert later.channel.currentData() == Channel.POSTAL
    assert later.delivery.currentData() == ResultDelivery.POST
    later.deleteLater()


def test_the_log_file_rotates_and_keeps_a_bounded_history(tmp_path):
    path = tmp_path / "app.log"
    handler = app_log.RotatingFile(path, max_bytes=1_000, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("counter_app.test_rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for n in range(100):
            log.warning("dòng %03d %s", n, "x" * 40)  # ~50 bytes a line: 20 a file
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["app.log", "app.log.1", "app.log.2"]  # older ones are gone
    assert all((tmp_path / f).stat().st_size <= 1_000 for f in files)
    newest = path.read_text(encoding="utf-8").splitlines()
    assert newest[-1].startswith("dòng 099")
    previous = (tmp_path / "app.log.1").read_text(encoding="utf-8").splitlines()
    assert int(previous[-1].split()[1]) + 1 == int(newest[0].split()[1])  # nothing lost between
