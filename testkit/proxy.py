"""A small HTTP-aware TCP proxy on loopback that breaks and slows things between a client and
the portal. Used by the end-to-end tests (`tests/e2e`) and the sync benchmarks (`bench/`).

Each request from the client is read whole, then a `plan(method, path) -> Fault` decides:

    pass       forward, relay the answer
    delay      wait `seconds`, then pass
    drop       close the client's connection; the portal never sees the request
    cut        forward only part of the request body, then close both sides (the portal
               sees a broken request)
    reset      forward, then send part of the answer and reset the connection (RST): the
               portal acted, the client does not know
    truncate   forward, then send the answer's headers and half its body, and close
    hold       forward, then keep the answer `seconds` before relaying it (a slow link; a
               client killed meanwhile never learns the outcome)
    error500   forward, then answer 500 instead of the portal's answer (acted, unknown)
    busy503    answer 503 with `Retry-After: seconds` itself; the portal never sees the request

Options besides a plan:

- `mbit`: a link of that many Mbit/s in **each** direction. Every byte from the client passes
  one shared token bucket, every byte to the client another one (all connections share the
  link, as the clerks of one office share one line). None: loopback speed.
- `fail_rate` (with `fail_kinds`, `seed`): that fraction of requests fails, exactly: one
  request in every block of round(1 / rate), at a random place in the block, gets one of
  `fail_kinds` (default reset, busy503, truncate). A short run still meets its share.
  Used when no `plan` is given.

`stats` counts each fault kind, `requests`, and `bytes_up` / `bytes_down` (bytes that crossed
the client side of the proxy: what the link carried).

Loopback only, threads, bounded: at most `max_connections` at once, messages up to 16 MiB,
30 s socket timeouts. Upstream connections are opened per request (`Connection: close`), so
a restarted portal behind the proxy is picked up at once. Standard library only: importable
from tests and from `bench/` without installing anything.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_MESSAGE = 16 * 1024 * 1024
TIMEOUT = 30.0
_BLOCK = 16 * 1024
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"
    seconds: float = 0.0


Plan = Callable[[str, str], Fault]
FAIL_KINDS = ("reset", "busy503", "truncate")


def chaos(rate: float, seed: int = 1, kinds: tuple[str, ...] = (
        "drop", "cut", "reset", "truncate", "error500", "busy503", "delay")) -> Plan:
    """Each request is hit by a random fault with probability `rate`."""
    rng = random.Random(seed)
    lock = threading.Lock()

    def plan(method: str, path: str) -> Fault:
        with lock:
            if rng.random() >= rate:
                return Fault()
            kind = rng.choice(kinds)
            return Fault(kind, rng.uniform(0.05, 0.3) if kind == "delay" else 0.0)

    return plan


def share(rate: float, kinds: Sequence[str] = FAIL_KINDS, seed: int = 1,
          retry_after: float = 1.0) -> Plan:
    """Exactly one request in every block of round(1 / `rate`) fails (a random place in the
    block, a random kind of `kinds`); a 503 says `Retry-After: retry_after`."""
    period = round(1 / rate) if rate > 0 else 0
    rng = random.Random(seed)
    lock = threading.Lock()
    seen = 0
    hit = 0

    def plan(method: str, path: str) -> Fault:
        nonlocal seen, hit
        with lock:
            if not period:
                return Fault()
            place = seen % period
            if place == 0:
                hit = rng.randrange(period)
            seen += 1
            if place != hit:
                return Fault()
            kind = rng.choice(list(kinds))
            return Fault(kind, retry_after if kind == "busy503" else 0.0)

    return plan


class TokenBucket:
    """`rate` bytes per second shared by every connection, bursts up to `burst` bytes.
    `take(n)` waits until the n bytes may pass (the bucket may go into debt: FIFO-ish)."""

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


class FaultProxy:
    def __init__(self, upstream_port: int, plan: Plan | None = None, *,
                 mbit: float | None = None, fail_rate: float = 0.0,
                 fail_kinds: Sequence[str] = FAIL_KINDS, seed: int = 1,
                 max_connections: int = 32) -> None:
        self.upstream = (LOOPBACK, upstream_port)
        if plan is None:
            plan = share(fail_rate, fail_kinds, seed) if fail_rate > 0 else _passing
        self.plan: Plan = plan
        self.up = TokenBucket(mbit * 1e6 / 8) if mbit else None
        self.down = TokenBucket(mbit * 1e6 / 8) if mbit else None
        self.stats: Counter[str] = Counter()
        self._slots = threading.BoundedSemaphore(max_connections)
        self._lock = threading.Lock()
        self._server = socket.create_server((LOOPBACK, 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._open: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()
        with self._lock:
            for s in list(self._open):
                _close(s)

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.stats[key] += n

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._slots.acquire(timeout=TIMEOUT):
                _close(conn)
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(TIMEOUT)
        with self._lock:
            self._open.add(client)
        try:
            while not self._stop.is_set():
                request = _read_message(client, request=True, meter=self._meter_up)
                if request is None:
                    return
                head, body = request
                method, path = _request_line(head)
                fault = self.plan(method, path)
                with self._lock:
                    self.stats[fault.kind] += 1
                    self.stats["requests"] += 1
                if not self._handle(client, fault, head, body, method):
                    return
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(client)
            _close(client)
            self._slots.release()

    def _meter_up(self, n: int) -> None:
        if self.up is not None:
            self.up.take(n)
        self._count("bytes_up", n)

    def _send(self, client: socket.socket, data: bytes) -> None:
        """To the client, at link speed."""
        for i in range(0, len(data), _BLOCK):
            block = data[i:i + _BLOCK]
            if self.down is not None:
                self.down.take(len(block))
            # counted before it leaves: the client may read the last block (and a test the
            # stats) before this thread runs again
            self._count("bytes_down", len(block))
            client.sendall(block)

    def _handle(self, client: socket.socket, fault: Fault, head: bytes, body: bytes,
                method: str) -> bool:
        """Serve one request; False when the client connection must end."""
        kind = fault.kind
        if kind == "delay":
            time.sleep(fault.seconds)
        if kind == "drop":
            return False
        if kind == "busy503":
            payload = b'{"error": "busy", "message": "proxy busy"}'
            self._send(client, b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
                       b"application/json\r\nRetry-After: " + str(int(fault.seconds)).encode()
                       + b"\r\nContent-Length: " + str(len(payload)).encode() + b"\r\n\r\n"
                       + payload)
            return True
        upstream_head = _with_header(head, b"Connection", b"close")
        if kind == "cut":
            with socket.create_connection(self.upstream, timeout=TIMEOUT) as up:
                up.sendall(upstream_head + body[: len(body) // 3])
            return False
        try:
            answer = _exchange(self.upstream, upstream_head + body, method == "HEAD")
        except OSError:
            return False  # the portal is down: the client sees a dropped connection
        a_head, a_body = answer
        a_head = _with_header(a_head, b"Connection", b"keep-alive")
        if kind == "hold":
            time.sleep(fault.seconds)
        if kind == "reset":
            self._send(client, (a_head + a_body)[: max(1, len(a_head) // 2)])
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if kind == "truncate":
            self._send(client, a_head + a_body[: len(a_body) // 2])
            return False
        if kind == "error500":
            payload = b'{"error": "internal", "message": "proxy says 500"}'
            self._send(client, b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                       b"application/json\r\nContent-Length: " + str(len(payload)).encode()
                       + b"\r\n\r\n" + payload)
            return True
        self._send(client, a_head + a_body)
        return True


def _passing(method: str, path: str) -> Fault:
    return Fault()


def _exchange(upstream: tuple[str, int], raw: bytes, head_only: bool) -> tuple[bytes, bytes]:
    with socket.create_connection(upstream, timeout=TIMEOUT) as up:
        up.sendall(raw)
        message = _read_message(up, request=False, head_only=head_only)
    if message is None:
        raise OSError("upstream closed")
    return message


def _read_message(sock: socket.socket, *, request: bool, head_only: bool = False,
                  meter: Callable[[int], None] | None = None) -> tuple[bytes, bytes] | None:
    """One HTTP message with a Content-Length body (or none); None at EOF. `meter(n)` is
    called for every n bytes received (and may wait: the link's speed)."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(_BLOCK)
        if not chunk:
            return None
        if meter is not None:
            meter(len(chunk))
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
        if name.strip().lower() == b"transfer-encoding":
            raise OSError("chunked bodies are not supported by this proxy")
    if head_only:
        return head, b""
    if length > MAX_MESSAGE:
        raise OSError("body too large")
    parts = [rest]
    held = len(rest)
    while held < length:
        chunk = sock.recv(min(_BLOCK if meter else 65536, length - held))
        if not chunk:
            return None
        if meter is not None:
            meter(len(chunk))
        parts.append(chunk)
        held += len(chunk)
    return head, b"".join(parts)[:length]


def _request_line(head: bytes) -> tuple[str, str]:
    parts = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    return (parts[0], parts[1].split("?")[0]) if len(parts) >= 2 else ("?", "?")


def _with_header(head: bytes, name: bytes, value: bytes) -> bytes:
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    kept = [ln for ln in lines[1:] if ln.split(b":", 1)[0].strip().lower() != name.lower()]
    return b"\r\n".join([lines[0], *kept, name + b": " + value]) + b"\r\n\r\n"


def _close(s: socket.socket) -> None:
    try:
        s.close()
    except OSError:
        pass
