"""procedure-info, blank-form and attach-form from the command line."""

from __future__ import annotations

import pypdf
import pytest

from counter_app.resources import resource
from tests.cli.test_cli import ok, run
from tests.services.scan_files import pdf_file


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("forms") / "data"
    ok(d, "init", "--agency-code", "000.00.06.H56", "--agency-name", "UBND xã Tân Phú",
       "--workstation", "1", "--no-catalogue")
    ok(d, "import-catalogue", str(resource("catalogue", "commune_ho_tich.json")))
    return d


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_procedure_info_and_blank_form(data_dir, tmp_path):
    info = ok(data_dir, "procedure-info", "1.001193", "--out", str(tmp_path / "i.pdf"))
    assert info["forms"] == [{"code": "to-khai-dang-ky-khai-sinh",
                              "name": "Tờ khai đăng ký khai sinh"}]
    assert "THÔNG TIN THỦ TỤC HÀNH CHÍNH" in _text(tmp_path / "i.pdf")
    ok(data_dir, "blank-form", "1.001193", "--out", str(tmp_path / "f.pdf"))
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in _text(tmp_path / "f.pdf")


def test_attach_form_refuses_a_bad_file_in_vietnamese(data_dir, tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"hello")
    p = run(data_dir, "attach-form", "1.000656", "--file", str(bad), "--name", "Tờ khai")
    assert p.returncode == 2 and "không phải tệp PDF" in p.stderr
    p = run(data_dir, "attach-form", "1.000656", "--file", str(tmp_path / "none.pdf"),
            "--name", "Tờ khai")
    assert p.returncode == 2 and "Không đọc được tệp" in p.stderr
    good = tmp_path / "tk.pdf"
    good.write_bytes(pdf_file(1))
    done = ok(data_dir, "attach-form", "1.000656", "--file", str(good), "--name",
              "Tờ khai đăng ký khai tử")
    assert [(f["code"], f["name"]) for f in done["forms"]] == [
        ("to-khai-dang-ky-khai-tu", "Tờ khai đăng ký khai tử")]
    ok(data_dir, "blank-form", "1.000656", "--out", str(tmp_path / "kt.pdf"))
    assert (tmp_path / "kt.pdf").read_bytes() == good.read_bytes()
