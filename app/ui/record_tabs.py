"""The record's pages in the main window's tabs, each built the first time it is shown.

Building them at start would slow the first screen down; a page that is not shown
is only marked stale when the year or the data changes, and refreshed when opened.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.entities import Insats
from app.store.database import Store


class RecordPage(Protocol):
    changed: SignalInstance

    def set_context(self, insats: Insats, year: int) -> None: ...


@dataclass(frozen=True)
class PageSpec:
    title: str
    module: str
    cls: str
    menu_text: str  # the title in the Visa menu, with its access key


PAGES = (
    PageSpec("Samverkansgrupper", "app.ui.groups_page", "GroupsPage", "&Samverkansgrupper"),
    PageSpec("Nådda personer", "app.ui.reach_page", "ReachPage", "Nå&dda personer"),
    PageSpec("Årsplan", "app.ui.year_plan_page", "YearPlanPage", "Års&plan"),
    PageSpec("Uppföljning", "app.ui.followup_page", "FollowUpPage", "&Uppföljning"),
)


class LazyPage(QWidget):
    """A tab's frame; the page inside is made when the tab is first shown."""

    def __init__(
        self,
        spec: PageSpec,
        store: Store,
        on_created: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._store = store
        self._on_created = on_created
        self.page: QWidget | None = None
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
        if self.page is None:
            cls = getattr(importlib.import_module(self.spec.module), self.spec.cls)
            page = cls(self._store)
            page.setObjectName(self.spec.cls)
            self._layout.addWidget(page)
            self.page = page
            self._on_created(page)
        if self._stale and self._context is not None:
            page_obj: QObject = self.page
            page_obj.set_context(*self._context)  # type: ignore[attr-defined]
            self._stale = False
