"""Uncaught exceptions and Qt's own fatal messages: a crash report without personal data,
and a dialog in Vietnamese that lets the clerk go on working (or close the app)."""

# A crash report holds where the error happened (exception type, file, line, function and the
# source line of each frame), the versions and the time. Never the exception's message or
# arguments, nor local variables: they may hold what was typed (names, ID numbers, addresses).

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from .. import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox
from . import app_log

log = logging.getLogger(__name__)

REPORT_DIR = "crash-reports"

_state: dict[str, object] = {"data_dir": None, "showing": False}
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
_previous_hook: ExceptHook | None = None


def report_text(kind: type[BaseException], tb: TracebackType | None,
                at: dt.datetime) -> str:
    """The report: versions, time, the exception's type and its frames — not its message."""
    import platform

    lines = [
        f"Quầy Một Cửa {__version__} — báo cáo lỗi",
        f"time: {at.isoformat(timespec='seconds')}",
        f"python: {platform.python_version()}  pyside6: {PySide6.__version__}  "
        f"os: {platform.system()} {platform.release()}",
    ]
    lines += app_log.where(kind, tb)
    return "\n".join(lines) + "\n"


def write_report(data_dir: Path, kind: type[BaseException], tb: TracebackType | None,
                 at: dt.datetime | None = None) -> Path:
    at = at or dt.datetime.now()
    folder = Path(data_dir) / REPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{at:%Y%m%d-%H%M%S-%f}.txt"
    path.write_text(report_text(kind, tb, at), encoding="utf-8")
    return path


def handle_exception(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    """sys.excepthook: write the report, log where (not what), show the dialog."""
    if issubclass(kind, KeyboardInterrupt):
        if _previous_hook is not None:
            _previous_hook(kind, error, tb)
        return
    data_dir = _state["data_dir"]
    path: Path | None = None
    try:
        if isinstance(data_dir, Path):
            path = write_report(data_dir, kind, tb)
    except OSError:  # a full disk must not turn a crash into a second one
        path = None
    log.error("uncaught %s; crash report %s", kind.__qualname__, path or "not written")
    if QApplication.instance() is not None and not _state["showing"]:
        show_dialog(path)


def show_dialog(path: Path | None) -> QMessageBox:
    """Non-blocking (open, not exec): the event loop goes on, so does the clerk's work."""
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate(
        "crash", "Ứng dụng vừa gặp một lỗi không mong đợi. Những gì đã lưu không bị mất; "
        "nếu đang nhập dở, hãy kiểm tra lại rồi lưu.")
    if path is not None:
        where = QCoreApplication.translate(
            "crash", "Báo cáo lỗi (không chứa thông tin cá nhân) đã được ghi vào:\n{path}\n"
            "Hãy gửi tệp này cho quản trị viên.").format(path=path)
    else:
        where = QCoreApplication.translate(
            "crash", "Không ghi được báo cáo lỗi (ổ đĩa đầy?).")
    title = QCoreApplication.translate("crash", "Lỗi không mong đợi")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setObjectName("crashDialog")
    box.setInformativeText(where)
    box.addButton(QCoreApplication.translate("crash", "Tiếp tục làm việc"),
                  QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(QCoreApplication.translate("crash", "Đóng ứng dụng"),
                                QMessageBox.ButtonRole.RejectRole)
    _state["showing"] = True

    def finished() -> None:
        _state["showing"] = False
        if box.clickedButton() is quit_button:
            app = QApplication.instance()
            if app is not None:
                app.exit(1)

    box.finished.connect(finished)
    box.open()
    return box


def handle_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to the log (shortened); a fatal message also leaves a crash report,
    since Qt aborts the process right after."""
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    logging.getLogger("counter_app.qt").log(level, "%s", message[:300])
    data_dir = _state["data_dir"]
    if kind == QtMsgType.QtFatalMsg and isinstance(data_dir, Path):
        try:
            write_report(data_dir, QtFatal, None)
        except OSError:
            pass


class QtFatal(Exception):
    """Stands for a fatal Qt message in a crash report (Qt aborts; there is no traceback)."""


def install(data_dir: Path, *, qt_messages: bool = True) -> None:
    global _previous_hook
    _state["data_dir"] = Path(data_dir)
    if sys.excepthook is not handle_exception:
        _previous_hook = sys.excepthook
        sys.excepthook = handle_exception
    if qt_messages:
        qInstallMessageHandler(handle_qt_message)


def uninstall() -> None:
    global _previous_hook
    if sys.excepthook is handle_exception:
        sys.excepthook = _previous_hook or sys.__excepthook__
    _previous_hook = None
    _state["data_dir"] = None
