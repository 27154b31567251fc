"""The insats's money in the database: budget lines, budgets, costs, the konto mapping
and the notes on the funding rules' findings.

Reads are plain SQL on sqlite3; writes are one ORM transaction each, so an import of a
ledger extract (``add_costs``) is all or nothing. Duplicates (the same verifikation and
amount as a cost already there) are the caller's to leave out, from ``duplicate_keys``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.economy_entities import (
    BudgetAmount,
    BudgetLine,
    Cost,
    KontoMapping,
    validate_budget,
    validate_lines,
)
from app.core.errors import DomainError
from app.store import models  # noqa: F401  (the tables the foreign keys name)
from app.store.commits import commit
from app.store.database_protocol import Database
from app.store.economy_models import (
    BudgetLineModel,
    BudgetModel,
    CostModel,
    CostNoteModel,
    KontoMappingModel,
)
from app.store.record_versions import check, checked, save_checked

_COST_COLUMNS = (
    "id, insats_id, day, amount, line_id, text, activity_id, verifikation, konto, "
    "kontonamn, source, planned, version"
)
_GONE = "Kostnaden finns inte längre; den kan ha tagits bort."


def _cost(r: Sequence[Any]) -> Cost:
    return Cost(
        id=r[0],
        insats_id=r[1],
        day=date.fromisoformat(r[2]),
        amount=int(r[3]),
        line_id=r[4],
        text=r[5] or "",
        activity_id=r[6],
        verifikation=r[7] or "",
        konto=r[8] or "",
        kontonamn=r[9] or "",
        source=r[10] or "",
        planned=bool(r[11]),
        version=r[12],
    )


def _apply(row: CostModel, cost: Cost) -> None:
    row.insats_id, row.day, row.amount, row.line_id = (
        cost.insats_id,
        cost.day,
        cost.amount,
        cost.line_id,
    )
    row.text, row.activity_id = cost.text.strip(), cost.activity_id
    row.verifikation, row.konto = cost.verifikation.strip(), cost.konto.strip()
    row.kontonamn, row.source, row.planned = cost.kontonamn.strip(), cost.source, cost.planned


def _put_mapping(s: Session, mapping: Sequence[KontoMapping]) -> None:
    """The konton's lines as ``mapping`` says; an unchanged konto is not written."""
    for m in mapping:
        row = s.get(KontoMappingModel, m.konto) or KontoMappingModel(konto=m.konto)
        if row.line_id != m.line_id or row.kontonamn != m.kontonamn:
            row.line_id, row.kontonamn = m.line_id, m.kontonamn
        s.add(row)


class EconomyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- budget lines ---------------------------------------------------------------------
    def lines(self, include_inactive: bool = True) -> list[BudgetLine]:
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, name, sort_order, active, placements FROM budget_line "
                "ORDER BY sort_order, id"
            ).fetchall()
        lines = [BudgetLine(r[0], r[1], r[2], bool(r[3]), bool(r[4])) for r in rows]
        return lines if include_inactive else [x for x in lines if x.active]

    def save_lines(self, lines: Sequence[BudgetLine]) -> list[BudgetLine]:
        """Make the list exactly ``lines``, in that order; a line in use by a budget, a
        cost or the konto mapping cannot be removed (make it inactive instead)."""
        validate_lines(lines)
        with Session(self._db.engine) as s:
            existing = {m.id: m for m in s.scalars(select(BudgetLineModel))}
            kept = {x.id for x in lines if x.id is not None}
            if kept - existing.keys():
                raise DomainError("Budgetraderna har ändrats någon annanstans. Försök igen.")
            for line_id in existing.keys() - kept:
                for model, what in (
                    (BudgetModel, "budget"),
                    (CostModel, "kostnader"),
                    (KontoMappingModel, "kontomappningen"),
                ):
                    used = s.scalar(select(model).where(model.line_id == line_id).limit(1))
                    if used is not None:
                        raise DomainError(
                            f"Budgetraden {existing[line_id].name} kan inte tas bort: den "
                            f"används av {what}. Gör den inaktiv i stället."
                        )
                s.delete(existing[line_id])
            s.flush()
            for line_id in kept:
                existing[line_id].name = f"\x01{line_id}"  # no NUL: PostgreSQL refuses it
            s.flush()
            for i, x in enumerate(lines):
                m = existing[x.id] if x.id is not None else BudgetLineModel()
                m.name, m.sort_order, m.active, m.placements = (
                    x.name.strip(),
                    i,
                    x.active,
                    x.placements,
                )
                s.add(m)
            commit(s, "Budgetraderna")
        return self.lines()

    # --- budgets --------------------------------------------------------------------------
    def budgets(self, insats_id: int, years: range | None = None) -> list[BudgetAmount]:
        """The insats's budget per year and line (of ``years``, or all)."""
        sql = "SELECT insats_id, year, line_id, amount FROM budget WHERE insats_id = ?"
        params: tuple[int, ...] = (insats_id,)
        if years is not None:
            sql += " AND year >= ? AND year < ?"
            params += (years.start, years.stop)
        with self._db.read() as con:
            rows = con.execute(sql + " ORDER BY year, line_id", params).fetchall()
        return [BudgetAmount(r[0], r[1], r[2], int(r[3])) for r in rows]

    def set_budgets(self, insats_id: int, year: int, amounts: Mapping[int, int]) -> None:
        """The year's budget per line id is ``amounts`` (öre); 0 removes a line's budget.
        Lines not in ``amounts`` keep theirs. One transaction; an unchanged amount is
        not written (an unchanged save leaves no trace)."""
        for amount in amounts.values():
            validate_budget(amount)
        with Session(self._db.engine) as s:
            rows = {
                m.line_id: m
                for m in s.scalars(
                    select(BudgetModel).where(
                        BudgetModel.insats_id == insats_id, BudgetModel.year == year
                    )
                )
            }
            for line_id, amount in amounts.items():
                row = rows.get(line_id)
                if amount == 0:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(
                        BudgetModel(insats_id=insats_id, year=year, line_id=line_id, amount=amount)
                    )
                elif row.amount != amount:
                    row.amount = amount
            commit(s, "Budgeten")

    # --- costs ----------------------------------------------------------------------------
    def costs(
        self, insats_id: int, first: date | None = None, last: date | None = None
    ) -> list[Cost]:
        """The insats's costs (from ``first`` to ``last`` when given), by date."""
        sql = f"SELECT {_COST_COLUMNS} FROM cost WHERE insats_id = ?"
        params: list[Any] = [insats_id]
        if first is not None:
            sql += " AND day >= ?"
            params.append(first.isoformat())
        if last is not None:
            sql += " AND day <= ?"
            params.append(last.isoformat())
        with self._db.read() as con:
            rows = con.execute(sql + " ORDER BY day, id", params).fetchall()
        return [_cost(r) for r in rows]

    def cost(self, cost_id: int) -> Cost:
        with self._db.read() as con:
            row = con.execute(
                f"SELECT {_COST_COLUMNS} FROM cost WHERE id = ?", (cost_id,)
            ).fetchone()
        if row is None:
            raise DomainError(_GONE)
        return _cost(row)

    def save_cost(self, cost: Cost) -> Cost:
        """Add (id None) or change one cost; an unchanged save writes nothing; a save
        from an older version than the stored one is refused (StaleRecord)."""

        def write() -> int:
            with Session(self._db.engine) as s, checked(s):
                row = CostModel() if cost.id is None else s.get(CostModel, cost.id)
                if row is None:
                    raise DomainError(_GONE)
                if cost.id is not None:
                    check(row.version, cost.version)
                _apply(row, cost)
                s.add(row)
                commit(s, "Kostnaden")
                return row.id

        return save_checked(self._db, "cost", f"Kostnaden ”{cost.text}”", cost, write, self.cost)

    def delete_costs(self, cost_ids: Iterable[int]) -> int:
        ids = list(cost_ids)
        with Session(self._db.engine) as s:
            rows = list(s.scalars(select(CostModel).where(CostModel.id.in_(ids))))
            for row in rows:
                s.delete(row)
            commit(s, "Borttagningen")
        return len(rows)

    def add_costs(self, costs: Sequence[Cost], mapping: Sequence[KontoMapping] = ()) -> int:
        """Add every cost and remember ``mapping``, all in one transaction: all or
        nothing (a ledger import)."""
        with Session(self._db.engine) as s:
            _put_mapping(s, mapping)
            for cost in costs:
                new = CostModel()
                _apply(new, cost)
                s.add(new)
            commit(s, "Kostnaderna")
        return len(costs)

    def duplicate_keys(self, insats_id: int) -> set[tuple[str, int]]:
        """(verifikation, amount) of the insats's costs that have a verifikation."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT verifikation, amount FROM cost WHERE insats_id = ? AND verifikation <> ''",
                (insats_id,),
            ).fetchall()
        return {(str(r[0]), int(r[1])) for r in rows}

    # --- konto mapping --------------------------------------------------------------------
    def mapping(self) -> dict[str, KontoMapping]:
        with self._db.read() as con:
            rows = con.execute("SELECT konto, line_id, kontonamn FROM konto_mapping").fetchall()
        return {r[0]: KontoMapping(r[0], r[1], r[2] or "") for r in rows}

    # --- notes on findings ----------------------------------------------------------------
    def notes(self, insats_id: int) -> dict[tuple[int, str], str]:
        """The user's notes by (cost id, rule code)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT n.cost_id, n.rule, n.note FROM cost_note n JOIN cost c ON c.id = n.cost_id "
                "WHERE c.insats_id = ?",
                (insats_id,),
            ).fetchall()
        return {(r[0], r[1]): r[2] for r in rows}

    def set_note(self, cost_id: int, rule: str, note: str) -> None:
        """The note on ``rule``'s finding for the cost; empty removes it."""
        with Session(self._db.engine) as s:
            row = s.scalar(
                select(CostNoteModel).where(
                    CostNoteModel.cost_id == cost_id, CostNoteModel.rule == rule
                )
            )
            text = note.strip()
            if not text:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(CostNoteModel(cost_id=cost_id, rule=rule, note=text))
            elif row.note != text:
                row.note = text
            commit(s, "Anteckningen")
