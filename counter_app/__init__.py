"""Quầy Một Cửa: the desktop reception counter for Vietnamese one-stop shops."""

__version__ = "0.1.0"
