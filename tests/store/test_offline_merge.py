"""An offline copy taken from the server, changed on both sides and merged back."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.people import Person
from app.store.database import Store
from app.store.offline_copy import origin_of, take_offline_copy
from app.store.offline_merge import KEEP_SERVER, MERGE_LABEL, USE_MINE, apply_plan, merge_offline
from app.store.query import run
from tests.offline_data import add_activity, server_with_basics
from tests.server_databases import ServerDatabases


@pytest.fixture
def server(server_databases: ServerDatabases) -> Iterator[Store]:
    with server_with_basics(server_databases) as store:
        yield store


def _titles(store: Store) -> dict[int, str]:
    with store.file.engine.connect() as conn:
        return {int(r[0]): str(r[1]) for r in run(conn, "SELECT id, title FROM activity")}


def test_merge_adds_updates_deletes_and_shows_conflicts(server: Store, tmp_path: Path) -> None:
    a, b, c, e = (add_activity(server, t, date(2019, 3, i + 1)) for i, t in enumerate("ABCE"))
    forbund_id = server.reference.current_insats().forbund_id  # type: ignore[union-attr]
    person = server.people.save(Person(id=None, forbund_id=forbund_id, name="Kim Berg"))
    target = tmp_path / "laptop.sqlite3"
    origin = take_offline_copy(server, target)
    assert origin.database == server.server.database  # type: ignore[union-attr]
    copy = Store.open(target)
    try:
        assert origin_of(copy) == origin
        assert _titles(copy) == _titles(server)
        assert merge_offline(copy, server).empty

        copy.activities.update(
            dataclasses.replace(copy.activities.get(a.id or 0), title="A laptop")
        )
        server.activities.update(dataclasses.replace(b, title="B server"))
        copy.activities.update(
            dataclasses.replace(copy.activities.get(c.id or 0), title="C laptop")
        )
        server.activities.update(dataclasses.replace(c, title="C server"))
        copy.activities.delete(e.id or 0)
        d = add_activity(copy, "D laptop", date(2019, 4, 2))
        copy.activities.update(dataclasses.replace(d, participant_ids=(person.id or 0,)))

        plan = merge_offline(copy, server)
        assert [x.name for x in plan.added] == ["D laptop"]
        assert [x.name for x in plan.updated] == ["A laptop"]
        assert [x.name for x in plan.deleted] == ["E"]
        assert [x.name for x in plan.kept] == ["B server"]
        assert len(plan.conflicts) == 1
        conflict = plan.conflicts[0]
        assert conflict.entry.server_id == c.id
        assert [(f.label, f.server, f.mine) for f in conflict.fields] == [
            ("Titel", "C server", "C laptop")
        ]
        with pytest.raises(Exception, match="saknar beslut"):
            apply_plan(copy, server, plan)
        apply_plan(copy, server, plan, {conflict.key: USE_MINE})

        titles = sorted(_titles(server).values())
        assert titles == ["A laptop", "B server", "C laptop", "D laptop"]
        new_d = next(i for i, t in _titles(server).items() if t == "D laptop")
        assert server.activities.get(new_d).participant_ids == (person.id,)
        labels = (
            [s.label for s in server.changes.sets(limit=5)]
            if hasattr(server.changes, "sets")
            else []
        )
        with server.file.engine.connect() as conn:
            (n,) = run(
                conn,
                "SELECT count(*) FROM change_set WHERE label = ?",
                (MERGE_LABEL,),
            ).fetchone()
        assert n == 1, labels

        again = merge_offline(copy, server)
        assert again.empty and not again.kept
    finally:
        copy.close()


def test_keep_server_leaves_the_server_as_it_was(server: Store, tmp_path: Path) -> None:
    c = add_activity(server, "C", date(2019, 5, 1))
    target = tmp_path / "laptop.sqlite3"
    take_offline_copy(server, target)
    copy = Store.open(target)
    try:
        copy.activities.update(dataclasses.replace(copy.activities.get(c.id or 0), title="mine"))
        server.activities.update(dataclasses.replace(c, title="theirs"))
        plan = merge_offline(copy, server)
        apply_plan(copy, server, plan, keep=KEEP_SERVER)
        assert _titles(server) == {c.id: "theirs"}
        assert merge_offline(copy, server).empty
    finally:
        copy.close()


def test_cli_takes_and_merges(
    server: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    a = add_activity(server, "A", date(2019, 6, 1))
    c = add_activity(server, "C", date(2019, 6, 2))
    url = server.server.url  # type: ignore[union-attr]
    target = tmp_path / "laptop.sqlite3"
    assert main(["offline", "take", "--from", url, "--to", str(target)]) == 0
    assert f"Offlinekopian {target} är tagen från databasen" in capsys.readouterr().out
    copy = Store.open(target)
    try:
        copy.activities.update(dataclasses.replace(copy.activities.get(a.id or 0), title="A2"))
        copy.activities.update(dataclasses.replace(copy.activities.get(c.id or 0), title="C2"))
    finally:
        copy.close()
    server.activities.update(dataclasses.replace(c, title="C-server"))
    merge = ["offline", "merge", "--from", str(target), "--to", url]
    assert main([*merge, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Uppdateras på servern: 1 aktivitet" in out
    assert "Konflikter: 1" in out
    assert "Aktivitet \u201dC2\u201d (ändrad på båda håll)" in out
    assert "Titel: servern 'C-server', min 'C2'" in out
    assert "Inget har sparats (--dry-run)." in out
    assert sorted(_titles(server).values()) == ["A", "C-server"]
    assert main(merge) == 1
    assert "konflikter saknar beslut" in capsys.readouterr().err
    assert main([*merge, "--keep", "mine"]) == 0
    assert "sammanslagen med servern" in capsys.readouterr().out
    assert sorted(_titles(server).values()) == ["A2", "C2"]
    assert main(merge) == 0
    assert "Inget att slå ihop" in capsys.readouterr().out


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict(
    server: Store, tmp_path: Path
) -> None:
    gone_here = add_activity(server, "G", date(2019, 7, 1))
    gone_there = add_activity(server, "H", date(2019, 7, 2))
    target = tmp_path / "laptop.sqlite3"
    take_offline_copy(server, target)
    copy = Store.open(target)
    try:
        copy.activities.delete(gone_here.id or 0)
        server.activities.update(dataclasses.replace(gone_here, title="G server"))
        server.activities.delete(gone_there.id or 0)
        copy.activities.update(
            dataclasses.replace(copy.activities.get(gone_there.id or 0), title="H laptop")
        )
        plan = merge_offline(copy, server)
        assert not (plan.added or plan.updated or plan.deleted)
        found = {c.entry.name: (c.copy_deleted, c.server_deleted) for c in plan.conflicts}
        assert found == {"G server": (True, False), "H laptop": (False, True)}
        apply_plan(copy, server, plan, keep=USE_MINE)
        assert sorted(_titles(server).values()) == ["H laptop"]
        assert merge_offline(copy, server).empty
    finally:
        copy.close()


def test_an_activity_in_steps_edited_on_the_laptop_merges_into_one_set_of_the_user(
    server: Store, tmp_path: Path
) -> None:
    """Saving an activity in steps writes its steps anew (new ids, the same days): the
    merge removes the server's old steps before it adds the copy's, and the merge's
    rows are its one change set, named for the database user."""
    days = (date(2019, 3, 1), date(2019, 3, 8), date(2019, 3, 15))
    training = add_activity(server, "Utbildning i steg", days[0])
    training = server.activities.update(dataclasses.replace(training, steps=days))
    later = add_activity(server, "Senare utbildning", date(2019, 5, 1))
    # Steps of its own after the training's, so that those written anew get new ids.
    server.activities.update(dataclasses.replace(later, steps=(date(2019, 5, 1), date(2019, 5, 8))))
    target = tmp_path / "laptop.sqlite3"
    take_offline_copy(server, target)
    copy = Store.open(target)
    try:
        mine = copy.activities.get(training.id or 0)
        copy.activities.update(dataclasses.replace(mine, title="Utbildning i steg, ändrad"))
        plan = merge_offline(copy, server)
        assert [x.name for x in plan.updated] == ["Utbildning i steg, ändrad"]
        assert len(plan.deleted) == len(plan.added) == len(days)

        def unowned() -> int:
            with server.file.read() as con:
                (n,) = con.execute(
                    "SELECT count(*) FROM change_row WHERE set_id IS NULL"
                ).fetchone()
            return int(n)

        waiting = unowned()  # the set-up's own writes, not yet collected
        set_id = apply_plan(copy, server, plan)

        merged = server.activities.get(training.id or 0)
        assert merged.title == "Utbildning i steg, ändrad"
        assert merged.steps == days
        with server.file.read() as con:
            (who,) = con.execute("SELECT current_user").fetchone()
            user, label = con.execute(
                'SELECT "user", label FROM change_set WHERE id = ?', (set_id,)
            ).fetchone()
            (owned,) = con.execute(
                "SELECT count(*) FROM change_row WHERE set_id = ?", (set_id,)
            ).fetchone()
        assert (user, label) == (who, MERGE_LABEL)
        assert unowned() == waiting and owned >= 1 + 2 * len(days)
        assert merge_offline(copy, server).empty
    finally:
        copy.close()
