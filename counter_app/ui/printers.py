"""The printers this machine has (QPrinterInfo) and the note shown when it has none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo

CONTEXT = "printers"


def installed() -> list[str]:
    """Names of the installed printers; empty on a machine without any (and offscreen)."""
    return list(QPrinterInfo.availablePrinterNames())


def default_name() -> str:
    return QPrinterInfo.defaultPrinterName()


def no_printer_note() -> str:
    return QCoreApplication.translate(
        "printers", "Máy này chưa cài máy in: lưu thành tệp PDF để in ở máy khác.")


def missing_note(name: str) -> str:
    return QCoreApplication.translate(
        "printers", "Không thấy máy in «{name}» đã chọn trong hồ sơ đơn vị: chọn máy in khi in."
    ).format(name=name)
