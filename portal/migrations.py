"""Schema migrations: STEPS[n - 1] brings the database to version n; applied at start.

Plain SQL that PostgreSQL and SQLite both accept (TEXT, INTEGER, BIGINT, partial unique
indexes; no auto-increment: sequence numbers come from the `counters` table). Each step runs
in one transaction and is recorded in `schema_version`. Never edit a released step: add one.
"""

from __future__ import annotations

import logging

from sqlalchemy import text

from .db import Database
from .errors import PortalError
from .timefmt import iso, vn_now

log = logging.getLogger(__name__)

V1 = """
CREATE TABLE portal_info (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('changes', 0);
CREATE TABLE agencies (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    range_size INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE enrolment_codes (
    code_hash   TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    device_id   TEXT
);
CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    agency_code  TEXT NOT NULL REFERENCES agencies (code),
    workstation  INTEGER NOT NULL,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    enrolled_at  TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at   TEXT
);
CREATE UNIQUE INDEX devices_active_workstation ON devices (agency_code, workstation)
    WHERE revoked_at IS NULL;
CREATE TABLE dossiers (
    id             TEXT PRIMARY KEY,
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    code           TEXT UNIQUE,
    outcome        TEXT NOT NULL,
    status         INTEGER,
    channel        INTEGER NOT NULL,
    workstation    INTEGER NOT NULL,
    device_id      TEXT,
    procedure_code TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    due_at         TEXT,
    initials       TEXT NOT NULL,
    secret_hash    TEXT,
    record         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX dossiers_agency ON dossiers (agency_code, received_at);
CREATE TABLE progress (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    position   INTEGER NOT NULL,
    status     INTEGER,
    at         TEXT NOT NULL,
    origin     TEXT NOT NULL,
    event_id   TEXT,
    record     TEXT NOT NULL,
    PRIMARY KEY (dossier_id, position)
);
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    dossier_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    digest      TEXT NOT NULL,
    stored_at   TEXT NOT NULL
);
CREATE INDEX events_dossier ON events (dossier_id);
CREATE TABLE dossier_attachments (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    sha256     TEXT NOT NULL,
    name       TEXT NOT NULL,
    size       BIGINT NOT NULL,
    PRIMARY KEY (dossier_id, sha256)
);
CREATE TABLE attachments (
    agency_code  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    size         BIGINT NOT NULL,
    complete     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    completed_at TEXT,
    PRIMARY KEY (agency_code, sha256)
);
CREATE TABLE procedures (
    code       TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE calendar_exceptions (
    day        TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE changes (
    seq              BIGINT PRIMARY KEY,
    agency_code      TEXT,
    origin_device_id TEXT,
    kind             TEXT NOT NULL,
    item_key         TEXT NOT NULL,
    data             TEXT NOT NULL,
    at               TEXT NOT NULL
);
CREATE INDEX changes_agency ON changes (agency_code, seq);
"""

# Change-feed compaction (changes.py `_compact`): an index to find a key's older changes, and
# the history already recorded compacted once.
V2_COMPACT_CHANGES = """
CREATE INDEX changes_item ON changes (item_key, kind);
DELETE FROM changes WHERE kind = 'procedure' AND EXISTS (
    SELECT 1 FROM changes newer WHERE newer.kind = 'procedure'
    AND newer.item_key = changes.item_key AND newer.seq > changes.seq);
DELETE FROM changes WHERE kind IN ('calendar_exception', 'calendar_exception_removed')
    AND EXISTS (SELECT 1 FROM changes newer
    WHERE newer.kind IN ('calendar_exception', 'calendar_exception_removed')
    AND newer.item_key = changes.item_key AND newer.seq > changes.seq)
"""

# The post-office desk (docs/postal.md): dossiers that came by post, hand-over manifests and
# their intake at the agency (either may arrive first: they meet by manifest and dossier code),
# results sent by post.
V3_POSTAL = """
CREATE TABLE postal_receptions (
    dossier_id     TEXT PRIMARY KEY,
    agency_code    TEXT NOT NULL,
    item           TEXT NOT NULL,
    return_address TEXT NOT NULL,
    accepted_at    TEXT NOT NULL
);
CREATE TABLE manifests (
    code             TEXT PRIMARY KEY,
    agency_code      TEXT NOT NULL,
    id               TEXT,
    origin_device_id TEXT,
    created_at       TEXT,
    created_by       TEXT,
    item_count       INTEGER,
    intake_id        TEXT,
    intake_device_id TEXT,
    taken_in_at      TEXT,
    taken_in_by      TEXT,
    listed           INTEGER
);
CREATE TABLE manifest_lines (
    manifest_code TEXT NOT NULL,
    dossier_code  TEXT NOT NULL,
    dossier_id    TEXT,
    item          TEXT,
    position      INTEGER,
    decision      TEXT,
    discrepancy   TEXT,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (manifest_code, dossier_code)
);
CREATE INDEX manifest_lines_dossier ON manifest_lines (dossier_code);
CREATE TABLE result_posts (
    dossier_id    TEXT PRIMARY KEY,
    agency_code   TEXT NOT NULL,
    item          TEXT NOT NULL,
    address       TEXT NOT NULL,
    dispatched_at TEXT NOT NULL,
    delivered_at  TEXT
)
"""

# Messages to citizens (portal/notify.py): one row per message, kept after sending.
NOTICES = """
CREATE TABLE notices (
    id              TEXT PRIMARY KEY,
    agency_code     TEXT NOT NULL REFERENCES agencies (code),
    dossier_id      TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    next_attempt_at TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX notices_due ON notices (state, next_attempt_at)
"""

# Blank forms an agency's administrator attached or detached at one of its workstations
# (portal/forms.py): the agency's layer over the shared catalogue, pulled by its devices as
# `agency_form` changes; the PDFs are the agency's blobs (attachments.py).
AGENCY_FORMS = """
CREATE TABLE agency_forms (
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    procedure_code TEXT NOT NULL,
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    size           BIGINT NOT NULL,
    changed_at     TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (agency_code, procedure_code, code)
);
CREATE INDEX agency_forms_sha256 ON agency_forms (agency_code, sha256)
"""

STEPS: tuple[str, ...] = (V1, V2_COMPACT_CHANGES, V3_POSTAL, NOTICES, AGENCY_FORMS)
SCHEMA_VERSION = len(STEPS)

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def migrate(db: Database) -> int:
    """Bring the schema up to SCHEMA_VERSION; returns the number of steps applied."""
    applied = 0
    while True:
        with db.write() as conn:
            if db.dialect == "postgresql":  # one migrating process at a time
                conn.execute(text("SELECT pg_advisory_xact_lock(7410125)"))
            conn.execute(text(_VERSION_TABLE))
            found = int(conn.execute(text("SELECT max(version) FROM schema_version")).scalar()
                        or 0)
            if found > SCHEMA_VERSION:
                raise PortalError("database_too_new", 500, found=found, known=SCHEMA_VERSION)
            if found == SCHEMA_VERSION:
                return applied
            for statement in _statements(STEPS[found]):
                conn.execute(text(statement))
            conn.execute(text("INSERT INTO schema_version (version, applied_at) VALUES (:v, :t)"),
                         {"v": found + 1, "t": iso(vn_now())})
            log.info("database schema migrated to version %d", found + 1)
            applied += 1
