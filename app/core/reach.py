"""People reached in a year: who came to the held activities, and what was registered apart.

Three kinds of figures, never mixed up:

* the volume from held activities (the sum of their attendance: one person counts once
  per activity);
* figures registered apart from the activities, with a reason (e.g. information given
  in another forum). Those marked ``in_total`` are added to the activities' volume;
* reach kept out of the total on purpose (e.g. podcast listeners), shown on its own.

Where participants are named, the number of unique individuals is shown beside the
volume, in the table of figures outside the total: it is a different kind of count and
must never be added to a volume.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from app.core import limits
from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.summary import (
    GENDER_UNKNOWN,
    UNALLOCATED,
    ActivityFact,
    SummaryRow,
    SummaryTable,
)
from app.core.table_keys import TableKey
from app.core.vocabulary import OrgCategory, Role, Scope, Status

ACTIVITY_VOLUME = "Deltagare på aktiviteter (volym)"
REGISTERED_VOLUME = "Registrerat utanför aktiviteter (volym)"
REACH_TOTAL = "Totalt nådda (volym)"
KEPT_OUT = "Hållna utanför totalen (volym, t.ex. poddlyssnare)"
UNIQUE = "Unika individer (namngivna deltagare)"

VOLUME_NOTE = (
    "Volym: samma person räknas en gång per tillfälle. "
    "Unika individer: varje namngiven deltagare räknas en gång under året."
)

WOMEN = "Kvinnor"
MEN = "Män"
_SCOPES = (Scope.LANSOVERGRIPANDE.label, Scope.NATIONELLT.label)


@dataclass(frozen=True)
class RegisteredReach:
    """People reached apart from the logged activities in a year, with the reason.

    ``in_total`` False is reach kept out of the total on purpose (e.g. podcast listeners).
    """

    id: int | None
    insats_id: int
    year: int
    scope: Scope
    kommun_id: int | None
    reason: str
    in_total: bool = True
    attendance: Attendance = field(default_factory=Attendance)
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)


def validate_registered_reach(entry: RegisteredReach) -> RegisteredReach:
    """The entry tidied (reason trimmed, no kommun unless scope is kommun), or ValidationError.

    The counts follow the same rules as an activity's (Attendance.build).
    """
    kommun_id = entry.kommun_id if entry.scope is Scope.KOMMUN else None
    entry = replace(entry, reason=limits.clean(entry.reason).strip(), kommun_id=kommun_id)
    problems: list[str] = []
    if not entry.reason:
        problems.append("Ange varför antalet registreras utanför aktiviteterna (t.ex. forum).")
    if entry.scope is Scope.KOMMUN and entry.kommun_id is None:
        problems.append("Välj kommun, eller ange att antalet är länsövergripande eller nationellt.")
    problems += limits.text_problems([(entry.reason, limits.LONG_TEXT, "Orsaken")])
    if not limits.year_in_range(entry.year):
        problems.append(f"Året {entry.year} är inte ett rimligt år.")
    a = entry.attendance
    try:
        checked = Attendance.build(a.total, a.by_org, a.by_role, a.women, a.men)
    except ValidationError as exc:
        problems.extend(exc.problems)
    else:
        entry = replace(entry, attendance=checked)
    if problems:
        raise ValidationError(problems)
    return entry


def place_of(entry: RegisteredReach, kommun_names: Mapping[int, str]) -> str:
    """What the tables show as the entry's kommun: its name, or Länsövergripande/Nationellt."""
    if entry.scope is Scope.KOMMUN and entry.kommun_id is not None:
        return kommun_names.get(entry.kommun_id, f"Kommun {entry.kommun_id}")
    return entry.scope.label


@dataclass(frozen=True)
class ReachTable(SummaryTable):
    """A SummaryTable whose total row has its own label (e.g. "Totalt nådda (volym)").

    The total is still the sum of the rows; ``value("Totalt", …)`` keeps working.
    """

    total_label: str = "Totalt"

    @cached_property
    def total(self) -> SummaryRow:
        return SummaryRow(self.total_label, super().total.values)

    def value(self, label: str, column: str) -> int:
        if label == self.total_label and self.has_total:
            label = "Totalt"
        return super().value(label, column)


def _held(facts: Iterable[ActivityFact]) -> list[ActivityFact]:
    return [f for f in facts if f.status is Status.GENOMFORD]


def _in_total(registered: Iterable[RegisteredReach], year: int) -> list[RegisteredReach]:
    return [r for r in registered if r.in_total and r.year == year]


def _kept_out(registered: Iterable[RegisteredReach], year: int) -> list[RegisteredReach]:
    return [r for r in registered if not r.in_total and r.year == year]


def activity_volume(facts: Iterable[ActivityFact]) -> int:
    """Participants at the held activities (volume)."""
    return sum(f.attendance.total for f in _held(facts))


def reach_total(
    year: int, facts: Iterable[ActivityFact], registered: Iterable[RegisteredReach]
) -> int:
    """People reached in ``year`` (volume): held activities plus what is registered in total."""
    return activity_volume(facts) + sum(r.attendance.total for r in _in_total(registered, year))


def people_reached_table(
    year: int,
    activity_facts: Sequence[ActivityFact],
    registered: Sequence[RegisteredReach],
) -> SummaryTable:
    """The reach total of the year: held activities' volume plus registered-in-total volume.

    Entries of ``registered`` for other years, and those kept out of the total, are
    ignored here: they are in reach_outside_total_table, beside the unique individuals.
    """
    rows = (
        SummaryRow(ACTIVITY_VOLUME, (activity_volume(activity_facts),)),
        SummaryRow(
            REGISTERED_VOLUME, (sum(r.attendance.total for r in _in_total(registered, year)),)
        ),
    )
    return ReachTable(
        TableKey.NADDA_PERSONER,
        "Nådda personer",
        (str(year),),
        rows,
        note=VOLUME_NOTE,
        total_label=REACH_TOTAL,
    )


def reach_outside_total_table(
    year: int,
    registered: Sequence[RegisteredReach],
    unique_individuals: int | None = None,
) -> SummaryTable:
    """What is shown beside the total but never added to it.

    The kept-out volume (e.g. podcast listeners), and — when participants are named —
    the unique individuals among the held activities' participants. Without named
    participants (``unique_individuals`` None) that row is left out.
    """
    rows = [SummaryRow(KEPT_OUT, (sum(r.attendance.total for r in _kept_out(registered, year)),))]
    note = "Räknas inte in i totalen."
    if unique_individuals is not None:
        rows.append(SummaryRow(UNIQUE, (unique_individuals,)))
        note += " Unika individer räknas bara bland namngivna deltagare."
    return SummaryTable(
        TableKey.NADDA_UTANFOR_TOTAL,
        "Nådda utanför totalen",
        (str(year),),
        tuple(rows),
        has_total=False,
        note=note,
    )


# --- breakdowns of the reach total -----------------------------------------------------

Parts = Callable[[Attendance], Iterable[tuple[str, int]]]


def _org_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield from ((c.label, a.org(c)) for c in OrgCategory)
    yield UNALLOCATED, a.org_unallocated


def _role_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield from ((r.label, a.role(r)) for r in Role)
    yield UNALLOCATED, a.role_unallocated


def _gender_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield WOMEN, a.women
    yield MEN, a.men
    yield GENDER_UNKNOWN, a.gender_unknown


def _counted(
    year: int, facts: Sequence[ActivityFact], registered: Sequence[RegisteredReach]
) -> list[Attendance]:
    """Every attendance that is part of the year's reach total."""
    return [f.attendance for f in _held(facts)] + [
        r.attendance for r in _in_total(registered, year)
    ]


def _breakdown(
    key: TableKey,
    title: str,
    year: int,
    labels: Sequence[str],
    counter: Counter[str],
) -> SummaryTable:
    seen = [label for label, n in counter.items() if n and label not in labels]
    all_labels = [*labels, *sorted(seen, key=str.casefold)]
    rows = tuple(SummaryRow(label, (counter[label],)) for label in all_labels)
    return SummaryTable(key, title, (str(year),), rows)


def people_reached_breakdowns(
    year: int,
    activity_facts: Sequence[ActivityFact],
    registered: Sequence[RegisteredReach],
    kommun_names: Mapping[int, str],
) -> list[SummaryTable]:
    """The reach total (volume) per kommun, organisation category, role and gender.

    Each table sums to the same total as people_reached_table: what is not broken down
    is a row of its own ("Ej fördelat"/"Ej angivet"), and a figure without a kommun is
    under Länsövergripande or Nationellt. ``kommun_names`` (id → name, in display
    order) lists every kommun, reached or not.
    """
    attendances = _counted(year, activity_facts, registered)

    per_place: Counter[str] = Counter()
    for f in _held(activity_facts):
        per_place[f.place_label] += f.attendance.total
    for r in _in_total(registered, year):
        per_place[place_of(r, kommun_names)] += r.attendance.total
    place_labels = [*kommun_names.values()]
    extra = sorted(
        (p for p, n in per_place.items() if n and p not in place_labels and p not in _SCOPES),
        key=str.casefold,
    )
    place_labels += [*extra, *_SCOPES]

    def by(parts: Parts) -> Counter[str]:
        counter: Counter[str] = Counter()
        for a in attendances:
            for label, n in parts(a):
                counter[label] += n
        return counter

    return [
        _breakdown(
            TableKey.NADDA_KOMMUN, "Nådda per kommun (volym)", year, place_labels, per_place
        ),
        _breakdown(
            TableKey.NADDA_ORGANISATION,
            "Nådda per organisation (volym)",
            year,
            [c.label for c in OrgCategory] + [UNALLOCATED],
            by(_org_parts),
        ),
        _breakdown(
            TableKey.NADDA_ROLL,
            "Nådda per roll (målgrupp, volym)",
            year,
            [r.label for r in Role] + [UNALLOCATED],
            by(_role_parts),
        ),
        _breakdown(
            TableKey.NADDA_KON,
            "Nådda per kön (volym)",
            year,
            [WOMEN, MEN, GENDER_UNKNOWN],
            by(_gender_parts),
        ),
    ]


def people_reached_tables(
    year: int,
    activity_facts: Sequence[ActivityFact],
    registered: Sequence[RegisteredReach],
    kommun_names: Mapping[int, str],
    unique_individuals: int | None,
) -> list[SummaryTable]:
    """All the reach tables of the year, in the order the overview shows them."""
    return [
        people_reached_table(year, activity_facts, registered),
        reach_outside_total_table(year, registered, unique_individuals),
        *people_reached_breakdowns(year, activity_facts, registered, kommun_names),
    ]


# --- checks -----------------------------------------------------------------------------


def _where(entry: RegisteredReach, kommun_names: Mapping[int, str]) -> str:
    kind = "registrerat i totalen" if entry.in_total else "hållet utanför totalen"
    return f"Nådda personer {entry.year}, {place_of(entry, kommun_names)}: {entry.reason} ({kind})"


def reach_findings(
    year: int,
    registered: Sequence[RegisteredReach],
    insats: Insats,
    kommun_names: Mapping[int, str],
    activity_facts: Sequence[ActivityFact] = (),
    unique_individuals: int | None = None,
) -> list[Finding]:
    """What does not add up in the year's reach. Nothing is changed; each is only shown.

    * an entry (in or out of the total) with no one counted;
    * an entry for a year outside the insats's period;
    * more unique individuals than participants at the held activities.
    """
    findings: list[Finding] = []
    period = f"{insats.start.year}–{insats.end.year}"
    for entry in registered:
        if entry.year != year:
            continue
        if entry.attendance.total == 0:
            findings.append(
                Finding(
                    "Registrerat antal nådda är 0",
                    _where(entry, kommun_names),
                    "minst 1 person",
                    "0",
                )
            )
        if entry.year not in insats.years:
            findings.append(
                Finding(
                    "Nådda personer registrerade för ett år utanför insatsens period",
                    _where(entry, kommun_names),
                    period,
                    str(entry.year),
                )
            )
    volume = activity_volume(activity_facts)
    if unique_individuals is not None and unique_individuals > volume:
        findings.append(
            Finding(
                "Fler unika individer än deltagare på aktiviteterna",
                f"Nådda personer {year}",
                f"högst {volume}",
                str(unique_individuals),
            )
        )
    return findings
