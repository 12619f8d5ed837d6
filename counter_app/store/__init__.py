"""SQLite storage: connection, schema migrations, queries, the event log and search."""
