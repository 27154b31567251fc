"""The activity dialog's tab "Inbjudan": the digital link (Teams, Zoom …), the
description for the invited and how to register, as the .ics file and the invitation
text (Redigera → Inbjudan…) give them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import limits
from app.core.entities import Activity
from app.ui.form_widgets import limit_length


class InvitationSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invitationSection")
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("link")
        self.link_edit.setPlaceholderText(self.tr("https://teams.microsoft.com/… (digitalt möte)"))
        limit_length(self.link_edit, limits.ACTIVITY_LINK)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(
            self.tr("Vad aktiviteten handlar om, program, för vem den är …")
        )
        self.registration_edit = QPlainTextEdit()
        self.registration_edit.setObjectName("registration")
        self.registration_edit.setPlaceholderText(
            self.tr("t.ex. Senast 1 mars till anna.ek@kommun.se eller via länken …")
        )
        self.registration_edit.setMaximumHeight(90)
        hint = QLabel(
            self.tr(
                "Det som står här kommer med i inbjudningstexten (Redigera → Inbjudan…) och "
                "i kalenderfilen (.ics) som Outlook och Google Kalender läser. Datum, tid "
                "och plats tas från aktivitetens uppgifter till vänster."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Länk (digitalt):"), self.link_edit)
        form.addRow(self.tr("Beskrivning:"), self.description_edit)
        form.addRow(self.tr("Anmälan:"), self.registration_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form, 1)

    def load(self, activity: Activity) -> None:
        self.link_edit.setText(activity.link)
        limit_length(self.link_edit, limits.ACTIVITY_LINK)
        self.link_edit.setCursorPosition(0)
        self.description_edit.setPlainText(activity.description)
        self.registration_edit.setPlainText(activity.registration)

    def apply(self, draft: Activity) -> Activity:
        """``draft`` with the tab's fields (checked with the rest of the activity)."""
        return replace(
            draft,
            link=self.link_edit.text(),
            description=self.description_edit.toPlainText(),
            registration=self.registration_edit.toPlainText(),
        )
