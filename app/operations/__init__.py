"""Use cases the window and the command line share (no Qt): each takes an open Store."""
