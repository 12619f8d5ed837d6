"""What a sync run did and where it stands: counts, the last error, pending work."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..store import agency_forms
from ..store import attachments as attachment_store
from ..store import sync as sync_store
from .apply import Applied
from .errors import NotEnrolled, ServerError, SyncError, Unauthorized


@dataclass(frozen=True)
class Progress:
    """Reported while running: `stage` push (done = events answered, left = pending),
    pull (done = changes applied) or wait (a retry in `delay` seconds after `error`)."""

    stage: str
    done: int
    left: int
    delay: float = 0.0
    error: str = ""


@dataclass
class Summary:
    pushed: int = 0  # events answered by the portal (or quarantined after a refusal)
    applied: int = 0
    duplicate: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0  # changes applied (or already in place)
    ignored: int = 0  # changes about dossiers this workstation does not hold
    skipped: int = 0  # changes this version cannot read
    rechecked: int = 0
    resent: int = 0  # events made pending again after a 410 (restored portal)
    attempts: int = 0  # passes (sync_once calls)
    pending: int = 0  # after the run: events still to send
    uploaded: int = 0  # scanned files and form PDFs the portal now holds whole
    uploads_pending: int = 0  # after the run: scanned files and form PDFs still to upload
    forms_fetched: int = 0  # PDFs of forms attached at another workstation, now here
    forms_waiting: int = 0  # of those, not whole at the portal yet: fetched by a later pass
    quarantined: int = 0  # after the run: rejected events waiting for a supervisor
    open_conflicts: int = 0
    error: str = ""  # code of the last pass's failure (see counter_app/messages.py)
    error_message: str = ""  # the portal's own sentence, if any
    error_params: dict[str, Any] = field(default_factory=dict)
    retryable: bool = False
    retry_after: float | None = None
    needs_enrolment: bool = False
    idle: bool = False  # run_until_idle: stopped because nothing was left
    last_success_at: str | None = None
    dossiers: set[str] = field(default_factory=set)  # local dossiers the pull changed
    catalogue: bool = False
    calendar: bool = False

    def count(self, result: str) -> None:
        self.pushed += 1
        if result == "applied":
            self.applied += 1
        elif result == "duplicate":
            self.duplicate += 1
        elif result == "conflict":
            self.conflicts += 1
        else:
            self.rejected += 1

    def add_pulled(self, a: Applied) -> None:
        self.pulled += a.changes
        self.ignored += a.ignored
        self.skipped += a.skipped
        self.dossiers |= a.dossiers
        self.catalogue = self.catalogue or a.catalogue
        self.calendar = self.calendar or a.calendar

    def clear_error(self) -> None:
        self.attempts += 1
        self.error, self.error_message, self.error_params = "", "", {}
        self.retryable, self.retry_after, self.needs_enrolment = False, None, False

    def set_error(self, e: SyncError) -> None:
        self.error = e.code
        self.error_message = e.message
        self.error_params = {k: v for k, v in e.params.items() if k != "message"}
        self.retryable = e.retryable
        self.retry_after = e.retry_after if isinstance(e, ServerError) else None
        self.needs_enrolment = isinstance(e, Unauthorized | NotEnrolled)

    def refresh(self, conn: sqlite3.Connection) -> None:
        """Take the standing numbers from the store."""
        self.pending = sync_store.pending_count(conn)
        self.uploads_pending = (attachment_store.pending_upload_count(conn)
                                + agency_forms.pending_upload_count(conn))
        counts = sync_store.open_counts(conn)
        self.quarantined, self.open_conflicts = counts["rejected"], counts["conflict"]
        self.last_success_at = sync_store.get_state(conn).last_success_at

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (the command line prints it)."""
        return {
            "pushed": self.pushed, "applied": self.applied, "duplicate": self.duplicate,
            "conflicts": self.conflicts, "rejected": self.rejected, "pulled": self.pulled,
            "ignored": self.ignored, "skipped": self.skipped, "rechecked": self.rechecked,
            "resent": self.resent,
            "attempts": self.attempts, "pending": self.pending,
            "uploaded": self.uploaded, "uploads_pending": self.uploads_pending,
            "forms_fetched": self.forms_fetched, "forms_waiting": self.forms_waiting,
            "quarantined": self.quarantined, "open_conflicts": self.open_conflicts,
            "error": self.error or None, "error_message": self.error_message or None,
            "needs_enrolment": self.needs_enrolment, "idle": self.idle,
            "last_success_at": self.last_success_at,
            "dossiers_changed": len(self.dossiers), "catalogue_changed": self.catalogue,
            "calendar_changed": self.calendar,
        }
