"""Use cases the window and the command line share (no Qt): each takes an open Store.

Exports and reports (exports, reports), imports and backups (imports, backups) and the
change log (change_log). The writers and readers in app/reports and app/importers are
fed plain data from here and never see the store.
"""
