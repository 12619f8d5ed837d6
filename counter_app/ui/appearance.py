"""Application-wide look and language: the bundled font and the Qt translators."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resource
from . import settings

log = logging.getLogger(__name__)

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
UI_FONT_FAMILY = "Noto Sans"
TRANSLATION_BASENAME = "counter_app"

_installed: list[QTranslator] = []  # QCoreApplication does not own installed translators


def load_fonts(app: QApplication) -> str | None:
    """Register the bundled font (full Vietnamese coverage) and make it the default."""
    family = _register_fonts()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamily(family)
    app.setFont(font)
    return family


@functools.cache
def _register_fonts() -> str | None:
    family: str | None = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            log.warning("font %s could not be loaded", name)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install our translation (and Qt's own) for `language`; Vietnamese is the source text."""
    language = language or settings.language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en"
                               else QLocale.Language.Vietnamese))
    if language == "vi":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"{TRANSLATION_BASENAME}_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no %s translation; showing Vietnamese", language)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
