"""Blank forms and sync: a catalogue update keeps the workstation's forms, a province PDF
attached at one workstation reaches the agency's others (in-process portal, real client)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app import messages
from counter_app.domain.errors import NotFound
from counter_app.domain.model import ProcedureForm
from counter_app.services import forms
from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from counter_app.store import agency_forms
from counter_app.sync.errors import NetworkError, RequestRejected
from portal import agencies, catalogue
from portal import forms as portal_forms
from tests.conftest import AGENCY, SMALL_CATALOGUE
from tests.services.scan_files import titled_pdf as province_pdf

from .conftest import BASE, make_engine

BIRTH = "1.001193"
SHIPPED = "../forms/to-khai-dang-ky-khai-sinh.json"  # a definition of resources/forms


def _portal_catalogue(portal, tmp_path: Path, name: str, forms_: list[dict[str, str]] | None):
    """The portal's administrator imports the small catalogue with the birth entry changed."""
    data = json.loads(SMALL_CATALOGUE.read_text(encoding="utf-8"))
    entry = next(p for p in data["procedures"] if p["code"] == BIRTH)
    entry["name"] = name
    if forms_ is not None:
        entry["forms"] = forms_
    path = tmp_path / "portal-cat.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalogue.import_procedures(portal.db, catalogue.read_catalogue_files([path]), portal.clock())


def _offered(counter: Counter) -> list[tuple[str, str]]:
    procedure = counter.procedure(BIRTH)
    assert procedure is not None
    return [(f.code, f.name) for f in procedure.forms]


def _second(tmp_path: Path, clock, portal, workstation: int = 2,
            agency: str = AGENCY) -> Counter:
    two = Counter.open(tmp_path / f"ws{workstation}-{agency}", clock)
    two.set_profile(Profile(agency_code=agency, agency_name="Xã", workstation=workstation))
    two.import_catalogue([SMALL_CATALOGUE])
    sync_service.enrol(two, BASE, portal.code(agency), client=portal.client())
    return two


def test_a_catalogue_update_from_the_portal_keeps_the_workstations_forms(
        enrolled, portal, tmp_path):
    """The clerk's complaint: after a sync, F2 no longer offered the province's PDF."""
    own = tmp_path / "own"
    own.mkdir()
    (own / "tk.pdf").write_bytes(province_pdf("To khai cua tinh (nap kem danh muc)"))
    data = json.loads(SMALL_CATALOGUE.read_text(encoding="utf-8"))
    data["procedures"][0]["forms"] = [{"code": "tinh", "name": "Tờ khai của tỉnh",
                                       "file": "tk.pdf"}]
    (own / "cat.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    enrolled.import_catalogue([own / "cat.json"])  # a catalogue file with the province's PDF
    attached = tmp_path / "attached.pdf"
    attached.write_bytes(province_pdf("Giay de nghi cua xa"))
    forms.attach_form(enrolled, BIRTH, ProcedureForm("de-nghi", "Giấy đề nghị"), attached)
    before = {code: forms.form_pdf(enrolled, BIRTH, code) for code, _ in _offered(enrolled)}

    _portal_catalogue(portal, tmp_path, "Thủ tục đăng ký khai sinh (sửa đổi)", None)
    s = make_engine(enrolled, portal).sync_once()
    assert s.error == "" and s.catalogue
    assert enrolled.procedure(BIRTH).name == "Thủ tục đăng ký khai sinh (sửa đổi)"
    assert _offered(enrolled) == [("tinh", "Tờ khai của tỉnh"), ("de-nghi", "Giấy đề nghị")]
    assert {code: forms.form_pdf(enrolled, BIRTH, code) for code, _ in _offered(enrolled)} \
        == before

    # An entry that names its forms replaces the entry's own; the agency's stay.
    _portal_catalogue(portal, tmp_path, "Thủ tục đăng ký khai sinh",
                      [{"code": "ks", "name": "Tờ khai đăng ký khai sinh", "file": SHIPPED}])
    make_engine(enrolled, portal).sync_once()
    assert _offered(enrolled) == [("ks", "Tờ khai đăng ký khai sinh"),
                                  ("de-nghi", "Giấy đề nghị")]
    assert forms.form_pdf(enrolled, BIRTH, "de-nghi") == attached.read_bytes()
    assert forms.form_pdf(enrolled, BIRTH, "ks").startswith(b"%PDF")  # typeset here


def test_a_form_attached_at_one_workstation_prints_at_the_others(
        enrolled, portal, tmp_path, clock):
    two = _second(tmp_path, clock, portal)
    pdf = province_pdf("To khai dang ky khai sinh - mau cua tinh", pages=2)
    (tmp_path / "tinh.pdf").write_bytes(pdf)
    forms.attach_form(enrolled, BIRTH, ProcedureForm("tinh", "Tờ khai (mẫu của tỉnh)"),
                      tmp_path / "tinh.pdf", user="admin1")
    s = make_engine(enrolled, portal).sync_once()
    assert (s.error, s.applied, s.uploaded, s.uploads_pending) == ("", 1, 1, 0)
    held = portal_forms.listing(portal.db, AGENCY)
    assert [(f["procedure_code"], f["code"], f["name"], f["size"]) for f in held] == [
        (BIRTH, "tinh", "Tờ khai (mẫu của tỉnh)", len(pdf))]
    assert (portal.settings.blob_dir / AGENCY / held[0]["sha256"][:2]
            / held[0]["sha256"]).read_bytes() == pdf
    assert agency_forms.form_store(enrolled.data_dir).read(held[0]["sha256"]) == pdf

    s = make_engine(two, portal).sync_once()
    assert (s.error, s.forms_fetched, s.catalogue) == ("", 1, True)
    assert ("tinh", "Tờ khai (mẫu của tỉnh)") in _offered(two)
    assert forms.form_pdf(two, BIRTH, "tinh") == pdf
    assert make_engine(enrolled, portal).sync_once().pulled == 0  # its own: not sent back

    # Detached at the second workstation: the first stops offering it after its next sync.
    forms.detach_form(two, BIRTH, "tinh", user="admin2")
    assert make_engine(two, portal).sync_once().applied == 1
    assert make_engine(enrolled, portal).sync_once().catalogue
    assert "tinh" not in dict(_offered(enrolled))
    with pytest.raises(NotFound):
        forms.form_pdf(enrolled, BIRTH, "tinh")

    # A new workstation pulls the agency's forms as they stand, once.
    three = _second(tmp_path, clock, portal, workstation=3)
    make_engine(three, portal).sync_once()
    assert "tinh" not in dict(_offered(three))
    for c in (two, three):
        c.close()


def test_another_agency_neither_sees_nor_fetches_the_form(enrolled, portal, tmp_path, clock):
    other = "000.00.07.H56"
    agencies.create_agency(portal.db, other, "UBND xã Bên Cạnh", 1000, portal.clock())
    stranger = _second(tmp_path, clock, portal, workstation=1, agency=other)
    (tmp_path / "tinh.pdf").write_bytes(province_pdf("Mau rieng cua xa Tan Phu"))
    forms.attach_form(enrolled, BIRTH, ProcedureForm("tinh", "Tờ khai"), tmp_path / "tinh.pdf")
    make_engine(enrolled, portal).sync_once()
    assert make_engine(stranger, portal).sync_once().forms_fetched == 0
    assert "tinh" not in dict(_offered(stranger))
    sha = agency_forms.get(enrolled.conn, BIRTH, "tinh").sha256  # type: ignore[union-attr]
    client = sync_service.client_for(stranger, session=portal.session())
    with pytest.raises(RequestRejected) as caught:
        client.download_attachment(sha, tmp_path / "x.download", max_bytes=10**6)
    assert caught.value.status == 404 and caught.value.error == "attachment_not_found"
    stranger.close()


def test_a_form_whose_pdf_is_not_uploaded_yet_waits_and_says_so(
        enrolled, portal, tmp_path, clock):
    two = _second(tmp_path, clock, portal)
    pdf = province_pdf("Mau cho tai len sau")
    (tmp_path / "tinh.pdf").write_bytes(pdf)
    forms.attach_form(enrolled, BIRTH, ProcedureForm("tinh", "Tờ khai của tỉnh"),
                      tmp_path / "tinh.pdf")
    portal.adapter.fail("refuse", method="HEAD", path="/api/v1/attachments/")
    s = make_engine(enrolled, portal).sync_once()
    assert s.applied == 1 and s.error == "sync.offline" and s.uploads_pending == 1

    s = make_engine(two, portal).sync_once()
    assert (s.error, s.forms_fetched, s.forms_waiting) == ("", 0, 1)
    assert ("tinh", "Tờ khai của tỉnh") in _offered(two)
    with pytest.raises(forms.FormNotFetched) as caught:
        forms.form_pdf(two, BIRTH, "tinh")
    assert messages.describe(caught.value) == (
        "Mẫu «Tờ khai của tỉnh» (thủ tục 1.001193) được đính kèm ở một quầy khác của đơn vị "
        "nhưng tệp chưa tải về máy này: hãy đồng bộ với cổng rồi thử lại.")

    assert make_engine(enrolled, portal).sync_once().uploaded == 1
    assert make_engine(two, portal).sync_once().forms_fetched == 1
    assert forms.form_pdf(two, BIRTH, "tinh") == pdf
    two.close()


def test_the_latest_choice_wins_whoever_pushes_last(enrolled, portal, tmp_path, clock):
    """Workstation 1 attaches offline at 09:32; workstation 2 attaches another PDF under the
    same code at 10:32 and syncs first. The portal keeps the later one, and so does 1."""
    two = _second(tmp_path, clock, portal)
    early, late = province_pdf("Ban som"), province_pdf("Ban muon")
    (tmp_path / "early.pdf").write_bytes(early)
    (tmp_path / "late.pdf").write_bytes(late)
    forms.attach_form(enrolled, BIRTH, ProcedureForm("tinh", "Bản sớm"), tmp_path / "early.pdf")
    clock.advance(hours=1)
    forms.attach_form(two, BIRTH, ProcedureForm("tinh", "Bản muộn"), tmp_path / "late.pdf")
    make_engine(two, portal).sync_once()
    s = make_engine(enrolled, portal).sync_once()
    assert s.applied == 1 and s.error == ""
    assert [f["name"] for f in portal_forms.listing(portal.db, AGENCY)] == ["Bản muộn"]
    assert dict(_offered(enrolled))["tinh"] == "Bản muộn"
    assert forms.form_pdf(enrolled, BIRTH, "tinh") == late
    make_engine(two, portal).sync_once()
    assert forms.form_pdf(two, BIRTH, "tinh") == late
    two.close()


def test_a_broken_download_resumes_where_it_stopped(enrolled, portal, tmp_path, clock):
    two = _second(tmp_path, clock, portal)
    pdf = province_pdf("Mau nhieu trang", pages=40)
    (tmp_path / "tinh.pdf").write_bytes(pdf)
    forms.attach_form(enrolled, BIRTH, ProcedureForm("tinh", "Tờ khai"), tmp_path / "tinh.pdf")
    make_engine(enrolled, portal).sync_once()
    sha = agency_forms.get(enrolled.conn, BIRTH, "tinh").sha256  # type: ignore[union-attr]
    content = f"/api/v1/attachments/{sha}/content"
    for _ in range(3):  # every second request: the portal served it, the answer was lost
        portal.adapter.fail("pass", method="GET", path=content)
        portal.adapter.fail("lost", method="GET", path=content)
    client = sync_service.client_for(two, session=portal.session())
    part = tmp_path / "tinh.download"
    chunk = len(pdf) // 5 + 1
    breaks = 0
    for _ in range(10):
        try:
            client.download_attachment(sha, part, max_bytes=10**7, chunk_size=chunk)
            break
        except NetworkError:
            breaks += 1
    assert breaks == 3 and part.read_bytes() == pdf
    starts = [int(r.removeprefix("bytes=").split("-")[0])
              for m, p, r in portal.adapter.ranges if p == content]
    assert starts == sorted(starts) and starts.count(0) == 1  # resumed, never restarted
    assert starts[-1] == 4 * chunk
    two.close()
