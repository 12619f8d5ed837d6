"""Open the window on a demo data directory, log in as the demo administrator and show one
page, for a screenshot under Xvfb (docs/screenshots/reception.png, lookup.png, admin-*.png):

    D=$(mktemp -d); .venv/bin/python -m counter_app --data-dir $D/data demo-setup
    for page in reception lookup; do
        XDG_CONFIG_HOME=$D/config ../shared/tools/xshot docs/screenshots/$page.png \
            --wait 6 --size 1280x800 -- .venv/bin/python docs/screenshots/shoot_page.py \
            $D/data $page
    done
    for page in profile catalogue calendar portal accounts; do
        XDG_CONFIG_HOME=$D/config ../shared/tools/xshot docs/screenshots/admin-$page.png \
            --wait 6 --size 1280x800 -- .venv/bin/python docs/screenshots/shoot_page.py \
            $D/data $page
    done

The window is the real one (the start-up path of `python -m counter_app`); only the log-in is
typed in by this script. Not part of the test run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from counter_app.services.demo import DEMO_LOGIN
from counter_app.ui import appearance
from counter_app.ui.lanes import CounterLane
from counter_app.ui.main import Startup, configure_application

CLERK_PAGES = ("reception", "lookup", "act-on", "postal", "return")
ADMIN_PAGES = ("profile", "catalogue", "calendar", "portal", "accounts")
PAGES = CLERK_PAGES + ADMIN_PAGES


def main() -> int:
    data_dir = Path(sys.argv[1])
    page = sys.argv[2] if len(sys.argv) > 2 else "lookup"
    if page not in PAGES:
        sys.exit(f"page: one of {', '.join(PAGES)}")
    app = QApplication(sys.argv[:1])
    appearance.install_translators(app)
    configure_application(app)
    lane = CounterLane()
    startup = Startup(lane, data_dir)

    def on_window_opened(window) -> None:  # type: ignore[no-untyped-def]
        window.move(0, 0)
        window.resize(1280, 800)

        def on_session(session: object) -> None:
            if session is None:
                return
            if page == "lookup":
                window.show_lookup()
            elif page == "accounts":
                window.pages.setCurrentWidget(window.accounts_page)
            elif page in ADMIN_PAGES:
                admin = window.admin_page
                window.pages.setCurrentWidget(admin)
                admin.setCurrentWidget(getattr(admin, f"{page}_page"))
            elif page != "reception":
                shown = {"act-on": window.act_on_page, "postal": window.postal_page,
                         "return": window.return_page}[page]
                window.pages.setCurrentWidget(shown)

        window.guard.session_changed.connect(on_session)
        screen = window.guard.login_screen
        screen.username.setText(DEMO_LOGIN[0])
        screen.password.setText(DEMO_LOGIN[3])
        QTimer.singleShot(200, screen.submit.click)

    startup.window_opened.connect(on_window_opened)
    startup.start()
    try:
        return app.exec()
    finally:
        lane.shutdown()


if __name__ == "__main__":
    sys.exit(main())
