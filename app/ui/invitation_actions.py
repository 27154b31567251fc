"""The window's invitation actions: Arkiv → Exportera kalenderfil (.ics)… and
Adresslista för utskick (CSV)…, and on one activity (Redigera and the activity table's
context menu) Inbjudan…. Nothing here edits data: no step of Ångra."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def create_invitation_actions(window: Any) -> None:
    """``window.act_invitation``, ``act_export_ics`` and ``act_mail_list`` (a MainWindow,
    typed loosely: the window module imports this one)."""
    window.act_invitation = window._action(
        _tr("&Inbjudan…"),
        lambda: show_invitation(window),
        None,
        _tr("Inbjudningstext och kalenderfil för den markerade aktiviteten"),
    )
    window.act_export_ics = window._action(
        _tr("Exportera ka&lenderfil (.ics)…"),
        lambda: export_ics(window),
        None,
        _tr("Planerade aktiviteter för ett år eller en period, för Outlook och Google"),
    )
    window.act_mail_list = window._action(
        _tr("Adresslista för &utskick (CSV)…"),
        lambda: export_mail_list(window),
        None,
        _tr("Samverkansgruppernas medlemmar eller registrerade personer, för koppla dokument"),
    )


def add_to_table(window: Any) -> None:
    """The activity table's context menu: its actions (Redigera, Ta bort) and Inbjudan…."""
    table = window.activities.table
    table.addAction(window.act_invitation)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def show_invitation(window: Any) -> None:
    from app.ui.invitation_dialog import InvitationDialog

    ids = window.activities.selected_ids()
    if len(ids) == 1:
        InvitationDialog.show_for(window, window.store, ids[0])


def export_ics(window: Any) -> None:
    from app.ui.ics_export_dialog import IcsExportDialog

    dialog = IcsExportDialog(
        window.store, window.insats, window._available_years(), window.year, window
    )
    if dialog.exec() == IcsExportDialog.DialogCode.Accepted:
        window.statusBar().showMessage(dialog.result_message, 10000)
    dialog.deleteLater()


def export_mail_list(window: Any) -> None:
    from app.ui.mail_list_dialog import MailListDialog

    dialog = MailListDialog(window.store, window.insats, window)
    if dialog.exec() == MailListDialog.DialogCode.Accepted:
        window.statusBar().showMessage(dialog.result_message, 10000)
    dialog.deleteLater()
