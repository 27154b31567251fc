"""Placements, county statistics and milestones round-trip through the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.county_stats import CountyStats, check_county_stats
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.milestones import Milestone
from app.core.placements import Placement, check_placements
from app.core.vocabulary import MilestoneKind, Outcome, PlacedSource
from app.store.database import Store

AF, KOMMUN, OVRIGA = PlacedSource.ARBETSFORMEDLINGEN, PlacedSource.KOMMUN, PlacedSource.OVRIGA


def ids(insats: Insats) -> tuple[int, int]:
    assert insats.id is not None and insats.forbund_id is not None
    return insats.id, insats.forbund_id


def stats_2018(forbund_id: int) -> CountyStats:
    return CountyStats(
        None,
        forbund_id,
        2018,
        snapshot_date=date(2018, 10, 1),
        source="Slutrapport ASF-insats 2016–2020",
        companies_total=30,
        companies_by_region={"Hälsingland": 20, "Gästrikland": 10},
        employees_total=204,
        employees_women=113,
        employees_men=91,
        placed_total=244,
        placed_by_source={AF: 152, KOMMUN: 74, OVRIGA: 17},
    )


def count(store: Store, table: str) -> int:
    with store.file.read() as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- placements --------------------------------------------------------------------------


def test_placement_round_trip_update_and_delete(
    store: Store, insats: Insats, kommun_ids: dict[str, int]
) -> None:
    insats_id, _ = ids(insats)
    nordanstig = store.placements.save(
        Placement(
            None,
            insats_id,
            2018,
            kommun_ids["Nordanstig"],
            target_group=" Utrikes födda, företrädesvis kvinnor ",
            granted=7,
            used=7,
            women=6,
            men=1,
            length_months=6,
            outcomes={
                Outcome.ARBETE: 1,
                Outcome.ARBETSFORMEDLINGEN: 1,
                Outcome.OFFENTLIG_FORSORJNING: 5,
            },
        )
    )
    hofors = store.placements.save(
        Placement(None, insats_id, 2018, kommun_ids["Hofors"], granted=4, used=1, women=1)
    )
    store.placements.save(Placement(None, insats_id, 2016, kommun_ids["Hofors"], granted=4, used=0))

    assert nordanstig.id is not None and hofors.id is not None
    assert nordanstig.target_group == "Utrikes födda, företrädesvis kvinnor"
    assert nordanstig.outcome(Outcome.OFFENTLIG_FORSORJNING) == 5
    assert store.placements.get(nordanstig.id) == nordanstig
    assert [p.id for p in store.placements.list(insats_id, 2018)] == [nordanstig.id, hofors.id]
    assert len(store.placements.list(insats_id)) == 3
    assert store.placements.years(insats_id) == [2016, 2018]

    names = {v: k for k, v in kommun_ids.items()}
    assert [f.where for f in check_placements(store.placements.list(insats_id), names)] == [
        "Placeringar 2018, Hofors"
    ]

    fixed = store.placements.save(replace(hofors, outcomes={Outcome.OFFENTLIG_FORSORJNING: 1}))
    assert fixed.id == hofors.id
    assert check_placements(store.placements.list(insats_id), names) == []

    removed = store.placements.delete(nordanstig.id)
    assert removed == nordanstig
    assert [p.id for p in store.placements.list(insats_id, 2018)] == [hofors.id]
    with pytest.raises(DomainError, match="Placeringen finns inte längre"):
        store.placements.get(nordanstig.id)
    with pytest.raises(DomainError, match="Placeringen finns inte längre"):
        store.placements.delete(nordanstig.id)


def test_contradicting_placement_is_stored_as_entered(
    store: Store, insats: Insats, kommun_ids: dict[str, int]
) -> None:
    insats_id, _ = ids(insats)
    p = store.placements.save(
        Placement(None, insats_id, 2018, kommun_ids["Hudiksvall"], granted=4, used=5, women=5)
    )

    assert (p.granted, p.used) == (4, 5)


def test_another_party_as_huvudman(store: Store, insats: Insats) -> None:
    insats_id, _ = ids(insats)
    p = store.placements.save(
        Placement(None, insats_id, 2018, None, huvudman="Region Gävleborg", granted=2)
    )

    assert (p.kommun_id, p.huvudman) == (None, "Region Gävleborg")


def test_negative_placement_is_refused_and_nothing_written(store: Store, insats: Insats) -> None:
    insats_id, _ = ids(insats)
    with pytest.raises(ValidationError, match="kan inte vara negativt"):
        store.placements.save(Placement(None, insats_id, 2018, None, huvudman="X", used=-1))

    assert count(store, "placement") == 0


def test_placement_with_a_kommun_that_does_not_exist_is_refused(
    store: Store, insats: Insats
) -> None:
    insats_id, _ = ids(insats)
    with pytest.raises(DomainError, match="Placeringen kunde inte sparas"):
        store.placements.save(Placement(None, insats_id, 2018, 9999, granted=1))

    assert count(store, "placement") == 0


def test_updating_a_deleted_placement_is_refused(store: Store, insats: Insats) -> None:
    insats_id, _ = ids(insats)
    p = store.placements.save(Placement(None, insats_id, 2018, None, huvudman="X"))
    assert p.id is not None
    store.placements.delete(p.id)

    with pytest.raises(DomainError, match="Placeringen finns inte längre"):
        store.placements.save(replace(p, granted=3))


# --- county statistics -------------------------------------------------------------------


def test_county_stats_round_trip_with_delregioner(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)
    saved = store.county_stats.save(stats_2018(forbund_id))

    assert saved.id is not None
    assert saved == replace(stats_2018(forbund_id), id=saved.id)
    assert list(saved.companies_by_region) == ["Hälsingland", "Gästrikland"]
    assert store.county_stats.for_year(forbund_id, 2018) == saved
    assert store.county_stats.for_year(forbund_id, 2019) is None
    assert [f.found for f in check_county_stats(saved)] == ["244"]


def test_not_reported_stays_none(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)
    saved = store.county_stats.save(
        CountyStats(None, forbund_id, 2019, companies_total=28, placed_by_source={AF: 93})
    )

    assert saved.employees_total is None
    assert saved.snapshot_date is None
    assert saved.placed(AF) == 93
    assert saved.placed(KOMMUN) is None
    assert saved.companies_by_region == {}


def test_a_second_statistics_for_the_same_year_is_refused(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)
    first = store.county_stats.save(stats_2018(forbund_id))

    with pytest.raises(DomainError, match="Det finns redan länsstatistik för 2018"):
        store.county_stats.save(replace(stats_2018(forbund_id), placed_total=243))
    assert first.id is not None
    other = store.county_stats.save(replace(stats_2018(forbund_id), year=2017))
    with pytest.raises(DomainError, match="Det finns redan länsstatistik för 2018"):
        store.county_stats.save(replace(other, year=2018))

    assert [s.year for s in store.county_stats.list(forbund_id)] == [2017, 2018]
    assert store.county_stats.get(first.id).placed_total == 244


def test_editing_replaces_the_delregioner(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)
    saved = store.county_stats.save(stats_2018(forbund_id))

    edited = store.county_stats.save(
        replace(saved, companies_by_region={"Gästrikland": 11}, placed_total=243)
    )

    assert edited.companies_by_region == {"Gästrikland": 11}
    assert check_county_stats(edited)[0].expected == "11 (11)"
    assert count(store, "county_stats_region") == 1


def test_deleting_county_stats_removes_their_delregioner(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)
    saved = store.county_stats.save(stats_2018(forbund_id))
    assert saved.id is not None

    assert store.county_stats.delete(saved.id) == saved
    assert store.county_stats.list(forbund_id) == []
    assert count(store, "county_stats_region") == 0


def test_negative_county_figure_is_refused_and_nothing_written(
    store: Store, insats: Insats
) -> None:
    _, forbund_id = ids(insats)
    bad = replace(stats_2018(forbund_id), companies_by_region={"Hälsingland": -20})

    with pytest.raises(ValidationError, match="Antalet företag i Hälsingland"):
        store.county_stats.save(bad)
    assert count(store, "county_stats") == 0


def test_delregioner_are_those_of_the_kommuner(store: Store, insats: Insats) -> None:
    _, forbund_id = ids(insats)

    assert store.county_stats.delregioner(forbund_id) == ["Hälsingland", "Gästrikland"]


# --- milestones --------------------------------------------------------------------------


def test_milestone_round_trip(
    store: Store, insats: Insats, kommun_ids: dict[str, int], org_ids: dict[str, int]
) -> None:
    insats_id, _ = ids(insats)
    prize = store.milestones.save(
        Milestone(
            None,
            insats_id,
            date(2017, 9, 15),
            MilestoneKind.PRIS,
            "Årets främjare av arbetsintegrerande socialt företagande",
        )
    )
    contract = store.milestones.save(
        Milestone(
            None,
            insats_id,
            date(2017, 10, 1),
            MilestoneKind.RESERVERAT_KONTRAKT,
            "Första upphandlingen med reserverat kontrakt",
            kommun_id=kommun_ids["Söderhamn"],
            organisation_id=org_ids["Coompanion Gävleborg"],
            link="https://finsamgavleborg.se",
        )
    )
    policy = store.milestones.save(
        Milestone(
            None,
            insats_id,
            date(2016, 12, 1),
            MilestoneKind.POLICY,
            "Hudiksvall antar policy",
            kommun_id=kommun_ids["Hudiksvall"],
        )
    )

    assert [m.id for m in store.milestones.list(insats_id, 2017)] == [prize.id, contract.id]
    assert [m.id for m in store.milestones.list(insats_id)] == [policy.id, prize.id, contract.id]
    assert contract.kommun_id == kommun_ids["Söderhamn"]
    assert contract.link == "https://finsamgavleborg.se"

    assert prize.id is not None
    moved = store.milestones.save(replace(prize, day=date(2018, 1, 1)))
    assert moved.year == 2018
    assert [m.id for m in store.milestones.list(insats_id, 2017)] == [contract.id]

    assert store.milestones.delete(prize.id) == moved
    with pytest.raises(DomainError, match="Milstolpen finns inte längre"):
        store.milestones.get(prize.id)


def test_milestone_without_text_is_refused(store: Store, insats: Insats) -> None:
    insats_id, _ = ids(insats)
    with pytest.raises(ValidationError, match="Beskriv milstolpen"):
        store.milestones.save(Milestone(None, insats_id, date(2019, 1, 1), MilestoneKind.ANNAT, ""))

    assert count(store, "milestone") == 0
