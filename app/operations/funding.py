"""The user's notes on the funding rules' findings, and the costs and budgets the
command line writes: checked here, shared by the window and the CLI. No Qt.

A note is the user's assessment of one finding (one cost, one rule): it never hides the
finding, which is listed with it. A note on a cost the rule does not (or no longer)
flag is still kept, and shown again if the cost is flagged later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.core.economy_entities import BudgetLine, Cost, validate_cost
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.funding_rules import RULES
from app.store.database import Store

MAX_NOTE = 1000


def rule_code(text: str) -> str:
    """The rule ``text`` names (its code, case aside); DomainError listing the codes."""
    code = text.strip().casefold()
    if code not in RULES:
        raise DomainError(f"Regeln {text} finns inte. Välj en av: {', '.join(RULES)}.")
    return code


def set_note(store: Store, insats: Insats, cost_id: int, rule: str, note: str) -> None:
    """The note on ``rule``'s finding for the insats's cost ``cost_id``; "" removes it."""
    code = rule_code(rule)
    try:
        cost = store.economy.cost(cost_id)
    except DomainError:
        raise DomainError(f"Kostnad {cost_id} finns inte.") from None
    if cost.insats_id != insats.id:
        raise DomainError(f"Kostnad {cost_id} hör inte till {insats.name}.")
    if len(note.strip()) > MAX_NOTE:
        raise ValidationError([f"Anteckningen får vara högst {MAX_NOTE} tecken."])
    store.economy.set_note(cost_id, code, note)


def line_named(lines: Sequence[BudgetLine], name: str) -> BudgetLine:
    """The active budget line called ``name`` (case aside); DomainError naming them."""
    wanted = name.strip().casefold()
    for line in lines:
        if line.name.casefold() == wanted:
            if not line.active:
                raise DomainError(f"Budgetraden {line.name} är inaktiv.")
            return line
    names = ", ".join(x.name for x in lines if x.active)
    raise DomainError(f"Budgetraden ”{name}” finns inte. Budgetraderna är: {names}.")


def add_cost(
    store: Store,
    insats: Insats,
    day: date,
    amount: int,
    line_name: str,
    text: str = "",
    activity_id: int | None = None,
    planned: bool = False,
) -> Cost:
    """A cost entered by hand, checked (Swedish messages) and saved."""
    assert insats.id is not None
    lines = store.economy.lines()
    line = line_named(lines, line_name)
    assert line.id is not None
    if activity_id is not None:
        ids = {a.id for a in store.activities.rows(insats.id, None)}
        if activity_id not in ids:
            raise DomainError(f"Aktivitet {activity_id} finns inte i {insats.name}.")
    cost = Cost(None, insats.id, day, amount, line.id, text.strip(), activity_id, planned=planned)
    validate_cost(cost, insats.years, [x.id for x in lines if x.id is not None and x.active])
    return store.economy.save_cost(cost)


def set_budget(store: Store, insats: Insats, year: int, line_name: str, amount: int) -> None:
    """The year's budget of one line (0 removes it)."""
    assert insats.id is not None
    if year not in insats.years:
        first, last = insats.years.start, insats.years.stop - 1
        raise DomainError(f"År {year} ligger utanför insatsens år ({first}–{last}).")
    line = line_named(store.economy.lines(), line_name)
    assert line.id is not None
    store.economy.set_budgets(insats.id, year, {line.id: amount})
