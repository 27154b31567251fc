"""`insatslogg connect postgresql://…`: ask for the server password once and keep it in
the computer's keyring, then check that the database can be reached with it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli_parser import failed
from app.core.errors import DomainError
from app.store.server_opening import NO_KEYRING


def register(subparsers: Any) -> None:
    connect = subparsers.add_parser(
        "connect",
        help="spara lösenordet till en databasserver i datorns nyckelring",
        description="Frågar efter lösenordet till databasen på servern, sparar det i "
        "datorns nyckelring (aldrig i klartext) och provar att ansluta. Därefter räcker "
        "--db postgresql://användare@server/databas.",
    )
    connect.add_argument("url", metavar="ADRESS", help="t.ex. postgresql://anna@server/insatslogg")


def keep(url: str, password: str) -> str:
    """Keep ``password`` for ``url`` in the keyring and try it; the line to print.
    DomainError (Swedish) when there is no keyring or the server refuses."""
    from app.store.server_location import ServerLocation
    from app.store.server_opening import check_reachable

    try:
        location = ServerLocation.parse(url)
    except ValueError as exc:
        raise DomainError(str(exc)) from exc
    try:
        from keyring.errors import KeyringError

        location.keep_password(password)
    except ImportError as exc:
        raise DomainError(NO_KEYRING) from exc
    except (KeyringError, RuntimeError) as exc:
        raise DomainError(NO_KEYRING) from exc
    check_reachable(location)
    return f"Lösenordet till {location.label} är sparat i nyckelringen, och anslutningen fungerar."


def run(args: argparse.Namespace, ask: Callable[[str], str] | None = None) -> int:
    if ask is None:
        from getpass import getpass

        ask = getpass
    try:
        password = ask("Lösenord: ")
        if not password:
            raise DomainError("Inget lösenord angavs; ingenting har sparats.")
        print(keep(args.url, password))
    except DomainError as exc:
        return failed(exc)
    return 0
