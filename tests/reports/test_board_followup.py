"""The report's appendix "Bilaga: Uppföljning Finsam" as blocks: its own page, what the
form asks, a table per part of the form whose cells are core's figures in Swedish
format, and no budget or utfall rows (the accounts give those)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from app.core.finsam_followup import (
    BOOKED,
    BUDGET,
    BUDGET_NOTE,
    ECONOMY_TITLE,
    INDIVIDUAL_TITLE,
    STRUCTURAL_TITLE,
    FollowupYear,
    PlacementFigures,
    followup_tables,
)
from app.core.summary import NO_FIGURE
from app.reports.board_blocks import Heading, PageBreak, Paragraph, Table
from app.reports.board_followup import HEADING, followup_blocks
from app.reports.pdf_content import PdfContent

SEEDS = [3, 1234, 99_999]


def content(years: tuple[FollowupYear, ...], **kw: object) -> PdfContent:
    return PdfContent(
        forbund_name="Samordningsförbundet Gävleborg",
        insats_name="ASF",
        insats_goals="",
        years=tuple(y.year for y in years),
        year_summaries=(),
        period=None,
        made=dt.date(2021, 3, 1),
        followup=years,
        **kw,  # type: ignore[arg-type]
    )


def drawn(seed: int) -> tuple[FollowupYear, ...]:
    rng = random.Random(seed)
    out = []
    for year in range(2016, 2016 + rng.randint(1, 10)):
        activity, registered = rng.randint(1, 5000), rng.randint(0, 2000)
        placements = None
        if rng.random() < 0.7:
            used = rng.randint(0, 30)
            women = rng.randint(0, used)
            men = rng.randint(0, used - women)
            placements = PlacementFigures(
                used, women, men, used - women - men, rng.choice([None, used])
            )
        unique = rng.choice([None, rng.randint(0, activity)])
        out.append(
            FollowupYear(year, activity + registered, activity, registered, unique, placements)
        )
    return tuple(out)


def number(text: str) -> int | str:
    digits = text.replace("\u00a0", "")
    return int(digits) if digits.isdigit() else text


@pytest.mark.parametrize("seed", SEEDS)
def test_the_tables_cells_are_cores_figures(seed):
    print(f"seed {seed}")
    years = drawn(seed)

    blocks = followup_blocks(content(years))

    tables = [b for b in blocks if isinstance(b, Table)]
    expected = followup_tables(years)
    assert len(tables) == len(expected)
    for table, core in zip(tables, expected, strict=True):
        assert table.header[1:] == tuple(str(y.year) for y in years)
        assert [r[0] for r in table.rows] == [r.label for r in core.rows]
        for row, core_row in zip(table.rows, core.rows, strict=True):
            assert tuple(number(c) for c in row[1:]) == core_row.shown()
        assert table.note == core.note
        assert len(table.widths) == len(table.header)
        assert sum(table.widths) == pytest.approx(1)
    reached = tables[0].rows[0][1:]
    assert [number(c) for c in reached] == [y.reached for y in years]


def test_the_appendix_says_what_the_form_asks_and_where_each_figure_comes_from():
    years = (
        FollowupYear(2017, 1586, 1236, 350, None, PlacementFigures(1, 1, 0, 0, 1)),
        FollowupYear(2018, 235, 152, 83, 12, None),
    )

    blocks = followup_blocks(content(years))

    # No page break of its own: the report puts one before its appendix.
    assert not any(isinstance(b, PageBreak) for b in blocks)
    assert blocks[0] == Heading(HEADING, 1)
    intro = blocks[1]
    assert isinstance(intro, Paragraph)
    assert "per insats och kalenderår" in intro.text and "per kön" in intro.text
    assert "Totalt nådda (volym)" in intro.text and "nyttjade platser" in intro.text
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert headings == [STRUCTURAL_TITLE, INDIVIDUAL_TITLE, ECONOMY_TITLE]
    money = blocks[-1]
    assert isinstance(money, Table) and money.note == BUDGET_NOTE
    assert [r[0] for r in money.rows] == [BUDGET, BOOKED]
    assert all(v == NO_FIGURE for r in money.rows for v in r[1:])
    structural = next(b for b in blocks if isinstance(b, Table))
    assert structural.rows[0][1:] == ("1\u00a0586", "235")
    assert structural.rows[-1][1:] == (NO_FIGURE, "12")
    labels = [r[0].casefold() for b in blocks[:-1] if isinstance(b, Table) for r in b.rows]
    assert not [label for label in labels if "budget" in label or "utfall" in label]


def test_a_column_of_part_of_a_year_is_named_so_and_said_to_be_only_those_dates():
    tertial = (FollowupYear(2024, 40, 30, 10, None, None, column="2024 (jan–apr)"),)
    whole = (FollowupYear(2024, 40, 30, 10, None, None),)

    blocks = followup_blocks(content(tertial))

    table = next(b for b in blocks if isinstance(b, Table))
    assert table.header[1:] == ("2024 (jan–apr)",)
    notes = [b.text for b in blocks if isinstance(b, Paragraph) and b.style == "note"]
    assert any(n.startswith("2024 (jan–apr):") and "hela kalenderåret" in n for n in notes)
    texts = [b.text for b in followup_blocks(content(whole)) if isinstance(b, Paragraph)]
    assert not any("hela kalenderåret" in t for t in texts)


def test_no_figures_no_appendix():
    nobody = (FollowupYear(2018, 0, 0, 0, None, None), FollowupYear(2019, 0, 0, 0, 3, None))
    placed = (FollowupYear(2018, 0, 0, 0, None, PlacementFigures(0, 0, 0, 0, 0)),)

    assert followup_blocks(content(())) == []
    assert followup_blocks(content(nobody)) == []
    assert followup_blocks(content(placed))[0] == Heading(HEADING)
