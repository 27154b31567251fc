"""Måluppfyllelse: the measures with targets that a goal carries, and how far each has come.

A measure belongs to a goal of the year plan (it covers that goal's year) or to the
insats itself (``goal_id`` None: it covers the insats from its start to the report's
last day, the whole insats in the final report). Its outcome is never counted here:
it is taken from the figures computed elsewhere (``SpanFigures``, built from the year
summaries, the milestones, the groups and the evaluations' distribution), so the
Måluppfyllelse table always agrees with the overview, the follow-up and the reports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.core import goal_kinds as gk
from app.core import limits
from app.core.errors import ValidationError
from app.core.evaluation_scale import Distribution
from app.core.vocabulary import MilestoneKind
from app.core.wording import NBSP, thousands

TITLE = "Måluppfyllelse"
INSATS_GOAL = "Insatsens mål"
COLUMNS = ("Mål", "Mått", "Målvärde", "Utfall", "Andel", "Status")
REACHED = "Uppnått"
NOT_STARTED = "Ej påbörjat"
NO_VALUE = "Mätvärde saknas"
LABEL_LENGTH = 300

KIND_LABELS: dict[str, str] = {
    gk.REACH_VOLUME: "Nådda personer (volym)",
    gk.REACH_UNIQUE: "Nådda personer (unika individer)",
    gk.ACTIVITIES: "Genomförda aktiviteter",
    gk.POLICY_KOMMUNER: "Kommuner med milstolpe",
    gk.ACTIVE_GROUPS: "Aktiva samverkansgrupper",
    gk.USED_PLACEMENTS: "Nyttjade platser",
    gk.EVALUATION_MEAN: "Utvärderingarnas medelvärde (1–5)",
    gk.MANUAL: "Eget mått (utfall anges för hand)",
}
# How each computed kind is counted, as the table's note says it.
KIND_RULES: dict[str, str] = {
    gk.REACH_VOLUME: "Totalt nådda (volym) enligt Nådda personer",
    gk.REACH_UNIQUE: "unika individer (namngivna deltagare), summerade per år",
    gk.ACTIVITIES: "genomförda aktiviteter (av typen, om en typ är vald)",
    gk.POLICY_KOMMUNER: "kommuner med en milstolpe av slaget till och med periodens slut",
    gk.ACTIVE_GROUPS: "grupper bildade eller aktiva under periodens sista år fram till dess slut",
    gk.USED_PLACEMENTS: "nyttjade platser enligt placeringarna",
    gk.EVALUATION_MEAN: "medelvärdet av alla svar (1–5) på utvärderingarna",
    gk.MANUAL: "utfallet som angetts för hand",
}
_ADOPTED = {
    MilestoneKind.POLICY: "Kommuner med antagen policy",
    MilestoneKind.RIKTLINJE: "Kommuner med antagen riktlinje",
    MilestoneKind.HANDLINGSPLAN: "Kommuner med antagen handlingsplan",
}
# Kinds whose target and outcome are counts (whole numbers).
COUNTED = frozenset(
    {
        gk.REACH_VOLUME,
        gk.REACH_UNIQUE,
        gk.ACTIVITIES,
        gk.POLICY_KOMMUNER,
        gk.ACTIVE_GROUPS,
        gk.USED_PLACEMENTS,
    }
)


@dataclass(frozen=True)
class GoalMeasure:
    """A measure with a target: of a year-plan goal (``goal_id``), or of the insats
    (``goal_id`` None). ``label`` empty: the kind's own label (``default_label``)."""

    id: int | None
    insats_id: int
    goal_id: int | None
    kind: str
    target: float
    label: str = ""
    type_id: int | None = None
    milestone_kind: str | None = None
    manual_value: float | None = None
    sort_order: int = 0


def milestone_label(kind: str | None) -> str:
    """'Kommuner med antagen policy', or 'Kommuner med milstolpe: Pris/utmärkelse'."""
    mk = MilestoneKind(kind or MilestoneKind.POLICY)
    return _ADOPTED.get(mk, f"{KIND_LABELS[gk.POLICY_KOMMUNER]}: {mk.label}")


def default_label(measure: GoalMeasure, type_names: Mapping[int, str]) -> str:
    """The kind's label: 'Nådda personer (volym)', 'Genomförda aktiviteter: Seminarium',
    'Kommuner med antagen policy' …"""
    if measure.kind == gk.ACTIVITIES and measure.type_id is not None:
        name = type_names.get(measure.type_id, f"typ {measure.type_id}")
        return f"{KIND_LABELS[gk.ACTIVITIES]}: {name}"
    if measure.kind == gk.POLICY_KOMMUNER:
        return milestone_label(measure.milestone_kind)
    return KIND_LABELS.get(measure.kind, measure.kind)


def shown_label(measure: GoalMeasure, type_names: Mapping[int, str]) -> str:
    return measure.label or default_label(measure, type_names)


def _whole(value: float) -> bool:
    return float(value).is_integer()


def _tidy(m: GoalMeasure, insats_id: int, goal_id: int | None, order: int) -> GoalMeasure:
    kind = m.kind
    return replace(
        m,
        insats_id=insats_id,
        goal_id=goal_id,
        sort_order=order,
        label=limits.clean(m.label).strip(),
        type_id=m.type_id if kind == gk.ACTIVITIES else None,
        milestone_kind=(m.milestone_kind or MilestoneKind.POLICY.value)
        if kind == gk.POLICY_KOMMUNER
        else None,
        manual_value=m.manual_value if kind == gk.MANUAL else None,
    )


def _problems(i: int, m: GoalMeasure) -> list[str]:
    where = f"Mått {i}"
    if m.kind not in gk.MEASURE_KINDS:
        return [f"{where}: okänt slag av mått ({m.kind})."]
    found = limits.text_problems([(m.label, LABEL_LENGTH, f"{where}: benämningen")])
    if not math.isfinite(m.target) or m.target <= 0:
        found.append(f"{where}: målvärdet måste vara ett tal större än 0.")
    elif m.kind in COUNTED and not _whole(m.target):
        found.append(f"{where}: målvärdet är ett antal – ange ett heltal.")
    elif m.kind == gk.EVALUATION_MEAN and not 1 <= m.target <= 5:
        found.append(f"{where}: målvärdet för ett medelvärde ligger mellan 1 och 5.")
    if m.kind == gk.POLICY_KOMMUNER and m.milestone_kind not in {k.value for k in MilestoneKind}:
        found.append(f"{where}: okänt slag av milstolpe ({m.milestone_kind}).")
    v = m.manual_value
    if v is not None and (not math.isfinite(v) or v < 0):
        found.append(f"{where}: utfallet kan inte vara negativt.")
    return found


def _identity(m: GoalMeasure) -> tuple[object, ...]:
    return (m.kind, m.type_id, m.milestone_kind, m.label.casefold())


def validate_measures(
    insats_id: int, goal_id: int | None, measures: Sequence[GoalMeasure]
) -> list[GoalMeasure]:
    """The measures tidied and numbered in order, or ValidationError listing every problem.

    Each needs a known kind and a target above 0 (a whole number for a count; 1–5 for a
    mean); a type is kept for activities only, a milestone kind (default policy) for
    kommuner only, a value by hand for a measure entered by hand only."""
    tidy = [_tidy(m, insats_id, goal_id, i) for i, m in enumerate(measures)]
    problems: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for i, m in enumerate(tidy, start=1):
        problems += _problems(i, m)
        if _identity(m) in seen:
            problems.append(f"Mått {i} finns redan under samma mål.")
        seen.add(_identity(m))
    if problems:
        raise ValidationError(problems)
    return tidy


# --- the figures the outcomes are taken from --------------------------------------------


@dataclass(frozen=True)
class SpanFigures:
    """The figures of a span of dates, each as computed elsewhere: the summaries' Totalt
    nådda (volym), unique individuals and held activities (per type), the placements'
    used places, the kommuner per milestone kind, the active groups and every answer
    of the evaluations."""

    first: date
    last: date
    label: str
    reach_volume: int = 0
    reach_unique: int | None = None
    held: int = 0
    held_by_type: Mapping[str, int] | None = None
    kommuner_by_milestone: Mapping[str, int] | None = None
    active_groups: int = 0
    used_placements: int = 0
    evaluation: Distribution = Distribution()


def outcome_of(
    measure: GoalMeasure, figures: SpanFigures, type_names: Mapping[int, str]
) -> float | None:
    """The measure's outcome over ``figures``' span; None when there is no figure (a
    measure by hand not entered, no answers, nobody named)."""
    kind = measure.kind
    if kind == gk.REACH_VOLUME:
        return figures.reach_volume
    if kind == gk.REACH_UNIQUE:
        return figures.reach_unique
    if kind == gk.ACTIVITIES:
        if measure.type_id is None:
            return figures.held
        name = type_names.get(measure.type_id, "")
        return (figures.held_by_type or {}).get(name, 0)
    if kind == gk.POLICY_KOMMUNER:
        milestone = measure.milestone_kind or MilestoneKind.POLICY.value
        return (figures.kommuner_by_milestone or {}).get(milestone, 0)
    if kind == gk.ACTIVE_GROUPS:
        return figures.active_groups
    if kind == gk.USED_PLACEMENTS:
        return figures.used_placements
    if kind == gk.EVALUATION_MEAN:
        return figures.evaluation.mean
    return measure.manual_value


def share_text(share: float) -> str:
    return f"{thousands(round(share * 100))}{NBSP}%"


def value_text(value: float | None, kind: str) -> str:
    """'1 275' for a count, '4,3' for a mean, '–' for no figure."""
    if value is None:
        return "–"
    if kind in COUNTED or (kind == gk.MANUAL and _whole(value)):
        return thousands(round(value))
    if kind == gk.EVALUATION_MEAN:
        return f"{value:.1f}".replace(".", ",")
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@dataclass(frozen=True)
class MeasureProgress:
    """One row of the Måluppfyllelse table: a measure and its outcome over its span."""

    goal: str
    label: str
    measure: GoalMeasure
    span_label: str
    outcome: float | None

    @property
    def rule(self) -> str:
        """How the outcome is counted, in words."""
        return KIND_RULES[self.measure.kind]

    @property
    def target(self) -> float:
        return self.measure.target

    @property
    def share(self) -> float | None:
        """Outcome / target (not capped), or None without an outcome."""
        return None if self.outcome is None else self.outcome / self.target

    @property
    def reached(self) -> bool:
        return self.outcome is not None and self.outcome >= self.target

    @property
    def status(self) -> str:
        """'Uppnått', 'På väg (62 %)', 'Ej påbörjat' or 'Mätvärde saknas' (always text)."""
        share = self.share
        if share is None:
            return NO_VALUE
        if self.reached:
            return REACHED
        if self.outcome == 0:
            return NOT_STARTED
        return f"På väg ({share_text(share)})"

    def cells(self) -> tuple[str, str, str, str, str, str]:
        """The row as every view shows it (COLUMNS)."""
        kind = self.measure.kind
        share = self.share
        return (
            self.goal,
            self.label,
            value_text(self.target, kind),
            value_text(self.outcome, kind),
            "–" if share is None else share_text(share),
            self.status,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "mal": self.goal,
            "matt": self.label,
            "slag": self.measure.kind,
            "period": self.span_label,
            "malvarde": self.target,
            "utfall": self.outcome,
            "andel": self.share,
            "status": self.status,
        }


@dataclass(frozen=True)
class GoalProgressTable:
    title: str
    rows: tuple[MeasureProgress, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "note": self.note, "rows": [r.to_dict() for r in self.rows]}


def goal_label(year: int | None, text: str, with_year: bool) -> str:
    """How the table names a goal: its text ('2018: text' in a table of several years)."""
    if year is None:
        return INSATS_GOAL
    return f"{year}: {text}" if with_year else text


def measure_rows(
    goal: str,
    measures: Iterable[GoalMeasure],
    figures: SpanFigures,
    type_names: Mapping[int, str],
) -> list[MeasureProgress]:
    return [
        MeasureProgress(
            goal,
            shown_label(m, type_names),
            m,
            figures.label,
            outcome_of(m, figures, type_names),
        )
        for m in sorted(measures, key=lambda m: m.sort_order)
    ]


def progress_note(rows: Sequence[MeasureProgress], spans: Sequence[str]) -> str:
    """Where the outcomes come from and the spans they cover ('' without rows)."""
    if not rows:
        return ""
    own = "Utfallet är samma siffra som översikten och rapportens tabeller visar"
    if any(r.measure.kind == gk.MANUAL for r in rows):
        own += "; ett eget mått har det utfall som angetts för hand"
    if any(r.measure.kind == gk.REACH_UNIQUE for r in rows):
        own += "; unika individer över flera år är summan av årens"
    return " ".join([f"{own}.", *spans])


def spans_note(year_spans: Sequence[str], insats_span: str | None) -> list[str]:
    """Which dates the outcomes cover, as sentences."""
    out = []
    if year_spans:
        out.append(f"Årsplanens mål mäts över sitt år ({', '.join(year_spans)}).")
    if insats_span:
        out.append(f"Insatsens mål mäts över {insats_span}.")
    return out


def progress_table(
    title: str, rows: Sequence[MeasureProgress], spans: Sequence[str]
) -> GoalProgressTable:
    return GoalProgressTable(title, tuple(rows), progress_note(rows, spans))
