"""The upgrade window as the first start after an update shows it while it copies the data
(docs/screenshots/upgrade-progress.png): the real dialog, at a step of a large upgrade.

    ../shared/tools/xshot /tmp/upgrade.png --wait 3 --size 640x260 -- \
        .venv/bin/python docs/screenshots/shoot_upgrade.py
    convert /tmp/upgrade.png -crop 520x174+0+0 +repage docs/screenshots/upgrade-progress.png

Not part of the test run (tests/ui/test_upgrade_progress.py drives a real upgrade).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from counter_app.ui import appearance
from counter_app.ui.main import configure_application
from counter_app.ui.upgrade_progress import UpgradeDialog


def main() -> int:
    app = QApplication(sys.argv[:1])
    appearance.install_translators(app)
    configure_application(app)
    dialog = UpgradeDialog()
    dialog.show_step("copy", 4_200, 10_000)  # 42 % of the backup copy
    dialog.move(0, 0)
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
