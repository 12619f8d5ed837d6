"""Portal settings, declared once with their types and defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .timefmt import vn_now


@dataclass(frozen=True)
class Settings:
    """Everything configurable about a running portal; the CLI maps options onto it."""

    blob_dir: Path = Path("portal-blobs")  # attachments on disk, never in the database
    max_batch_events: int = 500  # events per POST /api/v1/events
    max_batch_bytes: int = 2 * 1024 * 1024  # body of POST /api/v1/events
    max_body_bytes: int = 64 * 1024  # any other JSON body
    max_chunk_bytes: int = 8 * 1024 * 1024  # one PUT of an attachment chunk
    max_attachment_bytes: int = 512 * 1024 * 1024  # a whole attachment
    default_page: int = 200  # changes per GET /api/v1/changes without ?limit
    max_page: int = 1000
    rate_per_second: float | None = None  # per device token; None = no limit
    rate_burst: int = 120
    public_rate_per_second: float | None = None  # per client address: /tra-cuu, /enrol
    public_rate_burst: int = 30
    enrolment_valid: dt.timedelta = dt.timedelta(hours=72)
    public_url: str = ""  # e.g. https://tracuu.example.gov.vn, for lookup links the CLI prints
    clock: Callable[[], dt.datetime] = field(default=vn_now)
