"""Fill a fresh Insatslogg database with many years of made-up activities, for benchmarks.

    python -m bench.generate --db bench/out/bench.sqlite3 [--years 20] [--per-year 1000]
                             [--seed 1] [--force]

The database is created the way the app creates one (``Store.open`` runs the migrations,
``set_up`` stores Gävleborg's defaults) with one insats starting in 2005. The activities
are then written with SQLAlchemy Core ``executemany`` in a single transaction, so 20 000
of them take a second or two instead of minutes through the ORM.

Every generated activity passes the app's own rules (``validate_activity`` and the
CHECK constraints on ``activity``):

* status: 85 % genomförd, 10 % planerad, 5 % inställd. Only held activities have
  participants; planned and cancelled ones have 0 (cancelled ones must, planned ones
  have not happened yet);
* scope: 10 % länsövergripande, 3 % nationellt (both with kommun_id NULL), the rest in
  one of the förbund's kommuner;
* participants 0-60 (the range depends on the activity type); ~10 % of the held
  activities have only a total, the others a breakdown by organisation, by role and by
  gender, each of which may be partial but never exceeds the total;
* ~5 % are trainings given in 2-4 steps (``activity_step`` rows; start and end are the
  first and last step, all in the same year);
* 0-2 co-organisers, drawn from the förbund's organisations.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select

from app.core.setup import gavleborg_defaults
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.database import Store
from app.store.engine import make_engine
from app.store.models import (
    ActivityCoorganiserModel,
    ActivityModel,
    ActivityStepModel,
    Base,
)
from app.store.new_database import create_database

FIRST_YEAR = 2005

STATUS_WEIGHTS: dict[Status, float] = {
    Status.GENOMFORD: 0.85,
    Status.PLANERAD: 0.10,
    Status.INSTALLD: 0.05,
}
SHARE_LANSOVERGRIPANDE = 0.10
SHARE_NATIONELLT = 0.03
SHARE_ONLY_TOTAL = 0.10
SHARE_STEPS = 0.05

# Where participants come from and what they do (weights, not shares).
ORG_WEIGHTS: dict[OrgCategory, int] = {
    OrgCategory.ARBETSFORMEDLINGEN: 15,
    OrgCategory.FORSAKRINGSKASSAN: 10,
    OrgCategory.KOMMUN: 35,
    OrgCategory.REGION: 12,
    OrgCategory.ASF: 18,
    OrgCategory.ANNAN: 10,
}
ROLE_WEIGHTS: dict[Role, int] = {
    Role.TJANSTEPERSON: 45,
    Role.CHEF: 18,
    Role.FORTROENDEVALD: 14,
    Role.ASF_FORETRADARE: 15,
    Role.OVRIGA: 8,
}
FORMAT_WEIGHTS: dict[Format, int] = {Format.FYSISKT: 60, Format.DIGITALT: 30, Format.HYBRID: 10}

# Participants (lowest, highest) of a held activity, by type; types not listed: 0-60.
PARTICIPANT_RANGE: dict[str, tuple[int, int]] = {
    "Informationsmöte": (3, 40),
    "Frukostmöte": (5, 35),
    "Seminarium": (10, 60),
    "Konferens": (25, 60),
    "Workshop": (5, 30),
    "Temadag": (15, 60),
    "Utbildning": (5, 30),
    "Kunskapsdialog": (4, 25),
    "Inspirationsdag": (15, 60),
    "Studiebesök": (3, 20),
    "Processtöd": (1, 10),
    "Nätverksmöte": (4, 25),
    "Podd": (0, 5),
    "Film/media": (0, 5),
}
DIGITAL_TYPES = frozenset({"Podd", "Film/media"})
STEP_TYPES = ("Utbildning", "Workshop", "Processtöd")

THEMES = (
    "ASF i offentlig upphandling",
    "Vad är ett arbetsintegrerande socialt företag?",
    "Sociala företag som arbetsplats",
    "Samverkan kring ASF",
    "Stödstrukturer för ASF",
    "Reserverade kontrakt",
    "Idéburet offentligt partnerskap",
    "Arbetsmarknadsinsatser och ASF",
    "Lönebidrag och anställningsstöd",
    "Affärsutveckling för ASF",
    "Goda exempel från länet",
    "Politisk förankring",
)
VENUES = ("Stadshuset", "Folkets hus", "Kommunhuset", "Biblioteket", "Medborgarhuset", "")
NOTES = ("", "", "", "", "Dokumentation finns i gemensam mapp.", "Uppföljning planeras.")


@dataclass
class GeneratedRows:
    """The rows to insert, one list of dicts per table (same keys in every dict)."""

    activities: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    coorganisers: list[dict[str, Any]] = field(default_factory=list)


def _split(rng: random.Random, n: int, keys: Sequence[str], cum: Sequence[float]) -> list[int]:
    """Spread ``n`` participants over ``keys`` according to cumulative weights ``cum``."""
    counts = dict.fromkeys(keys, 0)
    for key in rng.choices(keys, cum_weights=cum, k=n):
        counts[key] += 1
    return [counts[k] for k in keys]


def _cumulative(weights: Sequence[float]) -> list[float]:
    out: list[float] = []
    acc = 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def build_rows(
    *,
    insats_id: int,
    years: Sequence[int],
    per_year: int,
    type_ids: dict[str, int],
    kommun_ids: Sequence[int],
    organisation_ids: Sequence[int],
    seed: int,
    first_id: int = 1,
) -> GeneratedRows:
    """Made-up activities for ``years``, ``per_year`` each, with explicit ids from ``first_id``.

    The same arguments always give the same rows.
    """
    rng = random.Random(seed)
    out = GeneratedRows()
    type_names = list(type_ids)
    statuses = list(STATUS_WEIGHTS)
    status_cum = _cumulative(list(STATUS_WEIGHTS.values()))
    formats = list(FORMAT_WEIGHTS)
    format_cum = _cumulative(list(FORMAT_WEIGHTS.values()))
    org_cols = [ORG_COLUMNS[c.value] for c in ORG_WEIGHTS]
    org_cum = _cumulative(list(ORG_WEIGHTS.values()))
    role_cols = [ROLE_COLUMNS[r.value] for r in ROLE_WEIGHTS]
    role_cum = _cumulative(list(ROLE_WEIGHTS.values()))
    zero_counts = dict.fromkeys([*org_cols, *role_cols], 0)
    step_types = [t for t in STEP_TYPES if t in type_ids] or type_names

    activity_id = first_id
    for year in years:
        first_day = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - first_day).days
        for _ in range(per_year):
            status = rng.choices(statuses, cum_weights=status_cum)[0]

            steps: list[date] = []
            end: date | None = None
            if rng.random() < SHARE_STEPS:
                type_name = rng.choice(step_types)
                day = first_day + timedelta(days=rng.randrange(days - 110))
                for _step in range(rng.randint(2, 4)):
                    steps.append(day)
                    day += timedelta(days=rng.randint(7, 35))
                start, end = steps[0], steps[-1]
            else:
                type_name = rng.choice(type_names)
                start = first_day + timedelta(days=rng.randrange(days))
                if type_name == "Konferens" and rng.random() < 0.3:
                    end = start + timedelta(days=1)

            r = rng.random()
            kommun_id: int | None = None
            if r < SHARE_LANSOVERGRIPANDE:
                scope = Scope.LANSOVERGRIPANDE
            elif r < SHARE_LANSOVERGRIPANDE + SHARE_NATIONELLT:
                scope = Scope.NATIONELLT
            else:
                scope = Scope.KOMMUN
                kommun_id = rng.choice(kommun_ids)

            if type_name in DIGITAL_TYPES:
                fmt = Format.DIGITALT
            else:
                fmt = rng.choices(formats, cum_weights=format_cum)[0]
            if fmt is Format.DIGITALT:
                place = "Teams"
            elif scope is Scope.NATIONELLT:
                place = "Stockholm"
            else:
                place = rng.choice(VENUES)

            counts: dict[str, int] = dict(zero_counts)
            total = women = men = 0
            if status is Status.GENOMFORD:
                low, high = PARTICIPANT_RANGE.get(type_name, (0, 60))
                total = rng.randint(low, high)
                if total and rng.random() >= SHARE_ONLY_TOTAL:
                    # Each breakdown is complete most of the time, otherwise partial.
                    n_org = total if rng.random() < 0.7 else rng.randint(0, total)
                    n_role = total if rng.random() < 0.6 else rng.randint(0, total)
                    n_gender = total if rng.random() < 0.5 else rng.randint(0, total)
                    counts.update(zip(org_cols, _split(rng, n_org, org_cols, org_cum), strict=True))
                    counts.update(
                        zip(role_cols, _split(rng, n_role, role_cols, role_cum), strict=True)
                    )
                    women = min(n_gender, round(n_gender * rng.uniform(0.45, 0.8)))
                    men = n_gender - women

            out.activities.append(
                {
                    "id": activity_id,
                    "insats_id": insats_id,
                    "type_id": type_ids[type_name],
                    "title": f"{type_name}: {rng.choice(THEMES)}",
                    "start_date": start,
                    "end_date": end,
                    "scope": scope.value,
                    "kommun_id": kommun_id,
                    "place": place,
                    "format": fmt.value,
                    "status": status.value,
                    "notes": rng.choice(NOTES),
                    "participants": total,
                    **counts,
                    "women": women,
                    "men": men,
                }
            )
            out.steps.extend({"activity_id": activity_id, "step_date": d} for d in steps)
            out.coorganisers.extend(
                {"activity_id": activity_id, "organisation_id": o}
                for o in rng.sample(organisation_ids, rng.randint(0, 2))
            )
            activity_id += 1
    return out


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def generate(
    path: Path | str,
    years: int = 20,
    per_year: int = 1000,
    seed: int = 1,
    *,
    force: bool = False,
    verbose: bool = True,
) -> None:
    """Create a fresh database at ``path`` with ``years * per_year`` activities.

    Refuses (FileExistsError) when ``path`` exists, unless ``force`` is true.
    """
    path = Path(path)
    if years < 1 or per_year < 0:
        raise ValueError("years måste vara minst 1 och per_year minst 0")
    if path.exists():
        if not force:
            raise FileExistsError(f"{path} finns redan (använd --force för att skriva över)")
        _remove_database(path)

    t0 = time.perf_counter()
    defaults = gavleborg_defaults(date(FIRST_YEAR, 1, 1))
    last_year = FIRST_YEAR + years - 1
    setup = replace(defaults, insats=replace(defaults.insats, end=date(last_year, 12, 31)))
    insats = create_database(path, setup)  # the program's one set-up path
    store = Store.open(path)
    try:
        assert insats.id is not None and insats.forbund_id is not None
        type_ids = {t.name: t.id for t in store.reference.activity_types() if t.id is not None}
        kommun_ids = [k.id for k in store.reference.kommuner(insats.forbund_id) if k.id]
        org_ids = [o.id for o in store.reference.organisations(insats.forbund_id) if o.id]
        t_setup = time.perf_counter()

        rows = build_rows(
            insats_id=insats.id,
            years=list(insats.years),
            per_year=per_year,
            type_ids=type_ids,
            kommun_ids=kommun_ids,
            organisation_ids=org_ids,
            seed=seed,
        )
        t_build = time.perf_counter()

        engine = make_engine(path)
        try:
            with engine.begin() as conn:
                if conn.scalar(select(func.count()).select_from(_table(ActivityModel))):
                    raise RuntimeError(f"{path} has activities already")
                if rows.activities:
                    conn.execute(insert(_table(ActivityModel)), rows.activities)
                if rows.steps:
                    conn.execute(insert(_table(ActivityStepModel)), rows.steps)
                if rows.coorganisers:
                    conn.execute(insert(_table(ActivityCoorganiserModel)), rows.coorganisers)
        finally:
            engine.dispose()
        t_insert = time.perf_counter()
    finally:
        store.close()

    if verbose:
        print(
            f"{path}: {len(rows.activities)} aktiviteter ({years} år × {per_year}), "
            f"{len(rows.steps)} steg, {len(rows.coorganisers)} medarrangörer"
        )
        print(
            f"  databas + grunddata {t_setup - t0:.2f} s, rader {t_build - t_setup:.2f} s, "
            f"insert {t_insert - t_build:.2f} s, totalt {t_insert - t0:.2f} s"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Skapa en ny Insatslogg-databas fylld med påhittade aktiviteter.",
    )
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="ny databasfil")
    parser.add_argument("--years", type=int, default=20, help="antal år från 2005 (20)")
    parser.add_argument("--per-year", type=int, default=1000, help="aktiviteter per år (1000)")
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö (1)")
    parser.add_argument("--force", action="store_true", help="skriv över en befintlig fil")
    args = parser.parse_args(argv)
    try:
        generate(args.db, args.years, args.per_year, args.seed, force=args.force, verbose=True)
    except (FileExistsError, ValueError) as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
