"""Table definitions for building queries (SQLAlchemy Core); the DDL lives in migrations.py."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, Text

metadata = MetaData()

portal_info = Table(
    "portal_info", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

agencies = Table(
    "agencies", metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("range_size", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
)

enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("used_at", Text),
    Column("device_id", Text),
)

devices = Table(
    "devices", metadata,
    Column("id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("workstation", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", Text, nullable=False),
    Column("enrolled_at", Text, nullable=False),
    Column("last_seen_at", Text),
    Column("revoked_at", Text),
)

# One row per dossier known to the portal, keyed by the client's UUID. `record` is the
# national DongBoHoSoMC record as JSON; the other columns exist for look-ups and indexes.
dossiers = Table(
    "dossiers", metadata,
    Column("id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("code", Text),
    Column("outcome", Text, nullable=False),
    Column("status", Integer),
    Column("channel", Integer, nullable=False),
    Column("workstation", Integer, nullable=False),
    Column("device_id", Text),
    Column("procedure_code", Text, nullable=False),
    Column("received_at", Text, nullable=False),  # ISO local time
    Column("due_at", Text),
    Column("initials", Text, nullable=False),  # "N.T.H.": all the public page shows of a name
    Column("secret_hash", Text),  # SHA-256 of the receipt's lookup secret
    Column("record", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

# CapNhatTienDoHoSoMC rows: one per status change (and one for the reception itself).
progress = Table(
    "progress", metadata,
    Column("dossier_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("status", Integer),
    Column("at", Text, nullable=False),
    Column("origin", Text, nullable=False),  # "counter" | "back_office" | "portal"
    Column("event_id", Text),
    Column("record", Text, nullable=False),
)

# Applied client events: the idempotency ledger (digest of the canonical JSON, no payload).
events = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("dossier_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("digest", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
)

dossier_attachments = Table(
    "dossier_attachments", metadata,
    Column("dossier_id", Text, primary_key=True),
    Column("sha256", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
)

attachments = Table(
    "attachments", metadata,
    Column("agency_code", Text, primary_key=True),
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("complete", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("completed_at", Text),
)

procedures = Table(
    "procedures", metadata,
    Column("code", Text, primary_key=True),
    Column("data", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

calendar_exceptions = Table(
    "calendar_exceptions", metadata,
    Column("day", Text, primary_key=True),
    Column("data", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

# The change feed devices pull: one monotonic `seq` (allocated under the `counters` row lock,
# so sequence order is commit order). agency_code NULL = for every agency.
changes = Table(
    "changes", metadata,
    Column("seq", BigInteger, primary_key=True),
    Column("agency_code", Text),
    Column("origin_device_id", Text),
    Column("kind", Text, nullable=False),
    Column("item_key", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("at", Text, nullable=False),
)

# The post-office desk (docs/postal.md).
postal_receptions = Table(
    "postal_receptions", metadata,
    Column("dossier_id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("return_address", Text, nullable=False),
    Column("accepted_at", Text, nullable=False),
)

manifests = Table(
    "manifests", metadata,
    Column("code", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),  # where the pack goes
    Column("id", Text),  # NULL until the post office's event arrives
    Column("origin_device_id", Text),
    Column("created_at", Text),
    Column("created_by", Text),
    Column("item_count", Integer),
    Column("intake_id", Text),  # NULL until the agency's intake arrives
    Column("intake_device_id", Text),
    Column("taken_in_at", Text),
    Column("taken_in_by", Text),
    Column("listed", Integer),
)

manifest_lines = Table(
    "manifest_lines", metadata,
    Column("manifest_code", Text, primary_key=True),
    Column("dossier_code", Text, primary_key=True),
    Column("dossier_id", Text),
    Column("item", Text),
    Column("position", Integer),  # NULL: not on the manifest (an extra dossier)
    Column("decision", Text),  # NULL: not taken in (yet)
    Column("discrepancy", Text),
    Column("note", Text, nullable=False),
)

result_posts = Table(
    "result_posts", metadata,
    Column("dossier_id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("dispatched_at", Text, nullable=False),
    Column("delivered_at", Text),
)

notices = Table(
    "notices", metadata,
    Column("id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("dossier_id", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("recipient", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", Text, nullable=False),  # queued | sent | failed
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=False),
    Column("next_attempt_at", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("sent_at", Text),
)

# Blank forms attached at an agency's workstations (portal/forms.py); sha256 "" = detached.
agency_forms = Table(
    "agency_forms", metadata,
    Column("agency_code", Text, primary_key=True),
    Column("procedure_code", Text, primary_key=True),
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("changed_at", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)
