"""The money in the database: what is saved reads back, an unchanged save writes
nothing, a ledger import is all or nothing, and a line in use cannot be removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.economy_entities import DEFAULT_LINES, BudgetLine, Cost, KontoMapping
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.store.database import Store


def _all_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.file.read() as con:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("budget_line", "budget", "cost", "konto_mapping", "cost_note")
        }


def _line(store: Store, name: str) -> int:
    found = [x.id for x in store.economy.lines() if x.name == name]
    assert found and found[0] is not None
    return found[0]


def test_a_new_database_has_the_default_lines(store: Store) -> None:
    lines = store.economy.lines()
    assert [(x.name, x.placements) for x in lines] == list(DEFAULT_LINES)
    assert all(x.active for x in lines)


def test_a_cost_reads_back_as_saved_and_an_unchanged_save_writes_nothing(
    store: Store, insats: Insats
) -> None:
    assert insats.id is not None
    cost = Cost(
        None,
        insats.id,
        date(2019, 3, 14),
        -123456,
        _line(store, "Resor"),
        "Kreditering tåg",
        verifikation="V12",
        konto="7110",
        kontonamn="Resekostnader",
        source="huvudbok.xlsx",
    )
    saved = store.economy.save_cost(cost)
    assert saved == replace(cost, id=saved.id)
    store.changes.collect(label="lägg till kostnad")
    store.economy.save_cost(saved)
    assert store.changes.pending() == 0
    assert store.economy.duplicate_keys(insats.id) == {("V12", -123456)}


def test_unchanged_budget_writes_nothing_and_zero_removes(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    personal = _line(store, "Personal")
    store.economy.set_budgets(insats.id, 2019, {personal: 50_000_000})
    store.changes.collect(label="budget")
    store.economy.set_budgets(insats.id, 2019, {personal: 50_000_000})
    assert store.changes.pending() == 0
    store.economy.set_budgets(insats.id, 2019, {personal: 0})
    assert store.economy.budgets(insats.id) == []
    with pytest.raises(ValidationError, match="negativ"):
        store.economy.set_budgets(insats.id, 2019, {personal: -1})


def test_an_import_that_fails_writes_nothing(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    before = _all_rows(store)
    good = Cost(None, insats.id, date(2019, 1, 2), 10000, _line(store, "Material"), "Papper")
    bad = replace(good, line_id=9999)  # no such line: the foreign key refuses it
    with pytest.raises(DomainError):
        store.economy.add_costs([good, bad], [KontoMapping("6410", _line(store, "Material"))])
    assert _all_rows(store) == before


def test_mapping_and_notes(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    material = _line(store, "Material")
    store.economy.add_costs(
        [Cost(None, insats.id, date(2019, 1, 2), 10000, material, "Medlemsavgift")],
        [KontoMapping("6410", material, "Material"), KontoMapping("3010", None, "Intäkter")],
    )
    assert store.economy.mapping()["3010"].line_id is None
    (cost,) = store.economy.costs(insats.id)
    assert cost.id is not None
    store.economy.set_note(cost.id, "medlemskap", "  Avser NNS.  ")
    assert store.economy.notes(insats.id) == {(cost.id, "medlemskap"): "Avser NNS."}
    store.economy.set_note(cost.id, "medlemskap", "")
    assert store.economy.notes(insats.id) == {}


def test_a_line_in_use_is_refused_removal_and_names_can_swap(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    lines = store.economy.lines()
    store.economy.set_budgets(insats.id, 2019, {lines[0].id or 0: 100})
    with pytest.raises(DomainError, match="Gör den inaktiv"):
        store.economy.save_lines(lines[1:])
    swapped = [replace(lines[0], name=lines[1].name), replace(lines[1], name=lines[0].name)]
    saved = store.economy.save_lines([*swapped, *lines[2:], BudgetLine(None, "Konferenser")])
    assert [x.name for x in saved[:2]] == [lines[1].name, lines[0].name]
    assert saved[-1].name == "Konferenser"
    with pytest.raises(ValidationError, match="två gånger"):
        store.economy.save_lines([*saved, BudgetLine(None, "konferenser")])
