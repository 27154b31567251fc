"""The schema revisions this program knows (the Alembic migrations in db/). Its own module
so that app.store.backups can check a backup's version without importing
app.store.migrations, which makes a backup before it upgrades."""

from __future__ import annotations

import db


def known_revisions() -> set[str]:
    """Every revision in db/migrations; a file stamped with another is from a newer Insatslogg."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(db.MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}
