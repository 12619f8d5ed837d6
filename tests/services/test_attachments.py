"""Scans (số hóa): files to stored PDFs, scans recorded with the reception or later, the
scanner's folder, and what the real portal makes of the events and the uploaded files."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import ItemAttachment, ReceivedDocument
from counter_app.services import attachments, scans
from counter_app.services.counter import Counter
from counter_app.services.scans import AttachmentRejected
from counter_app.store import attachments as store
from tests.conftest import birth_draft
from tests.services.scan_files import pdf_file, picture

CERT = "Giấy chứng sinh"
FORM = "Tờ khai đăng ký khai sinh theo mẫu"


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [tuple(round(v) for v in document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


# ----- conversion ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_picture_becomes_one_a4_page(fmt: str) -> None:
    data = picture(fmt)
    converted = scans.convert(data, "scan")
    assert converted.pages == 1
    assert converted.source_type == {"JPEG": scans.JPEG, "PNG": scans.PNG}[fmt]
    assert page_sizes(converted.pdf) == [(595, 842)]
    assert 20_000 < len(converted.pdf) < 300_000
    assert scans.convert(data).pdf == converted.pdf  # same picture, same bytes: stored once
    reader = pypdf.PdfReader(io.BytesIO(converted.pdf))
    (image,) = reader.pages[0].images
    assert image.image.size[0] <= round(210 / 25.4 * scans.PAGE_DPI)  # resampled to ≤ 150 dpi


def test_a_wide_picture_gets_a_landscape_page_and_keeps_its_proportions() -> None:
    converted = scans.convert(picture("JPEG", (3000, 1500), dpi=None))
    assert page_sizes(converted.pdf) == [(842, 595)]
    content = pypdf.PdfReader(io.BytesIO(converted.pdf)).pages[0].get_contents().get_data()
    w, _, _, h = (float(v) for v in content.split()[1:5])
    assert w / h == pytest.approx(2.0, rel=0.01)
    assert w == pytest.approx(841.89, abs=0.1)  # fitted to the page width


def test_a_small_card_keeps_its_real_size() -> None:
    card = picture("PNG", (1011, 638), dpi=300)  # 85.6 × 54 mm, an ID card at 300 dpi
    content = pypdf.PdfReader(io.BytesIO(scans.convert(card).pdf)).pages[0].get_contents()
    w = float(content.get_data().split()[1])
    assert w == pytest.approx(85.6 / 25.4 * 72, abs=0.5)


@pytest.mark.parametrize("mode", ["RGBA", "L", "1", "P", "I;16"])
def test_other_picture_modes_are_flattened(mode: str) -> None:
    converted = scans.convert(picture("PNG", (400, 560), mode=mode))
    assert converted.pages == 1
    document = pdfium.PdfDocument(converted.pdf)
    try:
        darkest, lightest = document[0].render(scale=0.5).to_pil().convert("L").getextrema()
    finally:
        document.close()
    assert darkest < 160 and lightest == 255  # the lines are there, on white


def test_exif_orientation_and_metadata(tmp_path: Path) -> None:
    image = Image.new("RGB", (800, 400), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # shot rotated: show it turned by 90°
    exif[0x010F] = "Camera of the clerk"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    pdf = scans.convert(out.getvalue()).pdf
    assert page_sizes(pdf) == [(595, 842)]  # upright: taller than wide
    assert b"Camera of the clerk" not in pdf and b"Exif" not in pdf


def test_a_pdf_is_kept_byte_for_byte() -> None:
    data = pdf_file(3)
    converted = scans.convert(data, "hồ sơ.pdf")
    assert converted.pdf == data and converted.pages == 3
    assert converted.source_type == scans.PDF


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_file(1)))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("data", "code"), [
    (b"", "attachment.empty"),
    (b"just some text, not a scan", "attachment.unsupported"),
    (b"GIF89a" + b"\0" * 100, "attachment.unsupported"),
    (picture("JPEG")[:3000], "attachment.unreadable"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "attachment.unreadable"),
    (b"%PDF-1.7\n1 0 obj garbage", "attachment.unreadable"),
    (pdf_file(1)[:400], "attachment.unreadable"),
])
def test_bad_files_are_refused_with_a_code(data: bytes, code: str) -> None:
    with pytest.raises(AttachmentRejected) as e:
        scans.convert(data, "x")
    assert e.value.code == code and e.value.params["name"] == "x"


def test_a_pdf_with_a_password_is_refused() -> None:
    with pytest.raises(AttachmentRejected) as e:
        scans.convert(_encrypted_pdf(), "x.pdf")
    assert e.value.code == "attachment.encrypted"


def test_oversized_files_and_pictures_are_refused(tmp_path: Path, monkeypatch,
                                                  counter: Counter) -> None:
    monkeypatch.setattr(scans, "MAX_FILE_BYTES", 10_000)
    big = tmp_path / "big.jpg"
    big.write_bytes(picture("JPEG"))
    with pytest.raises(AttachmentRejected) as e:
        attachments.import_file(counter, big)
    assert e.value.code == "attachment.too_large" and e.value.params["limit_mb"] == "0,0"
    monkeypatch.setattr(scans, "MAX_FILE_BYTES", 40 * 1024 * 1024)
    monkeypatch.setattr(scans, "MAX_PIXELS", 1000)
    with pytest.raises(AttachmentRejected) as e:
        scans.convert(picture("PNG", (100, 100)))
    assert e.value.code == "attachment.too_many_pixels"
    assert not (counter.data_dir / "attachments").exists()  # nothing stored


# ----- importing -------------------------------------------------------------------------------


def test_the_same_file_twice_is_stored_once(tmp_path: Path, counter: Counter) -> None:
    first, second = tmp_path / "Giấy chứng sinh.png", tmp_path / "again.png"
    first.write_bytes(picture("PNG"))
    second.write_bytes(first.read_bytes())
    a = attachments.import_file(counter, first)
    b = attachments.import_file(counter, second)
    assert a == b and a.name == "Giấy chứng sinh.png" and a.pages == 1
    files = [p for p in (counter.data_dir / "attachments").rglob("*") if p.is_file()]
    assert files == [store.blob_store(counter.data_dir).path(a.sha256)]
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == a.sha256
    assert counter.conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 1
    pdf = tmp_path / "three.pdf"
    pdf.write_bytes(pdf_file(3))
    c = attachments.import_file(counter, pdf)
    assert attachments.read_pdf(counter, c.sha256) == pdf.read_bytes() and c.pages == 3


def test_a_missing_file_says_so(tmp_path: Path, counter: Counter) -> None:
    with pytest.raises(AttachmentRejected) as e:
        attachments.import_file(counter, tmp_path / "gone.pdf")
    assert e.value.code == "attachment.not_readable"


# ----- with the reception, and later ----------------------------------------------------------


def _import(counter: Counter, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return attachments.import_file(counter, path).sha256


def test_receive_records_links_and_hashes_in_the_event(tmp_path: Path, counter: Counter) -> None:
    cert = _import(counter, tmp_path, "Nguyễn Thị Hương - chứng sinh.jpg", picture("JPEG"))
    form = _import(counter, tmp_path, "to-khai.pdf", pdf_file(2))
    dossier = counter.receive(birth_draft(attachments=(
        ItemAttachment(CERT, cert), ItemAttachment(FORM, form)))).dossier
    links = attachments.for_dossier(counter, dossier.id)
    assert [(x.position, x.item_position, x.item_name, x.file.sha256, x.file.pages)
            for x in links] == [(1, 2, CERT, cert, 1), (2, 1, FORM, form, 2)]
    (event,) = counter.events(dossier.id)
    assert event.kind == "received"
    assert [a["sha256"] for a in event.payload["attachments"]] == [cert, form]
    assert event.payload["attachments"][0] == {
        "sha256": cert, "name": CERT, "size": links[0].file.size,
        "media_type": "application/pdf"}
    raw = counter.conn.execute("SELECT payload FROM dossier_events").fetchone()[0]
    assert "Nguyễn Thị Hương - chứng sinh" not in raw and "to-khai" not in raw
    assert str(tmp_path) not in raw
    linked_by = {r[0] for r in counter.conn.execute("SELECT event_id FROM dossier_attachments")}
    assert linked_by == {event.id}


def test_a_scan_of_an_item_not_received_or_not_stored_is_refused(tmp_path, counter) -> None:
    sha = _import(counter, tmp_path, "a.png", picture("PNG"))
    draft = birth_draft(documents=(ReceivedDocument(FORM, original=1),
                                   ReceivedDocument(CERT, original=1)),
                        attachments=(ItemAttachment("Sổ hộ khẩu", sha),
                                     ItemAttachment(CERT, "f" * 64)))
    with pytest.raises(ValidationFailed) as e:
        counter.receive(draft)
    assert [(p.field, p.code) for p in e.value.problems] == [
        ("attachments[0]", "attachment.item_not_received"),
        ("attachments[1]", "attachment.missing")]
    assert counter.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 0


def test_a_failed_reception_writes_nothing(tmp_path: Path, counter: Counter,
                                           monkeypatch) -> None:
    sha = _import(counter, tmp_path, "a.png", picture("PNG"))

    def broken_link(*args: object, **kwargs: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(store, "link", broken_link)
    with pytest.raises(OSError):
        counter.receive(birth_draft(attachments=(ItemAttachment(CERT, sha),)))
    for table in ("dossiers", "dossier_events", "dossier_attachments", "code_counters"):
        assert counter.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    # The file stays in the store, used by nothing: the next attempt uses it again.
    assert store.blob_store(counter.data_dir).has(sha)
    assert store.unreferenced(counter.conn, counter.clock() + dt.timedelta(1)) == [sha]
    monkeypatch.undo()
    dossier = counter.receive(birth_draft(attachments=(ItemAttachment(CERT, sha),))).dossier
    assert dossier.code is not None and dossier.code.endswith("-0001")  # no code was used up


def test_scans_added_later_write_one_attachments_added_event(tmp_path, counter) -> None:
    first = _import(counter, tmp_path, "a.png", picture("PNG"))
    dossier = counter.receive(birth_draft(attachments=(ItemAttachment(CERT, first),))).dossier
    later = _import(counter, tmp_path, "b.pdf", pdf_file(1))
    result = attachments.add_to_dossier(counter, dossier.id, [
        ItemAttachment(CERT, first),  # already there: skipped
        ItemAttachment(FORM, later)], user="clerk2")
    assert result.changes.dossiers == {dossier.id}
    kinds = [e.kind for e in counter.events(dossier.id)]
    assert kinds == ["received", "attachments_added"]
    added = counter.events(dossier.id)[1]
    assert added.user == "clerk2" and added.workstation == 1
    assert added.payload == {"attachments": [{"sha256": later, "name": FORM, "size": len(
        pdf_file(1)), "media_type": "application/pdf"}]}
    assert [x.position for x in attachments.for_dossier(counter, dossier.id)] == [1, 2]
    again = attachments.add_to_dossier(counter, dossier.id, [ItemAttachment(FORM, later)])
    assert again.changes.dossiers == frozenset()
    assert len(counter.events(dossier.id)) == 2
    with pytest.raises(ValidationFailed) as e:
        attachments.add_to_dossier(counter, dossier.id, [ItemAttachment("Khác", later)])
    assert e.value.problems[0].code == "attachment.item_not_received"


def test_scans_are_only_added_to_received_dossiers(tmp_path, counter) -> None:
    sha = _import(counter, tmp_path, "a.png", picture("PNG"))
    guidance = counter.record_guidance(birth_draft(documents=(
        ReceivedDocument(FORM, original=1),))).dossier
    with pytest.raises(ValidationFailed) as e:
        attachments.add_to_dossier(counter, guidance.id, [ItemAttachment(FORM, sha)])
    assert e.value.problems[0].code == "attachment.dossier_not_received"


def test_save_copy(tmp_path: Path, counter: Counter) -> None:
    sha = _import(counter, tmp_path, "a.pdf", pdf_file(1))
    target = attachments.save_copy(counter, sha, tmp_path / "copy.pdf")
    assert target.read_bytes() == pdf_file(1)
    with pytest.raises(AttachmentRejected) as e:
        attachments.read_pdf(counter, "0" * 64)
    assert e.value.code == "attachment.blob_missing"
