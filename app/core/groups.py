"""Local samverkansgrupper: who sits in them, how their status changed, where they were active.

A group is formed (``formed``) in a kommun and then changes status on dates: aktiv,
vilande, avslutad (bildad again only if that is what was recorded). The formed date
itself counts as a change to "bildad". A group's meetings are activities that point at
it (``Activity.group_id``); they count toward people reached like any other activity.

Statuses are kept sorted by date; two changes on the same date, or a change before the
group was formed, are refused. Everything else that looks wrong — bildad after the
group was already aktiv, a change after avslutad, an active group that never met, a
member with neither organisation nor name — is stored as entered and reported as a
Finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from app.core.entities import Activity
from app.core.findings import Finding
from app.core.group_entities import NO_MEETINGS as NO_MEETINGS
from app.core.group_entities import Group as Group
from app.core.group_entities import GroupMember as GroupMember
from app.core.group_entities import GroupStatusChange as GroupStatusChange
from app.core.group_entities import MeetingCount as MeetingCount
from app.core.group_entities import normalise_group as normalise_group
from app.core.group_entities import validate_group as validate_group
from app.core.summary import SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.core.vocabulary import GroupStatus, Scope, Status
from app.core.wording import count_noun

GRID_KEY = TableKey.SAMVERKANSGRUPPER_AKTIVA
GRID_TITLE = "Aktiva samverkansgrupper per kommun och år"
TABLE_KEY = TableKey.SAMVERKANSGRUPPER
TABLE_TITLE = "Samverkansgrupper"
MEETINGS_COLUMN = "Genomförda möten"
PARTICIPANTS_COLUMN = "Deltagare (volym)"
NO_STATUS = "ingen status"
# The one rule for what counts as an active group, as every table and legend says it.
ACTIVE_RULE = (
    "Antal grupper som var bildade eller aktiva någon gång under året. "
    "Vilande och avslutade grupper räknas inte."
)

# Which status wins when a group held several during a year: lower is better.
_RANK = {
    GroupStatus.AKTIV: 0,
    GroupStatus.BILDAD: 1,
    GroupStatus.VILANDE: 2,
    GroupStatus.AVSLUTAD: 3,
}


# --- status over time ---------------------------------------------------------------------


def _changes(group: Group) -> list[GroupStatusChange]:
    return sorted(group.statuses, key=lambda s: s.day)


def status_on(group: Group, day: date) -> GroupStatus | None:
    """The group's status on ``day``; None before it was formed (or had any status).

    The formed date counts as a change to "bildad"; a change takes effect on its date.
    """
    current: GroupStatus | None = None
    if group.formed is not None and group.formed <= day:
        current = GroupStatus.BILDAD
    for change in _changes(group):
        if change.day > day:
            break
        current = change.status
    return current


def statuses_in_year(group: Group, year: int) -> set[GroupStatus]:
    """Every status the group held at some time during ``year``.

    A group that was already avslutad when the year began held nothing that year.
    """
    held = {c.status for c in group.statuses if c.day.year == year}
    if group.formed is not None and group.formed.year == year:
        held.add(GroupStatus.BILDAD)
    at_start = status_on(group, date(year, 1, 1))
    if at_start is not None and at_start is not GroupStatus.AVSLUTAD:
        held.add(at_start)
    return held


def status_in_year(group: Group, year: int) -> GroupStatus | None:
    """The best status the group held during ``year``: aktiv, then bildad, then vilande,
    then avslutad. None if it was not formed yet, or had ended before the year."""
    held = statuses_in_year(group, year)
    return min(held, key=_RANK.__getitem__) if held else None


def counts_as_active(status: GroupStatus | None) -> bool:
    """Whether a group in ``status`` counts as an active group: bildad or aktiv.

    A vilande group does not (nor an avslutad one): it is listed with its status, and
    the grid marks a kommun whose groups were only vilande, but it is not counted.
    """
    return status is not None and status.meets


def active_in_year(group: Group, year: int) -> bool:
    """Whether the group counts as active in ``year``: bildad or aktiv at some time."""
    return counts_as_active(status_in_year(group, year))


def _active_all_year(group: Group, year: int) -> bool:
    at_start = status_on(group, date(year, 1, 1))
    if not counts_as_active(at_start):
        return False
    return all(counts_as_active(c.status) for c in group.statuses if c.day.year == year)


def grid_years(groups: Iterable[Group], first: int, last: int) -> range:
    """The years a grid should show: ``first``–``last``, widened to every year in which a
    group was formed or changed status.

    ``first`` is typically the insats's first year; ``last`` the year summarised (a group
    still aktiv counts as active in every later year, so do not pass future years).
    """
    years = {first, last}
    for g in groups:
        if g.formed is not None:
            years.add(g.formed.year)
        years.update(c.day.year for c in g.statuses)
    return range(min(years), max(years) + 1)


# --- tables -------------------------------------------------------------------------------


def kommun_label(kommun_names: Mapping[int, str], kommun_id: int | None) -> str:
    if kommun_id is None:
        return "Ingen kommun"
    return kommun_names.get(kommun_id, f"Kommun {kommun_id}")


def group_label(group: Group, kommun_names: Mapping[int, str]) -> str:
    """'Bollnäs – Samverkansgrupp ASF': how lists and tables name a group."""
    return f"{kommun_label(kommun_names, group.kommun_id)} – {group.name}"


def sorted_groups(groups: Iterable[Group], kommun_names: Mapping[int, str]) -> list[Group]:
    """Groups in the kommuner's order (the order of ``kommun_names``), then by name."""
    order = {kid: i for i, kid in enumerate(kommun_names)}
    return sorted(
        groups,
        key=lambda g: (
            order.get(g.kommun_id, len(order)) if g.kommun_id is not None else len(order) + 1,
            kommun_label(kommun_names, g.kommun_id).casefold(),
            g.name.casefold(),
            g.id or 0,
        ),
    )


def group_grid(
    groups: Sequence[Group], kommun_names: Mapping[int, str], years: Iterable[int]
) -> SummaryTable:
    """One row per kommun, one column per year: how many of the kommun's groups were
    active (bildad or aktiv at some time) that year. The total row is the number of
    active groups per year. Every kommun is listed, with or without a group."""
    years = list(years)
    labels = [kommun_label(kommun_names, kid) for kid in kommun_names]
    for g in sorted_groups(groups, kommun_names):
        label = kommun_label(kommun_names, g.kommun_id)
        if label not in labels:
            labels.append(label)
    counts = {label: [0] * len(years) for label in labels}
    for g in groups:
        row = counts[kommun_label(kommun_names, g.kommun_id)]
        for i, year in enumerate(years):
            if active_in_year(g, year):
                row[i] += 1
    return SummaryTable(
        GRID_KEY,
        GRID_TITLE,
        tuple(str(y) for y in years),
        tuple(SummaryRow(label, tuple(counts[label])) for label in labels),
        note=ACTIVE_RULE,
    )


def status_text(status: GroupStatus | None) -> str:
    return NO_STATUS if status is None else status.label.lower()


def groups_table(
    groups: Sequence[Group],
    kommun_names: Mapping[int, str],
    meetings: Mapping[int, MeetingCount | tuple[int, int]],
    year: int,
) -> SummaryTable:
    """One row per group that had a status during ``year`` or held meetings in it.

    The row label is '<kommun> – <name> (<status in the year>)', e.g.
    'Bollnäs – Samverkansgrupp ASF (aktiv)'; the status is the best one the group held
    during the year (see ``status_in_year``), 'ingen status' if it had none. The columns
    are the year's held meetings and the participants at them (volume); the total row
    is their sum.
    """
    rows: list[SummaryRow] = []
    for g in sorted_groups(groups, kommun_names):
        held, participants = meetings.get(g.id, NO_MEETINGS) if g.id is not None else NO_MEETINGS
        status = status_in_year(g, year)
        if status is None and held == 0 and participants == 0:
            continue
        label = f"{group_label(g, kommun_names)} ({status_text(status)})"
        rows.append(SummaryRow(label, (held, participants)))
    return SummaryTable(
        TABLE_KEY,
        TABLE_TITLE,
        (MEETINGS_COLUMN, PARTICIPANTS_COLUMN),
        tuple(rows),
        note=(
            f"Status inom parentes: den främsta status gruppen hade under {year} "
            "(aktiv, bildad, vilande, avslutad i den ordningen). Möten är aktiviteter "
            "kopplade till gruppen; deltagare räknas från genomförda möten."
        ),
    )


# --- findings -----------------------------------------------------------------------------


def _where(group: Group, kommun_names: Mapping[int, str], year: int | None = None) -> str:
    if year is None:
        return f"Samverkansgrupp {group_label(group, kommun_names)}"
    return f"Samverkansgrupper {year}, {group_label(group, kommun_names)}"


def _order_findings(group: Group, year: int, kommun_names: Mapping[int, str]) -> list[Finding]:
    found: list[Finding] = []
    previous: GroupStatusChange | None = None
    ended: GroupStatusChange | None = None
    for change in _changes(group):
        in_year = change.day.year == year
        if in_year and ended is not None:
            found.append(
                Finding(
                    "Statusändring efter att gruppen avslutats",
                    _where(group, kommun_names),
                    f"ingen ändring efter avslutad {ended.day.isoformat()}",
                    f"{change.status.label.lower()} {change.day.isoformat()}",
                )
            )
        elif in_year and change.status is GroupStatus.BILDAD and previous is not None:
            found.append(
                Finding(
                    "Bildad efter en annan status",
                    _where(group, kommun_names),
                    "bildad före övriga statusar",
                    f"bildad {change.day.isoformat()} efter "
                    f"{previous.status.label.lower()} {previous.day.isoformat()}",
                )
            )
        if change.status is GroupStatus.AVSLUTAD and ended is None:
            ended = change
        previous = change
    return found


def group_findings(
    groups: Sequence[Group],
    year: int,
    meetings: Mapping[int, MeetingCount | tuple[int, int]],
    kommun_names: Mapping[int, str],
    *,
    as_of: date | None = None,
) -> list[Finding]:
    """What looks wrong in the groups' record for ``year``.

    - a group aktiv (or bildad) the whole year with no held meeting logged — checked only
      for years that are over on ``as_of`` (default today);
    - held meetings logged in a year the group was vilande, avslutad or not yet formed;
    - status changes dated in ``year`` that are out of order: bildad after another
      status, or any change after avslutad;
    - a member with neither organisation nor name (for years the group had a status).
    """
    today = as_of or date.today()
    found: list[Finding] = []
    for g in sorted_groups(groups, kommun_names):
        held, _participants = meetings.get(g.id, NO_MEETINGS) if g.id is not None else NO_MEETINGS
        status = status_in_year(g, year)
        if year < today.year and held == 0 and _active_all_year(g, year):
            found.append(
                Finding(
                    "Aktiv samverkansgrupp utan loggade möten",
                    _where(g, kommun_names, year),
                    "minst 1 genomfört möte",
                    "0 möten",
                )
            )
        if held > 0 and not counts_as_active(status):
            found.append(
                Finding(
                    "Möten loggade när gruppen inte var aktiv",
                    _where(g, kommun_names, year),
                    f"inga möten (status {year}: {status_text(status)})",
                    count_noun(held, "genomfört möte", "genomförda möten"),
                )
            )
        found.extend(_order_findings(g, year, kommun_names))
        if status is not None:
            for m in g.members:
                if m.organisation_id is None and not m.name.strip():
                    found.append(
                        Finding(
                            "Medlem utan organisation och namn",
                            _where(g, kommun_names),
                            "organisation eller namn",
                            f"bara rollen {m.role.label}",
                        )
                    )
    return found


# --- meetings -----------------------------------------------------------------------------


def meeting_draft(group: Group, type_id: int, day: date) -> Activity:
    """A new activity for a meeting of ``group``: in its kommun, pointing at it.

    Not stored: the activity dialog opens with it so the user fills in the rest.
    """
    if group.id is None:
        raise ValueError("meeting_draft needs a stored group")
    return Activity(
        id=None,
        insats_id=group.insats_id,
        type_id=type_id,
        title=f"Möte i {group.name}",
        start=day,
        scope=Scope.KOMMUN,
        kommun_id=group.kommun_id,
        status=Status.GENOMFORD if day <= date.today() else Status.PLANERAD,
        group_id=group.id,
    )
