"""Qt windows, models, dialogs and undo commands."""
