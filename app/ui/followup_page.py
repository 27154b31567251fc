"""Follow-up of the year: funded placements, the county's ASF statistics and milestones.

Three sub-tabs, each a table with Ny…, Redigera… and Ta bort, and the contradictions
found in its figures listed under the table. Figures are shown as entered; a
contradiction is marked in red with the expected sum in the tooltip, never corrected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.county_stats import (
    CountyStats,
    check_all_county_stats,
)
from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import DomainError
from app.core.milestones import Milestone, milestones_in_year
from app.core.placements import (
    Placement,
    check_placements,
    huvudman_label,
    placements_in_year,
    placements_table,
    placements_total_text,
)
from app.store.database import Store
from app.ui.county_stats_dialog import CountyStatsDialog
from app.ui.followup_models import (
    ID_ROLE,
    CountyStatsTableModel,
    MilestoneTableModel,
    PlacementTableModel,
)
from app.ui.followup_section import FollowUpSection
from app.ui.form_widgets import ask_yes_no, warn
from app.ui.milestone_dialog import MilestoneDialog
from app.ui.placement_dialog import PlacementDialog

TAB_PLACEMENTS, TAB_COUNTY, TAB_MILESTONES = range(3)
T = TypeVar("T")


# --- the page --------------------------------------------------------------------------


class FollowUpPage(QWidget):
    """Placements, county statistics and milestones for the shown year.

    ``set_context(insats, year)`` loads them; ``changed`` is emitted after every save
    or delete, so the window can refresh its overview.
    """

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.insats: Insats | None = None
        self.year = date.today().year
        self.kommuner: list[Kommun] = []
        self.organisations: list[Organisation] = []
        self.delregioner: list[str] = []

        self.placement_model = PlacementTableModel(self)
        self.county_model = CountyStatsTableModel(self)
        self.milestone_model = MilestoneTableModel(self)
        self.placements = FollowUpSection(self.placement_model, "placements")
        self.county = FollowUpSection(
            self.county_model,
            "county",
            self.tr(
                "Alla år visas sida vid sida, siffrorna som de rapporterats. En total i rött "
                "stämmer inte med sina delar – håll muspekaren över den för att se summan."
            ),
        )
        self.milestones = FollowUpSection(self.milestone_model, "milestones")
        self._set_up_views()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("followUpTabs")
        self.tabs.addTab(self.placements, self.tr("Placeringar"))
        self.tabs.addTab(self.county, self.tr("Länsstatistik"))
        self.tabs.addTab(self.milestones, self.tr("Milstolpar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.placements.new_button.clicked.connect(self.new_placement)
        self.placements.edit_button.clicked.connect(self.edit_placement)
        self.placements.delete_button.clicked.connect(self.delete_placement)
        self.placements.view.doubleClicked.connect(self.edit_placement)
        self.county.new_button.clicked.connect(self.new_county_stats)
        self.county.edit_button.clicked.connect(self.edit_county_stats)
        self.county.delete_button.clicked.connect(self.delete_county_stats)
        self.county.view.doubleClicked.connect(self.edit_county_stats)
        self.milestones.new_button.clicked.connect(self.new_milestone)
        self.milestones.edit_button.clicked.connect(self.edit_milestone)
        self.milestones.delete_button.clicked.connect(self.delete_milestone)
        self.milestones.view.doubleClicked.connect(self.edit_milestone)
        for section in (self.placements, self.county, self.milestones):
            section.view.selectionModel().selectionChanged.connect(self._update_buttons)
            section.view.model().modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _set_up_views(self) -> None:
        header = self.placements.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.placements.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.placements.view.setWordWrap(False)
        self.placements.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        county_header = self.county.view.horizontalHeader()
        county_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        county_header.setStretchLastSection(False)
        county_header.setMinimumSectionSize(64)
        county_header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.county.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        header = self.milestones.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.milestones.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones.view.setWordWrap(True)
        # Wrapped text needs the rows re-measured whenever a column changes width.
        self.milestones.view.horizontalHeader().sectionResized.connect(
            lambda *_: self.milestones.view.resizeRowsToContents()
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.milestones.view.resizeRowsToContents()

    # --- context ------------------------------------------------------------------------
    def set_context(self, insats: Insats, year: int) -> None:
        """Show ``insats``'s placements, statistics and milestones for ``year``."""
        if insats.id is None or insats.forbund_id is None:
            raise DomainError("Insatsen är inte sparad.")
        self.insats, self.year = insats, year
        self.kommuner = self.store.reference.kommuner(insats.forbund_id)
        self.organisations = self.store.reference.organisations(insats.forbund_id)
        self.delregioner = self.store.county_stats.delregioner(insats.forbund_id)
        self.reload()

    def _ids(self) -> tuple[int, int]:
        if self.insats is None or self.insats.id is None or self.insats.forbund_id is None:
            raise DomainError("Ingen insats är vald.")
        return self.insats.id, self.insats.forbund_id

    def kommun_names(self) -> dict[int, str]:
        return {k.id: k.name for k in self.kommuner if k.id is not None}

    def reload(self) -> None:
        """Re-read the three tables from the database."""
        insats_id, forbund_id = self._ids()
        names = self.kommun_names()
        year = self.year

        placements = placements_in_year(self.store.placements.list(insats_id, year), year)
        self.placement_model.set_placements(placements, names)
        self.placements.heading.setText(
            self.tr("Individinriktade insatser (placeringar) {year}").format(year=year)
        )
        if placements:
            table = placements_table(placements, year, names)
            self.placements.summary.setText(placements_total_text(table, year))
        else:
            self.placements.summary.setText(
                self.tr("Inga placeringar registrerade för {year}.").format(year=year)
            )
        self.placements.summary.show()
        self.placements.show_findings(check_placements(placements, names))

        stats = self.store.county_stats.list(forbund_id)
        self.county_model.set_stats(stats, self.delregioner, year)
        self.county.heading.setText(self.tr("ASF i länet (länsstatistik)"))
        self.county.show_findings(check_all_county_stats(stats))
        if not stats:
            self.county.summary.setText(
                self.tr("Ingen länsstatistik registrerad. Lägg till ett år med Ny….")
            )
        self.county.summary.setVisible(not stats)
        column = self.county_model.column_of_year(year)
        if column is not None:
            self.county.view.scrollTo(self.county_model.index(0, column))

        milestones = milestones_in_year(self.store.milestones.list(insats_id, year), year)
        orgs = {o.id: o.name for o in self.organisations if o.id is not None}
        self.milestone_model.set_milestones(milestones, names, orgs)
        self.milestones.view.resizeRowsToContents()
        self.milestones.heading.setText(self.tr("Milstolpar {year}").format(year=year))
        if not milestones:
            self.milestones.summary.setText(
                self.tr("Inga milstolpar registrerade för {year}.").format(year=year)
            )
        self.milestones.summary.setVisible(not milestones)

    def _update_buttons(self, *_: object) -> None:
        for section in (self.placements, self.milestones):
            chosen = section.current_row() is not None
            section.edit_button.setEnabled(chosen)
            section.delete_button.setEnabled(chosen)
        stats = self._chosen_stats()
        self.county.edit_button.setEnabled(stats is not None)
        self.county.delete_button.setEnabled(stats is not None)

    # --- hooks tests replace --------------------------------------------------------------
    def confirm(self, question: str) -> bool:
        return ask_yes_no(self, question)

    def show_error(self, message: str) -> None:
        warn(self, message)

    def _write(self, action: Callable[[], T]) -> T | None:
        """Run a store write; show a DomainError, reload, and tell the window.

        Returns what the store returned, or None when it refused.
        """
        try:
            result = action()
        except DomainError as exc:
            self.show_error(str(exc))
            self.reload()
            return None
        self.reload()
        self.changed.emit()
        return result

    @staticmethod
    def _select_id(
        section: FollowUpSection, model: QAbstractTableModel, row_id: int | None
    ) -> None:
        for row in range(model.rowCount()):
            if model.data(model.index(row, 0), ID_ROLE) == row_id:
                section.select(row)
                return

    # --- placements -----------------------------------------------------------------------
    def _chosen_placement(self) -> Placement | None:
        row = self.placements.current_row()
        return None if row is None else self.placement_model.placement(row)

    def new_placement(self) -> None:
        insats_id, _ = self._ids()
        p = PlacementDialog.ask(self, insats_id, self.kommuner, year=self.year)
        if p is not None:
            saved = self._write(lambda: self.store.placements.save(p))
            if saved is not None:
                self._select_id(self.placements, self.placement_model, saved.id)

    def edit_placement(self, *_: object) -> None:
        before = self._chosen_placement()
        if before is None:
            return
        after = PlacementDialog.ask(self, before.insats_id, self.kommuner, before)
        if after is not None and after != before:
            saved = self._write(lambda: self.store.placements.save(after))
            if saved is not None:
                self._select_id(self.placements, self.placement_model, saved.id)

    def delete_placement(self) -> None:
        p = self._chosen_placement()
        if p is None or p.id is None:
            return
        label = huvudman_label(p, self.kommun_names())
        placement_id = p.id
        if self.confirm(self.tr("Ta bort placeringen för {} {}?").format(label, p.year)):
            self._write(lambda: self.store.placements.delete(placement_id))

    # --- county statistics ----------------------------------------------------------------
    def _chosen_stats(self) -> CountyStats | None:
        """The statistics of the selected column, else those of the shown year."""
        column = self.county.current_column()
        if column is not None and column > 0:
            return self.county_model.stats_of_column(column)
        year_column = self.county_model.column_of_year(self.year)
        return None if year_column is None else self.county_model.stats_of_column(year_column)

    def _taken_years(self) -> set[int]:
        _, forbund_id = self._ids()
        return {s.year for s in self.store.county_stats.list(forbund_id)}

    def new_county_stats(self) -> None:
        _, forbund_id = self._ids()
        taken = self._taken_years()
        year = self.year if self.year not in taken else max(taken) + 1
        stats = CountyStatsDialog.ask(self, forbund_id, self.delregioner, None, year, taken)
        if stats is not None:
            self._write(lambda: self.store.county_stats.save(stats))

    def edit_county_stats(self, *_: object) -> None:
        before = self._chosen_stats()
        if before is None:
            return
        after = CountyStatsDialog.ask(
            self, before.forbund_id, self.delregioner, before, before.year, self._taken_years()
        )
        if after is not None and after != before:
            self._write(lambda: self.store.county_stats.save(after))

    def delete_county_stats(self) -> None:
        stats = self._chosen_stats()
        if stats is None or stats.id is None:
            return
        stats_id = stats.id
        if self.confirm(self.tr("Ta bort länsstatistiken för {}?").format(stats.year)):
            self._write(lambda: self.store.county_stats.delete(stats_id))

    # --- milestones -----------------------------------------------------------------------
    def _chosen_milestone(self) -> Milestone | None:
        row = self.milestones.current_row()
        return None if row is None else self.milestone_model.milestone(row)

    def _default_date(self) -> date:
        today = date.today()
        return today if today.year == self.year else date(self.year, 1, 1)

    def new_milestone(self) -> None:
        insats_id, _ = self._ids()
        m = MilestoneDialog.ask(
            self, insats_id, self.kommuner, self.organisations, None, self._default_date()
        )
        if m is not None:
            self._write(lambda: self.store.milestones.save(m))

    def edit_milestone(self, *_: object) -> None:
        before = self._chosen_milestone()
        if before is None:
            return
        after = MilestoneDialog.ask(
            self, before.insats_id, self.kommuner, self.organisations, before
        )
        if after is not None and after != before:
            self._write(lambda: self.store.milestones.save(after))

    def delete_milestone(self) -> None:
        m = self._chosen_milestone()
        if m is None or m.id is None:
            return
        milestone_id = m.id
        if self.confirm(self.tr("Ta bort milstolpen ”{}”?").format(m.text[:60])):
            self._write(lambda: self.store.milestones.delete(milestone_id))
