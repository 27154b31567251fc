"""Utvärdering…: the evaluation (enkät) of one activity — how many were asked and
answered, each question's answers 1–5 (typed in, or imported from a Microsoft Forms or
Google Forms export), and the quotes kept for the report. The figures under the table
are core.evaluation's, as the tab, Excel and the report show them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.core.evaluation import EvaluatedActivity, Evaluation, Question, Quote, validate_evaluation
from app.importers.forms import FILE_FILTER, FormsImport, read_forms
from app.ui.evaluation_models import QuestionsModel
from app.ui.file_dialogs import open_file_name
from app.ui.form_fields import ERROR_STYLE, count_spin, fixed_width, message_label
from app.ui.form_widgets import ok_cancel_buttons, run_modal, validated
from app.ui.formatting import fmt_int

ReadForms = Callable[[Path], FormsImport]


class EvaluationDialog(QDialog):
    def __init__(
        self,
        activity: EvaluatedActivity,
        parent: QWidget | None = None,
        read: ReadForms = read_forms,
    ) -> None:
        super().__init__(parent)
        self.activity = activity
        self._original = activity.evaluation
        self._read = read
        self.result_evaluation: Evaluation | None = None
        self.delete_requested = False
        self._source = self._original.source
        self.setWindowTitle(self.tr("Utvärdering – {title}").format(title=activity.title))

        heading = QLabel(
            self.tr("{title}, {day} ({kind}), {n} deltagare").format(
                title=activity.title,
                day=activity.day.isoformat(),
                kind=activity.type_name,
                n=fmt_int(activity.participants),
            )
        )
        heading.setWordWrap(True)
        self.asked = count_spin("asked")
        self.asked.setValue(self._original.asked_of(activity.participants))
        self.asked.setToolTip(self.tr("Hur många som fick enkäten (normalt alla deltagare)"))
        self.answered = count_spin("answered")
        self.answered.setValue(self._original.answered)
        for spin in (self.asked, self.answered):
            fixed_width(spin)
            spin.valueChanged.connect(self._update_figures)

        self.questions = QuestionsModel(self)
        self.questions.set_rows(self._original.questions)
        self.questions.edited.connect(self._update_figures)
        self.view = QTableView()
        self.view.setObjectName("questions")
        self.view.setModel(self.questions)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.questions.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        add_question = QPushButton(self.tr("&Lägg till fråga"))
        add_question.clicked.connect(self.add_question)
        remove_question = QPushButton(self.tr("Ta &bort fråga"))
        remove_question.clicked.connect(self.remove_question)
        self.import_button = QPushButton(self.tr("&Importera från Forms…"))
        self.import_button.setObjectName("importForms")
        self.import_button.clicked.connect(self.import_forms)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)

        self.quotes = QListWidget()
        self.quotes.setObjectName("quotes")
        for quote in self._original.quotes:
            self._add_quote_item(quote)
        add_quote = QPushButton(self.tr("Lägg till &citat…"))
        add_quote.clicked.connect(self.add_quote)
        remove_quote = QPushButton(self.tr("Ta bort ci&tat"))
        remove_quote.clicked.connect(self.remove_quote)
        self.notes = QPlainTextEdit(self._original.notes)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 14)

        self.problems = message_label("problems", ERROR_STYLE)
        buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.delete_button = buttons.addButton(
            self.tr("Ta bort &utvärderingen"), buttons.ButtonRole.DestructiveRole
        )
        self.delete_button.clicked.connect(self._delete)
        self.delete_button.setVisible(self._original.id is not None)

        form = QFormLayout()
        form.addRow(self.tr("&Tillfrågade:"), self.asked)
        form.addRow(self.tr("&Svarade:"), self.answered)
        question_buttons = QHBoxLayout()
        for button in (add_question, remove_question):
            question_buttons.addWidget(button)
        question_buttons.addStretch(1)
        question_buttons.addWidget(self.import_button)
        quote_buttons = QHBoxLayout()
        quote_buttons.addWidget(add_quote)
        quote_buttons.addWidget(remove_quote)
        quote_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Frågor (antal som svarat 1–5):")))
        layout.addWidget(self.view, 3)
        layout.addLayout(question_buttons)
        layout.addWidget(self.figures)
        layout.addWidget(QLabel(self.tr("Citat som sparas (utan vem som skrev dem):")))
        layout.addWidget(self.quotes, 2)
        layout.addLayout(quote_buttons)
        notes_label = QLabel(self.tr("&Anteckningar:"))
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(860, 660)
        self._update_figures()

    # --- the form -------------------------------------------------------------------------
    def _asked_value(self) -> int | None:
        """None (everyone who came) unless the number asked was changed to another."""
        value = self.asked.value()
        if value == self._original.asked_of(self.activity.participants):
            return self._original.asked
        return None if value == self.activity.participants else value

    def evaluation(self) -> Evaluation:
        """The evaluation as entered; ValidationError for what is wrong."""
        return validate_evaluation(
            Evaluation(
                id=self._original.id,
                activity_id=self.activity.activity_id,
                answered=self.answered.value(),
                asked=self._asked_value(),
                questions=tuple(self.questions.rows()),
                quotes=self._quotes(),
                source=self._source,
                notes=self.notes.toPlainText(),
            ),
            self.activity.participants,
        )

    def _quotes(self) -> tuple[Quote, ...]:
        out = []
        for i in range(self.quotes.count()):
            item = self.quotes.item(i)
            quote = item.data(QUOTE_ROLE)
            out.append(quote if isinstance(quote, Quote) else Quote(item.text()))
        return tuple(out)

    def _update_figures(self) -> None:
        e = Evaluation(
            None,
            self.activity.activity_id,
            self.answered.value(),
            self._asked_value(),
            tuple(self.questions.rows()),
        )
        f = replace(self.activity, evaluation=e).figures
        rate, mean, share = f.texts()
        self.figures.setText(
            self.tr(
                "Totalt: {answered}, svarsfrekvens {rate}, medel {mean}, andel 4–5 {share}"
            ).format(answered=f.answered_text(), rate=rate, mean=mean, share=share)
        )

    def add_question(self) -> None:
        self.questions.append(Question(self.tr("Ny fråga")))
        index = self.questions.index(self.questions.rowCount() - 1, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_question(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.questions.remove(index.row())

    def _add_quote_item(self, quote: Quote) -> None:
        shown = f"{quote.text}  ({quote.question})" if quote.question else quote.text
        item = QListWidgetItem(shown)
        item.setData(QUOTE_ROLE, quote)
        item.setToolTip(quote.text)
        self.quotes.addItem(item)

    def add_quote(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Nytt citat"), self.tr("Citat:"))
        if ok and text.strip():
            self._add_quote_item(Quote(text.strip()))

    def remove_quote(self) -> None:
        row = self.quotes.currentRow()
        if row >= 0:
            self.quotes.takeItem(row)

    # --- importing ------------------------------------------------------------------------
    def import_forms(self) -> None:
        path = open_file_name(self, self.tr("Importera enkätsvar"), self.tr(FILE_FILTER))
        if path is None:
            return
        try:
            forms = self._read(path)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Importera enkätsvar"), str(exc))
            return
        from app.ui.evaluation_preview import FormsPreviewDialog

        preview = FormsPreviewDialog(forms, self)
        if run_modal(preview):
            self.use_forms(forms, preview.chosen_quotes())

    def use_forms(self, forms: FormsImport, quotes: tuple[Quote, ...]) -> None:
        """The file's answers in the form (replacing the questions; quotes added)."""
        self.questions.set_rows(forms.questions)
        self.answered.setValue(forms.respondents)
        self._source = forms.source
        for quote in quotes:
            self._add_quote_item(quote)
        self._update_figures()

    # --- closing --------------------------------------------------------------------------
    def _delete(self) -> None:
        self.delete_requested = True
        super().accept()

    def accept(self) -> None:
        evaluation = validated(self.evaluation, self.problems)
        if evaluation is not None:
            self.result_evaluation = evaluation
            super().accept()


QUOTE_ROLE = 0x0100 + 7  # Qt.UserRole + 7: the Quote behind a list item
