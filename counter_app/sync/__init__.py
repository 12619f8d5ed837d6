"""Synchronisation with the central portal: wire format, HTTP client, engine (outbox push,
cursor pull), typed errors. See docs/sync-client.md and docs/sync-protocol.md."""
