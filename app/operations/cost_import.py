"""Importing costs from a ledger extract into the current insats: the plan, then all or
nothing. Shared by the window (app/ui/ledger_import_dialog.py) and the command line
(app/cli_costs_import.py).

    extract = read_ledger(path)
    plan = plan_import(store, insats, extract)            # the remembered mapping
    plan = plan_import(store, insats, extract, {"5010": line_id, "3010": None})
    apply_plan(store, plan)                               # costs + mapping, one transaction

Each konto goes to the budget line of the remembered mapping (``store.economy.mapping``);
a konto seen for the first time gets a suggested line (``core.konto_suggestions``) that
the user must confirm: the plan lists it as new. A konto mapped to no line is not a
cost of the insats (a balance or income account): its rows are left out and counted.
Rows dated outside the insats are left out and reported (a year's extract may begin
before the insats did). A row whose (verifikation, amount) is already a cost of the
insats, or comes earlier in the same file, is a duplicate: left out and listed. An
extract with errors plans nothing: it cannot be applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.economy_entities import BudgetLine, Cost, KontoMapping, validate_cost
from app.core.errors import DomainError
from app.core.konto_suggestions import suggested_line
from app.importers.ledger import LedgerExtract, LedgerLine

if TYPE_CHECKING:
    from app.core.entities import Insats
    from app.store.database import Store

NOT_CONFIRMED = (
    "Kontomappningen för de nya kontona är inte bekräftad: kontrollera budgetraderna och "
    "bekräfta dem innan importen."
)


@dataclass(frozen=True)
class KontoPlan:
    """One konto of the extract: its rows and sum, and the line its costs go to."""

    konto: str
    kontonamn: str
    rows: int
    amount: int
    line_id: int | None  # None: not a cost of the insats
    new: bool  # not in the remembered mapping: the user confirms it
    changed: bool  # remembered, but the user chose another line this time


@dataclass(frozen=True)
class LineTotal:
    line_id: int
    name: str
    count: int
    amount: int


@dataclass(frozen=True)
class CostPlan:
    source: str  # the file's name, each cost's source
    insats_id: int
    extract: LedgerExtract
    konton: tuple[KontoPlan, ...]
    costs: tuple[Cost, ...]
    per_line: tuple[LineTotal, ...]
    duplicates: tuple[tuple[LedgerLine, str], ...]  # the line and why
    not_costs: tuple[LedgerLine, ...]  # on a konto that is not a cost of the insats
    outside: tuple[LedgerLine, ...]  # dated outside the insats
    zero: tuple[LedgerLine, ...]  # 0,00 kr: nothing to add
    problems: tuple[str, ...] = field(default=())  # the extract's errors, as sentences
    cost_rows: tuple[int, ...] = ()  # the file's row of each cost, in the same order

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        return sum(c.amount for c in self.costs)

    @property
    def new_konton(self) -> tuple[KontoPlan, ...]:
        return tuple(k for k in self.konton if k.new)

    @property
    def duplicate_total(self) -> int:
        return sum(line.amount for line, _ in self.duplicates)

    @property
    def rows_read(self) -> int:
        return len(self.extract.lines)

    def mapping(self) -> list[KontoMapping]:
        """The konton to remember: the new ones and those the user changed."""
        return [
            KontoMapping(k.konto, k.line_id, k.kontonamn) for k in self.konton if k.new or k.changed
        ]


def _konton(
    extract: LedgerExtract,
    remembered: Mapping[str, KontoMapping],
    lines: list[BudgetLine],
    chosen: Mapping[str, int | None],
) -> list[KontoPlan]:
    rows: dict[str, list[LedgerLine]] = {}
    for line in extract.lines:
        rows.setdefault(line.konto, []).append(line)
    active = {x.id for x in lines if x.active}
    plans: list[KontoPlan] = []
    for konto in sorted(rows):
        of = rows[konto]
        name = next((x.kontonamn for x in of if x.kontonamn), "")
        known = remembered.get(konto)
        if known is not None and known.line_id is not None and known.line_id not in active:
            known = None  # its line was made inactive: ask again
        if konto in chosen:
            line_id = chosen[konto]
        elif known is not None:
            line_id = known.line_id
        else:
            line_id = suggested_line(konto, name, lines)
        changed = known is not None and line_id != known.line_id
        total = sum(x.amount for x in of)
        plans.append(KontoPlan(konto, name, len(of), total, line_id, known is None, changed))
    return plans


def plan_import(
    store: Store,
    insats: Insats,
    extract: LedgerExtract,
    chosen: Mapping[str, int | None] | None = None,
) -> CostPlan:
    """What importing ``extract`` would do; ``chosen``: the user's line per konto (None:
    not a cost), over the remembered and suggested ones."""
    assert insats.id is not None
    problems = tuple(str(e) for e in extract.errors)
    lines = store.economy.lines()
    names = {x.id: x.name for x in lines}
    active_ids = [x.id for x in lines if x.active and x.id is not None]
    picks = dict(chosen or {})
    for konto, line_id in picks.items():
        if line_id is not None and line_id not in active_ids:
            raise DomainError(f"Konto {konto}: budgetraden finns inte eller är inaktiv.")
    konton = _konton(extract, store.economy.mapping(), lines, picks) if not problems else []
    line_of = {k.konto: k.line_id for k in konton}
    seen = set(store.economy.duplicate_keys(insats.id))
    first_row: dict[tuple[str, int], int] = {}
    costs: list[Cost] = []
    duplicates: list[tuple[LedgerLine, str]] = []
    not_costs: list[LedgerLine] = []
    outside: list[LedgerLine] = []
    zero: list[LedgerLine] = []
    cost_rows: list[int] = []
    for line in extract.lines if not problems else ():
        line_id = line_of[line.konto]
        if line_id is None:
            not_costs.append(line)
            continue
        if not insats.start <= line.day <= insats.end:
            outside.append(line)
            continue
        if line.amount == 0:
            zero.append(line)
            continue
        dup = (line.verifikation, line.amount)
        if line.verifikation and dup in seen:
            duplicates.append((line, "finns redan bland insatsens kostnader"))
            continue
        if line.verifikation and dup in first_row:
            duplicates.append((line, f"samma verifikation och belopp som rad {first_row[dup]}"))
            continue
        if line.verifikation:
            first_row[dup] = line.row
        cost = Cost(
            None,
            insats.id,
            line.day,
            line.amount,
            line_id,
            text=line.text,
            verifikation=line.verifikation,
            konto=line.konto,
            kontonamn=line.kontonamn,
            source=extract.name,
        )
        validate_cost(cost, insats.years, active_ids)
        costs.append(cost)
        cost_rows.append(line.row)
    per_line = []
    for line_id in [x.id for x in lines if x.id is not None]:
        of = [c for c in costs if c.line_id == line_id]
        if of:
            total = sum(c.amount for c in of)
            per_line.append(LineTotal(line_id, names[line_id], len(of), total))
    return CostPlan(
        extract.name,
        insats.id,
        extract,
        tuple(konton),
        tuple(costs),
        tuple(per_line),
        tuple(duplicates),
        tuple(not_costs),
        tuple(outside),
        tuple(zero),
        problems,
        tuple(cost_rows),
    )


def apply_plan(store: Store, plan: CostPlan, *, mapping_confirmed: bool) -> int:
    """Add the plan's costs and remember its mapping, in one transaction; the number of
    costs added. DomainError for an extract with errors, or new konton not confirmed."""
    if not plan.ok:
        raise DomainError(
            "Filen har rader som inte kan läsas; ingenting importerades.\n"
            + "\n".join(plan.problems[:20])
        )
    if plan.new_konton and not mapping_confirmed:
        raise DomainError(NOT_CONFIRMED)
    if not plan.costs and not plan.mapping():
        return 0
    there = store.economy.duplicate_keys(plan.insats_id)
    if any(c.duplicate_key in there for c in plan.costs):
        raise DomainError(
            "Insatsens kostnader har ändrats sedan filen lästes; läs in filen igen. "
            "Ingenting importerades."
        )
    return store.economy.add_costs(plan.costs, plan.mapping())
