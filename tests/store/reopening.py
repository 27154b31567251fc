"""Opening the database a test's store is on again, on either backend: the file at its
path, or the same database on the server."""

from __future__ import annotations

from app.store.database import Store


def reopen(store: Store) -> Store:
    """A new Store on the database ``store`` is on (``store`` may be closed)."""
    if store.server is not None:
        return Store.open_server(store.server)
    return Store.open(store.path)
