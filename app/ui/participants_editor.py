"""Naming who came to an activity: search the förbund's persons as you type, or add one.

Named participants are optional. The activity's counts are entered as always; the names
never change them (there can only not be more names than the total).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Organisation
from app.core.people import Person
from app.ui.person_dialog import PersonDialog
from app.ui.row_table_model import RowTableModel

if TYPE_CHECKING:
    from app.store.database import Store

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CONTEXT = "ParticipantsEditor"
SEARCH_LIMIT = 20
ID_ROLE = Qt.ItemDataRole.UserRole


class PeopleSearch(Protocol):
    """What the editor needs of the store: the förbund's persons, found and saved."""

    @property
    def forbund_id(self) -> int: ...

    def search(self, text: str) -> list[Person]: ...

    def get_many(self, ids: Sequence[int]) -> list[Person]: ...

    def save(self, person: Person) -> Person: ...


class StorePeople:
    """PeopleSearch on the store, for one förbund."""

    def __init__(self, store: Store, forbund_id: int) -> None:
        self._store = store
        self._forbund_id = forbund_id

    @property
    def forbund_id(self) -> int:
        return self._forbund_id

    def search(self, text: str) -> list[Person]:
        return self._store.people.search(self._forbund_id, text, SEARCH_LIMIT)

    def get_many(self, ids: Sequence[int]) -> list[Person]:
        return self._store.people.get_many(ids)

    def save(self, person: Person) -> Person:
        return self._store.people.save(person)


class PeopleModel(RowTableModel[Person]):
    """Persons with their organisation and e-mail, read-only."""

    NAME, ORGANISATION, EMAIL = range(3)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Namn")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Organisation")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "E-post")),
    )
    CONTEXT = _CONTEXT

    def __init__(
        self, organisations: Iterable[Organisation] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._org_names = {o.id: o.name for o in organisations if o.id is not None}

    def people(self) -> list[Person]:
        return self.rows()

    def person(self, row: int) -> Person:
        return self.row_at(row)

    def set_people(self, people: Iterable[Person]) -> None:
        self.set_rows(people)

    def append(self, person: Person) -> None:
        at = len(self._rows)
        self.beginInsertRows(_ROOT, at, at)
        self._rows.append(person)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(_ROOT, row, row)
        del self._rows[row]
        self.endRemoveRows()

    def organisation_name(self, person: Person) -> str:
        if person.organisation_id is None:
            return ""
        return self._org_names.get(person.organisation_id, "")

    def cell(self, person: Person, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return person.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.NAME:
            return person.name
        if column == self.ORGANISATION:
            return self.organisation_name(person)
        return person.email


class MatchModel(PeopleModel):
    """The persons found while typing, one line each: name, organisation, e-mail."""

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 1

    def cell(self, person: Person, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return person.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            details = [d for d in (self.organisation_name(person), person.email) if d]
            return person.name + (f"  –  {', '.join(details)}" if details else "")
        if role == Qt.ItemDataRole.EditRole:
            return person.name
        return None


def _people_view(model: PeopleModel, rows: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(header.sizeHint().height() + rows * row_height + 2 * view.frameWidth())
    return view


class ParticipantsEditor(QWidget):
    """A search field whose matches pop up as you type, the chosen persons, "Ny person…"."""

    changed = Signal()

    def __init__(
        self,
        people: PeopleSearch,
        organisations: Sequence[Organisation] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._anonymous: tuple[int, ...] = ()
        self._people = people
        self._organisations = tuple(organisations)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("participantSearch")
        self.search_edit.setPlaceholderText(self.tr("Sök på namn eller e-post och välj i listan…"))
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("Ny person…"))
        self.new_button.setAutoDefault(False)
        self.new_button.setToolTip(self.tr("Registrera någon som inte finns i listan"))

        # The matches pop up under the search field. The completer is not installed on the
        # line edit (that would filter again and overwrite the text): it only shows them.
        self.matches = MatchModel(self._organisations, self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(8)
        self.completer.setWidget(self.search_edit)
        # The overload with the index (the plain signal gives only the text).
        self.completer.activated[QModelIndex].connect(self._add_match)  # type: ignore[index]
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        self.chosen = PeopleModel(self._organisations, self)
        self.chosen_view = _people_view(self.chosen, 3)
        self.chosen_view.setObjectName("participants")
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.new_button)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_view, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        chosen_row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.no_match)
        layout.addLayout(chosen_row)

        self.search_edit.textEdited.connect(self._search)
        self.search_edit.textChanged.connect(self._hide_no_match_when_empty)
        self.search_edit.installEventFilter(self)
        self.chosen_view.installEventFilter(self)
        self.new_button.clicked.connect(self.new_person)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen_view.selectionModel().selectionChanged.connect(self._update_buttons)

    # --- the activity's participants -----------------------------------------------------
    def set_participants(self, ids: Sequence[int]) -> None:
        """Show these persons as chosen.

        Persons whose names were erased are not shown, but stay linked: they still
        count as unique individuals.
        """
        shown = self._people.get_many(list(ids)) if ids else []
        shown_ids = {p.id for p in shown}
        self._anonymous = tuple(i for i in ids if i not in shown_ids)
        self.chosen.set_people(shown)
        self._update_buttons()
        self.changed.emit()

    def participant_ids(self) -> tuple[int, ...]:
        """Every participant's id: the named ones shown, then the anonymised ones."""
        named = tuple(p.id for p in self.chosen.people() if p.id is not None)
        return named + self._anonymous

    def add_person(self, person: Person) -> None:
        """Add a stored person to the chosen ones (once)."""
        if person.id is None or person.id in self.participant_ids():
            return
        self.chosen.append(person)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.chosen_view.selectionModel().selectedRows()})
        for row in reversed(rows):
            self.chosen.remove(row)
        if rows:
            self._update_buttons()
            self.changed.emit()

    def new_person(self) -> None:
        """Register someone who is not in the list yet; the text searched for is the name."""
        typed = " ".join(self.search_edit.text().split())
        template = Person(None, self._people.forbund_id, typed)
        person = PersonDialog.ask_with(self, template, self._organisations, self._people.save)
        if person is not None:
            self.add_person(person)
            self.search_edit.clear()
        self.search_edit.setFocus()

    # --- searching ----------------------------------------------------------------------
    def _search(self, text: str) -> None:
        """Show the persons matching what has been typed (those already chosen left out)."""
        chosen = set(self.participant_ids())
        searching = bool(text.strip())
        found = [p for p in self._people.search(text) if p.id not in chosen] if searching else []
        self.matches.set_people(found)
        self.no_match.setText(
            self.tr("Ingen träff på ”{}”. Registrera personen med ”Ny person…”.").format(
                text.strip()
            )
        )
        self.no_match.setVisible(searching and not found)
        popup = self.completer.popup()
        assert popup is not None  # a completer always has one
        if found:
            self.completer.complete()
            popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        else:
            popup.hide()

    def _hide_no_match_when_empty(self, text: str) -> None:
        if not text.strip():
            self.no_match.hide()

    def _add_match(self, index: QModelIndex) -> None:
        person_id = index.data(ID_ROLE)
        match = next((p for p in self.matches.people() if p.id == person_id), None)
        if match is None:
            return
        self.add_person(match)
        self.matches.set_people([])
        self.search_edit.clear()
        self.search_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search field picks the first match instead of saving the dialog;
        Delete removes the chosen persons selected."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.search_edit and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.search_edit.text().strip():
                return super().eventFilter(watched, event)
            if self.matches.rowCount():
                self._add_match(self.matches.index(0, 0))
            return True
        if watched is self.chosen_view and (
            event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def _update_buttons(self, *_: object) -> None:
        self.remove_button.setEnabled(self.chosen_view.selectionModel().hasSelection())


class ParticipantsSection(QWidget):
    """ "Namngivna deltagare (valfritt)": a header that opens and closes the editor."""

    def __init__(self, editor: ParticipantsEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.toggle = QToolButton()
        self.toggle.setObjectName("participantsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("QToolButton { font-weight: bold; border: none; }")
        self.hint = QLabel(self.tr("Antalen ovan räknas som vanligt; namnen ändrar dem inte."))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.hint)
        layout.addWidget(editor)
        self.toggle.toggled.connect(self.set_open)
        # Opened by the user: go straight to the search field.
        self.toggle.clicked.connect(self._clicked)
        editor.changed.connect(self._update_title)
        self.set_open(False)

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, open_: bool) -> None:
        if self.toggle.isChecked() != open_:
            self.toggle.setChecked(open_)  # comes back here through toggled
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.hint.setVisible(open_)
        self.editor.setVisible(open_)
        self._update_title()

    def _clicked(self, open_: bool) -> None:
        if open_:
            self.editor.search_edit.setFocus()

    def _update_title(self) -> None:
        n = len(self.editor.participant_ids())
        title = self.tr("Namngivna deltagare (valfritt)")
        if n:
            title += self.tr(": {n} namn").format(n=n)
        self.toggle.setText(title)
        if n and not self.toggle.isChecked():
            self.set_open(True)
