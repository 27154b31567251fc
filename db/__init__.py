"""Alembic migrations for the Insatslogg database.

HEAD_REVISION lets the app see that a database is up to date without loading
Alembic at start; a test checks that it names the newest migration.
"""

from pathlib import Path

HEAD_REVISION = "0011"
MIGRATIONS_DIR = Path(__file__).resolve().parent


def rebuild() -> str:
    """``recreate`` for a batch that must rebuild the table in SQLite (which cannot
    alter a constraint in place); PostgreSQL alters the table where it stands."""
    from alembic import op

    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"
