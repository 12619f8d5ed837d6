"""Around one print job, on any machine (no printer needed): what the clerk reads when a
printer cannot take it, and the preview asking when the profile's printer is not there.
The same on a real CUPS queue: tests/ui/test_real_printer.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from counter_app.ui import pdf_pages, printers
from counter_app.ui.print_preview import Preview

from .helpers import QT_STRICT

pytestmark = QT_STRICT


def test_the_cups_print_plugin_ships_in_the_pyside6_wheel():
    """Without it Qt on Linux lists no printer at all and only writes PDF files. Not skipped:
    a PySide6 upgrade that drops it would otherwise only show as skipped tests."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the CUPS plugin is Linux's (Windows printers are built into Qt)")
    import PySide6

    plugin = (Path(PySide6.__file__).parent / "Qt" / "plugins" / "printsupport"
              / "libcupsprintersupport.so")
    assert plugin.is_file()
    assert b"libcups.so.2" in plugin.read_bytes()  # linked against the system's libcups


def _label() -> bytes:
    from counter_app.printing.label import label_pdf
    from tests.printing.helpers import dossier

    return label_pdf(dossier(), size_mm=(50, 30))


@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$", r"^This plugin does not")
def test_a_job_that_cannot_start_is_told_in_vietnamese(qtbot, tmp_path):
    """The PDF writer with a file it cannot create (the print dialog's "print to file" into a
    missing folder): no English detail, nothing written, the way out named."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "khong-co" / "nhan.pdf"
    printer.setOutputFileName(str(target))
    try:
        pdf_pages.print_pdf(_label(), printer)
    except printers.PrinterProblem as problem:
        assert problem.kind == printers.PrinterProblem.NOT_STARTED
        assert printers.describe(problem) == (
            f"Không bắt đầu in được trên máy in «{target}»: chưa in. Bấm In để thử lại, hoặc"
            " Lưu PDF… (Ctrl+S) để in ở máy khác.")
    else:
        raise AssertionError("printed into a folder that does not exist")
    assert not target.exists()


def test_every_printer_problem_has_its_sentence():
    shown = {kind: printers.describe(printers.PrinterProblem(kind, "HP Quầy 1"))
             for kind in (printers.PrinterProblem.GONE, printers.PrinterProblem.STOPPED,
                          printers.PrinterProblem.REFUSED, printers.PrinterProblem.NOT_STARTED)}
    assert len(set(shown.values())) == 4
    for text in shown.values():
        assert "«HP Quầy 1»" in text and "chưa in" in text and "Lưu PDF…" in text


def test_a_file_printer_is_never_checked_against_the_system(tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a.pdf"))
    printers.check_ready(printer)
    printers.check_sent(printer)


def _close_the_dialog_soon(seen: list[str], tries: int = 50) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries > 0:
                _close_the_dialog_soon(seen, tries - 1)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(100, close)


def test_a_profile_printer_that_qt_does_not_know_is_not_used_in_silence(qtbot, monkeypatch,
                                                                       lane):
    """The name is listed but QPrinter drops it (removed a moment ago): the preview does not
    print on whatever printer Qt picked instead; it says the chosen one is missing and asks."""
    monkeypatch.setattr(printers, "installed", lambda: ["Máy in đã gỡ"])
    preview = Preview(lane, [], "Giấy tiếp nhận", "Giấy tiếp nhận", "Máy in đã gỡ", None)
    qtbot.addWidget(preview)
    seen: list[str] = []
    _close_the_dialog_soon(seen)
    assert preview.choose_printer() is None
    assert seen == ["QPrintDialog"]
    assert preview.status.text() == (
        "Không thấy máy in «Máy in đã gỡ» đã chọn trong hồ sơ đơn vị: chọn máy in khi in.")
