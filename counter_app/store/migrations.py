"""Schema migrations: MIGRATIONS[n] brings a database from `user_version` n to n + 1."""

from __future__ import annotations

V1 = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE procedures (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    field_name  TEXT NOT NULL,
    level       TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    data        TEXT NOT NULL,            -- procedure_to_dict() as JSON
    updated_at  TEXT NOT NULL
);

CREATE TABLE calendar_exceptions (
    day        TEXT PRIMARY KEY,          -- YYYY-MM-DD
    kind       TEXT NOT NULL CHECK (kind IN ('off', 'working')),
    note       TEXT NOT NULL DEFAULT '',
    legal_ref  TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- How many dossier numbers a workstation used on one day (see domain/codes.py).
CREATE TABLE code_counters (
    agency_code TEXT NOT NULL,
    day         TEXT NOT NULL,
    workstation INTEGER NOT NULL,
    used        INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day, workstation)
) WITHOUT ROWID;

-- Sổ theo dõi hồ sơ: last sequence written in each book (Quyển số).
CREATE TABLE book_counters (
    book TEXT PRIMARY KEY,
    used INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE dossiers (
    rowid          INTEGER PRIMARY KEY,   -- entry order; FTS rowid; "newest first"
    id             TEXT NOT NULL UNIQUE,  -- UUID, the real key
    code           TEXT UNIQUE,           -- mã hồ sơ; NULL for guidance and refusal records
    outcome        TEXT NOT NULL CHECK (outcome IN ('received','guidance','refused','redirected')),
    status         INTEGER CHECK (status BETWEEN 1 AND 10),
    procedure_code TEXT NOT NULL,
    agency_code    TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    received_at    TEXT NOT NULL,         -- ISO local time
    due_at         TEXT,
    search_text    TEXT NOT NULL,         -- folded: code, names, ID numbers, phones
    data           TEXT NOT NULL,         -- dossier_to_dict() as JSON
    updated_at     TEXT NOT NULL
);
CREATE INDEX dossiers_received_at ON dossiers (received_at);
CREATE INDEX dossiers_status_due ON dossiers (status, due_at);
CREATE INDEX dossiers_procedure ON dossiers (procedure_code, received_at);

-- Thành phần hồ sơ as received: one row per checklist item.
CREATE TABLE dossier_documents (
    dossier_rowid  INTEGER NOT NULL REFERENCES dossiers (rowid) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    original       INTEGER NOT NULL DEFAULT 0 CHECK (original >= 0),
    certified_copy INTEGER NOT NULL DEFAULT 0 CHECK (certified_copy >= 0),
    photocopy      INTEGER NOT NULL DEFAULT 0 CHECK (photocopy >= 0),
    mandatory      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (dossier_rowid, position)
) WITHOUT ROWID;

-- Accent-insensitive search over the folded column, kept in step by triggers.
CREATE VIRTUAL TABLE dossier_fts USING fts5 (
    search_text,
    content = 'dossiers',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
    INSERT INTO dossier_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
    INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
    VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF search_text ON dossiers BEGIN
    INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
    VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO dossier_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- The audit trail and sync outbox: append-only, one row per change, keyed by a client UUID.
CREATE TABLE dossier_events (
    seq         INTEGER PRIMARY KEY,      -- local order
    id          TEXT NOT NULL UNIQUE,     -- UUID made here; the portal deduplicates on it
    dossier_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,            -- ISO local time
    user        TEXT NOT NULL DEFAULT '',
    workstation INTEGER NOT NULL,
    payload     TEXT NOT NULL             -- JSON
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, seq);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events BEGIN
    SELECT RAISE (ABORT, 'dossier_events is append-only');
END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events BEGIN
    SELECT RAISE (ABORT, 'dossier_events is append-only');
END;
"""

# V2: the result list reads its columns without decoding each record (procedure_name), the
# search text no longer holds the agency and procedure codes that every dossier shares, and the
# FTS index has prefix indexes for 1–6 characters: without them a prefix term of another length
# ("nguyen"*) gathers every matching row before the 20 newest are taken (see docs/benchmarks.md).
V2 = """
DROP TRIGGER dossiers_fts_insert;
DROP TRIGGER dossiers_fts_delete;
DROP TRIGGER dossiers_fts_update;
DROP TABLE dossier_fts;

ALTER TABLE dossiers ADD COLUMN procedure_name TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET
    procedure_name = coalesce(json_extract(data, '$.procedure_name'), ''),
    search_text = trim(replace(
        replace(search_text, lower(agency_code) || '-', ''),
        ' ' || lower(procedure_code), ''));

CREATE VIRTUAL TABLE dossier_fts USING fts5 (
    search_text,
    content = 'dossiers',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4 5 6'
);
INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild');

CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
    INSERT INTO dossier_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
    INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
    VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF search_text ON dossiers BEGIN
    INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
    VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO dossier_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
"""

# V3: synchronisation with the portal (counter_app/sync). The event log stays append-only: the
# portal's answer to each event lives beside it in sync_answers. outbox_mark is a high-water mark
# (every pushable event with seq <= it has a final answer) so that the outbox and the pending
# count scan only the tail of the log.
V3 = """
CREATE TABLE sync_enrolment (
    id          INTEGER PRIMARY KEY CHECK (id = 1),   -- one enrolment per workstation
    portal_url  TEXT NOT NULL,
    token       TEXT NOT NULL,        -- device token: protect the data directory; never log it
    device_id   TEXT NOT NULL,
    device_name TEXT NOT NULL DEFAULT '',
    agency_code TEXT NOT NULL,
    workstation INTEGER NOT NULL,
    range_size  INTEGER NOT NULL,
    enrolled_at TEXT NOT NULL
);

CREATE TABLE sync_state (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    cursor             TEXT NOT NULL DEFAULT '',   -- the portal's opaque pull cursor
    outbox_mark        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at    TEXT,
    last_success_at    TEXT,                       -- last sync that pushed and pulled everything
    last_error         TEXT NOT NULL DEFAULT '',   -- code, e.g. sync.offline, sync.unauthorized
    last_error_message TEXT NOT NULL DEFAULT '',   -- the portal's own sentence, if it sent one
    last_error_at      TEXT
);
INSERT INTO sync_state (id) VALUES (1);

-- The portal's answer per event: applied/duplicate are final; rejected (quarantine) and
-- conflict wait for a supervisor, who retries (resolution 'retry': pending again) or
-- resolves them (resolution 'dismissed').
CREATE TABLE sync_answers (
    event_id    TEXT PRIMARY KEY REFERENCES dossier_events (id),
    result      TEXT NOT NULL CHECK (result IN ('applied', 'duplicate', 'conflict', 'rejected')),
    reason      TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL DEFAULT '',
    params      TEXT NOT NULL DEFAULT '{}',        -- JSON
    problems    TEXT NOT NULL DEFAULT '[]',        -- JSON
    answered_at TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1,
    resolution  TEXT CHECK (resolution IN ('retry', 'dismissed')),
    resolved_at TEXT,
    resolved_by TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sync_answers_open ON sync_answers (result)
    WHERE result IN ('conflict', 'rejected') AND resolution IS NULL;

-- Dossiers whose local status may differ from the portal's (a pulled status change that did
-- not follow from the local status): the engine asks the portal once nothing is pending.
CREATE TABLE sync_recheck (
    dossier_id TEXT PRIMARY KEY,
    since      TEXT NOT NULL
) WITHOUT ROWID;
"""

# ATTACHMENTS: scanned documents (số hóa, docs/attachments.md). The files live in the data
# directory (attachments/ab/cdef….pdf), named by the SHA-256 of their bytes; `attachments` has one
# row per stored file, `dossier_attachments` links a file to a checklist item of a dossier. Only
# linked files are uploaded; `uploaded_at` is set once the portal holds the whole file.
ATTACHMENTS = """
CREATE TABLE attachments (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),   -- bytes of the stored PDF
    pages       INTEGER NOT NULL CHECK (pages >= 1),
    name        TEXT NOT NULL DEFAULT '',   -- original file name (NFC): local only, never sent
    media_type  TEXT NOT NULL,              -- of the stored file: application/pdf
    source_type TEXT NOT NULL,              -- what was imported: a PDF, JPEG or PNG file
    created_at  TEXT NOT NULL,
    uploaded_at TEXT                        -- the portal holds it complete (sync)
) WITHOUT ROWID;

CREATE TABLE dossier_attachments (
    dossier_id    TEXT NOT NULL REFERENCES dossiers (id),
    position      INTEGER NOT NULL,         -- order within the dossier: 1, 2, …
    item_position INTEGER NOT NULL,         -- dossier_documents.position of the item
    item_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL REFERENCES attachments (sha256),
    event_id      TEXT NOT NULL,            -- the event that recorded it
    added_at      TEXT NOT NULL,
    PRIMARY KEY (dossier_id, position)
) WITHOUT ROWID;
CREATE INDEX dossier_attachments_sha256 ON dossier_attachments (sha256);
CREATE INDEX attachments_not_uploaded ON attachments (created_at) WHERE uploaded_at IS NULL;
"""

# Local accounts (services/accounts.py). Users are never deleted: events name them. The audit
# trail of account changes and log-ins is append-only like dossier_events, and apart from it:
# dossier_events is the sync outbox of dossier changes.
ACCOUNTS = """
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL,           -- NFC, as chosen
    username_key    TEXT NOT NULL UNIQUE,    -- folded (domain.accounts.username_key)
    full_name       TEXT NOT NULL,
    role            TEXT NOT NULL
                    CHECK (role IN ('clerk', 'postal_agent', 'supervisor', 'administrator')),
    password_hash   TEXT NOT NULL,           -- argon2id, PHC string
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    last_login_at   TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0, -- wrong passwords in a row
    locked_until    TEXT                        -- refused until then after too many
);

CREATE TABLE account_events (
    seq      INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,                  -- who did it
    username TEXT NOT NULL,                  -- whose account
    kind     TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '{}'      -- JSON; never a password or a hash
);
CREATE INDEX account_events_username ON account_events (username, seq);
CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events BEGIN
    SELECT RAISE (ABORT, 'account_events is append-only');
END;
CREATE TRIGGER account_events_no_delete BEFORE DELETE ON account_events BEGIN
    SELECT RAISE (ABORT, 'account_events is append-only');
END;
"""

# FOLLOWUP: the "to act on" lists (store/followup.py) walk one status in the order its dossiers
# last changed ("waiting longest first"): one index range each, no sort, at a million dossiers.
FOLLOWUP = """
CREATE INDEX dossiers_status_updated ON dossiers (status, updated_at);
"""

# DAILY_CLOSE: the daily close of a workstation (services/daily_close.py). One row per close,
# append-only like the other audit trails (closing again the same day adds a row; the latest
# one is the close of that day). The day's events are read by time: dossier_events gets an index
# on `at`.
DAILY_CLOSE = """
CREATE TABLE daily_closes (
    seq         INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,                 -- YYYY-MM-DD
    workstation INTEGER NOT NULL,
    closed_at   TEXT NOT NULL,
    closed_by   TEXT NOT NULL DEFAULT '',
    unsynced    INTEGER NOT NULL CHECK (unsynced >= 0),
    forced      INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)), -- closed with unsynced work
    summary     TEXT NOT NULL                  -- JSON: domain.daily_close.DayClose.as_dict()
);
CREATE INDEX daily_closes_day ON daily_closes (day, workstation);
CREATE TRIGGER daily_closes_no_update BEFORE UPDATE ON daily_closes BEGIN
    SELECT RAISE (ABORT, 'daily_closes is append-only');
END;
CREATE TRIGGER daily_closes_no_delete BEFORE DELETE ON daily_closes BEGIN
    SELECT RAISE (ABORT, 'daily_closes is append-only');
END;
CREATE INDEX dossier_events_at ON dossier_events (at);
"""

# REPORT_COLUMNS: what Biểu II.06a and the dashboard read per dossier, as columns instead of
# JSON and event look-ups (docs/reports.md, "Why the SQL looks the way it does"): the channel,
# and the day of the first move to 9/10 (finished_on) and to 7/8 (stopped_on). Kept by
# triggers, so every writer (the counter, the sync engine, later use cases) keeps them without
# knowing: a dossier's channel when it is inserted; the day of a status event when one is
# appended (a portal_status event: when it happened at the portal, its payload's "at"). The
# earliest day wins, as the event rule says. Reports read them only while the status is 9/10 or
# 7/8, exactly as they read the events before. A damaged payload (not JSON) is skipped, never an
# error: the sync engine quarantines such events; their insert must not fail.
REPORT_COLUMNS = """
ALTER TABLE dossiers ADD COLUMN channel INTEGER;
ALTER TABLE dossiers ADD COLUMN finished_on TEXT;   -- YYYY-MM-DD
ALTER TABLE dossiers ADD COLUMN stopped_on TEXT;    -- YYYY-MM-DD

UPDATE dossiers SET channel = json_extract(data, '$.channel') WHERE json_valid(data);
CREATE TEMP TABLE first_moves AS
SELECT e.dossier_id AS dossier_id,
       min(CASE WHEN json_extract(e.payload, '$.to') IN (9, 10) THEN substr(CASE
           WHEN e.kind = 'portal_status' THEN coalesce(nullif(json_extract(e.payload, '$.at'), ''),
           e.at) ELSE e.at END, 1, 10) END) AS finished_on,
       min(CASE WHEN json_extract(e.payload, '$.to') IN (7, 8) THEN substr(CASE
           WHEN e.kind = 'portal_status' THEN coalesce(nullif(json_extract(e.payload, '$.at'), ''),
           e.at) ELSE e.at END, 1, 10) END) AS stopped_on
FROM dossier_events e
WHERE e.kind IN ('status_changed', 'portal_status')
  AND CASE WHEN json_valid(e.payload) THEN json_extract(e.payload, '$.to') END IN (7, 8, 9, 10)
GROUP BY e.dossier_id;
CREATE UNIQUE INDEX temp.first_moves_id ON first_moves (dossier_id);
UPDATE dossiers SET
    finished_on = (SELECT f.finished_on FROM first_moves f WHERE f.dossier_id = dossiers.id),
    stopped_on = (SELECT f.stopped_on FROM first_moves f WHERE f.dossier_id = dossiers.id)
WHERE id IN (SELECT dossier_id FROM first_moves);
DROP TABLE temp.first_moves;

CREATE INDEX dossiers_finished_on ON dossiers (finished_on, procedure_code)
    WHERE finished_on IS NOT NULL;

CREATE TRIGGER dossiers_channel AFTER INSERT ON dossiers BEGIN
    UPDATE dossiers SET channel = CASE WHEN json_valid(new.data)
        THEN json_extract(new.data, '$.channel') END WHERE rowid = new.rowid;
END;
CREATE TRIGGER dossier_events_first_moves AFTER INSERT ON dossier_events
WHEN new.kind IN ('status_changed', 'portal_status')
 AND CASE WHEN json_valid(new.payload) THEN json_extract(new.payload, '$.to') END
     IN (7, 8, 9, 10)
BEGIN
    UPDATE dossiers SET
        finished_on = CASE WHEN json_extract(new.payload, '$.to') IN (9, 10)
            THEN min(coalesce(finished_on, '9999'), substr(CASE WHEN new.kind = 'portal_status'
                 THEN coalesce(nullif(json_extract(new.payload, '$.at'), ''), new.at)
                 ELSE new.at END, 1, 10)) ELSE finished_on END,
        stopped_on = CASE WHEN json_extract(new.payload, '$.to') IN (7, 8)
            THEN min(coalesce(stopped_on, '9999'), substr(CASE WHEN new.kind = 'portal_status'
                 THEN coalesce(nullif(json_extract(new.payload, '$.at'), ''), new.at)
                 ELSE new.at END, 1, 10)) ELSE stopped_on END
    WHERE id = new.dossier_id;
END;
"""

# Appending a migration releases the version before it: make its fixture database with
# `.venv/bin/python -m tests.fixtures.schema_fixtures` (tests/store/test_upgrades.py checks).
# The post-office desk (services/postal.py, docs/postal.md): dossiers accepted at the post
# office with their S10 item, hand-over manifests, intakes at the agency, results by post.
POSTAL = """
CREATE TABLE manifests (
    id          TEXT PRIMARY KEY,             -- UUID: the manifest's events name it
    code        TEXT NOT NULL UNIQUE,         -- BG-‹agency›-‹WW›-‹yyMMdd›-‹NN›
    agency_code TEXT NOT NULL,                -- the agency the pack goes to
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE postal_receptions (
    dossier_id     TEXT PRIMARY KEY REFERENCES dossiers (id),
    item           TEXT NOT NULL UNIQUE,      -- UPU S10 of the pre-printed label
    agency_code    TEXT NOT NULL,             -- the agency the dossier is for
    return_address TEXT NOT NULL,             -- địa chỉ hoàn trả
    accepted_at    TEXT NOT NULL,
    manifest_id    TEXT REFERENCES manifests (id),  -- NULL: waits for a manifest
    position       INTEGER                    -- line of the manifest
);
CREATE INDEX postal_receptions_waiting ON postal_receptions (agency_code, accepted_at)
    WHERE manifest_id IS NULL;
CREATE INDEX postal_receptions_manifest ON postal_receptions (manifest_id, position);

-- Intakes at the agency: one per manifest code (a manifest scanned twice is refused).
CREATE TABLE manifest_intakes (
    manifest_code TEXT PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,       -- UUID: the intake's event names it
    agency_code   TEXT NOT NULL,
    taken_in_at   TEXT NOT NULL,
    taken_in_by   TEXT NOT NULL DEFAULT '',
    listed        INTEGER NOT NULL,           -- 1: checked against the manifest's list
    lines         TEXT NOT NULL               -- JSON [{code, decision, discrepancy, note}]
);

-- Results sent by post: the S10 of the outgoing item, then its delivery.
CREATE TABLE result_posts (
    dossier_id    TEXT PRIMARY KEY REFERENCES dossiers (id),
    item          TEXT NOT NULL UNIQUE,
    address       TEXT NOT NULL,
    dispatched_at TEXT NOT NULL,
    dispatched_by TEXT NOT NULL DEFAULT '',
    delivered_at  TEXT,
    delivered_by  TEXT
);
"""

# Blank forms the agency's administrators attached or detached (services/forms.py,
# store/agency_forms.py): a layer over the catalogue entries' own forms that a pulled or imported
# entry never touches, shared with the agency's other workstations through the portal
# (docs/catalogue-format.md, "Forms attached at the agency").
AGENCY_FORMS = """
CREATE TABLE agency_forms (
    procedure_code TEXT NOT NULL,
    code           TEXT NOT NULL,             -- the form's code, unique within the procedure
    name           TEXT NOT NULL,
    sha256         TEXT NOT NULL,             -- the PDF in <data_dir>/forms/; '': detached
    size           INTEGER NOT NULL,
    changed_at     TEXT NOT NULL,             -- when it was attached or detached, wherever
    event_id       TEXT,                      -- the event that announced it here; NULL: pulled
    uploaded_at    TEXT,                      -- the portal holds the PDF (pulled: when pulled)
    PRIMARY KEY (procedure_code, code)
) WITHOUT ROWID;
"""

# SYNC_PENDING: what waits for the portal, kept up to date by triggers in the transaction of
# every write, so that the status bar reads three rows instead of counting the event log (a full
# scan of it on a workstation that never synced: about two seconds at a million dossiers, on the
# database lane, before the clerk's first search). `sync_pending` has one row per dossier (or
# postal manifest, or agency form: their events name the manifest's or the intake's UUID, or the
# form's slot) with events still to send, i.e. what store/sync.py's outbox query finds: an event
# of a pushed kind with no answer, or sent back by a supervisor (resolution 'retry'). Its own
# triggers keep the totals per subject in `sync_pending_totals`. `sync_kinds` is store/sync.py's
# PUSHED_KINDS as of this version, with what their events name: a later version that pushes
# another kind inserts it and recounts (tests/store/test_sync_pending.py fails until it does).
SYNC_PENDING = """
CREATE TABLE sync_kinds (
    kind    TEXT PRIMARY KEY,
    subject TEXT NOT NULL CHECK (subject IN ('dossier', 'manifest', 'form'))
) WITHOUT ROWID;
INSERT INTO sync_kinds (kind, subject) VALUES
    ('received', 'dossier'), ('guidance', 'dossier'), ('refused', 'dossier'),
    ('redirected', 'dossier'), ('status_changed', 'dossier'), ('attachments_added', 'dossier'),
    ('accepted', 'dossier'), ('supplement_received', 'dossier'), ('delay_apology', 'dossier'),
    ('withdrawn', 'dossier'), ('postal_accepted', 'dossier'), ('manifest_created', 'manifest'),
    ('manifest_taken_in', 'manifest'), ('result_posted', 'dossier'),
    ('result_delivered', 'dossier'), ('result_returned', 'dossier'), ('notice_queued', 'dossier'),
    ('form_attached', 'form'), ('form_detached', 'form');

CREATE TABLE sync_pending (
    dossier_id TEXT PRIMARY KEY,      -- a dossier's id, a manifest's or intake's, a form's slot
    events     INTEGER NOT NULL,      -- its events still to send
    subject    TEXT NOT NULL          -- sync_kinds.subject
) WITHOUT ROWID;
CREATE TABLE sync_pending_totals (
    subject TEXT PRIMARY KEY,
    items   INTEGER NOT NULL DEFAULT 0,   -- rows of sync_pending
    events  INTEGER NOT NULL DEFAULT 0    -- their events
) WITHOUT ROWID;
INSERT INTO sync_pending_totals (subject) VALUES ('dossier'), ('manifest'), ('form');

INSERT INTO sync_pending (dossier_id, events, subject)
SELECT e.dossier_id, count(*), min(k.subject)
FROM dossier_events e JOIN sync_kinds k ON k.kind = e.kind
LEFT JOIN sync_answers a ON a.event_id = e.id
WHERE e.seq > (SELECT outbox_mark FROM sync_state WHERE id = 1)
  AND (a.event_id IS NULL OR a.resolution = 'retry')
GROUP BY e.dossier_id;
UPDATE sync_pending_totals SET
    items = (SELECT count(*) FROM sync_pending p WHERE p.subject = sync_pending_totals.subject),
    events = (SELECT coalesce(sum(events), 0) FROM sync_pending p
              WHERE p.subject = sync_pending_totals.subject);

CREATE TRIGGER sync_pending_added AFTER INSERT ON sync_pending BEGIN
    UPDATE sync_pending_totals SET items = items + 1, events = events + new.events
    WHERE subject = new.subject;
END;
CREATE TRIGGER sync_pending_changed AFTER UPDATE OF events ON sync_pending BEGIN
    UPDATE sync_pending_totals SET events = events + new.events - old.events
    WHERE subject = new.subject;
END;
CREATE TRIGGER sync_pending_removed AFTER DELETE ON sync_pending BEGIN
    UPDATE sync_pending_totals SET items = items - 1, events = events - old.events
    WHERE subject = old.subject;
END;

-- A new event to send.
CREATE TRIGGER dossier_events_to_send AFTER INSERT ON dossier_events
WHEN new.kind IN (SELECT kind FROM sync_kinds) BEGIN
    INSERT INTO sync_pending (dossier_id, events, subject)
    SELECT new.dossier_id, 1, subject FROM sync_kinds WHERE kind = new.kind
    ON CONFLICT (dossier_id) DO UPDATE SET events = events + 1;
END;
-- The portal answered an event (a first answer, or a retried event answered again): sent.
CREATE TRIGGER sync_answers_sent AFTER INSERT ON sync_answers
WHEN new.resolution IS NOT 'retry' BEGIN
    UPDATE sync_pending SET events = events - 1 WHERE dossier_id = (
        SELECT e.dossier_id FROM dossier_events e JOIN sync_kinds k ON k.kind = e.kind
        WHERE e.id = new.event_id);
    DELETE FROM sync_pending WHERE events <= 0 AND dossier_id = (
        SELECT dossier_id FROM dossier_events WHERE id = new.event_id);
END;
-- A supervisor's retry (to send again), or a retried event answered again (record_answers'
-- upsert clears the resolution: sent).
CREATE TRIGGER sync_answers_resent AFTER UPDATE OF resolution ON sync_answers
WHEN (old.resolution IS 'retry') <> (new.resolution IS 'retry') BEGIN
    INSERT INTO sync_pending (dossier_id, events, subject)
    SELECT e.dossier_id, 1, k.subject FROM dossier_events e
    JOIN sync_kinds k ON k.kind = e.kind
    WHERE new.resolution IS 'retry' AND e.id = new.event_id
    ON CONFLICT (dossier_id) DO UPDATE SET events = events + 1;
    UPDATE sync_pending SET events = events - 1 WHERE old.resolution IS 'retry' AND dossier_id = (
        SELECT e.dossier_id FROM dossier_events e JOIN sync_kinds k ON k.kind = e.kind
        WHERE e.id = new.event_id);
    DELETE FROM sync_pending WHERE events <= 0 AND dossier_id = (
        SELECT dossier_id FROM dossier_events WHERE id = new.event_id);
END;
-- An answer forgotten (the portal was restored from a backup): to send again.
CREATE TRIGGER sync_answers_forgotten AFTER DELETE ON sync_answers
WHEN old.resolution IS NOT 'retry' BEGIN
    INSERT INTO sync_pending (dossier_id, events, subject)
    SELECT e.dossier_id, 1, k.subject FROM dossier_events e
    JOIN sync_kinds k ON k.kind = e.kind WHERE e.id = old.event_id
    ON CONFLICT (dossier_id) DO UPDATE SET events = events + 1;
END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, ATTACHMENTS, ACCOUNTS, FOLLOWUP, DAILY_CLOSE,
                               REPORT_COLUMNS, POSTAL, AGENCY_FORMS, SYNC_PENDING)
SCHEMA_VERSION = len(MIGRATIONS)
