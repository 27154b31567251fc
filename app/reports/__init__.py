"""Reports written from the core summaries (Excel now, PDF later). No Qt here."""
