"""The period summary: each year's figures side by side, with a total both ways."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.findings import Finding
from app.core.groups import Group, GroupStatusChange, MeetingCount
from app.core.period import (
    MONTHS,
    PERIOD_KEYS,
    PeriodSummary,
    build_period_summary,
    month_table,
    period_table,
)
from app.core.placements import Placement
from app.core.reach import REACH_TOTAL, RegisteredReach
from app.core.summary import ActivityFact, SummaryTable, YearSummary
from app.core.vocabulary import (
    DEFAULT_ACTIVITY_TYPES,
    GAVLEBORG_KOMMUNER,
    GroupStatus,
    OrgCategory,
    Outcome,
    Role,
    Scope,
    Status,
)
from app.core.year_choice import opening_year
from app.core.year_record import YearRecordInputs, build_full_year_summary

KOMMUNER = {i: name for i, (name, _) in enumerate(GAVLEBORG_KOMMUNER, start=1)}
TYPES = list(DEFAULT_ACTIVITY_TYPES)
PLACES = [*KOMMUNER.values(), Scope.LANSOVERGRIPANDE.label, Scope.NATIONELLT.label]
INSATS = Insats(1, 1, "ASF i Gävleborg", date(2016, 1, 1), date(2020, 12, 31))
YEARS = [2016, 2017, 2018, 2019, 2020]


def random_attendance(rng: random.Random) -> Attendance:
    total = rng.randint(0, 40)
    orgs = {c: rng.randint(0, total // 6) for c in OrgCategory}
    roles = {r: rng.randint(0, total // 5) for r in Role}
    women = rng.randint(0, total // 2)
    return Attendance.build(total, orgs, roles, women, rng.randint(0, total - women))


def random_facts(rng: random.Random, n: int) -> list[ActivityFact]:
    facts = []
    for _ in range(n):
        status = rng.choice([Status.GENOMFORD] * 8 + [Status.PLANERAD, Status.INSTALLD])
        attendance = random_attendance(rng) if status is Status.GENOMFORD else Attendance()
        facts.append(ActivityFact(rng.choice(TYPES[:8]), rng.choice(PLACES), status, attendance))
    return facts


def year_summaries(seed: int, years: list[int] = YEARS) -> list[YearSummary]:
    rng = random.Random(seed)
    facts = {y: random_facts(rng, rng.randint(5, 40)) for y in [years[0] - 1, *years]}
    group = Group(
        7,
        1,
        1,
        "Samverkansgrupp ASF",
        formed=date(2016, 3, 1),
        statuses=(
            GroupStatusChange(date(2016, 3, 1), GroupStatus.BILDAD),
            GroupStatusChange(date(2017, 1, 10), GroupStatus.AKTIV),
            GroupStatusChange(date(2019, 6, 1), GroupStatus.VILANDE),
        ),
    )
    summaries = []
    for y in years:
        registered = [
            RegisteredReach(
                None, 1, y, Scope.KOMMUN, 2, "Mässa", True, Attendance.build(rng.randint(1, 30))
            ),
            RegisteredReach(
                None,
                1,
                y,
                Scope.NATIONELLT,
                None,
                "Podd",
                False,
                Attendance.build(rng.randint(1, 90)),
            ),
        ]
        placements = [
            Placement(
                None,
                1,
                y,
                kommun_id=rng.choice([1, 3]),
                granted=4,
                used=rng.randint(0, 5),
                women=1,
                men=2,
                outcomes={Outcome.ARBETE: 1, Outcome.STUDIER: rng.randint(0, 2)},
            )
            for _ in range(rng.randint(0, 2))
        ]
        inputs = YearRecordInputs(
            insats=INSATS,
            kommun_names=KOMMUNER,
            organisation_names={},
            groups=[group],
            meetings={7: MeetingCount(rng.randint(0, 4), rng.randint(0, 30))},
            registered=registered,
            unique_individuals=rng.randint(0, 20),
            placements=placements,
            today=date(2021, 1, 1),
        )
        summaries.append(build_full_year_summary(y, facts[y], facts[y - 1], inputs, TYPES))
    return summaries


def assert_totals_both_ways(table: SummaryTable) -> None:
    assert table.columns[-1] == "Totalt"
    for row in table.rows:
        assert row.values[-1] == sum(row.values[:-1]), (table.key, row.label)
    if table.has_total:
        total = table.total.values
        assert total[-1] == sum(total[:-1]) == sum(r.values[-1] for r in table.rows)


@pytest.mark.parametrize("seed", range(8))
def test_every_period_table_totals_both_ways(seed: int) -> None:
    period = build_period_summary(year_summaries(seed))

    assert period.years == tuple(YEARS)
    assert period.span == "2016–2020"
    for table in period.tables:
        assert table.columns == ("2016", "2017", "2018", "2019", "2020", "Totalt")
        assert_totals_both_ways(table)


@pytest.mark.parametrize("seed", range(4))
def test_each_year_column_is_the_years_own_figure(seed: int) -> None:
    summaries = year_summaries(seed)
    period = build_period_summary(summaries)

    for s in summaries:
        year = str(s.year)
        for key, column in (
            ("aktiviteter_typ", "Genomförda"),
            ("aktiviteter_kommun", "Genomförda"),
            ("deltagare_organisation", year),
            ("deltagare_kon", year),
            ("nadda_kommun", year),
            ("samverkansgrupper_aktiva", year),
        ):
            mine = s.table(key)
            for row in mine.rows:
                assert period.table(key).value(row.label, year) == mine.value(row.label, column)
            if mine.has_total:
                assert period.table(key).value("Totalt", year) == mine.value("Totalt", column)
        reached = period.table("nadda_personer")
        assert reached.total.label == REACH_TOTAL
        assert (
            reached.total.values[YEARS.index(s.year)] == s.table("nadda_personer").total.values[0]
        )


@pytest.mark.parametrize("seed", range(4))
def test_a_period_of_one_year_equals_that_year(seed: int) -> None:
    (summary,) = year_summaries(seed, [2018])
    period = build_period_summary([summary])

    assert period.span == "2018"
    assert period.findings == summary.findings
    assert period.milestones == summary.milestones
    for table in period.tables:
        if table.key.startswith("placeringar"):
            continue
        mine = summary.table(table.key)
        column = "Genomförda" if "Genomförda" in mine.columns else "2018"
        assert [r.label for r in table.rows] == [r.label for r in mine.rows]
        for row in mine.rows:
            assert table.value(row.label, "2018") == mine.value(row.label, column)
            assert table.value(row.label, "Totalt") == mine.value(row.label, column)
        assert table.has_total == mine.has_total
        if mine.has_total:
            assert table.value("Totalt", "Totalt") == mine.value("Totalt", column)


def test_the_tables_that_add_up_over_years_are_there() -> None:
    period = build_period_summary(year_summaries(1))

    keys = [t.key for t in period.tables]
    assert keys[: len(PERIOD_KEYS)] == list(PERIOD_KEYS)
    assert period.table("aktiviteter_typ").title == "Genomförda aktiviteter per typ"
    assert "gruppår" in period.table("samverkansgrupper_aktiva").note
    assert "en gång per år" in period.table("nadda_utanfor_total").note


def test_rows_are_every_years_labels_in_first_seen_order() -> None:
    a = SummaryTable("deltagare_kon", "Deltagare per kön", ("2017", "2016", "Förändring"), ())
    from app.core.summary import SummaryRow

    y1 = YearSummary(
        2017,
        "ASF",
        (
            SummaryTable(
                "aktiviteter_typ",
                "Aktiviteter per typ",
                ("Genomförda", "Planerade"),
                (SummaryRow("Seminarium", (3, 1)), SummaryRow("Podd", (1, 0))),
            ),
            a,
        ),
    )
    y2 = YearSummary(
        2018,
        "ASF",
        (
            SummaryTable(
                "aktiviteter_typ",
                "Aktiviteter per typ",
                ("Genomförda", "Planerade"),
                (SummaryRow("Workshop", (2, 0)), SummaryRow("Seminarium", (5, 9))),
            ),
        ),
    )
    period = build_period_summary([y2, y1])  # any order in, year order out

    table = period.table("aktiviteter_typ")
    assert period.years == (2017, 2018)
    assert [(r.label, r.values) for r in table.rows] == [
        ("Seminarium", (3, 5, 8)),
        ("Podd", (1, 0, 1)),
        ("Workshop", (0, 2, 2)),
    ]
    assert table.total.values == (4, 7, 11)
    # A table only one year has is still a period table; the other year counts 0.
    assert period.table("deltagare_kon").columns == ("2017", "2018", "Totalt")


def test_placements_per_measure_and_per_huvudman() -> None:
    summaries = year_summaries(3)
    period = build_period_summary(summaries)

    measures = period.table("placeringar")
    assert not measures.has_total  # beviljade + nyttjade is no figure
    for s in summaries:
        year = str(s.year)
        try:
            mine = s.table("placeringar")
        except KeyError:
            assert measures.value("Nyttjade", year) == 0
            continue
        for column in mine.columns:
            assert measures.value(column, year) == mine.total.values[mine.columns.index(column)]
    assert_totals_both_ways(measures)
    per_huvudman = period.table("placeringar_huvudman")
    assert_totals_both_ways(per_huvudman)
    assert per_huvudman.value("Totalt", "Totalt") == measures.value("Nyttjade", "Totalt")


def test_findings_of_every_year_once() -> None:
    f1 = Finding("Fel", "Placeringar 2017", "1", "2")
    f2 = Finding("Annat fel", "Länsstatistik 2018", "3", "4")
    period = build_period_summary(
        [YearSummary(2017, "ASF", (), (f1, f2)), YearSummary(2018, "ASF", (), (f2,))]
    )

    assert period.findings == (f1, f2)
    assert isinstance(period, PeriodSummary)


def test_no_years_no_tables() -> None:
    assert period_table("aktiviteter_typ", []) is None
    assert build_period_summary([]).tables == ()


def test_month_tables() -> None:
    counts = {(2017, 1): (2, 30), (2017, 12): (1, 5), (2018, 3): (4, 41)}

    held, participants = month_table(counts, [2017, 2018])

    assert [r.label for r in held.rows] == list(MONTHS)
    assert held.columns == ("2017", "2018", "Totalt")
    assert held.value("januari", "2017") == 2
    assert held.value("mars", "Totalt") == 4
    assert held.total.values == (3, 4, 7)
    assert participants.total.values == (35, 41, 76)
    assert_totals_both_ways(held)
    assert_totals_both_ways(participants)

    (single, _) = month_table(counts, [2018], total_column=False)
    assert single.columns == ("2018",)
    assert single.total.values == (4,)


# --- the year a window opens on -----------------------------------------------------------

DEMO = range(2016, 2021)


def test_a_remembered_year_outside_the_insats_and_without_data_is_not_opened() -> None:
    assert opening_year(2026, 2026, DEMO, [2016, 2017, 2020]) == 2020
    assert opening_year(None, 2026, DEMO, [2016, 2018]) == 2018
    assert opening_year(None, 2026, DEMO, []) == 2020


def test_a_remembered_year_in_the_insats_or_with_data_is_opened() -> None:
    assert opening_year(2017, 2026, DEMO, [2020]) == 2017  # inside, even if empty
    assert opening_year(2015, 2026, DEMO, [2015, 2020]) == 2015  # has data
    assert opening_year(None, 2019, DEMO, [2016]) == 2019  # the insats runs now
    assert opening_year(2026, 2019, DEMO, [2016]) == 2019
