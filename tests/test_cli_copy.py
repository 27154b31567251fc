"""`insatslogg copy --from KÄLLA --to MÅL`: a line per table, and a clear refusal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.store import copy_tables
from tests.server_databases import ServerDatabases
from tests.store.copied_rows import file_rows, server_rows


def test_copy_to_a_server_and_back(
    demo_file: Path,
    tmp_path: Path,
    server_databases: ServerDatabases,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, source)
    rows = file_rows(source)
    location = server_databases.new()
    try:
        url = location.url
        assert main(["copy", "--from", str(source), "--to", url]) == 0
        out = capsys.readouterr().out.splitlines()
        for table, held in rows.items():
            assert f"{copy_tables.label(table)}: {len(held)} = {len(held)}" in out
        assert out[-1].startswith("Alla tabeller stämmer")
        assert server_rows(location) == rows

        # Once more: the server database now holds data and is refused, unchanged.
        assert main(["copy", "--from", str(source), "--to", url]) == 1
        err = capsys.readouterr().err
        assert "innehåller redan data" in err and "har inte ändrats" in err
        assert server_rows(location) == rows

        back = tmp_path / "tillbaka.sqlite3"
        assert main(["copy", "--from", url, "--to", str(back)]) == 0
        assert file_rows(back) == rows
        assert main(["copy", "--from", url, "--to", str(back)]) == 1
        assert "finns redan" in capsys.readouterr().err
    finally:
        server_databases.drop(location)


def test_a_missing_source_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "saknas.sqlite3"
    target = tmp_path / "kopia.sqlite3"
    assert main(["copy", "--from", str(missing), "--to", str(target)]) == 1
    assert f"Databasfilen {missing} finns inte" in capsys.readouterr().err
    assert not missing.exists() and not target.exists()
