"""Arkiv → Importera: choose a spreadsheet or calendar, look at what will happen, import.

The file is read off the UI thread; the preview shows the column mapping (which the user
may change: the rows are read again), then the groups of the report under the headings
the command line prints (app.importers.report_groups): the new activities, those that
would change a stored one (ändrade, updated only when asked), those already there, every
row that cannot be read with its reason, what was skipped and the warnings. Importera
stores everything in one transaction in the background (Avbryt: nothing changes).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.progress import Progress
from app.importers import (
    FILE_FILTER,
    Field,
    ImportContext,
    ImportReport,
    Source,
    SourceKind,
)
from app.importers.report_groups import (
    Group,
    ReportGroup,
    report_groups,
)
from app.importers.table import n_of
from app.operations.imports import (
    ImportOutcome,
    LoadedImport,
    commit_import,
    reread,
)
from app.store.database import Store
from app.ui.background import run_in_background
from app.ui.file_dialogs import open_file_name
from app.ui.form_widgets import ErrorLabel, run_modal
from app.ui.import_models import (
    ChoiceDelegate,
    MappingModel,
    RowsModel,
    TextRowsModel,
    field_choices,
    type_choices,
)
from app.ui.import_opening import TITLE, failure_message, load, show_error
from app.ui.import_pages import (
    changed_rows,
    duplicate_rows,
    fit,
    page,
    rejected_rows,
    summary_text,
    table,
)
from app.ui.screen_fit import resize_to_fit


class ImportDialog(QDialog):
    """The preview of an import. Built from a file already read; imports on Importera."""

    def __init__(
        self,
        store: Store,
        insats: Insats,
        source: Source,
        context: ImportContext,
        report: ImportReport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._store = store
        self._insats = insats
        self._source = source
        self._context = context
        self.report = report
        self._type_overrides: dict[int, int] = {}
        self.imported_ids: list[int] = []
        self.updated_ids: list[int] = []
        self._group_tabs: dict[Group, int] = {}
        is_calendar = report.kind is SourceKind.ICS
        where = "Händelse" if is_calendar else "Rad"

        layout = QVBoxLayout(self)
        self.source_label = QLabel(self)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.source_label.font()
        font.setBold(True)
        self.source_label.setFont(font)
        layout.addWidget(self.source_label)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.problems = ErrorLabel(self)
        layout.addWidget(self.problems)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        # Kolumner
        self.mapping_model = MappingModel(report.mapping, self)
        self.mapping_view = table(self.mapping_model, self)
        self.mapping_view.setItemDelegateForColumn(
            MappingModel.FIELD_COLUMN, ChoiceDelegate(field_choices, self.mapping_view)
        )
        self.mapping_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.mapping_model.field_changed.connect(self._mapping_changed)
        mapping_page = page(
            self,
            "Så här har Insatslogg tolkat kolumnerna. Stämmer något inte, dubbelklicka i "
            "kolumnen Fält och välj rätt; raderna läses då om. Kolumner som Insatslogg inte "
            "känner igen sparas i anteckningarna som ”Kolumn: värde”.",
            self.mapping_view,
        )
        self.mapping_tab = self.tabs.addTab(mapping_page, "Kolumner")

        # Aktiviteter
        self.rows_model = RowsModel(context, self, first_header=where)
        self.rows_view = table(self.rows_model, self)
        self.rows_view.setItemDelegateForColumn(
            RowsModel.TYPE_COLUMN,
            ChoiceDelegate(lambda: type_choices(self._context.types), self.rows_view),
        )
        self.rows_model.type_changed.connect(self._type_changed)
        self.rows_model.inclusion_changed.connect(self._show_counts)
        rows_page = QWidget(self)
        rows_layout = QVBoxLayout(rows_page)
        self.rows_hint = QLabel(rows_page)
        self.rows_hint.setWordWrap(True)
        rows_layout.addWidget(self.rows_hint)
        rows_layout.addWidget(self.rows_view)
        choice = QHBoxLayout()
        self.all_button = QPushButton("Ta med alla", rows_page)
        self.none_button = QPushButton("Ta med inga", rows_page)
        self.all_button.clicked.connect(lambda: self.rows_model.include_all(True))
        self.none_button.clicked.connect(lambda: self.rows_model.include_all(False))
        choice.addWidget(self.all_button)
        choice.addWidget(self.none_button)
        choice.addStretch(1)
        rows_layout.addLayout(choice)
        self.include_cancelled = QCheckBox("Ta med inställda händelser (som inställda)", rows_page)
        self.include_cancelled.setChecked(True)
        self.include_cancelled.setVisible(is_calendar)
        self.include_cancelled.toggled.connect(lambda _on: self.reparse())
        rows_layout.addWidget(self.include_cancelled)
        self.rows_tab = self.tabs.addTab(rows_page, Group.NEW.value)
        self._group_tabs[Group.NEW] = self.rows_tab

        # Ändrade
        self.changed_model = TextRowsModel(
            (where, "Datum", "Titel/tema", "Fält", "Nu", "Efter uppdatering"), parent=self
        )
        self.changed_view = table(self.changed_model, self)
        self.update_changed = QCheckBox("Uppdatera ändrade aktiviteter", self)
        self.update_changed.setChecked(False)
        self.update_changed.toggled.connect(lambda _on: self._show_counts())
        changed_page = page(
            self,
            "Raderna finns redan i insatsen (samma datum, titel och kommun) men filen säger "
            "något annat om dem. Bara det som filen har kolumner för jämförs och uppdateras; "
            "de uppdateras bara om du bockar i rutan.",
            self.update_changed,
            self.changed_view,
        )
        self._group_tabs[Group.CHANGED] = self.tabs.addTab(changed_page, Group.CHANGED.value)

        # Finns redan
        self.duplicates_model = TextRowsModel(
            (where, "Datum", "Titel/tema", "Kommun", "Varför"), parent=self
        )
        self.duplicates_view = table(self.duplicates_model, self)
        self.skip_duplicates = QCheckBox("Hoppa över raderna som redan finns", self)
        self.skip_duplicates.setChecked(True)
        self.skip_duplicates.toggled.connect(lambda _on: self._show_rows())
        duplicates_page = page(
            self,
            "Raderna har samma datum, titel och kommun som en aktivitet som redan finns "
            "i insatsen, och inget av det som filen säger om dem skiljer sig – eller så "
            "upprepar de en tidigare rad i filen.",
            self.skip_duplicates,
            self.duplicates_view,
        )
        self.duplicates_tab = self.tabs.addTab(duplicates_page, Group.EXISTING.value)
        self._group_tabs[Group.EXISTING] = self.duplicates_tab

        # Kan inte läsas
        self.rejected_model = TextRowsModel(
            (where, "Varför den inte kan läsas", "Raden i filen"), parent=self
        )
        self.rejected_view = table(self.rejected_model, self)
        self.rejected_tab = self.tabs.addTab(self.rejected_view, Group.REJECTED.value)
        self._group_tabs[Group.REJECTED] = self.rejected_tab

        # Överhoppade
        self.skipped_model = TextRowsModel(("Överhoppat",), parent=self)
        self.skipped_view = table(self.skipped_model, self)
        self._group_tabs[Group.SKIPPED] = self.tabs.addTab(self.skipped_view, Group.SKIPPED.value)

        # Varningar
        self.warnings_model = TextRowsModel(("Varning",), parent=self)
        self.warnings_view = table(self.warnings_model, self)
        self.warnings_tab = self.tabs.addTab(self.warnings_view, Group.WARNINGS.value)
        self._group_tabs[Group.WARNINGS] = self.warnings_tab

        self.status = ErrorLabel(self)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("Importera", self)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "Avbryt", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.tabs.setTabVisible(self.mapping_tab, report.mapping is not None)
        self.rows_hint.setText(
            "Bocka ur de händelser som inte är aktiviteter. Typen är gissad från titeln "
            "(kursiv): dubbelklicka på en typ för att ändra den."
            if is_calendar
            else "Så här blir raderna i Insatslogg; bocka ur en rad för att lämna den utanför. "
            "En kursiv typ är gissad från titeln: dubbelklicka på den för att ändra."
        )
        self._show_report()
        self.tabs.setCurrentIndex(self.rows_tab if is_calendar else self.mapping_tab)
        resize_to_fit(self, 1040, 680)

    # --- what the user sees ---------------------------------------------------------------
    def _show_report(self) -> None:
        report = self.report
        self.source_label.setText(f"{report.source_name} ({report.kind.label})")
        self.problems.show_problems(report.mapping.problems() if report.mapping else [])
        self.rejected_model.set_rows(rejected_rows(report))
        self.duplicates_model.set_rows(duplicate_rows(report, self._context))
        self.changed_model.set_rows(changed_rows(report))
        self.skipped_model.set_rows([(s,) for s in report.skipped])
        self.warnings_model.set_rows([(w,) for w in report.warnings])
        self._show_rows()
        for view in (self.mapping_view, self.duplicates_view, self.changed_view):
            fit(view)
        fit(self.rejected_view, widest=560)

    def _show_rows(self) -> None:
        report = self.report
        rows = report.to_import(self.include_duplicates)
        duplicate_rows = {d.accepted.row for d in report.duplicates}
        self.rows_model.show(self._context, rows, duplicate_rows)
        fit(self.rows_view)
        self._show_counts()

    def groups(self) -> list[tuple[str, int]]:
        """The report's (heading, count) as the tabs show them (the command line's too)."""
        return [(g.heading, g.count) for g in self._groups()]

    def _groups(self) -> list[ReportGroup]:
        return report_groups(self.report, self.include_duplicates, self.update_changed_on)

    def _show_counts(self) -> None:
        report = self.report
        for g in self._groups():
            self.tabs.setTabText(self._group_tabs[g.group], g.heading)
        shown = self.rows_model.rowCount()
        n = len(self.rows_model.included())
        updates = len(report.to_update(self.update_changed_on))
        self.summary_label.setText(
            summary_text(report, n, shown, self.include_duplicates, self.update_changed_on)
        )
        if n and updates:
            text = f"Importera {n} och uppdatera {updates}"
        elif updates:
            text = f"Uppdatera {updates}"
        else:
            text = f"Importera {n}" if n else "Importera"
        self.import_button.setText(text)
        self.import_button.setEnabled(bool(n or updates))

    @property
    def update_changed_on(self) -> bool:
        return self.update_changed.isChecked()

    @property
    def include_duplicates(self) -> bool:
        return not self.skip_duplicates.isChecked()

    # --- changes --------------------------------------------------------------------------
    def _mapping_changed(self, _index: int, _field: str) -> None:
        # Not from inside the model's setData: reading again resets the model.
        QTimer.singleShot(0, self.reparse)

    def _type_changed(self, row: int, type_id: int) -> None:
        self._type_overrides[row] = type_id
        self.report.set_type(row, type_id)

    def reparse(self) -> None:
        """Read the rows again with the mapping and options as they stand now."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = reread(
                LoadedImport(self._source, self._context, self.report),
                self.report.mapping,
                include_cancelled=self.include_cancelled.isChecked(),
            ).report
        except DomainError as exc:
            self.problems.show_problems([str(exc)])
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for row, type_id in self._type_overrides.items():
            with contextlib.suppress(KeyError):  # the row is no longer there
                report.set_type(row, type_id)
        self.report = report
        self.mapping_model.set_mapping(report.mapping)
        self.status.clear_problems()
        self._show_report()

    def mapping_field(self, header: str) -> Field:
        """The field the column named ``header`` is mapped to (for tests and scripts)."""
        assert self.report.mapping is not None
        return next(c.field for c in self.report.mapping.columns if c.header == header)

    # --- importing ------------------------------------------------------------------------
    def start_import(self) -> None:
        activities = [r.activity for r in self.rows_model.included()]
        updates = self.report.to_update(self.update_changed_on)
        if not activities and not updates:
            return
        self.status.clear_problems()

        def job(progress: Progress) -> ImportOutcome:
            return commit_import(self._store, activities, updates, progress)

        what = n_of(len(activities) + len(updates), "aktivitet", "aktiviteter")
        outcome = run_in_background(self, TITLE, f"Importerar {what}…", job)
        if outcome.cancelled:
            self.status.show_problems(["Importen avbröts. Ingenting har importerats."])
            return
        if outcome.error is not None:
            self.status.show_problems(
                [failure_message(outcome.error), "Ingenting har importerats."]
            )
            return
        done = outcome.result or ImportOutcome()
        self.imported_ids = done.imported_ids
        self.updated_ids = done.updated_ids
        self.accept()

    # --- opening ----------------------------------------------------------------------------
    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        return open_file_name(parent, TITLE, FILE_FILTER)

    @classmethod
    def show_error(cls, parent: QWidget | None, text: str) -> None:
        show_error(parent, text)

    @classmethod
    def load(
        cls, parent: QWidget | None, store: Store, insats: Insats, path: Path
    ) -> LoadedImport | None:
        """Read ``path`` in the background; None (after telling the user why) when it fails."""
        return load(parent, store, insats, path, cls.show_error)

    @classmethod
    def run(cls, parent: QWidget | None, store: Store, insats: Insats) -> bool:
        """Arkiv → Importera. True when activities were imported or updated."""
        path = cls.choose_file(parent)
        if path is None:
            return False
        loaded = cls.load(parent, store, insats, path)
        if loaded is None:
            return False
        dialog = cls(store, insats, *loaded, parent=parent)
        return run_modal(dialog) and bool(dialog.imported_ids or dialog.updated_ids)
