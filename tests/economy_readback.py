"""Reading the Ekonomi tables back from the files the program writes (the Excel sheet
with openpyxl, the PDF's words in reading order, the Word tables with python-docx, the
JSON) as (label, amounts in öre and förbrukat %) rows, for tests/test_economy_agree.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from app.core.economy import EconomyRow
from app.core.money import parse_kronor
from app.core.summary import NO_FIGURE
from tests.reports.pdf_words import pages

Amounts = tuple[int, int, int, int, int, int | None]  # öre ×5, förbrukat %


def core_rows(rows: tuple[EconomyRow, ...]) -> list[tuple[str, Amounts]]:
    return [(r.label, (*r.amounts, r.used_percent)) for r in rows]


def ore(value: Any) -> int:
    """A money cell read back (kronor as a number) in öre, exactly."""
    assert isinstance(value, int | float), value
    return parse_kronor(float(value))


def percent_cell(value: Any) -> int | None:
    return None if value == NO_FIGURE else int(value)


def assert_total_is_the_sum(rows: list[tuple[str, Amounts]], total: Amounts) -> None:
    for column in range(5):
        assert total[column] == sum(r[1][column] for r in rows)


# --- read back ----------------------------------------------------------------------------


def excel_blocks(path: Path, sheet: str) -> dict[str, list[tuple[Any, ...]]]:
    """Each table of the sheet by its title: the header row, then the rows (the total
    included) up to the note or the blank row."""
    ws = load_workbook(path)[sheet]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    blocks: dict[str, list[tuple[Any, ...]]] = {}
    i = 0
    while i < len(rows):
        title = rows[i][0]
        if isinstance(title, str) and rows[i][1:2] in ((None,), ()) and i + 1 < len(rows):
            body: list[tuple[Any, ...]] = []
            j = i + 1
            while j < len(rows) and rows[j][0] is not None and rows[j][1] is not None:
                body.append(rows[j])
                j += 1
            if body:
                blocks[title] = body
            i = max(j, i + 1)
        else:
            i += 1
    return blocks


def excel_money(body: list[tuple[Any, ...]]) -> list[tuple[str, Amounts]]:
    return [
        (str(r[0]), (*(ore(v) for v in r[1:6]), percent_cell(r[6])))  # type: ignore[misc]
        for r in body[1:]
    ]


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


_MONEY = r"(?<![\d,])−?\d{1,3}(?: \d{3})*,\d{2}"
_TOKEN = re.compile(rf"({_MONEY})|(−?\d+ ?%)|(?<!\S)(–)(?!\S)")


def pdf_text(path: Path) -> str:
    """The PDF's words in reading order without the running header and footer: line by
    line (words whose middles are within two points of each other), left to right."""
    out: list[str] = []
    for words in pages(path):
        lines: list[tuple[float, list[Any]]] = []
        body = [w for w in words if w.y0 > 45 and w.y1 < 800]
        for w in sorted(body, key=lambda w: (w.y0 + w.y1) / 2):
            middle = (w.y0 + w.y1) / 2
            if lines and abs(lines[-1][0] - middle) <= 2.0:
                lines[-1][1].append(w)
            else:
                lines.append((middle, [w]))
        out += [" ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for _, ws in lines]
    return norm(" ".join(out))


def text_money(text: str) -> list[Amounts]:
    """The rows of a money table in the PDF's text: five amounts, then a percent or –."""
    tokens: list[str] = [next(g for g in m.groups() if g) for m in _TOKEN.finditer(text)]
    assert len(tokens) % 6 == 0, tokens
    out: list[Amounts] = []
    for k in range(0, len(tokens), 6):
        *money, used = tokens[k : k + 6]
        shown = None if used == NO_FIGURE else int(used.rstrip("% ").replace("−", "-"))
        out.append((*(parse_kronor(m) for m in money), shown))  # type: ignore[arg-type]
    return out


def between(text: str, start: str, end: str, after: int = 0) -> tuple[str, int]:
    a = text.index(start, after) + len(start)
    b = text.index(end, a)
    return text[a:b], b


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [
        [[norm(c.text) for c in row.cells] for row in t.rows] for t in Document(str(path)).tables
    ]


def docx_money(rows: list[list[str]]) -> list[tuple[str, Amounts]]:
    out = []
    for r in rows[1:]:
        used = None if r[6] == NO_FIGURE else int(r[6].split()[0].replace("−", "-"))
        out.append((r[0], (*(parse_kronor(v) for v in r[1:6]), used)))
    return out  # type: ignore[return-value]


def json_money(rows: list[dict[str, Any]]) -> list[tuple[str, Amounts]]:
    keys = ("budget", "utfall", "planerat", "prognos", "kvar")
    return [
        (r["label"], (*(parse_kronor(r[k]) for k in keys), r["forbrukat_procent"]))  # type: ignore[misc]
        for r in rows
    ]
