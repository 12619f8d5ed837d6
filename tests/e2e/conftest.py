"""End to end: `python -m portal serve` in a subprocess on loopback (SQLite or PostgreSQL, as
tests/portal/conftest.py makes them), workstations as data directories driven through
`python -m counter_app`, and the fault proxy of testkit/proxy.py in between when asked."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from counter_app.services.counter import Counter
from tests.conftest import SMALL_CATALOGUE, birth_draft
from tests.portal.conftest import pg_problem, portal_db_url  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
AGENCY = "000.00.06.H56"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=ENV, timeout=timeout)


class PortalServer:
    """One portal database and a server process that can be stopped, killed and restarted
    on the same port."""

    def __init__(self, db: str, blob_dir: Path) -> None:
        self.db = db
        self.blob_dir = blob_dir
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = run(["portal", args[0], "--db", self.db, *args[1:]], timeout=60)
        assert done.returncode == 0, done.stderr
        return done

    def enrolment_code(self, agency: str = AGENCY) -> str:
        return self.cli("enrolment-code", "--agency", agency).stdout.strip().splitlines()[-1]

    def dossiers(self, agency: str = AGENCY) -> list[dict[str, Any]]:
        listed: list[dict[str, Any]] = json.loads(self.cli("dossiers", "--agency",
                                                           agency).stdout)
        return listed

    def start(self) -> None:
        assert self.proc is None
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "portal", "serve", "--db", self.db, "--host", "127.0.0.1",
             "--port", str(self.port), "--blob-dir", str(self.blob_dir)],
            cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                _, err = self.proc.communicate()
                pytest.fail(f"portal did not start: {err.decode(errors='replace')}")
            time.sleep(0.05)

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.send_signal(signal.SIGKILL)
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None


@pytest.fixture
def portal_server(portal_db_url: str, tmp_path: Path) -> Iterator[PortalServer]:  # noqa: F811
    """Agency AGENCY with the small catalogue; not started yet."""
    server = PortalServer(portal_db_url, tmp_path / "blobs")
    server.cli("create-agency", "--code", AGENCY, "--name", "UBND xã Tân Phú",
               "--range-size", "3000")
    server.cli("import-catalogue", str(SMALL_CATALOGUE))
    try:
        yield server
    finally:
        server.stop()


class Station:
    """One workstation: a data directory driven through `python -m counter_app`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def cli(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return run(["counter_app", "--data-dir", str(self.data_dir), *args], timeout=timeout)

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "counter_app", "--data-dir",
                                 str(self.data_dir), *args], cwd=ROOT, env=ENV, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def init(self, workstation: int, range_size: int = 3000) -> None:
        done = self.cli("init", "--agency-code", AGENCY, "--agency-name", "Bộ phận Một cửa",
                        "--workstation", str(workstation), "--range-size", str(range_size),
                        "--no-catalogue")
        assert done.returncode == 0, done.stderr
        done = self.cli("import-catalogue", str(SMALL_CATALOGUE))
        assert done.returncode == 0, done.stderr

    def enrol(self, server: PortalServer, url: str | None = None) -> None:
        done = self.cli("enrol", "--portal", url or server.url, "--code",
                        server.enrolment_code())
        assert done.returncode == 0, done.stderr

    def open(self) -> Counter:
        return Counter.open(self.data_dir)

    def receive(self, n: int, status_every: int = 0) -> list[str]:
        """n dossiers received now (one transaction), and a 2 → 4 status change for every
        `status_every`-th; returns the dossier ids."""
        from counter_app.domain.model import Status

        with self.open() as counter:
            results = counter.receive_many([birth_draft() for _ in range(n)])
            if status_every:
                for r in results[::status_every]:
                    counter.change_status(r.dossier.id, Status.IN_PROGRESS, note="Chuyển xử lý")
            return [r.dossier.id for r in results]

    def sync(self, *args: str, timeout: float = 180) -> tuple[int, dict[str, Any], str]:
        done = self.cli("sync", *args, timeout=timeout)
        summary = json.loads(done.stdout) if done.stdout.strip() else {}
        return done.returncode, summary, done.stderr

    def check(self) -> tuple[list[str], int, set[str]]:
        """Full integrity check, pending count, and the ids of local dossiers."""
        with self.open() as counter:
            ids = {r[0] for r in counter.conn.execute("SELECT id FROM dossiers")}
            return counter.integrity_problems(full=True), counter.pending_count(), ids


@pytest.fixture
def station(tmp_path: Path) -> Any:
    def make(name: str) -> Station:
        return Station(tmp_path / name)

    return make
