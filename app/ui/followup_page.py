"""Follow-up of the year: funded placements, the county's ASF statistics and milestones.

Three sub-tabs, each a table with Ny…, Redigera… and Ta bort, and the contradictions
found in its figures listed under the table. Figures are shown as entered; a
contradiction is marked in red with the expected sum in the tooltip, never corrected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.county_stats import (
    ROW_COMPANIES,
    ROW_EMPLOYEES,
    ROW_PLACED,
    CountyStats,
    check_all_county_stats,
    measure_rows,
    total_checks,
)
from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import DomainError
from app.core.findings import Finding
from app.core.milestones import Milestone, milestones_in_year
from app.core.placements import (
    COL_GENDER_UNKNOWN,
    WHAT_GENDER,
    WHAT_OUTCOMES,
    WHAT_OVER_GRANTED,
    WHAT_UNIQUE,
    Placement,
    check_placement,
    check_placements,
    huvudman_label,
    placements_in_year,
    placements_table,
    placements_total_text,
)
from app.core.vocabulary import Outcome
from app.store.database import Store
from app.ui.county_stats_dialog import CountyStatsDialog
from app.ui.form_widgets import ask_yes_no, warn
from app.ui.formatting import fmt_date, fmt_int
from app.ui.milestone_dialog import MilestoneDialog
from app.ui.placement_dialog import PlacementDialog
from app.ui.row_table_model import RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
BREACH_BACKGROUND = QColor("#fde7e9")
BREACH_FOREGROUND = QColor("#b3261e")
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TAB_PLACEMENTS, TAB_COUNTY, TAB_MILESTONES = range(3)
T = TypeVar("T")
R = TypeVar("R")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _breach_role(role: int, tip: str) -> Any:
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(BREACH_BACKGROUND)
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(BREACH_FOREGROUND)
    if role == TOOLTIP:
        return tip
    return None


class _ReadOnlyTable(RowTableModel[R]):
    """The page's tables: column headers as they are (not translated), no row numbers."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == DISPLAY
            and 0 <= section < len(self._headers)
        ):
            return self.header(section)
        return None


# --- placements ------------------------------------------------------------------------

_BREACH_COLUMNS = {
    WHAT_OVER_GRANTED: ("used",),
    WHAT_GENDER: ("women", "men"),
    WHAT_OUTCOMES: ("outcomes",),
    WHAT_UNIQUE: ("unique",),
}


PlacementRow = tuple[Placement, str, dict[str, Finding]]  # the placement, huvudman, breaches


def outcome_summary(p: Placement) -> str:
    """'1 arbete, 5 åter i offentlig försörjning' (empty when no outcome is given)."""
    return ", ".join(f"{p.outcome(o)} {o.label.lower()}" for o in Outcome if p.outcome(o))


class PlacementTableModel(_ReadOnlyTable[PlacementRow]):
    FIELDS = (
        "huvudman",
        "target",
        "granted",
        "used",
        "women",
        "men",
        "gender_unknown",
        "unique",
        "length",
        "outcomes",
    )
    HEADERS = (
        "Huvudman",
        "Målgrupp",
        "Beviljade",
        "Nyttjade",
        "Kvinnor",
        "Män",
        COL_GENDER_UNKNOWN,
        "Unika individer",
        "Längd (mån)",
        "Utfall",
    )

    def set_placements(self, placements: Sequence[Placement], names: dict[int, str]) -> None:
        rows: list[PlacementRow] = []
        for p in placements:
            label = huvudman_label(p, names)
            breaches = {
                field: f
                for f in check_placement(p, label)
                for field in _BREACH_COLUMNS.get(f.what, ())
            }
            rows.append((p, label, breaches))
        self.set_rows(rows)

    def placement(self, row: int) -> Placement:
        return self.row_at(row)[0]

    def cell(self, item: PlacementRow, column: int, role: int) -> Any:
        p, label, breaches = item
        field = self.FIELDS[column]
        if role == ID_ROLE:
            return p.id
        if field in breaches:
            f = breaches[field]
            styled = _breach_role(role, f"{f.what}: väntat {f.expected}, angivet {f.found}.")
            if styled is not None:
                return styled
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 8:
            return RIGHT
        if role == TOOLTIP and field in ("target", "outcomes"):
            return self._text(p, label, field) or None
        if role == DISPLAY:
            return self._text(p, label, field)
        return None

    @staticmethod
    def _text(p: Placement, label: str, field: str) -> str:
        numbers = {
            "granted": p.granted,
            "used": p.used,
            "women": p.women,
            "men": p.men,
            "gender_unknown": p.gender_unknown,
            "unique": p.unique_individuals,
        }
        if field == "unique" and p.unique_individuals == 0 and p.used > 0:
            return "–"  # not reported
        if field in numbers:
            return fmt_int(numbers[field])
        if field == "huvudman":
            return label
        if field == "target":
            return p.target_group
        if field == "length":
            return "–" if p.length_months is None else fmt_int(p.length_months)
        if p.outcomes_total == 0 and p.used > 0:
            return "(inget utfall angivet)"
        return outcome_summary(p)


# --- county statistics -----------------------------------------------------------------

_TOTAL_ROWS = (ROW_COMPANIES, ROW_EMPLOYEES, ROW_PLACED)
MeasureRow = tuple[str, list[int | None]]  # a measure and its value in each year


class CountyStatsTableModel(_ReadOnlyTable[MeasureRow]):
    """The measures (rows) for every year with statistics (columns), side by side.

    A total that differs from its reported parts is red, with the sum of the parts in
    its tooltip. The column of the year shown elsewhere in the window is bold.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stats: list[CountyStats] = []
        self._breaches: dict[tuple[str, int], str] = {}
        self._year: int | None = None

    def set_stats(
        self, stats: Sequence[CountyStats], delregioner: Sequence[str], year: int | None
    ) -> None:
        self.beginResetModel()
        self._stats = sorted(stats, key=lambda s: s.year)
        self._year = year
        self._headers = ("", *(str(s.year) for s in self._stats))
        self._rows = measure_rows(self._stats, delregioner)
        self._breaches = {}
        for col, s in enumerate(self._stats, start=1):
            for check in total_checks(s):
                if check.contradicts:
                    self._breaches[(check.total_row, col)] = (
                        f"Summan av delarna är {check.expected}; rapporterat {check.total}."
                    )
        self.endResetModel()

    def stats_of_column(self, column: int) -> CountyStats | None:
        return self._stats[column - 1] if 1 <= column <= len(self._stats) else None

    def column_of_year(self, year: int) -> int | None:
        for col, s in enumerate(self._stats, start=1):
            if s.year == year:
                return col
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.FontRole
            and self._year is not None
            and section == self.column_of_year(self._year)
        ):
            return _bold()
        return super().headerData(section, orientation, role)

    def cell(self, item: MeasureRow, col: int, role: int) -> Any:
        label, values = item
        if role == ID_ROLE:
            stats = self.stats_of_column(col)
            return None if stats is None else stats.id
        if role == Qt.ItemDataRole.FontRole and label in _TOTAL_ROWS:
            return _bold()
        if col == 0:
            return label if role == DISPLAY else None
        breach = self._breaches.get((label, col))
        if breach is not None:
            styled = _breach_role(role, breach)
            if styled is not None:
                return styled
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        value = values[col - 1]
        if role == DISPLAY:
            return "–" if value is None else fmt_int(value)
        if role == TOOLTIP and value is None:
            return "Ej rapporterat"
        return None


# --- milestones ------------------------------------------------------------------------


class MilestoneTableModel(_ReadOnlyTable[Milestone]):
    HEADERS = ("Datum", "Typ", "Kommun", "Organisation", "Beskrivning", "Länk eller fil")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kommuner: dict[int, str] = {}
        self._orgs: dict[int, str] = {}

    def set_milestones(
        self, milestones: Sequence[Milestone], kommuner: dict[int, str], orgs: dict[int, str]
    ) -> None:
        self._kommuner, self._orgs = kommuner, orgs
        self.set_rows(milestones)

    def milestone(self, row: int) -> Milestone:
        return self.row_at(row)

    def cell(self, m: Milestone, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return m.id
        if role not in (DISPLAY, TOOLTIP):
            return None
        if role == TOOLTIP and col not in (4, 5):
            return None
        if col == 0:
            return fmt_date(m.day)
        if col == 1:
            return m.kind.label
        if col == 2:
            return "" if m.kommun_id is None else self._kommuner.get(m.kommun_id, "?")
        if col == 3:
            return "" if m.organisation_id is None else self._orgs.get(m.organisation_id, "?")
        if col == 4:
            return m.text
        return m.link or (None if role == TOOLTIP else "")


# --- the page --------------------------------------------------------------------------


class _Section(QWidget):
    """A heading, a table, Ny…/Redigera…/Ta bort, and the findings under the table."""

    def __init__(self, model: QAbstractTableModel, name: str, hint: str = "") -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName(f"{name}Heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.view = QTableView()
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setHighlightSections(False)
        self.new_button = QPushButton(self.tr("Ny…"))
        self.new_button.setObjectName(f"{name}New")
        self.edit_button = QPushButton(self.tr("Redigera…"))
        self.edit_button.setObjectName(f"{name}Edit")
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.delete_button.setObjectName(f"{name}Delete")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.findings = QLabel()
        self.findings.setObjectName(f"{name}Findings")
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings.setStyleSheet(f"color: {BREACH_FOREGROUND.name()};")
        self.findings.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        lines = [self.tr("Avvikelser att se över ({n}):").format(n=len(findings))]
        lines += [f"• {f}" for f in findings]
        self.findings.setText("\n".join(lines))
        self.findings.setVisible(bool(findings))

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        selected = self.view.selectionModel().selectedIndexes()
        if not selected or not index.isValid():
            return None
        return index.row()

    def current_column(self) -> int | None:
        selected = self.view.selectionModel().selectedIndexes()
        return selected[0].column() if selected else None

    def select(self, row: int, column: int = 0) -> None:
        model = self.view.model()
        if 0 <= row < model.rowCount() and 0 <= column < model.columnCount():
            self.view.setCurrentIndex(model.index(row, column))


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
        self.placements = _Section(self.placement_model, "placements")
        self.county = _Section(
            self.county_model,
            "county",
            self.tr(
                "Alla år visas sida vid sida, siffrorna som de rapporterats. En total i rött "
                "stämmer inte med sina delar – håll muspekaren över den för att se summan."
            ),
        )
        self.milestones = _Section(self.milestone_model, "milestones")
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
    def _select_id(section: _Section, model: QAbstractTableModel, row_id: int | None) -> None:
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
