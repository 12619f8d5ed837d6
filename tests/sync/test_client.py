"""The HTTP client's error classes, timeouts and answer checks (canned transport)."""

from __future__ import annotations

import json

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from counter_app.sync import errors
from counter_app.sync.client import PortalClient


class Canned(requests.adapters.BaseAdapter):
    def __init__(self, outcome):
        super().__init__()
        self.outcome = outcome
        self.timeouts = []
        self.headers = []

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.timeouts.append(timeout)
        self.headers.append(dict(request.headers))
        if isinstance(self.outcome, Exception):
            raise self.outcome
        status, body, headers = self.outcome
        r = requests.Response()
        r.status_code = status
        r._content = body if isinstance(body, bytes) else json.dumps(body).encode()
        r.headers = CaseInsensitiveDict(headers)
        r.request = request
        r.url = request.url
        return r

    def close(self):
        pass


def client(outcome, token="tok"):
    adapter = Canned(outcome)
    session = requests.Session()
    session.mount("http://", adapter)
    return PortalClient("http://portal.test/", token, session=session, connect_timeout=3,
                        read_timeout=20), adapter


@pytest.mark.parametrize(("outcome", "error", "retryable"), [
    (requests.ConnectionError("refused"), errors.NetworkError, True),
    (requests.exceptions.ChunkedEncodingError("IncompleteRead"), errors.NetworkError, True),
    (requests.ConnectTimeout("slow"), errors.Timeout, True),
    (requests.ReadTimeout("slow"), errors.Timeout, True),
    ((500, b"<html>oops</html>", {}), errors.ServerError, True),
    ((503, {"error": "busy", "message": "Cổng đang bận."}, {"Retry-After": "5"}),
     errors.ServerError, True),
    ((429, {"error": "rate_limited", "message": "…"}, {"Retry-After": "3"}),
     errors.ServerError, True),
    ((401, {"error": "unauthorized", "message": "Thiếu mã"}, {}), errors.Unauthorized, False),
    ((410, {"error": "cursor_unknown", "message": "…"}, {}), errors.CursorGone, False),
    ((422, {"error": "invalid_request", "message": "Yêu cầu không hợp lệ",
            "detail": [{"loc": ["body", "events", 0, "id"]}]}, {}),
     errors.RequestRejected, False),
    ((404, b"not json", {}), errors.RequestRejected, False),
    ((200, b'{"changes": [', {}), errors.NetworkError, True),  # cut on the way
    ((200, b"[]", {}), errors.NetworkError, True),
])
def test_failures_become_typed_errors(outcome, error, retryable):
    c, _ = client(outcome)
    with pytest.raises(error) as info:
        c.changes("", 10)
    assert type(info.value) is error
    assert info.value.retryable is retryable
    if error is not errors.RequestRejected:
        assert info.value.params["url"] == "http://portal.test"


def test_retry_after_and_the_portals_message_are_kept():
    c, _ = client((503, {"error": "busy", "message": "Cổng đang bận."}, {"Retry-After": "5"}))
    with pytest.raises(errors.ServerError) as info:
        c.changes("", 10)
    assert (info.value.retry_after, info.value.status, info.value.message) == (
        5.0, 503, "Cổng đang bận.")
    c, _ = client((422, {"error": "invalid_request", "message": "Sai", "params": {"x": 1},
                         "detail": [{"loc": ["body", "events", 2]}]}, {}))
    with pytest.raises(errors.RequestRejected) as rejected:
        c.push(b"{}", ["a"])
    e = rejected.value
    assert (e.status, e.error, e.message, e.portal_params) == (422, "invalid_request", "Sai",
                                                               {"x": 1})
    assert e.detail == [{"loc": ["body", "events", 2]}]


def test_every_request_has_both_timeouts_and_the_token_only_where_needed():
    c, adapter = client((200, {"status": "ok"}, {}))
    c.health()
    c.me()
    assert adapter.timeouts == [(3, 20), (3, 20)]
    assert "Authorization" not in adapter.headers[0]
    assert adapter.headers[1]["Authorization"] == "Bearer tok"


def test_a_push_answer_must_name_the_events_sent_in_order():
    good = {"results": [{"id": "a", "result": "applied"}, {"id": "b", "result": "duplicate"}]}
    c, _ = client((200, good, {}))
    assert [a.result for a in c.push(b"{}", ["a", "b"])] == ["applied", "duplicate"]
    for ids in (["b", "a"], ["a"], ["a", "b", "c"]):
        with pytest.raises(errors.NetworkError):
            c.push(b"{}", ids)
    c, _ = client((200, {"results": [{"id": "a", "result": "maybe"}]}, {}))
    with pytest.raises(errors.NetworkError):
        c.push(b"{}", ["a"])


@pytest.mark.parametrize("url", ["portal.example.vn", "ftp://x", "", "http://"])
def test_only_http_addresses(url):
    with pytest.raises(errors.BadPortalUrl):
        PortalClient(url)


def test_a_404_dossier_is_none():
    c, _ = client((404, {"error": "dossier_not_found", "message": "…"}, {}))
    assert c.dossier("5b0d0a53-0000-4000-8000-000000000000") is None
