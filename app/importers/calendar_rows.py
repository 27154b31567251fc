"""Calendar events as activities: a guessed type, the kommun from the place, no counts."""

from __future__ import annotations

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.errors import ValidationError
from app.core.validation import validate_activity
from app.core.vocabulary import Format, Scope, Status
from app.core.wording import thousands
from app.importers.calendar import CalendarEvent, CalendarSource
from app.importers.calendar_series import MAX_COUNTED
from app.importers.changes import CALENDAR_GIVES
from app.importers.report import (
    AcceptedRow,
    ImportContext,
    ImportReport,
    RejectedRow,
    SourceKind,
    split_rows,
)
from app.importers.rows import HELD_EMPTY
from app.importers.table import n_of
from app.importers.values import FALLBACK_TYPE, find_kommun_in, guess_type, read_where


def parse_calendar(
    source: CalendarSource, context: ImportContext, include_cancelled: bool = True
) -> ImportReport:
    """Each event as an activity of a guessed type, with 0 participants."""
    report = ImportReport(source.name, SourceKind.ICS)
    fallback = next(
        (t for t in context.types if t.name.casefold() == FALLBACK_TYPE.casefold()), None
    )
    accepted: list[AcceptedRow] = []
    no_place: list[int] = []
    for event in source.events:
        if event.cancelled and not include_cancelled:
            report.skipped.append(f"{event.label}: inställd, tas inte med")
            continue
        if not event.title:
            report.rejected.append(RejectedRow(event.number, event.label, ("titel saknas",)))
            continue
        activity_type = guess_type(event.title, context.types) or fallback
        if activity_type is None or activity_type.id is None:
            report.rejected.append(
                RejectedRow(
                    event.number,
                    event.label,
                    ("ingen aktivitetstyp passar, och typen Övrigt finns inte i listan",),
                )
            )
            continue
        scope, kommun_id, place = _where(event, context)
        if scope is Scope.LANSOVERGRIPANDE and (not place or event.online):
            no_place.append(event.number)
        elif scope is Scope.LANSOVERGRIPANDE:
            report.warnings.append(
                f"{event.label}: platsen ”{place}” pekar inte ut någon av förbundets "
                "kommuner; lagd som länsövergripande"
            )
        status = (
            Status.INSTALLD
            if event.cancelled
            else Status.PLANERAD
            if event.start > context.today
            else Status.GENOMFORD
        )
        try:
            activity = validate_activity(
                Activity(
                    id=None,
                    insats_id=context.insats_id,
                    type_id=activity_type.id,
                    title=event.title,
                    start=event.start,
                    end=event.end,
                    start_time=event.start_time,
                    end_time=event.end_time,
                    scope=scope,
                    kommun_id=kommun_id,
                    place=place,
                    format=Format.DIGITALT if event.online else Format.FYSISKT,
                    status=status,
                    attendance=Attendance(),
                    series_id=event.series[0] if event.series else None,
                    series_rule=event.series[1] if event.series else None,
                )
            )
        except ValidationError as exc:
            report.rejected.append(
                RejectedRow(event.number, event.label, tuple(p.rstrip(".") for p in exc.problems))
            )
            continue
        accepted.append(
            AcceptedRow(
                event.number,
                event.label,
                activity,
                type_guessed=True,
                warnings=(HELD_EMPTY,) if status is Status.GENOMFORD else (),
                given=CALENDAR_GIVES,
            )
        )
    split_rows(accepted, context, report)
    held_empty = [r.row for r in accepted if HELD_EMPTY in r.warnings]
    if held_empty:
        shown = ", ".join(str(n) for n in held_empty[:8]) + (" …" if len(held_empty) > 8 else "")
        report.warnings.append(
            f"{HELD_EMPTY[:1].upper()}{HELD_EMPTY[1:]}: "
            f"{n_of(len(held_empty), 'händelse', 'händelser')} har redan ägt rum men har "
            f"inga deltagare (händelse {shown}). Fyll i antalet deltagare efter importen."
        )
    if no_place:
        report.warnings.append(
            f"{n_of(len(no_place), 'händelse', 'händelser')} utan plats som pekar ut en kommun "
            "läggs som länsövergripande."
        )
    for what, why in source.unreadable:
        report.rejected.append(RejectedRow(0, what, (why,)))
    report.skipped.extend(source.left_out)
    report.warnings.extend(series_warnings(source, context))
    if source.outside:
        first, last = source.period
        events = n_of(source.outside, "händelse", "händelser")
        report.skipped.append(
            f"{events} utanför perioden {first.isoformat()} – {last.isoformat()} togs inte med"
        )
    return report


def series_warnings(source: CalendarSource, context: ImportContext) -> list[str]:
    """What the report says of each series reaching outside the period: how many of its
    occurrences are taken and how many are left out (a daily series without an end would
    otherwise become an activity a day for the whole insats, without a word)."""
    first, last = source.period
    own = source.period == (context.insats.start, context.insats.end)
    word = "insatsens" if own else "periodens"
    found: list[str] = []
    for cut in source.series:
        taken = n_of(cut.inside, "tillfälle", "tillfällen")
        if cut.after is None:
            found.append(
                f"Serien ”{cut.title}” upprepas utan slut: {taken} till och med {word} "
                f"slut {last.isoformat()} tas med, senare tillfällen tas inte med."
            )
        elif cut.after:
            found.append(
                f"Serien ”{cut.title}” fortsätter efter {word} slut {last.isoformat()}: "
                f"{taken} tas med, {_counted(cut.after)} senare tas inte med."
            )
        if cut.before:
            found.append(
                f"Serien ”{cut.title}” börjar före {word} start {first.isoformat()}: "
                f"{taken} tas med, {_counted(cut.before)} tidigare tas inte med."
            )
    return found


def _counted(n: int) -> str:
    return f"fler än {thousands(MAX_COUNTED - 1)}" if n >= MAX_COUNTED else thousands(n)


def _where(event: CalendarEvent, context: ImportContext) -> tuple[Scope, int | None, str]:
    """Scope, kommun and place: the kommun named by the location, else by the title.

    A location that is just a kommun ("Gävle"), the county or the country ("Nationellt")
    leaves the place empty.
    """
    if event.location:
        where = read_where(event.location, context.kommuner)
        if not where.unmatched:
            return where.scope, where.kommun_id, ""
    for text in (event.location, event.title):
        found = find_kommun_in(text, context.kommuner) if text else None
        if found is not None:
            return Scope.KOMMUN, found.id, event.location
    return Scope.LANSOVERGRIPANDE, None, event.location
