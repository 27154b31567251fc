"""The dates a report or an export covers: the whole insats, a year, a tertial, a
half-year, a quarter or any two dates (before a board meeting).

A period is cut per calendar year into pieces (``ReportPeriod.pieces``); each piece is
summarised for exactly its dates. What is kept per calendar year (registered reach,
placements, county statistics, the year plan) belongs to a piece only when the piece
covers its year — the whole calendar year, or all of the year that lies within the
insats (the insats's first year from its start, its last year to its end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.core import limits
from app.core.errors import DomainError
from app.core.left_out import left_out_note
from app.core.period import MONTHS

SHORT_MONTHS: tuple[str, ...] = tuple(m[:3] for m in MONTHS)


class PeriodKind(StrEnum):
    INSATS = "insats"
    YEAR = "ar"
    TERTIAL = "tertial"
    HALF_YEAR = "halvar"
    QUARTER = "kvartal"
    OWN = "egna"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    PeriodKind.INSATS: "Hela insatsen",
    PeriodKind.YEAR: "Ett år",
    PeriodKind.TERTIAL: "Tertial",
    PeriodKind.HALF_YEAR: "Halvår",
    PeriodKind.QUARTER: "Kvartal",
    PeriodKind.OWN: "Egna datum",
}
# Months per part, and how many parts a year has.
_PART_MONTHS = {PeriodKind.TERTIAL: 4, PeriodKind.HALF_YEAR: 6, PeriodKind.QUARTER: 3}
_PART_NAMES = {
    PeriodKind.TERTIAL: "Tertial",
    PeriodKind.HALF_YEAR: "Halvår",
    PeriodKind.QUARTER: "Kvartal",
}


def year_start(year: int) -> date:
    return date(year, 1, 1)


def year_end(year: int) -> date:
    return date(year, 12, 31)


def month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _starts_month(day: date) -> bool:
    return day.day == 1


def _ends_month(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def one_year_earlier(day: date) -> date:
    """The same date a year before; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def swedish_day(day: date, *, year: bool = True) -> str:
    """'1 mars 2024' (or '1 mars')."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def span_label(first: date, last: date) -> str:
    """The dates as a report names them.

    '2018' (a whole year), '2016–2020' (whole years), 'mars 2024' (a month),
    'januari–april 2024', 'augusti 2016 – december 2020' (whole months),
    '15 maj 2024', '1–15 maj 2024', '1 mars – 15 maj 2024',
    '15 december 2023 – 15 januari 2024' (own dates).
    """
    if (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if _starts_month(first) and _ends_month(last):
        a, b = MONTHS[first.month - 1], MONTHS[last.month - 1]
        if first.year != last.year:
            return f"{a} {first.year} – {b} {last.year}"
        return f"{a} {first.year}" if first.month == last.month else f"{a}–{b} {first.year}"
    if first == last:
        return swedish_day(first)
    if first.year != last.year:
        return f"{swedish_day(first)} – {swedish_day(last)}"
    if first.month == last.month:
        return f"{first.day}–{swedish_day(last)}"
    return f"{swedish_day(first, year=False)} – {swedish_day(last)}"


def short_label(first: date, last: date) -> str:
    """A column's name for dates within one year: '2016' for the whole year, else
    '2016 (aug–dec)', '2016 (aug)', '2024 (1 mar–15 maj)', '2024 (1–15 maj)'."""
    if (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31):
        return str(first.year)
    a, b = SHORT_MONTHS[first.month - 1], SHORT_MONTHS[last.month - 1]
    if _starts_month(first) and _ends_month(last):
        inner = a if first.month == last.month else f"{a}–{b}"
    elif first == last:
        inner = f"{first.day} {a}"
    elif first.month == last.month:
        inner = f"{first.day}–{last.day} {a}"
    else:
        inner = f"{first.day} {a}–{last.day} {b}"
    return f"{first.year} ({inner})"


@dataclass(frozen=True)
class PeriodPiece:
    """The part of a period in one calendar year."""

    first: date
    last: date
    # Covers its year: the whole calendar year, or all of it that lies within the insats.
    covers_year: bool

    @property
    def year(self) -> int:
        return self.first.year

    @property
    def whole_year(self) -> bool:
        """The whole calendar year (1 January – 31 December)."""
        return self.first == year_start(self.year) and self.last == year_end(self.year)

    @property
    def column(self) -> str:
        """'2018', or '2016 (aug–dec)' for part of a year."""
        return short_label(self.first, self.last)

    @property
    def label(self) -> str:
        return span_label(self.first, self.last)

    def year_before(self) -> PeriodPiece:
        """The same dates one year earlier (what a part of a year is compared with)."""
        return PeriodPiece(
            one_year_earlier(self.first), one_year_earlier(self.last), self.covers_year
        )

    @property
    def left_out(self) -> str:
        """What the piece's summary leaves out, in Swedish ('' when nothing)."""
        return "" if self.covers_year else left_out_note([self.year])


@dataclass(frozen=True)
class ReportPeriod:
    """From ``first`` to ``last``, both included."""

    first: date
    last: date
    kind: PeriodKind = PeriodKind.OWN

    # --- the usual periods ----------------------------------------------------------------
    @classmethod
    def whole_insats(cls, start: date, end: date) -> ReportPeriod:
        """The insats's own period (its start and end dates)."""
        return cls(start, end, PeriodKind.INSATS).checked()

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        limits.check_year(year)
        return cls(year_start(year), year_end(year), PeriodKind.YEAR)

    @classmethod
    def years(cls, first_year: int, last_year: int) -> ReportPeriod:
        """Whole years, ``first_year`` to ``last_year``."""
        limits.check_year(first_year)
        limits.check_year(last_year)
        kind = PeriodKind.YEAR if first_year == last_year else PeriodKind.OWN
        return cls(year_start(first_year), year_end(last_year), kind).checked()

    @classmethod
    def part(cls, kind: PeriodKind, year: int, number: int) -> ReportPeriod:
        """Tertial 1–3 (jan–apr, maj–aug, sep–dec), halvår 1–2 or kvartal 1–4 of ``year``."""
        months = _PART_MONTHS.get(kind)
        if months is None:
            raise ValueError(f"{kind} is not a part of a year")
        parts = 12 // months
        if not 1 <= number <= parts:
            raise DomainError(f"{_PART_NAMES[kind]} {number} finns inte; välj 1–{parts}.")
        limits.check_year(year)
        first_month = (number - 1) * months + 1
        last_month = first_month + months - 1
        return cls(date(year, first_month, 1), month_end(year, last_month), kind)

    @classmethod
    def tertial(cls, year: int, number: int) -> ReportPeriod:
        return cls.part(PeriodKind.TERTIAL, year, number)

    @classmethod
    def half_year(cls, year: int, number: int) -> ReportPeriod:
        return cls.part(PeriodKind.HALF_YEAR, year, number)

    @classmethod
    def quarter(cls, year: int, number: int) -> ReportPeriod:
        return cls.part(PeriodKind.QUARTER, year, number)

    @classmethod
    def own(cls, first: date, last: date) -> ReportPeriod:
        return cls(first, last, PeriodKind.OWN).checked()

    # --- checks ---------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is wrong with the dates, in Swedish (empty when nothing)."""
        found = limits.date_problems([(self.first, "Första dagen"), (self.last, "Sista dagen")])
        if self.last < self.first:
            found.append(
                f"Perioden är baklänges: sista dagen {self.last.isoformat()} kommer före "
                f"den första, {self.first.isoformat()}."
            )
        return found

    def checked(self) -> ReportPeriod:
        """The period, or DomainError with every problem."""
        problems = self.problems()
        if problems:
            raise DomainError(" ".join(problems))
        return self

    # --- what it covers -------------------------------------------------------------------
    @property
    def first_year(self) -> int:
        return self.first.year

    @property
    def last_year(self) -> int:
        return self.last.year

    @property
    def year_list(self) -> tuple[int, ...]:
        return tuple(range(self.first.year, self.last.year + 1))

    @property
    def whole_years(self) -> bool:
        """1 January of the first year to 31 December of the last."""
        return self.first == year_start(self.first.year) and self.last == year_end(self.last.year)

    def pieces(
        self, insats_start: date | None = None, insats_end: date | None = None
    ) -> tuple[PeriodPiece, ...]:
        """The period cut per calendar year, in date order. With the insats's dates, a
        piece that holds all of its year within the insats covers its year."""
        found = []
        for year in self.year_list:
            first = max(self.first, year_start(year))
            last = min(self.last, year_end(year))
            inside_first = max(year_start(year), insats_start or year_start(year))
            inside_last = min(year_end(year), insats_end or year_end(year))
            whole = first == year_start(year) and last == year_end(year)
            inside = inside_first <= inside_last and first <= inside_first and last >= inside_last
            found.append(PeriodPiece(first, last, whole or inside))
        return tuple(found)

    @property
    def label(self) -> str:
        """'2018', '2016–2020', 'januari–april 2024', 'augusti 2016 – december 2020',
        '1 mars – 15 maj 2024'."""
        return span_label(self.first, self.last)

    def is_insats_period(self, start: date, end: date) -> bool:
        return (self.first, self.last) == (start, end)

    def file_stem(self) -> str:
        """'Insatslogg 2018', 'Insatslogg januari–april 2024', and for own dates that
        are not whole months 'Insatslogg 2024-03-01–2024-05-15'."""
        if self.whole_years or (_starts_month(self.first) and _ends_month(self.last)):
            return f"Insatslogg {self.label}"
        return f"Insatslogg {self.first.isoformat()}–{self.last.isoformat()}"

    def suggested_filename(self, suffix: str = ".xlsx") -> str:
        return f"{self.file_stem()}{suffix}"


def report_title(period: ReportPeriod, insats_start: date, insats_end: date) -> str:
    """'Årsrapport 2018' for one whole year; 'Slutrapport augusti 2016 – december 2020'
    for the insats's own period; else 'Rapport januari–april 2024'."""
    if period.whole_years and period.first_year == period.last_year:
        return f"Årsrapport {period.label}"
    if period.is_insats_period(insats_start, insats_end):
        return f"Slutrapport {period.label}"
    return f"Rapport {period.label}"


def months_covered(period: ReportPeriod) -> tuple[int, ...]:
    """The months (1–12) that some day of the period falls in, in calendar order."""
    if period.last_year > period.first_year:
        first_months = set(range(period.first.month, 13)) | set(range(1, period.last.month + 1))
        return (
            tuple(range(1, 13))
            if period.last_year - period.first_year > 1
            else tuple(sorted(first_months))
        )
    return tuple(range(period.first.month, period.last.month + 1))
