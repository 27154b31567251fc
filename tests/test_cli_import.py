"""`insatslogg import excel|csv|ics FIL`: the same report as the preview, then all or nothing."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from app import cli_import
from app.core.entities import Insats
from app.core.vocabulary import OrgCategory
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.importers.conftest import write_xlsx


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="insatslogg")
    cli_import.register(parser.add_subparsers(dest="command"))
    return cli_import.run(parser.parse_args(list(argv)))


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "logg.xlsx",
        [
            ("Aktiviteter 2018",),
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "Väder"),
            (date(2018, 3, 15), "Frukostmöte", "Frukost", "Gävle", 12, "Sol"),
            ("31/2 2018", "Seminarium", "Seminarium", "Hofors", 10),
            ("2018-04-02", "Temadag", "Temadag", "Stockholm", 30),
            ("Summa", None, None, None, 52),
        ],
    )


def count(store: Store, insats: Insats) -> int:
    assert insats.id is not None
    return len(store.activities.rows(insats.id, None))


def test_the_report_then_the_import(
    sheet: Path, store: Store, insats: Insats, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "excel", str(sheet), "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:9] == [
        "Import från logg.xlsx, bladet Blad1 (Excel-fil)",
        "",
        "Kolumner (rubrikrad 2):",
        "    A  Datum   → Datum",
        "    B  Typ     → Typ",
        "    C  Titel   → Titel/tema",
        "    D  Kommun  → Kommun",
        "    E  Antal   → Deltagare totalt",
        "    F  Väder   → Till anteckningar (”Kolumn: värde”)",
    ]
    assert "Nya (2):\n  Per typ:\n    Frukostmöte: 1\n    Temadag: 1\n" in out
    assert "Kan inte läsas (1):\n  Rad 4: datumet 31/2 2018 finns inte\n" in out
    assert "Överhoppade (1):\n  Rad 6: summeringsrad (”Summa”), hoppas över\n" in out
    assert (
        "  Rad 5: kommunen ”Stockholm” finns inte i förbundet; lagd som länsövergripande "
        "med texten som plats" in out
    )
    assert out.rstrip().endswith(f"2 aktiviteter importerades till {insats.name}.")
    assert count(store, insats) == 2

    # Again: both are duplicates and are skipped unless asked for.
    assert run("import", "excel", str(sheet), "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "Finns redan (2) – hoppas över:" in out
    assert "  Rad 3: 2018-03-15 Frukost — finns redan i databasen" in out
    assert count(store, insats) == 2
    assert run("import", "excel", str(sheet), "--db", str(db_path), "--include-duplicates") == 0
    assert "Finns redan (2) – importeras ändå:" in capsys.readouterr().out
    assert count(store, insats) == 4


def test_dry_run_stores_nothing(
    sheet: Path, store: Store, insats: Insats, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "excel", str(sheet), "--db", str(db_path), "--dry-run") == 0
    assert (
        "Provkörning: 2 aktiviteter skulle importeras; inget sparades." in capsys.readouterr().out
    )
    assert count(store, insats) == 0


def test_a_calendar_within_dates(
    tmp_path: Path, store: Store, insats: Insats, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nSUMMARY:Frukostmöte\n"
        "DTSTART;VALUE=DATE:20180301\nRRULE:FREQ=WEEKLY;COUNT=10\nLOCATION:Gävle\n"
        "END:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    argv = ["import", "ics", str(path), "--db", str(db_path), "--from", "2018-03-01"]
    assert run(*argv, "--to", "2018-03-20") == 0
    out = capsys.readouterr().out
    assert "Nya (3):" in out
    assert "  Per typ (gissad från titeln där typ saknas):\n    Frukostmöte: 3" in out
    assert count(store, insats) == 3


def test_nothing_readable_is_exit_1(
    tmp_path: Path, store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tom.csv"
    path.write_text("Datum;Titel\n31/2 2018;Fel\n", encoding="utf-8")
    assert run("import", "csv", str(path), "--db", str(db_path)) == 1
    assert "Ingenting i filen kunde läsas som aktiviteter" in capsys.readouterr().out


def test_errors_are_swedish_and_exit_1(
    tmp_path: Path, store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "excel", str(tmp_path / "saknas.xlsx"), "--db", str(db_path)) == 1
    assert "finns inte" in capsys.readouterr().err
    numbers = write_xlsx(tmp_path / "siffror.xlsx", [(1, 2), (3, 4)])
    assert run("import", "excel", str(numbers), "--db", str(db_path)) == 1
    assert "Hittar ingen rubrikrad" in capsys.readouterr().err
    empty_db = tmp_path / "ingen.sqlite3"
    Store.open(empty_db).close()
    assert run("import", "excel", str(numbers), "--db", str(empty_db)) == 1
    assert "Databasen har ingen insats ännu" in capsys.readouterr().err


def test_changed_rows_are_listed_and_updated_only_with_update(
    tmp_path: Path,
    store: Store,
    insats: Insats,
    db_path: Path,
    add_activity: MakeActivity,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stored = add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ASF")
    path = write_xlsx(
        tmp_path / "andrad.xlsx",
        [
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "Region Gävleborg", "AF"),
            (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", 15, 4, 6),
        ],
    )
    argv = ("import", "excel", str(path), "--db", str(db_path))
    assert run(*argv, "--dry-run") == 0
    out = capsys.readouterr().out
    assert (
        "Ändrade (1) – lämnas som den är:\n"
        "  Rad 2: 2018-03-14 Seminarium om ASF\n"
        "      Deltagare totalt: 0 → 15\n"
        "      Organisation: Arbetsförmedlingen: 0 → 6\n"
        "      Organisation: Region: 0 → 4\n"
    ) in out
    assert "    F  Region Gävleborg  → Organisation: Region (Region Gävleborg)" in out
    assert (
        "  Rad 2: deltagarna per organisation (10) går inte ihop med totalt antal deltagare "
        "(15); 5 blir ”Ej fördelat”"
    ) in out
    assert out.rstrip().endswith(
        "Provkörning: 0 aktiviteter skulle importeras; inget sparades.\n"
        "1 ändrad aktivitet lämnas som den är: uppdatering är inte vald "
        "(--update uppdaterar den)."
    )
    assert run(*argv, "--dry-run", "--update") == 0
    out = capsys.readouterr().out
    assert "Ändrade (1) – uppdateras:" in out
    assert "0 aktiviteter skulle importeras och 1 uppdateras; inget sparades." in out

    assert run(*argv) == 0
    assert store.activities.get(stored.id or 0) == stored
    capsys.readouterr()
    assert run(*argv, "--update") == 0
    assert out_end(capsys) == f"1 aktivitet uppdaterades i {insats.name}."
    after = store.activities.get(stored.id or 0).attendance
    region, af = OrgCategory.REGION, OrgCategory.ARBETSFORMEDLINGEN
    assert (after.total, after.org(region), after.org(af)) == (15, 4, 6)
    assert count(store, insats) == 1
    assert run(*argv) == 0
    assert "Ändrade (0):\n  inga\n\nFinns redan (1) – hoppas över:" in capsys.readouterr().out


def out_end(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.rstrip().splitlines()[-1]


def test_a_held_event_without_participants_is_warned_of(
    tmp_path: Path, store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nSUMMARY:Frukostmöte\n"
        "DTSTART;VALUE=DATE:20180301\nLOCATION:Gävle\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    assert run("import", "ics", str(path), "--db", str(db_path), "--dry-run") == 0
    assert (
        "Varningar (1):\n  Genomförd utan deltagare: 1 händelse har redan ägt rum men har "
        "inga deltagare (händelse 1). Fyll i antalet deltagare efter importen.\n"
    ) in capsys.readouterr().out
