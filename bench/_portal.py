"""Shared helpers of the sync benchmarks: a portal database (SQLite file or a PostgreSQL schema
dropped afterwards), `python -m portal serve` as a subprocess on loopback, agencies and
enrolment codes made with the portal's own functions, and a link-shaping fault proxy.

Loopback only; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue_small.json"
PG = os.environ.get("PORTAL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
LOOPBACK = "127.0.0.1"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        port: int = s.getsockname()[1]
        return port


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of `values`; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


# ----- the portal's database and process -------------------------------------------------------


@contextlib.contextmanager
def portal_database(kind: str, tmp: Path, name: str) -> Iterator[str]:
    """A fresh, empty portal database URL: an SQLite file in `tmp`, or a new PostgreSQL
    database (dropped afterwards) on the server of $PORTAL_TEST_PG, so that its statistics
    (pg_stat_database) are the benchmark's own."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp / f'{name}.db'}"
        return
    import psycopg
    from sqlalchemy.engine import make_url

    database = f"bench_{name}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    try:
        url = make_url(PG).set(drivername="postgresql+psycopg", database=database)
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(PG, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def pg_database_name(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).database or ""


def setup_portal(url: str, agencies: Sequence[tuple[str, str, int]],
                 codes: dict[str, int]) -> dict[str, list[str]]:
    """Migrate, create `agencies` ((code, name, range size)), import the small catalogue, and
    make `codes[agency]` one-time enrolment codes per agency, with the portal's own functions
    (what `python -m portal create-agency / import-catalogue / enrolment-code` call)."""
    from portal import agencies as portal_agencies
    from portal import catalogue
    from portal.db import Database
    from portal.migrations import migrate
    from portal.timefmt import vn_now

    db = Database(url)
    try:
        migrate(db)
        now = vn_now()  # the portal's own clock checks the codes' expiry
        for code, name, size in agencies:
            portal_agencies.create_agency(db, code, name, size, now)
        catalogue.import_procedures(db, catalogue.read_catalogue_files([CATALOGUE]), now)
        out: dict[str, list[str]] = {}
        for agency, n in codes.items():
            out[agency] = [portal_agencies.make_enrolment_code(
                db, agency, now, dt.timedelta(hours=6))[0] for _ in range(n)]
        return out
    finally:
        db.dispose()


def make_app() -> object:
    """The portal's own application for the bench launcher (`workers` > 0 below): the same
    `create_app` and settings as `python -m portal serve` with no rate limits. What-ifs:
    $BENCH_PG_POOL = "SIZE,OVERFLOW" replaces the PostgreSQL pool's 10 + 30;
    $BENCH_THREADS = N replaces anyio's 40 worker threads (where sync endpoints run)."""
    import portal.db
    from portal.api.app import create_app
    from portal.settings import Settings

    pool = os.environ.get("BENCH_PG_POOL")
    if pool:
        size, overflow = (int(x) for x in pool.split(","))
        real = portal.db.create_engine

        def create_engine(url: Any, **kwargs: Any) -> Any:
            if "pool_size" in kwargs:
                kwargs.update(pool_size=size, max_overflow=overflow)
            return real(url, **kwargs)

        portal.db.create_engine = create_engine  # type: ignore[attr-defined]
    app = create_app(os.environ["BENCH_PORTAL_DB"],
                     settings=Settings(blob_dir=Path(os.environ["BENCH_PORTAL_BLOBS"])))
    threads = int(os.environ.get("BENCH_THREADS") or 0)
    return _ThreadLimit(app, threads) if threads else app


class _ThreadLimit:
    """ASGI wrapper: sets anyio's default thread limiter on the first request (it belongs to
    the running event loop, so it cannot be set before)."""

    def __init__(self, app: Any, threads: int) -> None:
        self.app = app
        self.threads = threads
        self.done = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self.done and scope["type"] == "http":
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = self.threads
            self.done = True
        await self.app(scope, receive, send)


_LAUNCHER = ("import sys, uvicorn; uvicorn.run('_portal:make_app', factory=True, host=sys.argv[1],"
             " port=int(sys.argv[2]), workers=int(sys.argv[3]), access_log=False,"
             " log_level='warning', timeout_keep_alive=30)")


class PortalProcess:
    """`python -m portal serve` on a free loopback port; `wrapper` prefixes the command (e.g.
    py-spy record … --). `workers` > 0: a bench-only launcher that serves the same app with
    `uvicorn.run(..., workers=N)` (the database must be migrated beforehand); `pool`
    ("SIZE,OVERFLOW") and `threads` need it. `extra_path` goes first on the portal's
    PYTHONPATH (e.g. a directory holding httptools and uvloop, which uvicorn then uses)."""

    def __init__(self, url: str, blob_dir: Path, *, extra: Sequence[str] = (),
                 wrapper: Sequence[str] = (), workers: int = 0, pool: str = "",
                 threads: int = 0, extra_path: str = "") -> None:
        self.port = free_port()
        self.base = f"http://{LOOPBACK}:{self.port}"
        paths = [p for p in (extra_path, str(ROOT)) if p]
        env = {**ENV, "PYTHONPATH": os.pathsep.join(paths)}
        if workers:
            cmd = [*wrapper, sys.executable, "-c", _LAUNCHER, LOOPBACK, str(self.port),
                   str(workers)]
            env.update(PYTHONPATH=os.pathsep.join([*paths, str(ROOT / "bench")]),
                       BENCH_PORTAL_DB=url, BENCH_PORTAL_BLOBS=str(blob_dir))
            if pool:
                env["BENCH_PG_POOL"] = pool
            if threads:
                env["BENCH_THREADS"] = str(threads)
        elif pool or threads:
            raise ValueError("pool and threads need the bench launcher (workers > 0)")
        else:
            cmd = [*wrapper, sys.executable, "-m", "portal", "serve", "--db", url, "--host",
                   LOOPBACK, "--port", str(self.port), "--blob-dir", str(blob_dir), *extra]
        self.wrapped = bool(wrapper)
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.base + "/api/v1/health", timeout=1).ok:
                    return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the portal did not start")
            time.sleep(0.1)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            if self.wrapped:  # py-spy writes its profile on SIGINT
                self.proc.send_signal(signal.SIGINT)
            else:
                self.proc.terminate()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def __enter__(self) -> PortalProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def top_frames(raw: Path, n: int = 15) -> dict[str, Any]:
    """The hottest functions of a py-spy `--format raw` profile (collapsed stacks): share of
    samples spent in the function itself (self) and under it (inclusive)."""
    own: Counter[str] = Counter()
    under: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        k = int(count)
        total += k
        frames = [_frame(f) for f in stack.split(";")]
        own[frames[-1]] += k
        for f in set(frames):
            under[f] += k
    if not total:
        return {"samples": 0}

    def share(c: Counter[str]) -> list[list[Any]]:
        return [[name, round(100 * k / total, 1)] for name, k in c.most_common(n)]

    return {"samples": total, "self_pct": share(own), "inclusive_pct": share(under)}


def _frame(text: str) -> str:
    """"push (portal/ingest.py:64)" → "push (portal/ingest.py)"; site-packages paths cut."""
    name, _, where = text.partition(" (")
    path = where.rsplit(":", 1)[0]
    for marker in ("site-packages/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    path = path.replace(str(ROOT) + "/", "")
    return f"{name} ({path})" if path else name


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by process `pid` and its waited-for children
    (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


# ----- a slow, unreliable link -----------------------------------------------------------------


class TokenBucket:
    """`rate` bytes per second shared by every connection, bursts up to `burst` bytes.
    `take(n)` waits until the n bytes may pass (the bucket may go into debt: fair FIFO-ish)."""

    def __init__(self, rate: float, burst: int = 16 * 1024) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def take(self, n: int) -> None:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(float(self.burst), self.tokens + (now - self.last) * self.rate)
            self.last = now
            self.tokens -= n
            wait = -self.tokens / self.rate if self.tokens < 0 else 0.0
        if wait > 0:
            time.sleep(wait)


_MAX_MESSAGE = 16 * 1024 * 1024
_TIMEOUT = 60.0
_BLOCK = 8 * 1024


class LinkProxy:
    """A loopback HTTP/1.1 proxy that behaves like a slow, unreliable link.

    - Bandwidth: every byte from the client to the portal passes a shared token bucket of
      `mbit` Mbit/s, every byte back another one (a full-duplex link of that speed).
    - Faults: exactly one request in every block of round(1 / `fault_rate`) (5 %: one in 20),
      at a random place in the block, is either answered `503` with `Retry-After: 1` by the
      proxy after the whole request crossed the link (the portal never sees it), or forwarded
      and its answer cut after a few bytes with a TCP reset (the portal acted, the client does
      not know): a coin toss. (Exactly 5 %, not 5 % on average: a short run still meets
      its share of failures.)

    Store and forward: a request is read whole (at link speed), sent to the portal at loopback
    speed on a fresh connection, and its answer relayed at link speed. Bounded: 64 client
    connections, 16 MiB per message, 60 s socket timeouts.
    """

    def __init__(self, upstream_port: int, *, mbit: float, fault_rate: float,
                 seed: int = 1) -> None:
        self.upstream = (LOOPBACK, upstream_port)
        self.up = TokenBucket(mbit * 1_000_000 / 8)
        self.down = TokenBucket(mbit * 1_000_000 / 8)
        self.period = round(1 / fault_rate) if fault_rate > 0 else 0
        self.rng = random.Random(seed)
        self._seen = 0
        self._hit = 0
        self.stats: Counter[str] = Counter()
        self.lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(64)
        self._server = socket.create_server((LOOPBACK, 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def __enter__(self) -> LinkProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()

    def _count(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.stats[key] += n

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._slots.acquire(timeout=_TIMEOUT):
                conn.close()
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _fault(self) -> str:
        with self.lock:
            if not self.period:
                return "pass"
            place = self._seen % self.period
            if place == 0:
                self._hit = self.rng.randrange(self.period)
            self._seen += 1
            if place != self._hit:
                return "pass"
            return self.rng.choice(("busy503", "reset"))

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(_TIMEOUT)
        try:
            while not self._stop.is_set():
                request = self._read(client, self.up, "bytes_up")
                if request is None:
                    return
                head, body = request
                method = head.split(b" ", 1)[0]
                fault = self._fault()
                self._count("requests")
                self._count(fault)
                if fault == "busy503":
                    payload = b'{"error": "busy", "message": "link proxy: 503"}'
                    self._send(client, b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
                               b"application/json\r\nRetry-After: 1\r\nContent-Length: "
                               + str(len(payload)).encode() + b"\r\n\r\n" + payload)
                    continue
                try:
                    answer = self._exchange(_with_close(head) + body, method == b"HEAD")
                except OSError:
                    return
                if fault == "reset":
                    self._send(client, answer[:12])
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                      struct.pack("ii", 1, 0))
                    return
                self._send(client, answer)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                client.close()
            self._slots.release()

    def _send(self, sock: socket.socket, data: bytes) -> None:
        for i in range(0, len(data), _BLOCK):
            block = data[i:i + _BLOCK]
            self.down.take(len(block))
            sock.sendall(block)
            self._count("bytes_down", len(block))

    def _read(self, sock: socket.socket, bucket: TokenBucket | None,
              key: str) -> tuple[bytes, bytes] | None:
        """One HTTP message with a Content-Length body (or none); None at a clean EOF."""
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = sock.recv(_BLOCK)
            if not chunk:
                return None
            if bucket is not None:
                bucket.take(len(chunk))
                self._count(key, len(chunk))
            buf += chunk
            if len(buf) > 65536 and b"\r\n\r\n" not in buf:
                raise OSError("header too large")
        head, _, rest = buf.partition(b"\r\n\r\n")
        head += b"\r\n\r\n"
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
            elif name.strip().lower() == b"transfer-encoding":
                raise OSError("chunked bodies are not supported")
        if length > _MAX_MESSAGE:
            raise OSError("message too large")
        while len(rest) < length:
            chunk = sock.recv(min(_BLOCK, length - len(rest)))
            if not chunk:
                return None
            if bucket is not None:
                bucket.take(len(chunk))
                self._count(key, len(chunk))
            rest += chunk
        return head, rest[:length]

    def _exchange(self, raw: bytes, head_only: bool) -> bytes:
        with socket.create_connection(self.upstream, timeout=_TIMEOUT) as up:
            up.sendall(raw)
            if head_only:
                buf = b""
                while b"\r\n\r\n" not in buf:
                    chunk = up.recv(65536)
                    if not chunk:
                        raise OSError("upstream closed")
                    buf += chunk
                return _with_keep_alive(buf.partition(b"\r\n\r\n")[0] + b"\r\n\r\n")
            message = self._read(up, None, "")
        if message is None:
            raise OSError("upstream closed")
        head, body = message
        return _with_keep_alive(head) + body


def _with_header(head: bytes, name: bytes, value: bytes) -> bytes:
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    kept = [ln for ln in lines[1:] if ln.split(b":", 1)[0].strip().lower() != name.lower()]
    return b"\r\n".join([lines[0], *kept, name + b": " + value]) + b"\r\n\r\n"


def _with_close(head: bytes) -> bytes:
    return _with_header(head, b"Connection", b"close")


def _with_keep_alive(head: bytes) -> bytes:
    return _with_header(head, b"Connection", b"keep-alive")
