"""Vietnamese is the source text; the shipped English translation is complete and loads."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from counter_app.domain.model import Status
from counter_app.resources import resource
from counter_app.services.profile import Profile
from counter_app.ui import appearance, labels
from counter_app.ui.dossier_table_model import Column, DossierTableModel
from counter_app.ui.main_window import MainWindow
from counter_app.ui.settings import language

from .helpers import QT_STRICT

pytestmark = QT_STRICT

TS = resource("translations", "counter_app_en.ts")
UI = Path(__file__).resolve().parents[2] / "counter_app" / "ui"


def _messages(path: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            tr = m.find("translation")
            finished = tr is not None and tr.get("type") not in ("unfinished", "vanished",
                                                                  "obsolete")
            out[(name, m.findtext("source"))] = tr.text if finished else None
    return out


@pytest.fixture
def english(qapp):
    assert appearance.install_translators(qapp, "en") == "en"
    yield
    appearance.install_translators(qapp, "vi")


def test_english_is_chosen_by_qmc_lang(monkeypatch):
    monkeypatch.setenv("QMC_LANG", "en")
    assert language() == "en"
    monkeypatch.delenv("QMC_LANG")
    assert language() == "vi"


def test_english_translation_loads(english, qtbot, lane, demo_data):
    model = DossierTableModel()
    assert model.headerData(Column.CODE, Qt.Orientation.Horizontal) == "Dossier code"
    assert labels.status_name(Status.RETURNED) == "Result returned"
    window = MainWindow(lane, Profile(agency_code="X", agency_name="UBND xã A", workstation=2))
    qtbot.addWidget(window)
    assert window.windowTitle() == "UBND xã A — Workstation 02"
    assert window.sync_label.text().endswith("Offline")
    assert window.pages.tabText(0) == "Reception"
    assert window.reception_page.outcome.receive.text() == "F9  Receive"
    assert labels.format_moment(dt.datetime(2026, 11, 26, 9, 32)) == "09:32 on 26/11/2026"


def test_vietnamese_needs_no_translator():
    assert QCoreApplication.translate("labels", "Đang xử lý") == "Đang xử lý"


def test_every_ui_string_has_a_finished_english_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sorted(map(str, UI.glob("*.py"))), "-source-language", "vi",
                    "-target-language", "en", "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = set(_messages(fresh))
    shipped = _messages(TS)
    missing = sorted(k for k in wanted if not shipped.get(k))
    assert not missing, ("run the commands of resources/translations/README.md and translate: "
                         f"{missing}")


def test_the_qm_file_is_built_from_the_ts_file():
    translator = QTranslator()
    assert translator.load(str(resource("translations", "counter_app_en.qm")))
    for (context, source), english in _messages(TS).items():
        assert translator.translate(context, source) == english, (
            "counter_app_en.qm is stale: run pyside6-lrelease (resources/translations/README.md)")
