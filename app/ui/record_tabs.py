"""The record's pages in the main window's tabs, each built the first time it is shown.

Building them at start would slow the first screen down; a page that is not shown
is only marked stale when the year or the data changes, and refreshed when opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.changes import (
    ECONOMY_TAB,
    EVALUATIONS_TAB,
    FOLLOWUP_TAB,
    GROUPS_TAB,
    PLAN_TAB,
    REACH_TAB,
)
from app.core.entities import Insats
from app.store.database import Store


@runtime_checkable
class RecordPage(Protocol):
    """What the window needs of a page: it tells when it saved, and shows a year."""

    changed: SignalInstance

    def set_context(self, insats: Insats, year: int) -> None: ...


PageT = TypeVar("PageT", bound=RecordPage)


def record_page(page: PageT) -> PageT:
    """The page itself; the type checker sees here that it is a ``RecordPage``."""
    return page


# The factories: each imports its page's module when the tab is first shown (not at
# start) and builds the page on the store.
def groups_page(store: Store) -> QWidget:
    from app.ui.groups_page import GroupsPage

    return record_page(GroupsPage(store))


def reach_page(store: Store) -> QWidget:
    from app.ui.reach_page import ReachPage

    return record_page(ReachPage(store))


def year_plan_page(store: Store) -> QWidget:
    from app.ui.year_plan_page import YearPlanPage

    return record_page(YearPlanPage(store))


def followup_page(store: Store) -> QWidget:
    from app.ui.followup_page import FollowUpPage

    return record_page(FollowUpPage(store))


def evaluations_page(store: Store) -> QWidget:
    from app.ui.evaluations_page import EvaluationsPage

    return record_page(EvaluationsPage(store))


def economy_page(store: Store) -> QWidget:
    from app.ui.economy_page import EconomyPage

    return record_page(EconomyPage(store))


@dataclass(frozen=True)
class PageSpec:
    title: str
    menu_text: str  # the title in the Visa menu, with its access key
    name: str  # the page's object name
    factory: Callable[[Store], QWidget]
    tab: str  # the tab's name in the change log (core.changes)
    after_overview: bool = False  # placed after Årsöversikt (its Ctrl+7 stays)


PAGES = (
    PageSpec("Samverkansgrupper", "&Samverkansgrupper", "GroupsPage", groups_page, GROUPS_TAB),
    PageSpec("Nådda personer", "Nå&dda personer", "ReachPage", reach_page, REACH_TAB),
    PageSpec("Årsplan", "Års&plan", "YearPlanPage", year_plan_page, PLAN_TAB),
    PageSpec("Uppföljning", "&Uppföljning", "FollowUpPage", followup_page, FOLLOWUP_TAB),
    PageSpec(
        "Utvärderingar", "Utvärderin&gar", "EvaluationsPage", evaluations_page, EVALUATIONS_TAB
    ),
    PageSpec("Ekonomi", "&Ekonomi", "EconomyPage", economy_page, ECONOMY_TAB, after_overview=True),
)
# The tabs: Aktiviteter, the pages before Årsöversikt, Årsöversikt, the pages after it.
OVERVIEW_AT = 1 + sum(1 for spec in PAGES if not spec.after_overview)
assert all(spec.after_overview for spec in PAGES[OVERVIEW_AT - 1 :])


def page_tab(index: int) -> int:
    """The tab index of ``PAGES[index]``."""
    return 1 + index if index < OVERVIEW_AT - 1 else 2 + index


class LazyPage(QWidget):
    """A tab's frame; the page inside is made when the tab is first shown."""

    def __init__(
        self,
        spec: PageSpec,
        store: Store,
        on_created: Callable[[RecordPage], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._store = store
        self._on_created = on_created
        self.page: QWidget | None = None
        self._record: RecordPage | None = None
        self._context: tuple[Insats, int] | None = None
        self._stale = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_context(self, insats: Insats, year: int) -> None:
        """Remember the insats and year; the page is refreshed when it is shown."""
        self._context = (insats, year)
        self._stale = True

    def mark_stale(self) -> None:
        self._stale = True

    def shown(self) -> None:
        """Called when the tab becomes current: build the page if needed, then refresh it."""
        # The page's reads share one connection: each new one parses the schema again.
        with self._store.file.read():
            self._show()

    def _show(self) -> None:
        if self._record is None:
            page = self.spec.factory(self._store)
            if not isinstance(page, RecordPage):
                raise TypeError(f"{self.spec.name}: not a page of the record")
            page.setObjectName(self.spec.name)
            self._layout.addWidget(page)
            self.page = page
            self._record = page
            self._on_created(page)
        if self._stale and self._context is not None:
            self._record.set_context(*self._context)
            self._stale = False
