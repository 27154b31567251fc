"""Ledger extracts (huvudboksutdrag) made by code, shaped as Visma, Fortnox and a
kommunal system (Raindance/Unit4-like) print them, in .xlsx and .csv: title rows, the
header, group headers or a konto on every row, balances, sub-sums and a grand total,
Debet/Kredit or Belopp, credits. The rows are known, so the tests know every sum.

``random_rows(rng, first, last)`` are valid by construction from a seeded rng.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from app.store.database import Store

# konto → (kontonamn, the default line its name suggests; None: not a cost)
KONTON: dict[str, tuple[str, str | None]] = {
    "5010": ("Löner tjänstemän", "Personal"),
    "5410": ("Arbetsgivaravgifter", "Personal"),
    "6110": ("Lokalhyra", "Lokaler"),
    "6450": ("Förtäring och representation", "Förtäring"),
    "6580": ("Arvoden föreläsare", "Föreläsare och arvoden"),
    "7110": ("Resekostnader, hotell", "Resor"),
    "6410": ("Trycksaker och material", "Material"),
    "4610": ("Köp av verksamhet", "Medel för individinriktade placeringar"),
    "6990": ("Övriga kostnader", "Övrigt"),
    "3010": ("Bidrag från medlemmar", None),
    "2440": ("Leverantörsskulder", None),
}
TEXTS = ("Faktura", "Hyra", "Lön", "Fika samverkan", "Resa Gävle–Hofors", "Kursmaterial")
STYLES = ("visma", "fortnox", "kommun")


@dataclass(frozen=True)
class Row:
    day: date
    verifikation: str
    konto: str
    text: str
    amount: int  # öre; negative: a credit

    @property
    def kontonamn(self) -> str:
        return KONTON[self.konto][0]

    @property
    def line(self) -> str | None:
        return KONTON[self.konto][1]


def random_rows(
    rng: random.Random, first: date, last: date, n: int, konton: Sequence[str] = tuple(KONTON)
) -> list[Row]:
    """``n`` ledger rows between ``first`` and ``last``, verifikation numbers unique."""
    days = (last - first).days
    rows = []
    for i in range(n):
        amount = rng.randrange(1, 5_000_000) * (-1 if rng.random() < 0.15 else 1)
        rows.append(
            Row(
                first + timedelta(days=rng.randint(0, days)),
                f"{rng.choice('ABC')}{1000 + i}",
                rng.choice(konton),
                rng.choice(TEXTS),
                amount,
            )
        )
    return sorted(rows, key=lambda r: (r.konto, r.day, r.verifikation))


def _kr(ore: int, style: str) -> str:
    """As a ledger prints it in text: '1 234,50', credits '-1 234,50' or '1234,50-'."""
    whole, part = divmod(abs(ore), 100)
    if style == "kommun":
        text = f"{whole},{part:02d}"
        return text + "-" if ore < 0 else text
    text = f"{whole:,}".replace(",", " ") + f",{part:02d}"
    return "-" + text if ore < 0 else text


def _money(ore: int, style: str, as_text: bool) -> object:
    return _kr(ore, style) if as_text else ore / 100


def _day(day: date, style: str, as_text: bool) -> object:
    if not as_text:
        return day
    if style == "kommun":
        return day.strftime("%Y%m%d")
    return day.strftime("%d.%m.%Y") if style == "fortnox" else day.isoformat()


def _dc(ore: int, style: str, as_text: bool) -> list[object]:
    """Debet and Kredit cells."""
    if ore >= 0:
        return [_money(ore, style, as_text), None]
    return [None, _money(-ore, style, as_text)]


def table(rows: Sequence[Row], style: str, as_text: bool) -> list[list[object]]:
    """The extract's cells, row by row, as ``style`` prints it."""
    first = min(r.day for r in rows)
    out: list[list[object]] = [
        ["Huvudbok" if style != "kommun" else "Huvudboksutdrag"],
        ["Samordningsförbundet Gävleborg"],
        [f"Period {first.year}-01-01 – {first.year}-12-31"],
        ["Utskrivet 2026-01-15 08:12 av Processledare"],
        [],
    ]
    konton = sorted({r.konto for r in rows})
    grand_d = grand_k = 0
    if style == "visma":
        out.append(["Konto", "Benämning", "Ver.nr", "Datum", "Text", "Debet", "Kredit", "Saldo"])
    elif style == "fortnox":
        out.append(["Ver", "Datum", "Text", "Debet", "Kredit", "Saldo"])
    else:
        out.append(
            ["Konto", "Kontobenämning", "Ansvar", "Bokföringsdatum", "Vernr", "Text", "Belopp"]
        )
    for konto in konton:
        of = [r for r in rows if r.konto == konto]
        name = KONTON[konto][0]
        debet = sum(r.amount for r in of if r.amount > 0)
        kredit = -sum(r.amount for r in of if r.amount < 0)
        grand_d, grand_k = grand_d + debet, grand_k + kredit
        saldo = 0
        if style == "visma":
            out.append([konto, name])
            out.append(
                [None, "Ingående balans", None, None, None, None, None, _money(0, style, as_text)]
            )
            for r in of:
                saldo += r.amount
                out.append(
                    [
                        None,
                        None,
                        r.verifikation,
                        _day(r.day, style, as_text),
                        r.text,
                        *_dc(r.amount, style, as_text),
                        _money(saldo, style, as_text),
                    ]
                )
            out.append(
                [
                    None,
                    f"Summa konto {konto}",
                    None,
                    None,
                    None,
                    _money(debet, style, as_text),
                    _money(kredit, style, as_text),
                ]
            )
            out.append(
                [
                    None,
                    "Utgående saldo",
                    None,
                    None,
                    None,
                    None,
                    None,
                    _money(saldo, style, as_text),
                ]
            )
        elif style == "fortnox":
            out.append([f"{konto} {name}"])
            out.append(["Ingående saldo", None, None, None, None, _money(0, style, as_text)])
            for r in of:
                saldo += r.amount
                out.append(
                    [
                        r.verifikation,
                        _day(r.day, style, as_text),
                        r.text,
                        *_dc(r.amount, style, as_text),
                        _money(saldo, style, as_text),
                    ]
                )
            out.append(
                [
                    "Omslutning",
                    None,
                    None,
                    _money(debet, style, as_text),
                    _money(kredit, style, as_text),
                ]
            )
            out.append(["Utgående saldo", None, None, None, None, _money(saldo, style, as_text)])
            out.append([])
        else:
            for r in of:
                out.append(
                    [
                        konto,
                        name,
                        "1100",
                        _day(r.day, style, as_text),
                        r.verifikation,
                        r.text,
                        _money(r.amount, style, as_text),
                    ]
                )
            out.append(
                [
                    f"Summa konto {konto}",
                    None,
                    None,
                    None,
                    None,
                    None,
                    _money(debet - kredit, style, as_text),
                ]
            )
    if style == "kommun":
        out.append(
            ["Totalt", None, None, None, None, None, _money(grand_d - grand_k, style, as_text)]
        )
    elif style == "visma":
        out.append(
            [
                None,
                "Totalt",
                None,
                None,
                None,
                _money(grand_d, style, as_text),
                _money(grand_k, style, as_text),
            ]
        )
    else:
        out.append(
            [
                "Summa totalt",
                None,
                None,
                _money(grand_d, style, as_text),
                _money(grand_k, style, as_text),
            ]
        )
    return out  # fmt: skip


def write_xlsx(path: Path, cells: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Huvudbok"
    for row in cells:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(
    path: Path, cells: list[list[object]], encoding: str = "utf-8-sig", delimiter: str = ";"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        for row in cells:
            writer.writerow(["" if c is None else c for c in row])
    return path


def write_ledger(
    folder: Path,
    rows: Sequence[Row],
    style: str,
    fmt: str = "xlsx",
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
    name: str | None = None,
) -> Path:
    """The extract of ``rows`` in ``style`` as .xlsx or .csv (text cells, ``encoding``)."""
    stem = name or f"huvudbok-{style}"
    if fmt == "xlsx":
        return write_xlsx(folder / f"{stem}.xlsx", table(rows, style, as_text=False))
    return write_csv(folder / f"{stem}.csv", table(rows, style, as_text=True), encoding, delimiter)


def sums_by_line(rows: Sequence[Row]) -> dict[str, int]:
    """The known sum of each default line's rows (konton that are costs only)."""
    out: dict[str, int] = {}
    for r in rows:
        if r.line is not None:
            out[r.line] = out.get(r.line, 0) + r.amount
    return out


def tables(store: Store) -> tuple[list[tuple[object, ...]], ...]:
    """The whole cost and konto_mapping tables as the database holds them."""
    with store.file.read() as con:  # the file or the server, as the store is on
        return tuple(
            [tuple(row) for row in con.execute(f"SELECT * FROM {name} ORDER BY 1")]  # noqa: S608
            for name in ("cost", "konto_mapping")
        )
