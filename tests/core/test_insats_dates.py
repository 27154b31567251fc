"""An activity dated outside its insats's period is a finding naming both dates."""

from __future__ import annotations

from datetime import date

from app.core.entities import Insats
from app.core.findings import Finding
from app.core.insats_dates import DatedActivity, outside_insats

INSATS = Insats(1, 1, "ASF", date(2016, 8, 1), date(2020, 12, 31))


def test_before_the_start_and_after_the_end_are_found() -> None:
    found = outside_insats(
        INSATS,
        [
            DatedActivity(date(2021, 1, 1), "Efter slutet"),
            DatedActivity(date(2016, 4, 15), "Temadag", date_approximate=True),
        ],
    )
    assert found == [
        Finding(
            "Aktivitet utanför insatsens period",
            "Aktiviteter 2016: Temadag",
            "2016-08-01 – 2020-12-31",
            "2016-04-15 (datum ungefärligt)",
        ),
        Finding(
            "Aktivitet utanför insatsens period",
            "Aktiviteter 2021: Efter slutet",
            "2016-08-01 – 2020-12-31",
            "2021-01-01",
        ),
    ]


def test_the_first_and_last_day_are_inside() -> None:
    inside = [
        DatedActivity(date(2016, 8, 1), "Första dagen"),
        DatedActivity(date(2018, 6, 1), "Mitt i"),
        DatedActivity(date(2020, 12, 31), "Sista dagen"),
    ]
    assert outside_insats(INSATS, inside) == []
    day_before = DatedActivity(date(2016, 7, 31), "Dagen före")
    assert [f.found for f in outside_insats(INSATS, [*inside, day_before])] == ["2016-07-31"]
