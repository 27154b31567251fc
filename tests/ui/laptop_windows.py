"""Every window of the program, opened on a 1366×768 screen (a common kommun laptop).

Run as a child process under ``QT_QPA_PLATFORM=offscreen:configfile=…`` (a screen of that
size): ``python -m tests.ui.laptop_windows DB OUT.json [PNG_FOLDER]``. It opens the main
window on each tab and every dialog on records of the database, and writes for each what
a user on that screen gets: its size, the smallest size its layout allows, and the
buttons that are not inside it. With a folder it also saves a picture of each.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget


def _pump(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def _measure(
    app: QApplication, name: str, window: QWidget, pictures: Path | None
) -> dict[str, Any]:
    window.show()
    _pump(app)
    inside = QRect(QPoint(0, 0), window.size())
    outside = [
        b.text()
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window)
        and b.window() is window
        and not inside.contains(QRect(b.mapTo(window, QPoint(0, 0)), b.size()))
    ]
    if pictures is not None:
        window.grab().save(str(pictures / f"{name}.png"))
    hint = window.minimumSizeHint()
    return {
        "name": name,
        "width": window.width(),
        "height": window.height(),
        "min_width": hint.width(),
        "min_height": hint.height(),
        "buttons_outside": outside,
    }


def _measures_dialog(store: Any, insats_id: int, parent: QWidget) -> QWidget:
    """The insats's measures (the demo's example targets), the first one shown."""
    from app.ui.goal_measures_editor import GoalMeasuresDialog

    return GoalMeasuresDialog(store, insats_id, None, "Insatsens mål", parent)


def _with_names_open(choices: Any, activity: Any, parent: QWidget) -> QWidget:
    from app.ui.activity_dialog import ActivityDialog

    dialog = ActivityDialog(choices, activity, parent=parent)
    assert dialog.participants_section is not None
    dialog.participants_section.set_open(True)
    return dialog


def _search_with_hits(w: Any) -> QWidget:
    """Sök i alla år… with a search typed: the demo's hits of every year."""
    from app.ui.search_actions import show_search

    dialog = show_search(w)
    dialog.text_edit.setText("ASF")
    dialog.search_now()
    dialog.table.selectRow(1)
    return dialog


def _evaluation_dialog(w: Any, activity_id: int) -> QWidget:
    from app.core.evaluation import Evaluation
    from app.operations.evaluations import evaluated_activity
    from app.ui.evaluation_dialog import EvaluationDialog

    stored = w.store.evaluations.get(activity_id) or Evaluation(None, activity_id)
    return EvaluationDialog(evaluated_activity(w.store, activity_id, stored), w)


def _forms() -> Any:
    """A survey as a Forms export gives it: three questions, quotes, columns not read."""
    from app.core.evaluation import Question, Quote
    from app.core.evaluation_scale import Distribution
    from app.importers.forms import MICROSOFT, FormsImport

    return FormsImport(
        file_name="Utvärdering frukostmöte (1-14).xlsx",
        source=MICROSOFT,
        respondents=14,
        questions=tuple(
            Question(text, Distribution(0, 1, 2, 5, 6))
            for text in (
                "Hur nöjd är du med frukostmötet som helhet?",
                "Innehållet var relevant för mitt arbete",
                "Jag vet mer om arbetsintegrerande sociala företag nu",
            )
        ),
        candidate_quotes=tuple(
            Quote(text, "Vad tar du med dig?")
            for text in ("Konkreta exempel från kommunerna", "Att upphandla med sociala hänsyn")
        ),
        mapping=(("Instämmer helt", 5), ("Instämmer delvis", 4), ("Varken eller", 3)),
        not_read=(
            "ID (personuppgift eller teknisk uppgift)",
            "Namn (personuppgift eller teknisk uppgift)",
        ),
        text_questions=("Vad tar du med dig?",),
    )


def _ledger_dialog(w: Any) -> QWidget:
    """Importera huvudboksutdrag with a Visma extract of 2020 read (seeded rows)."""
    import random
    import tempfile

    from app.ui.ledger_import_dialog import LedgerImportDialog
    from tests.ledger_files import random_rows, write_ledger

    rows = random_rows(random.Random(15), date(2020, 1, 1), date(2020, 12, 31), 60)
    path = write_ledger(Path(tempfile.mkdtemp()), rows, "visma", "xlsx", name="Huvudbok 2020")
    dialog = LedgerImportDialog(w.store, w.insats, w)
    dialog.set_path(path)
    return dialog


def _economy_dialogs(w: Any) -> list[tuple[str, Callable[[], QWidget]]]:
    """The Ekonomi tab's dialogs (issue 15): a new cost, a ledger cost with its
    verifikation and konto shown, the year's budget, the budget lines, a note on a
    finding (a cost as the funding rules flag it)."""
    from app.core.economy_entities import Cost
    from app.core.funding_rules import MEMBERSHIP, RULES, FundingFinding
    from app.ui.budget_editor import BudgetDialog
    from app.ui.budget_lines_dialog import BudgetLinesDialog
    from app.ui.cost_dialog import CostDialog
    from app.ui.finding_note_dialog import FindingNoteDialog

    store, ins = w.store, w.insats
    lines = store.economy.lines()
    activities = [(r.id, r.start, r.title) for r in store.activities.rows(ins.id, None)]
    day = date(2018, 3, 14)
    ledger = Cost(
        None,
        ins.id,
        day,
        1_906_255,
        lines[-1].id,
        "Medlemsavgift Skoopi 2018 enligt faktura",
        None,
        "V2018-0412",
        "6990",
        "Övriga externa kostnader",
        "huvudbok-2018.xlsx",
    )
    finding = FundingFinding(ledger, RULES[MEMBERSHIP], "medlemsavgift, Skoopi")
    return [
        ("ny kostnad", lambda: CostDialog(ins, lines, activities, None, day, False, w)),
        (
            "kostnad från huvudboken",
            lambda: CostDialog(ins, lines, activities, ledger, day, False, w),
        ),
        ("budget", lambda: BudgetDialog(ins.name, 2018, lines, {}, w)),
        ("budgetrader", lambda: BudgetLinesDialog(w, store)),
        ("bedömning av regelkontroll", lambda: FindingNoteDialog(finding, w)),
    ]


def _dialogs(w: Any) -> list[tuple[str, Callable[[], QWidget]]]:
    from app.ui import settings_dialogs as sd
    from app.ui.activity_dialog import ActivityDialog
    from app.ui.backup_dialog import BackupDialog
    from app.ui.change_log_dialog import ChangeLogDialog
    from app.ui.charts.period_charts_dialog import PeriodChartsDialog
    from app.ui.county_stats_dialog import CountyStatsDialog
    from app.ui.evaluation_preview import FormsPreviewDialog
    from app.ui.export_dialog import PDF, ExportDialog
    from app.ui.group_dialog import GroupDialog
    from app.ui.milestone_dialog import MilestoneDialog
    from app.ui.placement_dialog import PlacementDialog
    from app.ui.privacy_dialog import PrivacyDialog
    from app.ui.reach_dialog import ReachDialog
    from app.ui.report_texts_dialog import ReportTextsDialog
    from app.ui.series_dialog import SeriesDialog

    store, ins = w.store, w.insats
    activities = [store.activities.get(r.id) for r in store.activities.rows(ins.id, None)]
    longest = max(activities, key=lambda a: (len(a.steps), len(a.notes)))
    group = store.groups.get(store.groups.list(ins.id)[0].id)
    placement = store.placements.list(ins.id)[0]
    stats = store.county_stats.list(ins.forbund_id)[0]
    reach = next(e for y in ins.years for e in store.reach.entries(ins.id, y))
    regions = sorted({k.delregion for k in w.activities.kommuner if k.delregion})
    return [
        ("aktivitet", lambda: ActivityDialog(w.activities._choices(), longest, parent=w)),
        (
            "ny aktivitet",
            lambda: ActivityDialog(w.activities._choices(), None, date(2020, 3, 2), w),
        ),
        (
            "aktivitet med namnlistan öppen",
            lambda: _with_names_open(w.activities._choices(), longest, w),
        ),
        ("upprepa (serie)", lambda: SeriesDialog(date(2020, 3, 3), None, ins.years, w)),
        ("exportera excel", lambda: ExportDialog(ins, list(ins.years), 2020, w)),
        ("exportera pdf", lambda: ExportDialog(ins, list(ins.years), 2020, w, PDF)),
        ("samverkansgrupp", lambda: GroupDialog(store, ins, group, w)),
        ("placering", lambda: PlacementDialog(ins.id, w.activities.kommuner, placement, None, w)),
        (
            "milstolpe",
            lambda: MilestoneDialog(
                ins.id, w.activities.kommuner, w.activities.organisations, None, None, w
            ),
        ),
        ("länsstatistik", lambda: CountyStatsDialog(ins.forbund_id, regions, stats, None, (), w)),
        ("räckvidd", lambda: ReachDialog(w.activities.kommuner, ins.id, reach.year, reach, w)),
        ("personuppgifter", lambda: PrivacyDialog(w, store, ins.forbund_id)),
        ("rapporttexter", lambda: ReportTextsDialog(store, ins, 2020, w)),
        ("mått och målvärden", lambda: _measures_dialog(store, ins.id, w)),
        ("säkerhetskopior", lambda: BackupDialog(store.path, w)),
        ("kommuner", lambda: sd.KommunerDialog(w, store)),
        ("organisationer", lambda: sd.OrganisationsDialog(w, store)),
        ("aktivitetstyper", lambda: sd.ActivityTypesDialog(w, store)),
        ("förbund och insats", lambda: sd.InsatsDialog(w, store)),
        ("logotyp för rapporter", lambda: sd.ReportLogoDialog(w, store)),
        ("byt insats", lambda: sd.InsatserDialog(w, store)),
        ("ändringslogg", lambda: ChangeLogDialog(store, w)),
        ("diagram för period", lambda: PeriodChartsDialog(store, ins, 2020, w)),
        ("sök i alla år", lambda: _search_with_hits(w)),
        ("utvärdering", lambda: _evaluation_dialog(w, longest.id)),
        ("enkätsvar, förhandsvisning", lambda: FormsPreviewDialog(_forms(), w)),
        ("huvudboksutdrag", lambda: _ledger_dialog(w)),  # issue 15
        *_economy_dialogs(w),
    ]


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    pictures = Path(argv[2]) if len(argv) > 2 else None
    app = QApplication([])
    from app.store.database import Store
    from app.ui.application import install_swedish
    from app.ui.main_window import MainWindow

    translators = install_swedish(app)
    store = Store.open(db)
    settings = QSettings(str(out.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(store, settings)
    results = []
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        name = f"huvudfönster, {window.tabs.tabText(tab)}"
        results.append(_measure(app, name, window, pictures))
    window.tabs.setCurrentIndex(0)
    for name, make in _dialogs(window):
        dialog = make()
        results.append(_measure(app, name, dialog, pictures))
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.deleteLater()
    screen = app.primaryScreen().availableGeometry()
    out.write_text(
        json.dumps({"screen": [screen.width(), screen.height()], "windows": results}),
        encoding="utf-8",
    )
    window.close()
    store.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
