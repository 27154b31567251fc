"""The money of an insats (issue 15): budget lines, the budget per year and line, and
the costs, booked (by hand or from the ledger) or planned.

Amounts are whole öre (``app.core.money``). A cost belongs to one insats and one budget
line, and may name the activity it was for. A booked cost from the ledger keeps its
verifikation, konto and kontonamn; the same verifikation and amount twice is one cost
(``duplicate_key``). A planned cost is what is still to come this year (a lecturer
booked, a hall hired): the forecast is the booked costs plus the planned ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.errors import ValidationError
from app.core.money import as_kronor, kronor

# The budget lines a new database starts with (the user may rename, add and deactivate);
# the one marked placements is "Medel för individinriktade placeringar", which the
# funding rules check for money paid straight to an ASF.
DEFAULT_LINES: tuple[tuple[str, bool], ...] = (
    ("Personal", False),
    ("Lokaler", False),
    ("Förtäring", False),
    ("Föreläsare och arvoden", False),
    ("Resor", False),
    ("Material", False),
    ("Medel för individinriktade placeringar", True),
    ("Övrigt", False),
)
SOURCE_BY_HAND = ""  # a cost entered by hand; else the ledger file's name
MAX_TEXT = 500
MAX_AMOUNT_ORE = 10_000_000_000 * 100  # ten thousand million kronor: a typing slip


@dataclass(frozen=True)
class BudgetLine:
    id: int | None
    name: str
    sort_order: int = 0
    active: bool = True
    # "Medel för individinriktade placeringar": money for placements, which must go
    # through the part that procured them (core.funding_rules).
    placements: bool = False


@dataclass(frozen=True)
class BudgetAmount:
    """The budget of one line in one year of an insats, in öre."""

    insats_id: int
    year: int
    line_id: int
    amount: int


@dataclass(frozen=True)
class Cost:
    id: int | None
    insats_id: int
    day: date
    amount: int  # öre; a credit (a refund, a correction) is negative
    line_id: int
    text: str = ""
    activity_id: int | None = None
    verifikation: str = ""
    konto: str = ""
    kontonamn: str = ""
    source: str = SOURCE_BY_HAND
    planned: bool = False
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def from_ledger(self) -> bool:
        return self.source != SOURCE_BY_HAND

    @property
    def duplicate_key(self) -> tuple[str, int] | None:
        """The same verifikation and amount is the same cost; None without verifikation."""
        v = self.verifikation.strip()
        return (v, self.amount) if v else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "amount": as_kronor(self.amount),
            "line_id": self.line_id,
            "text": self.text,
            "activity_id": self.activity_id,
            "verifikation": self.verifikation,
            "konto": self.konto,
            "kontonamn": self.kontonamn,
            "source": self.source,
            "planned": self.planned,
        }


@dataclass(frozen=True)
class KontoMapping:
    """The budget line a ledger konto's costs go to (None: the konto is not a cost of
    the insats, e.g. a balance or income account, and its lines are not imported)."""

    konto: str
    line_id: int | None
    kontonamn: str = ""


def validate_cost(cost: Cost, years: range, line_ids: Iterable[int]) -> None:
    """ValidationError (Swedish) for a cost that cannot be saved."""
    errors: list[str] = []
    if cost.day.year not in years:
        errors.append(
            f"Datumet {cost.day.isoformat()} ligger utanför insatsens år "
            f"({years.start}–{years.stop - 1})."
        )
    if cost.amount == 0:
        errors.append("Beloppet kan inte vara 0 kr.")
    if abs(cost.amount) > MAX_AMOUNT_ORE:
        errors.append(f"Beloppet {kronor(cost.amount)} kr är orimligt stort.")
    if cost.line_id not in set(line_ids):
        errors.append("Välj en budgetrad.")
    if len(cost.text) > MAX_TEXT:
        errors.append(f"Texten får vara högst {MAX_TEXT} tecken.")
    if errors:
        raise ValidationError(errors)


def validate_budget(amount: int) -> None:
    if amount < 0:
        raise ValidationError(["Budgeten kan inte vara negativ."])
    if amount > MAX_AMOUNT_ORE:
        raise ValidationError([f"Budgeten {kronor(amount)} kr är orimligt stor."])


def validate_lines(lines: Iterable[BudgetLine]) -> None:
    names = [line.name.strip() for line in lines]
    errors: list[str] = []
    if any(not n for n in names):
        errors.append("En budgetrad måste ha ett namn.")
    seen: set[str] = set()
    for n in names:
        if n.casefold() in seen:
            errors.append(f"Budgetraden {n} finns två gånger.")
        seen.add(n.casefold())
    if not any(line.active for line in lines):
        errors.append("Minst en budgetrad måste vara aktiv.")
    if errors:
        raise ValidationError(errors)
