"""The `packaging` marker: checks of a built bundle (dist/QuayMotCua), run by make package."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "packaging: checks a built PyInstaller bundle (opt-in: QMC_BUNDLE_TESTS=1)")
