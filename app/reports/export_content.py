"""What an export asks for (a year or a period of an insats) and what it did, in the
user's words. app.operations.exports gathers the content and writes the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.wording import count_noun


def suggested_filename(first_year: int, last_year: int) -> str:
    """'Insatslogg 2018.xlsx', 'Insatslogg 2016–2020.xlsx'."""
    span = str(first_year) if first_year == last_year else f"{first_year}–{last_year}"
    return f"Insatslogg {span}.xlsx"


@dataclass(frozen=True)
class ExportRequest:
    """A year (first_year == last_year) or a period of an insats."""

    insats_id: int
    first_year: int
    last_year: int
    include_names: bool = False

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def span(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    @property
    def suggested_filename(self) -> str:
        return suggested_filename(self.first_year, self.last_year)


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
