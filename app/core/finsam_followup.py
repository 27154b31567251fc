"""Uppföljning Finsam: the figures Försäkringskassan's follow-up system (which replaced
SUS) asks the förbund for, per insats and calendar year, as they are typed into it.

* Strukturövergripande insats: the number of participants. That is the year's people
  reached, "Totalt nådda (volym)": the participants at the held activities plus what is
  registered apart from the activities in the total (the same person counts once per
  occasion); what is kept out of the total (e.g. podcast listeners) is not in it. Beside
  it, the unique individuals among the named participants, where any are named.
* Individinriktade insatser: the participants by kön, from the year's placements: the
  places used, of women, of men and of users whose gender was not given, and the unique
  individuals as the placements report them.

Nothing is counted here: every figure is read from the year summary's own tables
(Nådda personer, Nådda utanför totalen, Individinriktade insatser), so the follow-up
cannot disagree with the overview, the Excel export or the report.
* Budget och utfall: the form also asks for the insats's budget and outcome per year.
  They are the Ekonomi tab's figures of the year (core.economy: the year's budget and
  its booked costs), handed in by the caller, never summed here; None (shown as
  NO_FIGURE) where none is registered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.core.economy import EconomyRow
from app.core.money import as_kronor
from app.core.placements import COL_GENDER_UNKNOWN, COL_MEN, COL_UNIQUE, COL_USED, COL_WOMEN
from app.core.reach import ACTIVITY_VOLUME, REACH_TOTAL, REGISTERED_VOLUME, UNIQUE
from app.core.summary import NO_FIGURE, SummaryTable, YearSummary
from app.core.table_keys import TableKey

TITLE = "Uppföljning Finsam"
STRUCTURAL = "strukturovergripande"
INDIVIDUAL = "individinriktade"
STRUCTURAL_TITLE = "Strukturövergripande insats – antal deltagare"
INDIVIDUAL_TITLE = "Individinriktade insatser – deltagare per kön"
LABEL_HEADER = "Uppgift"

PARTICIPANTS = "Antal deltagare"
REACHED = f"{PARTICIPANTS}: {REACH_TOTAL}"
PLACES_USED = f"{PARTICIPANTS}: {COL_USED.lower()} platser"
WOMEN = "varav kvinnor"
MEN = "varav män"
GENDER_UNKNOWN = f"varav {COL_GENDER_UNKNOWN.lower()}"
PLACEMENT_UNIQUE = f"{COL_UNIQUE} (enligt placeringarna)"


def _varav(label: str) -> str:
    return f"varav {label[0].lower()}{label[1:]}"


STRUCTURAL_NOTE = (
    f"Antal deltagare är {REACH_TOTAL}: deltagare på genomförda aktiviteter plus det som "
    "registrerats utanför aktiviteterna och räknas in i totalen. Volym: samma person "
    "räknas en gång per tillfälle. Det som hålls utanför totalen (t.ex. poddlyssnare) "
    "räknas inte. Unika individer räknas bara bland namngivna deltagare; "
    f"{NO_FIGURE} betyder att ingen deltagare namngetts det året."
)
INDIVIDUAL_NOTE = (
    "Från årets placeringar, som de registrerats: deltagare är nyttjade platser, så den "
    "som haft två platser räknas två gånger. Kön ej angivet är nyttjade platser utan "
    "angivet kön. Unika individer räknas per placering, som placeringarna anger dem "
    f"({NO_FIGURE} där de inte angetts). {NO_FIGURE} i alla rader betyder att inga "
    "placeringar registrerats det året."
)
ECONOMY = "ekonomi"
ECONOMY_TITLE = "Insatsens budget och utfall per år"
BUDGET = "Budget (kr)"
BOOKED = "Utfall (kr)"
BUDGET_NOTE = (
    "Budget och utfall är insatsens budget för året och de bokförda kostnaderna under "
    "fliken Ekonomi (planerade kostnader räknas inte i utfallet); "
    f"{NO_FIGURE} betyder att ingen budget eller ingen bokförd kostnad registrerats det året."
)


@dataclass(frozen=True)
class PlacementFigures:
    """The year's placements summed: places used, by gender, and unique individuals
    (None: not given in any placement)."""

    used: int
    women: int
    men: int
    gender_unknown: int
    unique_individuals: int | None


@dataclass(frozen=True)
class FollowupYear:
    """One calendar year's figures as the follow-up form asks for them.

    ``reached`` is the year summary's Totalt nådda (volym), the sum of
    ``activity_volume`` and ``registered_volume``; ``unique_participants`` is None
    when no participant is named. ``placements`` is None when the year has none.
    """

    year: int
    reached: int
    activity_volume: int
    registered_volume: int
    unique_participants: int | None
    placements: PlacementFigures | None
    # The name of the summary's own column: the year, or the part of it summarised
    # ("2024 (jan–apr)") when the summary is of some of its dates only.
    column: str = ""
    # Budget and utfall of the year in öre (the Ekonomi tab's); None: none registered.
    budget: int | None = None
    booked: int | None = None

    @property
    def label(self) -> str:
        return self.column or str(self.year)

    @property
    def whole_year(self) -> bool:
        """False when the figures are for part of the calendar year only."""
        return self.label == str(self.year)

    def to_dict(self) -> dict[str, Any]:
        p = self.placements
        return {
            "year": self.year,
            "column": self.label,
            STRUCTURAL: {
                "participants": self.reached,
                "activity_volume": self.activity_volume,
                "registered_volume": self.registered_volume,
                "unique_individuals": self.unique_participants,
            },
            INDIVIDUAL: None
            if p is None
            else {
                "participants": p.used,
                "women": p.women,
                "men": p.men,
                "gender_unknown": p.gender_unknown,
                "unique_individuals": p.unique_individuals,
            },
            ECONOMY: {
                "budget": None if self.budget is None else as_kronor(self.budget),
                "utfall": None if self.booked is None else as_kronor(self.booked),
            },
        }


def _table(summary: YearSummary, key: TableKey) -> SummaryTable | None:
    return next((t for t in summary.tables if t.key == key), None)


def _row(table: SummaryTable | None, label: str) -> int | None:
    """The row's figure in the table's first column (the year's), or None without it."""
    if table is None or not table.columns:
        return None
    try:
        return table.value(label, table.columns[0])
    except KeyError:
        return None


def _placement_figures(summary: YearSummary) -> PlacementFigures | None:
    table = _table(summary, TableKey.PLACERINGAR)
    if table is None or not table.rows:
        return None

    def total(column: str) -> int:
        return table.total.values[table.columns.index(column)]

    unique = total(COL_UNIQUE)
    return PlacementFigures(
        used=total(COL_USED),
        women=total(COL_WOMEN),
        men=total(COL_MEN),
        gender_unknown=total(COL_GENDER_UNKNOWN),
        # A placement's 0 is "not reported"; with no place used, 0 is the figure.
        unique_individuals=unique if unique or not total(COL_USED) else None,
    )


def followup_year(summary: YearSummary) -> FollowupYear:
    """The year's follow-up figures, read from the year summary's tables.

    Without the reach table (a summary of the activities only) the participants are the
    key figure Deltagare (volym) and nothing is registered apart. The column is named as
    the summary's own ("2018", or "2024 (jan–apr)" for part of a year).
    """
    reach = _table(summary, TableKey.NADDA_PERSONER)
    key_figures = _table(summary, TableKey.NYCKELTAL)
    if reach is not None:
        activity = _row(reach, ACTIVITY_VOLUME) or 0
        registered = _row(reach, REGISTERED_VOLUME) or 0
        reached = reach.total.values[0]
    else:
        activity = _row(key_figures, "Deltagare (volym)") or 0
        registered, reached = 0, activity
    own = reach or key_figures
    return FollowupYear(
        year=summary.year,
        reached=reached,
        activity_volume=activity,
        registered_volume=registered,
        unique_participants=_row(_table(summary, TableKey.NADDA_UTANFOR_TOTAL), UNIQUE),
        placements=_placement_figures(summary),
        column=own.columns[0] if own is not None and own.columns else "",
    )


def followup_years(
    summaries: Sequence[YearSummary], economy: Mapping[int, EconomyRow] | None = None
) -> tuple[FollowupYear, ...]:
    """One FollowupYear per summary, in year order. ``economy`` is each year's row of
    budget against outcome (EconomySummary.years, by year; operations.economy
    followup_economy); without it, or without a year in it, budget and utfall are None."""
    years = [followup_year(s) for s in sorted(summaries, key=lambda s: s.year)]
    if economy:
        years = [_with_money(y, economy.get(y.year)) for y in years]
    return tuple(years)


def _with_money(year: FollowupYear, row: EconomyRow | None) -> FollowupYear:
    """The year with its budget and utfall; a 0 is "none registered" (–)."""
    if row is None:
        return year
    return replace(year, budget=row.budget or None, booked=row.booked or None)


# --- the table form: what the report, the Excel sheet and the JSON all show ----------


@dataclass(frozen=True)
class FollowupRow:
    label: str
    values: tuple[int | None, ...]  # None: no figure (shown as NO_FIGURE)
    money: bool = False  # the values are öre (Budget, Utfall), not counts

    def shown(self) -> tuple[int | str, ...]:
        return tuple(NO_FIGURE if v is None else v for v in self.values)

    def json_values(self) -> tuple[int | float | None, ...]:
        """Counts as they are, money in kronor (as ``summary --json`` writes it)."""
        if not self.money:
            return self.values
        return tuple(None if v is None else as_kronor(v) for v in self.values)


@dataclass(frozen=True)
class FollowupTable:
    """One part of the form: a column per calendar year, a row per figure asked for.
    The rows do not add up to each other (the first is the figure, "varav …" its parts,
    the last a different count), so there is no total row."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[FollowupRow, ...]
    note: str

    def value(self, label: str, column: str) -> int | None:
        col = self.columns.index(column)
        for row in self.rows:
            if row.label == label:
                return row.values[col]
        raise KeyError(label)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "columns": list(self.columns),
            "rows": [
                {
                    "label": r.label,
                    "values": dict(zip(self.columns, r.json_values(), strict=True)),
                }
                for r in self.rows
            ],
            "note": self.note,
        }


def followup_tables(years: Sequence[FollowupYear]) -> tuple[FollowupTable, ...]:
    """The parts of the form for ``years``: strukturövergripande insats, then
    individinriktade insatser (left out when no year has a placement), then budget and
    utfall (in öre; NO_FIGURE where none is registered)."""
    columns = tuple(y.label for y in years)

    def row(label: str, values: Sequence[int | None]) -> FollowupRow:
        return FollowupRow(label, tuple(values))

    structural = FollowupTable(
        STRUCTURAL,
        STRUCTURAL_TITLE,
        columns,
        (
            row(REACHED, [y.reached for y in years]),
            row(_varav(ACTIVITY_VOLUME), [y.activity_volume for y in years]),
            row(_varav(REGISTERED_VOLUME), [y.registered_volume for y in years]),
            row(UNIQUE, [y.unique_participants for y in years]),
        ),
        STRUCTURAL_NOTE,
    )
    economy = FollowupTable(
        ECONOMY,
        ECONOMY_TITLE,
        columns,
        (
            FollowupRow(BUDGET, tuple(y.budget for y in years), money=True),
            FollowupRow(BOOKED, tuple(y.booked for y in years), money=True),
        ),
        BUDGET_NOTE,
    )
    if all(y.placements is None for y in years):
        return (structural, economy)

    def placed(pick: str) -> list[int | None]:
        return [None if y.placements is None else getattr(y.placements, pick) for y in years]

    individual = FollowupTable(
        INDIVIDUAL,
        INDIVIDUAL_TITLE,
        columns,
        (
            row(PLACES_USED, placed("used")),
            row(WOMEN, placed("women")),
            row(MEN, placed("men")),
            row(GENDER_UNKNOWN, placed("gender_unknown")),
            row(PLACEMENT_UNIQUE, placed("unique_individuals")),
        ),
        INDIVIDUAL_NOTE,
    )
    return (structural, individual, economy)


def part_of_year_note(years: Sequence[FollowupYear]) -> str:
    """Said when a column holds only part of its calendar year (a report of some
    months), empty otherwise."""
    parts = [y.label for y in years if not y.whole_year]
    if not parts:
        return ""
    columns = " och ".join(parts) if len(parts) <= 2 else ", ".join(parts)
    return (
        f"{columns}: siffrorna gäller bara de datumen, inte hela kalenderåret som "
        "Uppföljning Finsam frågar efter. Ta fram siffrorna för hela året när formuläret "
        "fylls i."
    )


def followup_dict(years: Sequence[FollowupYear]) -> dict[str, Any]:
    """The section "uppfoljning_finsam" of ``summary --json``: the years' figures and
    the tables as the report and the Excel sheet show them."""
    return {
        "years": [y.to_dict() for y in years],
        "tables": [t.to_dict() for t in followup_tables(years)],
        "note": " ".join(n for n in (part_of_year_note(years), BUDGET_NOTE) if n),
    }
