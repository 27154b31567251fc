"""Swedish display of dates and numbers, through QLocale."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
DATE_FORMAT = "yyyy-MM-dd"


def fmt_int(n: int) -> str:
    """1275 → '1 275' (Swedish digit grouping)."""
    return SWEDISH.toString(n)


def fmt_change(n: int) -> str:
    """A change from the previous year: '+3', '−2', '0'."""
    if n > 0:
        return "+" + fmt_int(n)
    if n < 0:
        return "−" + fmt_int(-n)
    return "0"


def fmt_date(d: date) -> str:
    return d.isoformat()


def fmt_span(start: date, end: date | None) -> str:
    """'2018-03-15' or '2018-03-15 – 2018-06-20'."""
    if end is None or end == start:
        return fmt_date(start)
    return f"{fmt_date(start)} – {fmt_date(end)}"


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
