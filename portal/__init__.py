"""The reference central portal: sync API for counters, back-office commands, public status page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from portal.api.app import create_app


def __getattr__(name: str) -> Any:
    # `from portal import create_app` without importing FastAPI for every admin command.
    if name == "create_app":
        from portal.api.app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["__version__", "create_app"]
