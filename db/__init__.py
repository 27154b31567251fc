"""Alembic migrations for the Insatslogg database.

HEAD_REVISION lets the app see that a database is up to date without loading
Alembic at start; a test checks that it names the newest migration.
"""

from pathlib import Path

HEAD_REVISION = "0009"
MIGRATIONS_DIR = Path(__file__).resolve().parent
