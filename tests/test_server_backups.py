"""Copies of a server database made here with pg_dump: checked, private, listed by
pg_restore, and removed when they hold a person erased on the server."""

import stat
import subprocess

import psycopg
import pytest

from app.cli import main
from app.store import server_backups
from app.store.database import Store


@pytest.fixture
def location(server_databases):
    location = server_databases.new()
    Store.open_server(location).close()  # migrated, as the program leaves it
    yield location
    server_databases.drop(location)


def test_a_backup_on_a_server_is_a_checked_pg_dump(location, capsys):
    assert main(["backup", "--db", location.url]) == 0
    out = capsys.readouterr().out
    assert "pg_dump" in out and "Serverns egna säkerhetskopior" in out
    [made] = server_backups.list_dumps(location)
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    listed = subprocess.run(
        ["pg_restore", "--list", str(made.path)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE public activity" in listed and "pending_backup_erasure" in listed
    assert not [p for p in made.path.parent.iterdir() if p.name.startswith(".")]
    assert main(["backup", "--list", "--db", location.url]) == 0
    assert made.path.name in capsys.readouterr().out


def test_an_erasure_on_the_server_removes_the_copies_that_hold_the_person(location):
    before = server_backups.make_dump(location)
    # A person erased on the server (from any computer): its id is kept there.
    with psycopg.connect(location.url, autocommit=True) as con:
        con.execute("INSERT INTO pending_backup_erasure (person_id) VALUES (7)")
    note = server_backups.forget_erased(location)
    assert note is not None and "har tagits bort" in note
    assert not before.path.exists()
    after = server_backups.make_dump(location)  # made after: knows the erasure
    assert server_backups.forget_erased(location) is None
    assert after.path.exists()


def test_restore_on_a_server_is_not_offered(location, capsys, tmp_path):
    copy = tmp_path / "kopia.sqlite3"
    copy.write_bytes(b"")
    assert main(["restore", str(copy), "--db", location.url]) == 1
    assert "återställs inte från programmet" in capsys.readouterr().err


def test_without_pg_dump_the_server_backups_are_named(location, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on this computer
    with pytest.raises(server_backups.BackupError, match="serverns egna säkerhetskopior gäller"):
        server_backups.make_dump(location)
    assert server_backups.list_dumps(location) == []
