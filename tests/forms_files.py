"""Survey exports as Microsoft Forms and Google Forms write them, built in the tests:
one row per respondent, one column per question, with the columns naming who answered."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

# Distinctive personal values, to look for in every file the program writes.
NAMES = ("Zyxwvelina Qwertström", "Kvastbert Plonkare", "Ulvhild Snörpe")
EMAILS = ("zyxw.qwert@example.se", "kvastbert.plonk@example.se", "ulvhild.snorp@example.se")
SECRET_QUOTE = "Hemlig kommentar som inte ska sparas"

MS_HEADERS = (
    "ID",
    "Starttid",
    "Tid för slutförande",
    "E-post",
    "Namn",
    "Senast ändrad",
    "Hur nöjd är du med dagen?",
    "Jag fick ny kunskap om ASF",
    "Vad tar du med dig?",
)
MS_ROWS: tuple[tuple[Any, ...], ...] = (
    (
        1,
        "2018-03-14 12:01",
        "2018-03-14 12:03",
        EMAILS[0],
        NAMES[0],
        "",
        "Instämmer helt",
        "Instämmer delvis",
        "Konkreta exempel",
    ),
    (
        2,
        "2018-03-14 12:02",
        "2018-03-14 12:05",
        EMAILS[1],
        NAMES[1],
        "",
        "instämmer  helt",
        "Varken eller",
        SECRET_QUOTE,
    ),
    (
        3,
        "2018-03-14 12:04",
        "2018-03-14 12:06",
        EMAILS[2],
        NAMES[2],
        "",
        "Instämmer till viss del",
        "",
        "",
    ),
)
# (n1..n5) of each scale question above.
MS_COUNTS = ((0, 1, 0, 0, 2), (0, 0, 1, 1, 0))

GOOGLE_HEADERS = (
    "Timestamp",
    "Email Address",
    "Your name",
    "How satisfied are you?",
    "Rate the speakers",
    "Comments",
)
GOOGLE_ROWS: tuple[tuple[Any, ...], ...] = (
    ("2018/03/14 12:00:00", EMAILS[0], NAMES[0], "Strongly agree", 5, "Great day"),
    ("2018/03/14 12:01:00", EMAILS[1], NAMES[1], "Agree", 4, ""),
    ("2018/03/14 12:02:00", EMAILS[2], NAMES[2], "Neutral", 3, SECRET_QUOTE),
    ("2018/03/14 12:03:00", EMAILS[0], NAMES[0], "disagree", 4, ""),
)
GOOGLE_COUNTS = ((0, 1, 1, 1, 1), (0, 0, 1, 2, 1))


def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    delimiter: str = ",",
    encoding: str = "utf-8-sig",
) -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(headers)
        w.writerows(rows)
    return path
