"""What an export asks for (a year, a period of years or any two dates of an insats)
and what it did, in the user's words. app.operations.exports gathers the content and
writes the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.core.report_period import PeriodKind, ReportPeriod
from app.core.wording import count_noun


def suggested_filename(first_year: int, last_year: int) -> str:
    """'Insatslogg 2018.xlsx', 'Insatslogg 2016–2020.xlsx'."""
    span = str(first_year) if first_year == last_year else f"{first_year}–{last_year}"
    return f"Insatslogg {span}.xlsx"


@dataclass(frozen=True)
class ExportRequest:
    """A year (first_year == last_year), a period of whole years, or — with
    ``first_day`` and ``last_day`` — exactly those dates (a tertial, a quarter, the
    insats's own period …; first_year and last_year are then their years)."""

    insats_id: int
    first_year: int
    last_year: int
    include_names: bool = False
    first_day: date | None = None
    last_day: date | None = None
    kind: PeriodKind | None = None  # how the period was chosen, when known

    @classmethod
    def for_period(
        cls, insats_id: int, period: ReportPeriod, include_names: bool = False
    ) -> ExportRequest:
        return cls(
            insats_id,
            period.first.year,
            period.last.year,
            include_names,
            first_day=period.first,
            last_day=period.last,
            kind=period.kind,
        )

    @property
    def period(self) -> ReportPeriod:
        """The exact dates asked for: the days given, else the whole years."""
        first = self.first_day or date(self.first_year, 1, 1)
        last = self.last_day or date(self.last_year, 12, 31)
        whole = self.first_day is None and self.last_day is None
        one_year = whole and self.first_year == self.last_year
        kind = self.kind or (PeriodKind.YEAR if one_year else PeriodKind.OWN)
        return ReportPeriod(first, last, kind)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def span(self) -> str:
        """'2018', '2016–2020', 'januari–april 2024', '1 mars – 15 maj 2024'."""
        if self.first_day is None and self.last_day is None:
            if self.first_year == self.last_year:
                return str(self.first_year)
            return f"{self.first_year}–{self.last_year}"
        return self.period.label

    @property
    def suggested_filename(self) -> str:
        if self.first_day is None and self.last_day is None:
            return suggested_filename(self.first_year, self.last_year)
        return self.period.suggested_filename(".xlsx")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    activities: int
    participants: int  # named participant rows (0 unless names were included)
    span: str

    def message(self) -> str:
        """One Swedish line for the user."""
        text = f"Exporterade {_count(self.activities, 'aktivitet', 'aktiviteter')} ({self.span})"
        if self.participants:
            text += (
                f" och {_count(self.participants, 'namngiven deltagare', 'namngivna deltagare')}"
            )
        return f"{text} till {self.path}."


_count = count_noun
