""""In lại…" from the dossier view: the forms offered, the stamp, the "printed" event."""

from __future__ import annotations

import io

import pypdf

from counter_app.services import documents
from counter_app.services.counter import Counter
from counter_app.services.documents import PRINTED, Form
from counter_app.ui.reprint import applicable_forms

from .helpers import QT_STRICT

pytestmark = QT_STRICT


def _pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


def test_reprint_from_the_dossier_view_is_stamped_and_recorded(qtbot, window, demo_data,
                                                               tmp_path):
    dossier = demo_data.duc
    with Counter.open(demo_data.data_dir) as c:  # the first print, at reception
        documents.print_form(c, dossier.id, Form.RECEIPT, user="clerk1")
    assert Form.REFUSAL not in applicable_forms(dossier)
    lookup = window.lookup_page
    with qtbot.waitSignal(lookup.dossier_opened, timeout=5000) as opened:
        lookup.open_id(dossier.id)
    view = opened.args[0]
    button = view.reprint
    offered = [a.data() for a in button.menu().actions()]
    assert offered == [f.value for f in applicable_forms(dossier)]
    assert Form.RECEIPT.value in offered and Form.REFUSAL.value not in offered
    with qtbot.waitSignal(button.preview_opened, timeout=10000) as shown:
        next(a for a in button.menu().actions() if a.data() == Form.RECEIPT.value).trigger()
    preview = shown.args[0]
    assert "BẢN IN LẠI" in _pdf_text(preview.rendered.pdf)
    path = tmp_path / "reprint.pdf"
    with qtbot.waitSignal(preview.printed, timeout=10000) as printed:
        preview.save_to(path)
    assert printed.args[0].reprint == 1
    assert "BẢN IN LẠI" in _pdf_text(path.read_bytes())
    with Counter.open(demo_data.data_dir) as c:
        prints = [e for e in c.events(dossier.id) if e.kind == PRINTED]
    assert [(e.payload["form"], e.payload["reprint"], e.user) for e in prints] == [
        ("receipt", 0, "clerk1"), ("receipt", 1, "clerk1")]
    preview.close()
    view.close()
