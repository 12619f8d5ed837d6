"""Accent-insensitive search and look-up, as a clerk types it."""

from __future__ import annotations

import datetime as dt

from counter_app.store.dossiers import fts_query
from tests.conftest import applicant, birth_draft


def _receive(counter, clock, name, **kw):
    clock.advance(minutes=7)
    return counter.receive(birth_draft(applicant=applicant(full_name=name, **kw))).dossier


def _names(results):
    return [d.applicant.full_name for d in results]


def test_search_ignores_accents_case_and_d_stroke(counter, clock):
    duc = _receive(counter, clock, "Đặng Văn Đức", gender="Nam", id_number="001085012345",
                   birth_date=dt.date(1985, 1, 1), phone="0987654321")
    _receive(counter, clock, "Nguyễn Thị Hương")
    for query in ("dang van duc", "ĐẶNG VĂN ĐỨC", "đặng", "Dang Duc", "van du"):
        assert _names(counter.search(query)) == ["Đặng Văn Đức"], query
    assert counter.search("001085012345")[0].id == duc.id
    assert counter.search("0987 654 321")[0].id == duc.id
    assert counter.search("+84 987 654 321")[0].id == duc.id
    assert counter.search("0987")[0].id == duc.id
    assert counter.search("hoang") == []


def test_code_lookup_exact_and_partial(counter, clock):
    first = _receive(counter, clock, "Trần Văn An", gender="Nam", id_number="001085012345",
                     birth_date=dt.date(1985, 1, 1))
    second = _receive(counter, clock, "Lê Thị Bình")
    assert counter.search(first.code.lower()) == [first]
    assert [d.id for d in counter.search("0002")] == [second.id]
    assert counter.get(f"  {second.code.lower()} ").id == second.id


def test_newest_first_and_empty_query_lists_newest(counter, clock):
    for i in range(5):
        _receive(counter, clock, f"Phạm Thị Mai {'ABCDE'[i]}")
    results = counter.search("pham thi mai")
    assert _names(results) == [f"Phạm Thị Mai {c}" for c in "EDCBA"]
    assert _names(counter.search("", limit=2)) == ["Phạm Thị Mai E", "Phạm Thị Mai D"]
    assert _names(counter.search("pham", limit=2, offset=2)) == ["Phạm Thị Mai C",
                                                                 "Phạm Thị Mai B"]


def test_query_syntax_cannot_break_the_search(counter, clock):
    _receive(counter, clock, "Nguyễn Văn Nam", gender="Nam", id_number="001085012345",
             birth_date=dt.date(1985, 1, 1))
    for nasty in ('"', "nguyen OR", "*", "AND NOT", "nguyen\"*", "(", "-", "^nam"):
        counter.search(nasty)  # must not raise
    assert fts_query('nguyễn "OR" (nam)') == '"nguyen"* "or"* "nam"*'


def test_lookup_by_code_is_an_index_hit(counter):
    plan = " ".join(r[3] for r in counter.conn.execute(
        "EXPLAIN QUERY PLAN SELECT data FROM dossiers WHERE code = ?", ("x",)))
    assert "USING INDEX" in plan and "SCAN" not in plan
