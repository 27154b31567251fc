"""`insatslogg copy --from KÄLLA --to MÅL`: the whole database between a file and a
server (or back), verified table by table."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import DomainError

if TYPE_CHECKING:
    from app.store.database import Store
    from app.store.server_location import ServerLocation


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "copy",
        help="kopiera hela databasen mellan en fil och en server (eller tillbaka)",
        description="Kopierar hela databasen, ändringsloggen med, från KÄLLA till MÅL. "
        "Var och en är en databasfil eller en serveradress (postgresql://användare@server/"
        "databas). Målet måste vara nytt eller tomt: en fil som inte finns, eller en "
        "databas på servern utan data. Allt kopieras i en enda transaktion och kontrolleras "
        "innan det sparas: antalet rader och en kontrollsumma per tabell ska stämma på båda "
        "sidor. Misslyckas något lämnas målet som det var.",
    )
    parser.add_argument(
        "--from", dest="source", metavar="KÄLLA", required=True, help="databasen som kopieras"
    )
    parser.add_argument(
        "--to", dest="target", metavar="MÅL", required=True, help="den nya eller tomma databasen"
    )


def _where(text: str) -> Path | ServerLocation:
    from app.store.server_location import ServerLocation, is_server_url

    if is_server_url(text):
        try:
            return ServerLocation.parse(text)
        except ValueError as exc:
            raise DomainError(str(exc)) from exc
    return Path(text).expanduser()


def _open_source(where: Path | ServerLocation) -> Store:
    from app.store.database import Store

    if isinstance(where, Path):
        if not where.is_file():
            raise DomainError(f"Databasfilen {where} finns inte. Ingenting har kopierats.")
        return Store.open(where)
    return Store.open_server(where)


def run(args: argparse.Namespace) -> int:
    from app.store.server_copy import copy_database

    source_at, target = _where(args.source), _where(args.target)
    source = _open_source(source_at)
    try:
        report = copy_database(source, target)
    finally:
        source.close()
    print("\n".join(report.lines()))
    return 0
