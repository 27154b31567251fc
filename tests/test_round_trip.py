"""Exporting a period and importing its närvarologg into an empty database gives the same
year figures (issue 4, point 8)."""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.attendance import Attendance
from app.core.setup import gavleborg_defaults
from app.core.vocabulary import DEFAULT_ACTIVITY_TYPES, OrgCategory, Role, Scope, Status
from app.demo.gavleborg import build_demo
from app.store.database import Store
from app.store.new_database import create_database
from tests.conftest import SETUP_DAY, MakeActivity
from tests.rich_data import build_rich_database
from tests.ui.unchanged_save import differences, dump

ACTIVITY_TABLES = (
    "nyckeltal",
    "aktiviteter_typ",
    "aktiviteter_kommun",
    "deltagare_kommun",
    "deltagare_organisation",
    "deltagare_roll",
    "deltagare_kon",
)


def _random_attendance(rng: random.Random) -> Attendance:
    total = rng.randint(0, 60)
    if rng.random() < 0.2:
        return Attendance.build(total)
    orgs = dict.fromkeys(OrgCategory, 0)
    roles = dict.fromkeys(Role, 0)
    for _ in range(rng.randint(0, total)):
        orgs[rng.choice(list(OrgCategory))] += 1
    for _ in range(rng.randint(0, total)):
        roles[rng.choice(list(Role))] += 1
    women = rng.randint(0, total)
    return Attendance.build(total, orgs, roles, women, rng.randint(0, total - women))


def test_export_then_import_gives_the_same_figures(
    store: Store, add_activity: MakeActivity, db_path: Path, tmp_path: Path, capsys
) -> None:
    rng = random.Random(7)
    kommuner = ["Bollnäs", "Gävle", "Hofors", "Söderhamn", Scope.LANSOVERGRIPANDE, Scope.NATIONELLT]
    for i in range(120):
        status = rng.choice([Status.GENOMFORD] * 8 + [Status.PLANERAD, Status.INSTALLD])
        add_activity(
            rng.choice(DEFAULT_ACTIVITY_TYPES),
            rng.choice(kommuner),
            date(2018, 1, 1) + timedelta(days=rng.randint(0, 729)),
            status,
            _random_attendance(rng) if status is Status.GENOMFORD else Attendance(),
            title=f"Aktivitet {i}: {rng.choice(['ASF', 'Samverkan', 'Öppet hus på Ågården'])}",
        )
    workbook = tmp_path / "period.xlsx"
    code = main(
        [
            "export",
            "excel",
            "--from",
            "2018",
            "--to",
            "2019",
            "-o",
            str(workbook),
            "--db",
            str(db_path),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert workbook.exists()

    fresh_path = tmp_path / "tom.sqlite3"
    create_database(fresh_path, gavleborg_defaults(SETUP_DAY))
    code = main(["import", "excel", str(workbook), "--db", str(fresh_path), "--include-duplicates"])
    assert code == 0, capsys.readouterr().err

    insats = store.reference.current_insats()
    fresh = Store.open(fresh_path)
    try:
        copy = fresh.reference.current_insats()
        assert insats is not None and insats.id is not None
        assert copy is not None and copy.id is not None
        for year in (2018, 2019):
            before = store.summaries.year_summary(insats.id, year)
            after = fresh.summaries.year_summary(copy.id, year)
            for key in ACTIVITY_TABLES:
                assert after.table(key) == before.table(key), (year, key)
    finally:
        fresh.close()


@pytest.mark.parametrize("kind", ["demo", "generated"])
def test_importing_the_programs_own_export_changes_nothing(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A processledare who imports last month's export back (by mistake, or to bring in
    corrections) gets every activity as "finns redan": none new, none changed, and an
    import with --update leaves every row of the database as it was."""
    db = tmp_path / "db.sqlite3"
    if kind == "demo":
        build_demo(db)
    else:
        build_rich_database(db, 20261201)
    workbook = tmp_path / "allt.xlsx"
    assert main(["export", "excel", "--from", "2016", "--to", "2020", "-o", str(workbook),
                 "--db", str(db)]) == 0  # fmt: skip
    capsys.readouterr()
    with sqlite3.connect(db) as con:
        (activities,) = con.execute("SELECT count(*) FROM activity").fetchone()
    before = dump(db)

    assert main(["import", "excel", str(workbook), "--db", str(db), "--dry-run"]) == 0
    counts = dict(
        re.findall(r"^(Nya|Ändrade|Finns redan) \((\d+)\)", capsys.readouterr().out, re.M)
    )
    assert counts == {"Nya": "0", "Ändrade": "0", "Finns redan": str(activities)}

    assert main(["import", "excel", str(workbook), "--db", str(db), "--update"]) == 0
    assert differences(before, dump(db)) == []
