"""Plain domain objects handed between the layers (never live database rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from app.core.attendance import Attendance
from app.core.vocabulary import Format, OrgCategory, Scope, Status

if TYPE_CHECKING:  # imported where a series is used, not at start-up
    from app.core.series import SeriesRule


@dataclass(frozen=True)
class Forbund:
    id: int | None
    name: str


@dataclass(frozen=True)
class Insats:
    id: int | None
    forbund_id: int | None
    name: str
    start: date
    end: date
    goals: str = ""
    is_current: bool = False

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)


@dataclass(frozen=True)
class Kommun:
    id: int | None
    name: str
    delregion: str = ""
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Organisation:
    id: int | None
    name: str
    category: OrgCategory
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ActivityType:
    id: int | None
    name: str
    active: bool = True
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a training: its day and, when known, its clock times."""

    day: date
    start_time: time | None = None
    end_time: time | None = None


@dataclass(frozen=True, slots=True)  # slots: an import holds up to 100 000 of them
class Activity:
    """One logged activity with its counts.

    For a training given in steps, ``steps`` holds the date of each step; ``start``
    and ``end`` are then the first and last of them. The clock times of the steps that
    have them are in ``step_times`` (one Step per such day); ``timed_steps`` gives
    every step with its times.
    """

    id: int | None
    insats_id: int
    type_id: int
    title: str
    start: date
    end: date | None = None
    steps: tuple[date, ...] = ()
    # Optional clock times ("kl. 9.00–11.30"): on the start day, and for several days
    # in a row the end time on the last day.
    start_time: time | None = None
    end_time: time | None = None
    step_times: tuple[Step, ...] = ()
    scope: Scope = Scope.KOMMUN
    kommun_id: int | None = None
    place: str = ""
    format: Format = Format.FYSISKT
    status: Status = Status.GENOMFORD
    coorganiser_ids: tuple[int, ...] = ()
    notes: str = ""
    attendance: Attendance = field(default_factory=Attendance)
    # A meeting of this samverkansgrupp (counts toward people reached like any activity).
    group_id: int | None = None
    # The goal of the year plan the activity was planned under.
    goal_id: int | None = None
    # Named participants, only where needed; the counts above never depend on them.
    participant_ids: tuple[int, ...] = ()
    # Non-empty: a highlight of the report, described in this one sentence.
    highlight: str = ""
    # The source does not give the date, or the counts, exactly: the reports show
    # "datum ungefärligt" and "ca".
    date_approximate: bool = False
    counts_approximate: bool = False
    # An occurrence of this series (app.core.series); None: a single activity. Before an
    # import stores it, a negative series_id names a series of that import and
    # ``series_rule`` holds its rule (the store then makes the series row).
    series_id: int | None = None
    series_rule: SeriesRule | None = None
    # For the invitation (.ics, invitation text): the digital link (Teams, Zoom …), a
    # description for the invited, and how to register.
    link: str = ""
    description: str = ""
    registration: str = ""
    # The stored version the record was read at (0: not read from the store); a save
    # from an older version than the stored one is refused (StaleRecord). Not part of
    # what the record says, so not compared.
    version: int = field(default=0, compare=False)

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def timed_steps(self) -> tuple[Step, ...]:
        """Each step of a training with its clock times (none for other activities)."""
        times = {s.day: s for s in self.step_times}
        return tuple(times.get(d, Step(d)) for d in self.steps)


@dataclass(frozen=True)
class ActivityRow:
    """What the activity table shows for one activity: display values only.

    ``steps`` holds every step of a training given in steps (each with its clock times
    when known); it is empty for any other activity.
    """

    id: int
    start: date
    end: date | None
    type_name: str
    title: str
    place_label: str
    place: str
    format: Format
    status: Status
    participants: int
    start_time: time | None = None
    end_time: time | None = None
    steps: tuple[Step, ...] = ()
    # "datum ungefärligt", "ca 40": the source gives neither exactly (Activity's flags).
    date_approximate: bool = False
    counts_approximate: bool = False
    # An occurrence of a series: its id, and its place in it (3, 12: "↻ 3/12"). In the
    # table's compact view a row stands for a series' occurrences in the year, and
    # ``merged`` holds (occurrences, held ones): "12 tillfällen, 5 genomförda".
    series_id: int | None = None
    series_place: tuple[int, int] | None = None
    merged: tuple[int, int] | None = None
