"""The dialogs behind the main window's "Inställningar" menu.

Each has ``ask(parent, store) -> bool``, True when something was saved. They live in
small modules of their own; this one gathers them for the main window.
"""

from app.ui.settings_insats import InsatsDialog, InsatserDialog, NewInsatsDialog
from app.ui.settings_lists import ActivityTypesDialog, KommunerDialog, OrganisationsDialog
from app.ui.settings_logo import ReportLogoDialog

__all__ = [
    "ActivityTypesDialog",
    "InsatsDialog",
    "InsatserDialog",
    "KommunerDialog",
    "NewInsatsDialog",
    "OrganisationsDialog",
    "ReportLogoDialog",
]
