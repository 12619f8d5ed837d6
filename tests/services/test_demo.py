"""Demo data goes through the real use cases and reads like a real counter's history."""

from __future__ import annotations

import datetime as dt
import unicodedata

from counter_app.domain.model import Status
from counter_app.domain.validation import cccd_problem
from counter_app.services import demo
from counter_app.services.counter import Counter


def test_seed_demo_makes_consistent_history(tmp_path, clock):
    with Counter.open(tmp_path / "d", clock) as counter:
        summary = demo.seed(counter, dossiers=60)
        assert summary["dossiers"] == 60
        assert summary["procedures"] >= 25
        dossiers = counter.search("", limit=100)
        assert len({d.code for d in dossiers}) == 60
        assert len({d.status for d in dossiers}) >= 3
        calendar = counter.calendar()
        for d in dossiers:
            assert d.received_at <= clock.now
            assert calendar.is_working_day(d.received_at.date())
            assert unicodedata.is_normalized("NFC", d.applicant.full_name)
            assert cccd_problem(d.applicant.id_number, d.applicant.birth_date,
                                d.applicant.gender) is None
            times = [e.at for e in counter.events(d.id)]
            assert times == sorted(times)
            assert times[0] == d.received_at
            if d.status == Status.RETURNED:
                assert [e.payload.get("to") for e in counter.events(d.id)][1:] == [4, 9, 10]
        received = [d.received_at for d in dossiers]
        assert received == sorted(received, reverse=True)  # newest first = entry order
        assert min(received) >= clock.now - dt.timedelta(weeks=6, days=3)


def test_ensure_demo_runs_once(tmp_path, clock):
    with Counter.open(tmp_path / "d", clock) as counter:
        demo.ensure_demo(counter, dossiers=20)
        demo.ensure_demo(counter, dossiers=20)
        assert len(counter.search("", limit=100)) == 20
