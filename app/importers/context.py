"""Reading what an import needs to know from the database, once, before it starts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.core.entities import Insats
from app.importers.report import ImportContext

if TYPE_CHECKING:
    from app.store.database import Store


def load_context(store: Store, insats: Insats, today: date | None = None) -> ImportContext:
    """The insats's types, kommuner, organisations and the activities it already has."""
    from app.store.activity_import import existing_activities

    if insats.id is None or insats.forbund_id is None:
        raise ValueError("the insats must be stored")
    return ImportContext(
        insats=insats,
        types=tuple(store.reference.activity_types(include_inactive=True)),
        kommuner=tuple(store.reference.kommuner(insats.forbund_id)),
        organisations=tuple(store.reference.organisations(insats.forbund_id)),
        existing=existing_activities(store.file, insats.id),
        today=today or date.today(),
    )
