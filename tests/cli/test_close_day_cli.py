"""`close-day` as a script uses it: refused loudly with unsynced work, then forced, the sheet."""

from __future__ import annotations

import io
import json

import pypdf

from tests.cli.test_cli import run
from tests.conftest import birth_draft


def test_close_day_refuses_with_unsynced_work_then_records_when_confirmed(counter, tmp_path):
    counter.receive(birth_draft(user="lan"))
    counter.close()
    refused = run(counter.data_dir, "close-day", "--date", "2026-11-20", "--user", "lan")
    assert refused.returncode == 2
    assert "Còn 1 thay đổi chưa gửi lên cổng dịch vụ công" in refused.stderr

    out = tmp_path / "chot-so.pdf"
    done = run(counter.data_dir, "close-day", "--date", "2026-11-20", "--user", "lan",
               "--allow-unsynced", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "CẢNH BÁO: đã chốt sổ khi còn 1 thay đổi chưa gửi" in done.stderr
    closed = json.loads(done.stdout)
    assert (closed["day"], closed["forced"], closed["unsynced"]) == ("2026-11-20", True, 1)
    assert closed["totals"]["received"] == 1 and closed["clerks"][0]["user"] == "lan"
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "BIÊN BẢN CHỐT SỔ CUỐI NGÀY" in text

    bad = run(counter.data_dir, "close-day", "--date", "20/11/2026")
    assert bad.returncode == 2 and "--date 20/11/2026" in bad.stderr
