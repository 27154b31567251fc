"""The period of a command: ``--year ÅR``, or ``--from`` and ``--to``, each a year
(``--from 2016 --to 2020``: whole years) or a date (``--from 2024-01-01 --to
2024-04-30``: exactly those days). Shared by ``summary`` and ``export excel|pdf|docx``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_parser import heltal
from app.core.errors import DomainError
from app.core.limits import check_year
from app.core.report_period import ReportPeriod, year_end, year_start
from app.reports.export_content import ExportRequest

if TYPE_CHECKING:
    from app.core.entities import Insats
    from app.store.database import Store

_YEAR = re.compile(r"-?\d+")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
NO_INSATS = (
    "Databasen har ingen insats ännu. Starta Insatslogg och lägg upp förbund och insats först."
)


@contextmanager
def reading_insats(
    args: argparse.Namespace, output: Path | None = None
) -> Iterator[tuple[Store, Insats]]:
    """The database of ``--db`` opened to read (shared, no backup when closed) and its
    current insats; an ``output`` is first checked not to be the database or a copy of
    it. DomainError when the database has no insats."""
    from app.store.database import file_of, resolve_where
    from app.store.opening import open_database
    from app.store.protected_files import check_export_target

    path = resolve_where(getattr(args, "db", None))
    if output is not None:
        check_export_target(output, file_of(path))
    opened = open_database(path, exclusive=False, must_exist=True)
    try:
        insats = opened.store.reference.current_insats()
        if insats is None or insats.id is None or insats.forbund_id is None:
            raise DomainError(NO_INSATS)
        yield opened.store, insats
    finally:
        opened.close(backup=False)


def add_period_options(parser: argparse.ArgumentParser) -> None:
    """``--year ÅR`` or ``--from ÅR|DATUM --to ÅR|DATUM`` (one of them required)."""
    years = parser.add_mutually_exclusive_group(required=True)
    years.add_argument("--year", type=heltal, metavar="ÅR", help="ett år, t.ex. 2018")
    years.add_argument(
        "--from",
        dest="year_from",
        metavar="ÅR|DATUM",
        help="periodens första år eller dag, t.ex. 2016 eller 2024-01-01",
    )
    parser.add_argument(
        "--to",
        dest="year_to",
        metavar="ÅR|DATUM",
        help="periodens sista år eller dag, t.ex. 2020 eller 2024-04-30",
    )


def year_or_date(text: str, option: str) -> int | date:
    """A year (checked against the years Insatslogg takes) or a date, from ``text``;
    DomainError in Swedish for anything else."""
    text = text.strip()
    if _YEAR.fullmatch(text):
        return check_year(int(text))
    if _DATE.fullmatch(text):
        try:
            day = date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
        except ValueError:
            raise DomainError(
                f"Datumet {text} finns inte ({option}). Skriv datum som ÅÅÅÅ-MM-DD, "
                "t.ex. 2024-01-31."
            ) from None
        check_year(day.year)
        return day
    raise DomainError(
        f"{option} ska vara ett år (t.ex. 2024) eller ett datum (ÅÅÅÅ-MM-DD, t.ex. "
        f"2024-01-01), inte ”{text}”."
    )


def period_bounds(args: argparse.Namespace) -> tuple[int | date, int | date]:
    """The first and the last year or day asked for; DomainError when they are missing,
    both kinds are given, or a value is not a year or a date."""
    if args.year is not None:
        if args.year_to is not None:
            raise DomainError(
                "Ange antingen --year ÅR eller --from ÅR --to ÅR (eller två datum), inte båda."
            )
        return check_year(args.year), args.year
    if args.year_to is None:
        raise DomainError(
            "En period behöver både --from ÅR och --to ÅR (eller två datum, ÅÅÅÅ-MM-DD)."
        )
    return year_or_date(args.year_from, "--from"), year_or_date(args.year_to, "--to")


def request_for(
    insats_id: int, first: int | date, last: int | date, include_names: bool = False
) -> ExportRequest:
    """Whole years as today's requests (first_year, last_year); with a date, exactly
    the days (a year given with a date is its first or its last day)."""
    if isinstance(first, int) and isinstance(last, int):
        return ExportRequest(insats_id, first, last, include_names)
    start = year_start(first) if isinstance(first, int) else first
    end = year_end(last) if isinstance(last, int) else last
    return ExportRequest.for_period(insats_id, ReportPeriod.own(start, end), include_names)


def period_request(args: argparse.Namespace, store: Store) -> ExportRequest:
    """The request of ``args`` (see add_period_options) for the database's current insats;
    ``args.names`` (when present) includes the named participants."""
    first, last = period_bounds(args)
    insats = store.reference.current_insats()
    if insats is None or insats.id is None:
        raise DomainError(NO_INSATS)
    return request_for(insats.id, first, last, bool(getattr(args, "names", False)))
