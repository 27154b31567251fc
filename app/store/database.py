"""The open database: one file, migrated at open, with a repository per area."""

from __future__ import annotations

import os
from pathlib import Path

from app.store import migrations
from app.store.activities import ActivityRepository
from app.store.county_stats import CountyStatsRepository
from app.store.database_file import DatabaseFile
from app.store.export_reads import ExportReadRepository
from app.store.groups import GroupRepository
from app.store.milestones import MilestoneRepository
from app.store.people import PeopleRepository
from app.store.placements import PlacementRepository
from app.store.reach import ReachRepository
from app.store.reference import ReferenceRepository
from app.store.report_texts import ReportTextRepository
from app.store.summaries import RecordSources, SummaryRepository
from app.store.year_plan import PlanRepository

DB_ENV = "INSATSLOGG_DB"
DB_FILENAME = "insatslogg.sqlite3"


def default_path() -> Path:
    """Where the database lives unless told otherwise: the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("Insatslogg", appauthor=False) / DB_FILENAME


def resolve_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` first, then $INSATSLOGG_DB, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_path()


class Store:
    """The database file and the repositories that read and write it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = DatabaseFile(path)
        self.reference = ReferenceRepository(self.file)
        self.activities = ActivityRepository(self.file)
        self.people = PeopleRepository(self.file)
        self.reach = ReachRepository(self.file)
        self.plan = PlanRepository(self.file)
        self.placements = PlacementRepository(self.file)
        self.county_stats = CountyStatsRepository(self.file)
        self.milestones = MilestoneRepository(self.file)
        self.groups = GroupRepository(self.file)
        self.exports = ExportReadRepository(self.file)
        self.report_texts = ReportTextRepository(self.file)
        self.summaries = SummaryRepository(
            self.file,
            self.reference,
            RecordSources(
                groups=self.groups,
                reach=self.reach,
                plan=self.plan,
                placements=self.placements,
                county_stats=self.county_stats,
                milestones=self.milestones,
            ),
        )

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the database at ``path`` and bring its schema up to date."""
        path.parent.mkdir(parents=True, exist_ok=True)
        migrations.upgrade(path)
        return cls(path)

    def close(self) -> None:
        self.file.dispose()
