"""Invitations: a calendar file (.ics) of the planned activities of a year or a period,
or of one activity; an activity's invitation text; and an address list (CSV) for a mail
merge. Shared by the window and the command line; the writers get plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DomainError
from app.core.invitation import InvitedActivity, invitation_text
from app.core.limits import date_problem
from app.core.mail_list import MailChoice, MailSource, Recipient, chosen, table
from app.core.progress import Progress
from app.core.report_period import span_label
from app.core.wording import count_noun
from app.store import invitation_reads as reads

if TYPE_CHECKING:
    from app.reports.ics_export import CalendarFile
    from app.store.database import Store


@dataclass(frozen=True)
class CalendarResult:
    path: Path
    activities: int
    events: int
    span: str = ""

    def message(self) -> str:
        what = count_noun(self.activities, "aktivitet", "aktiviteter")
        events = count_noun(self.events, "kalenderhändelse", "kalenderhändelser")
        span = f" ({self.span})" if self.span else ""
        return f"Sparade {what}{span} som {events} i {self.path}"


@dataclass(frozen=True)
class MailListResult:
    path: Path
    rows: int

    def message(self) -> str:
        people = count_noun(self.rows, "person", "personer")
        return f"Sparade en adresslista med {people} i {self.path}"


def _forbund_name(store: Store, insats_id: int) -> str:
    insats = store.reference.insats(insats_id)
    assert insats.forbund_id is not None
    return store.reference.forbund(insats.forbund_id).name


def check_span(first: date, last: date) -> None:
    """DomainError in Swedish when the days are backwards or outside the years taken."""
    for day, what in ((first, "Periodens första dag"), (last, "Periodens sista dag")):
        if problem := date_problem(day, what):
            raise DomainError(f"{problem}.")
    if last < first:
        raise DomainError(
            f"Perioden är baklänges: {first.isoformat()} kommer efter {last.isoformat()}."
        )


def period_calendar(
    store: Store, insats_id: int, first: date, last: date, include_all: bool = False
) -> CalendarFile:
    """The calendar of the activities from ``first`` to ``last``: the planned and the
    cancelled ones, or all with ``include_all``."""
    from app.reports.ics_export import CalendarFile

    check_span(first, last)
    insats = store.reference.insats(insats_id)
    found = reads.invited_activities(store.file, insats_id, first, last, include_all)
    return CalendarFile(
        _forbund_name(store, insats_id), f"{insats.name} {span_label(first, last)}", found
    )


def activity_calendar(store: Store, activity_id: int) -> CalendarFile:
    from app.reports.ics_export import CalendarFile

    invited = reads.invited_activity(store.file, activity_id)
    a = invited.activity
    return CalendarFile(_forbund_name(store, a.insats_id), a.title, (invited,))


def write_ics(
    path: Path,
    content: CalendarFile,
    span: str = "",
    stamp: datetime | None = None,
    progress: Progress | None = None,
) -> CalendarResult:
    from app.reports.ics_export import write_calendar

    if not content.activities:
        raise DomainError(
            "Det finns inga aktiviteter att spara i perioden"
            + (f" {span}" if span else "")
            + ". Välj en annan period, eller ta med alla aktiviteter (inte bara planerade)."
        )
    events = write_calendar(Path(path), content, stamp, progress)
    return CalendarResult(Path(path), len(content.activities), events, span)


def export_ics(
    store: Store,
    insats_id: int,
    first: date,
    last: date,
    path: Path,
    include_all: bool = False,
    stamp: datetime | None = None,
    progress: Progress | None = None,
) -> CalendarResult:
    """Write the period's calendar file (see period_calendar)."""
    content = period_calendar(store, insats_id, first, last, include_all)
    return write_ics(path, content, span_label(first, last), stamp, progress)


def export_activity_ics(store: Store, activity_id: int, path: Path) -> CalendarResult:
    return write_ics(path, activity_calendar(store, activity_id))


def invitation(store: Store, activity_id: int) -> tuple[InvitedActivity, str]:
    """The activity (with its kommun) and its invitation text."""
    invited = reads.invited_activity(store.file, activity_id)
    return invited, invitation_text(invited)


def recipients(store: Store, insats_id: int, source: MailSource) -> list[Recipient]:
    """Everyone the source holds (unnamed seats too: the dialog says how many)."""
    if source is MailSource.MEMBERS:
        return reads.group_members(store.file, insats_id)
    insats = store.reference.insats(insats_id)
    assert insats.forbund_id is not None
    return reads.registered_persons(store.file, insats.forbund_id)


def export_mail_list(
    store: Store, insats_id: int, choice: MailChoice, path: Path
) -> MailListResult:
    """Write the chosen recipients as a CSV for a mail merge (app.reports.mail_merge)."""
    from app.reports.mail_merge import write_mail_merge

    rows = chosen(recipients(store, insats_id, choice.source), choice)
    if not rows:
        raise DomainError(
            "Ingen person med namn matchar valet. Välj en annan kommun eller målgrupp."
        )
    write_mail_merge(Path(path), table(rows, choice))
    return MailListResult(Path(path), len(rows))
