"""Build the Gävleborg demo database through the public store API only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import goal_kinds as gk
from app.core.attendance import Attendance
from app.core.county_stats import CountyStats
from app.core.entities import Activity, Insats, Organisation
from app.core.errors import DomainError
from app.core.goal_progress import GoalMeasure
from app.core.groups import Group, GroupMember, GroupStatusChange
from app.core.milestones import Milestone
from app.core.placements import Placement
from app.core.reach import RegisteredReach
from app.core.report_texts import StatedFigure
from app.core.setup import InitialSetup, gavleborg_defaults
from app.core.vocabulary import Format, GroupStatus, MilestoneKind, Role, Scope, Status
from app.demo import gavleborg_data as data
from app.demo import gavleborg_texts as texts

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class DemoSummary:
    """What the demo database holds, as plain values (for the CLI and the UI to show)."""

    path: Path
    forbund: str
    insats: str
    start: date
    end: date
    activities: int
    group_meetings: int
    groups: int
    placements: int
    county_stats_years: tuple[int, ...]
    milestones: int
    reached_per_year: Mapping[int, int]
    stated_total: int
    stated_figures: int = 0
    report_texts: int = 0

    @property
    def reached_total(self) -> int:
        return sum(self.reached_per_year.values())

    def lines(self) -> list[str]:
        """The summary in Swedish, one line each."""
        years = ", ".join(f"{y}: {_tal(n)}" for y, n in self.reached_per_year.items())
        return [
            f"Exempeldatabasen skapades: {self.path}",
            f"Förbund: {self.forbund}",
            f"Insats: {self.insats} ({self.start.isoformat()} – {self.end.isoformat()})",
            f"Aktiviteter: {self.activities}, varav {self.group_meetings} möten i "
            "samverkansgrupperna",
            f"Samverkansgrupper: {self.groups}",
            f"Placeringar: {self.placements}",
            "Länsstatistik: " + ", ".join(str(y) for y in self.county_stats_years),
            f"Milstolpar: {self.milestones}",
            f"Nådda personer per år: {years}; totalt {_tal(self.reached_total)}",
            f"Slutrapporten anger totalt {_tal(self.stated_total)} (sparad som angiven siffra; "
            f"årens summa är {_tal(self.reached_total)}).",
            f"Angivna siffror att kontrollera: {self.stated_figures}",
            f"Rapporttexter ur slutrapporten: {self.report_texts}",
            "Datum och antal som slutrapporten inte anger är markerade som ungefärliga.",
        ]


def _tal(n: int) -> str:
    """1275 → '1 275' (Swedish digit grouping)."""
    return f"{n:,}".replace(",", "\u00a0")


def demo_setup() -> InitialSetup:
    """The förbund, the insats as the report names it, the ten kommuner and the parter."""
    defaults = gavleborg_defaults(data.START)
    return InitialSetup(
        forbund_name=data.FORBUND,
        insats=Insats(
            id=None,
            forbund_id=None,
            name=data.INSATS,
            start=data.START,
            end=data.END,
            goals=data.GOALS,
            is_current=True,
        ),
        kommuner=defaults.kommuner,
        organisations=tuple(Organisation(None, n, c) for n, c in data.ORGANISATIONS),
        activity_types=defaults.activity_types,
    )


def _attendance(a: data.DemoActivity) -> Attendance:
    roles = {Role.TJANSTEPERSON: a.total} if a.tjanstepersoner else None
    return Attendance.build(a.total, a.by_org or None, roles)


def build_demo(path: Path) -> DemoSummary:
    """Create a NEW database at ``path`` holding the Gävleborg ASF insats 2016–2020.

    Refuses an existing file (DomainError). If anything fails, the half-built file is
    removed.
    """
    path = Path(path)
    if path.exists():
        raise DomainError(
            f"Filen {path} finns redan. Exempeldata skapas bara i en ny databas: "
            "välj ett annat filnamn."
        )
    from app.store.database import Store
    from app.store.new_database import create_database

    insats = create_database(path, demo_setup())  # the set-up every new database has
    store = Store.open(path)
    try:
        summary = _fill(store, path, insats)
        store.changes.collect(label="skapa exempeldatabasen", locked=True)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    store.close()
    return summary


def _fill(store: Store, path: Path, insats: Insats) -> DemoSummary:
    assert insats.id is not None and insats.forbund_id is not None
    insats_id, forbund_id = insats.id, insats.forbund_id
    kommun: dict[str, int] = {
        k.name: k.id for k in store.reference.kommuner(forbund_id) if k.id is not None
    }
    org: dict[str, int] = {
        o.name: o.id for o in store.reference.organisations(forbund_id) if o.id is not None
    }
    types: dict[str, int] = {
        t.name: t.id for t in store.reference.activity_types() if t.id is not None
    }

    activities = [_activity(a, insats_id, types, kommun, org) for a in data.ACTIVITIES]
    volume: dict[int, int] = dict.fromkeys(data.REACHED_PER_YEAR, 0)
    for a in data.ACTIVITIES:
        volume[a.day.year] += a.total

    for g in data.GROUPS:
        group = store.groups.save(_group(g, insats_id, kommun, org))
        assert group.id is not None
        for year, meetings in g.meetings.items():
            for day, participants in meetings:
                volume[year] += participants
                activities.append(
                    Activity(
                        id=None,
                        insats_id=insats_id,
                        type_id=types["Processtöd"],
                        title=f"Möte i samverkansgruppen i {g.kommun}",
                        start=day,
                        scope=Scope.KOMMUN,
                        kommun_id=kommun[g.kommun],
                        format=Format.DIGITALT if year == 2020 else Format.FYSISKT,
                        status=Status.GENOMFORD,
                        coorganiser_ids=(org[data.AF],) if year < 2019 else (),
                        attendance=Attendance.build(participants),
                        group_id=group.id,
                        notes="Lokalt processtöd. Datum och antal deltagare är exempel: "
                        "slutrapporten anger inga möten.",
                        date_approximate=True,
                        counts_approximate=True,
                    )
                )
    store.activities.import_many(activities)

    for year, stated in data.REACHED_PER_YEAR.items():
        rest = stated - volume[year]
        if rest < 0:
            raise AssertionError(f"Demodata {year}: aktiviteterna har fler deltagare än {stated}")
        store.reach.save(
            RegisteredReach(
                id=None,
                insats_id=insats_id,
                year=year,
                scope=Scope.LANSOVERGRIPANDE,
                kommun_id=None,
                reason=data.FILLER_REASON,
                attendance=Attendance.build(rest),
            )
        )

    for p in data.PLACEMENTS:
        store.placements.save(
            Placement(
                id=None,
                insats_id=insats_id,
                year=p.year,
                kommun_id=kommun[p.kommun],
                target_group=p.target_group,
                granted=p.granted,
                used=p.used,
                women=p.women,
                men=p.men,
                # Each placement's people are counted by gender, one each: its unique
                # individuals are its places used (the report's 10 is for all of them).
                unique_individuals=p.used,
                length_months=6,
                outcomes=p.outcomes,
                notes=p.notes,
            )
        )

    for s in data.COUNTY_STATS:
        store.county_stats.save(
            CountyStats(
                id=None,
                forbund_id=forbund_id,
                year=s.year,
                source=s.source,
                companies_total=s.companies,
                companies_by_region={"Hälsingland": s.halsingland, "Gästrikland": s.gastrikland},
                employees_total=s.employees,
                employees_women=s.women,
                employees_men=s.men,
                placed_total=s.placed,
                placed_by_source=s.placed_by_source,
            )
        )

    for m in data.MILESTONES:
        store.milestones.save(
            Milestone(
                id=None,
                insats_id=insats_id,
                day=m.day,
                kind=m.kind,
                text=m.text,
                kommun_id=None if m.kommun is None else kommun[m.kommun],
                organisation_id=None if m.organisation is None else org[m.organisation],
                link=m.link,
                date_approximate=m.date_approximate,
            )
        )

    # The final report states its goals in words only: these targets are examples.
    example = "(exempel på målvärde)"
    store.goal_measures.save(
        insats_id,
        None,
        [
            GoalMeasure(None, insats_id, None, gk.REACH_VOLUME, 1500, f"Nådda personer {example}"),
            GoalMeasure(
                None,
                insats_id,
                None,
                gk.ACTIVITIES,
                6,
                f"Genomförda utbildningar {example}",
                type_id=types["Utbildning"],
            ),
            GoalMeasure(
                None,
                insats_id,
                None,
                gk.POLICY_KOMMUNER,
                5,
                f"Kommuner med antagen policy {example}",
                milestone_kind=MilestoneKind.POLICY.value,
            ),
            GoalMeasure(
                None, insats_id, None, gk.ACTIVE_GROUPS, 5, f"Aktiva samverkansgrupper {example}"
            ),
            GoalMeasure(
                None, insats_id, None, gk.USED_PLACEMENTS, 20, f"Nyttjade platser {example}"
            ),
        ],
    )

    for first, last, measure, value, source in data.STATED_FIGURES:
        store.report_texts.add_figure(
            StatedFigure(insats_id, first, last, measure, value, source=source)
        )
    first, last = data.START.year, data.END.year
    store.report_texts.save_texts(insats_id, first, last, texts.TEXTS)
    for year, text in texts.YEAR_TEXTS.items():
        store.report_texts.save_texts(insats_id, year, year, {"struktur": text})
    from app.demo.gavleborg_economy import add_example_economy  # issue 15: example money

    add_example_economy(store, insats)

    return DemoSummary(
        path=path,
        forbund=data.FORBUND,
        insats=data.INSATS,
        start=data.START,
        end=data.END,
        activities=len(activities),
        group_meetings=len(activities) - len(data.ACTIVITIES),
        groups=len(data.GROUPS),
        placements=len(data.PLACEMENTS),
        county_stats_years=tuple(s.year for s in data.COUNTY_STATS),
        milestones=len(data.MILESTONES),
        reached_per_year=dict(data.REACHED_PER_YEAR),
        stated_total=data.STATED_TOTAL,
        stated_figures=len(data.STATED_FIGURES),
        report_texts=len(texts.TEXTS) + len(texts.YEAR_TEXTS),
    )


def _activity(
    a: data.DemoActivity,
    insats_id: int,
    types: Mapping[str, int],
    kommun: Mapping[str, int],
    org: Mapping[str, int],
) -> Activity:
    if isinstance(a.where, Scope):
        scope, kommun_id = a.where, None
    else:
        scope, kommun_id = Scope.KOMMUN, kommun[a.where]
    return Activity(
        id=None,
        insats_id=insats_id,
        type_id=types[a.type_name],
        title=a.title,
        start=a.day,
        steps=a.steps,
        scope=scope,
        kommun_id=kommun_id,
        place=a.place,
        format=a.format,
        status=Status.GENOMFORD,
        coorganiser_ids=tuple(org[n] for n in a.coorganisers),
        notes=a.notes,
        attendance=_attendance(a),
        highlight=data.HIGHLIGHTS.get(a.title, ""),
        date_approximate=a.date_approximate,
        counts_approximate=a.counts_approximate,
    )


def _group(
    g: data.DemoGroup, insats_id: int, kommun: Mapping[str, int], org: Mapping[str, int]
) -> Group:
    statuses = [GroupStatusChange(data.ACTIVE_FROM, GroupStatus.AKTIV)]
    if g.vilande is not None:
        statuses.append(GroupStatusChange(g.vilande, GroupStatus.VILANDE, data.VILANDE_NOTE))
    return Group(
        id=None,
        insats_id=insats_id,
        kommun_id=kommun[g.kommun],
        name=data.GROUP_NAME,
        formed=g.formed,
        notes=data.GROUP_NOTE,
        statuses=tuple(statuses),
        members=(
            GroupMember(None, None, Role.TJANSTEPERSON, f"{g.kommun} kommun"),
            GroupMember(None, org[data.AF], Role.TJANSTEPERSON),
            GroupMember(None, org[data.ASF_GAVLEBORG], Role.ASF_FORETRADARE),
        ),
    )
