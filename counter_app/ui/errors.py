"""Turning exceptions from the lanes into one line the clerk can read."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from .. import messages
from ..domain.errors import DomainError

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """Known errors get their sentence; anything else is a bug, logged with its traceback."""
    if isinstance(error, DomainError):
        # TODO: move these sentences to Qt Linguist so English works here too.
        return messages.describe(error)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "errors", "Lỗi không mong đợi ({kind}). Hãy báo cho quản trị viên."
    ).format(kind=type(error).__name__)
