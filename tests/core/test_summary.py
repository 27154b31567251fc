import random

import pytest

from app.core.attendance import Attendance
from app.core.summary import (
    NO_FIGURE,
    ActivityFact,
    YearSummary,
    build_year_summary,
    compared_year,
)
from app.core.vocabulary import (
    DEFAULT_ACTIVITY_TYPES,
    GAVLEBORG_KOMMUNER,
    OrgCategory,
    Role,
    Scope,
    Status,
)

KOMMUNER = [name for name, _ in GAVLEBORG_KOMMUNER]
TYPES = list(DEFAULT_ACTIVITY_TYPES)
LAN = Scope.LANSOVERGRIPANDE.label
NAT = Scope.NATIONELLT.label
G, P, X = Status.GENOMFORD, Status.PLANERAD, Status.INSTALLD  # held, planned, cancelled
ACTIVITY_COLUMNS = ("Genomförda", "Planerade", "Inställda", "Genomförda 2017", "Förändring")
COMPARE_COLUMNS = ("2018", "2017", "Förändring")
PARTICIPANT_TABLES = (
    "deltagare_kommun",
    "deltagare_organisation",
    "deltagare_roll",
    "deltagare_kon",
)


def fact(type_name: str, place: str, status: Status = G, total: int = 0, **parts) -> ActivityFact:
    return ActivityFact(type_name, place, status, Attendance.build(total, **parts))


def summarise(current, previous=()) -> YearSummary:
    return build_year_summary(2018, "ASF", current, list(previous), KOMMUNER, TYPES)


def rows(summary: YearSummary, key: str) -> dict[str, tuple[int, ...]]:
    return {r.label: r.values for r in summary.table(key).rows}


CURRENT = [
    fact("Seminarium", "Gävle", G, 30, women=20, men=8),
    fact("Seminarium", "Gävle", P, 40),  # planned: participants are not counted
    fact("Workshop", "Sandviken", X),
    fact("Seminarium", LAN, G, 10, by_org={OrgCategory.REGION: 4}, by_role={Role.CHEF: 6}),
]
PREVIOUS = [
    fact("Seminarium", "Gävle", G, 12, women=12),
    fact("Frukostmöte", "Hofors", G, 5, men=1),
    fact("Konferens", "Hofors", P, 50),
]


@pytest.fixture
def summary() -> YearSummary:
    return summarise(CURRENT, PREVIOUS)


def test_tables_in_order(summary):
    assert [t.key for t in summary.tables] == [
        "nyckeltal",
        "aktiviteter_typ",
        "aktiviteter_kommun",
        *PARTICIPANT_TABLES,
    ]
    assert (summary.year, summary.previous_year, summary.insats_name) == (2018, 2017, "ASF")


def test_key_figures(summary):
    table = summary.table("nyckeltal")

    assert table.columns == COMPARE_COLUMNS
    assert rows(summary, "nyckeltal") == {
        "Genomförda aktiviteter": (2, 2, 0),
        "Planerade aktiviteter": (1, 1, 0),
        "Inställda aktiviteter": (1, 0, 1),
        "Deltagare (volym)": (40, 17, 23),
    }
    assert not table.has_total


def test_activities_per_type_by_status(summary):
    table = summary.table("aktiviteter_typ")

    assert table.columns == ACTIVITY_COLUMNS
    # Only types used in either year, in the list's order.
    assert rows(summary, "aktiviteter_typ") == {
        "Frukostmöte": (0, 0, 0, 1, -1),
        "Seminarium": (2, 1, 0, 1, 1),
        "Konferens": (0, 0, 0, 0, 0),
        "Workshop": (0, 0, 1, 0, 0),
    }
    assert [r.label for r in table.rows] == ["Frukostmöte", "Seminarium", "Konferens", "Workshop"]
    assert table.total.values == (2, 1, 1, 2, 0)


def test_activities_per_kommun_by_status(summary):
    table = summary.table("aktiviteter_kommun")
    by_place = rows(summary, "aktiviteter_kommun")

    assert table.columns == ACTIVITY_COLUMNS
    assert [r.label for r in table.rows] == [*KOMMUNER, LAN]
    assert by_place["Gävle"] == (1, 1, 0, 1, 0)
    assert by_place["Sandviken"] == (0, 0, 1, 0, 0)
    assert by_place["Hofors"] == (0, 0, 0, 1, -1)
    assert by_place[LAN] == (1, 0, 0, 0, 1)
    # A kommun not reached is still listed.
    assert by_place["Bollnäs"] == (0, 0, 0, 0, 0)
    assert by_place["Söderhamn"] == (0, 0, 0, 0, 0)


def test_participants_per_kommun_only_from_held_activities(summary):
    by_place = rows(summary, "deltagare_kommun")

    assert by_place["Gävle"] == (30, 12, 18)
    assert by_place["Hofors"] == (0, 5, -5)
    assert by_place[LAN] == (10, 0, 10)
    assert by_place["Sandviken"] == (0, 0, 0)
    assert summary.table("deltagare_kommun").value("Totalt", "2018") == 40


def test_participants_per_organisation(summary):
    assert rows(summary, "deltagare_organisation") == {
        "Arbetsförmedlingen": (0, 0, 0),
        "Försäkringskassan": (0, 0, 0),
        "Kommun": (0, 0, 0),
        "Region": (4, 0, 4),
        "ASF": (0, 0, 0),
        "Annan": (0, 0, 0),
        "Ej fördelat": (36, 17, 19),
    }


def test_participants_per_role(summary):
    assert rows(summary, "deltagare_roll") == {
        "Tjänsteperson/medarbetare": (0, 0, 0),
        "Chef": (6, 0, 6),
        "Förtroendevald": (0, 0, 0),
        "ASF-företrädare": (0, 0, 0),
        "Övriga": (0, 0, 0),
        "Ej fördelat": (34, 17, 17),
    }


def test_participants_per_gender(summary):
    assert rows(summary, "deltagare_kon") == {
        "Kvinnor": (20, 12, 8),
        "Män": (8, 1, 7),
        "Ej angivet": (12, 4, 8),
    }


def test_value_lookup(summary):
    table = summary.table("aktiviteter_kommun")

    assert table.value("Gävle", "Planerade") == 1
    assert table.value("Totalt", "Genomförda 2017") == 2
    with pytest.raises(KeyError):
        table.value("Uppsala", "Planerade")
    with pytest.raises(KeyError):
        summary.table("nyckeltal").value("Totalt", "2018")
    with pytest.raises(KeyError):
        summary.table("finns_inte")


def test_empty_year_still_lists_every_kommun():
    summary = summarise([], [])

    assert rows(summary, "aktiviteter_kommun") == {k: (0, 0, 0, 0, 0) for k in KOMMUNER}
    assert rows(summary, "deltagare_kommun") == {k: (0, 0, 0) for k in KOMMUNER}
    assert summary.table("aktiviteter_typ").rows == ()
    assert summary.table("aktiviteter_typ").total.values == (0, 0, 0, 0, 0)
    assert rows(summary, "deltagare_kon") == {
        "Kvinnor": (0, 0, 0),
        "Män": (0, 0, 0),
        "Ej angivet": (0, 0, 0),
    }


def test_lansovergripande_and_nationellt_come_last():
    summary = summarise(
        [
            fact("Seminarium", NAT, G, 3),
            fact("Seminarium", "Uppsala", G, 2),  # a place no longer in the list
            fact("Seminarium", LAN, G, 1),
            fact("Seminarium", "Ockelbo", G, 4),
        ]
    )

    for key in ("aktiviteter_kommun", "deltagare_kommun"):
        labels = [r.label for r in summary.table(key).rows]
        assert labels == [*KOMMUNER, "Uppsala", LAN, NAT]
    assert rows(summary, "deltagare_kommun")[NAT] == (3, 0, 3)
    assert rows(summary, "deltagare_kommun")["Uppsala"] == (2, 0, 2)


def test_types_outside_the_list_come_after_it_alphabetically():
    summary = summarise(
        [fact("zebra-möte", "Gävle"), fact("Avslutning", "Gävle"), fact("Podd", "Gävle")]
    )

    assert [r.label for r in summary.table("aktiviteter_typ").rows] == [
        "Podd",
        "Avslutning",
        "zebra-möte",
    ]


def test_previous_year_only_place_and_type_are_listed():
    summary = summarise([], [fact("Studiebesök", NAT, G, 9)])

    assert rows(summary, "aktiviteter_typ") == {"Studiebesök": (0, 0, 0, 1, -1)}
    assert rows(summary, "aktiviteter_kommun")[NAT] == (0, 0, 0, 1, -1)
    assert rows(summary, "deltagare_kommun")[NAT] == (0, 9, -9)


def test_to_dict(summary):
    d = summary.to_dict()

    assert (d["year"], d["previous_year"], d["insats"]) == (2018, 2017, "ASF")
    key_figures, per_type = d["tables"][0], d["tables"][1]
    assert "total" not in key_figures
    assert key_figures["note"].startswith("Deltagare räknas från genomförda aktiviteter.")
    assert key_figures["rows"][3] == {
        "label": "Deltagare (volym)",
        "values": {"2018": 40, "2017": 17, "Förändring": 23},
    }
    assert per_type["columns"] == list(ACTIVITY_COLUMNS)
    assert per_type["total"] == {
        "label": "Totalt",
        "values": {
            "Genomförda": 2,
            "Planerade": 1,
            "Inställda": 1,
            "Genomförda 2017": 2,
            "Förändring": 0,
        },
    }


# --- invariants over random data ------------------------------------------------------------


def random_fact(rng: random.Random) -> ActivityFact:
    place = rng.choice([*KOMMUNER, LAN, NAT, "Uppsala"])
    type_name = rng.choice([*TYPES, "Eget format"])
    status = rng.choices([G, P, X], weights=[6, 2, 1])[0]
    if status is X:
        return ActivityFact(type_name, place, status, Attendance())
    total = rng.randint(0, 60)

    def split(labels, share):
        left = int(total * share)
        out = {}
        for label in labels:
            if rng.random() < 0.5:
                out[label] = n = rng.randint(0, left)
                left -= n
        return out

    by_org = split(list(OrgCategory), rng.random())
    by_role = split(list(Role), rng.random())
    women = rng.randint(0, total)
    men = rng.randint(0, total - women)
    given_total = None if rng.random() < 0.2 else total
    return ActivityFact(
        type_name, place, status, Attendance.build(given_total, by_org, by_role, women, men)
    )


@pytest.mark.parametrize("seed", [1, 2018, 31337])
def test_totals_agree_across_all_tables(seed):
    rng = random.Random(seed)
    facts = [random_fact(rng) for _ in range(200)]
    this_year = [rng.random() < 0.6 for _ in facts]
    current = [f for f, now in zip(facts, this_year, strict=True) if now]
    previous = [f for f, now in zip(facts, this_year, strict=True) if not now]
    summary = summarise(current, previous)

    def held(fs):
        return [f for f in fs if f.status is G]

    volume = (
        sum(f.attendance.total for f in held(current)),
        sum(f.attendance.total for f in held(previous)),
    )
    key = rows(summary, "nyckeltal")
    assert key["Deltagare (volym)"] == (*volume, volume[0] - volume[1])
    for status, label in ((G, "Genomförda"), (P, "Planerade"), (X, "Inställda")):
        now = sum(f.status is status for f in current)
        before = sum(f.status is status for f in previous)
        assert key[f"{label} aktiviteter"] == (now, before, now - before)

    for table in summary.tables:
        if not table.has_total:
            continue
        serialised = table.to_dict()
        for i, column in enumerate(table.columns):
            column_sum = sum(r.values[i] for r in table.rows)
            assert table.total.values[i] == column_sum, (table.key, column)
            assert serialised["total"]["values"][column] == column_sum
        for row in table.rows:  # Förändring: this year's (first) minus last year's (next to last)
            assert row.values[-1] == row.values[0] - row.values[-2], (table.key, row)

    for key_name in ("aktiviteter_typ", "aktiviteter_kommun"):
        held_now, held_before, held_change = key["Genomförda aktiviteter"]
        assert summary.table(key_name).total.values == (
            held_now,
            key["Planerade aktiviteter"][0],
            key["Inställda aktiviteter"][0],
            held_before,
            held_change,
        ), key_name

    for key_name in PARTICIPANT_TABLES:
        assert summary.table(key_name).total.values == key["Deltagare (volym)"], key_name

    # No part of a breakdown is ever negative.
    for key_name in PARTICIPANT_TABLES:
        for row in summary.table(key_name).rows:
            assert min(row.values[:2]) >= 0, (key_name, row)


def grouped(facts: list[ActivityFact]) -> list[ActivityFact]:
    """The facts added up per type, place and status, as the store hands them over."""
    groups: dict[tuple[str, str, Status], list[ActivityFact]] = {}
    for f in facts:
        groups.setdefault((f.type_name, f.place_label, f.status), []).append(f)
    out = []
    for (type_name, place, status), members in groups.items():
        parts = [m.attendance for m in members]
        attendance = Attendance(
            total=sum(a.total for a in parts),
            by_org={c: sum(a.org(c) for a in parts) for c in OrgCategory},
            by_role={r: sum(a.role(r) for a in parts) for r in Role},
            women=sum(a.women for a in parts),
            men=sum(a.men for a in parts),
        )
        out.append(ActivityFact(type_name, place, status, attendance, activities=len(members)))
    return out


@pytest.mark.parametrize("seed", [7, 99])
def test_grouped_facts_give_the_same_figures(seed):
    rng = random.Random(seed)
    current = [random_fact(rng) for _ in range(150)]
    previous = [random_fact(rng) for _ in range(150)]

    by_activity = summarise(current, previous)
    by_group = summarise(grouped(current), grouped(previous))

    assert len(grouped(current)) < len(current)  # some grouping really happened
    assert by_group == by_activity


def test_a_fact_may_stand_for_several_activities():
    summary = summarise(
        [ActivityFact("Podd", NAT, G, Attendance.build(90), activities=3)],
        [ActivityFact("Podd", NAT, P, Attendance.build(0), activities=2)],
    )

    assert rows(summary, "nyckeltal")["Genomförda aktiviteter"] == (3, 0, 3)
    assert rows(summary, "nyckeltal")["Planerade aktiviteter"] == (0, 2, -2)
    assert rows(summary, "aktiviteter_typ") == {"Podd": (3, 0, 0, 0, 3)}
    assert rows(summary, "deltagare_kommun")[NAT] == (90, 0, 90)


# --- no comparison with a year outside the insats ----------------------------------------


def test_only_a_year_of_the_insats_is_compared_with() -> None:
    insats = range(2016, 2021)
    assert compared_year(insats, 2016) is None
    assert compared_year(insats, 2017) == 2016
    assert compared_year(insats, 2021) == 2020  # after the end: still the last year
    assert compared_year(insats, 2015) is None


def test_without_a_previous_year_every_comparison_is_no_figure() -> None:
    summary = build_year_summary(
        2018, "ASF", [fact("Seminarium", "Gävle", total=30)], None, KOMMUNER, TYPES
    )

    assert summary.previous_year is None
    compared = [t for t in summary.tables if "Förändring" in t.columns]
    assert {t.key for t in compared} == {
        "nyckeltal",
        "aktiviteter_typ",
        "aktiviteter_kommun",
        *PARTICIPANT_TABLES,
    }
    for table in compared:
        before = table.columns[table.columns.index("Förändring") - 1]
        assert table.no_figure == (before, "Förändring"), table.key
        for row in (*table.rows, *((table.total,) if table.has_total else ())):
            assert table.shown(row)[-2:] == (NO_FIGURE, NO_FIGURE), (table.key, row.label)
    gavle = summary.table("deltagare_kommun")
    assert gavle.shown(next(r for r in gavle.rows if r.label == "Gävle")) == (30, "–", "–")
    assert summarise([fact("Seminarium", "Gävle", total=30)]).table("nyckeltal").no_figure == ()
