"""Arkiv → Exportera kalenderfil (.ics)…: the activities of a year or a period as a
calendar file, the planned and cancelled ones or all of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.wording import count_noun
from app.ui.invitation_dialog import ask_save_path, file_name
from app.ui.period_chooser import PeriodChooser

if TYPE_CHECKING:
    from app.store.database import Store


class IcsExportDialog(QDialog):
    def __init__(
        self,
        store: Store,
        insats: Insats,
        years: Sequence[int],
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert insats.id is not None
        self.store, self.insats = store, insats
        self.setWindowTitle(self.tr("Exportera kalenderfil (.ics)"))
        self.chooser = PeriodChooser(insats, years, year, self)
        self.include_all = QCheckBox(self.tr("Ta med alla aktiviteter, även genomförda"))
        self.include_all.setObjectName("includeAll")
        hint = QLabel(
            self.tr(
                "Annars kommer de planerade med, och de inställda (så att kalendern visar "
                "att de är inställda). Filen kan importeras i Outlook och Google Kalender; "
                "en aktivitet som exporteras igen uppdaterar sin händelse."
            )
        )
        hint.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        box = QGroupBox(self.tr("Period"))
        QVBoxLayout(box).addWidget(self.chooser)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.include_all)
        layout.addWidget(hint)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.chooser.changed.connect(self._update)
        self.include_all.toggled.connect(self._update)
        self.result_message = ""
        self._update()

    def span(self) -> tuple[date, date]:
        period = self.chooser.request().period
        return period.first, period.last

    def _update(self, *_: object) -> None:
        from app.store.invitation_reads import invited_activities

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        problem = self.chooser.problem()
        if problem:
            self.count_label.setText(problem)
            ok.setEnabled(False)
            return
        assert self.insats.id is not None
        first, last = self.span()
        self.chooser.shown_label.setText(
            self.tr("Kalenderfilen gäller {0}.").format(self.chooser.request().span)
        )
        found = invited_activities(
            self.store.file, self.insats.id, first, last, self.include_all.isChecked()
        )
        events = sum(len(i.activity.steps) or 1 for i in found)
        text = self.tr("{activities} kommer med ({events}).").format(
            activities=count_noun(len(found), "aktivitet", "aktiviteter"),
            events=count_noun(events, "kalenderhändelse", "kalenderhändelser"),
        )
        self.count_label.setText(text)
        ok.setEnabled(bool(found))

    def save(self) -> None:
        from app.core.report_period import span_label
        from app.operations.invitations import export_ics

        assert self.insats.id is not None
        first, last = self.span()
        suggested = file_name(f"{self.insats.name} {span_label(first, last)}", ".ics")
        path = ask_save_path(
            self, self.tr("Spara kalenderfil"), suggested, self.tr("Kalenderfiler (*.ics)"),
            self.store,
        )  # fmt: skip
        if path is None:
            return
        from app.ui.background import run_in_background

        insats_id, include_all = self.insats.id, self.include_all.isChecked()
        outcome = run_in_background(
            self,
            self.windowTitle(),
            self.tr("Skriver kalenderfilen…"),
            lambda progress: export_ics(
                self.store, insats_id, first, last, path, include_all, progress=progress
            ),
        )
        if outcome.error is not None:
            QMessageBox.warning(self, self.windowTitle(), str(outcome.error))
            return
        if outcome.result is None:  # cancelled: nothing was written
            return
        self.result_message = outcome.result.message()
        self.accept()
