"""Databases on the tests' own PostgreSQL server: one throwaway cluster for the whole
run (tests.scratch_server), and a new database per test cloned from a template that is
migrated (and set up) once."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from app.core.setup import InitialSetup
from app.store.database import Store
from app.store.new_database import set_up
from app.store.server_location import ServerLocation
from tests.scratch_server import ScratchServer

_numbers = itertools.count(1)


class ServerDatabases:
    def __init__(self, server: ScratchServer) -> None:
        self.server = server
        self._templates: dict[str, str] = {}

    def _admin(self, sql: str) -> None:
        with psycopg.connect(self.server.url(), autocommit=True) as con:
            con.execute(sql)

    def location(self, name: str) -> ServerLocation:
        return ServerLocation.parse(self.server.url(name))

    def new(self, template: str | None = None) -> ServerLocation:
        """An empty database (no schema), or a clone of ``template``."""
        name = f"test_{next(_numbers)}"
        clone = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self._admin(f"CREATE DATABASE {name}{clone}")
        return self.location(name)

    def drop(self, location: ServerLocation) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{location.database}" WITH (FORCE)')

    def template(self, key: str, setup: InitialSetup | None) -> str:
        """A migrated database (set up with ``setup`` when given), made once."""
        if key not in self._templates:
            location = self.new()
            store = Store.open_server(location)
            try:
                if setup is not None:
                    set_up(store, setup)
            finally:
                store.close()
            self._templates[key] = location.database
        return self._templates[key]

    @contextmanager
    def store(self, key: str, setup: InitialSetup | None) -> Iterator[Store]:
        location = self.new(self.template(key, setup))
        store = Store.open_server(location)
        try:
            yield store
        finally:
            store.close()
            self.drop(location)
