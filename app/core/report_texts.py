"""The user's own texts for a report (bakgrund, analys, slutsatser) and figures as other
documents state them, e.g. a hand-typed total in a final report, kept so the checks can
compare them with the record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time

from app.core import limits
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.summary import YearSummary

# The sections the user writes, in the board report's order, with their headings. A
# text for one year (first_year == last_year) is that year's: "struktur" for 2018 is the
# account of 2018's structural work; a text for the insats's years is the insats's own.
SECTIONS: dict[str, str] = {
    "malgrupp": "Målgrupp",
    "beskrivning": "Beskrivning av verksamheten",
    "huvudaktiviteter": "Huvudsakliga aktiviteter och insatser",
    "bakgrund": "Bakgrund",
    "individ": "Individinriktade insatser",
    "individ_erfarenheter": "Erfarenheter av de individinriktade insatserna",
    "struktur": "Strukturinriktade insatser",
    "struktur_sammanfattning": "Sammanfattning strukturinriktade insatser",
    "analys": "Analys",
    "slutsatser": "Slutsatser",
    "avvikelser": "Avvikelser",
}

# A stated figure's measure: the summary table whose "Totalt" row holds the year's value.
MEASURES: dict[str, str] = {"nadda_personer": "Nådda personer"}
MEASURE_ROW = "Totalt"


@dataclass(frozen=True)
class ReportText:
    """One section of the user's text for the years first_year–last_year."""

    insats_id: int
    first_year: int
    last_year: int
    section: str
    text: str
    id: int | None = None


@dataclass(frozen=True)
class StatedFigure:
    """A figure for the years first_year–last_year as ``source`` states it."""

    insats_id: int
    first_year: int
    last_year: int
    measure: str
    value: int
    source: str = ""
    id: int | None = None

    @property
    def span(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


@dataclass(frozen=True)
class Highlight:
    """An activity the user marked as a highlight, with the sentence describing it, and
    its clock times when known (a training in steps: its first step's)."""

    day: date
    title: str
    sentence: str
    start_time: time | None = None
    end_time: time | None = None
    date_approximate: bool = False


def _span_problems(first_year: int, last_year: int) -> list[str]:
    if not limits.year_in_range(first_year) or not limits.year_in_range(last_year):
        return [f"Åren måste ligga mellan {limits.FIRST_YEAR} och {limits.LAST_YEAR}."]
    if last_year < first_year:
        return [f"Sista året ({last_year}) kan inte vara före det första ({first_year})."]
    return []


def validate_report_text(text: ReportText) -> ReportText:
    """The text with surrounding blank space removed; ValidationError if it cannot be kept."""
    problems = _span_problems(text.first_year, text.last_year)
    if text.section not in SECTIONS:
        known = ", ".join(SECTIONS.values()).lower()
        problems.append(f"Okänt avsnitt: {text.section!r} (kända avsnitt: {known}).")
    text = replace(text, text=limits.clean(text.text).strip())
    problems += limits.text_problems([(text.text, limits.LONG_TEXT, "Texten")])
    if problems:
        raise ValidationError(problems)
    return text


def validate_stated_figure(figure: StatedFigure) -> StatedFigure:
    problems = _span_problems(figure.first_year, figure.last_year)
    if figure.measure not in MEASURES:
        problems.append(f"Okänt mått: {figure.measure!r}.")
    if figure.value < 0:
        problems.append("Den angivna siffran kan inte vara negativ.")
    figure = replace(figure, source=limits.clean(figure.source).strip())
    problems += limits.text_problems([(figure.source, limits.LONG_TEXT, "Källan")])
    if problems:
        raise ValidationError(problems)
    return figure


def _thousands(n: int) -> str:
    """'1 275': a space between thousands, as a Swedish report writes it."""
    return f"{n:,}".replace(",", " ")


def year_values(summaries: Sequence[YearSummary]) -> dict[str, dict[int, int]]:
    """Each measure's value per year, read from the years' summaries."""
    values: dict[str, dict[int, int]] = {}
    for measure in MEASURES:
        per_year: dict[int, int] = {}
        for s in summaries:
            # A part of a year that does not cover it is no year's figure.
            table = next((t for t in s.tables if t.key == measure), None)
            if table is None or not s.covers_year:
                continue
            try:
                per_year[s.year] = table.value(MEASURE_ROW, s.label)
            except (KeyError, ValueError):
                continue
        values[measure] = per_year
    return values


def stated_figure_findings(
    stated: Sequence[StatedFigure],
    values: Mapping[str, Mapping[int, int]] | Sequence[YearSummary],
) -> list[Finding]:
    """A finding for each stated figure that differs from the sum of its years.

    ``values`` is each measure's value per year, or the years' summaries. A figure whose
    years are not all among them is left unchecked (a report on part of its span).
    """
    per_measure: Mapping[str, Mapping[int, int]] = (
        values if isinstance(values, Mapping) else year_values(values)
    )
    findings: list[Finding] = []
    for figure in stated:
        years = per_measure.get(figure.measure, {})
        span = range(figure.first_year, figure.last_year + 1)
        if not all(y in years for y in span):
            continue
        parts = [years[y] for y in span]
        if sum(parts) == figure.value:
            continue
        label = MEASURES.get(figure.measure, figure.measure)
        where = f"{label} {figure.span}"
        if figure.source:
            where += f" ({figure.source})"
        if len(parts) > 1:
            expected = f"{_thousands(sum(parts))} ({' + '.join(_thousands(p) for p in parts)})"
        else:
            expected = _thousands(parts[0])
        what = (
            "Angiven total stämmer inte med årens summa"
            if len(parts) > 1
            else "Angiven siffra stämmer inte med registret"
        )
        findings.append(Finding(what, where, expected, _thousands(figure.value)))
    return findings
