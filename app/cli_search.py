"""`insatslogg search TEXT [--type TYP] [--kommun KOMMUN] [--status S] [--antal N]
[--json] [--db FIL]`.

The same search as Redigera → Sök i alla år… in the window: every year of the current
insats, the newest hits first.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from app.cli_parser import add_db_option, failed, heltal
from app.core.activity_search import DEFAULT_CAP, SearchQuery, SearchResult, fold
from app.core.errors import DomainError
from app.core.vocabulary import Scope, Status


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="sök bland alla års aktiviteter",
        description="Söker i alla år efter aktiviteter vars titel, plats, typ, kommun, "
        "anteckningar, höjdpunkt eller beskrivning innehåller varje ord i TEXT (en fras "
        "inom citattecken: '\"goda exempel\"'), stora och små bokstäver lika. De senaste "
        "visas först.",
    )
    parser.add_argument("text", nargs="?", default="", metavar="TEXT", help="det som söks")
    parser.add_argument("--type", default="", metavar="TYP", help="bara aktiviteter av typen")
    parser.add_argument(
        "--kommun",
        default="",
        metavar="KOMMUN",
        help="bara aktiviteter i kommunen (eller Länsövergripande, Nationellt)",
    )
    parser.add_argument(
        "--status", default="", metavar="STATUS", help="planerad, genomförd eller inställd"
    )
    parser.add_argument(
        "--antal",
        type=heltal,
        default=DEFAULT_CAP,
        metavar="N",
        help=f"högst så många träffar listas, de senaste ({DEFAULT_CAP})",
    )
    parser.add_argument("--json", action="store_true", help="skriv ut som JSON")
    add_db_option(parser)
    parser.set_defaults(handler=run)
    return parser


def choose(text: str, names: Sequence[str], what: str) -> str:
    """The one of ``names`` that ``text`` is (case does not matter); DomainError naming
    the choices otherwise."""
    wanted = fold(text)
    for name in names:
        if fold(name) == wanted:
            return name
    raise DomainError(f"{what} ”{text}” finns inte. Välj en av: {', '.join(names)}.")


def _status(text: str) -> Status | None:
    if not text:
        return None
    for status in Status:
        if fold(text) in (fold(status.label), status.value):
            return status
    labels = ", ".join(s.label.lower() for s in Status)
    raise DomainError(f"Statusen ”{text}” finns inte. Välj en av: {labels}.")


def as_json(result: SearchResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "shown": len(result.hits),
        "hits": [
            {
                "id": h.id,
                "date": h.start.isoformat(),
                "year": h.year,
                "title": h.title,
                "type": h.type_name,
                "kommun": h.place_label,
                "status": h.status.label,
                "participants": h.participants,
                "found": h.found,
            }
            for h in result.hits
        ],
    }


def run(args: argparse.Namespace) -> int:
    from app.cli_period import reading_insats

    try:
        if args.antal < 1:
            raise DomainError("--antal ska vara minst 1.")
        with reading_insats(args) as (store, insats):
            assert insats.id is not None and insats.forbund_id is not None
            types = [t.name for t in store.reference.activity_types(include_inactive=True)]
            kommuner = [k.name for k in store.reference.kommuner(insats.forbund_id)]
            places = [*kommuner, Scope.LANSOVERGRIPANDE.label, Scope.NATIONELLT.label]
            query = SearchQuery(
                text=args.text,
                type_name=choose(args.type, types, "Typen") if args.type else "",
                place_label=choose(args.kommun, places, "Kommunen") if args.kommun else "",
                status=_status(args.status),
            )
            if query.is_empty:
                raise DomainError(
                    "Skriv något att söka efter, eller ange --type, --kommun eller --status."
                )
            result = store.search.search(insats.id, query, cap=args.antal)
    except (DomainError, OSError) as exc:
        return failed(exc)
    if args.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
        return 0
    for h in result.hits:
        where = f"  [{h.found}]" if h.found else ""
        print(
            f"{h.start.isoformat()}  {h.title}  ·  {h.type_name}  ·  {h.place_label}  ·  "
            f"{h.status.label}  ·  {h.participants} deltagare  (id {h.id}){where}"
        )
    print(result.summary() + ".")
    return 0
