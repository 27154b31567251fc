"""Every start failure is a window, and the damaged-file offer tells the truth (issue 11):
index damage, a 0-byte file, an empty version table, an unexpected error."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.store import backups
from app.store.database import Store
from app.ui import application
from app.ui.application import open_store
from tests.conftest import MakeActivity
from tests.store.damage import damage_an_index


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box the program builds and shows itself (closed at once,
    as if the window's close button were clicked)."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def _titles(store: Store) -> list[str]:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return [r.title for r in store.activities.rows(insats.id, 2018)]


def test_restoring_over_index_damage_says_where_the_damaged_file_is(
    store: Store, db_path: Path, add_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:  # fmt: skip
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Räddad")
    good = backups.make_backup(db_path)
    store.close()
    damage_an_index(db_path)
    damaged = db_path.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(
        application, "ask_restore_damaged", lambda exc: asked.append(exc.question()) or True
    )

    opened = open_store(db_path)

    assert opened is not None
    assert str(good.path) in asked[0] and "missing from index" in asked[0]
    [kept] = db_path.parent.glob("test.skadad-*.sqlite3")
    assert kept.read_bytes() == damaged
    assert f"Den skadade filen finns kvar som {kept}." in messages[-1]
    assert "None" not in messages[-1]
    assert _titles(opened.store) == ["Räddad"]
    opened.close(backup=False)


def test_an_empty_file_at_start_offers_the_backup_and_writes_nothing(
    store: Store, db_path: Path, add_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:  # fmt: skip
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="I kopian")
    good = backups.make_backup(db_path)
    store.close()
    for extra in ("-wal", "-shm"):
        Path(f"{db_path}{extra}").unlink(missing_ok=True)
    db_path.write_bytes(b"")
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr(
        application,
        "ask_restore_damaged",
        lambda exc: asked.append(exc.question()) or next(answers),
    )
    monkeypatch.setattr(
        application, "ensure_set_up", lambda s: pytest.fail("Kom igång must not be shown")
    )

    assert open_store(db_path) is None  # declined: nothing is written
    assert db_path.stat().st_size == 0 and not Path(f"{db_path}-wal").exists()
    assert "filen är tom, 0 byte" in asked[0] and str(good.path) in asked[0]

    opened = open_store(db_path)  # accepted
    assert opened is not None and _titles(opened.store) == ["I kopian"]
    [kept] = db_path.parent.glob("test.skadad-*.sqlite3")
    assert kept.stat().st_size == 0
    opened.close(backup=False)


def test_an_empty_version_table_without_a_backup_is_a_window(
    qapp: object, store: Store, db_path: Path, boxes: list[str], messages: list[str]
) -> None:
    store.close()
    con = sqlite3.connect(db_path)
    with con:
        con.execute("DELETE FROM alembic_version")
    con.close()
    before = db_path.read_bytes()

    assert open_store(db_path) is None

    [shown] = boxes
    assert "saknar versionsuppgift" in shown and "Ingen fungerande säkerhetskopia" in shown
    assert "Den har inte öppnats och inte ändrats." in shown
    assert messages == [] and db_path.read_bytes() == before


def test_an_unexpected_error_at_start_is_a_window(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    from sqlalchemy.exc import OperationalError

    store.close()

    def broken(path: Path) -> Store:
        raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("något oväntat"))

    monkeypatch.setattr(Store, "open", staticmethod(broken))
    assert open_store(db_path) is None
    [shown] = messages
    assert shown.startswith(f"Databasen {db_path} kunde inte öppnas. Ett oväntat fel inträffade")
    assert "(OperationalError)" in shown and "loggfilen" in shown
