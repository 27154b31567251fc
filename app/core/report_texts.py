"""The user's own texts for a report (bakgrund, analys, slutsatser) and figures as other
documents state them, e.g. a hand-typed total in a final report, kept so the checks can
compare them with the record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time

from app.core import limits
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.stated_placements import (
    GENDER_LABELS,
    PLACEMENT_MEASURES,
    PlacementFigure,
    is_placement_measure,
    measure_label,
    placement_figure_findings,
    split_measure,
)
from app.core.summary import YearSummary
from app.core.table_keys import TableKey

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

# The sections written per year as well: the text for one year (first_year ==
# last_year) is that year's account, printed under the year; a text for several years is
# the section's introduction.
PER_YEAR_SECTIONS: tuple[str, ...] = ("individ", "struktur")
# The sections that describe the insats itself (its target group, its work, its
# background, the introductions of its two lines of work): a report on any part of the
# insats prints the insats's own text when none is written for the report's years. The
# others (experiences, summaries, analysis, conclusions, deviations) speak of the
# report's own period: a year's report never prints the final report's conclusions.
INSATS_SECTIONS: frozenset[str] = frozenset(
    {"malgrupp", "beskrivning", "huvudaktiviteter", "bakgrund", "individ", "struktur"}
)

# A stated figure's measure and its label. Nådda personer is the "Totalt" row of the
# summary table of that key, in the year's column; the placements' measures are in
# app.core.stated_placements (a placement measure may also name one huvudman:
# "utfall_arbete_man@Nordanstig").
MEASURES: dict[str, str] = {
    "nadda_personer": "Nådda personer",
    **{key: label for key, (label, _column) in PLACEMENT_MEASURES.items()},
    **GENDER_LABELS,
}
MEASURE_ROW = "Totalt"
# The summary table and column of each measure that is a sum over the years (None: the
# year's own column).
_MEASURE_CELLS: dict[str, tuple[str, str | None]] = {
    "nadda_personer": ("nadda_personer", None),
    **{key: (TableKey.PLACERINGAR, column) for key, (_label, column) in PLACEMENT_MEASURES.items()},
}
MEASURE_LENGTH = 50  # stated_figure.measure


def figure_label(measure: str) -> str:
    """The measure as the reports and the dialog name it."""
    return MEASURES.get(measure) or measure_label(measure) or measure


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
    base, huvudman = split_measure(figure.measure)
    if figure.measure not in MEASURES and not (huvudman and is_placement_measure(base)):
        problems.append(f"Okänt mått: {figure.measure!r}.")
    if huvudman and figure.first_year != figure.last_year:
        problems.append(
            f"En siffra för en huvudman ({huvudman}) gäller ett år: ange samma första och sista år."
        )
    if len(figure.measure) > MEASURE_LENGTH:
        problems.append(f"Måttets namn får vara högst {MEASURE_LENGTH} tecken.")
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
    """Each measure's value per year, read from the years' summaries (a year without
    placements has 0 of each placement measure)."""
    values: dict[str, dict[int, int]] = {}
    for measure, (key, column) in _MEASURE_CELLS.items():
        per_year: dict[int, int] = {}
        for s in summaries:
            # A part of a year that does not cover it is no year's figure.
            if not s.covers_year:
                continue
            table = next((t for t in s.tables if t.key == key), None)
            if table is None:
                if column is not None:
                    per_year[s.year] = 0
                continue
            try:
                per_year[s.year] = table.value(MEASURE_ROW, column or s.label)
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
    years are not all among them is left unchecked (a report on part of its span). With
    the summaries, the placements' figures by gender and by huvudman are checked too
    (app.core.stated_placements).
    """
    per_measure: Mapping[str, Mapping[int, int]] = (
        values if isinstance(values, Mapping) else year_values(values)
    )
    findings: list[Finding] = []
    for figure in stated:
        if figure.measure not in _MEASURE_CELLS:
            continue
        years = per_measure.get(figure.measure, {})
        span = range(figure.first_year, figure.last_year + 1)
        if not all(y in years for y in span):
            continue
        parts = [years[y] for y in span]
        if sum(parts) == figure.value:
            continue
        label = figure_label(figure.measure)
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
    if not isinstance(values, Mapping):
        placement_figures = [
            p
            for f in stated
            if (p := PlacementFigure.of(f.measure, f.first_year, f.last_year, f.value, f.source))
            is not None
            and not (p.base in _MEASURE_CELLS and not p.huvudman)
        ]
        findings += placement_figure_findings(placement_figures, values)
    return findings


@dataclass(frozen=True)
class ChosenTexts:
    """The user's texts a report prints: per section (``sections``) and, for the
    per-year sections, each year's own (``years``: (year, section) → text)."""

    sections: dict[str, str]
    years: dict[tuple[int, str], str]

    def of_year(self, year: int, section: str) -> str:
        return self.years.get((year, section), "")


def choose_texts(
    stored: Iterable[ReportText], years: Sequence[int], whole: tuple[int, int] | None
) -> ChosenTexts:
    """Which of the stored texts a report on ``years`` prints.

    A section's text is the one saved for exactly the report's years, else, for a
    section describing the insats (INSATS_SECTIONS), the one for the insats's whole
    years (``whole``). For a per-year section (PER_YEAR_SECTIONS)
    each year has its own text (saved for that year alone), and the section's text is
    then only a text for several years (a one-year text is that year's, not an
    introduction). Empty texts count as not written.
    """
    by_span: dict[tuple[int, int, str], str] = {
        (t.first_year, t.last_year, t.section): t.text for t in stored if t.text.strip()
    }
    if not years:
        return ChosenTexts({}, {})
    first, last = min(years), max(years)
    spans = [(first, last)]
    if whole is not None and whole != (first, last):
        spans.append(whole)
    sections: dict[str, str] = {}
    for section in SECTIONS:
        for a, b in spans if section in INSATS_SECTIONS else spans[:1]:
            if section in PER_YEAR_SECTIONS and a == b:
                continue
            text = by_span.get((a, b, section))
            if text:
                sections[section] = text
                break
    per_year = {
        (year, section): by_span[(year, year, section)]
        for year in sorted(set(years))
        for section in PER_YEAR_SECTIONS
        if (year, year, section) in by_span
    }
    return ChosenTexts(sections, per_year)
