"""The limits on what Insatslogg takes in, said once: text lengths, rows per import, years.

The lengths are the database schema's own (``String(n)`` in app/store/models.py and
record_models.py; free texts stored as ``Text`` get LONG_TEXT). Validation in core, the
importers and the dialogs' fields all read them from here, so a value is refused, with
the same Swedish message, wherever it comes from.

Text is also cleaned of the characters XML 1.0 forbids (control characters other than
tab and line breaks, lone surrogates, U+FFFE and U+FFFF): an Excel sheet is XML, and one
such character makes a workbook that does not open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from app.core.errors import DomainError
from app.core.wording import thousands

# --- text lengths (characters) -------------------------------------------------------------

ACTIVITY_TITLE = 500  # activity.title String(500)
ACTIVITY_PLACE = 300  # activity.place String(300)
ACTIVITY_LINK = 500  # activity.link String(500): the digital link of an invitation
INSATS_NAME = 300  # insats.name String(300)
FORBUND_NAME = 200  # forbund.name
KOMMUN_NAME = 100  # kommun.name, kommun.delregion
ORGANISATION_NAME = 200  # organisation.name
ACTIVITY_TYPE_NAME = 100  # activity_type.name
GROUP_NAME = 200  # samverkansgrupp.name
PERSON_NAME = 200  # person.name, samverkansgrupp_member.name
EMAIL = 200  # person.email
HUVUDMAN = 200  # placement.huvudman
# Free texts the schema stores as Text (notes, goals, reasons, report texts …): some six
# pages; more is no note but a pasted document (or a broken file).
LONG_TEXT = 20_000
# Excel's own limit for the text of a cell. A cell read longer than this is cut to one
# character more (so that every field's limit still refuses it) before anything else
# copies it.
CELL_TEXT = 32_767

# --- imports --------------------------------------------------------------------------------

# Rows of a spreadsheet read in one import (the rows with something in them, the header
# included). A year of activities is a few hundred rows; a sheet longer than this is split.
MAX_IMPORT_ROWS = 100_000

# --- years ----------------------------------------------------------------------------------

# The years a date may have. Samordningsförbund exist since 2004 and an insats is planned
# a few years ahead; anything outside this range is a typing error or a broken file (and
# year 9999 has no next year to count to).
FIRST_YEAR = 1990
LAST_YEAR = 2100

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the characters XML forbids (Excel cannot hold them)."""
    return _FORBIDDEN.sub("", text) if _FORBIDDEN.search(text) else text


def has_forbidden(text: str) -> bool:
    return _FORBIDDEN.search(text) is not None


def too_long(text: str, limit: int, what: str) -> str | None:
    """The Swedish problem when ``text`` is longer than ``limit``, naming the field
    (``what``: 'Titeln', 'Platsen', 'Anteckningarna' …), or None."""
    n = len(text)
    if n <= limit:
        return None
    shown = f"över {thousands(CELL_TEXT)}" if n > CELL_TEXT else thousands(n)
    return f"{what} har {shown} tecken, men högst {thousands(limit)} får plats"


def text_problems(texts: Iterable[tuple[str, int, str]]) -> list[str]:
    """The length problems of (text, limit, what) — 'Titeln har 612 tecken, men högst
    500 får plats.' — for each text longer than its limit (app/core/limits.py)."""
    return [f"{p}." for text, limit, what in texts if (p := too_long(text, limit, what))]


def date_problems(days: Iterable[tuple[date | None, str]]) -> list[str]:
    """'Datumet 9999-12-31 ligger utanför de år Insatslogg tar emot (1990–2100).' for each
    (day, what) whose year is outside the range."""
    return [f"{p}." for day, what in days if day and (p := date_problem(day, what))]


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def year_range_text() -> str:
    return f"{FIRST_YEAR}–{LAST_YEAR}"


def date_problem(day: date, what: str = "Datumet") -> str | None:
    """The Swedish problem when ``day`` lies outside the years Insatslogg takes, or None."""
    if year_in_range(day.year):
        return None
    return (
        f"{what} {day.isoformat()} ligger utanför de år Insatslogg tar emot ({year_range_text()})"
    )


def check_year(year: int) -> int:
    """``year``, or DomainError when no date can have it (the command line's --year)."""
    if not year_in_range(year):
        raise DomainError(
            f"Året {year} ligger utanför de år Insatslogg räknar med ({year_range_text()})."
        )
    return year
