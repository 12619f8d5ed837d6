"""The window shown while the first start after an update copies and upgrades the database.

Nothing of it is shown on a normal start: the database lane reports only while an upgrade runs
(store/db.migrate), and the dialog is made at the first report."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout


class UpgradeDialog(QDialog):
    """What the upgrade is doing; it cannot be closed before the upgrade is over."""

    def __init__(self) -> None:
        super().__init__()
        self._closable = False
        self.setWindowTitle(self.tr("Đang nâng cấp dữ liệu"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Phiên bản mới của Quầy Một Cửa cần nâng cấp dữ liệu trên máy này. Việc này chỉ làm "
            "một lần và có thể mất vài phút khi dữ liệu lớn. Xin đừng tắt máy hay đóng ứng "
            "dụng: dữ liệu được sao lưu trước khi nâng cấp, cửa sổ làm việc sẽ tự mở khi xong."))
        intro.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("upgradeStep")
        self.step_label.setWordWrap(True)
        self.bar = QProgressBar()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.step_label)
        layout.addWidget(self.bar)

    def show_step(self, stage: str, done: int, total: int) -> None:
        if stage == "copy":
            percent = round(100 * done / total) if total else 0
            self.step_label.setText(self.tr(
                "Bước 1/3: sao lưu dữ liệu hiện có ({percent} %)").format(percent=percent))
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)
        elif stage == "check":
            self.step_label.setText(self.tr("Bước 2/3: kiểm tra bản sao lưu…"))
            self.bar.setRange(0, 0)  # no measure of it: a moving bar
        else:
            self.step_label.setText(self.tr(
                "Bước 3/3: nâng cấp cấu trúc dữ liệu ({done}/{total})").format(
                done=done, total=total))
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)

    def done_upgrading(self) -> None:
        self._closable = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._closable:
            super().closeEvent(event)
            return
        event.ignore()  # closing would not stop the upgrade, only hide that it runs
        self.step_label.setText(self.tr(
            "Đang nâng cấp, không thể đóng lúc này. Cửa sổ làm việc sẽ tự mở khi xong."))

    def reject(self) -> None:  # Esc
        if self._closable:
            super().reject()


class UpgradeProgress(QObject):
    """Lives on the GUI thread; `report` is called from the database lane (queued signal)."""

    stepped = Signal(str, int, int)  # stage, done, total (store.db.Progress)
    dialog_shown = Signal(object)  # the UpgradeDialog

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: UpgradeDialog | None = None
        self.stepped.connect(self._on_stepped)

    def report(self, stage: str, done: int, total: int) -> None:
        """From the lane: never touches a widget."""
        self.stepped.emit(stage, done, total)

    def _on_stepped(self, stage: str, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = UpgradeDialog()
            self.dialog.show()
            self.dialog_shown.emit(self.dialog)
        self.dialog.show_step(stage, done, total)

    def finish(self) -> None:
        """The database is open (or could not be): the dialog goes."""
        if self.dialog is not None:
            self.dialog.done_upgrading()
            self.dialog = None
