"""The commands with ``--db postgresql://…``: the same figures as on a file, and a
Swedish message when the server cannot be reached."""

import os
from pathlib import Path

import psycopg
import pytest

from app.cli import main
from app.store.database import DB_ENV, Store, resolve_where
from app.store.server_location import ServerLocation
from tests.server_databases import ServerDatabases


@pytest.fixture
def both(server_databases: ServerDatabases, tmp_path: Path):
    """A file and a server database, both migrated and empty: (file path, server URL).

    The same random activities in both (``fill``) need the store's writes on the server,
    which are being made to work beside this change (issue 16); until they are merged
    the commands are compared on the empty databases."""
    path = tmp_path / "fil.sqlite3"
    Store.open(path).close()
    with server_databases.store("empty", None) as server_store:
        assert server_store.server is not None
        yield path, server_store.server.url


def answer(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_summary_on_a_server_answers_as_on_the_file(both, capsys):
    path, url = both
    on_file = answer(["summary", "--year", "2019", "--json", "--db", str(path)], capsys)
    on_server = answer(["summary", "--year", "2019", "--json", "--db", url], capsys)
    assert on_server == on_file
    assert on_file[0] == 1 and "insats" in on_file[2]  # an empty database has no insats


def test_the_server_from_the_environment(both, capsys, monkeypatch):
    path, url = both
    on_file = answer(["logg", "--antal", "3", "--db", str(path)], capsys)
    monkeypatch.setenv(DB_ENV, url)
    assert isinstance(resolve_where(None), ServerLocation)
    assert answer(["logg", "--antal", "3"], capsys) == on_file == (0, "Inga ändringar.\n", "")


def test_export_takes_a_server_url(both, capsys, tmp_path):
    path, url = both
    target = tmp_path / "rapport.xlsx"
    argv = ["export", "excel", "--year", "2019", "-o", str(target)]
    on_file = answer([*argv, "--db", str(path)], capsys)
    assert answer([*argv, "--db", url], capsys) == on_file
    assert not target.exists()  # no insats: nothing half-written


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 1
    return capsys.readouterr().err


def test_an_unreachable_server_is_told_in_swedish(capsys, tmp_path):
    nowhere = f"postgresql://anna@/insatslogg?host={tmp_path}&port=5999"
    err = error_of(["summary", "--year", "2019", "--db", nowhere], capsys)
    assert "svarar inte" in err and "insatslogg på" in err
    assert "Traceback" not in err and "oväntat" not in err


def test_a_missing_database_is_told_in_swedish(server_databases, capsys):
    url = server_databases.server.url("finns_inte")
    err = error_of(["summary", "--year", "2019", "--db", url], capsys)
    assert "”finns_inte” finns inte på servern" in err


def test_no_access_is_told_in_swedish(server_databases, capsys):
    location = server_databases.new()
    with psycopg.connect(server_databases.server.url(), autocommit=True) as con:
        con.execute(f'REVOKE CONNECT ON DATABASE "{location.database}" FROM PUBLIC')
        con.execute("DROP ROLE IF EXISTS bertil")
        con.execute("CREATE ROLE bertil LOGIN")
    url = location.url.replace("insatslogg@", "bertil@", 1)
    err = error_of(["summary", "--year", "2019", "--db", url], capsys)
    assert "fel lösenord eller ingen behörighet" in err
    server_databases.drop(location)


def test_a_malformed_url_is_told_in_swedish(capsys):
    err = error_of(["summary", "--year", "2019", "--db", "postgresql://server/"], capsys)
    assert "ingen databasadress" in err


def test_sqlite_start_path_loads_no_server_modules(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from app.store.database import resolve_where; "
        f"resolve_where({str(tmp_path / 'x.sqlite3')!r}); "
        "print([m for m in ('psycopg', 'sqlalchemy') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    assert out.strip() == "[]"
