"""Use cases over the store, one transaction each."""
