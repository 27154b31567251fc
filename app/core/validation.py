"""Checks an activity before it is stored. Every problem is reported in Swedish."""

from __future__ import annotations

from dataclasses import replace

from app.core import limits
from app.core.entities import Activity, Insats
from app.core.errors import ValidationError
from app.core.limits import clean
from app.core.vocabulary import Scope, Status


def normalise_activity(activity: Activity) -> Activity:
    """Tidy an activity: trim texts (and take out the characters XML forbids), sort and
    de-duplicate steps and derive dates from them."""
    steps = tuple(sorted(set(activity.steps)))
    start, end = activity.start, activity.end
    if steps:
        start = steps[0]
        end = steps[-1] if len(steps) > 1 else None
    if end == start:
        end = None
    kommun_id = activity.kommun_id if activity.scope is Scope.KOMMUN else None
    return replace(
        activity,
        title=clean(activity.title).strip(),
        place=clean(activity.place).strip(),
        notes=clean(activity.notes).strip(),
        highlight=clean(activity.highlight),
        steps=steps,
        start=start,
        end=end,
        kommun_id=kommun_id,
        coorganiser_ids=tuple(dict.fromkeys(activity.coorganiser_ids)),
        participant_ids=tuple(sorted(set(activity.participant_ids))),
    )


def validate_activity(activity: Activity) -> Activity:
    """Return the normalised activity, or raise ValidationError listing every problem."""
    activity = normalise_activity(activity)
    problems: list[str] = []
    if not activity.title:
        problems.append("Ange en titel eller ett tema för aktiviteten.")
    problems += limits.text_problems(
        (
            (activity.title, limits.ACTIVITY_TITLE, "Titeln"),
            (activity.place, limits.ACTIVITY_PLACE, "Platsen"),
            (activity.notes, limits.LONG_TEXT, "Anteckningarna"),
            (activity.highlight, limits.LONG_TEXT, "Höjdpunktens text"),
        )
    )
    problems += limits.date_problems(
        [(activity.start, "Datumet"), (activity.end, "Slutdatumet")]
        + [(d, "Tillfället") for d in activity.steps[1:-1]]
    )
    if activity.end is not None and activity.end < activity.start:
        problems.append("Slutdatum kan inte vara före startdatum.")
    if activity.scope is Scope.KOMMUN and activity.kommun_id is None:
        problems.append(
            "Välj kommun, eller ange att aktiviteten är länsövergripande eller nationell."
        )
    named = len(activity.participant_ids)
    if named > activity.attendance.total:
        problems.append(
            f"Fler namngivna deltagare ({named}) än totalt antal deltagare "
            f"({activity.attendance.total})."
        )
    if activity.status is Status.INSTALLD and activity.attendance.total > 0:
        problems.append("En inställd aktivitet kan inte ha deltagare. Ändra status eller antal.")
    if problems:
        raise ValidationError(problems)
    return activity


def validate_insats(insats: Insats) -> Insats:
    """Return the insats with trimmed texts, or raise ValidationError."""
    insats = replace(insats, name=clean(insats.name).strip(), goals=clean(insats.goals).strip())
    problems: list[str] = []
    if not insats.name:
        problems.append("Ange insatsens namn.")
    problems += limits.text_problems(
        (
            (insats.name, limits.INSATS_NAME, "Insatsens namn"),
            (insats.goals, limits.LONG_TEXT, "Insatsens mål"),
        )
    )
    problems += limits.date_problems(((insats.start, "Startdatumet"), (insats.end, "Slutdatumet")))
    if insats.end < insats.start:
        problems.append("Insatsens period slutar före den börjar.")
    if problems:
        raise ValidationError(problems)
    return insats
