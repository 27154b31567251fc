"""The charts the window shows, as plain data (``ChartSeries``), made from the figures
computed elsewhere in core: a bar is always the figure a table shows beside it.

* participants per month: the month table of the Excel export (``period.month_table``);
* participants per kommun and per organisation category: the year summary's (or a
  period's) "Deltagare per kommun" and "Deltagare per organisation";
* people reached per year over the insats: the participants at held activities plus
  what is registered in the total (``reach.reach_total``), the Nådda personer total;
* evaluation means (1–5) per activity type or per year: ``Distribution.mean``.

Also the words a chart is read with: each value as the screen shows it, and the whole
chart as one text (its accessible description and tooltips).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from app.core.chart_data import ChartSeries
from app.core.evaluation_scale import SCALE, Distribution
from app.core.reach import RegisteredReach, reach_total
from app.core.summary import SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.core.wording import MINUS, count_noun, thousands

NOTHING_TO_SHOW = "Inga värden att visa"
PARTICIPANTS = "deltagare"
PEOPLE = "personer"
MEAN_DECIMALS = 1
MEAN_TITLE = "Utvärderingar: medelvärde (1–5)"

Kind = Literal["bar", "hbar", "line"]


# --- words ----------------------------------------------------------------------------
def value_text(value: float, decimals: int = 0) -> str:
    """A value as the chart shows it: '1 234' (space between thousands), '4,3'."""
    if decimals <= 0:
        return thousands(round(value))
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return MINUS + text if value < 0 else text


def bar_text(series: ChartSeries, index: int) -> str:
    """One value in words: 'Gävle: 1 234 deltagare', 'Seminarium: 4,3 (52 svar)'."""
    text = f"{series.labels[index]}: {value_text(series.values[index], series.decimals)}"
    if series.unit:
        text += f" {series.unit}"
    if series.details and series.details[index]:
        text += f" ({series.details[index]})"
    return text


def describe(series: ChartSeries) -> str:
    """The whole chart as text, for a screen reader: its title, then every value."""
    if series.is_empty:
        return f"{series.title}: {NOTHING_TO_SHOW.lower()}."
    values = "; ".join(bar_text(series, i) for i in range(len(series.labels)))
    return f"{series.title}. {values}."


def titled(title: str, label: str) -> str:
    """'Deltagare per kommun, 2018' (just the title when ``label`` is empty)."""
    return f"{title}, {label}" if label else title


# --- from the tables ------------------------------------------------------------------
def column_chart(
    table: SummaryTable,
    column: str,
    title: str,
    *,
    kind: Kind = "bar",
    unit: str = "",
) -> ChartSeries:
    """A bar per row of ``table`` (its total row left out), its value the row's figure in
    ``column``: exactly the cell the table shows."""
    col = table.columns.index(column)
    return ChartSeries(
        title=title,
        labels=tuple(row.label for row in table.rows),
        values=tuple(float(row.values[col]) for row in table.rows),
        unit=unit,
        kind=kind,
    )


def participants_per_month(months: SummaryTable, label: str = "") -> ChartSeries:
    """Participants at held activities per month (by start date), from the month table
    (``period.month_table``): its last column, the year's or, over several years, the
    period's total."""
    if months.key is not TableKey.MANAD_DELTAGARE:
        raise ValueError(f"{months.key} is not the month table of participants")
    return column_chart(
        months, months.columns[-1], titled("Deltagare per månad", label), unit=PARTICIPANTS
    )


def participants_per_kommun(summary: YearSummary, label: str | None = None) -> ChartSeries:
    """The summary's "Deltagare per kommun", its own column (every kommun, reached or not,
    then Länsövergripande and Nationellt)."""
    return column_chart(
        summary.table(TableKey.DELTAGARE_KOMMUN),
        summary.label,
        titled("Deltagare per kommun", summary.label if label is None else label),
        kind="hbar",
        unit=PARTICIPANTS,
    )


def participants_per_organisation(summary: YearSummary, label: str | None = None) -> ChartSeries:
    """The summary's "Deltagare per organisation", its own column ("Ej fördelat" too)."""
    return column_chart(
        summary.table(TableKey.DELTAGARE_ORGANISATION),
        summary.label,
        titled("Deltagare per organisation", summary.label if label is None else label),
        kind="hbar",
        unit=PARTICIPANTS,
    )


def summary_charts(summary: YearSummary) -> tuple[ChartSeries, ...]:
    """What a year summary alone can draw: participants per kommun and per organisation."""
    return (participants_per_kommun(summary), participants_per_organisation(summary))


# --- over the years -------------------------------------------------------------------
def held_volume_per_year(months: Mapping[tuple[int, int], tuple[int, int]]) -> dict[int, int]:
    """Participants at held activities per year, from the month counts ((year, month) →
    (held activities, participants)): the sum of the year's months."""
    volume: dict[int, int] = {}
    for (year, _month), (_held, participants) in months.items():
        volume[year] = volume.get(year, 0) + participants
    return volume


def reach_per_year(
    years: Sequence[int],
    held_volume: Mapping[int, int],
    registered: Iterable[RegisteredReach],
    label: str = "",
) -> ChartSeries:
    """Totalt nådda (volym) per year: the held activities' participants plus what is
    registered in the total that year (core.reach: the Nådda personer total)."""
    entries = tuple(registered)
    values = tuple(float(held_volume.get(y, 0) + reach_total(y, (), entries)) for y in years)
    return ChartSeries(
        title=titled("Totalt nådda (volym) per år", label),
        labels=tuple(str(y) for y in years),
        values=values,
        unit=PEOPLE,
        kind="line",
    )


# --- evaluations ----------------------------------------------------------------------
def evaluation_means(
    title: str, parts: Iterable[tuple[str, Distribution]], kind: Kind = "hbar"
) -> ChartSeries:
    """The mean answer (1–5) of each part that has answers, with the number of answers;
    parts without an answer are left out (no bar is not a mean of 0). Empty when no
    part has an answer."""
    shown = [(label, d, d.mean) for label, d in parts if d.mean is not None]
    return ChartSeries(
        title=title,
        labels=tuple(label for label, _, _ in shown),
        values=tuple(mean for _, _, mean in shown),
        kind=kind,
        decimals=MEAN_DECIMALS,
        maximum=float(SCALE[-1]),
        details=tuple(count_noun(d.answers, "svar", "svar") for _, d, _ in shown),
    )


def means_per_type(parts: Iterable[tuple[str, Distribution]], label: str = "") -> ChartSeries:
    """Evaluation means per activity type (types without answers left out)."""
    return evaluation_means(titled(f"{MEAN_TITLE} per aktivitetstyp", label), parts)


def means_per_year(parts: Iterable[tuple[int, Distribution]]) -> ChartSeries:
    """Evaluation means per year (years without answers left out)."""
    return evaluation_means(f"{MEAN_TITLE} per år", ((str(y), d) for y, d in parts), kind="bar")
