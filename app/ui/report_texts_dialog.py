"""The user's own texts for the board report, every section (SECTIONS), for the whole
insats or for a year or a span of years, and figures other documents state for those
years (checked in the report).

The sections are listed on the left (a dot marks one with a text), the chosen one is
edited on the right. A report prints, per section, the text for exactly its years, else
the one for the insats's whole years; the per-year sections (Individinriktade and
Strukturinriktade insatser) also the text written for each year alone, under that year.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.report_texts import (
    INSATS_SECTIONS,
    MEASURES,
    PER_YEAR_SECTIONS,
    SECTIONS,
    StatedFigure,
)
from app.ui.combo_data import find_data
from app.ui.form_widgets import ok_cancel_buttons, validated
from app.ui.row_table_model import RowTableModel
from app.ui.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from app.store.database import Store


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


class StatedFigureModel(RowTableModel[StatedFigure]):
    """The stated figures for the chosen years: measure, value, source."""

    HEADERS = ("Mått", "Angiven siffra", "Källa")
    CONTEXT = "StatedFigureModel"

    def cell(self, item: StatedFigure, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return MEASURES.get(item.measure, item.measure)
            if column == 1:
                return _thousands(item.value)
            return item.source
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def add(self, figure: StatedFigure) -> None:
        at = len(self._rows)
        self.beginInsertRows(self.index(0, 0).parent(), at, at)
        self._rows.append(figure)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(self.index(0, 0).parent(), row, row)
            del self._rows[row]
            self.endRemoveRows()


class ReportTextsDialog(QDialog):
    def __init__(
        self, store: Store, insats: Insats, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert insats.id is not None
        self.setWindowTitle(self.tr("Rapporttexter"))
        self._store = store
        self._insats_id = insats.id
        years = list(insats.years) or [year]
        self._whole = (years[0], years[-1])
        year = min(max(year, years[0]), years[-1])

        self.first_combo = QComboBox()
        self.first_combo.setObjectName("first_year")
        self.last_combo = QComboBox()
        self.last_combo.setObjectName("last_year")
        for y in years:
            self.first_combo.addItem(str(y), y)
            self.last_combo.addItem(str(y), y)
        self.first_combo.setCurrentIndex(find_data(self.first_combo, year))
        self.last_combo.setCurrentIndex(find_data(self.last_combo, year))
        self.whole_button = QPushButton(self.tr("Hela insatsen"))
        self.whole_button.setToolTip(self.tr("Alla insatsens år: texter för hela insatsen"))

        self.section_list = QListWidget()
        self.section_list.setObjectName("sections")
        self.section_title = QLabel()
        self.section_title.setObjectName("section_title")
        self.section_hint = QLabel()
        self.section_hint.setObjectName("section_hint")
        self.section_hint.setWordWrap(True)
        self.stack = QStackedWidget()
        self.edits: dict[str, QPlainTextEdit] = {}
        for section, title in SECTIONS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(section)
            edit.setMinimumHeight(120)
            edit.setAccessibleName(self.tr(title))
            edit.textChanged.connect(self._mark_sections)
            self.edits[section] = edit
            self.stack.addWidget(edit)
            self.section_list.addItem(self.tr(title))
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widest = max(
            self.section_list.fontMetrics().horizontalAdvance("● " + self.tr(t))
            for t in SECTIONS.values()
        )
        self.section_list.setFixedWidth(widest + 24)

        self.figures = StatedFigureModel(self)
        self.figure_view = QTableView()
        self.figure_view.setObjectName("figures")
        self.figure_view.setModel(self.figures)
        self.figure_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figure_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.figure_view.verticalHeader().setVisible(False)
        self.figure_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.figure_view.setColumnWidth(0, 150)
        self.figure_view.setColumnWidth(1, 110)
        self.figure_view.setMaximumHeight(120)
        self.measure_combo = QComboBox()
        self.measure_combo.setObjectName("measure")
        for key, label in MEASURES.items():
            self.measure_combo.addItem(label, key)
        self.value_spin = QSpinBox()
        self.value_spin.setObjectName("value")
        self.value_spin.setRange(0, 10_000_000)
        self.value_spin.setGroupSeparatorShown(True)
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("source")
        self.source_edit.setPlaceholderText(self.tr("Källa, t.ex. Slutrapporten"))
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.remove_button = QPushButton(self.tr("Ta bort"))

        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setVisible(False)
        self.buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self._layout()

        self.first_combo.currentIndexChanged.connect(self._years_changed)
        self.last_combo.currentIndexChanged.connect(self._years_changed)
        self.whole_button.clicked.connect(self._whole_period)
        self.section_list.currentRowChanged.connect(self._show_section)
        self.add_button.clicked.connect(self._add_figure)
        self.remove_button.clicked.connect(self._remove_figure)
        self._load()
        self.section_list.setCurrentRow(0)

    def _layout(self) -> None:
        span = QHBoxLayout()
        span.addWidget(QLabel(self.tr("Från år:")))
        span.addWidget(self.first_combo)
        span.addWidget(QLabel(self.tr("till:")))
        span.addWidget(self.last_combo)
        span.addWidget(self.whole_button)
        span.addStretch(1)
        hint = QLabel(
            self.tr(
                "Rapporten använder texten för exakt sina år. Det som beskriver insatsen "
                "(målgrupp, verksamhet, bakgrund, inledningarna) tas annars från hela "
                "insatsen. Individ- och strukturinriktade insatser skrivs också för varje "
                "år för sig och visas då under det året."
            )
        )
        hint.setWordWrap(True)

        editor = QVBoxLayout()
        editor.addWidget(self.section_title)
        editor.addWidget(self.section_hint)
        editor.addWidget(self.stack, 1)
        texts = QHBoxLayout()
        texts.addWidget(self.section_list)
        texts.addLayout(editor, 1)

        figures = QGroupBox(self.tr("Angivna siffror"))
        fig_layout = QVBoxLayout(figures)
        fig_hint = QLabel(
            self.tr(
                "Siffror som ett annat dokument anger för åren, t.ex. en handskriven total. "
                "Rapporten jämför dem med registret och listar skillnader under Avvikelser."
            )
        )
        fig_hint.setWordWrap(True)
        fig_layout.addWidget(fig_hint)
        fig_layout.addWidget(self.figure_view)
        entry = QHBoxLayout()
        entry.addWidget(self.measure_combo)
        entry.addWidget(self.value_spin)
        entry.addWidget(self.source_edit, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        fig_layout.addLayout(entry)

        layout = QVBoxLayout(self)
        layout.addLayout(span)
        layout.addWidget(hint)
        layout.addLayout(texts, 1)
        layout.addWidget(figures)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 900, 640)

    # --- the sections -------------------------------------------------------------------
    def current_section(self) -> str:
        return list(SECTIONS)[max(self.section_list.currentRow(), 0)]

    def choose_section(self, section: str) -> None:
        self.section_list.setCurrentRow(list(SECTIONS).index(section))

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        section = list(SECTIONS)[row]
        self.stack.setCurrentIndex(row)
        self.section_title.setText(f"<b>{self.tr(SECTIONS[section])}</b>")
        self.section_hint.setText(self._section_hint(section))

    def _section_hint(self, section: str) -> str:
        first, last = self.span()
        if section in PER_YEAR_SECTIONS and first == last:
            return self.tr("Texten för {0}: visas under året {0} i rapporten.").format(first)
        if section in PER_YEAR_SECTIONS:
            return self.tr(
                "Inledning för {0}–{1}. Välj ett enskilt år för årets egen text."
            ).format(first, last)
        if (first, last) == self._whole and section in INSATS_SECTIONS:
            return self.tr(
                "Används i rapporter för hela insatsen och i rapporter för andra år och "
                "perioder som saknar en egen text."
            )
        if (first, last) == self._whole:
            return self.tr("Används i rapporten för hela insatsen (slutrapporten).")
        span = str(first) if first == last else f"{first}–{last}"
        return self.tr("Används i rapporter för exakt {0}.").format(span)

    def _mark_sections(self) -> None:
        for row, (section, title) in enumerate(SECTIONS.items()):
            item = self.section_list.item(row)
            if item is None:
                continue
            filled = bool(self.edits[section].toPlainText().strip())
            item.setText(("● " if filled else "") + self.tr(title))

    # --- the chosen years ---------------------------------------------------------------
    def span(self) -> tuple[int, int]:
        first, last = int(self.first_combo.currentData()), int(self.last_combo.currentData())
        return first, last

    def _whole_period(self) -> None:
        self.first_combo.setCurrentIndex(0)
        self.last_combo.setCurrentIndex(self.last_combo.count() - 1)

    def _years_changed(self, _index: int) -> None:
        first, last = self.span()
        if last < first:
            # Keep the span valid: move the other end along.
            other = self.last_combo if self.sender() is self.first_combo else self.first_combo
            other.blockSignals(True)
            other.setCurrentIndex(find_data(other, first if other is self.last_combo else last))
            other.blockSignals(False)
        self._load()

    def _load(self) -> None:
        first, last = self.span()
        texts = self._store.report_texts.texts(self._insats_id, first, last)
        for section, edit in self.edits.items():
            edit.setPlainText(texts.get(section, ""))
        self.figures.set_rows(self._store.report_texts.figures_for(self._insats_id, first, last))
        self.problems.setVisible(False)
        self._mark_sections()
        self._show_section(self.section_list.currentRow())

    # --- stated figures -----------------------------------------------------------------
    def _add_figure(self) -> None:
        first, last = self.span()
        source = self.source_edit.text().strip()
        if not source:
            self.problems.setText(self.tr("Ange varifrån siffran kommer (källa)."))
            self.problems.setVisible(True)
            return
        self.figures.add(
            StatedFigure(
                self._insats_id,
                first,
                last,
                str(self.measure_combo.currentData()),
                self.value_spin.value(),
                source,
            )
        )
        self.source_edit.clear()
        self.value_spin.setValue(0)
        self.problems.setVisible(False)

    def _remove_figure(self) -> None:
        rows = self.figure_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.figures.rowCount() - 1
        self.figures.remove(row)

    # --- saving -------------------------------------------------------------------------
    def _save(self) -> bool:
        first, last = self.span()
        texts = {s: e.toPlainText() for s, e in self.edits.items()}
        figures = [replace(f, first_year=first, last_year=last) for f in self.figures.rows()]
        self._store.report_texts.save_report(self._insats_id, first, last, texts, figures)
        return True

    def accept(self) -> None:
        try:
            saved = validated(self._save, self.problems)
        except DomainError as exc:
            self.problems.setText(str(exc))
            self.problems.setVisible(True)
            return
        if saved:
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, insats: Insats, year: int) -> bool:
        """Show the dialog; True when the texts were saved."""
        dialog = cls(store, insats, year, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
