"""No export from the command line lands on the database, its companions, its lock or its
backups, by whatever name the file is reached; and a target the user protected stays so.

Every refusal: exit 1, one Swedish line on stderr, the protected file byte for byte as it
was and nothing new beside it.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.attendance import Attendance
from app.store import backups, local_config
from app.store.database import Store
from app.store.instance_lock import InstanceLock, identity_lock_path, lock_path
from tests.conftest import MakeActivity
from tests.save_faults import OLD, names

DATABASE = "är programmets databas"


def refused(target: Path, what: str) -> str:
    return f"insatslogg: Filen {target} {what}; välj ett annat filnamn. Ingenting har sparats.\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as links), and what it holds."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The issue's database is named data.pdf."""
    return tmp_path / "data.pdf"


@pytest.fixture
def data(store: Store, add_activity: MakeActivity, db_path: Path) -> Path:
    """The database, closed, with an activity in 2018 (id 1)."""
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30),
                 title="Seminarium om ASF")  # fmt: skip
    store.close()
    return db_path


def export(kind: str, target: Path, db: Path) -> list[str]:
    return ["export", kind, "--year", "2018", "-o", str(target), "--db", str(db)]


def test_the_issue_export_pdf_onto_the_database(data: Path, tmp_path: Path, capsys) -> None:
    before = snapshot(tmp_path)
    assert main(export("pdf", data, data)) == 1
    assert capsys.readouterr().err == refused(data, DATABASE)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("link", "kind"),
    [
        (link, kind)
        for link in ("symlink", "hard link", "other spelling")
        for kind in ("pdf", "excel", "narvarolista")
        if not (link == "other spelling" and kind == "excel")  # data.pdf is no .xlsx
    ],
)
def test_the_database_by_another_name(
    data: Path, tmp_path: Path, capsys, link: str, kind: str
) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    target = folder / ("rapport.xlsx" if kind == "excel" else "rapport.pdf")
    if link == "symlink":
        target.symlink_to(data)
    elif link == "hard link":
        os.link(data, target)
    else:
        target = folder / ".." / data.name
    before = snapshot(tmp_path)
    argv = (
        ["narvarolista", "--activity", "1", "-o", str(target), "--db", str(data)]
        if kind == "narvarolista"
        else export(kind, target, data)
    )
    assert main(argv) == 1
    assert capsys.readouterr().err == refused(target, DATABASE)
    assert snapshot(tmp_path) == before


def test_the_write_ahead_log_and_the_lock(data: Path, tmp_path: Path, capsys) -> None:
    reader = Store.open(data)  # keeps data.pdf-wal and -shm there
    InstanceLock.acquire(data).release()
    try:
        wal, shm = Path(f"{data}-wal"), Path(f"{data}-shm")
        assert wal.is_file() and shm.is_file() and lock_path(data).is_file()
        cases = {
            "wal.pdf": (wal, "hör till programmets databas"),
            "shm.pdf": (shm, "hör till programmets databas"),
            "journal.pdf": (Path(f"{data}-journal"), "hör till programmets databas"),
            "lås.pdf": (lock_path(data), "är programmets låsfil för databasen"),
        }
        for name, (pointed, what) in cases.items():
            target = tmp_path / name
            target.symlink_to(pointed)
            before = snapshot(tmp_path)
            assert main(export("pdf", target, data)) == 1, name
            assert capsys.readouterr().err == refused(target, what)
            assert snapshot(tmp_path) == before, name
    finally:
        reader.close()


def test_the_backups_beside_it_and_in_a_chosen_folder(data: Path, tmp_path: Path, capsys) -> None:
    beside = backups.make_backup(data)
    notes = beside.path.parent / "anteckningar.pdf"  # anything in the program's folder
    notes.write_bytes(OLD)
    usb = tmp_path / "usb"
    usb.mkdir()
    local_config.set_backup_folder(data, usb)
    chosen = backups.make_backup(data)
    assert chosen.path.parent == usb.resolve()
    hard = usb / "kopia.pdf"
    os.link(chosen.path, hard)
    link = tmp_path / "senaste.pdf"
    link.symlink_to(beside.path)
    backup = "ligger bland databasens säkerhetskopior"
    for target in (notes, hard, link):
        before = snapshot(tmp_path)
        assert main(export("pdf", target, data)) == 1, target
        assert capsys.readouterr().err == refused(target, backup)
        assert snapshot(tmp_path) == before, target

    # A report of the user's in the chosen folder is the user's: it may be replaced.
    theirs = usb / "förra året.pdf"
    theirs.write_bytes(OLD)
    assert main(export("pdf", theirs, data)) == 0, capsys.readouterr().err
    assert theirs.read_bytes().startswith(b"%PDF")


def test_the_identity_lock_the_damaged_copies_and_the_settings(
    data: Path, tmp_path: Path, capsys
) -> None:
    InstanceLock.acquire(data).release()
    local_config.set_backup_folder(data, None)  # writes the settings file
    identity = identity_lock_path(data)
    settings = local_config.config_dir() / local_config.CONFIG_FILENAME
    assert identity is not None and identity.is_file() and settings.is_file()
    aside = tmp_path / "data.skadad-2024-05-02_101500.pdf"  # named as restore names them
    aside.write_bytes(OLD)
    cases = {
        "id.pdf": (identity, "är programmets låsfil för databasen"),
        "inställningar.pdf": (settings, "är programmets inställningsfil"),
    }
    for name, (pointed, what) in cases.items():
        target = tmp_path / name
        target.symlink_to(pointed)
        before = pointed.read_bytes()
        assert main(export("pdf", target, data)) == 1, name
        assert capsys.readouterr().err == refused(target, what)
        assert pointed.read_bytes() == before and target.is_symlink()
    assert main(export("pdf", aside, data)) == 1
    assert capsys.readouterr().err == refused(
        aside, "är en skadad databas som programmet sparat åt sidan"
    )
    assert aside.read_bytes() == OLD


def test_another_database_is_refused_too(data: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "förra insatsen.pdf"
    Store.open(other).close()
    before = snapshot(tmp_path)
    assert main(export("pdf", other, data)) == 1
    assert capsys.readouterr().err == refused(other, "är en databas")
    assert snapshot(tmp_path) == before


def test_a_symlinked_target_is_written_through(data: Path, tmp_path: Path, capsys) -> None:
    archive = tmp_path / "arkiv"
    archive.mkdir()
    real = archive / "Rapport 2018.pdf"
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "senaste rapporten.pdf"
    link.symlink_to(real)

    assert main(export("pdf", link, data)) == 0, capsys.readouterr().err

    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert "Årsrapport 2018" in "".join(p.extract_text() for p in PdfReader(real).pages)
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert names(archive) == ["Rapport 2018.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("kind", ["excel", "narvarolista"])
def test_a_write_protected_target_is_refused(data: Path, tmp_path: Path, capsys, kind: str) -> None:
    target = tmp_path / ("skyddad.xlsx" if kind == "excel" else "skyddad.pdf")
    target.write_bytes(OLD)
    target.chmod(0o444)
    argv = (
        ["narvarolista", "--activity", "1", "-o", str(target), "--db", str(data)]
        if kind == "narvarolista"
        else export(kind, target, data)
    )
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"insatslogg: Filen {target} är skrivskyddad. Ta bort skrivskyddet eller spara under "
        "ett annat namn.\n"
    )
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o444
