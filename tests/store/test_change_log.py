"""The change log records every edit of every kind, and undo puts back exactly what was.

Each edit is made through the store on a copy of the demo; its change set must name
it, undo must give back every row of every table as before (ids and sqlite_sequence
included), and redo the rows as after the edit.
"""

from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.core.people import Person
from app.core.placements import Placement
from app.core.setup import gavleborg_defaults
from app.store import backups, change_triggers
from app.store.change_log import computer_user
from app.store.database import Store
from tests.conftest import SETUP_DAY
from tests.scratch_server import SUPERUSER
from tests.server_databases import ServerDatabases
from tests.ui.unchanged_save import Dump, differences

SETUP = gavleborg_defaults(SETUP_DAY)
LOG_TABLES = {"change_set", "change_row", "change_current"}


def dump(store: Store) -> Dump:
    """Every row of the user's data, on either backend. A server's sequences are left
    out: one never goes back (an undone insert's id is not given again), by design."""
    if store.server is None:
        return data_dump(store.path)
    with store.file.read() as con:
        names = [
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
            if str(r[0]) not in LOG_TABLES
        ]
        out = {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        return out


def data_dump(path: Path) -> Dump:
    """Every row of the user's data (the log itself left out), sqlite_sequence included."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            str(r[0])
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if str(r[0]) not in LOG_TABLES
        ]
        # Sorted: a row put back by undo may take another rowid, which no read orders by
        # (co-organisers, steps and named participants are read in key order).
        out = {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        out["sqlite_sequence"] = [r for r in out["sqlite_sequence"] if r[0] not in LOG_TABLES]
        return out
    finally:
        con.close()


def _insats_id(store: Store) -> int:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return insats.id


def edit_activity(store: Store) -> str:
    a = store.activities.get(5)
    store.activities.update(replace(a, title="Ny titel", coorganiser_ids=a.coorganiser_ids[:1]))
    return "ändra aktivitet Ny titel 2017-10-16"


def delete_activity(store: Store) -> str:
    store.activities.delete(5)
    return "ta bort aktivitet Framtidens företagande 2017-10-16"


def add_placement(store: Store) -> str:
    kommuner = {k.name: k.id for k in store.reference.kommuner(1)}
    p = Placement(id=None, insats_id=_insats_id(store), year=2018, kommun_id=kommuner["Hofors"])
    store.placements.save(replace(p, granted=3, used=2, women=1, men=1, target_group="Unga"))
    return "lägg till placering Hofors 2018"


def edit_placement(store: Store) -> str:
    p = store.placements.list(_insats_id(store))[0]
    store.placements.save(replace(p, used=p.used + 1))
    kommun = next(k.name for k in store.reference.kommuner(1) if k.id == p.kommun_id)
    return f"ändra placering {kommun} {p.year}"


def delete_group(store: Store) -> str:
    g = store.groups.get(1)
    kommun = next(k.name for k in store.reference.kommuner(1) if k.id == g.kommun_id)
    store.groups.delete(1)
    return f"ta bort samverkansgrupp {kommun} {g.name}"


EDITS: list[Callable[[Store], str]] = [
    edit_activity,
    delete_activity,
    add_placement,
    edit_placement,
    delete_group,
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
def test_an_edit_is_one_named_set_that_undo_and_redo_write_back_exactly(
    demo: Store, edit: Callable[[Store], str]
) -> None:
    before = dump(demo)
    label = edit(demo)
    after = dump(demo)
    assert differences(before, after), "the edit changed nothing"

    done = demo.changes.collect()

    assert done is not None and done.label == label
    assert demo.changes.pending() == 0
    undone = demo.changes.revert(done.id, f"ångra {label}")
    assert differences(before, dump(demo)) == []
    assert demo.changes.get(done.id).undone_by == undone.id
    redone = demo.changes.revert(undone.id, f"gör om {label}")
    assert differences(after, dump(demo)) == []
    demo.changes.revert(redone.id, f"ångra {label}")
    assert differences(before, dump(demo)) == []
    # Every step is in the log, newest first.
    assert [s.label for s in demo.changes.sets(limit=4)] == [
        f"ångra {label}",
        f"gör om {label}",
        f"ångra {label}",
        label,
    ]


def test_an_unchanged_save_records_nothing(demo: Store) -> None:
    for activity_id in (1, 5, 20):
        demo.activities.update(demo.activities.get(activity_id))
    for p in demo.placements.list(_insats_id(demo)):
        demo.placements.save(p)

    assert demo.changes.collect() is None
    assert demo.changes.pending() == 0


def test_undo_of_an_edit_changed_since_is_refused_and_changes_nothing(demo: Store) -> None:
    a = demo.activities.get(5)
    demo.activities.update(replace(a, title="Första"))
    first = demo.changes.collect()
    demo.activities.update(replace(demo.activities.get(5), title="Andra"))  # as saved now
    second = demo.changes.collect()
    assert first is not None and second is not None
    before = dump(demo)

    with pytest.raises(DomainError, match="aktivitet har ändrats efter den"):
        demo.changes.revert(first.id, "ångra")

    assert differences(before, dump(demo)) == []
    assert demo.changes.get(first.id).undone_by is None
    demo.changes.revert(second.id, "ångra")
    demo.changes.revert(first.id, "ångra")
    assert demo.activities.get(5).title == a.title


def test_undo_that_would_take_later_data_with_it_is_refused(demo: Store) -> None:
    """A group restored by undo, then an activity linked to it: redoing the group's
    removal would unlink the activity, a later edit, so it is refused."""
    g = demo.groups.get(1)
    demo.groups.delete(1)
    removed = demo.changes.collect()
    assert removed is not None
    undo = demo.changes.revert(removed.id, "ångra")
    # An activity now linked to the restored group, in an edit of its own.
    a = demo.activities.get(1)
    demo.activities.update(replace(a, group_id=g.id))
    demo.changes.collect()
    before = dump(demo)

    with pytest.raises(DomainError, match="senare ändringar bygger på den"):
        demo.changes.revert(undo.id, "gör om")

    assert differences(before, dump(demo)) == []


@pytest.mark.file_only  # the file's own tables, change_current, bytes
def test_every_table_of_the_users_data_is_recorded(demo: Store) -> None:
    with sqlite3.connect(demo.path) as con:
        tables = {
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        triggers = {
            r[0] for r in con.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert triggers == tables - change_triggers.NOT_LOGGED
    assert {"activity", "person", "placement", "samverkansgrupp_member", "setting"} <= triggers


def test_a_column_added_by_a_later_migration_is_recorded(demo: Store) -> None:
    engine = demo.file.engine
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE milestone ADD COLUMN extra TEXT")
        change_triggers.install(conn)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE milestone SET extra = 'ny' WHERE id = 1")

    done = demo.changes.collect()

    assert done is not None
    (change,) = demo.changes.changes(done.id)
    assert [(f.column, f.before, f.after) for f in change.fields()] == [("extra", None, "ny")]


@pytest.mark.file_only  # the file's own tables, change_current, bytes
def test_a_set_left_open_by_a_killed_program_owns_no_later_writes(demo: Store) -> None:
    with demo.file.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO change_set (at, user, label, locked) VALUES ('2026-01-01T00:00:00', "
            "'x', 'avbruten', 0)"
        )
        conn.exec_driver_sql("UPDATE change_current SET set_id = last_insert_rowid()")
    demo.close()

    store = Store.open(demo.path)
    try:
        edit_activity(store)
        done = store.changes.collect()
        assert done is not None and done.label.startswith("ändra aktivitet")
    finally:
        store.close()


@pytest.mark.file_only  # the file's own tables, change_current, bytes
def test_erasure_leaves_no_name_in_the_log_and_its_sets_cannot_be_undone(
    demo: Store,
) -> None:
    name, email = "Agnes Erasmusdotter", "agnes@example.se"
    saved = demo.people.save(Person(id=None, forbund_id=1, name=name, email=email))
    added = demo.changes.collect()
    demo.people.save(replace(saved, name=name + " Berg"))
    renamed = demo.changes.collect()
    assert added is not None and renamed is not None
    assert saved.id is not None

    copy = backups.make_backup(demo.path).path  # a backup holding the name in its log
    assert name.encode() in copy.read_bytes()

    demo.people.erase(saved.id)
    demo.changes.collect()
    demo.close()

    for part in (demo.path, Path(f"{demo.path}-wal"), copy):
        if part.exists():
            assert name.encode() not in part.read_bytes(), part.name
            assert email.encode() not in part.read_bytes(), part.name
    store = Store.open(demo.path)
    try:
        for s in (added, renamed):
            assert store.changes.get(s.id).locked
            with pytest.raises(DomainError, match="personuppgifter som har raderats"):
                store.changes.revert(s.id, "ångra")
        labels = [s.label for s in store.changes.sets(limit=3)]
        assert labels[0] == "radera en person"
        assert all(name not in label for label in labels)
    finally:
        store.close()


def test_the_log_lists_by_record_and_by_day(demo: Store) -> None:
    edit_activity(demo)
    first = demo.changes.collect()
    add_placement(demo)
    second = demo.changes.collect()
    assert first is not None and second is not None

    by_record = demo.changes.sets(record=("activity", (5,)))
    today = demo.changes.sets(day=date.today())
    yesterday = demo.changes.sets(day=date(2000, 1, 1))

    # The newest first: this edit, then the demo's making, which added the activity.
    assert [s.id for s in by_record][0] == first.id
    assert second.id not in {s.id for s in by_record}
    assert all(s.id < first.id for s in by_record[1:])
    assert {first.id, second.id} <= {s.id for s in today}
    assert yesterday == []


def test_a_set_names_the_database_user_on_a_server_and_the_computer_user_in_a_file(
    store: Store,
) -> None:
    add_placement(store)
    done = store.changes.collect()

    assert done is not None
    # The tests' server user (tests.scratch_server) is another than this computer's.
    expected = computer_user() if store.server is None else SUPERUSER
    assert expected != (SUPERUSER if store.server is None else computer_user())
    assert store.changes.get(done.id).user == expected


def test_two_stores_writing_at_once_on_one_server_each_collect_only_their_own(
    server_databases: ServerDatabases,
) -> None:
    """Two users' windows on one server database: each writes in a thread of its own,
    at the same time, edit after edit (collected after each, as the window does), one
    of them inside a recording; every set holds that store's rows only."""
    seed = random.randrange(2**32)
    print(f"seed {seed}")
    rng = random.Random(seed)
    location = server_databases.new(server_databases.template("setup", SETUP))
    stores = [Store.open_server(location), Store.open_server(location)]
    try:
        insats_id = _insats_id(stores[0])
        kommun_ids = [k.id for k in stores[0].reference.kommuner(1) if k.id is not None]
        years = list(range(2018, 2022))
        # Each store its own placements (kommun, year), so neither's edit touches the other's.
        pairs = [(k, y) for k in kommun_ids for y in years]
        rng.shuffle(pairs)
        own = [pairs[0::2][:6], pairs[1::2][:6]]
        made: list[list[int]] = [[], []]
        sets: list[list[int]] = [[], []]
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                s = stores[n]
                barrier.wait()
                for i, (kommun_id, year) in enumerate(own[n]):
                    p = Placement(id=None, insats_id=insats_id, year=year, kommun_id=kommun_id)
                    if n == 1 and i % 2 == 0:
                        with s.changes.recording(f"inspelad {i}"):
                            saved = s.placements.save(replace(p, granted=i + 1))
                    else:
                        saved = s.placements.save(replace(p, granted=i + 1))
                    assert saved.id is not None
                    made[n].append(saved.id)
                    done = s.changes.collect()
                    if done is not None:
                        sets[n].append(done.id)
                    else:  # the recording made the set
                        label = f"inspelad {i}"
                        sets[n].append(next(x.id for x in s.changes.sets() if x.label == label))
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []

        for n in (0, 1):
            assert len(sets[n]) == len(own[n])
            touched = {
                c.key[0]
                for set_id in sets[n]
                for c in stores[n].changes.changes(set_id)
                if c.table == "placement"
            }
            assert touched == set(made[n]), f"store {n}"
            assert stores[n].changes.pending() == 0
    finally:
        for s in stores:
            s.close()
        server_databases.drop(location)


def test_undo_and_redo_write_back_exactly_on_either_backend(store: Store) -> None:
    """Adding and then editing a placement, each undone and redone: every row of the
    user's data as before and after each step (on a server too: the foreign keys
    deferred to the undo's commit, the open set the undo's own transaction's)."""
    for edit in (add_placement, edit_placement):
        before = dump(store)
        label = edit(store)
        after = dump(store)
        assert differences(before, after), "the edit changed nothing"
        done = store.changes.collect()
        assert done is not None and done.label == label

        undone = store.changes.revert(done.id, f"ångra {label}")
        assert differences(before, dump(store)) == []
        assert store.changes.get(done.id).undone_by == undone.id
        redone = store.changes.revert(undone.id, f"gör om {label}")
        assert differences(after, dump(store)) == []
        assert [s.label for s in store.changes.sets(limit=3)] == [
            f"gör om {label}",
            f"ångra {label}",
            label,
        ]
        assert redone.undoes == undone.id
        assert store.changes.pending() == 0
