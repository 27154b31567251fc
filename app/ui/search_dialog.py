"""Redigera → Sök i alla år…: search every year's activities by text, type, kommun and
status as you type; Return or a double-click on a hit asks the window to open it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.activity_search import SearchQuery, SearchResult
from app.core.errors import DomainError
from app.core.vocabulary import Scope, Status
from app.store.database import Store
from app.ui.combo_data import refill_names
from app.ui.screen_fit import resize_to_fit
from app.ui.search_highlight import HighlightDelegate
from app.ui.search_model import FOUND, ID_ROLE, TITLE, SearchHitModel

TYPING_PAUSE_MS = 250  # a search starts when the typing has paused this long


class SearchDialog(QDialog):
    """Not modal: it stays open beside the window while hits are opened and edited."""

    # The id of the hit to open (the window shows its year, selects it, edits it).
    open_requested = Signal(int)

    def __init__(
        self,
        store: Store,
        insats_id: Callable[[], int],
        choices: Callable[[], tuple[list[str], list[str]]] = lambda: ([], []),
        parent: QWidget | None = None,
    ) -> None:
        """``choices`` gives the names of the types and the kommuner to choose from (read
        again when the dialog is shown or comes back to the front)."""
        super().__init__(parent)
        self.setObjectName("SearchDialog")
        self.setWindowTitle(self.tr("Sök i alla år"))
        self.store = store
        self._insats_id = insats_id
        self._choices = choices
        self.result = SearchResult()
        self.searched = SearchQuery()  # what self.result is the answer to

        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("searchText")
        self.text_edit.setPlaceholderText(
            self.tr("Sök i titel, plats, typ, kommun, anteckningar, höjdpunkt och beskrivning…")
        )
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.installEventFilter(self)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("searchType")
        self.kommun_combo = QComboBox()
        self.kommun_combo.setObjectName("searchKommun")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("searchStatus")
        self.status_combo.addItem(self.tr("Alla statusar"), "")
        for status in Status:
            self.status_combo.addItem(status.label, status.value)
        hint = QLabel(
            self.tr(
                "Alla år. Flera ord: alla ska finnas med. En fras inom citattecken: "
                "”goda exempel”. Stora och små bokstäver räknas lika, också å, ä och ö."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("searchHint")

        self.model = SearchHitModel(self)
        self.table = QTableView()
        self.table.setObjectName("searchHits")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate((90, 50, 300, 120, 120, 90, 75, 300)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FOUND, QHeaderView.ResizeMode.Stretch)
        self.highlight = HighlightDelegate(self.table)  # the text found in bold
        for column in (TITLE, FOUND):
            self.table.setItemDelegateForColumn(column, self.highlight)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)  # Return on a hit opens it
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("searchSummary")
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Öppna aktiviteten"))
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.open_button, self.close_button):
            button.setAutoDefault(False)  # Return belongs to the field and the table
        self.open_button.clicked.connect(self.open_current)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.text_edit, 1)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.kommun_combo)
        filters.addWidget(self.status_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.text_edit.textChanged.connect(self._timer.start)
        for combo in (self.type_combo, self.kommun_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.search_now)
        self.set_choices(*choices())
        self.search_now()  # nothing searched yet: says what to do
        resize_to_fit(self, 1240, 640)

    # --- choices and query ----------------------------------------------------------------
    def set_choices(self, type_names: Sequence[str], kommun_names: Sequence[str]) -> None:
        """Fill the type and kommun lists, keeping the current choice where it still exists."""
        for combo, all_text, names in (
            (self.type_combo, self.tr("Alla typer"), list(type_names)),
            (
                self.kommun_combo,
                self.tr("Alla kommuner"),
                [*kommun_names, Scope.LANSOVERGRIPANDE.label, Scope.NATIONELLT.label],
            ),
        ):
            refill_names(combo, all_text, names)

    def query(self) -> SearchQuery:
        status = self.status_combo.currentData()
        return SearchQuery(
            text=self.text_edit.text(),
            type_name=self.type_combo.currentData() or "",
            place_label=self.kommun_combo.currentData() or "",
            status=Status(status) if status else None,
        )

    # --- searching ------------------------------------------------------------------------
    def prepare(self) -> None:
        """Read the texts to search in the background (the first search of a session
        would otherwise wait for them)."""
        search, insats_id = self.store.search, self._insats_id()

        def read() -> None:
            try:
                search.prepare(insats_id)
            except Exception:  # noqa: BLE001 - the search itself will say what is wrong
                return

        threading.Thread(target=read, name="search-prepare", daemon=True).start()

    def search_now(self, *_: object) -> None:
        """Search with what the fields say now; the hit selected stays selected."""
        self._timer.stop()
        kept = self.current_id()
        query = self.query()
        try:
            self.result = self.store.search.search(self._insats_id(), query)
            self.searched = query
            self.highlight.terms = query.terms
        except (DomainError, OSError) as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.model.set_rows(self.result.hits)
        if query.is_empty:
            self.summary_label.setText(
                self.tr("Skriv något att söka efter, eller välj en typ, kommun eller status.")
            )
        else:
            self.summary_label.setText(self.result.summary())
        row = self.model.row_of_id(kept) if kept is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.data(rows[0], ID_ROLE)) if rows else None

    # --- opening a hit --------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(int(self.model.data(index, ID_ROLE)))

    def open_current(self) -> None:
        """Open the selected hit, or the first one when none is selected."""
        activity_id = self.current_id()
        if activity_id is None and self.model.rowCount():
            activity_id = int(self.model.data(self.model.index(0, 0), ID_ROLE))
        if activity_id is not None:
            self.open_requested.emit(activity_id)

    def _update_buttons(self, *_: object) -> None:
        self.open_button.setEnabled(self.model.rowCount() > 0)

    # --- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a hit, Return opens it. In the text field, Return searches at once and
        opens the selected hit (or the first); the down arrow goes to the hits."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        returned = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.table and returned:
            self._open_index(self.table.currentIndex())
            return True
        if watched is self.text_edit:
            if returned:
                self.search_now()
                self.open_current()
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if self.current_id() is None:
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def event(self, event: QEvent) -> bool:
        # Back from the window (an edit, Ångra, a kommun renamed): searched again.
        if event.type() == QEvent.Type.WindowActivate:
            self.set_choices(*self._choices())
            if not self.query().is_empty:
                self.search_now()
        return super().event(event)
