"""The two databases the invariant tests run over: the Gävleborg demo and a generated
one (tests/rich_data.py, its seed printed), each built once per test module."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.demo.gavleborg import build_demo
from app.store.database import Store
from tests.rich_data import build_rich_database

SOURCES = ("demo", "generated")


@contextmanager
def source_store(kind: str, tmp_path_factory: pytest.TempPathFactory, seed: int) -> Iterator[Store]:
    """An open store on a new demo (``kind`` "demo") or generated database."""
    path = tmp_path_factory.mktemp(kind) / "db.sqlite3"
    if kind == "demo":
        build_demo(path)
    else:
        build_rich_database(path, seed)
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()
