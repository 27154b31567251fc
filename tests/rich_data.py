"""A generated database holding every kind of record the program has, from a printed seed.

It starts from the Gävleborg demo (groups with members and status history, placements,
county statistics, milestones, registered and kept-out reach, a stated figure) and adds,
through the store's own API, what the demo lacks: named persons and named participants,
year-plan goals with activities under them, report texts, activities over several days,
in steps, with clock times (and steps with their own), länsövergripande and nationellt,
with an invitation's link, description and registration,
and random activities whose counts are valid by construction (every breakdown at most
its total; nothing on an inställd activity).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats, Step
from app.core.evaluation import Evaluation, Question, Quote
from app.core.evaluation_scale import Distribution
from app.core.people import Person
from app.core.reach import RegisteredReach
from app.core.series import LAST, MONTHLY, WEEKLY, SeriesRule, nth_of
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from app.core.year_plan import PlanGoal
from app.demo.gavleborg import build_demo
from app.store.database import Store
from tests.rich_economy import add_economy
from tests.rich_goals import add_measures

FIRST_NAMES = ("Anna", "Björn", "Cecilia", "Dragan", "Elin", "Fatima", "Göran", "Hanna")
LAST_NAMES = ("Ek", "Lund", "Öberg", "Åslund", "Nilsson", "Haddad")


def random_attendance(rng: random.Random, total: int) -> Attendance:
    """Counts whose every breakdown adds up to at most ``total`` (valid by construction)."""

    def split(keys: list[OrgCategory] | list[Role], most: int) -> dict[object, int]:
        left = rng.randint(0, most)
        parts: dict[object, int] = {}
        for key in keys:
            n = rng.randint(0, left)
            parts[key] = n
            left -= n
        return parts

    women = rng.randint(0, total)
    men = rng.randint(0, total - women)
    return Attendance.build(
        total,
        split(list(OrgCategory), total),  # type: ignore[arg-type]
        split(list(Role), total),  # type: ignore[arg-type]
        women,
        men,
    )


# Clock times as the dialog and the import take them: none, a start only, or both.
TIMES: tuple[tuple[time | None, time | None], ...] = (
    (None, None),
    (time(9), None),
    (time(9), time(11, 30)),
    (time(13, 15), time(16)),
)


def _random_activity(
    rng: random.Random,
    base: Activity,
    year: int,
    kommun_ids: list[int],
    org_ids: list[int],
    person_ids: list[int],
    goal_ids: list[int],
    group_ids: list[int],
) -> Activity:
    start = date(year, 1, 1) + timedelta(days=rng.randint(0, 350))
    length = rng.choice(("one", "one", "days", "steps"))
    end: date | None = None
    steps: tuple[date, ...] = ()
    if length == "days":
        end = start + timedelta(days=rng.randint(1, 3))
    elif length == "steps":
        steps = tuple(start + timedelta(weeks=w) for w in range(rng.randint(2, 4)))
    start_time, end_time = rng.choice(TIMES) if not steps else (None, None)
    step_times = tuple(Step(d, *rng.choice(TIMES)) for d in steps)
    scope = rng.choice((Scope.KOMMUN, Scope.KOMMUN, Scope.LANSOVERGRIPANDE, Scope.NATIONELLT))
    status = rng.choice((Status.GENOMFORD, Status.GENOMFORD, Status.PLANERAD, Status.INSTALLD))
    total = 0 if status is Status.INSTALLD else rng.randint(0, 120)
    named = rng.sample(person_ids, rng.randint(0, min(total, 3, len(person_ids))))
    return replace(
        base,
        id=None,
        type_id=base.type_id,
        title=f"Aktivitet {rng.randint(1, 9999)} – {rng.choice(('ASF', 'upphandling', 'AF'))}",
        start=start,
        end=end,
        steps=steps,
        start_time=start_time,
        end_time=end_time,
        step_times=step_times,
        scope=scope,
        kommun_id=rng.choice(kommun_ids) if scope is Scope.KOMMUN else None,
        place=rng.choice(("", "Stadshuset", "Teams", "Folkets hus")),
        format=rng.choice(list(Format)),
        status=status,
        coorganiser_ids=tuple(rng.sample(org_ids, rng.randint(0, min(3, len(org_ids))))),
        notes=rng.choice(("", "Bra diskussion.", "Rad ett\nrad två")),
        attendance=random_attendance(rng, total),
        group_id=rng.choice([None, None, *group_ids]),
        goal_id=rng.choice([None, *goal_ids]) if goal_ids else None,
        participant_ids=tuple(named),
        highlight=rng.choice(("", "", "En uppskattad dag.")),
        # The invitation's fields (the .ics file, the invitation text).
        link=rng.choice(
            ("", f"https://teams.microsoft.com/l/meetup-join/19%3a{rng.randint(1, 999)}")
        ),
        description=rng.choice(("", "Vi samtalar om ASF och upphandling.\nVälkomna!")),
        registration=rng.choice(("", "Senast en vecka före, till processledaren.")),
    )


def build_rich_database(path: Path, seed: int, activities_per_year: int = 8) -> None:
    """Create a new database at ``path``: the demo plus generated records of every kind."""
    print(f"rich_data seed={seed}")
    rng = random.Random(seed)
    build_demo(path)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None and insats.forbund_id is not None
        forbund_id = insats.forbund_id
        kommun_ids = [k.id for k in store.reference.kommuner(forbund_id) if k.id is not None]
        orgs = store.reference.organisations(forbund_id)
        org_ids = [o.id for o in orgs if o.id is not None]
        type_ids = [t.id for t in store.reference.activity_types() if t.id is not None]
        group_ids = [g.id for g in store.groups.list(insats.id) if g.id is not None]
        person_ids: list[int] = []
        for i in range(10):
            person = Person(
                None,
                forbund_id,
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}",
                organisation_id=rng.choice([None, *org_ids]),
                email=rng.choice(("", f"person{i}@example.se")),
            )
            saved = store.people.save(person)
            assert saved.id is not None
            person_ids.append(saved.id)
        base = store.activities.get(store.activities.rows(insats.id, None)[0].id)
        for year in range(insats.start.year, insats.end.year + 1):
            goals = store.plan.save_goals(
                insats.id,
                year,
                [PlanGoal(None, insats.id, year, f"Mål {n} för {year}", n) for n in range(2)],
            )
            goal_ids = [g.id for g in goals if g.id is not None]
            for _ in range(activities_per_year):
                draft = _random_activity(
                    rng,
                    replace(base, type_id=rng.choice(type_ids)),
                    year,
                    kommun_ids,
                    org_ids,
                    person_ids,
                    goal_ids,
                    group_ids,
                )
                store.activities.add(draft)
            store.reach.save(_reach(rng, insats.id, year, kommun_ids))
        _add_series(rng, store, insats, base, kommun_ids, type_ids)
        # Measures of every kind under the goals and the insats.
        add_measures(store, rng, insats.id, type_ids)
        first, last = insats.start.year, insats.end.year
        store.report_texts.save_texts(
            insats.id, first, first, {"bakgrund": "Bakgrund för året.", "analys": "Analys."}
        )
        store.report_texts.save_texts(
            insats.id, first, last, {"slutsatser": "Slutsatser för hela perioden."}
        )
        add_evaluations(store, insats.id, random.Random(seed + 14))
        add_economy(store, insats, random.Random(seed + 15))
        store.changes.collect(label="skapa testdata", locked=True)
    finally:
        store.close()


def _add_series(
    rng: random.Random,
    store: Store,
    insats: Insats,
    base: Activity,
    kommun_ids: list[int],
    type_ids: list[int],
) -> None:
    """A weekly and a monthly series (app.core.series), valid by construction: within the
    insats's years, some occurrences held with counts, one cancelled, one moved by hand."""
    first_year, last_year = insats.start.year, insats.end.year
    for frequency in (WEEKLY, MONTHLY):
        year = rng.randint(first_year, last_year)
        monthly = frequency == MONTHLY
        interval, count = rng.choice((1, 2)), rng.randint(3, 6)
        # Valid by construction: a monthly series's last month stays in the start's year
        # (a weekly one spans at most twelve weeks from June).
        last_month = 12 - interval * (count - 1) if monthly else 6
        start = date(year, rng.randint(1, last_month), rng.randint(1, 28))
        rule = SeriesRule(
            frequency,
            interval,
            start.weekday(),
            start,
            nth=nth_of(start) if monthly and nth_of(start) <= 4 else (LAST if monthly else None),
            count=count,
        )
        template = replace(
            base,
            id=None,
            type_id=rng.choice(type_ids),
            title=f"Återkommande {'frukostmöte' if monthly else 'processtöd'} {year}",
            start=start,
            end=None,
            steps=(),
            step_times=(),
            start_time=time(8),
            end_time=time(9, 30),
            status=Status.PLANERAD,
            attendance=Attendance(),
            kommun_id=rng.choice(kommun_ids),
            scope=Scope.KOMMUN,
            participant_ids=(),
            highlight="",
            notes="",
            date_approximate=False,
            counts_approximate=False,
            series_id=None,
        )
        ids = store.series.create(template, rule, insats)
        held = store.activities.get(ids[0])
        total = rng.randint(5, 30)
        store.activities.update(
            replace(held, status=Status.GENOMFORD, attendance=random_attendance(rng, total))
        )
        store.series.cancel(ids[1])
        moved = store.activities.get(ids[2])
        store.activities.update(replace(moved, start=moved.start + timedelta(days=1)))


def _reach(rng: random.Random, insats_id: int, year: int, kommun_ids: list[int]) -> RegisteredReach:
    scope = rng.choice((Scope.KOMMUN, Scope.LANSOVERGRIPANDE, Scope.NATIONELLT))
    return RegisteredReach(
        None,
        insats_id,
        year,
        scope,
        rng.choice(kommun_ids) if scope is Scope.KOMMUN else None,
        f"Genererad räckvidd {year}",
        in_total=rng.random() < 0.5,
        attendance=random_attendance(rng, rng.randint(1, 300)),
    )


QUESTIONS = (
    "Hur nöjd är du med dagen som helhet?",
    "Innehållet var relevant för mitt arbete",
    "Jag vet mer om ASF nu",
    "Föreläsarna var tydliga",
)


def random_evaluation(rng: random.Random, activity_id: int, participants: int) -> Evaluation:
    """An evaluation valid by construction: answered ≤ asked ≤ participants, each
    question's answers ≤ answered."""
    asked = None if rng.random() < 0.6 else rng.randint(0, participants)
    answered = rng.randint(0, participants if asked is None else asked)
    questions = []
    for text in rng.sample(QUESTIONS, rng.randint(1, len(QUESTIONS))):
        left, counts = rng.randint(0, answered), []
        for _ in range(4):
            n = rng.randint(0, left)
            counts.append(n)
            left -= n
        counts.append(left)
        rng.shuffle(counts)
        questions.append(Question(text, Distribution(*counts)))
    quotes = tuple(
        Quote(rng.choice(("Mycket givande.", "Mer tid för frågor.", "Bra exempel")), QUESTIONS[0])
        for _ in range(rng.randint(0, 2))
    )
    return Evaluation(
        None, activity_id, answered, asked, tuple(questions), quotes, "Microsoft Forms"
    )


def add_evaluations(store: Store, insats_id: int, rng: random.Random) -> None:
    """An evaluation for about a third of the activities with participants (also some
    planned or cancelled ones, which the totals leave out)."""
    for row in store.activities.rows(insats_id, None):
        participants = store.evaluations.participants(row.id)
        if participants and rng.random() < 0.35:
            store.evaluations.save(random_evaluation(rng, row.id, participants))
