"""The use cases (no Qt): each reads the store, calls core, feeds the writers plain data."""
