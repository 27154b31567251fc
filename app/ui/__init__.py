"""Qt windows, models, dialogs, and Ångra/Gör om over the change log."""
