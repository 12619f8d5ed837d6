"""Safe operation in the window: the daily backup at start."""

from __future__ import annotations

from counter_app.services import backup as bk


def test_opening_the_window_makes_the_days_backup(qtbot, window, demo_data):
    backups = bk.default_dir(demo_data.data_dir)
    qtbot.waitUntil(lambda: len(bk.backups_in(backups)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.daily_backup._running, timeout=5000)
    assert "Đã sao lưu dữ liệu hôm nay." in window.statusBar().currentMessage()
    window.daily_backup.check()  # again the same day: nothing new
    qtbot.waitUntil(lambda: not window.daily_backup._running, timeout=5000)
    assert len(bk.backups_in(backups)) == 1
