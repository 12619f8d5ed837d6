"""HTTP interface of the portal (FastAPI)."""

from .app import create_app

__all__ = ["create_app"]
