"""`insatslogg logg`: the change log without the window, as text and as Excel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.demo.gavleborg import build_demo
from app.store.database import Store


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    build_demo(path)
    store = Store.open(path)
    try:
        store.activities.update(replace(store.activities.get(5), title="Ny titel"))
        store.changes.collect()
    finally:
        store.close()
    return path


def test_the_latest_changes_are_printed_with_their_fields(edited: Path, capsys) -> None:
    assert main(["logg", "--antal", "1", "--db", str(edited)]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("ändra aktivitet Ny titel 2017-10-16")
    assert "    aktivitet Ny titel 2017-10-16: Titel Framtidens företagande → Ny titel" in out


def test_the_log_is_written_to_excel(edited: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "logg.xlsx"

    assert main(["logg", "-o", str(target), "--db", str(edited)]) == 0

    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tid", "Användare", "Ändring")
    assert ("Titel", "Framtidens företagande", "Ny titel") in [r[6:] for r in rows]
    assert (
        capsys.readouterr().out == f"Skrev {len(rows) - 1} rader ur ändringsloggen till {target}.\n"
    )


def test_a_wrong_file_kind_and_a_bad_day_are_told_in_swedish(edited: Path, tmp_path: Path, capsys):
    assert main(["logg", "-o", str(tmp_path / "logg.csv"), "--db", str(edited)]) == 1
    assert "Filen ska sluta på .xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["logg", "--dag", "igår", "--db", str(edited)])
    assert "inte ett giltigt datum" in capsys.readouterr().err
    assert main(["logg", "--dag", "2001-01-01", "--db", str(edited)]) == 0
    assert capsys.readouterr().out == "Inga ändringar.\n"
