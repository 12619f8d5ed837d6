"""The printers this machine has (QPrinterInfo), the note shown when it has none, and the checks
around one print job: the chosen printer is still there and running before the job, and it
took the job after it (Qt does not say when a printer refuses one)."""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

CONTEXT = "printers"
log = logging.getLogger(__name__)


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


class PrinterProblem(Exception):
    """The printer did not take the job: nothing was printed (and nothing is recorded)."""

    GONE = "gone"  # no longer installed (removed, renamed, its server unreachable)
    STOPPED = "stopped"  # installed but stopped or paused: a job would wait in its queue
    REFUSED = "refused"  # the print system refused the job (queue not accepting, removed…)
    NOT_STARTED = "not_started"  # Qt could not start a job on it

    def __init__(self, kind: str, name: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {name!r} {detail}".strip())
        self.kind, self.name, self.detail = kind, name, detail


def describe(problem: PrinterProblem) -> str:
    """What the clerk reads in the preview: what happened, that nothing was printed, and what
    to do (the PDF stays one key away)."""
    if problem.kind == PrinterProblem.GONE:
        text = QCoreApplication.translate(
            "printers", "Không thấy máy in «{name}» trên máy này nữa: chưa in. Bấm In để chọn"
            " máy in khác, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.")
    elif problem.kind == PrinterProblem.STOPPED:
        text = QCoreApplication.translate(
            "printers", "Máy in «{name}» đang dừng: chưa in. Kiểm tra máy in (nguồn, giấy, cáp,"
            " hàng đợi in) rồi bấm In lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.")
    elif problem.kind == PrinterProblem.REFUSED:
        text = QCoreApplication.translate(
            "printers", "Máy in «{name}» không nhận lệnh in: chưa in. Bấm In để thử lại, hoặc"
            " Lưu PDF… (Ctrl+S) để in ở máy khác.")
    else:
        text = QCoreApplication.translate(
            "printers", "Không bắt đầu in được trên máy in «{name}»: chưa in. Bấm In để thử"
            " lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.")
    return text.format(name=problem.name)


def _system_printer(printer: QPrinter) -> bool:
    """A printer of the system, not Qt's PDF writer (a file chosen in the print dialog)."""
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat


def check_ready(printer: QPrinter) -> None:
    """Before a job: the system printer `printer` names is still installed and not stopped."""
    if not _system_printer(printer):
        return
    name = printer.printerName()
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrinterProblem(PrinterProblem.GONE, name)
    # CUPS (Linux, macOS) reports exactly a stopped queue as Error. Qt on Windows reports Error
    # for every status it does not know (toner low, paper out, offline…, often stale for
    # network printers): there a job is sent anyway and waits in the spooler.
    if sys.platform != "win32" and info.state() == QPrinter.PrinterState.Error:
        raise PrinterProblem(PrinterProblem.STOPPED, name)


def check_sent(printer: QPrinter) -> None:
    """After QPainter.end() on `printer`, in the same thread: did the print system take the
    job? Qt's CUPS engine ignores the answer of cupsPrintFile, so on Linux it is read back with
    cupsLastError (libcups keeps the last answer per thread)."""
    if not _system_printer(printer) or not sys.platform.startswith("linux"):
        return
    answer = _cups_last_answer()
    if answer is None:
        return
    status, message = answer
    if status > _IPP_SUCCESSFUL_MAX:
        log.warning("CUPS refused the job for %r: 0x%04x %s", printer.printerName(), status,
                    message)
        raise PrinterProblem(PrinterProblem.REFUSED, printer.printerName(), message)


_IPP_SUCCESSFUL_MAX = 0x00FF  # IPP status codes 0x0000-0x00FF are successful (RFC 8011)
_cups: Any = None


def _cups_last_answer() -> tuple[int, str] | None:
    """(status, message) of the last CUPS request of this thread; None without libcups (then
    Qt had no CUPS printer either)."""
    global _cups
    if _cups is None:
        import ctypes

        try:
            # The library Qt's CUPS plugin loaded: dlopen hands back the same one.
            library = ctypes.CDLL("libcups.so.2")
        except OSError as e:
            log.info("libcups not found, print jobs not checked: %s", e)
            _cups = False
            return None
        library.cupsLastError.restype = ctypes.c_int
        library.cupsLastErrorString.restype = ctypes.c_char_p
        _cups = library
    if _cups is False:
        return None
    message = _cups.cupsLastErrorString() or b""
    return int(_cups.cupsLastError()), message.decode("utf-8", "replace")
