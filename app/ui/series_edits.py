"""The Aktiviteter tab's edits of series: a new activity saved as a whole series, an
occurrence saved "Bara den här" or "Den här och alla följande", an occurrence deleted
alone, with the following ones or with the whole series, and "Ställ in tillfället".

Each is written, then made one step of Ångra by the page's ``_save`` (the change log).
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME
from app.core.entities import Activity, Insats
from app.core.errors import DomainError
from app.core.vocabulary import Status
from app.core.wording import count_noun

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.store.database import Store


class ActivitiesPage(Protocol):
    """What these edits use of the Aktiviteter tab (app.ui.activities_page)."""

    store: Store
    insats: Insats | None
    message: SignalInstance

    def _save(self, write: Callable[[], int | None], label: str | None = None) -> None: ...

    def _show_error(self, message: str) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("series_edits", text)


class Scope(Enum):
    ONE = "one"
    FOLLOWING = "following"
    SERIES = "series"


KEPT_COUNTS = "Genomförda tillfällen som redan har antal behåller sina antal."


def ask_scope(parent: QWidget | None, text: str, whole: bool = False) -> Scope | None:
    """Bara den här / Den här och alla följande (/ Hela serien); None: Avbryt."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=parent)
    box.setObjectName("seriesScope")
    buttons = {
        box.addButton(_tr("Bara den här"), QMessageBox.ButtonRole.AcceptRole): Scope.ONE,
        box.addButton(
            _tr("Den här och alla följande"), QMessageBox.ButtonRole.AcceptRole
        ): Scope.FOLLOWING,
    }
    if whole:
        buttons[box.addButton(_tr("Hela serien"), QMessageBox.ButtonRole.AcceptRole)] = Scope.SERIES
    cancel = box.addButton(_tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((scope for b, scope in buttons.items() if b is clicked), None)


def save_new(page: ActivitiesPage, activity: Activity, label: str | None = None) -> None:
    """Add the activity, or the whole series of it when the dialog gave a rule
    (``series_rule``); one step of Ångra either way."""
    rule = activity.series_rule
    if rule is None:
        page._save(lambda: page.store.activities.add(activity).id, label)
        return
    insats = page.insats
    from app.core.series import occurrences

    n = count_noun(len(occurrences(rule)), "tillfälle", "tillfällen")
    label = _tr("skapa serie {title} ({n})").format(title=activity.title, n=n)
    template = replace(activity, series_rule=None)
    page._save(lambda: page.store.series.create(template, rule, insats)[0], label)
    page.message.emit(_tr("Serien sparades: {n}. Ångra med Ctrl+Z.").format(n=n), 5000)


def save_occurrence(page: ActivitiesPage, before: Activity, after: Activity) -> None:
    """Save an edited occurrence: only it, or it and every following one."""
    from app.store.series import COUNTS, changed_fields

    changed = changed_fields(before, after)
    scope = Scope.ONE
    if changed:
        text = _tr("Aktiviteten ingår i en serie. Vilka tillfällen ska ändras?")
        if changed & COUNTS:
            text += "\n\n" + _tr(KEPT_COUNTS)
        chosen = ask_scope(cast(QWidget, page), text)
        if chosen is None:
            return
        scope = chosen
    if scope is Scope.ONE:
        page._save(lambda: page.store.activities.update(after).id)
        return
    kept: list[int] = []

    def write() -> int | None:
        result = page.store.series.update_following(before, after)
        kept.extend(result.kept_counts)
        return after.id

    label = _tr("ändra serie {title} från {day}").format(title=after.title, day=after.start)
    page._save(write, label)
    if kept:
        page.message.emit(
            _tr("{n} behöll sina antal.").format(
                n=count_noun(len(kept), "genomfört tillfälle", "genomförda tillfällen")
            ),
            8000,
        )


def delete_occurrence(page: ActivitiesPage, activity: Activity) -> bool:
    """Delete an occurrence alone, with the following ones or the whole series; False
    when the user cancelled."""
    scope = ask_scope(
        cast(QWidget, page),
        _tr("Aktiviteten ingår i en serie. Vilka tillfällen ska tas bort?"),
        whole=True,
    )
    if scope is None or activity.id is None or activity.series_id is None:
        return False
    activity_id, series_id = activity.id, activity.series_id

    def delete() -> int | None:
        if scope is Scope.ONE:
            page.store.activities.delete_many([activity_id])
        elif scope is Scope.FOLLOWING:
            page.store.series.delete_following(activity_id)
        else:
            page.store.series.delete_series(series_id)
        return None

    labels = {
        Scope.ONE: _tr("ta bort tillfälle {title} {day}"),
        Scope.FOLLOWING: _tr("ta bort serie {title} från {day}"),
        Scope.SERIES: _tr("ta bort serie {title}"),
    }
    page._save(delete, labels[scope].format(title=activity.title, day=activity.start))
    return True


def cancel_occurrence(page: ActivitiesPage, activity_id: int) -> None:
    """Ställ in tillfället: the occurrence gets status inställd."""
    try:
        activity = page.store.activities.get(activity_id)
    except DomainError as exc:
        page._show_error(str(exc))
        return
    if activity.status is Status.INSTALLD:
        return
    label = _tr("ställ in {title} {day}").format(title=activity.title, day=activity.start)

    def cancel() -> int | None:
        page.store.series.cancel(activity_id)
        return activity_id

    page._save(cancel, label)
