"""Pure domain rules and value types; standard library (and `holidays`) only."""
