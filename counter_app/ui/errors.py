"""Turning exceptions from the lanes into one line the clerk can read, in the window's language.

The sentences of domain problems live in counter_app/messages.py (Vietnamese, what the command
line prints); here they go through Qt Linguist (context "messages"), so that the English window
shows English with the same parameters."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from .. import messages
from ..domain.errors import DomainError, FieldProblem

log = logging.getLogger(__name__)


def _tr(source: str) -> str:
    return QCoreApplication.translate("messages", source)


def text(code: str, /, **params: Any) -> str:
    """The sentence for a problem code (a scan's reason, a sync error…), parameters filled in."""
    return messages.fill(code, params, _tr)


def describe_problem(problem: FieldProblem) -> str:
    """"Field: sentence" for one problem of a ValidationFailed."""
    return messages.describe_problem(problem, _tr)


def describe(error: BaseException) -> str:
    """Known errors get their sentence; anything else is a bug, logged with its traceback."""
    if isinstance(error, DomainError):
        return messages.describe(error, _tr)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "errors", "Lỗi không mong đợi ({kind}). Hãy báo cho quản trị viên."
    ).format(kind=type(error).__name__)
