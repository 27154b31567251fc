"""A row that matches a stored activity: what it would change, field by field.

Only what the file gives is compared (a spreadsheet without a Form column says nothing
about the form; a calendar says nothing about participants), so importing a file again
never wipes what was entered by hand since. The stored activity keeps its id, steps,
named participants, group, goal and highlight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from app.core.attendance import Attendance
from app.core.clock_times import format_times
from app.core.entities import Activity
from app.core.errors import ValidationError
from app.core.vocabulary import OrgCategory, Role

# What a row may give, as named in AcceptedRow.given.
TYPE, END, PLACE, FORMAT, STATUS = "type", "end", "place", "format", "status"
TIMES = "times"  # the start and end time
COORGANISERS, NOTES = "coorganisers", "notes"
TOTAL, ORGS, ROLES, GENDER = "total", "orgs", "roles", "gender"
COUNTS = frozenset((TOTAL, ORGS, ROLES, GENDER))
# What a calendar event gives: no type (guessed), no participants, no notes.
CALENDAR_GIVES = frozenset((END, TIMES, PLACE, FORMAT, STATUS))


@dataclass(frozen=True)
class Difference:
    """One field that the import would change: 'Plats: Stadshuset → Rådhuset'."""

    label: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.label}: {self.old} → {self.new}"


def _shown(text: str) -> str:
    one_line = " ".join(text.split())
    if not one_line:
        return "(tomt)"
    return one_line if len(one_line) <= 60 else one_line[:59] + "…"


def _merged_attendance(stored: Attendance, new: Attendance, given: frozenset[str]) -> Attendance:
    """The stored counts with what the file gives put in; a stored breakdown that no
    longer fits within the new total is cleared (and shows as a difference)."""
    total = new.total if TOTAL in given else max(stored.total, new.total)
    orgs = dict(new.by_org if ORGS in given else stored.by_org)
    roles = dict(new.by_role if ROLES in given else stored.by_role)
    women, men = (new.women, new.men) if GENDER in given else (stored.women, stored.men)
    if sum(orgs.values()) > total:
        orgs = {c: 0 for c in orgs}
    if sum(roles.values()) > total:
        roles = {r: 0 for r in roles}
    if women + men > total:
        women = men = 0
    return Attendance(total, orgs, roles, women, men)


def updated_activity(stored: Activity, new: Activity, given: frozenset[str]) -> Activity:
    """``stored`` with the fields the file gives taken from ``new``."""
    changes: dict[str, object] = {}
    if TYPE in given:
        changes["type_id"] = new.type_id
    if len(stored.steps) <= 1:  # a training in steps has its dates and times there
        if END in given:
            changes["end"] = new.end
        if TIMES in given:
            changes["start_time"], changes["end_time"] = new.start_time, new.end_time
    if PLACE in given:
        changes["place"] = new.place
    if FORMAT in given:
        changes["format"] = new.format
    if STATUS in given:
        changes["status"] = new.status
    if COORGANISERS in given:
        changes["coorganiser_ids"] = tuple(sorted(set(new.coorganiser_ids)))
    if NOTES in given:
        changes["notes"] = new.notes
    if given & COUNTS:
        changes["attendance"] = _merged_attendance(stored.attendance, new.attendance, given)
    return replace(stored, **changes)  # type: ignore[arg-type]


def differences(
    old: Activity,
    new: Activity,
    type_name: Callable[[int], str],
    organisation_name: Callable[[int], str],
) -> list[Difference]:
    """Every field in which ``new`` differs from ``old``, in the order the form shows them."""
    found: list[Difference] = []

    def check(label: str, before: object, after: object, text: Callable[[object], str]) -> None:
        if before != after:
            found.append(Difference(label, text(before), text(after)))

    def plain(value: object) -> str:
        return _shown(str(value))

    def day(value: object) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else "(tomt)"

    def label_of(value: object) -> str:
        return str(getattr(value, "label", value))

    def names(ids: Iterable[int]) -> str:
        return _shown(", ".join(organisation_name(i) for i in ids))

    check("Typ", old.type_id, new.type_id, lambda v: type_name(int(str(v))))
    check("Slutdatum", old.end, new.end, day)
    before_times = format_times(old.start_time, old.end_time) or "(tomt)"
    after_times = format_times(new.start_time, new.end_time) or "(tomt)"
    if before_times != after_times:
        found.append(Difference("Tid", before_times, after_times))
    check("Plats", old.place, new.place, plain)
    check("Form", old.format, new.format, label_of)
    check("Status", old.status, new.status, label_of)
    before_orgs = tuple(sorted(set(old.coorganiser_ids)))
    after_orgs = tuple(sorted(set(new.coorganiser_ids)))
    if before_orgs != after_orgs:
        found.append(Difference("Medarrangörer", names(before_orgs), names(after_orgs)))
    check("Anteckningar", old.notes.strip(), new.notes.strip(), plain)
    a, b = old.attendance, new.attendance
    check("Deltagare totalt", a.total, b.total, plain)
    for category in OrgCategory:
        check(f"Organisation: {category.label}", a.org(category), b.org(category), plain)
    for role in Role:
        check(f"Roll: {role.label}", a.role(role), b.role(role), plain)
    check("Kvinnor", a.women, b.women, plain)
    check("Män", a.men, b.men, plain)
    return found


def check_update(activity: Activity) -> tuple[str, ...]:
    """Why the updated activity cannot be stored, or () when it can."""
    from app.core.validation import validate_activity

    try:
        validate_activity(activity)
    except ValidationError as exc:
        return tuple(p.rstrip(".") for p in exc.problems)
    return ()
