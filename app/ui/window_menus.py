"""The main window's menus and toolbar, built from its actions (``MainWindow`` creates
them; this module only places them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QToolButton


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def create_menus_and_toolbar(window: Any) -> None:
    """The menus and the toolbar of ``window``, a MainWindow (typed loosely: the window
    module imports this one)."""
    bar = window.menuBar()
    m = bar.addMenu(tr("&Arkiv"))
    m.addActions([window.act_new_database, window.act_open_database])
    m.addMenu(window.recent_menu)
    m.addAction(window.act_save_copy)
    m.addSeparator()
    m.addAction(window.act_new)
    m.addSeparator()
    m.addActions([window.act_import, window.act_import_ledger])
    m.addActions([window.act_export, window.act_report, window.act_report_texts])
    m.addActions([window.act_export_ics, window.act_mail_list])  # invitations
    m.addSeparator()
    m.addActions([window.act_backup_now, window.act_restore])
    m.addActions([window.act_offline_take, window.act_offline_merge])  # issue 16
    m.addSeparator()
    m.addAction(window.act_quit)
    m = bar.addMenu(tr("&Redigera"))
    m.addActions([window.act_undo, window.act_redo, window.act_change_log])
    m.addSeparator()
    m.addActions([window.act_edit, window.act_duplicate, window.act_delete])
    m.addAction(window.act_cancel_occurrence)
    m.addSeparator()
    m.addActions([window.act_signin, window.act_invitation, window.act_evaluation])
    m.addSeparator()
    m.addActions([window.act_find, window.act_search_all, window.act_clear_filter])
    m = bar.addMenu(tr("&Visa"))
    m.addActions(window.act_show_tabs)
    m.addSeparator()
    m.addAction(window.act_period_charts)
    m.addSeparator()
    m.addActions([window.act_prev_year, window.act_next_year])
    m = bar.addMenu(tr("&Inställningar"))
    m.addActions([window.act_insats, window.act_insatser])
    m.addSeparator()
    m.addActions([window.act_kommuner, window.act_orgs, window.act_types, window.act_logo])
    m.addAction(window.act_budget_lines)  # issue 15
    m.addSeparator()
    m.addActions([window.act_privacy, window.act_backups])
    m.addAction(window.act_server)  # issue 16
    m = bar.addMenu(tr("&Hjälp"))
    m.addAction(window.act_demo)
    m.addSeparator()
    m.addAction(window.act_about)

    tb = window.addToolBar(tr("Verktyg"))
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    prev_btn = QToolButton()
    prev_btn.setDefaultAction(window.act_prev_year)
    prev_btn.setText("◀")
    next_btn = QToolButton()
    next_btn.setDefaultAction(window.act_next_year)
    next_btn.setText("▶")
    tb.addWidget(QLabel(tr(" År: ")))
    tb.addWidget(prev_btn)
    tb.addWidget(window.year_combo)
    tb.addWidget(next_btn)
    tb.addSeparator()
    tb.addActions([window.act_new, window.act_edit, window.act_duplicate, window.act_delete])
    tb.addSeparator()
    tb.addActions([window.act_undo, window.act_redo])
    window.statusBar()
