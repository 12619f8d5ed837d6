"""Shared test set-up: headless Qt, and a fresh data directory per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Asia/Ho_Chi_Minh")
