"""Arkiv → Ta offlinekopia… and Slå ihop offlinekopia… (issue 16): the merge's plan
listed, and for each conflict a choice: "behåll serverns" or "använd min"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.errors import DomainError
from app.operations import offline
from app.store.offline_merge import CHOICES, KEEP_SERVER, MergePlan


class OfflineMergeDialog(QDialog):
    """The plan, and one choice per conflict; ``decisions()`` once accepted."""

    def __init__(
        self, plan: MergePlan, origin: offline.Origin | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slå ihop offlinekopia"))
        self.plan = plan
        layout = QVBoxLayout(self)
        lines = [line for line in offline.plan_lines(plan, origin) if not line.startswith("  ")]
        self.summary = QPlainTextEdit("\n".join(lines))
        self.summary.setReadOnly(True)
        layout.addWidget(self.summary)
        self.choices: dict[tuple[str, int], QComboBox] = {}
        if plan.conflicts:
            layout.addWidget(
                QLabel(self.tr("Konflikter: välj för varje post vilken version som gäller."))
            )
            form = QFormLayout()
            for conflict in plan.conflicts:
                combo = QComboBox()
                for value, label in CHOICES.items():
                    combo.addItem(label, value)
                combo.setToolTip("\n".join(offline.conflict_lines(conflict)))
                text = QLabel("\n".join(offline.conflict_lines(conflict)))
                form.addRow(text, combo)
                self.choices[conflict.key] = combo
            layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            self.tr("Slå ihop"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(not plan.empty)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def decisions(self) -> dict[tuple[str, int], str]:
        return {key: str(combo.currentData() or KEEP_SERVER) for key, combo in self.choices.items()}


def take_copy(window: Any) -> None:
    """Arkiv → Ta offlinekopia…: the server database into a new file."""
    from app.store.offline_copy import take_offline_copy
    from app.ui.file_dialogs import save_file_name

    chosen = save_file_name(
        window,
        window.tr("Ta offlinekopia"),
        "offlinekopia.sqlite3",
        window.tr("Insatslogg-databas (*.sqlite3);;Alla filer (*)"),
    )
    if chosen is None:
        return
    target = chosen if chosen.suffix else chosen.with_name(chosen.name + ".sqlite3")
    try:
        origin = take_offline_copy(window.store, Path(target))
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return
    window.statusBar().showMessage(
        f"Offlinekopian {target} är tagen från {origin.describe()}.", 10000
    )


def merge_copy(window: QMainWindow, url: str | None = None) -> None:
    """Arkiv → Slå ihop offlinekopia…: this window's copy into its server database."""
    from app.store.offline_merge import apply_plan, merge_offline

    copy = window.store  # type: ignore[attr-defined]
    origin = offline.origin_of(copy)
    try:
        server = offline.open_server(url or (origin.url if origin else ""))
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return
    try:
        plan = merge_offline(copy, server)
        dialog = OfflineMergeDialog(plan, origin, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        apply_plan(copy, server, plan, dialog.decisions())
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return
    finally:
        server.close()
    window.statusBar().showMessage(window.tr("Offlinekopian är sammanslagen med servern."), 10000)
