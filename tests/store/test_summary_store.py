import random
from datetime import date, timedelta

import pytest

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.errors import DomainError
from app.core.summary import NO_FIGURE, ActivityFact, build_year_summary, compared_year
from app.core.vocabulary import DEFAULT_ACTIVITY_TYPES, OrgCategory, Role, Scope, Status


@pytest.fixture
def fact_of(store, insats, type_ids, kommun_ids):
    """The ActivityFact the core summary would get for one stored activity."""
    type_names = {v: k for k, v in type_ids.items()}
    kommun_names = {v: k for k, v in kommun_ids.items()}

    def fact(a: Activity) -> ActivityFact:
        place = kommun_names[a.kommun_id] if a.scope is Scope.KOMMUN else a.scope.label
        return ActivityFact(type_names[a.type_id], place, a.status, a.attendance)

    return fact


@pytest.fixture
def expected_summary(insats, kommun_ids, fact_of):
    def expected(year: int, activities: list[Activity]):
        return build_year_summary(
            year,
            insats.name,
            [fact_of(a) for a in activities if a.start.year == year],
            [fact_of(a) for a in activities if a.start.year == year - 1]
            if compared_year(insats.years, year) is not None
            else None,
            kommun_names=list(kommun_ids),
            type_names=list(DEFAULT_ACTIVITY_TYPES),
        )

    return expected


def test_a_small_year(store, insats, add_activity, expected_summary):
    added = [
        add_activity("Seminarium", "Gävle", date(2019, 3, 1), attendance=Attendance.build(30)),
        add_activity(
            "Seminarium",
            "Gävle",
            date(2019, 4, 1),
            attendance=Attendance.build(20, by_org={OrgCategory.KOMMUN: 15}, women=12, men=6),
        ),
        add_activity("Workshop", Scope.LANSOVERGRIPANDE, date(2019, 5, 1), Status.PLANERAD),
        add_activity("Workshop", "Hofors", date(2019, 6, 1), Status.INSTALLD),
        add_activity("Frukostmöte", "Gävle", date(2018, 9, 1), attendance=Attendance.build(8)),
        add_activity("Podd", Scope.NATIONELLT, date(2018, 10, 1), attendance=Attendance.build(3)),
        add_activity("Podd", Scope.NATIONELLT, date(2020, 1, 1), attendance=Attendance.build(99)),
    ]

    summary = store.summaries.year_summary(insats.id, 2019)

    expected = expected_summary(2019, added)
    # The activity tables come first; the rest of the record follows them.
    assert summary.tables[: len(expected.tables)] == expected.tables
    key = {r.label: r.values for r in summary.table("nyckeltal").rows}
    assert key == {
        "Genomförda aktiviteter": (2, 2, 0),
        "Planerade aktiviteter": (1, 0, 1),
        "Inställda aktiviteter": (1, 0, 1),
        "Deltagare (volym)": (50, 11, 39),
    }
    per_kommun = summary.table("aktiviteter_kommun")
    assert per_kommun.value("Gävle", "Genomförda") == 2
    assert per_kommun.value("Gävle", "Genomförda 2018") == 1
    assert per_kommun.value("Hofors", "Inställda") == 1
    assert per_kommun.value("Nationellt", "Genomförda 2018") == 1
    assert [r.label for r in per_kommun.rows][-2:] == ["Länsövergripande", "Nationellt"]
    assert summary.table("deltagare_organisation").value("Kommun", "2019") == 15
    assert summary.table("deltagare_organisation").value("Ej fördelat", "2019") == 35
    assert summary.table("deltagare_kon").value("Ej angivet", "2019") == 32
    assert [r.label for r in summary.table("aktiviteter_typ").rows] == [
        "Frukostmöte",
        "Seminarium",
        "Workshop",
        "Podd",
    ]


def test_previous_year_column_is_last_years_figures(store, insats, add_activity):
    add_activity("Seminarium", "Gävle", date(2018, 3, 1), attendance=Attendance.build(30))
    add_activity("Temadag", "Ljusdal", date(2018, 5, 1), attendance=Attendance.build(45))
    add_activity("Temadag", "Ljusdal", date(2019, 5, 1), attendance=Attendance.build(60))
    add_activity("Temadag", "Ljusdal", date(2019, 9, 1), Status.PLANERAD)

    s2018 = store.summaries.year_summary(insats.id, 2018)
    s2019 = store.summaries.year_summary(insats.id, 2019)

    assert s2019.previous_year == 2018
    assert s2019.table("nyckeltal").columns == ("2019", "2018", "Förändring")
    for key in ("nyckeltal", "deltagare_kommun", "deltagare_kon"):
        this_year = {r.label: r.values[0] for r in s2018.table(key).rows}
        next_year_before = {r.label: r.values[1] for r in s2019.table(key).rows}
        assert next_year_before == this_year, key
    assert s2019.table("deltagare_kommun").value("Ljusdal", "Förändring") == 15
    assert s2019.table("deltagare_kommun").value("Gävle", "Förändring") == -30
    assert s2019.table("aktiviteter_typ").value("Temadag", "Genomförda 2018") == 1
    assert s2019.table("aktiviteter_typ").value("Seminarium", "Förändring") == -1


def test_the_insats_first_year_is_compared_with_nothing(store, insats, add_activity):
    assert insats.start.year == 2018
    add_activity("Seminarium", "Gävle", date(2017, 11, 1), attendance=Attendance.build(12))
    add_activity("Seminarium", "Gävle", date(2018, 3, 1), attendance=Attendance.build(30))

    first = store.summaries.year_summary(insats.id, 2018)

    assert first.previous_year is None and first.to_dict()["previous_year"] is None
    key = first.table("nyckeltal")
    volume = next(r for r in key.rows if r.label == "Deltagare (volym)")
    assert key.shown(volume) == (30, NO_FIGURE, NO_FIGURE)  # not 12 and +18
    per_type = first.table("aktiviteter_typ")
    assert per_type.shown(per_type.total)[3:] == (NO_FIGURE, NO_FIGURE)
    for table in first.tables:
        if "Förändring" in table.columns:
            assert "Förändring" in table.no_figure, table.key
            values = table.to_dict()["rows"][0]["values"]
            assert values["Förändring"] is None, table.key
    second = store.summaries.year_summary(insats.id, 2019)
    assert second.previous_year == 2018 and second.table("nyckeltal").no_figure == ()
    assert second.table("nyckeltal").value("Deltagare (volym)", "2018") == 30


def test_a_year_without_activities(store, insats):
    summary = store.summaries.year_summary(insats.id, 2018)

    assert summary.insats_name == insats.name
    assert summary.table("aktiviteter_typ").rows == ()
    assert len(summary.table("aktiviteter_kommun").rows) == 10
    assert summary.table("nyckeltal").value("Deltagare (volym)", "2018") == 0


def test_random_activities_give_the_same_figures_as_the_core(
    store, insats, make_activity, type_ids, kommun_ids, org_ids, expected_summary
):
    rng = random.Random(4711)
    places = [*kommun_ids, Scope.LANSOVERGRIPANDE, Scope.NATIONELLT]
    added = []
    for _ in range(80):
        status = rng.choice(list(Status))
        total = 0 if status is Status.INSTALLD else rng.randint(0, 40)
        women = rng.randint(0, total)
        attendance = Attendance.build(
            total,
            by_org={rng.choice(list(OrgCategory)): rng.randint(0, total)},
            by_role={rng.choice(list(Role)): rng.randint(0, total)},
            women=women,
            men=rng.randint(0, total - women),
        )
        day = date(2017, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
        added.append(
            store.activities.add(
                make_activity(
                    rng.choice(list(type_ids)),
                    rng.choice(places),
                    day,
                    status,
                    attendance,
                )
            )
        )

    for year in (2017, 2018, 2019):
        expected = expected_summary(year, added)
        summary = store.summaries.year_summary(insats.id, year)
        assert summary.tables[: len(expected.tables)] == expected.tables


def test_summary_of_a_missing_insats(store):
    with pytest.raises(DomainError, match=r"Insatsen finns inte \(id 999\)"):
        store.summaries.year_summary(999, 2018)
