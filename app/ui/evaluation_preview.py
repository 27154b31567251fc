"""The preview of a Forms export before it becomes an activity's evaluation: the
questions with their answers, how the words were read (word → value), the columns not
read (names, e-mail addresses, times), and the free-text answers, each with a box to
keep it as a quote (none kept unless ticked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.evaluation import Quote
from app.core.wording import count_noun
from app.importers.forms import FormsImport
from app.operations.evaluations import QUOTES_NOTE
from app.ui.evaluation_models import QuestionsModel
from app.ui.form_widgets import ok_cancel_buttons


class FormsPreviewDialog(QDialog):
    def __init__(self, forms: FormsImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms = forms
        self.setWindowTitle(self.tr("Importera enkätsvar – {name}").format(name=forms.file_name))
        source = f" ({forms.source})" if forms.source else ""
        summary = QLabel(
            self.tr("{name}{source}: {respondents}, {questions} på skalan 1–5, {texts}.").format(
                name=forms.file_name,
                source=source,
                respondents=count_noun(forms.respondents, "svarande", "svarande"),
                questions=count_noun(len(forms.questions), "fråga", "frågor"),
                texts=count_noun(len(forms.text_questions), "fritextfråga", "fritextfrågor"),
            )
        )
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self.questions = QuestionsModel(self)
        self.questions.set_rows(forms.questions)
        view = QTableView()
        view.setObjectName("previewQuestions")
        view.setModel(self.questions)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.questions.columnCount()):
            view.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping = QListWidget()
        self.mapping.setObjectName("mapping")
        self.mapping.addItems(forms.mapping_lines() or [self.tr("Svaren är siffror 1–5.")])
        self.not_read = QListWidget()
        self.not_read.setObjectName("notRead")
        self.not_read.addItems(list(forms.not_read) or [self.tr("Alla kolumner läses in.")])
        self.quotes = QListWidget()
        self.quotes.setObjectName("candidateQuotes")
        for quote in forms.candidate_quotes:
            item = QListWidgetItem(f"{quote.text}  ({quote.question})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(quote.text)
            self.quotes.addItem(item)
        note = QLabel(self.tr(QUOTES_NOTE))
        note.setWordWrap(True)

        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("Svaren tolkades så här:"), self.mapping),
            (self.tr("Läses inte in (sparas aldrig):"), self.not_read),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(view, 2)
        layout.addLayout(lists, 1)
        layout.addWidget(QLabel(self.tr("Fritextsvar – bocka för dem som ska sparas som citat:")))
        layout.addWidget(self.quotes, 2)
        layout.addWidget(note)
        layout.addWidget(ok_cancel_buttons(self, self.tr("Använd svaren"), self.tr("Avbryt")))
        self.resize(900, 640)

    def set_all_quotes(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.quotes.count()):
            self.quotes.item(i).setCheckState(state)

    def chosen_quotes(self) -> tuple[Quote, ...]:
        """The candidate quotes ticked, in the file's order."""
        return tuple(
            quote
            for i, quote in enumerate(self.forms.candidate_quotes)
            if self.quotes.item(i).checkState() == Qt.CheckState.Checked
        )
