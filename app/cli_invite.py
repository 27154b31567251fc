"""`insatslogg export ics (--year ÅR | --from ÅR|DATUM --to ÅR|DATUM) [--all] -o FIL.ics`
and `insatslogg export maillist [--källa medlemmar|personer] [--kommun NAMN]
[--målgrupp KATEGORI] -o FIL.csv`: the calendar file and the address list that Arkiv
offers in the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option, failed
from app.cli_period import add_period_options, period_bounds
from app.core.errors import DomainError
from app.core.mail_list import MailChoice, MailSource
from app.core.report_period import year_end, year_start
from app.core.vocabulary import OrgCategory

SOURCES = {"medlemmar": MailSource.MEMBERS, "personer": MailSource.PERSONS}
TARGET_GROUPS = {c.value: c for c in OrgCategory}


def register(formats: Any) -> None:
    """Add ``ics`` and ``maillist`` to ``export``'s formats."""
    ics = formats.add_parser(
        "ics",
        help="planerade aktiviteter som kalenderfil (.ics) för Outlook och Google",
        description="Skriver aktiviteterna i ett år, en period eller mellan två datum som "
        "en kalenderfil (.ics): planerade och inställda, eller alla med --all.",
    )
    add_period_options(ics)
    ics.add_argument(
        "--all", dest="include_all", action="store_true", help="ta med alla aktiviteter"
    )
    ics.add_argument("-o", "--output", required=True, metavar="FIL.ics", help="filen som skrivs")
    add_db_option(ics)
    ics.set_defaults(handler=run)
    mail = formats.add_parser(
        "maillist",
        help="adresslista för utskick (CSV) från samverkansgrupper eller personer",
        description="Skriver en adresslista (CSV med semikolon, UTF-8) för koppla dokument "
        "i Word eller Outlook. Listan innehåller namn: hantera filen som personuppgifter.",
    )
    mail.add_argument(
        "--källa",
        "--kalla",
        dest="source",
        choices=tuple(SOURCES),
        default="medlemmar",
        help="samverkansgruppernas medlemmar (standard) eller registrerade personer",
    )
    mail.add_argument("--kommun", metavar="NAMN", help="bara en kommun")
    mail.add_argument(
        "--målgrupp",
        "--malgrupp",
        dest="target",
        choices=tuple(TARGET_GROUPS),
        help="bara en organisationskategori",
    )
    mail.add_argument("-o", "--output", required=True, metavar="FIL.csv", help="filen som skrivs")
    add_db_option(mail)
    mail.set_defaults(handler=run)


def _days(args: argparse.Namespace) -> tuple[date, date]:
    first, last = period_bounds(args)
    return (
        year_start(first) if isinstance(first, int) else first,
        year_end(last) if isinstance(last, int) else last,
    )


def _output(args: argparse.Namespace, suffix: str) -> Path:
    path = Path(args.output).expanduser()
    if path.suffix.lower() != suffix:
        raise DomainError(f"Filen ska sluta på {suffix}: {path}")
    return path


def run(args: argparse.Namespace) -> int:
    """Write the file and print one Swedish line; 1 with a message when it fails."""
    from app.cli_period import reading_insats
    from app.operations import invitations

    ics = args.export_format == "ics"
    try:
        first, last = _days(args) if ics else (date.min, date.min)
        output = _output(args, ".ics" if ics else ".csv")
        with reading_insats(args, output) as (store, insats):
            assert insats.id is not None
            if ics:
                result: Any = invitations.export_ics(
                    store, insats.id, first, last, output, args.include_all
                )
            else:
                result = invitations.export_mail_list(
                    store, insats.id, _choice(store, insats.forbund_id, args), output
                )
    except (DomainError, OSError) as exc:
        return failed(exc)
    print(result.message())
    return 0


def _choice(store: Any, forbund_id: int | None, args: argparse.Namespace) -> MailChoice:
    kommun = None
    if args.kommun:
        assert forbund_id is not None
        names = [k.name for k in store.reference.kommuner(forbund_id)]
        kommun = next((n for n in names if n.casefold() == args.kommun.strip().casefold()), None)
        if kommun is None:
            raise DomainError(
                f"Kommunen ”{args.kommun}” finns inte i förbundet (finns: {', '.join(names)})."
            )
    target = TARGET_GROUPS[args.target] if args.target else None
    return MailChoice(SOURCES[args.source], kommun, target)
