"""Text far longer than a page never raises a layout error: it is split across pages."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.model import ReceivedDocument
from counter_app.printing.book import book_pdf
from counter_app.printing.control import control_pdf
from counter_app.printing.receipt import Copies, receipt_pdf
from counter_app.printing.slips import refusal_pdf, supplement_pdf
from tests.printing.helpers import (
    LETTERHEAD,
    dossier,
    flat,
    guidance,
    person,
    procedure,
    reader,
    refused,
    text,
)

HUGE = " ".join(f"đoạn{i:04d}" for i in range(900))  # ~8,000 characters, one paragraph
LONG = " ".join(f"đoạn{i:04d}" for i in range(900 - 330, 900))  # ~3,000: printed 3 times
DAY = dt.date(2026, 11, 20)

CASES = {
    "receipt: one checklist item longer than a page": lambda: receipt_pdf(
        dossier(documents=(ReceivedDocument(HUGE, original=1),)), procedure(), LETTERHEAD),
    "receipt two-up: huge procedure name": lambda: receipt_pdf(
        dossier(procedure_name=HUGE), procedure(), LETTERHEAD, copies=Copies.TWO_ON_SHEET),
    "supplement: one missing item longer than a page": lambda: supplement_pdf(
        guidance(missing=(HUGE,)), procedure(), LETTERHEAD, issued_on=DAY),
    "refusal: huge reason": lambda: refusal_pdf(
        refused(reason=HUGE), procedure(), LETTERHEAD, issued_on=DAY),
    "control: huge agency name": lambda: control_pdf(
        dossier(), procedure(agency=LONG), LETTERHEAD),
    "book: a note longer than a page": lambda: book_pdf(
        [dossier(notes=HUGE), dossier(applicant=person(full_name="Đặng Văn Đức"))], {},
        LETTERHEAD, start=DAY, end=DAY),
}


@pytest.mark.parametrize("name", list(CASES))
def test_huge_text_flows_onto_more_pages(name):
    pdf = CASES[name]()
    assert len(reader(pdf).pages) > 1
    content = flat(text(pdf))
    assert "đoạn0899" in content and ("đoạn0000" in content or "control" in name)
    assert "đoạn0570" in content
