"""Ångra and Gör om for every edit on every tab, by the change log.

After each edit the window calls ``record``: the rows the database recorded since the
last edit become one change set, and one command on the undo stack named by it
("Ångra: ändra placering Hofors 2018"). Undo and redo write the set's rows back
(app.store.change_log.revert), so every edit is undone the same way, whatever saved
it, and what is undone is in the log too. The edit itself was saved when it was made:
it survives a restart whether or not it is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from app.core.changes import ChangeSet
from app.core.errors import DomainError
from app.store.database import Store

# How many of the latest edits Ångra reaches after a restart.
RESTORED_AT_MOST = 50


class ChangeCommand(QUndoCommand):
    """One change set on the stack. Pushed after the edit is saved: the first redo
    (QUndoStack.push) does nothing."""

    def __init__(self, history: EditHistory, change_set: ChangeSet) -> None:
        super().__init__(change_set.label)
        self._history = history
        self._label = change_set.label
        self._tab = change_set.tab
        self._applied = change_set.id  # the set whose effect is in the database now
        self._undo: int | None = None  # the set that undid it, while undone
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        undo = self._undo
        if undo is None:
            return
        done = self._history.revert(undo, f"gör om {self._label}", self._tab)
        if done is None:
            self.setObsolete(True)
            return
        self._applied, self._undo = done.id, None

    def undo(self) -> None:
        done = self._history.revert(self._applied, f"ångra {self._label}", self._tab)
        if done is None:
            self.setObsolete(True)
            return
        self._undo = done.id


class EditHistory(QObject):
    """The window's undo stack over the change log."""

    # After an undo or redo: the set written, for the window to show its tab and record.
    reverted = Signal(object)

    def __init__(
        self, store: Store, on_error: Callable[[str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._on_error = on_error
        self.stack = QUndoStack(self)

    def restore(self, limit: int = RESTORED_AT_MOST) -> int:
        """After a restart: the latest edits of the log, back on the stack, so Ångra
        goes on where it was. Stops at an undo, a change that cannot be undone, or a
        change by another computer user; returns how many were put back."""
        from app.store.change_log import computer_user

        user = computer_user()
        latest: list[ChangeSet] = []
        passed: set[int] = set()  # an edit, and its undo, that a later Gör om applied again
        for s in self._store.changes.sets(limit=limit):
            if s.id in passed:
                continue
            if s.undone_by is not None or s.locked or s.user != user:
                break
            if s.undoes is not None:
                edit = self._redone_edit(s, passed)
                if edit is None:
                    break  # an undo: what it undid is for Gör om, which a restart ends
                # Gör om: the edit is in the data again, as the set ``s`` wrote it.
                s = replace(s, label=edit.label, tab=edit.tab)
            latest.append(s)
        for s in reversed(latest):
            self.stack.push(ChangeCommand(self, s))
        return len(latest)

    def _redone_edit(self, s: ChangeSet, passed: set[int]) -> ChangeSet | None:
        """For a Gör om, the edit it made again (after "gör om", "ångra", "gör om" …: the
        first); None for an undo. The sets on the way are added to ``passed``."""
        while s.undoes is not None:
            undo = self._store.changes.get(s.undoes)
            if undo.undoes is None:
                return None
            passed.update((undo.id, undo.undoes))
            s = self._store.changes.get(undo.undoes)
        return s

    def record(self, tab: str | None = None, label: str | None = None) -> ChangeSet | None:
        """Make the rows written since the last edit one step of Ångra; None if the
        edit changed nothing (an unchanged save)."""
        try:
            done = self._store.changes.collect(tab=tab, label=label)
        except DomainError as exc:
            self._on_error(str(exc))
            return None
        if done is not None:
            self.stack.push(ChangeCommand(self, done))
        return done

    def revert(self, set_id: int, label: str, tab: str | None) -> ChangeSet | None:
        try:
            done = self._store.changes.revert(set_id, label, tab)
        except DomainError as exc:
            self._on_error(str(exc))
            self.reverted.emit(None)
            return None
        self.reverted.emit(done)
        return done

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        return undo_redo_actions(self.stack, parent)


def undo_redo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Redigera → "Ångra: lägg till aktivitet" and "Gör om: lägg till aktivitet"; plain
    "Ångra" / "Gör om", disabled, when there is nothing to undo or redo."""
    undo = QAction(parent)
    redo = QAction(parent)

    def label(action: QAction, verb: str, text: str) -> None:
        action.setText(f"{verb}: {text}" if text else verb)

    stack.undoTextChanged.connect(lambda text: label(undo, "&Ångra", text))
    stack.redoTextChanged.connect(lambda text: label(redo, "&Gör om", text))
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    label(undo, "&Ångra", stack.undoText() if stack.canUndo() else "")
    label(redo, "&Gör om", stack.redoText() if stack.canRedo() else "")
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo
