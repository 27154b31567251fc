"""A generated record for tests: many activities (bench.generate) and the rest of the
record through the store, all drawn from one seed and valid by construction (the store
validates everything it saves, and nothing drawn breaks a rule)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from app.core.attendance import Attendance
from app.core.county_stats import CountyStats
from app.core.entities import Activity
from app.core.groups import Group, GroupStatusChange
from app.core.people import Person
from app.core.placements import Placement
from app.core.reach import RegisteredReach
from app.core.vocabulary import (
    GroupStatus,
    OrgCategory,
    Outcome,
    PlacedSource,
    Role,
    Scope,
    Status,
)
from app.core.year_plan import PlanGoal
from app.store.database import Store
from bench.generate import generate


def build_generated_record(path: Path, seed: int, *, years: int = 3, per_year: int = 100) -> None:
    """A new database at ``path``: ``years`` years from 2005 of ``per_year`` activities
    each, then named participants, reach, groups, goals, placements and county statistics."""
    generate(path, years=years, per_year=per_year, seed=seed, verbose=False)
    store = Store.open(path)
    try:
        _fill_record(store, random.Random(seed))
    finally:
        store.close()


def _fill_record(store: Store, rng: random.Random) -> None:
    """Named participants, reach (in and out of the total), groups, goals, placements and
    county statistics, drawn from ``rng``; every value is one the store accepts."""
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None and insats.forbund_id is not None
    kommuner = [k.id for k in store.reference.kommuner(insats.forbund_id) if k.id is not None]
    seminar = next(t.id for t in store.reference.activity_types() if t.id is not None)
    people = [
        store.people.save(Person(None, insats.forbund_id, f"Deltagare {n}", None, "")).id
        for n in range(1, 7)
    ]
    years = list(insats.years)
    for year in years:
        for n in range(2):
            named = tuple(p for p in rng.sample(people, rng.randint(1, 4)) if p is not None)
            store.activities.add(
                Activity(
                    None,
                    insats.id,
                    seminar,
                    f"Seminarium med namnlista {n + 1}",
                    date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    scope=Scope.KOMMUN,
                    kommun_id=rng.choice(kommuner),
                    status=Status.GENOMFORD,
                    attendance=Attendance.build(len(named) + rng.randint(0, 20)),
                    participant_ids=named,
                )
            )
        for in_total in (True, True, False):
            total = rng.randint(20, 900)
            women = rng.randint(0, total // 2)
            orgs = {OrgCategory.KOMMUN: rng.randint(0, total // 2)}
            roles = {Role.CHEF: rng.randint(0, total // 3)}
            scope = rng.choice([Scope.KOMMUN, Scope.LANSOVERGRIPANDE, Scope.NATIONELLT])
            store.reach.save(
                RegisteredReach(
                    None,
                    insats.id,
                    year,
                    scope,
                    rng.choice(kommuner) if scope is Scope.KOMMUN else None,
                    rng.choice(["Mässa", "Poddlyssnare", "Nyhetsbrev", "Föreläsning"]),
                    in_total,
                    Attendance.build(total, orgs, roles, women, rng.randint(0, total - women)),
                )
            )
        for kommun in rng.sample(kommuner, 3):
            used = rng.randint(0, 9)
            women = rng.randint(0, used)
            outcomes = {o: 0 for o in Outcome}
            for _ in range(rng.randint(0, used)):
                outcomes[rng.choice(list(Outcome))] += 1
            store.placements.save(
                Placement(
                    None,
                    insats.id,
                    year,
                    kommun_id=kommun,
                    granted=used + rng.randint(0, 3),
                    used=used,
                    women=women,
                    men=used - women,
                    unique_individuals=rng.randint(0, used),
                    outcomes=outcomes,
                )
            )
        goals = [PlanGoal(None, insats.id, year, f"Mål {n} för {year}", n) for n in (1, 2)]
        store.plan.save_goals(insats.id, year, goals)
        placed = {s: rng.randint(0, 40) for s in PlacedSource}
        women = rng.randint(0, 200)
        store.county_stats.save(
            CountyStats(
                None,
                insats.forbund_id,
                year,
                companies_total=rng.randint(10, 60),
                employees_total=rng.randint(200, 1500),
                employees_women=women,
                employees_men=rng.randint(0, 200),
                placed_total=sum(placed.values()),
                placed_by_source=placed,
            )
        )
    for kommun in rng.sample(kommuner, 4):
        formed = date(years[0], rng.randint(1, 12), rng.randint(1, 28))
        statuses = [GroupStatusChange(formed, GroupStatus.BILDAD)]
        if rng.random() < 0.7:
            statuses.append(GroupStatusChange(date(years[1], 2, 1), GroupStatus.AKTIV))
        if rng.random() < 0.4:
            statuses.append(GroupStatusChange(date(years[-1], 6, 1), GroupStatus.VILANDE))
        store.groups.save(
            Group(None, insats.id, kommun, "Samverkansgrupp ASF", formed, statuses=tuple(statuses))
        )
