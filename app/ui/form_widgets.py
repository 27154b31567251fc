"""Form pieces shared by the dialogs: the insats form, the error label, Spara/Avbryt and combos."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from app.core import limits
from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import DomainError, StaleRecord, ValidationError
from app.ui.formatting import DATE_FORMAT, SWEDISH, from_qdate, to_qdate

T = TypeVar("T")


def limit_dates(edit: QDateEdit) -> QDateEdit:
    """Dates only in the years Insatslogg takes (app/core/limits.py): no year 9999."""
    edit.setDateRange(QDate(limits.FIRST_YEAR, 1, 1), QDate(limits.LAST_YEAR, 12, 31))
    return edit


def show_date(edit: QDateEdit, day: date) -> None:
    """Show ``day``, widening the range for a stored date outside it (an old file's): it
    is shown as it is, never moved in silence, and saving it says what is wrong."""
    q = to_qdate(day)
    if not edit.minimumDate() <= q <= edit.maximumDate():
        edit.setDateRange(min(q, edit.minimumDate()), max(q, edit.maximumDate()))
    edit.setDate(q)


def limit_length(edit: QLineEdit, limit: int) -> None:
    """Typing stops at ``limit`` characters (the schema's length, app/core/limits.py). A
    stored text already longer (an old file's) is kept whole: saving it says what is
    wrong, and nothing is cut in silence."""
    edit.setMaxLength(max(limit, len(edit.text())))


def make_date_edit(day: date, parent: QWidget | None = None) -> QDateEdit:
    edit = limit_dates(QDateEdit(parent))
    show_date(edit, day)
    edit.setLocale(SWEDISH)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class ErrorLabel(QLabel):
    """Red text under a form listing what stops it from being saved; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setStyleSheet("QLabel#errorLabel { color: #b3261e; }")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_problems(self, problems: list[str]) -> None:
        if len(problems) == 1:
            self.setText(problems[0])
        else:
            self.setText("\n".join(f"• {p}" for p in problems))
        self.setVisible(bool(problems))

    def clear_problems(self) -> None:
        self.clear()
        self.hide()

    def attempt(
        self, action: Callable[[], object], reload: Callable[[object], None] | None = None
    ) -> bool:
        """Run ``action`` (e.g. a save); False with what stopped it shown when it raises a
        DomainError, True with nothing shown when it goes through.

        A save refused as stale (a colleague saved the record after it was opened) shows
        both versions (StaleRecordDialog); "Läs in deras version" hands theirs to
        ``reload``, "Avbryt" goes back to the form, the refusal shown under it."""
        try:
            action()
        except StaleRecord as exc:
            from app.ui.stale_record_dialog import StaleRecordDialog

            self.show_problems([str(exc)])
            if StaleRecordDialog.ask(self.window(), exc) and reload is not None:
                reload(exc.theirs)
            return False
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.show_problems([str(exc)])
            return False
        self.clear_problems()
        return True


def validated(build: Callable[[], T], problems: QLabel) -> T | None:
    """What ``build`` returns; None when it raises ValidationError, whose problems are then
    shown in ``problems``, one a line (the dialog stays open)."""
    try:
        return build()
    except ValidationError as exc:
        problems.setText("\n".join(exc.problems))
        problems.setVisible(True)
        return None


def ok_cancel_buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> QDialogButtonBox:
    """OK and Cancel renamed (e.g. "Spara" and "Avbryt"), wired to accept and reject ``dialog``."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def run_modal(dialog: QDialog) -> bool:
    """Show ``dialog`` until it is closed, then have it deleted; True when it was accepted."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def choice_combo(name: str, none_text: str, choices: Iterable[Kommun | Organisation]) -> QComboBox:
    """A combo box named ``name``: ``none_text`` (data None), then every choice by name (data
    its id)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(none_text, None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)
    return combo


class InsatsForm(QWidget):
    """Name, period and goals of an insats, and optionally the förbund's name above them."""

    def __init__(
        self, insats: Insats, forbund_name: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._insats = insats
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.forbund_edit: QLineEdit | None = None
        if forbund_name is not None:
            self.forbund_edit = QLineEdit(forbund_name)
            limit_length(self.forbund_edit, limits.FORBUND_NAME)
            layout.addRow(self.tr("&Förbundets namn:"), self.forbund_edit)

        self.name_edit = QLineEdit(insats.name)
        limit_length(self.name_edit, limits.INSATS_NAME)
        self.name_edit.setCursorPosition(0)
        layout.addRow(self.tr("&Insatsens namn:"), self.name_edit)

        self.start_edit = make_date_edit(insats.start)
        self.end_edit = make_date_edit(insats.end)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        to_label = QLabel(self.tr("till"))
        period.addWidget(to_label)
        period.addWidget(self.end_edit)
        period.addStretch(1)
        period_label = QLabel(self.tr("&Period från:"))
        period_label.setBuddy(self.start_edit)
        layout.addRow(period_label, period)

        self.goals_edit = QPlainTextEdit(insats.goals)
        self.goals_edit.setTabChangesFocus(True)
        self.goals_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lines = 5
        self.goals_edit.setMinimumHeight(
            self.goals_edit.fontMetrics().lineSpacing() * lines
            + 2 * int(self.goals_edit.document().documentMargin())
            + 2 * self.goals_edit.frameWidth()
        )
        layout.addRow(self.tr("&Mål:"), self.goals_edit)

    def forbund_name(self) -> str:
        return "" if self.forbund_edit is None else self.forbund_edit.text()

    def insats(self) -> Insats:
        """The insats as the form shows it (not yet validated)."""
        return replace(
            self._insats,
            name=self.name_edit.text(),
            start=from_qdate(self.start_edit.date()),
            end=from_qdate(self.end_edit.date()),
            goals=self.goals_edit.toPlainText(),
        )


def ask_yes_no(parent: QWidget | None, question: str) -> bool:
    """A Ja/Nej question with Nej as the default; True for Ja."""
    answer = QMessageBox.question(
        parent,
        "Insatslogg",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "Insatslogg", message)
