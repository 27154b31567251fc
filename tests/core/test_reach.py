"""People reached: the reach total, what is kept out of it, its breakdowns and checks."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.reach import (
    ACTIVITY_VOLUME,
    KEPT_OUT,
    REACH_TOTAL,
    REGISTERED_VOLUME,
    UNIQUE,
    RegisteredReach,
    people_reached_breakdowns,
    people_reached_table,
    people_reached_tables,
    reach_findings,
    reach_outside_total_table,
    reach_total,
    validate_registered_reach,
)
from app.core.summary import GENDER_UNKNOWN, UNALLOCATED, ActivityFact, SummaryTable
from app.core.vocabulary import OrgCategory, Role, Scope, Status

KOMMUNER = {1: "Bollnäs", 2: "Gävle", 3: "Hofors"}
INSATS = Insats(7, 1, "ASF", date(2016, 9, 1), date(2020, 12, 31))


def fact(place: str, status: Status, attendance: Attendance, n: int = 1) -> ActivityFact:
    return ActivityFact("Seminarium", place, status, attendance, n)


def entry(
    total: int,
    *,
    in_total: bool = True,
    year: int = 2018,
    kommun_id: int | None = None,
    reason: str = "Information i annat forum",
    **parts: object,
) -> RegisteredReach:
    scope = Scope.KOMMUN if kommun_id is not None else Scope.LANSOVERGRIPANDE
    return RegisteredReach(
        None,
        7,
        year,
        scope,
        kommun_id,
        reason,
        in_total,
        Attendance.build(total, **parts),  # type: ignore[arg-type]
    )


FACTS = [
    fact(
        "Gävle",
        Status.GENOMFORD,
        Attendance.build(40, {OrgCategory.KOMMUN: 30}, {Role.CHEF: 5}, women=20, men=10),
        n=2,
    ),
    fact("Hofors", Status.GENOMFORD, Attendance.build(15)),
    fact("Länsövergripande", Status.GENOMFORD, Attendance.build(20, women=20)),
    fact("Gävle", Status.PLANERAD, Attendance.build(99)),  # not held: never counted
    fact("Bollnäs", Status.INSTALLD, Attendance.build(0)),
]
REGISTERED = [
    entry(30, kommun_id=1, by_org={OrgCategory.ASF: 10}, women=12),
    entry(10, reason="Politiskt forum", by_role={Role.FORTROENDEVALD: 10}),
    entry(500, in_total=False, reason="Poddlyssnare", women=200),
    entry(7, year=2019),  # another year: ignored in 2018
]


def rows(table: SummaryTable) -> dict[str, int]:
    return {r.label: r.values[0] for r in table.rows}


def test_the_reach_total_is_activity_volume_plus_registered_in_total() -> None:
    table = people_reached_table(2018, FACTS, REGISTERED)

    assert table.key == "nadda_personer"
    assert table.title == "Nådda personer"
    assert table.columns == ("2018",)
    assert rows(table) == {ACTIVITY_VOLUME: 75, REGISTERED_VOLUME: 40}
    assert table.total.label == REACH_TOTAL == "Totalt nådda (volym)"
    assert table.total.values == (115,)
    assert table.value(REACH_TOTAL, "2018") == table.value("Totalt", "2018") == 115
    assert table.to_dict()["total"] == {"label": REACH_TOTAL, "values": {"2018": 115}}
    assert reach_total(2018, FACTS, REGISTERED) == 115
    assert "Volym" in table.note


def test_kept_out_and_unique_are_outside_any_total() -> None:
    table = reach_outside_total_table(2018, REGISTERED, unique_individuals=31)

    assert table.key == "nadda_utanfor_total"
    assert not table.has_total
    assert "total" not in table.to_dict()
    assert rows(table) == {KEPT_OUT: 500, UNIQUE: 31}


def test_without_named_participants_no_unique_row() -> None:
    table = reach_outside_total_table(2018, REGISTERED, unique_individuals=None)

    assert rows(table) == {KEPT_OUT: 500}


def test_every_figure_says_whether_it_is_volume_or_unique() -> None:
    tables = people_reached_tables(2018, FACTS, REGISTERED, KOMMUNER, 12)

    assert [t.key for t in tables] == [
        "nadda_personer",
        "nadda_utanfor_total",
        "nadda_kommun",
        "nadda_organisation",
        "nadda_roll",
        "nadda_kon",
    ]
    for table in tables:
        for row in [*table.rows, *([table.total] if table.has_total else [])]:
            kind = f"{table.title} {row.label}".casefold()
            assert ("volym" in kind) != ("unika" in kind), (table.key, row.label)


def test_breakdowns_per_kommun_org_role_and_gender() -> None:
    by_key = {t.key: t for t in people_reached_breakdowns(2018, FACTS, REGISTERED, KOMMUNER)}

    assert list(by_key) == ["nadda_kommun", "nadda_organisation", "nadda_roll", "nadda_kon"]
    assert rows(by_key["nadda_kommun"]) == {
        "Bollnäs": 30,
        "Gävle": 40,
        "Hofors": 15,
        "Länsövergripande": 30,
        "Nationellt": 0,
    }
    org = rows(by_key["nadda_organisation"])
    assert org[OrgCategory.KOMMUN.label] == 30
    assert org[OrgCategory.ASF.label] == 10
    assert org[UNALLOCATED] == 115 - 40
    role = rows(by_key["nadda_roll"])
    assert role[Role.CHEF.label] == 5
    assert role[Role.FORTROENDEVALD.label] == 10
    assert role[UNALLOCATED] == 100
    assert rows(by_key["nadda_kon"]) == {"Kvinnor": 52, "Män": 10, GENDER_UNKNOWN: 53}


def test_a_place_outside_the_kommun_list_gets_its_own_row() -> None:
    facts = [fact("Älvkarleby", Status.GENOMFORD, Attendance.build(3))]
    kommun = people_reached_breakdowns(2018, facts, [], KOMMUNER)[0]

    assert [r.label for r in kommun.rows] == [
        "Bollnäs",
        "Gävle",
        "Hofors",
        "Älvkarleby",
        "Länsövergripande",
        "Nationellt",
    ]
    assert kommun.total.values == (3,)


def random_attendance(rng: random.Random) -> Attendance:
    total = rng.randint(0, 60)
    orgs = {c: rng.randint(0, total // 6) for c in OrgCategory}
    roles = {r: rng.randint(0, total // 5) for r in Role}
    women = rng.randint(0, total // 2)
    return Attendance.build(total, orgs, roles, women, rng.randint(0, total - women))


@pytest.mark.parametrize("seed", range(25))
def test_invariants_hold_for_random_years(seed: int) -> None:
    rng = random.Random(seed)
    places = [*KOMMUNER.values(), "Länsövergripande", "Nationellt"]
    facts = [
        fact(
            rng.choice(places), rng.choice(list(Status)), random_attendance(rng), rng.randint(1, 3)
        )
        for _ in range(rng.randint(0, 12))
    ]
    registered = [
        RegisteredReach(
            None,
            7,
            rng.choice([2017, 2018, 2018, 2019]),
            Scope.KOMMUN if (k := rng.choice([None, 1, 2, 3])) else Scope.NATIONELLT,
            k,
            "Forum",
            rng.random() < 0.6,
            random_attendance(rng),
        )
        for _ in range(rng.randint(0, 6))
    ]
    held = sum(f.attendance.total for f in facts if f.status is Status.GENOMFORD)
    in_total = sum(r.attendance.total for r in registered if r.in_total and r.year == 2018)
    kept_out = sum(r.attendance.total for r in registered if not r.in_total and r.year == 2018)

    main = people_reached_table(2018, facts, registered)
    outside = reach_outside_total_table(2018, registered, None)
    breakdowns = people_reached_breakdowns(2018, facts, registered, KOMMUNER)

    # The reach total is the activities' volume plus what is registered in the total.
    assert main.total.values == (held + in_total,)
    assert main.total.values[0] == sum(r.values[0] for r in main.rows)
    # Every breakdown sums to the same total.
    for table in breakdowns:
        assert table.total.values == main.total.values, table.key
    # Kept-out reach is shown, and never enters a total.
    assert rows(outside)[KEPT_OUT] == kept_out
    assert not outside.has_total
    if kept_out:
        without = [r for r in registered if r.in_total or r.year != 2018]
        assert people_reached_table(2018, facts, without).total == main.total
        for a, b in zip(
            people_reached_breakdowns(2018, facts, without, KOMMUNER), breakdowns, strict=True
        ):
            assert a == b


# --- validation ----------------------------------------------------------------------


def test_validation_tidies_and_checks() -> None:
    draft = RegisteredReach(
        None, 7, 2018, Scope.NATIONELLT, 3, "  Podd  ", False, Attendance.build(40)
    )
    checked = validate_registered_reach(draft)

    assert checked.reason == "Podd"
    assert checked.kommun_id is None  # only a kommun scope keeps a kommun


def test_validation_lists_every_problem() -> None:
    bad = RegisteredReach(
        None,
        7,
        18,
        Scope.KOMMUN,
        None,
        "  ",
        True,
        Attendance(total=5, women=4, men=3),
    )
    with pytest.raises(ValidationError) as caught:
        validate_registered_reach(bad)

    assert caught.value.problems == [
        "Ange varför antalet registreras utanför aktiviteterna (t.ex. forum).",
        "Välj kommun, eller ange att antalet är länsövergripande eller nationellt.",
        "Året 18 är inte ett rimligt år.",
        "Kvinnor och män (7) är fler än totalt antal deltagare (5).",
    ]


# --- findings ------------------------------------------------------------------------


def test_findings_zero_count_and_year_outside_the_period() -> None:
    registered = [
        entry(0, in_total=False, reason="Poddlyssnare"),
        entry(12, year=2021, kommun_id=2, reason="Mässa"),
        entry(5),
    ]
    assert reach_findings(2018, registered, INSATS, KOMMUNER) == [
        Finding(
            "Registrerat antal nådda är 0",
            "Nådda personer 2018, Länsövergripande: Poddlyssnare (hållet utanför totalen)",
            "minst 1 person",
            "0",
        )
    ]
    assert reach_findings(2021, registered, INSATS, KOMMUNER) == [
        Finding(
            "Nådda personer registrerade för ett år utanför insatsens period",
            "Nådda personer 2021, Gävle: Mässa (registrerat i totalen)",
            "2016–2020",
            "2021",
        )
    ]


def test_finding_more_unique_than_volume() -> None:
    facts = [fact("Gävle", Status.GENOMFORD, Attendance.build(3))]

    assert reach_findings(2018, [], INSATS, KOMMUNER, facts, unique_individuals=3) == []
    assert reach_findings(2018, [], INSATS, KOMMUNER, facts, unique_individuals=4) == [
        Finding(
            "Fler unika individer än deltagare på aktiviteterna",
            "Nådda personer 2018",
            "högst 3",
            "4",
        )
    ]


def test_the_gavleborg_figures_can_be_held() -> None:
    """The report's yearly figures, registered apart; 2020 without podcast listeners."""
    reported = {2016: 95, 2017: 586, 2018: 235, 2019: 183, 2020: 176}
    registered = [entry(n, year=y, reason="Slutrapporten") for y, n in reported.items()]
    registered.append(entry(1000, year=2020, in_total=False, reason="Poddlyssnare"))

    totals = {y: people_reached_table(y, [], registered).total.values[0] for y in reported}

    assert totals == reported
    assert sum(totals.values()) == 1275  # the report says 1 257: its own sum does not add up
    assert rows(reach_outside_total_table(2020, registered))[KEPT_OUT] == 1000
