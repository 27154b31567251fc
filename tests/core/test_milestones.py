"""Milestones: a text is required; the year's milestones come by date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.milestones import (
    Milestone,
    milestone_entries,
    milestones_in_year,
    validate_milestone,
)
from app.core.vocabulary import MilestoneKind

BOLLNAS, HUDIKSVALL, NORDANSTIG, SODERHAMN = 1, 4, 6, 10
KOMMUNER = {BOLLNAS: "Bollnäs", HUDIKSVALL: "Hudiksvall", NORDANSTIG: "Nordanstig"}
KOMMUNER[SODERHAMN] = "Söderhamn"
ORGS = {7: "Stenbackens boende och arbetskooperativ"}


def report_milestones() -> list[Milestone]:
    return [
        Milestone(
            5,
            1,
            date(2019, 10, 1),
            MilestoneKind.HANDLINGSPLAN,
            "Bollnäs kommun antar en handlingsplan i kommunfullmäktige",
            kommun_id=BOLLNAS,
        ),
        Milestone(
            2,
            1,
            date(2017, 9, 1),
            MilestoneKind.PRIS,
            "Förbundet prisas som ”Årets främjare av arbetsintegrerande socialt företagande”",
        ),
        Milestone(
            1,
            1,
            date(2016, 12, 31),
            MilestoneKind.POLICY,
            "Hudiksvalls kommun antar en policy för främjande av ASF",
            kommun_id=HUDIKSVALL,
        ),
        Milestone(
            3,
            1,
            date(2017, 10, 1),
            MilestoneKind.RESERVERAT_KONTRAKT,
            "Första upphandlingen med reserverat kontrakt",
            kommun_id=SODERHAMN,
            organisation_id=7,
        ),
        Milestone(
            4,
            1,
            date(2018, 12, 31),
            MilestoneKind.POLICY,
            "Bollnäs kommun antar policy för främjande av ASF",
            kommun_id=BOLLNAS,
        ),
        Milestone(
            6,
            1,
            date(2019, 12, 31),
            MilestoneKind.RIKTLINJE,
            "Nordanstigs kommun antar riktlinjer för ASF",
            kommun_id=NORDANSTIG,
        ),
    ]


def test_a_milestone_needs_a_text() -> None:
    with pytest.raises(ValidationError) as err:
        validate_milestone(Milestone(None, 1, date(2019, 1, 1), MilestoneKind.ANNAT, "  "))

    assert err.value.problems == ["Beskriv milstolpen med en text."]


def test_texts_are_trimmed() -> None:
    m = validate_milestone(
        Milestone(
            None, 1, date(2017, 6, 1), MilestoneKind.MEDIA, " Film om ASF ", link=" https://x "
        )
    )

    assert (m.text, m.link) == ("Film om ASF", "https://x")


def test_the_years_milestones_by_date() -> None:
    in_2017 = milestones_in_year(report_milestones(), 2017)

    assert [m.kind for m in in_2017] == [MilestoneKind.PRIS, MilestoneKind.RESERVERAT_KONTRAKT]
    assert [m.id for m in milestones_in_year(report_milestones(), 2019)] == [5, 6]
    assert milestones_in_year(report_milestones(), 2021) == []


def test_to_dict_names_kommun_organisation_and_kind() -> None:
    dicts = [m.to_dict() for m in milestone_entries(report_milestones(), 2017, KOMMUNER, ORGS)]

    assert dicts[1] == {
        "id": 3,
        "date": "2017-10-01",
        "kind": "reserverat_kontrakt",
        "kind_label": "Upphandling med reserverat kontrakt",
        "kommun": "Söderhamn",
        "organisation": "Stenbackens boende och arbetskooperativ",
        "text": "Första upphandlingen med reserverat kontrakt",
        "link": "",
        "date_approximate": False,
    }
    assert dicts[0]["kommun"] is None
    assert dicts[0]["organisation"] is None


def test_an_approximate_date_reaches_the_summary_entry() -> None:
    approximate = replace(report_milestones()[0], date_approximate=True)

    [entry] = milestone_entries([approximate], approximate.year, KOMMUNER, ORGS)

    assert entry.date_approximate is True
    assert entry.to_dict()["date_approximate"] is True
