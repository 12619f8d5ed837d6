"""Shared helpers of the sync benchmarks: a portal database (SQLite file or a PostgreSQL schema
dropped afterwards), `python -m portal serve` as a subprocess on loopback, agencies and
enrolment codes made with the portal's own functions. The link-shaping fault proxy is
testkit/proxy.py (`FaultProxy(port, mbit=…, fail_rate=…)`), shared with the e2e tests.

Loopback only; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
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
if str(ROOT) not in sys.path:  # testkit/ (the shared proxy) is not an installed package
    sys.path.insert(1, str(ROOT))


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
    $BENCH_PG_POOL = "SIZE,OVERFLOW" replaces the PostgreSQL pool's POOL_SIZE + POOL_OVERFLOW;
    $BENCH_THREADS = N replaces anyio's 40 worker threads (where sync endpoints run)."""
    import portal.db
    from portal.api.app import create_app
    from portal.settings import Settings

    dump = None
    if os.environ.get("BENCH_CPROFILE"):
        import _cprofile

        dump = _cprofile.start(Path(os.environ["BENCH_CPROFILE"]))

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
    served: Any = _ThreadLimit(app, threads) if threads else app
    if dump is not None:
        import _cprofile

        served = _cprofile.DumpAtShutdown(served, dump)
    return served


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
    ("SIZE,OVERFLOW"), `threads` and `cprofile` (a pstats file written at exit, see
    _cprofile.py) need it. `extra_path` goes first on the portal's
    PYTHONPATH (e.g. a directory holding httptools and uvloop, which uvicorn then uses)."""

    def __init__(self, url: str, blob_dir: Path, *, extra: Sequence[str] = (),
                 wrapper: Sequence[str] = (), workers: int = 0, pool: str = "",
                 threads: int = 0, extra_path: str = "", cprofile: Path | None = None
                 ) -> None:
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
            if cprofile is not None:
                env["BENCH_CPROFILE"] = str(cprofile)
        elif pool or threads or cprofile:
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


def top_functions(stats_file: Path, n: int = 20) -> dict[str, Any]:
    """The functions with the most own time (tottime) and the most time under them
    (cumtime) in a pstats file, as % of the summed own time of all threads."""
    import pstats

    st = pstats.Stats(str(stats_file))
    raw: dict[Any, Any] = st.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values()) or 1.0

    def name(key: tuple[str, int, str]) -> str:
        return _frame(f"{key[2]} ({key[0]}:{key[1]})")

    def top(index: int) -> list[list[Any]]:
        ranked = sorted(raw.items(), key=lambda kv: kv[1][index], reverse=True)[:n]
        return [[name(k), round(100 * v[index] / total, 1), v[1]] for k, v in ranked]

    return {"file": str(stats_file), "own_seconds_total": round(total, 1),
            "tottime_pct_calls": top(2), "cumtime_pct_calls": top(3)}


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
