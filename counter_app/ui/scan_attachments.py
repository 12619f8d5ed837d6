"""Scans on the reception page: files chosen with Ctrl+O, pages the scanner saves in its folder.

Everything slow (reading, converting, storing, the thumbnail) runs in the database lane; this
object keeps the scans of the dossier being received and shows them in the checklist's strip.
The folder is polled once a second, only while the checklist is on screen with an item chosen:
a new page attaches to that item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ..domain.errors import DomainError
from ..domain.model import ItemAttachment
from ..services.counter import Counter
from . import errors, settings
from .checklist_widget import ChecklistBox
from .lanes import CounterLane
from .scan_strip import THUMB_WIDTH, DraftScan

if TYPE_CHECKING:  # storing and watching load with the first file or the scanner's folder
    from ..services.scan_folder import ScanFolder, Taken
    from ..store.attachments import StoredAttachment

POLL_MS = 1000


@dataclass(frozen=True)
class Imported:
    file: StoredAttachment
    thumbnail: QImage | None


def import_with_thumbnail(counter: Counter, path: Path) -> Imported:
    """Runs in the database lane."""
    from ..services import attachments
    from . import pdf_pages  # with the first scan: it brings the print module

    stored = attachments.import_file(counter, path)
    try:
        thumbnail: QImage | None = pdf_pages.render_thumbnail(
            attachments.read_pdf(counter, stored.sha256), THUMB_WIDTH)
    except (pdf_pages.RendererMissing, DomainError, ValueError, OSError):
        thumbnail = None
    return Imported(stored, thumbnail)


def ask_files(parent: QWidget) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("ScanAttachments", "Đính kèm bản quét"), "",
        QCoreApplication.translate("ScanAttachments",
                                   "Bản quét (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)"))
    return list(paths)


def ask_folder(parent: QWidget, current: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("ScanAttachments", "Thư mục máy quét lưu bản quét"),
        current)


class ScanAttachments(QObject):
    message = Signal(str, bool)  # a sentence for the clerk, and whether it is a problem
    scans_changed = Signal()

    def __init__(self, lane: CounterLane, box: ChecklistBox, page: QWidget) -> None:
        super().__init__(page)
        self._lane = lane
        self._box = box
        self._page = page
        self.scans: list[DraftScan] = []
        self.importing = 0  # jobs in the lane whose scans are not in the list yet
        self._serial = 0  # a new reception ignores what older jobs bring back
        # Replaced in tests: (parent) → paths, (parent, current) → folder.
        self.choose_files: Callable[[QWidget], Sequence[str]] = ask_files
        self.choose_folder: Callable[[QWidget, str], str] = ask_folder
        self._folder: ScanFolder | None = None
        self._polling = False
        self.polls = 0  # polls answered (tests wait on it)
        self._waiting = 0  # new files in the scanner's folder, not complete yet

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.attach_files)
        box.attach_button.clicked.connect(self.attach_files)
        box.folder_button.clicked.connect(self.choose_scan_folder)
        box.strip.remove_requested.connect(self.remove)
        box.model.modelReset.connect(self.clear)  # another procedure, or the next citizen
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.set_folder(settings.load_text(settings.SCAN_FOLDER))

    # ----- the draft's scans ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Files of this citizen are still on their way: being imported, or being written by
        the scanner into its folder."""
        return self.importing > 0 or self._waiting > 0

    def attachments(self) -> tuple[ItemAttachment, ...]:
        return tuple(ItemAttachment(s.item, s.file.sha256) for s in self.scans)

    def clear(self) -> None:
        self._serial += 1
        self.importing = 0
        if self.scans:
            self.scans = []
            self._show()

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.scans):
            gone = self.scans.pop(index)
            self._show()
            self.message.emit(self.tr("Đã gỡ bản quét {name} khỏi «{item}».").format(
                name=gone.file.name, item=gone.item), False)

    def _show(self) -> None:
        self._box.strip.set_scans(self.scans)
        self.scans_changed.emit()

    def _current_item(self) -> str | None:
        model, index = self._box.model, self._box.view.currentIndex()
        if not index.isValid() or not 0 <= index.row() < model.rowCount():
            return None
        return model.requirement(index.row()).name

    def _add(self, item: str, imported: Imported) -> bool:
        model = self._box.model
        rows = [r for r in range(model.rowCount()) if model.requirement(r).name == item]
        if not rows:
            return False
        if not any(s.item == item and s.file.sha256 == imported.file.sha256 for s in self.scans):
            self.scans.append(DraftScan(item, imported.file, imported.thumbnail))
            self._show()
        model.set_ticked(rows[0], True)  # a scanned paper is a paper received
        return True

    # ----- files chosen by the clerk -------------------------------------------------------

    def attach_files(self) -> None:
        """Ctrl+O: files for the checklist item the cursor is on."""
        item = self._current_item()
        if item is None:
            self.message.emit(self.tr("Chọn thủ tục và giấy tờ trong danh sách trước khi "
                                      "đính kèm bản quét."), True)
            return
        self.attach_paths(self.choose_files(self._page), item)

    def attach_paths(self, paths: Sequence[str | Path], item: str) -> None:
        from ..services.attachments import display_name

        for path in paths:
            self.importing += 1
            serial, name = self._serial, display_name(path)
            self._lane.call(
                lambda counter, p=Path(path): import_with_thumbnail(counter, p),
                lambda imported, s=serial, i=item: self._on_lane_imported(s, i, imported),
                lambda error, s=serial, n=name: self._on_lane_import_failed(s, n, error),
                context=self)
        if paths:
            self.message.emit(self.tr("Đang nhập bản quét…"), False)

    def _on_lane_imported(self, serial: int, item: str, imported: Imported) -> None:
        if serial != self._serial:
            return
        self.importing -= 1
        self._announce(item, imported.file, self._add(item, imported))

    def _on_lane_import_failed(self, serial: int, name: str, error: BaseException) -> None:
        if serial != self._serial:
            return
        self.importing -= 1
        self.message.emit(errors.describe(error), True)

    def _announce(self, item: str, file: StoredAttachment, added: bool) -> None:
        if added:
            self.message.emit(self.tr("Đã đính kèm bản quét {name} ({n} trang) vào «{item}»."
                                      ).format(name=file.name, n=file.pages, item=item), False)
        else:
            self.message.emit(self.tr("Bản quét {name} chưa được đính kèm: danh sách giấy tờ "
                                      "đã đổi. Hãy chọn giấy tờ rồi đính kèm lại.").format(
                                          name=file.name), True)

    # ----- the scanner's folder ------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        return self._folder.folder if self._folder is not None else None

    def set_folder(self, folder: str) -> None:
        """Watch `folder` ("" stops watching); files already there are left alone."""
        watcher = None
        if folder:
            from ..services.scan_folder import ScanFolder

            watcher = ScanFolder(folder)
        self._folder = watcher
        self._waiting = 0
        self._box.show_scan_folder(folder)
        if watcher is None:
            self._timer.stop()
            return
        # What is in the folder now is not this citizen's: look before anything is scanned.
        self._lane.call(lambda _counter: watcher.prime(), context=self)
        self._timer.start()

    @property
    def watching(self) -> bool:
        """A folder is set and its first look taken."""
        return self._folder is not None and self._folder.primed

    def set_poll_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def choose_scan_folder(self) -> None:
        current = str(self.folder or "")
        folder = self.choose_folder(self._page, current)
        if folder:
            settings.save_text(settings.SCAN_FOLDER, folder)
            self.set_folder(folder)

    def _poll(self) -> None:
        watcher = self._folder
        item = self._current_item()
        if watcher is None or item is None or self._polling or not self._box.isVisible():
            return
        self._polling = True
        serial = self._serial

        def job(counter: Counter) -> tuple[list[Taken[Imported]], int]:
            taken = watcher.collect(lambda path: import_with_thumbnail(counter, path))
            return taken, watcher.waiting()

        self._lane.call(job, lambda found: self._on_lane_collected(serial, item, *found),
                        self._on_lane_poll_failed, context=self)

    def _on_lane_collected(self, serial: int, item: str, taken: list[Taken[Imported]],
                           waiting: int) -> None:
        from ..services.scan_folder import REJECTED

        self._polling = False
        self._waiting = waiting if self._folder is not None else 0
        self.polls += 1
        for t in taken:
            if t.error is not None:
                self.message.emit(self.tr("Bản quét {name} trong thư mục máy quét không dùng "
                                          "được ({reason}); tệp đã được chuyển vào thư mục "
                                          "{folder}.").format(
                    name=t.name, reason=errors.describe(t.error), folder=REJECTED), True)
            elif t.value is not None:
                added = serial == self._serial and self._add(item, t.value)
                self._announce(item, t.value.file, added)

    def _on_lane_poll_failed(self, error: BaseException) -> None:
        self._polling = False
        self.message.emit(errors.describe(error), True)
