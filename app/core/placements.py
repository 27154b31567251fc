"""Funded individual placements (individinriktade insatser): figures as reported, checked.

A placement is what one huvudman (a kommun of the förbund, or another party) was
granted for a year: places granted and used, who used them and what it led to.
The figures are kept exactly as entered; a contradiction (more places used than
granted, more women and men than places used, outcomes that do not add up to the
places used, more unique individuals than places used) is reported as a Finding,
never corrected.

Gender follows the same rule as an activity's participants: a place whose user's
gender was not reported is "Kön ej angivet" (``gender_unknown``), a column of its own,
and that is normal, not an avvikelse. Only more women and men than places used is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.core import limits
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.summary import SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.core.vocabulary import Outcome
from app.core.wording import count_noun, thousands

FIRST_YEAR, LAST_YEAR = limits.FIRST_YEAR, limits.LAST_YEAR

COL_GRANTED = "Beviljade"
COL_USED = "Nyttjade"
COL_WOMEN = "Kvinnor"
COL_MEN = "Män"
COL_GENDER_UNKNOWN = "Kön ej angivet"
COL_UNIQUE = "Unika individer"
COLUMNS: tuple[str, ...] = (
    COL_GRANTED,
    COL_USED,
    COL_WOMEN,
    COL_MEN,
    COL_GENDER_UNKNOWN,
    COL_UNIQUE,
    *(o.label for o in Outcome),
)

WHAT_OVER_GRANTED = "Fler platser nyttjade än beviljade"
WHAT_GENDER = "Fler kvinnor och män än nyttjade platser"
WHAT_OUTCOMES = "Utfallen summerar inte till nyttjade platser"
WHAT_UNIQUE = "Fler unika individer än nyttjade platser"


def _no_outcomes() -> Mapping[Outcome, int]:
    return dict.fromkeys(Outcome, 0)


@dataclass(frozen=True)
class Placement:
    """One huvudman's funded placements in one year, as reported.

    The huvudman is ``kommun_id`` (a kommun of the förbund) or, when that is None,
    the free text ``huvudman`` (another party). ``unique_individuals`` 0 and
    ``length_months`` None mean "not reported".
    """

    id: int | None
    insats_id: int
    year: int
    kommun_id: int | None = None
    huvudman: str = ""
    target_group: str = ""
    granted: int = 0
    used: int = 0
    women: int = 0
    men: int = 0
    unique_individuals: int = 0
    length_months: int | None = None
    outcomes: Mapping[Outcome, int] = field(default_factory=_no_outcomes)
    notes: str = ""
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)

    def outcome(self, outcome: Outcome) -> int:
        return self.outcomes.get(outcome, 0)

    @property
    def outcomes_total(self) -> int:
        return sum(self.outcomes.values())

    @property
    def gender_unknown(self) -> int:
        """The places used whose user's gender was not reported (never below 0: more
        women and men than places used is a finding of its own)."""
        return max(self.used - self.women - self.men, 0)

    def __hash__(self) -> int:  # the outcomes mapping is not hashable itself
        return hash((self.id, self.insats_id, self.year, self.kommun_id, self.huvudman))

    def to_dict(self, kommun_names: Mapping[int, str] | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "year": self.year,
            "huvudman": huvudman_label(self, kommun_names or {}),
            "kommun_id": self.kommun_id,
            "target_group": self.target_group,
            "granted": self.granted,
            "used": self.used,
            "women": self.women,
            "men": self.men,
            "gender_unknown": self.gender_unknown,
            "unique_individuals": self.unique_individuals,
            "length_months": self.length_months,
            "outcomes": {o.value: self.outcome(o) for o in Outcome},
            "notes": self.notes,
        }


def huvudman_label(placement: Placement, kommun_names: Mapping[int, str]) -> str:
    """The kommun's name, or the other party's name as entered."""
    if placement.kommun_id is not None:
        return kommun_names.get(placement.kommun_id, f"Kommun (id {placement.kommun_id})")
    return placement.huvudman or "Okänd huvudman"


def normalise_placement(p: Placement) -> Placement:
    """Trim texts, give every outcome a count, drop the free text when a kommun is chosen."""
    outcomes = dict.fromkeys(Outcome, 0)
    outcomes.update(p.outcomes)
    return replace(
        p,
        huvudman="" if p.kommun_id is not None else limits.clean(p.huvudman).strip(),
        target_group=limits.clean(p.target_group).strip(),
        notes=limits.clean(p.notes).strip(),
        outcomes=outcomes,
    )


def validate_placement(p: Placement) -> Placement:
    """The normalised placement, or ValidationError listing what cannot be stored.

    Only impossible input is refused (negative numbers, no huvudman, an unlikely
    year); figures that contradict each other are stored and reported by
    ``check_placement``.
    """
    p = normalise_placement(p)
    problems: list[str] = []
    if not FIRST_YEAR <= p.year <= LAST_YEAR:
        problems.append(f"Året måste ligga mellan {FIRST_YEAR} och {LAST_YEAR} (angivet {p.year}).")
    if p.kommun_id is None and not p.huvudman:
        problems.append("Ange huvudman: välj en kommun eller skriv vilken part det gäller.")
    problems += limits.text_problems(
        (
            (p.huvudman, limits.HUVUDMAN, "Huvudmannens namn"),
            (p.target_group, limits.LONG_TEXT, "Målgruppen"),
            (p.notes, limits.LONG_TEXT, "Anteckningarna"),
        )
    )
    counts = (
        ("beviljade platser", p.granted),
        ("nyttjade platser", p.used),
        ("kvinnor", p.women),
        ("män", p.men),
        ("unika individer", p.unique_individuals),
    )
    for label, n in counts:
        if n < 0:
            problems.append(f"Antalet {label} kan inte vara negativt ({n}).")
    for outcome in Outcome:
        n = p.outcome(outcome)
        if n < 0:
            problems.append(f"Utfallet {outcome.label} kan inte vara negativt ({n}).")
    if p.length_months is not None and p.length_months < 0:
        problems.append(f"Längden kan inte vara negativ ({p.length_months} månader).")
    if problems:
        raise ValidationError(problems)
    return p


def gender_text(women: int, men: int) -> str:
    """'3 kvinnor + 1 man'."""
    return f"{count_noun(women, 'kvinna', 'kvinnor')} + {count_noun(men, 'man', 'män')}"


def gender_breakdown_text(women: int, men: int, unknown: int) -> str:
    """'6 kvinnor, 1 man, kön ej angivet för 5' (the last part only when there is one)."""
    text = f"{count_noun(women, 'kvinna', 'kvinnor')}, {count_noun(men, 'man', 'män')}"
    if unknown:
        text += f", {COL_GENDER_UNKNOWN.lower()} för {thousands(unknown)}"
    return text


def _outcome_text(p: Placement) -> str:
    parts = [(o, p.outcome(o)) for o in Outcome if p.outcome(o)]
    if not parts:
        return "0 (inget utfall angivet)"
    if len(parts) == 1:
        o, n = parts[0]
        return f"{n} ({o.label.lower()})"
    detail = " + ".join(f"{n} {o.label.lower()}" for o, n in parts)
    return f"{p.outcomes_total} ({detail})"


def check_placement(p: Placement, label: str) -> list[Finding]:
    """The contradictions in one placement; ``label`` names its huvudman."""
    where = f"Placeringar {p.year}, {label}"
    found: list[Finding] = []
    if p.used > p.granted:
        found.append(Finding(WHAT_OVER_GRANTED, where, f"högst {p.granted}", str(p.used)))
    if p.women + p.men > p.used:
        found.append(
            Finding(
                WHAT_GENDER,
                where,
                f"högst {p.used}",
                f"{p.women + p.men} ({gender_text(p.women, p.men)})",
            )
        )
    if p.outcomes_total != p.used:
        found.append(Finding(WHAT_OUTCOMES, where, str(p.used), _outcome_text(p)))
    if p.unique_individuals > p.used:
        found.append(Finding(WHAT_UNIQUE, where, f"högst {p.used}", str(p.unique_individuals)))
    return found


def placements_in_year(placements: Iterable[Placement], year: int) -> list[Placement]:
    """The year's placements in a stable order: by id, new ones last."""
    return sorted(
        (p for p in placements if p.year == year),
        key=lambda p: (p.id is None, p.id or 0),
    )


def check_placements(
    placements: Iterable[Placement], kommun_names: Mapping[int, str], year: int | None = None
) -> list[Finding]:
    """Every contradiction in the placements (of ``year`` only, when given)."""
    chosen = list(placements) if year is None else placements_in_year(placements, year)
    chosen.sort(key=lambda p: p.year)
    return [f for p in chosen for f in check_placement(p, huvudman_label(p, kommun_names))]


def _values(p: Placement) -> tuple[int, ...]:
    return (
        p.granted,
        p.used,
        p.women,
        p.men,
        p.gender_unknown,
        p.unique_individuals,
        *(p.outcome(o) for o in Outcome),
    )


_UNIQUE_NOTE = (
    "Unika individer räknas per placering; samma person kan ha haft flera placeringar, "
    "så summan kan vara större än antalet personer."
)


def placements_table(
    placements: Sequence[Placement], year: int, kommun_names: Mapping[int, str]
) -> SummaryTable:
    """One row per placement of ``year`` (labelled by huvudman), totals summed."""
    rows: list[SummaryRow] = []
    seen: dict[str, int] = {}
    for p in placements_in_year(placements, year):
        label = huvudman_label(p, kommun_names)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} ({seen[label]})"
        rows.append(SummaryRow(label, _values(p)))
    return SummaryTable(
        TableKey.PLACERINGAR,
        f"Individinriktade insatser (placeringar) {year}",
        COLUMNS,
        tuple(rows),
        note=_UNIQUE_NOTE if rows else "",
    )


def placements_period_table(placements: Sequence[Placement], years: Sequence[int]) -> SummaryTable:
    """One row per year of ``years``, each the sum of that year's placements."""
    rows = []
    for year in years:
        sums = [0] * len(COLUMNS)
        for p in placements:
            if p.year == year:
                for i, v in enumerate(_values(p)):
                    sums[i] += v
        rows.append(SummaryRow(str(year), tuple(sums)))
    span = f"{years[0]}–{years[-1]}" if years else ""
    return SummaryTable(
        TableKey.PLACERINGAR_PERIOD,
        f"Individinriktade insatser {span}".strip(),
        COLUMNS,
        tuple(rows),
        note=_UNIQUE_NOTE,
    )


def placements_total_text(table: SummaryTable, year: int) -> str:
    """'Totalt 2018: 15 beviljade platser, 12 nyttjade (6 kvinnor, 1 man, kön ej angivet
    för 5).': the total row of a ``placements_table`` in words."""

    def total(column: str) -> int:
        return table.value("Totalt", column)

    gender = gender_breakdown_text(total(COL_WOMEN), total(COL_MEN), total(COL_GENDER_UNKNOWN))
    granted = count_noun(total(COL_GRANTED), "beviljad plats", "beviljade platser")
    return f"Totalt {year}: {granted}, {thousands(total(COL_USED))} nyttjade ({gender})."
