"""Opening a database on a PostgreSQL server the way the program and its commands do.

A server has no file to check, lock or back up at close: the connection is tried
first, and what went wrong is told in Swedish (the server does not answer, the
password or the access is wrong, the database does not exist); then the migrations run
(the server's own backups stand behind them, see the README).
"""

from __future__ import annotations

import logging

from app.core.errors import DomainError
from app.store.database import Store
from app.store.server_location import ServerLocation

log = logging.getLogger(__name__)

NO_KEYRING = (
    "Datorn har ingen nyckelring där lösenordet kan sparas. Lägg det i stället i din "
    "pgpass-fil (~/.pgpass, på Windows %APPDATA%\\postgresql\\pgpass.conf) med raden "
    "server:5432:databas:användare:lösenord, läsbar bara för dig."
)

_NO_ACCESS = (
    "password authentication failed",
    "no password supplied",
    "permission denied",
    "connect privilege",
    "pg_hba.conf",
    "role",
)


def connection_problem(location: ServerLocation, detail: str) -> str:
    """What the user is told when ``location`` cannot be reached (libpq's ``detail``)."""
    text = detail.lower()
    if "does not exist" in text and "database" in text:
        return (
            f"Databasen ”{location.database}” finns inte på servern ({location.label}). "
            "Kontrollera namnet, eller be IT att skapa den (se README)."
        )
    if any(words in text for words in _NO_ACCESS):
        return (
            f"Servern {location.label} godtog inte inloggningen: fel lösenord eller ingen "
            "behörighet till databasen. Kontrollera lösenordet (Inställningar → "
            "Databasserver, eller din pgpass-fil) och be IT om behörighet."
        )
    return (
        f"Databasservern för {location.label} svarar inte. Kontrollera adressen, att "
        "datorn är ansluten till nätverket (VPN) och att servern är igång."
    )


def check_reachable(location: ServerLocation, password: str | None = None) -> None:
    """Connect once (with ``password`` when given, else the keyring's or pgpass's);
    DomainError (Swedish) naming what is wrong when that fails."""
    import psycopg

    from app.store.server_database import connect_args

    args = connect_args(location)
    if password is not None:
        args["password"] = password
    try:
        psycopg.connect(location.url, **args).close()
    except psycopg.Error as exc:
        log.info("Servern %s kunde inte nås: %s", location.label, type(exc).__name__)
        raise DomainError(connection_problem(location, str(exc))) from exc


def open_server_store(location: ServerLocation) -> Store:
    """The store on the server, reached and migrated; DomainError when it cannot be."""
    check_reachable(location)
    store = Store.open_server(location)
    log.info("Databasen %s öppnad", location.label)
    return store
