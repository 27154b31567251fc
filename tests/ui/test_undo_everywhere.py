"""Ångra and Gör om for every edit on every tab, made the way a user makes it.

On a copy of the Gävleborg demo each edit of ``tests/ui/undo_edits.py`` is made through
the UI (its editor opened from its page or menu, one field changed, Spara). Then: the
data changed and Redigera offers "Ångra: <what>"; from another tab, Ångra gives back every
row of the user's data and shows the tab of the edit with what it showed before; Gör om
and Ångra again; nothing is left unrecorded; and after a restart on the same file Ångra
offers the same step and undoes it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from app.core.people import Person
from app.demo.gavleborg import build_demo
from app.store.database import Store
from app.ui.main_window import TAB_OVERVIEW, MainWindow, tab_index
from tests.store.test_change_log import data_dump
from tests.ui.unchanged_save import Dump, differences, page
from tests.ui.undo_edit_list import EDITS
from tests.ui.undo_edits import Edit, filling, shown

PERSON = "Tove Undosson"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo, with one named person (the demo has none) for Personuppgifter."""
    path = tmp_path_factory.mktemp("undo") / "demo.sqlite3"
    build_demo(path)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.forbund_id is not None
        store.people.save(Person(None, insats.forbund_id, PERSON, email="tove@example.se"))
        store.changes.collect()
    finally:
        store.close()
    return path


class Session:
    """A window on a file; ``restart`` closes it and opens the file again."""

    def __init__(self, path: Path, tmp_path: Path, qtbot: Any) -> None:
        self.path = path
        self._ini = str(tmp_path / "settings.ini")
        self._qtbot = qtbot
        self.store: Store | None = None
        self.window = self._open()

    def _open(self) -> MainWindow:
        self.store = Store.open(self.path)
        w = MainWindow(self.store, QSettings(self._ini, QSettings.Format.IniFormat))
        self._qtbot.addWidget(w)
        return w

    def close(self) -> None:
        if self.store is not None:
            self.window.close()
            self.store.close()
            self.store = None

    def restart(self) -> MainWindow:
        self.close()
        self.window = self._open()
        return self.window


@pytest.fixture
def session(demo_file: Path, tmp_path: Path, qtbot: Any) -> Iterator[Session]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    s = Session(path, tmp_path, qtbot)
    yield s
    s.close()


def _pending(w: MainWindow) -> int:
    return w.store.changes.pending()


def _left(before: Dump, now: Dump, edit: Edit) -> str:
    """What differs from ``before``; an id an undone insert took stays taken (the tables
    with AUTOINCREMENT never give an id twice), nothing else may differ."""
    if edit.verb in ("lägg till", "skapa"):
        # One id taken per record added; a series takes one per occurrence.
        most = 1 if edit.verb == "lägg till" else 500
        seq_before, seq_now = dict(before["sqlite_sequence"]), dict(now["sqlite_sequence"])
        if all(n <= seq_now.get(t, 0) <= n + most for t, n in seq_before.items()):
            now = {**now, "sqlite_sequence": before["sqlite_sequence"]}
    return "; ".join(differences(before, now)[:6])


def _undo_from_another_tab(w: MainWindow, edit: Edit, seen: Any) -> None:
    """Ångra from Årsöversikt: the window shows the edit's tab as it was before."""
    w.tabs.setCurrentIndex(TAB_OVERVIEW)
    w.act_undo.trigger()
    assert _pending(w) == 0
    if edit.tab is None:
        assert w.tabs.currentIndex() == TAB_OVERVIEW  # a settings dialog has no tab
        return
    assert w.tabs.currentIndex() == tab_index(edit.tab)
    assert shown(w, edit.tab) == seen


@pytest.mark.parametrize("edit", EDITS, ids=[e.name for e in EDITS])
def test_every_edit_is_undone_redone_and_survives_a_restart(
    session: Session, edit: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = session.window
    w.show_year(edit.year)
    seen = shown(w, edit.tab) if edit.tab is not None else None
    before = data_dump(session.path)
    steps = w.undo_stack.count()  # the person added for this test is a step already
    assert steps == 1

    with filling(monkeypatch, edit.handlers) as accepted:
        edit.make(w)
    assert sorted(accepted) == sorted(edit.handlers)
    assert w.undo_stack.count() == steps + 1  # one step more, none lost
    after = data_dump(session.path)
    assert differences(before, after), f"{edit.name}: ingenting ändrades"
    assert _pending(w) == 0
    text = w.act_undo.text()
    assert text.startswith(f"&Ångra: {edit.prefix}"), text
    if edit.label is not None:
        assert text == f"&Ångra: {edit.label}"
    assert w.act_undo.isEnabled()
    if edit.tab is not None and edit.visible:
        assert shown(w, edit.tab) != seen, "sidan visar inte ändringen"

    # Ångra and Gör om in the window the edit was made in.
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    assert w.act_redo.text() == text.replace("&Ångra", "&Gör om")
    w.act_redo.trigger()
    assert _left(after, data_dump(session.path), edit) == ""
    assert _pending(w) == 0
    assert w.act_undo.text() == text

    # After Gör om, a restart offers the step again: Ångra, Gör om, Ångra.
    w = session.restart()
    assert w.act_undo.text() == text
    w.show_year(edit.year)
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    w.act_redo.trigger()
    assert _left(after, data_dump(session.path), edit) == ""
    assert _pending(w) == 0
    w = session.restart()
    assert w.act_undo.text() == text
    w.show_year(edit.year)
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    assert _pending(w) == 0


RESTARTED = ("ändra placering", "ny samverkansgrupp", "kommuner", "ändra person")


@pytest.mark.parametrize("name", RESTARTED)
def test_right_after_an_edit_a_restart_offers_it(
    session: Session, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit = next(e for e in EDITS if e.name == name)
    w = session.window
    w.show_year(edit.year)
    seen = shown(w, edit.tab) if edit.tab is not None else None
    before = data_dump(session.path)
    with filling(monkeypatch, edit.handlers):
        edit.make(w)
    text = w.act_undo.text()

    w = session.restart()
    assert w.act_undo.text() == text and text.startswith(f"&Ångra: {edit.prefix}")
    w.show_year(edit.year)
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""


def test_ctrl_z_after_a_new_group_undoes_the_group_not_an_older_activity(
    session: Session, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from app.core.changes import GROUPS_TAB

    w = session.window
    w.show()
    qtbot.waitExposed(w)
    edit_activity, new_group = (next(e for e in EDITS if e.name == n) for n in EDIT_THEN_GROUP)
    w.show_year(2017)
    with filling(monkeypatch, {**edit_activity.handlers, **new_group.handlers}):
        edit_activity.make(w)
        groups_before = {g.id for g in w.store.groups.list(1)}
        new_group.make(w)
    assert len(w.store.groups.list(1)) == len(groups_before) + 1
    assert w.tabs.currentIndex() == tab_index(GROUPS_TAB)
    assert w.act_undo.text().startswith("&Ångra: lägg till samverkansgrupp")

    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    grid = page(w, "GroupsPage").grid  # the list the user just saw the group in
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert {g.id for g in w.store.groups.list(1)} == groups_before
    assert w.store.activities.get(5).title == "Ny titel"  # the older edit stays
    assert w.tabs.currentIndex() == tab_index(GROUPS_TAB)
    assert w.act_undo.text() == "&Ångra: ändra aktivitet Ny titel 2017-10-16"
    assert w.act_redo.text().startswith("&Gör om: lägg till samverkansgrupp")


EDIT_THEN_GROUP = ("ändra aktivitet", "ny samverkansgrupp")


def _bytes_of(path: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    )


def test_erasing_a_person_clears_undo_and_leaves_the_name_nowhere(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edited (renamed, new e-mail), then erased in Personuppgifter: neither name is left in
    the file, its -wal or the change log, and Ångra offers nothing, now or after a restart."""
    w = session.window
    placement = next(e for e in EDITS if e.name == "ändra placering")
    with filling(monkeypatch, placement.handlers):
        placement.make(w)
    assert w.act_undo.text() == "&Ångra: ändra placering Hofors 2018"
    renamed = "Tove Raderasdotter"

    def rename(dialog: Any) -> None:
        dialog.name_edit.setText(renamed)
        dialog.email_edit.setText("tove.raderas@example.se")

    def edit_then_erase(dialog: Any) -> None:
        person = dialog.store.people.all(dialog.forbund_id)[0]
        dialog.select_person(person.id)
        dialog.edit_person()
        assert dialog.selected().person.name == renamed
        dialog.erase_person()

    assert PERSON in _change_rows(session.path)  # the log held the name (its adding)
    monkeypatch.setattr("app.ui.privacy_dialog.confirm", lambda *_a, **_k: True)
    with filling(monkeypatch, {"PrivacyDialog": edit_then_erase, "PersonDialog": rename}):
        w.act_privacy.trigger()

    assert w.store.people.all(1) == []
    assert w.undo_stack.count() == 0
    assert not w.act_undo.isEnabled() and w.act_undo.text() == "&Ångra"
    assert _pending(w) == 0
    rows = w.store.changes.changes  # every set's rows, read as the log window reads them
    for s in w.store.changes.sets(limit=1000):
        text = repr(rows(s.id))
        assert PERSON not in text and renamed not in text, s.label
    raw = _change_rows(session.path)
    assert "Unga vuxna" in raw  # the placement's edit is in the log
    assert PERSON not in raw and renamed not in raw
    gone = (PERSON, renamed, "tove.raderas@example.se", "tove@example.se")
    assert [n for n in gone if n.encode() in _bytes_of(session.path)] == []
    w = session.restart()
    assert not w.act_undo.isEnabled()
    assert [n for n in gone if n.encode() in _bytes_of(session.path)] == []


def _change_rows(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return repr(con.execute("SELECT * FROM change_row").fetchall())
    finally:
        con.close()
