"""The open database: one file, migrated at open, with a repository per area."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DomainError
from app.store import migrations
from app.store.activities import ActivityRepository
from app.store.database_file import DatabaseFile
from app.store.file_checks import make_private
from app.store.reference import ReferenceRepository
from app.store.server_location import ServerLocation, is_server_url

if TYPE_CHECKING:
    from app.store.activity_search import ActivitySearch
    from app.store.change_log import ChangeLog
    from app.store.county_stats import CountyStatsRepository
    from app.store.economy import EconomyRepository
    from app.store.evaluations import EvaluationRepository
    from app.store.export_reads import ExportReadRepository
    from app.store.goal_measures import GoalMeasureRepository
    from app.store.groups import GroupRepository
    from app.store.milestones import MilestoneRepository
    from app.store.people import PeopleRepository
    from app.store.placements import PlacementRepository
    from app.store.reach import ReachRepository
    from app.store.report_texts import ReportTextRepository
    from app.store.series import SeriesRepository
    from app.store.server_database import ServerDatabase
    from app.store.summaries import SummaryRepository
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


def resolve_where(explicit: str | os.PathLike[str] | None = None) -> Path | ServerLocation:
    """Like ``resolve_path``, but a ``postgresql://`` URL (given or in $INSATSLOGG_DB)
    is a database on a server. DomainError (Swedish) for a malformed URL."""
    text = explicit if explicit else os.environ.get(DB_ENV)
    if isinstance(text, str) and is_server_url(text):
        try:
            return ServerLocation.parse(text)
        except ValueError as exc:
            raise DomainError(str(exc)) from exc
    return resolve_path(explicit)


def file_of(where: Path | ServerLocation) -> Path | None:
    """The database file, or None for a database on a server."""
    return None if isinstance(where, ServerLocation) else where


class Store:
    """The database file and the repositories that read and write it.

    The first screen needs only the reference lists and the activities; every other
    repository (and its modules) is made the first time it is used.
    """

    def __init__(self, where: Path | ServerLocation) -> None:
        self.file: DatabaseFile | ServerDatabase
        if isinstance(where, ServerLocation):
            from app.store.server_database import ServerDatabase

            self.server: ServerLocation | None = where
            # No file: what works on a file (its checks, its backups) asks ``server``.
            self.path = Path(where.label)
            self.file = ServerDatabase(where)
        else:
            self.server = None
            self.path = where
            self.file = DatabaseFile(where)
        self.reference = ReferenceRepository(self.file)
        self.activities = ActivityRepository(self.file)

    @cached_property
    def search(self) -> ActivitySearch:
        """Search every year's activities (issue 14)."""
        from app.store.activity_search import ActivitySearch

        return ActivitySearch(self.file)

    @cached_property
    def changes(self) -> ChangeLog:
        from app.store.change_log import ChangeLog

        return ChangeLog(self.file)

    @cached_property
    def people(self) -> PeopleRepository:
        from app.store.people import PeopleRepository

        return PeopleRepository(self.file)

    @cached_property
    def reach(self) -> ReachRepository:
        from app.store.reach import ReachRepository

        return ReachRepository(self.file)

    @cached_property
    def plan(self) -> PlanRepository:
        from app.store.year_plan import PlanRepository

        return PlanRepository(self.file)

    @cached_property
    def goal_measures(self) -> GoalMeasureRepository:
        from app.store.goal_measures import GoalMeasureRepository

        return GoalMeasureRepository(self.file)

    @cached_property
    def series(self) -> SeriesRepository:
        from app.store.series import SeriesRepository

        return SeriesRepository(self.file)

    @cached_property
    def placements(self) -> PlacementRepository:
        from app.store.placements import PlacementRepository

        return PlacementRepository(self.file)

    @cached_property
    def county_stats(self) -> CountyStatsRepository:
        from app.store.county_stats import CountyStatsRepository

        return CountyStatsRepository(self.file)

    @cached_property
    def milestones(self) -> MilestoneRepository:
        from app.store.milestones import MilestoneRepository

        return MilestoneRepository(self.file)

    @cached_property
    def groups(self) -> GroupRepository:
        from app.store.groups import GroupRepository

        return GroupRepository(self.file)

    @cached_property
    def exports(self) -> ExportReadRepository:
        from app.store.export_reads import ExportReadRepository

        return ExportReadRepository(self.file)

    @cached_property
    def report_texts(self) -> ReportTextRepository:
        from app.store.report_texts import ReportTextRepository

        return ReportTextRepository(self.file)

    @cached_property
    def evaluations(self) -> EvaluationRepository:
        from app.store.evaluations import EvaluationRepository

        return EvaluationRepository(self.file)

    @cached_property
    def economy(self) -> EconomyRepository:
        """Budget, costs, konto mapping and notes (issue 15)."""
        from app.store.economy import EconomyRepository

        return EconomyRepository(self.file)

    @cached_property
    def summaries(self) -> SummaryRepository:
        from app.store.summaries import RecordSources, SummaryRepository

        return SummaryRepository(
            self.file,
            self.reference,
            RecordSources(
                groups=self.groups,
                reach=self.reach,
                plan=self.plan,
                placements=self.placements,
                county_stats=self.county_stats,
                milestones=self.milestones,
                report_texts=self.report_texts,
            ),
        )

    @property
    def dialect(self) -> str:
        """ "sqlite" (a file) or "postgresql" (a server)."""
        return self.file.dialect

    @property
    def label(self) -> str:
        """The database as the window and messages name it."""
        return self.server.label if self.server is not None else str(self.path)

    @classmethod
    def open_server(cls, location: ServerLocation) -> Store:
        """Open the database on a server and bring its schema up to date."""
        from app.store.server_migrations import upgrade_server

        upgrade_server(location)
        return cls(location)

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the database at ``path`` and bring its schema up to date.

        Only a missing path is a new database: it is made whole under a temporary name
        and then renamed into place, so a start killed half-way leaves no empty file that
        would later pass for a new database. An existing empty file is refused.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            migrations.create_database(path)
        elif path.stat().st_size == 0:
            raise DomainError(
                f"Databasfilen {path} är tom (0 byte). Den har inte ändrats. Återställ en "
                "säkerhetskopia, eller ta bort filen om du vill börja med en ny databas."
            )
        make_private(path)
        migrations.upgrade(path)
        return cls(path)

    def close(self) -> None:
        if "search" in self.__dict__:  # its own connection (issue 14)
            self.search.forget()
        self.file.dispose()
