"""The evaluation figures (core.evaluation) and the word → value mapping of the answers."""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from app.core.errors import ValidationError
from app.core.evaluation import (
    EvaluatedActivity,
    Evaluation,
    Question,
    Quote,
    decimal_text,
    evaluation_tables,
    mean_figure,
    percent_text,
    rate_percent,
    share_percent,
    validate_evaluation,
)
from app.core.evaluation_scale import Distribution, combined
from app.core.evaluation_words import mapping_lines, scale_value
from app.core.limits import LONG_TEXT
from tests.rich_data import random_evaluation

# The mapping the issue asks for, and the common English Forms words.
MAPPING = {
    "Instämmer helt": 5,
    "Instämmer delvis": 4,
    "Instämmer till stor del": 4,
    "Varken eller": 3,
    "Neutral": 3,
    "Instämmer till viss del": 2,
    "Instämmer i liten grad": 2,
    "Instämmer inte alls": 1,
    "Strongly agree": 5,
    "Agree": 4,
    "Neither agree nor disagree": 3,
    "Disagree": 2,
    "Strongly disagree": 1,
    "Mycket bra": 5,
    "Bra": 4,
    "Varken bra eller dålig": 3,
    "Dålig": 2,
    "Mycket dålig": 1,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
    "★": 1,
    "★★★": 3,
    "★★★★★": 5,
    "⭐⭐⭐⭐": 4,
}


@pytest.mark.parametrize(("word", "value"), MAPPING.items())
def test_each_word_has_its_value_whatever_the_case_and_spacing(word: str, value: int) -> None:
    assert scale_value(word) == value
    assert scale_value(f"  {word.upper()} ") == value
    assert scale_value(word.lower().replace(" ", "   ")) == value


@pytest.mark.parametrize("answer", [4, 4.0, "4,0", "4.0"])
def test_numbers_from_a_sheet_are_values(answer: object) -> None:
    assert scale_value(answer) == 4  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "answer", ["Instämmer nästan helt", "6", 0, 7, 3.5, "★★★★★★", "", "Ja", True, "Bra föreläsare"]
)
def test_an_unknown_answer_is_never_guessed(answer: object) -> None:
    assert scale_value(answer) is None  # type: ignore[arg-type]


def test_the_mapping_is_shown_highest_first() -> None:
    assert mapping_lines({"Bra": 4, "Instämmer helt": 5, "dålig": 2}) == [
        "Instämmer helt → 5",
        "Bra → 4",
        "dålig → 2",
    ]


def _exact_half_up(numerator: int, denominator: int, places: int) -> Decimal:
    q = Decimal(numerator) / Decimal(denominator)
    return q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def test_the_rounded_figures_are_the_exact_ones_rounded_half_up() -> None:
    seed = 1401
    print(f"seed={seed}")
    rng = random.Random(seed)
    for _ in range(2000):
        d = Distribution(*(rng.randint(0, 40) for _ in range(5)))
        if not d.answers:
            assert mean_figure(d) is None and share_percent(d) is None
            continue
        assert Decimal(str(mean_figure(d))) == _exact_half_up(d.total, d.answers, 1)
        assert share_percent(d) == int(_exact_half_up(d.high * 100, d.answers, 0))
        assert abs(mean_figure(d) - d.mean) <= 0.05 + 1e-12  # type: ignore[operator]
    # 87/20 = 4.35 exactly: half up, though the float 4.35 is just below.
    assert mean_figure(Distribution(0, 0, 1, 11, 8)) == 4.4
    assert rate_percent(1, 8) == 13 and rate_percent(3, 0) is None


def test_texts() -> None:
    assert decimal_text(4.3) == "4,3" and decimal_text(None) == "–"
    assert percent_text(87) == "87 %" and percent_text(None) == "–"


def test_validation_names_every_problem_in_swedish() -> None:
    bad = Evaluation(
        None,
        1,
        answered=12,
        asked=10,
        questions=(Question("Nöjd?", Distribution(0, 0, 5, 5, 5)), Question("", Distribution())),
        quotes=(Quote("x" * (LONG_TEXT + 1)),),
    )
    with pytest.raises(ValidationError) as e:
        validate_evaluation(bad, participants=20)
    text = str(e.value)
    assert "12 svar är fler än de 10 tillfrågade" in text
    assert "Fråga 1 (Nöjd?) har 15 svar, men bara 12 svarade" in text
    assert "Citat 1 har" in text
    with pytest.raises(ValidationError, match="fler än de 8 deltagare"):
        validate_evaluation(Evaluation(None, 1, answered=9), participants=8)


def test_validation_trims_and_drops_empty_rows() -> None:
    e = validate_evaluation(
        Evaluation(
            None,
            1,
            answered=2,
            questions=(Question(" Nöjd? ", Distribution(0, 0, 0, 1, 1)), Question("  ")),
            quotes=(Quote("  "), Quote(" Bra dag ", " Vad var bra? ")),
        ),
        participants=3,
    )
    assert e.questions == (Question("Nöjd?", Distribution(0, 0, 0, 1, 1)),)
    assert e.quotes == (Quote("Bra dag", "Vad var bra?"),)


def _random_activities(rng: random.Random, n: int) -> list[EvaluatedActivity]:
    out = []
    for i in range(n):
        participants = rng.randint(1, 80)
        out.append(
            EvaluatedActivity(
                i + 1,
                date(2018 + rng.randint(0, 2), rng.randint(1, 12), rng.randint(1, 28)),
                f"Aktivitet {i}",
                rng.choice(("Seminarium", "Frukostmöte", "Utbildning")),
                participants,
                rng.random() < 0.8,
                random_evaluation(rng, i + 1, participants),
            )
        )
    return out


def test_the_totals_are_the_sums_of_their_parts() -> None:
    seed = 1402
    print(f"seed={seed}")
    rng = random.Random(seed)
    for _ in range(50):
        activities = _random_activities(rng, rng.randint(0, 25))
        for a in activities:
            assert validate_evaluation(a.evaluation, a.participants) == a.evaluation
        tables = evaluation_tables(activities, "2018–2020")
        held = [a for a in activities if a.held]
        total = tables.total
        assert total.distribution == combined(
            q.answers for a in held for q in a.evaluation.questions
        )
        assert total.answered == sum(a.evaluation.answered for a in held)
        assert total.participants == sum(a.participants for a in held)
        assert total.evaluations == len(held)
        for groups in (tables.per_type, tables.per_year):
            assert combined(g.distribution for g in groups) == total.distribution
            assert sum(g.asked for g in groups) == total.asked
            assert sum(g.evaluations for g in groups) == len(held)
        assert [a.day for a in tables.activities] == sorted(a.day for a in activities)
        assert tables.is_empty == (not held)
        assert bool(tables.note()) == any(not a.held for a in activities)
