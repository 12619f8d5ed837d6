"""Tabs whose page is made the first time it is shown or asked for (the window starts with
the login screen and the reception page only: docs/ARCHITECTURE.md, "Start-up")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

Build = Callable[[], QWidget]


class LazyPages(QObject):
    """Until its page is made, a tab holds an empty stand-in; showing the tab, or asking for
    the page (a scan routed to it, a test), makes the page and puts it in the stand-in's
    place, at the same index with the same title, so that afterwards the tab widget holds
    the page itself."""

    page_built = Signal(str, object)  # the key, the page just made

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._waiting: dict[str, tuple[QWidget, Build]] = {}  # key → (stand-in, maker)
        self._built: dict[str, QWidget] = {}
        # Connected before anyone else's slot, so that theirs see the page, not the stand-in.
        tabs.currentChanged.connect(self._on_tabs_current_changed)

    def add(self, key: str, title: str, build: Build) -> None:
        stand_in = QWidget()
        stand_in.setObjectName(f"lazy-{key}")
        self._waiting[key] = (stand_in, build)
        self._tabs.addTab(stand_in, title)

    def page(self, key: str) -> QWidget:
        """The page, made now if it was not yet."""
        page = self._built.get(key)
        if page is not None:
            return page
        stand_in, build = self._waiting.pop(key)
        page = build()
        self._built[key] = page
        index = self._tabs.indexOf(stand_in)
        if index >= 0:
            current = self._tabs.currentIndex() == index
            title, tip = self._tabs.tabText(index), self._tabs.tabToolTip(index)
            self._tabs.blockSignals(True)  # the swap is not a change of page
            try:
                self._tabs.removeTab(index)
                self._tabs.insertTab(index, page, title)
                self._tabs.setTabToolTip(index, tip)
                if current:
                    self._tabs.setCurrentIndex(index)
            finally:
                self._tabs.blockSignals(False)
        stand_in.deleteLater()
        self.page_built.emit(key, page)
        return page

    def _on_tabs_current_changed(self, index: int) -> None:
        widget = self._tabs.widget(index)
        for key, (stand_in, _build) in list(self._waiting.items()):
            if stand_in is widget:
                self.page(key)
                return
