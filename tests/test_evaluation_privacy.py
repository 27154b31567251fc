"""A Forms export with names and e-mail addresses: its answers are imported, and no
name, no address and no quote the user did not choose is anywhere in the database file,
its -wal and -shm, or a backup made after — looked for in the raw bytes."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from app import cli_import
from app.core.attendance import Attendance
from app.importers.forms import read_forms
from app.operations.backups import take_backup
from app.operations.evaluations import evaluation_from_forms, save_evaluation
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.forms_files import (
    EMAILS,
    GOOGLE_HEADERS,
    GOOGLE_ROWS,
    MS_HEADERS,
    MS_ROWS,
    NAMES,
    SECRET_QUOTE,
    write_csv,
    write_xlsx,
)


def _secrets() -> list[bytes]:
    out = []
    for text in (*NAMES, *EMAILS, SECRET_QUOTE):
        for encoding in ("utf-8", "utf-16-le"):
            out.append(text.encode(encoding))
        out.append(text.split()[0].encode())  # the first name (or address) alone
    return out


def _files(db: Path, backup: Path) -> list[Path]:
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), backup) if p.exists()]


@pytest.mark.parametrize(
    ("suffix", "headers", "rows"),
    [("xlsx", MS_HEADERS, MS_ROWS), ("csv", GOOGLE_HEADERS, GOOGLE_ROWS)],
    ids=["ms-xlsx", "google-csv"],
)
def test_no_name_address_or_unchosen_quote_is_stored(
    store: Store,
    add_activity: MakeActivity,
    tmp_path: Path,
    suffix: str,
    headers: tuple[str, ...],
    rows: tuple[tuple[object, ...], ...],
) -> None:
    a = add_activity(attendance=Attendance.build(30), day=date(2018, 3, 14))
    write = write_xlsx if suffix == "xlsx" else write_csv
    forms = read_forms(write(tmp_path / f"svar.{suffix}", headers, rows))
    chosen = tuple(q for q in forms.candidate_quotes if q.text != SECRET_QUOTE)
    assert chosen and len(chosen) < len(forms.candidate_quotes)
    saved = save_evaluation(
        store, evaluation_from_forms(store, a.id, forms, None, chosen).evaluation
    )
    assert saved is not None and saved.answered == forms.respondents
    assert [q.text for q in saved.quotes] == [q.text for q in chosen]
    store.changes.collect(label="importera enkät")
    backup = take_backup(store.path, tmp_path / "kopior").path
    files = _files(store.path, backup)
    assert store.path in files and backup in files
    for path in files:
        data = path.read_bytes()
        found = [s for s in _secrets() if s in data]
        assert not found, f"{path.name}: {found}"
    # What was kept is there: the check above would find it.
    assert (
        chosen[0].text.encode() in store.path.read_bytes() + Path(f"{store.path}-wal").read_bytes()
    )


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="insatslogg")
    cli_import.register(parser.add_subparsers(dest="command"))
    return cli_import.run(parser.parse_args(list(argv)))


def test_the_command_line_prints_the_mapping_and_keeps_no_quotes(
    store: Store, add_activity: MakeActivity, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = add_activity(attendance=Attendance.build(10), title="Frukost")
    path = write_csv(tmp_path / "svar.csv", MS_HEADERS, MS_ROWS, ";")
    db = str(store.path)
    assert (
        _run("import", "evaluation", str(path), "--activity", str(a.id), "--dry-run", "--db", db)
        == 0
    )
    out = capsys.readouterr().out
    assert "Instämmer helt → 5" in out and "Namn (personuppgift" in out
    assert "3 svar av 10 deltagare" in out and "inget sparades" in out
    assert store.evaluations.get(a.id) is None
    assert (
        _run("import", "evaluation", str(path), "--activity", str(a.id), "--asked", "6", "--db", db)
        == 0
    )
    out = capsys.readouterr().out
    assert "sparas inte som citat" in out and "3 svar av 6 tillfrågade" in out
    saved = store.evaluations.get(a.id)
    assert saved is not None and (saved.answered, saved.asked, saved.quotes) == (3, 6, ())
    assert (
        _run("import", "evaluation", str(path), "--activity", str(a.id), "--quotes", "--db", db)
        == 0
    )
    saved = store.evaluations.get(a.id)
    assert saved is not None and len(saved.quotes) == 2 and saved.asked is None
    for value in (*NAMES, *EMAILS):
        assert value.encode() not in store.path.read_bytes()


def test_the_command_line_refuses_bad_input_in_swedish(
    store: Store, add_activity: MakeActivity, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = add_activity(attendance=Attendance.build(2))
    path = write_csv(tmp_path / "svar.csv", MS_HEADERS, MS_ROWS, ";")
    db = str(store.path)
    assert _run("import", "evaluation", str(path), "--db", db) == 1
    assert "--activity" in capsys.readouterr().err
    assert _run("import", "evaluation", str(path), "--activity", str(a.id), "--db", db) == 1
    assert "3 svar är fler än de 2 deltagare" in capsys.readouterr().err
    assert store.evaluations.get(a.id) is None
