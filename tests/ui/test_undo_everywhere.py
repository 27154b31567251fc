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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.core.people import Person
from app.demo.gavleborg import build_demo
from app.store.database import Store
from app.ui.main_window import TAB_OVERVIEW, MainWindow, tab_index
from tests.store.test_change_log import data_dump
from tests.ui.unchanged_save import Dump, differences
from tests.ui.undo_edits import EDITS, Edit, filling, shown

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
    if edit.verb == "lägg till":
        seq_before, seq_now = dict(before["sqlite_sequence"]), dict(now["sqlite_sequence"])
        if all(seq_now.get(t, 0) in (n, n + 1) for t, n in seq_before.items()):
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

    with filling(monkeypatch, edit.handlers) as accepted:
        edit.make(w)
    assert sorted(accepted) == sorted(edit.handlers)
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

    # A restart: the step is offered again; Ångra, Gör om, Ångra, Gör om.
    w = session.restart()
    assert w.act_undo.text() == text
    w.show_year(edit.year)
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    assert w.act_redo.text() == text.replace("&Ångra", "&Gör om")
    w.act_redo.trigger()
    assert _left(after, data_dump(session.path), edit) == ""
    assert _pending(w) == 0
    assert w.act_undo.text() == text
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    w.act_redo.trigger()
    assert _left(after, data_dump(session.path), edit) == ""

    # After Gör om, a restart offers the step again, and Ångra undoes it.
    w = session.restart()
    assert w.act_undo.text() == text
    w.show_year(edit.year)
    _undo_from_another_tab(w, edit, seen)
    assert _left(before, data_dump(session.path), edit) == ""
    assert _pending(w) == 0
