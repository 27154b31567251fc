"""Undoable edits of activities. Each command writes through the store at once,
so every edit is saved the moment it is made and survives a restart.

A command's text is what it does in lower case ("lägg till aktivitet"); the Redigera
menu puts it after "Ångra:" / "Gör om:" (``undo_redo_actions``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from app.core.entities import Activity
from app.core.errors import DomainError
from app.core.wording import thousands
from app.store.database import Store

# Called after every change with the id of the activity to select (or None).
OnChange = Callable[[int | None], None]
OnError = Callable[[str], None]


class _StoreCommand(QUndoCommand):
    def __init__(self, store: Store, on_change: OnChange, on_error: OnError, text: str) -> None:
        super().__init__(text)
        self._store = store
        self._on_change = on_change
        self._on_error = on_error

    def _run(self, action: Callable[[], int | None]) -> None:
        try:
            selected = action()
        except DomainError as exc:
            # The database no longer allows this step (e.g. its kommun was removed).
            self.setObsolete(True)
            self._on_error(str(exc))
            self._on_change(None)
            return
        self._on_change(selected)


class AddActivity(_StoreCommand):
    """Add a new activity (also used for Duplicera)."""

    def __init__(
        self,
        store: Store,
        activity: Activity,
        on_change: OnChange,
        on_error: OnError,
        text: str = "lägg till aktivitet",
    ) -> None:
        super().__init__(store, on_change, on_error, text)
        self._activity = activity
        self.saved: Activity | None = None

    def redo(self) -> None:
        def do() -> int | None:
            # The first time the database picks the id; a redo puts back that same id.
            self.saved = self._store.activities.add(self.saved or self._activity)
            return self.saved.id

        self._run(do)

    def undo(self) -> None:
        saved = self.saved
        if saved is None or saved.id is None:
            return
        activity_id = saved.id

        def do() -> int | None:
            self._store.activities.delete(activity_id)
            return None

        self._run(do)


class EditActivity(_StoreCommand):
    def __init__(
        self,
        store: Store,
        before: Activity,
        after: Activity,
        on_change: OnChange,
        on_error: OnError,
    ) -> None:
        super().__init__(store, on_change, on_error, "redigera aktivitet")
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._run(lambda: self._store.activities.update(self._after).id)

    def undo(self) -> None:
        self._run(lambda: self._store.activities.update(self._before).id)


class DeleteActivities(_StoreCommand):
    def __init__(
        self, store: Store, activity_ids: Sequence[int], on_change: OnChange, on_error: OnError
    ) -> None:
        n = len(activity_ids)
        text = "ta bort aktivitet" if n == 1 else f"ta bort {thousands(n)} aktiviteter"
        super().__init__(store, on_change, on_error, text)
        self._ids = list(activity_ids)
        self._deleted: list[Activity] = []

    def redo(self) -> None:
        def do() -> int | None:
            self._deleted = self._store.activities.delete_many(self._ids)
            return None

        self._run(do)

    def undo(self) -> None:
        def do() -> int | None:
            restored = self._store.activities.restore_many(self._deleted)
            return restored[0].id if restored else None

        self._run(do)


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
