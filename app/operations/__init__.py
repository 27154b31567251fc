"""The use cases that the window and the command line share: import, backups (and
exports, reports, edits). No Qt here.

An operation opens nothing itself: it takes a ``Store`` (or, for the backups, the
database's path) from its caller, does the work through the store, and hands the
importers and the reports plain data. The window adds what only a window has (a wait
cursor, a worker thread, a dialog); the command line adds its printing; the work and
its rules are written once, here.
"""
