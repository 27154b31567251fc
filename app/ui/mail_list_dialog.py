"""Arkiv → Adresslista för utskick (CSV)…: the samverkansgruppernas members or the
registered persons, for one kommun or target group, as a CSV for a mail merge in Word
or Outlook. The list holds names: the dialog says so, and the file is readable by its
owner only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.mail_list import MailChoice, MailSource, Recipient, chosen, unnamed
from app.core.vocabulary import OrgCategory
from app.core.wording import count_noun
from app.ui.invitation_dialog import ask_save_path

if TYPE_CHECKING:
    from app.store.database import Store


class MailListDialog(QDialog):
    def __init__(self, store: Store, insats: Insats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert insats.id is not None and insats.forbund_id is not None
        self.store, self.insats = store, insats
        self.setWindowTitle(self.tr("Adresslista för utskick (CSV)"))
        self._recipients: dict[MailSource, list[Recipient]] = {}
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("source")
        for source in MailSource:
            self.source_combo.addItem(self.tr(source.label), source.value)
        self.kommun_combo = QComboBox()
        self.kommun_combo.setObjectName("kommun")
        self.kommun_combo.addItem(self.tr("Alla kommuner"), None)
        for k in store.reference.kommuner(insats.forbund_id):
            self.kommun_combo.addItem(k.name, k.name)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("target")
        self.target_combo.addItem(self.tr("Alla målgrupper"), None)
        for c in OrgCategory:
            self.target_combo.addItem(self.tr(c.label), c.value)
        form = QFormLayout()
        form.addRow(self.tr("Källa:"), self.source_combo)
        form.addRow(self.tr("Kommun:"), self.kommun_combo)
        form.addRow(self.tr("Målgrupp (organisation):"), self.target_combo)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #555;")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setWordWrap(True)
        privacy = QLabel(
            self.tr(
                "Listan innehåller namn och e-postadresser: den är en personuppgift du "
                "själv lämnar ut. Spara den där bara du kommer åt den, använd den för "
                "utskicket och ta bort den efteråt. Filen (semikolon, UTF-8) öppnas i Excel "
                "och används i Word eller Outlook under Koppla dokument."
            )
        )
        privacy.setObjectName("privacy")
        privacy.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara CSV…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explain)
        layout.addWidget(self.count_label)
        layout.addWidget(privacy)
        layout.addWidget(self.buttons)
        for combo in (self.source_combo, self.kommun_combo, self.target_combo):
            combo.currentIndexChanged.connect(self._update)
        self.result_message = ""
        self.setMinimumWidth(520)
        self._update()

    def choice(self) -> MailChoice:
        target = self.target_combo.currentData()
        return MailChoice(
            MailSource(self.source_combo.currentData()),
            self.kommun_combo.currentData(),
            OrgCategory(target) if target else None,
        )

    def _all(self, source: MailSource) -> list[Recipient]:
        from app.operations.invitations import recipients

        if source not in self._recipients:
            assert self.insats.id is not None
            self._recipients[source] = recipients(self.store, self.insats.id, source)
        return self._recipients[source]

    def _update(self, *_: object) -> None:
        choice = self.choice()
        if choice.source is MailSource.MEMBERS:
            self.explain.setText(
                self.tr(
                    "Medlemmarna i insatsens samverkansgrupper, med roll, organisation och "
                    "gruppens kommun (medlemmar har ingen e-postadress i Insatslogg)."
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "De namngivna personerna, med e-post och organisation; kommunen är den "
                    "där de deltagit i aktiviteter."
                )
            )
        everyone = self._all(choice.source)
        n = len(chosen(everyone, choice))
        text = self.tr("{n} kommer med på listan.").format(n=count_noun(n, "person", "personer"))
        left = unnamed(everyone, choice)
        if left:
            text += " " + self.tr("{n} utan namn kan inte komma med.").format(
                n=count_noun(left, "plats", "platser")
            )
        self.count_label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)

    def save(self) -> None:
        from app.operations.invitations import export_mail_list

        assert self.insats.id is not None
        choice = self.choice()
        name = "Adresslista" + (f" {choice.kommun}" if choice.kommun else "") + ".csv"
        path = ask_save_path(
            self, self.tr("Spara adresslistan"), name, self.tr("CSV-filer (*.csv)"), self.store
        )
        if path is None:
            return
        try:
            result = export_mail_list(self.store, self.insats.id, choice, path)
        except DomainError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.result_message = result.message()
        self.accept()
