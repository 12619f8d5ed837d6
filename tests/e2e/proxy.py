"""A small HTTP-aware TCP proxy on loopback that breaks things between client and portal.

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
    busy503    answer 503 with Retry-After itself; the portal never sees the request

Loopback only, threads, bounded: at most `max_connections` at once, requests up to 16 MiB,
30 s socket timeouts. Upstream connections are opened per request (`Connection: close`), so
a restarted portal behind the proxy is picked up at once.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

MAX_REQUEST = 16 * 1024 * 1024
TIMEOUT = 30.0


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"
    seconds: float = 0.0


Plan = Callable[[str, str], Fault]


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


class FaultProxy:
    def __init__(self, upstream_port: int, plan: Plan | None = None,
                 max_connections: int = 32) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.plan: Plan = plan or (lambda m, p: Fault())
        self.stats: Counter[str] = Counter()
        self._slots = threading.BoundedSemaphore(max_connections)
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._open: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

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
                request = _read_message(client, request=True)
                if request is None:
                    return
                head, body = request
                method, path = _request_line(head)
                fault = self.plan(method, path)
                with self._lock:
                    self.stats[fault.kind] += 1
                if not self._handle(client, fault, head, body, method):
                    return
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(client)
            _close(client)
            self._slots.release()

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
            client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json"
                           b"\r\nRetry-After: 0\r\nContent-Length: "
                           + str(len(payload)).encode() + b"\r\n\r\n" + payload)
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
            client.sendall((a_head + a_body)[: max(1, len(a_head) // 2)])
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if kind == "truncate":
            client.sendall(a_head + a_body[: len(a_body) // 2])
            return False
        if kind == "error500":
            payload = b'{"error": "internal", "message": "proxy says 500"}'
            client.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                           b"application/json\r\nContent-Length: " + str(len(payload)).encode()
                           + b"\r\n\r\n" + payload)
            return True
        client.sendall(a_head + a_body)
        return True


def _exchange(upstream: tuple[str, int], raw: bytes, head_only: bool) -> tuple[bytes, bytes]:
    with socket.create_connection(upstream, timeout=TIMEOUT) as up:
        up.sendall(raw)
        message = _read_message(up, request=False, head_only=head_only)
    if message is None:
        raise OSError("upstream closed")
    return message


def _read_message(sock: socket.socket, *, request: bool,
                  head_only: bool = False) -> tuple[bytes, bytes] | None:
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
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
    if length > MAX_REQUEST:
        raise OSError("body too large")
    while len(rest) < length:
        chunk = sock.recv(min(65536, length - len(rest)))
        if not chunk:
            return None
        rest += chunk
    return head, rest[:length]


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
