"""A really full disk: the export commands run in a child process whose files may not
grow past a limit (RLIMIT_FSIZE, with SIGXFSZ ignored), so writing the export fails
with EFBIG just as it would on a full disk. The command must say so in Swedish, exit 1,
show no traceback and leave the folder as it was: no new file, no temporary file, and a
file already at the target byte for byte the same.

The limit lets the database be read (its -shm file is 32 KiB) and every temporary file
of the export be written, but not the export itself: so the failure is the export's own
write (checked below, and by ``summary`` working under the same limit).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.save_faults import full_disk_message

resource = pytest.importorskip("resource")  # POSIX only

ROOT = Path(__file__).resolve().parents[1]
SHM = 32 * 1024  # SQLite's -shm file beside a database in WAL mode
LIMIT = SHM + 2 * 1024
YEAR = "2016"  # a short närvarologg: the workbook's parts stay small, the whole does not
DEMO_ACTIVITY = "1"


@dataclass(frozen=True)
class Demo:
    db: Path
    sizes: dict[str, int]  # command → size of its output without a limit


def _limited() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def run_limited(*args: str, log_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "INSATSLOGG_LOG_DIR": str(log_dir)}
    env.pop("INSATSLOGG_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        preexec_fn=_limited,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "excel": lambda db, out: ["export", "excel", "--year", YEAR, "-o", str(out), "--db", str(db)],
    "pdf": lambda db, out: ["export", "pdf", "--year", YEAR, "-o", str(out), "--db", str(db)],
    "narvarolista": lambda db, out: [
        "narvarolista",
        "--activity",
        DEMO_ACTIVITY,
        "-o",
        str(out),
        "--db",
        str(db),
    ],
}
SUFFIX = {"excel": ".xlsx", "pdf": ".pdf", "narvarolista": ".pdf"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The demo database, and what each command writes from it when nothing stops it
    (written in this process through the same functions the commands call)."""
    from app.demo import build_demo
    from app.operations.exports import export_excel
    from app.operations.reports import export_pdf, signin_sheet_for
    from app.reports.export_content import ExportRequest
    from app.reports.signin_sheet import write_signin_sheet
    from app.store.database import Store

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite3"
    build_demo(db)
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        request = ExportRequest(insats.id, int(YEAR), int(YEAR))
        export_excel(store, request, folder / "full.xlsx")
        export_pdf(store, request, folder / "full.pdf")
        write_signin_sheet(folder / "lista.pdf", signin_sheet_for(store, int(DEMO_ACTIVITY)))
    finally:
        store.close()
    sizes = {
        "excel": (folder / "full.xlsx").stat().st_size,
        "pdf": (folder / "full.pdf").stat().st_size,
        "narvarolista": (folder / "lista.pdf").stat().st_size,
    }
    # Every part of the workbook (openpyxl streams each sheet to a temporary file, the
    # närvarologg rows go to one more) fits under the limit: only the .xlsx cannot.
    with zipfile.ZipFile(folder / "full.xlsx") as zf:
        assert max(i.file_size for i in zf.infolist()) < LIMIT
    return Demo(db, sizes)


def test_the_database_can_be_read_under_the_limit(demo: Demo, tmp_path: Path) -> None:
    """The control: under the same limit a command that only reads the database works,
    so the failures below are the export's own write."""
    result = run_limited("summary", "--year", YEAR, "--db", str(demo.db), log_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Genomförda aktiviteter         3" in result.stdout


@pytest.mark.parametrize(
    ("command", "existing"),
    [("excel", False), ("excel", True), ("pdf", True), ("narvarolista", True)],
    ids=["excel-new", "excel-over-old", "pdf-over-old", "narvarolista-over-old"],
)
def test_a_full_disk_says_so_and_leaves_nothing(
    demo: Demo, tmp_path: Path, command: str, existing: bool
) -> None:
    assert demo.sizes[command] > LIMIT + 2048, "the export must not fit under the limit"
    folder = tmp_path / "ut"
    folder.mkdir()
    target = folder / f"rapport{SUFFIX[command]}"
    old = b"the board's copy from last year\n" * 10
    if existing:
        target.write_bytes(old)
    before = sorted(folder.iterdir())

    result = run_limited(*COMMANDS[command](demo.db, target), log_dir=tmp_path / "log")

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"insatslogg: {full_disk_message(target)}\n"
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert sorted(folder.iterdir()) == before  # no target, no .~….tmp
    if existing:
        assert target.read_bytes() == old
