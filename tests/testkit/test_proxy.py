"""The shared link proxy (testkit/proxy.py): its failure share is exact, its link is as slow
as asked in both directions, and what passes arrives unchanged."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from testkit.proxy import FaultProxy


class _Echo(BaseHTTPRequestHandler):
    """POST: answers the body's length; GET /bytes/N: N bytes."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self._answer(str(len(body)).encode())

    def do_GET(self) -> None:
        self._answer(b"x" * int(self.path.rsplit("/", 1)[1]))

    def _answer(self, payload: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_failure_rate_fails_exactly_that_share_of_requests(upstream):
    with FaultProxy(upstream, fail_rate=0.1, seed=3) as proxy, requests.Session() as s:
        ok = failed = 0
        for i in range(60):
            try:
                r = s.post(proxy.url + "/x", data=b"a" * i, timeout=5)
            except requests.RequestException:
                failed += 1
                continue
            if r.status_code == 503:
                assert r.headers["Retry-After"] == "1"
                failed += 1
            else:
                assert r.status_code == 200 and r.content == str(i).encode()
                ok += 1
        stats = dict(proxy.stats)
    assert failed == 6 and ok == 54
    assert stats["requests"] == 60
    assert sum(stats.get(k, 0) for k in ("reset", "busy503", "truncate")) == 6


def test_the_link_is_as_slow_as_asked_both_ways(upstream):
    rate = 50_000  # bytes per second: 0.4 Mbit/s
    with FaultProxy(upstream, mbit=rate * 8 / 1e6) as proxy, requests.Session() as s:
        t0 = time.monotonic()
        assert s.post(proxy.url + "/x", data=b"u" * 60_000, timeout=10).content == b"60000"
        up = time.monotonic() - t0
        t0 = time.monotonic()
        assert len(s.get(proxy.url + "/bytes/60000", timeout=10).content) == 60_000
        down = time.monotonic() - t0
        stats = dict(proxy.stats)
    # 60 kB at 50 kB/s, less the 16 kB the bucket may hold at the start
    assert up >= (60_000 - 16 * 1024) / rate
    assert down >= (60_000 - 16 * 1024) / rate
    assert stats["bytes_up"] > 60_000 and stats["bytes_down"] > 60_000
