"""Samverkansgrupper in core: validation, status over time, the grid, the table, findings.

The data follow the Gävleborg final report: groups formed in 2017 in Bollnäs,
Söderhamn, Nordanstig, Hofors, Gävle and Hudiksvall; when Arbetsförmedlingen's local
offices closed, Hofors and Gävle went vilande while the other four carried on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.groups import (
    ACTIVE_RULE,
    Group,
    GroupMember,
    GroupStatusChange,
    MeetingCount,
    active_in_year,
    counts_as_active,
    grid_years,
    group_findings,
    group_grid,
    groups_table,
    meeting_draft,
    status_in_year,
    status_on,
    validate_group,
)
from app.core.vocabulary import GAVLEBORG_KOMMUNER, GroupStatus, Role, Scope, Status

B, A, V, X = GroupStatus.BILDAD, GroupStatus.AKTIV, GroupStatus.VILANDE, GroupStatus.AVSLUTAD
KOMMUNER = {i: name for i, (name, _) in enumerate(GAVLEBORG_KOMMUNER, start=1)}
KID = {name: i for i, name in KOMMUNER.items()}
AF_CLOSED = "Arbetsförmedlingens lokalkontor stängde"
AS_OF = date(2021, 6, 1)


def group(
    gid: int,
    kommun: str,
    formed: date | None,
    *changes: tuple[date, GroupStatus, str],
    members: tuple[GroupMember, ...] = (),
    name: str = "Samverkansgrupp ASF",
) -> Group:
    return Group(
        id=gid,
        insats_id=1,
        kommun_id=KID[kommun],
        name=name,
        formed=formed,
        statuses=tuple(GroupStatusChange(d, s, n) for d, s, n in changes),
        members=members,
    )


def gavleborg() -> list[Group]:
    return [
        group(1, "Bollnäs", date(2017, 3, 1), (date(2017, 5, 10), A, "")),
        group(2, "Söderhamn", date(2017, 4, 5), (date(2017, 9, 1), A, "")),
        group(3, "Nordanstig", date(2017, 4, 20), (date(2017, 6, 1), A, "")),
        group(
            4,
            "Hofors",
            date(2017, 5, 15),
            (date(2017, 9, 20), A, ""),
            (date(2018, 12, 17), V, AF_CLOSED),
        ),
        group(
            5,
            "Gävle",
            date(2017, 10, 3),
            (date(2018, 2, 1), A, ""),
            (date(2019, 1, 1), V, AF_CLOSED),
        ),
        group(6, "Hudiksvall", date(2017, 11, 8), (date(2018, 1, 15), A, "")),
    ]


# --- validation ---------------------------------------------------------------------------


def test_a_valid_group_is_trimmed_and_its_statuses_sorted() -> None:
    g = group(
        None,  # type: ignore[arg-type]
        "Hofors",
        date(2017, 5, 15),
        (date(2018, 12, 17), V, f"  {AF_CLOSED} "),
        (date(2017, 9, 20), A, ""),
        members=(GroupMember(None, 3, Role.CHEF, "  Anna Berg "),),
        name="  Samverkansgrupp ASF Hofors ",
    )
    checked = validate_group(g)
    assert checked.name == "Samverkansgrupp ASF Hofors"
    assert [c.day for c in checked.statuses] == [date(2017, 9, 20), date(2018, 12, 17)]
    assert checked.statuses[1].note == AF_CLOSED
    assert checked.members[0].name == "Anna Berg"


def test_validation_lists_every_problem_in_swedish() -> None:
    g = Group(
        id=None,
        insats_id=1,
        kommun_id=None,
        name="  ",
        formed=date(2017, 5, 15),
        statuses=(
            GroupStatusChange(date(2017, 1, 10), A, ""),
            GroupStatusChange(date(2018, 3, 1), A, ""),
            GroupStatusChange(date(2018, 3, 1), V, ""),
        ),
    )
    with pytest.raises(ValidationError) as exc:
        validate_group(g)
    assert exc.value.problems == [
        "Ange gruppens namn.",
        "Välj vilken kommun gruppen finns i.",
        "Statusen aktiv 2017-01-10 är före datumet då gruppen bildades (2017-05-15).",
        "Två statusändringar samma dag (2018-03-01). Ange bara en status per datum.",
    ]


def test_a_change_on_the_formed_date_is_allowed_and_no_formed_date_is_needed() -> None:
    validate_group(group(1, "Gävle", date(2017, 10, 3), (date(2017, 10, 3), A, "")))
    validate_group(group(1, "Gävle", None, (date(2017, 10, 3), A, "")))


# --- status over time ---------------------------------------------------------------------


def test_status_on_a_day() -> None:
    hofors = gavleborg()[3]
    assert status_on(hofors, date(2017, 5, 14)) is None
    assert status_on(hofors, date(2017, 5, 15)) is B
    assert status_on(hofors, date(2017, 9, 19)) is B
    assert status_on(hofors, date(2017, 9, 20)) is A
    assert status_on(hofors, date(2018, 12, 17)) is V
    assert status_on(hofors, date(2025, 1, 1)) is V


def test_status_on_without_a_formed_date_starts_at_the_first_change() -> None:
    g = group(1, "Gävle", None, (date(2018, 3, 1), A, ""), (date(2019, 6, 1), X, "Slutförd"))
    assert status_on(g, date(2018, 2, 28)) is None
    assert status_on(g, date(2018, 3, 1)) is A
    assert status_on(g, date(2019, 6, 1)) is X


def test_status_in_year_is_the_best_status_held_during_the_year() -> None:
    hofors, gavle = gavleborg()[3], gavleborg()[4]
    assert status_in_year(hofors, 2016) is None  # not formed yet
    assert status_in_year(hofors, 2017) is A  # bildad, then aktiv
    assert status_in_year(hofors, 2018) is A  # aktiv until vilande on 17 December
    assert status_in_year(hofors, 2019) is V
    # Gävle went vilande on 1 January 2019: it held nothing else that year.
    assert status_in_year(gavle, 2018) is A
    assert status_in_year(gavle, 2019) is V


def test_bildad_beats_vilande_and_a_group_ended_before_the_year_has_no_status() -> None:
    g = group(
        1,
        "Ockelbo",
        date(2018, 11, 1),
        (date(2018, 12, 15), V, "Ingen sammankallande"),
        (date(2020, 1, 1), X, "Gruppen lades ned"),
    )
    assert status_in_year(g, 2018) is B
    assert status_in_year(g, 2019) is V
    assert status_in_year(g, 2020) is X  # ended on 1 January 2020: that is in 2020
    assert status_in_year(g, 2021) is None
    assert [active_in_year(g, y) for y in (2018, 2019, 2020)] == [True, False, False]


def test_a_group_bildad_into_the_year_counts_as_active_that_year() -> None:
    g = group(1, "Ockelbo", date(2018, 11, 1), (date(2019, 2, 1), V, ""))
    assert status_in_year(g, 2019) is B
    assert active_in_year(g, 2019)


def test_vilande_beats_avslutad_within_a_year() -> None:
    g = group(1, "Ockelbo", date(2018, 1, 1), (date(2018, 2, 1), V, ""))
    g = replace(g, statuses=(*g.statuses, GroupStatusChange(date(2019, 5, 1), X, "")))
    assert status_in_year(g, 2019) is V


def test_grid_years_widen_the_insats_to_every_status_year() -> None:
    assert grid_years(gavleborg(), 2018, 2021) == range(2017, 2022)
    assert grid_years([], 2018, 2021) == range(2018, 2022)


# --- the grid -----------------------------------------------------------------------------


def test_group_grid_counts_active_groups_per_kommun_and_year() -> None:
    grid = group_grid(gavleborg(), KOMMUNER, range(2016, 2021))
    assert grid.key == "samverkansgrupper_aktiva"
    assert grid.title == "Aktiva samverkansgrupper per kommun och år"
    assert grid.columns == ("2016", "2017", "2018", "2019", "2020")
    # Every kommun is a row, in the förbund's order, with or without a group.
    assert [r.label for r in grid.rows] == list(KOMMUNER.values())
    rows = {r.label: r.values for r in grid.rows}
    assert rows["Bollnäs"] == (0, 1, 1, 1, 1)
    assert rows["Hofors"] == (0, 1, 1, 0, 0)
    assert rows["Gävle"] == (0, 1, 1, 0, 0)
    assert rows["Ljusdal"] == (0, 0, 0, 0, 0)
    # 2019: Nordanstig, Bollnäs, Söderhamn and Hudiksvall continue.
    assert grid.total.values == (0, 6, 6, 4, 4)
    assert grid.value("Totalt", "2019") == 4


def test_only_bildad_and_aktiv_count_as_active_and_the_grid_says_so() -> None:
    assert [s for s in GroupStatus if counts_as_active(s)] == [B, A]
    assert not counts_as_active(None)
    gavle = gavleborg()[4]
    assert status_in_year(gavle, 2019) is V
    assert not active_in_year(gavle, 2019)
    grid = group_grid([gavle], KOMMUNER, [2019])
    assert grid.value("Gävle", "2019") == 0
    assert grid.note == ACTIVE_RULE
    assert "Vilande och avslutade grupper räknas inte." in ACTIVE_RULE


def test_two_groups_in_one_kommun_count_twice() -> None:
    groups = [
        *gavleborg(),
        group(7, "Bollnäs", date(2019, 9, 1), name="Policygrupp ASF"),
    ]
    grid = group_grid(groups, KOMMUNER, [2019])
    assert grid.value("Bollnäs", "2019") == 2
    assert grid.value("Totalt", "2019") == 5


# --- the year's table ---------------------------------------------------------------------


def test_groups_table_has_a_row_per_group_with_the_status_of_the_year() -> None:
    meetings = {1: MeetingCount(4, 38), 3: MeetingCount(3, 21), 5: (1, 6)}
    table = groups_table(gavleborg(), KOMMUNER, meetings, 2019)
    assert table.key == "samverkansgrupper"
    assert table.columns == ("Genomförda möten", "Deltagare (volym)")
    assert [(r.label, r.values) for r in table.rows] == [
        ("Bollnäs – Samverkansgrupp ASF (aktiv)", (4, 38)),
        ("Gävle – Samverkansgrupp ASF (vilande)", (1, 6)),
        ("Hofors – Samverkansgrupp ASF (vilande)", (0, 0)),
        ("Hudiksvall – Samverkansgrupp ASF (aktiv)", (0, 0)),
        ("Nordanstig – Samverkansgrupp ASF (aktiv)", (3, 21)),
        ("Söderhamn – Samverkansgrupp ASF (aktiv)", (0, 0)),
    ]
    assert table.total.values == (8, 65)


def test_groups_table_leaves_out_groups_without_status_or_meetings_that_year() -> None:
    table = groups_table(gavleborg(), KOMMUNER, {}, 2016)
    assert table.rows == ()
    # ...but a meeting logged before the group was formed shows the group.
    table = groups_table(gavleborg(), KOMMUNER, {2: MeetingCount(1, 9)}, 2016)
    assert [r.label for r in table.rows] == ["Söderhamn – Samverkansgrupp ASF (ingen status)"]


# --- findings -----------------------------------------------------------------------------


def test_the_gavleborg_record_with_meetings_everywhere_has_no_findings() -> None:
    meetings = {gid: MeetingCount(2, 12) for gid in (1, 2, 3, 6)}
    assert group_findings(gavleborg(), 2019, meetings, KOMMUNER, as_of=AS_OF) == []


def test_an_active_group_without_meetings_is_flagged_once_the_year_is_over() -> None:
    meetings = {gid: MeetingCount(2, 12) for gid in (1, 2, 3)}  # Hudiksvall logged none
    expected = Finding(
        "Aktiv samverkansgrupp utan loggade möten",
        "Samverkansgrupper 2019, Hudiksvall – Samverkansgrupp ASF",
        "minst 1 genomfört möte",
        "0 möten",
    )
    assert group_findings(gavleborg(), 2019, meetings, KOMMUNER, as_of=AS_OF) == [expected]
    assert group_findings(gavleborg(), 2019, meetings, KOMMUNER, as_of=date(2019, 11, 1)) == []
    # Hofors went vilande in December 2018: not active all of 2018, so not flagged.
    found_2018 = group_findings(gavleborg(), 2018, {}, KOMMUNER, as_of=AS_OF)
    assert [f.where for f in found_2018] == [
        "Samverkansgrupper 2018, Bollnäs – Samverkansgrupp ASF",
        "Samverkansgrupper 2018, Gävle – Samverkansgrupp ASF",
        "Samverkansgrupper 2018, Hudiksvall – Samverkansgrupp ASF",
        "Samverkansgrupper 2018, Nordanstig – Samverkansgrupp ASF",
        "Samverkansgrupper 2018, Söderhamn – Samverkansgrupp ASF",
    ]


def test_meetings_of_a_vilande_group_are_flagged() -> None:
    meetings = {gid: MeetingCount(1, 5) for gid in (1, 2, 3, 4, 6)}
    found = group_findings(gavleborg(), 2019, meetings, KOMMUNER, as_of=AS_OF)
    assert found == [
        Finding(
            "Möten loggade när gruppen inte var aktiv",
            "Samverkansgrupper 2019, Hofors – Samverkansgrupp ASF",
            "inga möten (status 2019: vilande)",
            "1 genomfört möte",
        )
    ]


def test_status_changes_out_of_order_are_flagged_in_their_year() -> None:
    g = group(
        1,
        "Ljusdal",
        None,
        (date(2018, 2, 1), A, ""),
        (date(2018, 9, 1), B, "Bildad på nytt?"),
        (date(2019, 3, 1), X, "Avslutad"),
        (date(2020, 4, 1), A, "Startade igen"),
    )
    meetings = {1: MeetingCount(1, 4)}
    assert group_findings([g], 2018, meetings, KOMMUNER, as_of=AS_OF) == [
        Finding(
            "Bildad efter en annan status",
            "Samverkansgrupp Ljusdal – Samverkansgrupp ASF",
            "bildad före övriga statusar",
            "bildad 2018-09-01 efter aktiv 2018-02-01",
        )
    ]
    assert group_findings([g], 2020, meetings, KOMMUNER, as_of=AS_OF) == [
        Finding(
            "Statusändring efter att gruppen avslutats",
            "Samverkansgrupp Ljusdal – Samverkansgrupp ASF",
            "ingen ändring efter avslutad 2019-03-01",
            "aktiv 2020-04-01",
        )
    ]


def test_a_member_with_neither_organisation_nor_name_is_flagged() -> None:
    members = (
        GroupMember(1, 7, Role.TJANSTEPERSON),
        GroupMember(2, None, Role.ASF_FORETRADARE, "Kalle Ek"),
        GroupMember(3, None, Role.FORTROENDEVALD, " "),
    )
    g = replace(gavleborg()[0], members=members)
    found = group_findings([g], 2019, {1: MeetingCount(3, 20)}, KOMMUNER, as_of=AS_OF)
    assert found == [
        Finding(
            "Medlem utan organisation och namn",
            "Samverkansgrupp Bollnäs – Samverkansgrupp ASF",
            "organisation eller namn",
            "bara rollen Förtroendevald",
        )
    ]
    # Not in a year before the group existed.
    assert group_findings([g], 2016, {}, KOMMUNER, as_of=AS_OF) == []


# --- meetings -----------------------------------------------------------------------------


def test_a_meeting_draft_is_an_activity_of_the_group_in_its_kommun() -> None:
    bollnas = gavleborg()[0]
    draft = meeting_draft(bollnas, type_id=12, day=date(2019, 3, 12))
    assert draft.group_id == 1
    assert draft.kommun_id == KID["Bollnäs"]
    assert draft.scope is Scope.KOMMUN
    assert draft.status is Status.GENOMFORD
    assert draft.title == "Möte i Samverkansgrupp ASF"
    assert draft.id is None and draft.type_id == 12
