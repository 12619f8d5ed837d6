"""The real portal app served on loopback by uvicorn in a thread of the test process: the app's
network lane talks to it over real TCP, and the test can stop it (portal down) and start it
again on the same port, or act as a back office on its database."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from portal import agencies, catalogue, dossiers
from portal.api.app import create_app
from portal.settings import Settings
from tests.conftest import AGENCY, SMALL_CATALOGUE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class ServedPortal:
    """One portal database; `start()`/`stop()` the server on one port."""

    def __init__(self, tmp_path: Path) -> None:
        self.port = free_port()
        settings = Settings(blob_dir=tmp_path / "portal-blobs")
        self.app = create_app(f"sqlite:///{tmp_path / 'portal.db'}", settings=settings)
        self.db = self.app.state.portal.db
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self._server is None
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="portal", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert self._thread.is_alive() and time.monotonic() < deadline, "portal not up"
            time.sleep(0.01)

    def stop(self) -> None:
        """The portal goes down: new connections are refused."""
        if self._server is None:
            return
        self._server.should_exit = True
        assert self._thread is not None
        self._thread.join(10)
        assert not self._thread.is_alive()
        self._server = self._thread = None

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def enrolment_code(self) -> str:
        code, _ = agencies.make_enrolment_code(self.db, AGENCY, self.now(),
                                               dt.timedelta(hours=72))
        return code

    def set_status(self, code: str, status: int, note: str) -> dict[str, Any]:
        """What a back office does (`python -m portal set-status`)."""
        return dossiers.set_status(self.db, code, status, note, self.now(), by="Trần Văn B",
                                   department="Phòng Tư pháp")

    def listing(self) -> list[dict[str, Any]]:
        return dossiers.list_for_agency(self.db, AGENCY)

    def revoke(self, workstation: int = 1) -> None:
        agencies.revoke(self.db, self.now(), agency_code=AGENCY, workstation=workstation)


@pytest.fixture
def served_portal(tmp_path: Path) -> Iterator[ServedPortal]:
    """Agency AGENCY with the small catalogue, up and listening."""
    portal = ServedPortal(tmp_path)
    agencies.create_agency(portal.db, AGENCY, "UBND xã Tân Phú", 1000, portal.now())
    catalogue.import_procedures(portal.db, catalogue.read_catalogue_files([SMALL_CATALOGUE]),
                                portal.now())
    portal.start()
    try:
        yield portal
    finally:
        portal.stop()
        portal.db.dispose()


def enrol(data_dir: Path, portal: ServedPortal) -> None:
    """The workstation of `data_dir` enrolled with the portal (`python -m counter_app enrol`)."""
    with Counter.open(data_dir) as counter:
        sync_service.enrol(counter, portal.url, portal.enrolment_code(), "Quầy 1")
