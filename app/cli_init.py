"""`insatslogg init`: a new database set up without the window -- the same set-up the
first start's dialog and Arkiv → Ny databas… make (app/store/new_database.py)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli_parser import add_db_option


def datum(text: str) -> date:
    """A date option's value, YYYY-MM-DD (the error is argparse's, in Swedish)."""
    from app.core.errors import ValidationError
    from app.core.setup_values import parse_date

    try:
        return parse_date(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `init` command to the main parser's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "init",
        help="skapa en ny databas med förbund, insats, kommuner och organisationer",
        description="Skapar en ny databas och lägger upp förbundet, insatsen och listorna "
        "med kommuner och organisationer, precis som dialogen vid första starten. En "
        "befintlig fil skrivs aldrig över. Aktivitetstyperna blir programmets vanliga; "
        "allt kan ändras senare under Inställningar.",
    )
    parser.add_argument("--forbund", required=True, metavar="NAMN", help="förbundets namn")
    parser.add_argument("--insats", required=True, metavar="NAMN", help="insatsens namn")
    parser.add_argument(
        "--start", required=True, type=datum, metavar="DATUM", help="insatsens start, ÅÅÅÅ-MM-DD"
    )
    parser.add_argument(
        "--end", required=True, type=datum, metavar="DATUM", help="insatsens slut, ÅÅÅÅ-MM-DD"
    )
    parser.add_argument(
        "--kommuner", default="", metavar='"A,B,…"', help="kommunerna, åtskilda med komma"
    )
    parser.add_argument(
        "--organisationer",
        default="",
        metavar='"NAMN=KATEGORI,…"',
        help="organisationerna med kategori: arbetsformedlingen, forsakringskassan, kommun, "
        "region, asf eller annan",
    )
    add_db_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Create and set up the database; DomainError (in Swedish) when it cannot be."""
    from app.core.errors import ValidationError
    from app.core.setup_values import parse_organisations, setup_from_values, split_list
    from app.store.database import resolve_path
    from app.store.new_database import create_database, refuse_existing

    path = resolve_path(getattr(args, "db", None))
    refuse_existing(path)  # first: a refusal, whatever else is wrong
    problems: list[str] = []
    try:
        organisations = parse_organisations(args.organisationer)
    except ValidationError as exc:
        problems, organisations = exc.problems, []
    try:
        setup = setup_from_values(
            args.forbund,
            args.insats,
            args.start,
            args.end,
            split_list(args.kommuner),
            organisations,
        )
    except ValidationError as exc:
        raise ValidationError(problems + exc.problems) from None
    if problems:  # every problem at once, and no file
        raise ValidationError(problems)
    insats = create_database(path, setup)
    print(
        f"Databasen {path} är skapad: {setup.forbund_name}, {insats.name} "
        f"({insats.start:%Y-%m-%d}–{insats.end:%Y-%m-%d}), {len(setup.kommuner)} kommuner "
        f"och {len(setup.organisations)} organisationer."
    )
    return 0
