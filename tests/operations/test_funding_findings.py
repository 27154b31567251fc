"""The funding rules' findings over the demo and generated data: each names a real cost
of the insats and a rule of RULES; notes stay with their finding; a finding never
changes or refuses a save."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.economy_entities import Cost
from app.core.funding_rules import COMPETENCE, MEMBERSHIP, RULES
from app.demo import gavleborg_economy as example
from app.demo.gavleborg import build_demo
from app.operations.economy import findings, insats_economy, year_economy
from app.operations.funding import add_cost, set_note
from app.store.database import Store
from tests.rich_data import build_rich_database

SEED = 20261202


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("funding")
    demo, rich = folder / "demo.sqlite3", folder / "rich.sqlite3"
    build_demo(demo)
    print(f"funding findings seed={SEED}")
    build_rich_database(rich, SEED, activities_per_year=3)
    return {"demo": demo, "generated": rich}


@pytest.mark.parametrize("which", ["demo", "generated"])
def test_every_finding_names_a_real_cost_and_a_rule(databases, which) -> None:
    store = Store.open(databases[which])
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        costs = {c.id: c for c in store.economy.costs(insats.id)}
        notes = store.economy.notes(insats.id)
        found = findings(store, insats)
        assert found, f"{which}: the data has flagged costs"
        for f in found:
            assert f.cost.id in costs and costs[f.cost.id] == f.cost
            assert RULES[f.rule.code] is f.rule
            assert f.matched
            assert f.note == notes.get((f.cost.id, f.rule.code), "")
        assert len({(f.cost.id, f.rule.code) for f in found}) == len(found)
        # Each year's economy carries the findings of that year's costs.
        for year in insats.years:
            shown = year_economy(store, insats, year).findings
            assert [(f.cost.id, f.rule.code, f.note) for f in shown] == [
                (f.cost.id, f.rule.code, f.note) for f in found if f.cost.year == year
            ]
        # The whole insats's economy carries them all.
        whole = insats_economy(store, insats)
        assert [(f.cost.id, f.rule.code, f.note) for f in whole.findings] == [
            (f.cost.id, f.rule.code, f.note) for f in found
        ]
    finally:
        store.close()


def test_the_demo_has_an_example_economy_and_its_flagged_costs(databases) -> None:
    store = Store.open(databases["demo"])
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        for year in insats.years:
            economy = year_economy(store, insats, year)
            months = 13 - insats.start.month if year == insats.start.year else 12
            assert economy.total.budget == sum(
                kr * months // 12 * 100 for kr in example.BUDGET_KR.values()
            )
            assert economy.total.booked > 0, year
            assert all(example.EXAMPLE in c.text for c in economy.costs)
        found = findings(store, insats)
        assert [(f.rule.code, f.noted) for f in found] == [(MEMBERSHIP, True), (COMPETENCE, False)]
        assert found[0].note == example.MEMBERSHIP_NOTE
        assert "Coompanion" in found[0].cost.text
        assert found[1].cost.planned  # flagged before the money is spent
        # The costs at the activities belong to those activities, on their day.
        starts = {a.id: a.start for a in store.activities.rows(insats.id, None)}
        linked = [c for c in store.economy.costs(insats.id) if c.activity_id is not None]
        assert len(linked) == len(example.AT_ACTIVITIES)
        assert all(starts[c.activity_id] == c.day for c in linked)
    finally:
        store.close()


def test_a_note_never_attaches_to_another_cost_and_never_hides_its_finding(store, insats) -> None:
    line = "Övrigt"
    a = add_cost(store, insats, date(2019, 2, 1), 240_000, line, "Medlemsavgift Skoopi")
    b = add_cost(store, insats, date(2019, 2, 2), 240_000, line, "Medlemsavgift Skoopi")
    assert a.id is not None and b.id is not None
    set_note(store, insats, a.id, "MEDLEMSKAP", "Sades upp")
    found = {f.cost.id: f for f in findings(store, insats)}
    assert set(found) == {a.id, b.id}
    assert found[a.id].note == "Sades upp"
    assert found[b.id].note == ""
    set_note(store, insats, a.id, MEMBERSHIP, "")
    assert {f.cost.id: f.note for f in findings(store, insats)} == {a.id: "", b.id: ""}


def test_findings_never_change_or_refuse_a_save(store, insats) -> None:
    cost = add_cost(store, insats, date(2019, 3, 1), 500_000, "Övrigt", "Kontantbidrag till ASF")
    assert store.economy.cost(cost.id) == cost
    assert [f.rule.code for f in findings(store, insats)] == ["kontantbidrag"]
    changed = store.economy.save_cost(replace(cost, text="Uppstartsstöd ASF", amount=600_000))
    assert (changed.text, changed.amount) == ("Uppstartsstöd ASF", 600_000)
    assert {f.rule.code for f in findings(store, insats)} == {"kontantbidrag", "starta_utveckla"}
    assert isinstance(changed, Cost)
