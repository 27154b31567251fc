"""Uppföljning Finsam in core: the follow-up form's figures for a year are the year
summary's own (reach total, unique individuals, placements by gender), and they equal
what was typed in — checked against sums taken here straight from the random inputs."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.economy import EconomyRow
from app.core.entities import Insats
from app.core.finsam_followup import (
    BOOKED,
    BUDGET,
    ECONOMY,
    GENDER_UNKNOWN,
    INDIVIDUAL,
    MEN,
    PLACEMENT_UNIQUE,
    PLACES_USED,
    STRUCTURAL,
    WOMEN,
    FollowupYear,
    PlacementFigures,
    followup_dict,
    followup_tables,
    followup_year,
    followup_years,
)
from app.core.money import as_kronor
from app.core.placements import Placement, validate_placement
from app.core.reach import REACH_TOTAL, UNIQUE, RegisteredReach
from app.core.summary import NO_FIGURE, ActivityFact, build_year_summary
from app.core.table_keys import TableKey
from app.core.vocabulary import Scope, Status
from app.core.year_record import YearRecordInputs, build_full_year_summary

SEEDS = [7, 2024, 31337, 90210]
INSATS = Insats(1, 1, "ASF", date(2016, 8, 1), date(2020, 12, 31))
KOMMUNER = {1: "Gävle", 2: "Hofors", 3: "Nordanstig"}


def _facts(rng: random.Random) -> list[ActivityFact]:
    facts = []
    for _ in range(rng.randint(0, 12)):
        total = rng.randint(0, 60)
        women = rng.randint(0, total)
        facts.append(
            ActivityFact(
                rng.choice(["Seminarium", "Workshop", "Frukostmöte"]),
                rng.choice([*KOMMUNER.values(), Scope.LANSOVERGRIPANDE.label]),
                rng.choice(list(Status)),
                Attendance.build(total, women=women, men=rng.randint(0, total - women)),
            )
        )
    return facts


def _registered(rng: random.Random, year: int) -> list[RegisteredReach]:
    return [
        RegisteredReach(
            None,
            1,
            year,
            Scope.LANSOVERGRIPANDE,
            None,
            "Forum",
            in_total=rng.random() < 0.6,
            attendance=Attendance.build(rng.randint(1, 400)),
        )
        for _ in range(rng.randint(0, 4))
    ]


def _placements(rng: random.Random, year: int) -> list[Placement]:
    out = []
    for kommun_id in rng.sample(list(KOMMUNER), rng.randint(0, 3)):
        used = rng.randint(0, 8)
        women = rng.randint(0, used)
        men = rng.randint(0, used - women)
        out.append(
            validate_placement(
                Placement(
                    None,
                    1,
                    year,
                    kommun_id,
                    granted=used + rng.randint(0, 4),
                    used=used,
                    women=women,
                    men=men,
                    unique_individuals=rng.choice([0, used]),
                )
            )
        )
    return out


def _drawn(seed: int, year: int = 2018):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    facts = _facts(rng)
    registered = _registered(rng, year)
    placements = _placements(rng, year)
    named = rng.choice([None, 0, 3, 11])
    inputs = YearRecordInputs(
        insats=INSATS,
        kommun_names=KOMMUNER,
        organisation_names={},
        registered=registered,
        unique_individuals=named,
        placements=placements,
    )
    summary = build_full_year_summary(year, facts, None, inputs)
    return summary, facts, registered, placements, named


@pytest.mark.parametrize("seed", SEEDS)
def test_the_year_is_what_was_typed_in(seed):
    print(f"seed {seed}")
    summary, facts, registered, placements, named = _drawn(seed)

    got = followup_year(summary)

    held = sum(f.attendance.total for f in facts if f.status is Status.GENOMFORD)
    in_total = sum(r.attendance.total for r in registered if r.in_total)
    assert got.year == 2018
    assert (got.activity_volume, got.registered_volume) == (held, in_total)
    assert got.reached == held + in_total
    assert got.unique_participants == named
    if not placements:
        assert got.placements is None
        return
    assert got.placements is not None
    used = sum(p.used for p in placements)
    assert got.placements.used == used
    assert got.placements.women == sum(p.women for p in placements)
    assert got.placements.men == sum(p.men for p in placements)
    assert got.placements.gender_unknown == sum(p.used - p.women - p.men for p in placements)
    unique = sum(p.unique_individuals for p in placements)
    assert got.placements.unique_individuals == (unique if unique or not used else None)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_year_equals_the_summarys_own_tables(seed):
    print(f"seed {seed}")
    summary = _drawn(seed)[0]
    got = followup_year(summary)

    reach = summary.table(TableKey.NADDA_PERSONER)
    assert got.reached == reach.value("Totalt", "2018")
    assert got.reached == reach.total.values[0]
    outside = summary.table(TableKey.NADDA_UTANFOR_TOTAL)
    labels = [r.label for r in outside.rows]
    if got.unique_participants is None:
        assert UNIQUE not in labels
    else:
        assert got.unique_participants == outside.value(UNIQUE, "2018")
    if got.placements is not None:
        placed = summary.table(TableKey.PLACERINGAR)
        assert got.placements.used == placed.value("Totalt", "Nyttjade")
        assert got.placements.women == placed.value("Totalt", "Kvinnor")
        assert got.placements.men == placed.value("Totalt", "Män")
        assert got.placements.gender_unknown == placed.value("Totalt", "Kön ej angivet")


def test_a_summary_of_the_activities_only_counts_their_participants():
    facts = [
        ActivityFact("Seminarium", "Gävle", Status.GENOMFORD, Attendance.build(40)),
        ActivityFact("Seminarium", "Gävle", Status.PLANERAD, Attendance.build(9)),
    ]
    summary = build_year_summary(2019, "ASF", facts, None, ["Gävle"])

    got = followup_year(summary)

    assert (got.reached, got.activity_volume, got.registered_volume) == (40, 40, 0)
    assert got.unique_participants is None and got.placements is None


def test_the_tables_have_a_column_per_calendar_year_and_a_dash_where_nothing_is_known():
    years = (
        FollowupYear(2017, 586, 236, 350, None, PlacementFigures(1, 1, 0, 0, 1)),
        FollowupYear(2018, 235, 152, 83, 12, PlacementFigures(10, 8, 2, 0, 10)),
        FollowupYear(2019, 183, 113, 70, None, None),
    )

    structural, individual, economy = followup_tables(years)

    assert structural.key == STRUCTURAL and individual.key == INDIVIDUAL
    assert economy.key == ECONOMY and [r.label for r in economy.rows] == [BUDGET, BOOKED]
    assert [r.shown() for r in economy.rows] == [(NO_FIGURE,) * 3] * 2
    assert structural.columns == individual.columns == ("2017", "2018", "2019")
    assert structural.rows[0].label.endswith(REACH_TOTAL)
    assert structural.rows[0].values == (586, 235, 183)
    assert structural.value(UNIQUE, "2018") == 12
    assert structural.rows[-1].shown() == (NO_FIGURE, 12, NO_FIGURE)
    assert [r.label for r in individual.rows] == [
        PLACES_USED,
        WOMEN,
        MEN,
        GENDER_UNKNOWN,
        PLACEMENT_UNIQUE,
    ]
    assert individual.value(WOMEN, "2018") == 8
    assert individual.rows[0].shown() == (1, 10, NO_FIGURE)
    assert "budget" in followup_dict(years)["note"]


def test_without_placements_in_any_year_the_individual_part_is_left_out():
    years = (FollowupYear(2019, 183, 113, 70, None, None),)

    tables = followup_tables(years)

    assert [t.key for t in tables] == [STRUCTURAL, ECONOMY]


def test_the_json_holds_the_same_figures_as_the_tables():
    summary = _drawn(2024)[0]
    years = followup_years([summary])

    data = followup_dict(years)

    year = data["years"][0]
    assert year["year"] == 2018
    assert year[STRUCTURAL]["participants"] == years[0].reached
    structural = data["tables"][0]
    assert structural["rows"][0]["values"] == {"2018": years[0].reached}
    for table, shown in zip(data["tables"], followup_tables(years), strict=True):
        assert [r["label"] for r in table["rows"]] == [r.label for r in shown.rows]
        assert [r["values"]["2018"] for r in table["rows"]] == [r.values[0] for r in shown.rows]


def test_budget_and_utfall_are_the_economy_rows_of_each_year_and_a_dash_without():
    summary = _drawn(7)[0]
    rng = random.Random(7)
    print("seed=7")
    row = EconomyRow(str(summary.year), rng.randrange(1, 10**9), rng.randrange(1, 10**8), 0)

    without = followup_tables(followup_years([summary]))[-1]
    other_year = followup_tables(followup_years([summary], {summary.year + 1: row}))[-1]
    (got,) = followup_years([summary], {summary.year: row})
    zero = followup_years([summary], {summary.year: EconomyRow(str(summary.year), 0, 0, 5)})

    assert without.key == other_year.key == ECONOMY
    assert [r.shown() for r in without.rows] == [(NO_FIGURE,), (NO_FIGURE,)]
    assert [r.shown() for r in other_year.rows] == [(NO_FIGURE,), (NO_FIGURE,)]
    assert (got.budget, got.booked) == (row.budget, row.booked)
    economy = followup_tables([got])[-1]
    assert economy.value(BUDGET, got.label) == row.budget
    assert economy.value(BOOKED, got.label) == row.booked
    assert (zero[0].budget, zero[0].booked) == (None, None)
    data = followup_dict([got])
    assert data["years"][0][ECONOMY] == {
        "budget": as_kronor(row.budget),
        "utfall": as_kronor(row.booked),
    }
    values = [r["values"][got.label] for r in data["tables"][-1]["rows"]]
    assert values == [as_kronor(row.budget), as_kronor(row.booked)]


def test_a_summary_of_part_of_a_year_gives_its_column_name():
    """A summary of some months names its own columns by them (as core's period does):
    the follow-up reads its figures there and keeps the name."""
    summary, facts, registered, _, _ = _drawn(31337)
    part = "2018 (jan–apr)"
    renamed = tuple(
        replace(t, columns=tuple(part if c == "2018" else c for c in t.columns))
        if t.key in (TableKey.NYCKELTAL, TableKey.NADDA_PERSONER, TableKey.NADDA_UTANFOR_TOTAL)
        else t
        for t in summary.tables
    )

    got = followup_year(replace(summary, tables=renamed))

    assert (got.label, got.whole_year) == (part, False)
    held = sum(f.attendance.total for f in facts if f.status is Status.GENOMFORD)
    assert got.reached == held + sum(r.attendance.total for r in registered if r.in_total)
    assert followup_tables([got])[0].columns == (part,)
    assert followup_dict([got])["note"].startswith(f"{part}: siffrorna gäller bara de datumen")
    assert followup_year(summary).label == "2018" and followup_year(summary).whole_year
