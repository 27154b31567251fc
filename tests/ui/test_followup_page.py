"""The follow-up page driven as a user would: the real dialogs, the tables, the findings.

Figures are the Gävleborg final report's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.county_stats import CountyStats
from app.core.entities import Insats, Kommun, Organisation
from app.core.milestones import Milestone
from app.core.placements import Placement
from app.core.vocabulary import MilestoneKind, Outcome, PlacedSource
from app.store.database import Store
from app.ui.county_stats_dialog import CountyStatsDialog
from app.ui.followup_models import BREACH_BACKGROUND
from app.ui.followup_page import TAB_COUNTY, TAB_MILESTONES, FollowUpPage
from app.ui.milestone_dialog import MilestoneDialog
from app.ui.placement_dialog import OTHER_PARTY, PlacementDialog
from tests.ui.keyboard import retype

AF, KOMMUN, OVRIGA = PlacedSource.ARBETSFORMEDLINGEN, PlacedSource.KOMMUN, PlacedSource.OVRIGA
REPORT = {
    2016: (34, (22, 12), 179, (113, 66), 156, (96, 57, 3)),
    2017: (34, (24, 10), 228, (137, 91), 230, (155, 65, 10)),
    2018: (30, (20, 10), 204, (113, 91), 244, (152, 74, 17)),
    2019: (28, (17, 11), 206, (108, 98), 130, (93, 26, 11)),
    2020: (28, (17, 11), 209, (111, 98), 123, (81, 26, 10)),
}


@pytest.fixture
def ids(insats: Insats) -> tuple[int, int]:
    assert insats.id is not None and insats.forbund_id is not None
    return insats.id, insats.forbund_id


@pytest.fixture
def report_placements(store: Store, ids: tuple[int, int], kommun_ids: dict[str, int]) -> None:
    insats_id, _ = ids
    k = kommun_ids
    for p in (
        Placement(None, insats_id, 2016, k["Hofors"], granted=4, used=0),
        Placement(
            None,
            insats_id,
            2017,
            k["Hudiksvall"],
            target_group="Individer med psykisk ohälsa",
            granted=4,
            used=1,
            women=1,
            outcomes={Outcome.FORTSATT_INSATS: 1},
        ),
        Placement(
            None,
            insats_id,
            2018,
            k["Hofors"],
            target_group="Individer särskilt långt från arbetsmarknaden",
            granted=4,
            used=1,
            women=1,
            length_months=6,
        ),
        Placement(
            None,
            insats_id,
            2018,
            k["Nordanstig"],
            target_group="Utrikes födda, företrädesvis kvinnor",
            granted=7,
            used=7,
            women=6,
            men=1,
            length_months=6,
            outcomes={
                Outcome.ARBETE: 1,
                Outcome.ARBETSFORMEDLINGEN: 1,
                Outcome.OFFENTLIG_FORSORJNING: 5,
            },
        ),
        Placement(
            None,
            insats_id,
            2018,
            k["Hudiksvall"],
            granted=4,
            used=2,
            women=1,
            men=1,
            length_months=6,
            outcomes={Outcome.OFFENTLIG_FORSORJNING: 2},
        ),
    ):
        store.placements.save(p)


@pytest.fixture
def report_stats(store: Store, ids: tuple[int, int]) -> None:
    _, forbund_id = ids
    for year, (total, regions, emp, (w, m), placed, sources) in REPORT.items():
        store.county_stats.save(
            CountyStats(
                None,
                forbund_id,
                year,
                snapshot_date=date(year, 10, 1),
                source="Slutrapport 2016–2020",
                companies_total=total,
                companies_by_region=dict(zip(("Hälsingland", "Gästrikland"), regions, strict=True)),
                employees_total=emp,
                employees_women=w,
                employees_men=m,
                placed_total=placed,
                placed_by_source=dict(zip((AF, KOMMUN, OVRIGA), sources, strict=True)),
            )
        )


@pytest.fixture
def report_milestones(store: Store, ids: tuple[int, int], kommun_ids: dict[str, int]) -> None:
    insats_id, _ = ids
    for m in (
        Milestone(
            None,
            insats_id,
            date(2016, 12, 1),
            MilestoneKind.POLICY,
            "Hudiksvalls kommun antar policy för främjande av ASF",
            kommun_id=kommun_ids["Hudiksvall"],
        ),
        Milestone(
            None,
            insats_id,
            date(2017, 10, 1),
            MilestoneKind.RESERVERAT_KONTRAKT,
            "Första upphandlingen med reserverat kontrakt",
            kommun_id=kommun_ids["Söderhamn"],
        ),
        Milestone(
            None,
            insats_id,
            date(2017, 9, 15),
            MilestoneKind.PRIS,
            "Årets främjare av arbetsintegrerande socialt företagande",
        ),
        Milestone(
            None,
            insats_id,
            date(2018, 11, 1),
            MilestoneKind.POLICY,
            "Bollnäs kommun antar policy",
            kommun_id=kommun_ids["Bollnäs"],
        ),
        Milestone(
            None,
            insats_id,
            date(2019, 10, 15),
            MilestoneKind.HANDLINGSPLAN,
            "Bollnäs kommun antar handlingsplan i kommunfullmäktige",
            kommun_id=kommun_ids["Bollnäs"],
        ),
        Milestone(
            None,
            insats_id,
            date(2019, 12, 31),
            MilestoneKind.RIKTLINJE,
            "Nordanstigs kommun antar riktlinjer för ASF",
            kommun_id=kommun_ids["Nordanstig"],
        ),
    ):
        store.milestones.save(m)


@pytest.fixture
def page(qtbot: QtBot, store: Store, insats: Insats) -> Iterator[FollowUpPage]:
    p = FollowUpPage(store)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.set_context(insats, 2018)
    p.show()
    yield p


def cells(model: Any) -> list[list[str]]:
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def headers(model: Any) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def cell_of(model: Any, label: str, column: str) -> QModelIndex:
    col = headers(model).index(column)
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == label:
            return model.index(r, col)
    raise AssertionError(f"{label} not in table")


def is_red(index: QModelIndex) -> bool:
    brush = index.data(Qt.ItemDataRole.BackgroundRole)
    return isinstance(brush, QBrush) and brush.color() == BREACH_BACKGROUND


def click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- dialogs answered by test code -----------------------------------------------------


def answer_placement(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[PlacementDialog], None]
) -> list[PlacementDialog]:
    shown: list[PlacementDialog] = []

    def ask(
        cls: type[PlacementDialog],
        parent: object,
        insats_id: int,
        kommuner: list[Kommun],
        placement: Placement | None = None,
        year: int | None = None,
    ) -> Placement | None:
        dialog = PlacementDialog(insats_id, kommuner, placement, year)
        shown.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return dialog.result_placement
        return None

    monkeypatch.setattr(PlacementDialog, "ask", classmethod(ask))
    return shown


def answer_county(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[CountyStatsDialog], None]
) -> list[CountyStatsDialog]:
    shown: list[CountyStatsDialog] = []

    def ask(
        cls: type[CountyStatsDialog],
        parent: object,
        forbund_id: int,
        delregioner: list[str],
        stats: CountyStats | None = None,
        year: int | None = None,
        taken_years: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> CountyStats | None:
        dialog = CountyStatsDialog(forbund_id, delregioner, stats, year, taken_years)
        shown.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return dialog.result_stats
        return None

    monkeypatch.setattr(CountyStatsDialog, "ask", classmethod(ask))
    return shown


def answer_milestone(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[MilestoneDialog], None]
) -> list[MilestoneDialog]:
    shown: list[MilestoneDialog] = []

    def ask(
        cls: type[MilestoneDialog],
        parent: object,
        insats_id: int,
        kommuner: list[Kommun],
        organisations: list[Organisation],
        milestone: Milestone | None = None,
        default_date: date | None = None,
    ) -> Milestone | None:
        dialog = MilestoneDialog(insats_id, kommuner, organisations, milestone, default_date)
        shown.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return dialog.result_milestone
        return None

    monkeypatch.setattr(MilestoneDialog, "ask", classmethod(ask))
    return shown


# --- placements ------------------------------------------------------------------------


@pytest.mark.usefixtures("report_placements")
def test_placements_of_the_year_with_the_missing_outcome_flagged(
    page: FollowUpPage, insats: Insats
) -> None:
    page.set_context(insats, 2018)
    model = page.placement_model

    assert page.tabs.tabText(0) == "Placeringar"
    assert page.placements.heading.text() == "Individinriktade insatser (placeringar) 2018"
    assert [row[:9] for row in cells(model)] == [
        ["Hofors", "Individer särskilt långt från arbetsmarknaden", "4", "1", "1", "0", "0"]
        + ["–", "6"],
        ["Nordanstig", "Utrikes födda, företrädesvis kvinnor", "7", "7", "6", "1", "0", "–", "6"],
        ["Hudiksvall", "", "4", "2", "1", "1", "0", "–", "6"],
    ]
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Kön ej angivet"
    assert model.data(model.index(1, 9)) == (
        "1 arbete, 1 vidare till arbetsförmedlingen, 5 åter i offentlig försörjning"
    )
    hofors_outcome = model.index(0, 9)
    assert model.data(hofors_outcome) == "(inget utfall angivet)"
    assert is_red(hofors_outcome)
    assert model.data(hofors_outcome, Qt.ItemDataRole.ToolTipRole) == (
        "Utfallen summerar inte till nyttjade platser: väntat 1, angivet 0 (inget utfall angivet)."
    )
    assert not is_red(model.index(1, 9))
    assert page.placements.summary.text() == (
        "Totalt 2018: 15 beviljade platser, 10 nyttjade (8 kvinnor, 2 män)."
    )
    assert page.placements.findings.isVisible()
    assert page.placements.findings.text() == (
        "Avvikelser att se över (1):\n"
        "• Placeringar 2018, Hofors: Utfallen summerar inte till nyttjade platser – "
        "väntat 1, angivet 0 (inget utfall angivet)."
    )

    page.set_context(insats, 2017)
    assert [row[0] for row in cells(model)] == ["Hudiksvall"]
    assert model.data(model.index(0, 9)) == "1 fortsatt insats"
    assert not page.placements.findings.isVisible()


def test_new_placement_with_a_breach_is_warned_about_and_saved_as_entered(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    kommun_ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []

    def fill(d: PlacementDialog) -> None:
        assert d.year_spin.value() == 2018
        assert d.granted.minimum() == 0  # negative numbers cannot be typed
        d.huvudman_combo.setCurrentText("Nordanstig")
        assert not d.other_edit.isVisibleTo(d)
        retype(qtbot, d.target_edit, "Utrikes födda, företrädesvis kvinnor")
        d.granted.setValue(7)
        d.used.setValue(8)
        d.women.setValue(6)
        d.men.setValue(1)
        assert d.gender_rest.text() == "1"  # kön ej angivet för en: normal, no warning
        assert "kvinnor" not in d.warnings.text()
        d.women.setValue(8)  # 8 + 1 > 8 used: that is an avvikelse
        d.outcome_spins[Outcome.OFFENTLIG_FORSORJNING].setValue(5)
        warnings.append(d.warnings.text())
        assert d.warnings.isVisibleTo(d)
        assert d.gender_rest.text() == "0"
        assert d.outcome_rest.text() == "3"
        form = d.gender_rest.parentWidget().layout()
        assert isinstance(form, QFormLayout)
        label = form.labelForField(d.gender_rest)
        assert isinstance(label, QLabel) and label.text() == "Kön ej angivet:"

    changed: list[bool] = []
    page.changed.connect(lambda: changed.append(True))
    shown = answer_placement(monkeypatch, fill)
    click(qtbot, page.placements.new_button)

    assert shown[0].windowTitle() == "Ny placering"
    assert warnings == [
        "• Fler platser nyttjade än beviljade: väntat högst 7, angivet 8.\n"
        "• Fler kvinnor och män än nyttjade platser: väntat högst 8, angivet 9 "
        "(8 kvinnor + 1 man).\n"
        "• Utfallen summerar inte till nyttjade platser: väntat 8, angivet 5 "
        "(åter i offentlig försörjning).\n"
        "Du kan spara ändå; avvikelsen visas i uppföljningen."
    ]
    (stored,) = store.placements.list(ids[0], 2018)
    assert (stored.kommun_id, stored.granted, stored.used) == (kommun_ids["Nordanstig"], 7, 8)
    assert stored.target_group == "Utrikes födda, företrädesvis kvinnor"
    assert changed == [True]
    model = page.placement_model
    assert cells(model)[0][:4] == ["Nordanstig", "Utrikes födda, företrädesvis kvinnor", "7", "8"]
    assert is_red(model.index(0, 3)) and is_red(model.index(0, 4)) and is_red(model.index(0, 5))
    assert not is_red(model.index(0, 6))  # kön ej angivet: 0 here, and never a breach
    assert page.placements.current_row() == 0  # the new placement is selected
    assert page.placements.findings.text().count("•") == 3


def test_another_party_needs_a_name(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problems: list[str] = []

    def fill(d: PlacementDialog) -> None:
        d.huvudman_combo.setCurrentIndex(d.huvudman_combo.findData(OTHER_PARTY))
        assert d.other_edit.isVisibleTo(d)
        d.ok_button.click()
        problems.append(d.problems.text())
        assert d.result() != QDialog.DialogCode.Accepted
        retype(qtbot, d.other_edit, "Region Gävleborg")
        d.granted.setValue(2)

    answer_placement(monkeypatch, fill)
    click(qtbot, page.placements.new_button)

    assert problems == ["Ange huvudman: välj en kommun eller skriv vilken part det gäller."]
    (stored,) = store.placements.list(ids[0], 2018)
    assert (stored.kommun_id, stored.huvudman) == (None, "Region Gävleborg")
    assert cells(page.placement_model)[0][0] == "Region Gävleborg"


@pytest.mark.usefixtures("report_placements")
def test_edit_a_placement_then_delete_it(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.reload()
    assert not page.placements.edit_button.isEnabled()
    page.placements.select(0)  # Hofors
    assert page.placements.edit_button.isEnabled()

    def fill(d: PlacementDialog) -> None:
        assert d.windowTitle() == "Redigera placering"
        assert d.huvudman_combo.currentText() == "Hofors"
        assert d.length.value() == 6
        assert d.warnings.isVisibleTo(d)
        d.outcome_spins[Outcome.OFFENTLIG_FORSORJNING].setValue(1)
        assert not d.warnings.isVisibleTo(d)

    answer_placement(monkeypatch, fill)
    click(qtbot, page.placements.edit_button)

    hofors = store.placements.list(ids[0], 2018)[0]
    assert hofors.outcome(Outcome.OFFENTLIG_FORSORJNING) == 1
    assert not page.placements.findings.isVisible()
    assert page.placements.current_row() == 0

    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda q: asked.append(q) or False)
    click(qtbot, page.placements.delete_button)
    assert len(store.placements.list(ids[0], 2018)) == 3

    monkeypatch.setattr(page, "confirm", lambda q: asked.append(q) or True)
    click(qtbot, page.placements.delete_button)
    assert asked == ["Ta bort placeringen för Hofors 2018?"] * 2
    assert [r[0] for r in cells(page.placement_model)] == ["Nordanstig", "Hudiksvall"]
    assert len(store.placements.list(ids[0], 2018)) == 2


# --- county statistics -----------------------------------------------------------------


@pytest.mark.usefixtures("report_stats")
def test_county_years_side_by_side_with_mismatching_totals_in_red(
    page: FollowUpPage, insats: Insats
) -> None:
    page.set_context(insats, 2018)
    page.tabs.setCurrentIndex(TAB_COUNTY)
    model = page.county_model

    assert headers(model) == ["", "2016", "2017", "2018", "2019", "2020"]
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()
    assert cells(model) == [
        ["Företag totalt", "34", "34", "30", "28", "28"],
        ["Företag: Hälsingland", "22", "24", "20", "17", "17"],
        ["Företag: Gästrikland", "12", "10", "10", "11", "11"],
        ["Anställda totalt", "179", "228", "204", "206", "209"],
        ["Anställda: kvinnor", "113", "137", "113", "108", "111"],
        ["Anställda: män", "66", "91", "91", "98", "98"],
        ["Placerade totalt", "156", "230", "244", "130", "123"],
        ["Placerade: Arbetsförmedlingen", "96", "155", "152", "93", "81"],
        ["Placerade: Kommunen", "57", "65", "74", "26", "26"],
        ["Placerade: Övriga (utan ersättning)", "3", "10", "17", "11", "10"],
    ]
    placed_2018 = cell_of(model, "Placerade totalt", "2018")
    assert is_red(placed_2018)
    assert placed_2018.data(Qt.ItemDataRole.ToolTipRole) == (
        "Summan av delarna är 243 (152 + 74 + 17); rapporterat 244."
    )
    assert is_red(cell_of(model, "Placerade totalt", "2020"))
    for year in ("2016", "2017", "2019"):
        assert not is_red(cell_of(model, "Placerade totalt", year))
    assert not is_red(cell_of(model, "Företag totalt", "2018"))
    assert page.county.findings.isVisible()
    assert page.county.findings.text() == (
        "Avvikelser att se över (2):\n"
        "• Länsstatistik 2018: Placerade i ASF: totalen stämmer inte med delarna – "
        "väntat 243 (152 + 74 + 17), angivet 244.\n"
        "• Länsstatistik 2020: Placerade i ASF: totalen stämmer inte med delarna – "
        "väntat 117 (81 + 26 + 10), angivet 123."
    )


def test_new_county_stats_as_reported(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.tabs.setCurrentIndex(TAB_COUNTY)
    assert page.county.summary.text().startswith("Ingen länsstatistik registrerad.")
    assert not page.county.edit_button.isEnabled()
    seen: dict[str, str] = {}

    def fill(d: CountyStatsDialog) -> None:
        assert d.year_spin.value() == 2018
        assert list(d.region_spins) == ["Hälsingland", "Gästrikland"]
        assert d.placed_total.text() == "ej rapporterat"
        d.date_check.setChecked(True)
        d.date_edit.setDate(QDate(2018, 10, 1))
        retype(qtbot, d.source_edit, "Slutrapport ASF-insats 2016–2020")
        d.companies_total.setValue(30)
        d.region_spins["Hälsingland"].setValue(20)
        d.region_spins["Gästrikland"].setValue(10)
        d.placed_total.setValue(244)
        d.source_spins[AF].setValue(152)
        d.source_spins[KOMMUN].setValue(74)
        seen["partial"] = d.sum_labels[2].text()
        d.source_spins[OVRIGA].setValue(17)
        seen["companies"] = d.sum_labels[0].text()
        seen["placed"] = d.sum_labels[2].text()
        seen["warnings"] = d.warnings.text()

    answer_county(monkeypatch, fill)
    click(qtbot, page.county.new_button)

    assert seen == {
        "partial": "Summa av delarna: 226 (152 + 74) (alla delar är inte rapporterade)",
        "companies": "Summa av delarna: 30 (20 + 10)",
        "placed": "Summa av delarna: 243 (152 + 74 + 17) – stämmer inte med totalen 244.",
        "warnings": "• Placerade i ASF: totalen stämmer inte med delarna: "
        "väntat 243 (152 + 74 + 17), angivet 244.\n"
        "Du kan spara ändå: siffrorna sparas som de rapporterats och avvikelsen visas "
        "i uppföljningen.",
    }
    stored = store.county_stats.for_year(ids[1], 2018)
    assert stored is not None
    assert stored.placed_total == 244
    assert stored.employees_total is None  # left "ej rapporterat"
    assert stored.snapshot_date == date(2018, 10, 1)
    assert stored.source == "Slutrapport ASF-insats 2016–2020"
    assert cell_of(page.county_model, "Anställda totalt", "2018").data() == "–"
    assert is_red(cell_of(page.county_model, "Placerade totalt", "2018"))
    assert page.county.edit_button.isEnabled()  # the shown year's statistics


@pytest.mark.usefixtures("report_stats")
def test_a_year_that_has_statistics_cannot_get_a_second(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problems: list[str] = []

    def fill(d: CountyStatsDialog) -> None:
        assert d.year_spin.value() == 2021  # 2018 is taken: the next free year is offered
        d.year_spin.setValue(2018)
        d.companies_total.setValue(31)
        d.ok_button.click()
        problems.append(d.problems.text())
        d.year_spin.setValue(2021)

    answer_county(monkeypatch, fill)
    click(qtbot, page.county.new_button)

    assert problems == [
        "Det finns redan länsstatistik för 2018. Redigera den i stället för att lägga till en ny."
    ]
    assert [s.year for s in store.county_stats.list(ids[1])] == [2016, 2017, 2018, 2019, 2020, 2021]
    assert headers(page.county_model)[-1] == "2021"


@pytest.mark.usefixtures("report_stats")
def test_the_store_refusal_is_shown(
    qtbot: QtBot,
    page: FollowUpPage,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(page, "show_error", errors.append)
    monkeypatch.setattr(
        CountyStatsDialog,
        "ask",
        classmethod(lambda cls, *a, **k: CountyStats(None, ids[1], 2017, companies_total=1)),
    )

    click(qtbot, page.county.new_button)

    assert errors == [
        "Det finns redan länsstatistik för 2017. Redigera den i stället för att lägga till en ny."
    ]


@pytest.mark.usefixtures("report_stats")
def test_edit_the_selected_year_then_delete_it(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.tabs.setCurrentIndex(TAB_COUNTY)
    page.county.select(0, 5)  # 2020

    def fill(d: CountyStatsDialog) -> None:
        assert d.windowTitle() == "Redigera länsstatistik"
        assert d.year_spin.value() == 2020
        assert d.placed_total.value() == 123
        assert d.warnings.isVisibleTo(d)
        d.placed_total.setValue(117)
        assert not d.warnings.isVisibleTo(d)

    answer_county(monkeypatch, fill)
    click(qtbot, page.county.edit_button)

    stats_2020 = store.county_stats.for_year(ids[1], 2020)
    assert stats_2020 is not None and stats_2020.placed_total == 117
    assert not is_red(cell_of(page.county_model, "Placerade totalt", "2020"))
    assert page.county.findings.text().count("•") == 1

    monkeypatch.setattr(page, "confirm", lambda q: q == "Ta bort länsstatistiken för 2018?")
    click(qtbot, page.county.delete_button)  # nothing selected now: the shown year, 2018
    assert [s.year for s in store.county_stats.list(ids[1])] == [2016, 2017, 2019, 2020]
    assert not page.county.findings.isVisible()


# --- milestones ------------------------------------------------------------------------


@pytest.mark.usefixtures("report_milestones")
def test_milestones_of_the_year_by_date(page: FollowUpPage, insats: Insats) -> None:
    page.set_context(insats, 2017)
    page.tabs.setCurrentIndex(TAB_MILESTONES)

    assert page.milestones.heading.text() == "Milstolpar 2017"
    assert cells(page.milestone_model) == [
        [
            "2017-09-15",
            "Pris/utmärkelse",
            "",
            "",
            "Årets främjare av arbetsintegrerande socialt företagande",
            "",
        ],
        [
            "2017-10-01",
            "Upphandling med reserverat kontrakt",
            "Söderhamn",
            "",
            "Första upphandlingen med reserverat kontrakt",
            "",
        ],
    ]
    page.set_context(insats, 2019)
    assert [r[1] for r in cells(page.milestone_model)] == [
        "Handlingsplan antagen",
        "Riktlinje antagen",
    ]
    page.set_context(insats, 2021)
    assert page.milestones.summary.text() == "Inga milstolpar registrerade för 2021."


def test_new_milestone_needs_a_text(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    ids: tuple[int, int],
    org_ids: dict[str, int],
    kommun_ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problems: list[str] = []

    def fill(d: MilestoneDialog) -> None:
        assert d.date_edit.date() == QDate(2018, 1, 1)
        d.date_edit.setDate(QDate(2018, 11, 20))
        d.kind_combo.setCurrentText("Policy antagen")
        d.kommun_combo.setCurrentText("Bollnäs")
        d.org_combo.setCurrentText("Coompanion Gävleborg")
        d.ok_button.click()
        problems.append(d.problems.text())
        retype(qtbot, d.text_edit, "Bollnäs kommun antar policy för främjande av ASF")
        retype(qtbot, d.link_edit, "https://www.bollnas.se/policy.pdf")

    answer_milestone(monkeypatch, fill)
    page.tabs.setCurrentIndex(TAB_MILESTONES)
    click(qtbot, page.milestones.new_button)

    assert problems == ["Beskriv milstolpen med en text."]
    (m,) = store.milestones.list(ids[0], 2018)
    assert m.day == date(2018, 11, 20)
    assert m.kind is MilestoneKind.POLICY
    assert m.kommun_id == kommun_ids["Bollnäs"]
    assert m.organisation_id == org_ids["Coompanion Gävleborg"]
    assert m.text == "Bollnäs kommun antar policy för främjande av ASF"
    assert cells(page.milestone_model) == [
        [
            "2018-11-20",
            "Policy antagen",
            "Bollnäs",
            "Coompanion Gävleborg",
            "Bollnäs kommun antar policy för främjande av ASF",
            "https://www.bollnas.se/policy.pdf",
        ]
    ]


@pytest.mark.usefixtures("report_milestones")
def test_moving_a_milestone_to_another_year_and_deleting_one(
    qtbot: QtBot,
    page: FollowUpPage,
    store: Store,
    insats: Insats,
    ids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.set_context(insats, 2019)
    page.tabs.setCurrentIndex(TAB_MILESTONES)
    page.milestones.select(1)  # Nordanstig's riktlinjer, "under året" 2019

    def fill(d: MilestoneDialog) -> None:
        assert d.kommun_combo.currentText() == "Nordanstig"
        d.date_edit.setDate(QDate(2020, 1, 15))

    answer_milestone(monkeypatch, fill)
    click(qtbot, page.milestones.edit_button)

    assert [r[1] for r in cells(page.milestone_model)] == ["Handlingsplan antagen"]
    assert [m.kind for m in store.milestones.list(ids[0], 2020)] == [MilestoneKind.RIKTLINJE]

    monkeypatch.setattr(page, "confirm", lambda q: True)
    page.milestones.select(0)
    click(qtbot, page.milestones.delete_button)
    assert store.milestones.list(ids[0], 2019) == []
    assert not page.milestones.delete_button.isEnabled()


# --- the models ------------------------------------------------------------------------


@pytest.mark.usefixtures("report_placements", "report_stats", "report_milestones")
def test_models_pass_the_model_tester(
    page: FollowUpPage, insats: Insats, qtmodeltester: ModelTester
) -> None:
    page.set_context(insats, 2017)
    for model in (page.placement_model, page.county_model, page.milestone_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
