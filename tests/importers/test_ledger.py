"""Reading a ledger extract as Visma, Fortnox and a kommunal system print it: every row
known, every printed sum checked, every bad row an error with its number."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.importers.ledger import LedgerExtract, read_ledger
from tests.ledger_files import STYLES, Row, random_rows, table, write_csv, write_ledger, write_xlsx
from tests.soffice import SOFFICE, convert

FORMATS = [
    ("xlsx", "utf-8", ";"),
    ("csv", "utf-8-sig", ";"),
    ("csv", "cp1252", ";"),
    ("csv", "utf-8", ","),
    ("csv", "cp1252", "\t"),
]


def known(rows: list[Row]) -> list[tuple[object, ...]]:
    return sorted((r.day, r.verifikation, r.konto, r.kontonamn, r.text, r.amount) for r in rows)


def read(extract: LedgerExtract) -> list[tuple[object, ...]]:
    return sorted(
        (x.day, x.verifikation, x.konto, x.kontonamn, x.text, x.amount) for x in extract.lines
    )


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("fmt", "encoding", "delimiter"), FORMATS)
def test_every_row_read_and_every_sum_checked(
    tmp_path: Path, style: str, fmt: str, encoding: str, delimiter: str
) -> None:
    seed = random.randrange(1 << 30)
    print("seed", seed)
    rows = random_rows(random.Random(seed), date(2019, 1, 1), date(2019, 12, 31), 40)
    extract = read_ledger(write_ledger(tmp_path, rows, style, fmt, encoding, delimiter))
    assert extract.errors == ()
    assert read(extract) == known(rows)
    assert extract.header_row == 6  # after four title rows and an empty one
    konton = {r.konto for r in rows}
    # a sub-sum per konto and the grand total, every one agreeing to the öre
    assert sorted(s.konto or "" for s in extract.sums) == sorted(konton | {""})
    assert all(s.agrees for s in extract.sums)
    grand = [s for s in extract.sums if s.konto is None]
    assert grand[0].printed == sum(r.amount for r in rows) == extract.total
    for s in extract.sums:
        if s.konto is not None:
            assert s.printed == sum(r.amount for r in rows if r.konto == s.konto)


def test_credits_in_every_way_ledgers_print_them(tmp_path: Path) -> None:
    cells = [
        ["Huvudboksutdrag 2019"],
        ["Datum", "Vernr", "Konto", "Benämning", "Transaktionstext", "Belopp"],
        ["2019-03-14", "V1", "6110", "Lokalhyra", "Hyra", "1 234,50"],
        ["20190315", "V2", "6110", "Lokalhyra", "Kreditering", "1234,50-"],
        ["16.03.2019", "V3", "6110", "Lokalhyra", "Rättelse", "(100,00)"],
        ["2019-03-17", "V4", "6110", "Lokalhyra", "Återbetalning", "-2 000,25"],
        ["Summa konto 6110", "", "", "", "", "-2 100,25"],
    ]
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    assert extract.errors == ()
    assert [x.amount for x in extract.lines] == [123450, -123450, -10000, -200025]
    assert [x.day for x in extract.lines] == [date(2019, 3, d) for d in (14, 15, 16, 17)]
    assert [(s.konto, s.agrees) for s in extract.sums] == [("6110", True)]


def test_swedish_letters_in_windows_1252(tmp_path: Path) -> None:
    rows = [Row(date(2019, 5, 2), "A1", "6450", "Fika på Söderhamns bibliotek", 45000)]
    path = write_csv(tmp_path / "h.csv", table(rows, "kommun", True), "cp1252")
    assert "ä".encode("cp1252") in path.read_bytes()
    extract = read_ledger(path)
    assert [(x.kontonamn, x.text) for x in extract.lines] == [
        ("Förtäring och representation", "Fika på Söderhamns bibliotek")
    ]


def test_a_sum_that_does_not_agree_is_an_error_naming_its_row(tmp_path: Path) -> None:
    rows = random_rows(random.Random(7), date(2019, 1, 1), date(2019, 12, 31), 12)
    cells = table(rows, "kommun", as_text=False)
    at = next(i for i, c in enumerate(cells) if c and str(c[0]).startswith("Summa konto"))
    cells[at][-1] = float(str(cells[at][-1])) + 0.01  # one öre off
    extract = read_ledger(write_xlsx(tmp_path / "h.xlsx", cells))
    assert [e.row for e in extract.errors] == [at + 1]
    assert "Filen har inte lästs rätt" in extract.errors[0].reason
    assert "ingenting importeras" in str(extract.errors[0])


def test_bad_rows_are_errors_with_their_numbers_and_reasons(tmp_path: Path) -> None:
    cells = [
        ["Konto", "Kontonamn", "Datum", "Ver", "Text", "Belopp"],
        ["6110", "Lokalhyra", "2019-02-30", "V1", "Hyra", "100,00"],
        ["6110", "Lokalhyra", "2019-03-01", "V2", "Hyra", "tusen"],
        ["6110", "Lokalhyra", "2019-03-01", "V3", "Hyra", "10,005"],
        ["", "", "2019-03-02", "V4", "Utan konto", "10,00"],
        ["6110", "Lokalhyra", "2019-03-02", "", "Utan ver", "10,00"],
        ["6110", "Lokalhyra", "", "V6", "Utan datum", "10,00"],
        ["6110", "Lokalhyra", "2019-03-03", "V7", "Utan belopp", ""],
        ["6110", "Lokalhyra", "2019-03-03", "V8", "Rätt", "10,00"],
        ["6110", "Lokalhyra", "2019-03-04", "V9", "x" * 501, "10,00"],
        ["6110", "Lokalhyra", "2019-03-04", "V10", "Slip", "20000000000,00"],
    ]
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    reasons = {e.row: e.reason for e in extract.errors}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8, 10, 11]
    assert "finns inte" in reasons[2]
    assert reasons[3] == "kan inte läsa beloppet ”tusen”"
    assert reasons[4] == "beloppet ”10,005” har fler än två decimaler (öre)"
    assert "kontot saknas" in reasons[5]
    assert "verifikationsnumret saknas" in reasons[6]
    assert "datum saknas" in reasons[7]
    assert "beloppet saknas" in reasons[8]
    assert reasons[10] == "texten är längre än 500 tecken"
    assert reasons[11] == "beloppet 20\u00a0000\u00a0000\u00a0000,00 kr är orimligt stort"
    assert [x.verifikation for x in extract.lines] == ["V8"]


def test_not_a_ledger_says_which_columns_were_looked_for(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lista.xlsx", [["Namn", "Telefon"], ["Anna", "070-1"]])
    with pytest.raises(DomainError) as info:
        read_ledger(path)
    text = str(info.value)
    assert "lista.xlsx ser inte ut som ett huvudboksutdrag" in text
    for name in ("Bokföringsdatum", "Debet och Kredit", "Verifikationsnummer", "Benämning"):
        assert name in text


def test_balances_and_page_rows_are_skipped_not_costs(tmp_path: Path) -> None:
    rows = random_rows(random.Random(3), date(2019, 1, 1), date(2019, 12, 31), 9)
    cells = table(rows, "visma", as_text=False)
    cells.insert(10, ["Sida 2 av 3"])
    cells.insert(11, ["Konto", "Benämning", "Ver.nr", "Datum", "Text", "Debet", "Kredit"])
    extract = read_ledger(write_xlsx(tmp_path / "h.xlsx", cells))
    assert extract.errors == ()
    assert read(extract) == known(rows)
    labels = [s.label for s in extract.skipped]
    assert "Sida 2 av 3" in labels
    assert sum(1 for x in labels if x == "Ingående balans") == len({r.konto for r in rows})


def test_an_old_excel_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "h.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100)
    with pytest.raises(DomainError, match="gamla formatet"):
        read_ledger(path)


@pytest.mark.parametrize(
    "header",
    [
        ("Transaktionsdatum", "Verifikationsnummer", "Kontonr", "Kontobenämning", "Beskrivning",
         "Summa"),
        ("Bokf.datum", "Ver.nr", "Konto", "Kontotext", "Specifikation", "Belopp"),
        ("Datum", "Verifikat", "Konto", "Benämning", "Transaktionstext", "Belopp kr"),
    ],
)  # fmt: skip
def test_the_names_each_column_goes_by(tmp_path: Path, header: tuple[str, ...]) -> None:
    cells = [
        ["Huvudbok"],
        ["Utskrivet 2026-01-02"],
        [*header, "Ansvar", "Saldo"],
        ["2019-06-01", "77", "6580", "Arvoden föreläsare", "Föreläsning", "5 000,00", "11", "1"],
    ]
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    assert extract.errors == () and extract.header_row == 3
    assert [(x.verifikation, x.konto, x.kontonamn, x.text, x.amount) for x in extract.lines] == [
        ("77", "6580", "Arvoden föreläsare", "Föreläsning", 500000)
    ]


def test_a_grand_total_that_does_not_agree(tmp_path: Path) -> None:
    rows = random_rows(random.Random(12), date(2019, 1, 1), date(2019, 12, 31), 8)
    cells = table(rows, "fortnox", as_text=True)
    cells[-1][3] = "1,00"  # the printed debet total
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    assert [e.row for e in extract.errors] == [len(cells)]
    assert "hela utdraget" in extract.errors[0].reason


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) finns inte")
@pytest.mark.parametrize("style", STYLES)
def test_an_extract_saved_again_by_libreoffice(tmp_path: Path, style: str) -> None:
    """A CSV extract opened in an office program (Windows-1252, semicolons) and saved as
    a workbook: dates and numbers become cells of their own kind; the same rows and sums."""
    rows = random_rows(random.Random(31), date(2019, 1, 1), date(2019, 12, 31), 25)
    source = write_ledger(tmp_path, rows, style, "csv", "cp1252")
    out = tmp_path / "lo"
    out.mkdir()
    done = convert(source, out, "xlsx", infilter="CSV:59,34,1")
    assert done.returncode == 0, done.stderr
    extract = read_ledger(out / f"{source.stem}.xlsx")
    assert extract.errors == ()
    assert read(extract) == known(rows)
    assert len(extract.sums) == len({r.konto for r in rows}) + 1
    assert all(s.agrees for s in extract.sums)


def test_an_unnamed_summa_after_each_konto_and_at_the_end(tmp_path: Path) -> None:
    """Konto on every row, "Summa" without a konto after each konto's rows, and "Summa"
    again at the end for the whole extract."""
    rows = random_rows(random.Random(41), date(2019, 1, 1), date(2019, 12, 31), 30)
    cells = table(rows, "kommun", as_text=True)
    for c in cells:
        if c and str(c[0]).startswith(("Summa konto", "Totalt")):
            c[0] = "Summa"
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    assert extract.errors == ()
    konton = sorted({r.konto for r in rows})
    assert [s.konto for s in extract.sums] == [*konton, None]
    assert all(s.agrees for s in extract.sums)
    at = next(i for i, c in enumerate(cells) if c and c[0] == "Summa")
    cells[at][-1] = "0,01"
    extract = read_ledger(write_csv(tmp_path / "h.csv", cells))
    assert [e.row for e in extract.errors] == [at + 1]
    assert f"konto {konton[0]}" in extract.errors[0].reason
