"""Anteckna bedömning…: the user's note on one finding of the funding rules ("Avser
NNS, en intresseorganisation vi inte är medlem i"). The finding stays listed with its
note; an empty note removes it. A finding never stops a save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.funding_rules import FundingFinding
from app.core.money import kronor_kr
from app.ui.form_widgets import ok_cancel_buttons
from app.ui.screen_fit import resize_to_fit

MAX_NOTE = 1000


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FindingNoteDialog(QDialog):
    def __init__(self, finding: FundingFinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bedömning av regelkontrollens fynd – Insatslogg"))
        self.finding = finding
        cost = finding.cost
        form = QFormLayout()
        form.addRow(
            self.tr("Kostnad:"),
            _label(f"{cost.day.isoformat()}  {kronor_kr(cost.amount)}  {cost.text}".strip()),
        )
        form.addRow(self.tr("Fynd:"), _label(finding.rule.title))
        form.addRow(self.tr("Träff på:"), _label(finding.matched))
        form.addRow(self.tr("Vägledningen:"), _label(f"”{finding.rule.words}”"))
        self.note_edit = QPlainTextEdit(finding.note)
        self.note_edit.setObjectName("findingNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("Varför kostnaden ändå är rätt, eller vad som görs åt den")
        )
        form.addRow(self.tr("&Bedömning:"), self.note_edit)
        info = _label(
            self.tr(
                "Fynd, inte förbud: du avgör och kan anteckna varför. Fyndet visas kvar med "
                "din bedömning, också i rapporten. En tom bedömning tas bort."
            )
        )
        self.error = QLabel()
        self.error.setObjectName("problems")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(info)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt")))
        self.result_note: str | None = None
        resize_to_fit(self, 640, 380)

    def accept(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if len(text) > MAX_NOTE:
            self.error.setText(f"Bedömningen får vara högst {MAX_NOTE} tecken.")
            self.error.show()
            return
        self.result_note = text
        super().accept()
