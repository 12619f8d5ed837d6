"""Vietnamese is the source text; the shipped English translation is complete and loads."""

from __future__ import annotations

import datetime as dt
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from counter_app import messages
from counter_app.domain.errors import FieldProblem, NotFound, ValidationFailed
from counter_app.domain.model import Status
from counter_app.resources import resource
from counter_app.services.profile import Profile
from counter_app.services.sync import SyncStatus
from counter_app.ui import appearance, errors, labels
from counter_app.ui.dossier_table_model import Column, DossierTableModel
from counter_app.ui.main_window import MainWindow
from counter_app.ui.settings import language
from counter_app.ui.sync_status import pending_look

from .conftest import CLERK, open_window
from .helpers import QT_STRICT, press_enter, type_text

pytestmark = QT_STRICT

TS = resource("translations", "counter_app_en.ts")
UI = Path(__file__).resolve().parents[2] / "counter_app" / "ui"
# The sentences of domain problems (context "messages") are collected from here too.
MESSAGES = UI.parent / "messages.py"
NAMES = UI.parent / "message_names.py"


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


def test_what_waits_for_the_portal_in_english(english):
    shown = pending_look(SyncStatus(True, "https://dvc.example.vn", 4, 0, 0, None, None, "", "",
                                    pending_dossiers=1_300, scans_pending=45))
    assert shown.text == "Waiting to sync: 1.300 dossier(s), 45 scan(s)"
    assert shown.tooltip.splitlines()[0] == "Saved on this computer, not yet at the portal:"


def test_vietnamese_needs_no_translator():
    assert QCoreApplication.translate("labels", "Đang xử lý") == "Đang xử lý"


def test_every_ui_string_has_a_finished_english_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sorted(map(str, UI.glob("*.py"))), str(MESSAGES), str(NAMES),
                    "-source-language", "vi",
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


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_domain_sentence_is_translated_with_the_same_parameters():
    """Every sentence of counter_app/messages.py has its English, which fills in exactly the
    parameters the Vietnamese does (a lost {code} would hide which dossier is meant)."""
    shipped = {source: english for (context, source), english in _messages(TS).items()
               if context == "messages"}
    tables = [messages.FIELDS, messages.FORMS, messages.ACTIONS, messages.STATUSES,
              messages.OUTCOMES, messages.TEXTS, messages.SYNC_REASONS]
    sources = [v for table in tables for v in table.values()]
    sources += [messages.INVALID, messages.ITEM, messages.NO_STATUS, messages.MOMENT]
    untranslated = sorted(s for s in sources if not shipped.get(s))
    assert not untranslated, ("mark new sentences with QT_TRANSLATE_NOOP(\"messages\", …) and "
                              f"translate them (resources/translations/README.md): {untranslated}")
    differing = sorted(s for s in sources if _fields(s) != _fields(shipped[s]))
    assert not differing


def test_the_english_window_shows_domain_problems_in_english(english):
    problem = ValidationFailed([FieldProblem("applicant.id_number", "cccd.length"),
                                FieldProblem("documents[1]", "too_long", {"max": 200})])
    assert errors.describe(problem) == (
        "Invalid data — Applicant, ID document number: a citizen ID (CCCD) number has exactly "
        "12 digits; Dossier documents (item 2): too long (at most 200 characters)")
    assert errors.describe(NotFound(code="000.00.06.H56-261120-0001")) == (
        "Dossier 000.00.06.H56-261120-0001 not found.")
    assert errors.text("scan.s10_check_digit") == (
        "The postal item number has a wrong check digit.")


def test_the_command_line_sentences_stay_vietnamese(english):
    """messages.describe without a translating function is the command line's: Vietnamese,
    even while the process has the English translator installed."""
    assert messages.describe(NotFound(code="X")) == "Không tìm thấy hồ sơ X."
    assert errors.describe(NotFound(code="X")) == "Dossier X not found."


def test_a_wrong_password_is_told_in_english(english, qtbot, lane, demo_data):
    win = open_window(qtbot, lane, demo_data.data_dir)
    screen = win.guard.login_screen
    type_text(screen.username, CLERK)
    press_enter(screen.username)
    with qtbot.waitSignal(screen.attempt_failed, timeout=5000) as failed:
        type_text(screen.password, "not-the-password")
        press_enter(screen.password)
    assert failed.args[0] == "Wrong user name or password."
    assert screen.message.problem() == "Wrong user name or password."
    win.close()
