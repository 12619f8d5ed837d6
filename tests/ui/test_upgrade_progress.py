"""The first start after an update that upgrades the database shows what it is doing, cannot
be closed half-way, and then opens the window; a failed upgrade says why and leaves the data."""

from __future__ import annotations

import shutil

from counter_app.store import db
from counter_app.store.migrations import SCHEMA_VERSION
from counter_app.ui.main import Startup
from counter_app.ui.upgrade_progress import UpgradeDialog
from tests.fixtures import schema_fixtures

from .helpers import QT_STRICT

pytestmark = QT_STRICT

OLD = 5


def _old_data_dir(tmp_path):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    shutil.copy(schema_fixtures.path_of(OLD), data_dir / db.DB_FILENAME)
    return data_dir


def test_an_upgrade_shows_its_steps_then_the_login_screen(qtbot, lane, tmp_path):
    startup = Startup(lane, _old_data_dir(tmp_path))
    dialogs: list[UpgradeDialog] = []
    startup.upgrade.dialog_shown.connect(dialogs.append)
    seen: list[tuple[str, bool]] = []

    def look(_stage: str, _done: int, _total: int) -> None:
        dialog = startup.upgrade.dialog
        assert dialog is not None
        seen.append((dialog.step_label.text(), dialog.isVisible()))

    startup.upgrade.stepped.connect(look)
    with qtbot.waitSignal(startup.window_opened, timeout=20_000) as opened:
        startup.start()
    window = opened.args[0]
    qtbot.addWidget(window)

    assert len(dialogs) == 1 and not dialogs[0].isVisible()  # gone once the data is open
    assert dialogs[0].windowTitle() == "Đang nâng cấp dữ liệu"
    texts = [text for text, _visible in seen]
    assert all(visible for _text, visible in seen)
    assert texts[0].startswith("Bước 1/3: sao lưu dữ liệu hiện có (")
    assert "Bước 1/3: sao lưu dữ liệu hiện có (100 %)" in texts
    assert "Bước 2/3: kiểm tra bản sao lưu…" in texts
    steps = SCHEMA_VERSION - OLD
    assert texts[-1] == f"Bước 3/3: nâng cấp cấu trúc dữ liệu ({steps}/{steps})"
    assert window.guard.locked and window.guard.stack.currentWidget() is window.guard.login_screen
    window.close()


def test_the_upgrade_window_cannot_be_closed_until_the_upgrade_is_over(qtbot):
    dialog = UpgradeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_step("migrate", 2, 6)
    dialog.close()
    assert dialog.isVisible()
    assert dialog.step_label.text() == ("Đang nâng cấp, không thể đóng lúc này. Cửa sổ làm việc "
                                        "sẽ tự mở khi xong.")
    dialog.done_upgrading()
    assert not dialog.isVisible()


def test_a_failed_upgrade_says_why_and_keeps_the_data(qtbot, lane, tmp_path, monkeypatch):
    data_dir = _old_data_dir(tmp_path)
    broken = list(db.MIGRATIONS)
    broken[OLD + 1] = "INSERT INTO no_such_table VALUES (1);"  # the second step fails
    monkeypatch.setattr(db, "MIGRATIONS", tuple(broken))
    startup = Startup(lane, data_dir)
    dialogs: list[UpgradeDialog] = []
    startup.upgrade.dialog_shown.connect(dialogs.append)
    with qtbot.waitSignal(startup.start_failed, timeout=20_000) as failed:
        startup.start()
    assert failed.args[0]  # a sentence for the clerk
    assert dialogs and not dialogs[0].isVisible()
    assert startup.window is None

    lane.shutdown()
    conn = db.connect(data_dir / db.DB_FILENAME, check=False, target=OLD + 1)
    try:  # the first step stayed, the failed one left nothing; the copy before it is there
        assert db.schema_version(conn) == OLD + 1
        assert db.integrity_problems(conn, full=True) == []
    finally:
        conn.close()
    assert list((data_dir / db.BACKUP_DIR).glob(f"{db.PRE_MIGRATION_PREFIX}v{OLD}-*.sqlite3"))
