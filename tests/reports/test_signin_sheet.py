"""The närvarolista: read back with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.attendance import Attendance
from app.core.errors import DomainError
from app.core.vocabulary import Format, OrgCategory, Role, Scope
from app.operations.reports import signin_sheet_for
from app.reports.signin_sheet import (
    ORG_SHORT,
    SigninSheet,
    one_page_rows,
    signin_rows,
    write_signin_sheet,
)


def text_of(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def row_numbers(path: Path) -> list[int]:
    """The signature rows' numbers (the Nr column), every page, as pypdf reads them."""
    return [int(line) for page in text_of(path) for line in page.splitlines() if line.isdigit()]


@pytest.fixture
def planned(store, add_activity, org_ids):
    af = next(i for n, i in org_ids.items() if "rbetsförmedling" in n)
    return add_activity(
        "Frukostmöte",
        "Gävle",
        date(2018, 3, 15),
        title="Frukostmöte om sociala företag – vad är ASF?",
        place="Kulturhuset Väven",
        coorganiser_ids=(af,),
    )


def test_the_sheet_of_an_activity(store, insats, planned, org_ids, tmp_path):
    sheet = signin_sheet_for(store, planned.id)
    assert sheet.dates == (date(2018, 3, 15),)
    assert sheet.place == "Kulturhuset Väven, Gävle"
    assert sheet.type_name == "Frukostmöte"
    assert sheet.file_name() == (
        "Närvarolista Frukostmöte om sociala företag – vad är ASF 2018-03-15.pdf"
    )

    out = tmp_path / "lista.pdf"
    pages = write_signin_sheet(out, sheet)

    assert sheet.expected == 0  # planned, nobody counted or named yet: one full page
    assert pages == 1
    assert row_numbers(out) == list(range(1, one_page_rows(sheet) + 1))
    assert one_page_rows(sheet) >= 15
    first = text_of(out)[0]
    assert "Närvarolista".upper() in first
    assert "Frukostmöte om sociala företag – vad är ASF?" in first
    assert "15 mars 2018" in first
    assert "Kulturhuset Väven, Gävle" in first
    assert any("rbetsförmedling" in n and n in first for n in org_ids)
    assert store.reference.forbund(insats.forbund_id).name in first
    for header in ("Namn", "Organisation", "Underskrift", "Kvinna", "Man"):
        assert header in first
    for role in Role:
        assert role.label.replace("/", "/\n") in first or role.label in first
    for short in ORG_SHORT.values():
        assert short in first
    assert "Sida 1 av 1" in first
    last = text_of(out)[-1]
    assert "Antal deltagare:" in last
    assert "förstörs" in last
    assert not list(tmp_path.glob(".~*"))


def test_a_training_in_steps_lists_each_date(store, add_activity, tmp_path):
    steps = (date(2019, 2, 5), date(2019, 3, 12), date(2019, 4, 9))
    training = add_activity(
        "Utbildning",
        Scope.LANSOVERGRIPANDE,
        steps[0],
        end=steps[-1],
        steps=steps,
        format=Format.HYBRID,
        title="Handledarutbildning för ASF",
    )
    sheet = signin_sheet_for(store, training.id)
    assert sheet.in_steps
    out = tmp_path / "steg.pdf"
    write_signin_sheet(out, sheet)

    first = text_of(out)[0]
    for i, d in enumerate(("5 februari 2019", "12 mars 2019", "9 april 2019"), 1):
        assert f"Steg {i}: {d}" in first
    assert "Länsövergripande" in first
    assert "Hybrid" in first


def test_a_long_sheet_repeats_the_header(tmp_path):
    sheet = SigninSheet("Konferens åäö ÅÄÖ", "Konferens", (date(2020, 11, 3),), place="Älvkarleby")
    out = tmp_path / "lang.pdf"

    pages = write_signin_sheet(out, sheet, rows=80)

    texts = text_of(out)
    assert pages == len(texts) >= 3
    for page in texts:
        assert "Underskrift" in page and "Förtroendevald" in page and "Region" in page
    assert "Konferens åäö ÅÄÖ" in texts[0] and "Älvkarleby" in texts[0]
    assert "Konferens åäö ÅÄÖ" in texts[1]  # the running header
    assert "80" in texts[-1]
    assert f"Sida {pages} av {pages}" in texts[-1]


def test_the_rows_follow_the_expected_participants(store, add_activity, tmp_path):
    activity = add_activity(
        "Seminarium", "Gävle", date(2018, 5, 16), attendance=Attendance.build(40), title="Stort"
    )
    sheet = signin_sheet_for(store, activity.id)
    out = tmp_path / "40.pdf"

    pages = write_signin_sheet(out, sheet)

    assert sheet.expected == 40
    numbers = row_numbers(out)
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == signin_rows(sheet) >= 40 + 4  # and a few spare rows
    assert pages == len(text_of(out)) == 2
    assert "Antal deltagare:" in text_of(out)[-1]


def test_one_page_is_full(tmp_path):
    short = SigninSheet("Möte", "", (date(2018, 1, 9),))
    steps = tuple(date(2019, m, 5) for m in range(2, 8))
    long = SigninSheet(
        "Handledarutbildning för arbetsintegrerande sociala företag i Gävleborgs län, "
        "med reserverade kontrakt och offentlig upphandling",
        "Utbildning",
        steps,
        in_steps=True,
        place="Kulturhuset Väven, Umeå",
        format_label="Hybrid",
        organisers=("Samordningsförbundet Gävleborg", "Arbetsförmedlingen", "Region Gävleborg"),
        insats_name="ASF Gävleborg",
    )
    for sheet in (short, long):
        n = one_page_rows(sheet)
        assert write_signin_sheet(tmp_path / "full.pdf", sheet, rows=n) == 1
        assert write_signin_sheet(tmp_path / "over.pdf", sheet, rows=n + 1) == 2
        assert signin_rows(sheet) == n  # nobody expected: still a full page
    assert one_page_rows(long) < one_page_rows(short)


def test_an_unwritable_folder_says_so_in_swedish(tmp_path):
    sheet = SigninSheet("Möte", "", (date(2018, 1, 9),))
    with pytest.raises(DomainError, match="Kunde inte spara .*mappen finns inte"):
        write_signin_sheet(tmp_path / "nej" / "x.pdf", sheet)


def test_a_file_name_without_forbidden_characters():
    sheet = SigninSheet('Möte: "A/B"?', "", (date(2018, 1, 9),))
    assert sheet.file_name() == "Närvarolista Möte A B 2018-01-09.pdf"


def test_a_missing_activity(store):
    with pytest.raises(DomainError):
        signin_sheet_for(store, 999)


def test_org_headers_cover_every_category():
    assert set(ORG_SHORT) == set(OrgCategory)
