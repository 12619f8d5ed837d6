"""Synchronisation with the central portal (outbox push, cursor pull)."""
