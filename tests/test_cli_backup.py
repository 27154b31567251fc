"""`insatslogg backup`, `insatslogg restore FIL`, and every command on a file it must not trust."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.store import backups
from app.store.instance_lock import InstanceLock
from tests.conftest import stamp_revision
from tests.store.damage import smash_pages, stored_titles

ROOT = Path(__file__).resolve().parents[1]


def test_backup_list_and_restore(store, add_activity, db_path, tmp_path, capsys) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    assert main(["backup", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Säkerhetskopian är sparad och kontrollerad" in out
    [made] = backups.list_backups(db_path)
    assert str(made.path) in out

    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Andra")
    assert main(["backup", "--list", "--db", str(db_path)]) == 0
    listing = capsys.readouterr().out
    assert made.path.name in listing and "Manuell" in listing

    store.close()
    assert main(["restore", str(made.path), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"är återställd från {made.path}" in out
    assert "Läget före återställningen sparades som" in out
    assert stored_titles(db_path) == ["Första"]


def test_a_chosen_backup_folder_is_remembered(store, db_path, tmp_path, capsys) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--folder", str(usb), "--remember", "--db", str(db_path)]) == 0
    assert "sparas från och med nu i" in capsys.readouterr().out
    [made] = backups.list_backups(db_path)
    assert made.path.parent == usb.resolve()
    assert backups.backup_folder(db_path) == usb.resolve()


def test_restore_refuses_while_the_program_has_the_file(store, db_path, capsys) -> None:
    made = backups.make_backup(db_path)
    store.close()
    lock = InstanceLock.acquire(db_path)
    try:
        assert main(["restore", str(made.path), "--db", str(db_path)]) == 1
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert "är redan öppen i Insatslogg" in err and "Ingenting har ändrats" in err


def test_import_refuses_while_the_program_has_the_file(store, db_path, tmp_path, capsys) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text("Datum;Typ;Titel;Kommun;Antal\n2018-03-15;Frukostmöte;F;Gävle;12\n")
    store.close()
    before = db_path.read_bytes()
    lock = InstanceLock.acquire(db_path)
    try:
        assert main(["import", "csv", str(sheet), "--db", str(db_path)]) == 1
    finally:
        lock.release()
    assert "är redan öppen i Insatslogg" in capsys.readouterr().err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ["summary", "--year", "2018"],
        ["export", "excel", "--year", "2018", "-o", "ut.xlsx"],
        ["import", "csv", "a.csv"],
        ["backup"],
    ],
)
def test_every_command_on_a_damaged_file_exits_1_with_a_message(
    store, db_path, tmp_path, command
) -> None:
    good = backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    before = db_path.read_bytes()
    (tmp_path / "a.csv").write_text("Datum;Titel\n2018-03-15;F\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "app", *command, "--db", str(db_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "skadad" in result.stderr or "kontrollen" in result.stderr
    if command[0] != "backup":
        assert f"insatslogg restore {good.path}" in result.stderr
    assert db_path.read_bytes() == before
    assert not (tmp_path / "ut.xlsx").exists()
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]


def test_a_newer_database_is_refused_by_the_command_line(store, db_path, capsys) -> None:
    store.close()
    stamp_revision(db_path, "9999")
    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 1
    assert "nyare version av Insatslogg" in capsys.readouterr().err


def test_an_unexpected_error_is_a_message_and_a_log_line_not_a_traceback(
    store, db_path, capsys, monkeypatch
) -> None:
    from app import app_log

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("Anna Andersson, anna@example.se")

    monkeypatch.setattr("app.cli.cmd_summary", boom)
    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "ett oväntat fel inträffade (ZeroDivisionError)" in err
    assert "Traceback" not in err and "Anna" not in err
    log = app_log.log_file().read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "in boom" in log
    assert "Anna" not in log and "example.se" not in log
    app_log.stop()


def test_following_the_advice_for_a_damaged_file_restores_it(
    store, add_activity, db_path, capsys
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Räddad")
    good = backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    damaged = db_path.read_bytes()
    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 1
    assert f"insatslogg restore {good.path}" in capsys.readouterr().err

    assert main(["restore", str(good.path), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    [kept] = db_path.parent.glob("test.skadad-*.sqlite3")
    assert f"Den skadade databasen sparades åt sidan som {kept}" in out
    assert kept.read_bytes() == damaged
    assert stored_titles(db_path) == ["Räddad"]
    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 0


def test_summary_on_an_empty_file_writes_nothing_and_names_the_backup(
    store, add_activity, db_path, capsys
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="I kopian")
    good = backups.make_backup(db_path)
    store.close()
    for extra in ("-wal", "-shm"):
        Path(f"{db_path}{extra}").unlink(missing_ok=True)
    db_path.write_bytes(b"")

    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 1

    err = capsys.readouterr().err
    assert "är skadad (filen är tom, 0 byte)" in err
    assert f"insatslogg restore {good.path}" in err
    assert db_path.stat().st_size == 0
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["säkerhetskopior", "test.sqlite3"]


def test_a_backup_of_index_damage_is_not_called_checked(store, db_path, capsys) -> None:
    from tests.store.damage import damage_an_index

    good = backups.make_backup(db_path)
    store.close()
    damage_an_index(db_path)

    assert main(["backup", "--db", str(db_path)]) == 1

    err = capsys.readouterr().err
    assert "kontrollerad" not in err and "klarade inte kontrollen" in err
    [aside] = backups.damaged_copies(db_path)
    assert f"sparades åt sidan som {aside}" in err
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]
