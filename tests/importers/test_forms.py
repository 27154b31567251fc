"""Reading a Microsoft Forms or Google Forms export (app/importers/forms.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import DomainError, ValidationError
from app.core.evaluation_scale import Distribution
from app.importers.forms import GOOGLE, MICROSOFT, read_forms
from tests.forms_files import (
    EMAILS,
    GOOGLE_COUNTS,
    GOOGLE_HEADERS,
    GOOGLE_ROWS,
    MS_COUNTS,
    MS_HEADERS,
    MS_ROWS,
    NAMES,
    SECRET_QUOTE,
    write_csv,
    write_xlsx,
)


def _no_personal_data(result: object) -> None:
    text = repr(result)
    for value in (*NAMES, *EMAILS):
        assert value not in text


@pytest.mark.parametrize("kind", ["xlsx", "csv-semicolon", "csv-cp1252"])
def test_a_microsoft_forms_export_in_swedish(tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "svar.xlsx", MS_HEADERS, MS_ROWS)
    elif kind == "csv-semicolon":
        path = write_csv(tmp_path / "svar.csv", MS_HEADERS, MS_ROWS, ";")
    else:
        path = write_csv(tmp_path / "svar.csv", MS_HEADERS, MS_ROWS, ";", "cp1252")
    forms = read_forms(path)
    assert forms.source == MICROSOFT
    assert forms.respondents == 3
    assert [q.text for q in forms.questions] == list(MS_HEADERS[6:8])
    assert [q.answers for q in forms.questions] == [Distribution(*c) for c in MS_COUNTS]
    assert forms.text_questions == ("Vad tar du med dig?",)
    assert [q.text for q in forms.candidate_quotes] == ["Konkreta exempel", SECRET_QUOTE]
    assert dict(forms.mapping) == {
        "Instämmer helt": 5,
        "Instämmer delvis": 4,
        "Varken eller": 3,
        "Instämmer till viss del": 2,
    }
    assert forms.mapping_lines()[0] == "Instämmer helt → 5"
    assert [n.split(" (")[0] for n in forms.not_read] == list(MS_HEADERS[:6])
    _no_personal_data(forms)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_google_forms_export_in_english_with_numbers(tmp_path: Path, suffix: str) -> None:
    write = write_xlsx if suffix == "xlsx" else write_csv
    forms = read_forms(write(tmp_path / f"svar.{suffix}", GOOGLE_HEADERS, GOOGLE_ROWS))
    assert forms.source == GOOGLE
    assert forms.respondents == 4
    assert [q.answers for q in forms.questions] == [Distribution(*c) for c in GOOGLE_COUNTS]
    assert [q.text for q in forms.candidate_quotes] == ["Great day", SECRET_QUOTE]
    assert {"Timestamp", "Email Address", "Your name"} == {n.split(" (")[0] for n in forms.not_read}
    _no_personal_data(forms)
    evaluation = forms.evaluation(7, asked=10)
    assert (evaluation.answered, evaluation.asked, evaluation.quotes) == (4, 10, ())


def test_a_column_of_addresses_is_not_read_whatever_its_header(tmp_path: Path) -> None:
    rows = [(f"kontakt: {e}", "Bra") for e in EMAILS]
    forms = read_forms(write_csv(tmp_path / "s.csv", ("Kan vi höra av oss?", "Betyg"), rows))
    assert forms.not_read == ("Kan vi höra av oss? (innehåller e-postadresser)",)
    assert forms.candidate_quotes == ()
    _no_personal_data(forms)


def test_an_unknown_word_in_a_scale_column_is_named_with_row_and_column(tmp_path: Path) -> None:
    rows = [("Instämmer helt",), ("Instämmer delvis",), ("Instämmer nästan helt",)]
    path = write_xlsx(tmp_path / "s.xlsx", ("Nöjd?",), rows)
    with pytest.raises(ValidationError) as e:
        read_forms(path)
    message = str(e.value)
    assert "kolumn A (Nöjd?)" in message and "”Instämmer nästan helt” (rad 4)" in message


def test_numbers_beyond_the_scale_are_not_read_and_said_so(tmp_path: Path) -> None:
    rows = [(9, "Bra"), (10, "Mycket bra"), (7, "Bra")]
    forms = read_forms(write_xlsx(tmp_path / "s.xlsx", ("Rekommendera 0–10", "Helhet"), rows))
    assert forms.not_read == ("Rekommendera 0–10 (siffror utanför skalan 1–5)",)
    assert forms.questions[0].answers == Distribution(0, 0, 0, 2, 1)


def test_respondents_are_the_rows_with_an_answer(tmp_path: Path) -> None:
    rows = [("a@b.se x", "Nöjd", ""), ("", "", ""), ("", "", "Bra kurs")]
    headers = ("E-post", "Helhet", "Kommentar")
    forms = read_forms(
        write_csv(tmp_path / "s.csv", headers, [(r[0] and "x@y.se", *r[1:]) for r in rows])
    )
    assert forms.respondents == 2
    assert forms.questions[0].answers == Distribution(0, 0, 0, 1, 0)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.csv", "", "är tom"),
        ("bara.csv", "ID;Namn;E-post\n1;Kalle;k@x.se\n", "inga frågor att läsa in"),
        ("fel.pdf", "x", "okänd filtyp"),
    ],
)
def test_a_file_without_answers_is_refused(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DomainError, match=message):
        read_forms(path)
