"""Checks an activity before it is stored. Every problem is reported in Swedish."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core import limits
from app.core.clock_times import minutes_only, span_problem
from app.core.entities import Activity, Insats, Step
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
    start_time, end_time = minutes_only(activity.start_time), minutes_only(activity.end_time)
    timed = _step_times(steps, activity.step_times)
    if len(steps) == 1 and timed and start_time is None and end_time is None:
        # One step left is a one-day activity: its times become the activity's.
        start_time, end_time = timed[0].start_time, timed[0].end_time
    kommun_id = activity.kommun_id if activity.scope is Scope.KOMMUN else None
    return replace(
        activity,
        title=clean(activity.title).strip(),
        place=clean(activity.place).strip(),
        notes=clean(activity.notes).strip(),
        highlight=clean(activity.highlight),
        link=clean(activity.link).strip(),
        description=clean(activity.description).strip(),
        registration=clean(activity.registration).strip(),
        steps=steps,
        start=start,
        end=end,
        start_time=start_time,
        end_time=end_time,
        step_times=timed if len(steps) > 1 else (),
        kommun_id=kommun_id,
        coorganiser_ids=tuple(dict.fromkeys(activity.coorganiser_ids)),
        participant_ids=tuple(sorted(set(activity.participant_ids))),
    )


def _step_times(steps: tuple[date, ...], given: tuple[Step, ...]) -> tuple[Step, ...]:
    """The times of the steps that have any, to the minute, in date order (the last
    given for a day counts; a day that is not a step is dropped)."""
    days = set(steps)
    times = {
        s.day: Step(s.day, minutes_only(s.start_time), minutes_only(s.end_time))
        for s in given
        if s.day in days and (s.start_time is not None or s.end_time is not None)
    }
    return tuple(times[d] for d in sorted(times))


def time_problems(activity: Activity) -> list[str]:
    """Every problem with the clock times of an activity and of its steps."""
    problems: list[str] = []
    if activity.end is None or activity.end == activity.start:
        problems.append(span_problem(activity.start_time, activity.end_time))
    elif activity.end_time is not None and activity.start_time is None:
        problems.append(span_problem(None, activity.end_time))
    for n, s in enumerate(activity.timed_steps, start=1):
        problems.append(span_problem(s.start_time, s.end_time, f"Steg {n}: "))
    return [p for p in problems if p]


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
    from app.core.invitation import invitation_problems  # not needed at start-up

    problems += invitation_problems(activity)
    problems += limits.date_problems(
        [(activity.start, "Datumet"), (activity.end, "Slutdatumet")]
        + [(d, "Tillfället") for d in activity.steps[1:-1]]
    )
    if activity.end is not None and activity.end < activity.start:
        problems.append("Slutdatum kan inte vara före startdatum.")
    problems += time_problems(activity)
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
