"""atomic_write and save_error, and every report writer built on them: a file is either
the old one or the whole new one, whatever happens while it is written."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import SimpleDocTemplate

from app.core import atomic_file, temp_files
from app.core.atomic_file import atomic_write, is_temporary, save_error
from app.core.errors import DomainError
from app.core.progress import Cancelled, Progress
from app.core.protected_targets import ProtectedTarget
from app.core.temp_files import HOST
from app.operations.reports import export_docx, export_pdf, signin_sheet_for
from app.reports.excel_export import write_workbook
from app.reports.signin_sheet import write_signin_sheet
from tests.save_faults import (
    FULL_ADVICE,
    OLD,
    file_size_limit,
    full_disk_message,
    locked_message,
    names,
    sharing_violation,
)
from tests.unprivileged import CLI, as_unprivileged

# --- atomic_write ---------------------------------------------------------------------------


def test_success_writes_the_whole_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_bytes(OLD)

    with atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and is_temporary(tmp) and tmp.name.startswith(".~")
        assert target.read_bytes() == OLD  # the old file stays until the new one is whole
        tmp.write_bytes(b"new")

    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["rapport.txt"]


@pytest.mark.parametrize("raised", [RuntimeError("boom"), Cancelled(), KeyboardInterrupt()])
@pytest.mark.parametrize("existing", [False, True])
def test_an_exception_inside_leaves_the_old_file_and_no_temp(
    tmp_path: Path, raised: BaseException, existing: bool
) -> None:
    target = tmp_path / "rapport.txt"
    if existing:
        target.write_bytes(OLD)

    with pytest.raises(type(raised)), atomic_write(target) as tmp:
        tmp.write_bytes(b"half a fi")
        raise raised

    assert names(tmp_path) == (["rapport.txt"] if existing else [])
    if existing:
        assert target.read_bytes() == OLD


def test_a_failing_flush_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.txt"
    target.write_bytes(OLD)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full)
    with pytest.raises(OSError), atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    monkeypatch.undo()

    assert names(tmp_path) == ["rapport.txt"]
    assert target.read_bytes() == OLD


def test_a_locked_target_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rapport.xlsx"
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic_file.os, "replace", sharing_violation)

    with pytest.raises(PermissionError) as caught, atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    monkeypatch.undo()

    assert str(save_error(target, caught.value)) == locked_message(target)
    assert names(tmp_path) == ["rapport.xlsx"]
    assert target.read_bytes() == OLD


def test_the_temporary_file_is_never_someone_elses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """O_EXCL: a file that happens to have the random name is left alone."""
    target = tmp_path / "rapport.txt"
    tokens = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(temp_files.secrets, "token_hex", lambda n: next(tokens))
    theirs = atomic_file.temporary_name(target)
    theirs.write_bytes(b"not ours")

    with atomic_write(target) as tmp:
        assert tmp != theirs and tmp.name == f".~rapport.bbbbbbbb.{os.getpid()}-{HOST}.tmp"
        tmp.write_bytes(b"new")

    assert theirs.read_bytes() == b"not ours"
    assert target.read_bytes() == b"new"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_bytes(OLD)
    target.chmod(0o640)
    with atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "saknas" / "rapport.txt"
    with pytest.raises(FileNotFoundError) as caught, atomic_write(target):
        pass
    assert str(save_error(target, caught.value)) == f"Kunde inte spara {target}: mappen finns inte."
    assert names(tmp_path) == []


def test_a_folder_with_the_files_name(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    target.mkdir()
    with pytest.raises(OSError) as caught, atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    assert str(save_error(target, caught.value)) == (
        f"Kunde inte spara {target}: det finns en mapp med det namnet. Välj ett annat filnamn."
    )
    assert names(tmp_path) == ["rapport.pdf"] and names(target) == []


def test_a_name_too_long_for_the_disk(tmp_path: Path) -> None:
    target = tmp_path / ("å" * 200 + ".pdf")  # 400 bytes in UTF-8; the temporary name is short
    with pytest.raises(OSError) as caught, atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    assert str(save_error(target, caught.value)) == (
        f"Kunde inte spara {target}: namnet är för långt. Välj ett kortare."
    )
    assert names(tmp_path) == []


# --- save_error -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "why"),
    [
        (errno.ENOSPC, "disken är full"),
        (errno.EFBIG, "filen blir större än enheten tillåter"),
        pytest.param(
            getattr(errno, "EDQUOT", 0),
            "ditt diskutrymme (kvoten) är slut",
            marks=pytest.mark.skipif(not hasattr(errno, "EDQUOT"), reason="no EDQUOT"),
        ),
    ],
)
def test_a_full_disk(tmp_path: Path, code: int, why: str) -> None:
    path = tmp_path / "x.xlsx"
    message = str(save_error(path, OSError(code, os.strerror(code))))
    assert message == f"Det finns inte plats för filen {path}: {why}. {FULL_ADVICE}"


def test_a_read_only_drive(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    assert str(save_error(path, OSError(errno.EROFS, "Read-only file system"))) == (
        f"Kunde inte spara {path}: enheten är skrivskyddad. Spara på en annan plats."
    )


def test_access_denied_on_a_file_that_is_there_means_it_is_open_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(OLD)
    exc = PermissionError(errno.EACCES, "Permission denied")
    assert str(save_error(path, exc)) == locked_message(path)


def test_a_sharing_violation_is_always_a_file_open_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.xlsx"
    monkeypatch.setattr(atomic_file.os, "access", lambda p, mode: False)
    for winerror in (32, 33):
        exc = PermissionError(errno.EACCES, "används av en annan process")
        exc.winerror = winerror  # type: ignore[attr-defined]
        assert str(save_error(path, exc)) == locked_message(path)


def test_a_folder_the_user_may_not_write_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (as root, which the tests may run as, no folder is closed: the check is faked)
    path = tmp_path / "x.pdf"
    monkeypatch.setattr(atomic_file.os, "access", lambda p, mode: Path(p) != tmp_path)
    assert str(save_error(path, PermissionError(errno.EACCES, "Permission denied"))) == (
        f"Kunde inte spara {path}: du har inte behörighet att spara i mappen {tmp_path}. "
        "Välj en annan mapp."
    )


def test_a_write_protected_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(OLD)
    monkeypatch.setattr(atomic_file.os, "access", lambda p, mode: Path(p) != path)
    assert str(save_error(path, PermissionError(errno.EPERM, "Operation not permitted"))) == (
        f"Filen {path} är skrivskyddad. Ta bort skrivskyddet eller spara under ett annat namn."
    )


def test_any_other_error_names_the_file_and_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    exc = OSError(errno.EIO, "Input/output error")
    assert str(save_error(path, exc)) == f"Kunde inte spara {path}: Input/output error."


# --- every report writer ------------------------------------------------------------------

Writer = Callable[[Any, Path, Progress], object]


def _excel(record: Any, target: Path, progress: Progress) -> object:
    return write_workbook(target, record.content(2017, 2019, names=True), progress)


def _pdf(record: Any, target: Path, progress: Progress) -> object:
    return export_pdf(record.store, record.request(2017, 2019), target, progress)


def _docx(record: Any, target: Path, progress: Progress) -> object:
    return export_docx(record.store, record.request(2017, 2019), target, progress)


def _signin(record: Any, target: Path, progress: Progress) -> object:
    return write_signin_sheet(target, signin_sheet_for(record.store, record.known.id))


WRITERS: dict[str, tuple[Writer, str]] = {
    "excel": (_excel, "x.xlsx"),
    "pdf": (_pdf, "x.pdf"),
    "word": (_docx, "x.docx"),
    "narvarolista": (_signin, "x.pdf"),
}


@pytest.fixture(params=sorted(WRITERS))
def writer(request: pytest.FixtureRequest) -> tuple[Writer, str]:
    return WRITERS[request.param]


def test_each_writer_writes_a_whole_file(record: Any, out: Path, writer: tuple[Writer, str]):
    write, name = writer
    write(record, out / name, Progress())
    assert names(out) == [name]
    assert (out / name).stat().st_size > 1000


def test_each_writer_on_a_full_disk(record: Any, out: Path, writer: tuple[Writer, str]) -> None:
    """Real EFBIG: files may not grow past 4 KiB while the writer runs."""
    write, name = writer
    target = out / name
    target.write_bytes(OLD)
    with pytest.raises(DomainError) as caught, file_size_limit(4096):
        write(record, target, Progress())
    assert str(caught.value) == full_disk_message(target)
    assert names(out) == [name]
    assert target.read_bytes() == OLD


def test_each_writer_on_a_locked_target(
    record: Any, out: Path, writer: tuple[Writer, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write, name = writer
    target = out / name
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic_file.os, "replace", sharing_violation)
    with pytest.raises(DomainError) as caught:
        write(record, target, Progress())
    monkeypatch.undo()
    assert str(caught.value) == locked_message(target)
    assert names(out) == [name]
    assert target.read_bytes() == OLD


@pytest.mark.parametrize("when", ["first", "middle", "last"])
@pytest.mark.parametrize("name", ["excel", "pdf", "word"])
def test_cancelled_midway_leaves_the_old_file(record: Any, out: Path, name: str, when: str) -> None:
    """Avbryt at the first check, in the middle, or at the last one (the file is then
    whole, but not yet renamed): the temporary file goes, the old file stays."""
    write, filename = WRITERS[name]
    probe = out / f"probe{Path(filename).suffix}"
    counted: list[int] = []
    write(record, probe, Progress(is_cancelled=lambda: bool(counted.append(1))))
    probe.unlink()
    assert len(counted) >= 3
    at = {"first": 1, "middle": len(counted) // 2, "last": len(counted)}[when]
    target = out / filename
    target.write_bytes(OLD)
    checks: list[int] = []

    def is_cancelled() -> bool:
        checks.append(1)
        return len(checks) >= at

    with pytest.raises(Cancelled):
        write(record, target, Progress(is_cancelled=is_cancelled))
    assert len(checks) == at
    assert names(out) == [filename]
    assert target.read_bytes() == OLD


def test_the_signin_sheet_interrupted_midway_leaves_the_old_file(
    record: Any, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sheet has no Avbryt; an interruption while the PDF is written (Ctrl+C, an
    error in reportlab) leaves no half file either."""
    target = out / "lista.pdf"
    target.write_bytes(OLD)
    written: list[Path] = []

    def half(self: SimpleDocTemplate, *args: object, **kwargs: object) -> None:
        out_file = self.filename  # the open temporary file
        written.append(Path(out_file.name))
        out_file.write(b"%PDF-1.4 and then nothing")
        out_file.flush()
        raise KeyboardInterrupt

    monkeypatch.setattr(SimpleDocTemplate, "build", half)
    with pytest.raises(KeyboardInterrupt):
        write_signin_sheet(target, signin_sheet_for(record.store, record.known.id))
    assert written and written[0].parent == out and is_temporary(written[0])
    assert names(out) == ["lista.pdf"]
    assert target.read_bytes() == OLD


# --- what the user protected --------------------------------------------------------------

WRITE_PROTECTED = "Filen {} är skrivskyddad. Ta bort skrivskyddet eller spara under ett annat namn."


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_write_protected_file_is_refused_not_replaced(tmp_path: Path) -> None:
    """chmod 444: the rename would succeed (the folder is writable), but the user said no.
    (Also as root, whom the mode does not stop: nobody may write it.)"""
    target = tmp_path / "rapport.pdf"
    target.write_bytes(OLD)
    target.chmod(0o444)

    with pytest.raises(PermissionError) as caught, atomic_write(target) as tmp:
        tmp.write_bytes(b"new")

    assert str(save_error(target, caught.value)) == WRITE_PROTECTED.format(target)
    assert target.read_bytes() == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert names(tmp_path) == ["rapport.pdf"]


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path, relative: bool) -> None:
    """The file the link points to is replaced in its own folder, with its own mode; the
    link is still the same link."""
    archive = tmp_path / "arkiv"
    archive.mkdir()
    real = archive / "rapport 2018.pdf"
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "senaste.pdf"
    pointed = Path("arkiv") / real.name if relative else real
    link.symlink_to(pointed)

    with atomic_write(link) as tmp:
        assert tmp.parent == archive and is_temporary(tmp)
        tmp.write_bytes(b"new")

    assert link.is_symlink() and Path(os.readlink(link)) == pointed
    assert link.read_bytes() == real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert names(tmp_path) == ["arkiv", "senaste.pdf"]
    assert names(archive) == ["rapport 2018.pdf"]


def test_a_link_to_a_file_not_there_yet_creates_that_file(tmp_path: Path) -> None:
    real = tmp_path / "arkiv.pdf"
    link = tmp_path / "senaste.pdf"
    link.symlink_to(real)
    with atomic_write(link) as tmp:
        tmp.write_bytes(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_link_to_a_write_protected_file_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "arkiv.pdf"
    real.write_bytes(OLD)
    real.chmod(0o444)
    link = tmp_path / "senaste.pdf"
    link.symlink_to(real)

    with pytest.raises(PermissionError) as caught, atomic_write(link) as tmp:
        tmp.write_bytes(b"new")

    assert str(save_error(link, caught.value)) == WRITE_PROTECTED.format(link)
    assert link.is_symlink() and real.read_bytes() == OLD
    assert stat.S_IMODE(real.stat().st_mode) == 0o444


@pytest.mark.parametrize("wal", [False, True], ids=["database", "write-ahead log"])
def test_a_database_is_never_replaced(tmp_path: Path, wal: bool) -> None:
    """Any SQLite file (another Insatslogg database, a backup copied elsewhere) or its
    write-ahead log: refused before anything is written, whatever the caller checked."""
    database = tmp_path / "gammal.pdf"
    con = sqlite3.connect(database)
    try:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("CREATE TABLE t (x)")
        con.execute("INSERT INTO t VALUES (1)")
        con.commit()
        target = Path(f"{database}-wal") if wal else database
        before = target.read_bytes()

        with pytest.raises(ProtectedTarget) as caught, atomic_write(target) as tmp:
            tmp.write_bytes(b"new")

        assert str(caught.value) == (
            f"Filen {target} är en databas; välj ett annat filnamn. Ingenting har sparats."
        )
        assert target.read_bytes() == before
        assert con.execute("SELECT x FROM t").fetchall() == [(1,)]
    finally:
        con.close()


def test_a_write_protected_target_through_the_command_as_a_normal_user(
    record: Any, out: Path
) -> None:
    """As a user on a laptop (not root): the export says so, exits 1, leaves the file."""
    target = out / "rapport.pdf"
    target.write_bytes(OLD)
    target.chmod(0o444)
    result = as_unprivileged(CLI, "export", "pdf", "--year", "2018", "-o", str(target),
                             "--db", str(record.store.path))  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"insatslogg: {WRITE_PROTECTED.format(target)}\n"
    assert target.read_bytes() == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert names(out) == ["rapport.pdf"]
