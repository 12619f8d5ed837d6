"""PySide6 user interface: the only package that may import Qt."""

# First: PySide6 6.12.0 loses references to None/True/False, which aborts Python 3.11.
from . import pyside_refcounts as _pyside_refcounts  # noqa: F401
