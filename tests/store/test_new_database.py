"""The one set-up path (app/store/new_database.py) and the copy of an open database
(app/store/database_copy.py): whole files or none, never over an existing one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import ValidationError
from app.core.setup import gavleborg_defaults
from app.store import new_database
from app.store.database import Store
from app.store.database_copy import save_copy
from app.store.new_database import FileExists, create_database
from tests.conftest import SETUP_DAY, MakeActivity

pytestmark = pytest.mark.file_only  # a new database file, made whole under a temporary name


def test_a_new_database_holds_the_set_up_and_nothing_else_is_left(tmp_path: Path) -> None:
    path = tmp_path / "ny.sqlite3"

    insats = create_database(path, gavleborg_defaults(SETUP_DAY))

    assert [p.name for p in tmp_path.iterdir()] == ["ny.sqlite3"]
    store = Store.open(path)
    try:
        assert store.reference.current_insats() == insats
        assert insats.forbund_id is not None
        assert len(store.reference.kommuner(insats.forbund_id)) == 10
    finally:
        store.close()


def test_a_set_up_that_does_not_validate_makes_no_file(tmp_path: Path) -> None:
    defaults = gavleborg_defaults(SETUP_DAY)
    bad = replace(defaults, insats=replace(defaults.insats, end=date(2017, 1, 1)))

    with pytest.raises(ValidationError, match="slutar före den börjar"):
        create_database(tmp_path / "ny.sqlite3", bad)

    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(store: Store, setup: object) -> None:
        raise OSError("disken är full")

    monkeypatch.setattr(new_database, "set_up", fail)

    with pytest.raises(OSError):
        create_database(tmp_path / "ny.sqlite3", gavleborg_defaults(SETUP_DAY))

    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", ["ny.sqlite3", "ny.sqlite3-wal"])
def test_an_existing_file_is_refused_untouched(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_bytes(b"keep")

    with pytest.raises(FileExists, match="finns redan"):
        create_database(tmp_path / "ny.sqlite3", gavleborg_defaults(SETUP_DAY))

    assert [(p.name, p.read_bytes()) for p in tmp_path.iterdir()] == [(existing, b"keep")]


def test_a_copy_of_an_open_database_holds_its_rows(
    store: Store, db_path: Path, add_activity: MakeActivity, tmp_path: Path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Med i kopian")
    target = tmp_path / "kopior" / "kopia.sqlite3"
    target.parent.mkdir()

    assert save_copy(db_path, target) == target

    assert [p.name for p in target.parent.iterdir()] == ["kopia.sqlite3"]
    assert target.stat().st_mode & 0o777 == 0o600
    copy = Store.open(target)
    try:
        insats = copy.reference.current_insats()
        assert insats is not None and insats.id is not None
        assert [r.title for r in copy.activities.rows(insats.id, 2018)] == ["Med i kopian"]
    finally:
        copy.close()


def test_a_copy_is_not_written_over_an_existing_file(db_path: Path, store: Store) -> None:
    target = db_path.with_name("finns.sqlite3")
    target.write_bytes(b"keep")

    with pytest.raises(FileExists, match="En kopia sparas bara i en ny fil"):
        save_copy(db_path, target)

    assert target.read_bytes() == b"keep"
