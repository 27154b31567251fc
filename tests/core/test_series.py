"""Series rules: their dates over many generated rules, their Swedish description and
their iCalendar RRULE (checked against dateutil's own expansion of the same RRULE)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr

from app.core.entities import Insats
from app.core.errors import ValidationError
from app.core.series import (
    LAST,
    MAX_OCCURRENCES,
    MONTHLY,
    WEEKLY,
    SeriesRule,
    checked,
    describe,
    from_rrule,
    nth_of,
    occurrences,
    problems,
    to_rrule,
)

SEED = 1414


def _random_rule(rng: random.Random) -> SeriesRule:
    first = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    monthly = rng.random() < 0.5
    weekday = first.weekday() if monthly or rng.random() < 0.5 else rng.randrange(7)
    nth = rng.choice((1, 2, 3, 4, 5, LAST)) if monthly else None
    ends_by_count = rng.random() < 0.5
    return SeriesRule(
        MONTHLY if monthly else WEEKLY,
        rng.choice((1, 1, 2, 3, 4, 6)),
        weekday,
        first,
        nth=nth,
        count=rng.randrange(1, 60) if ends_by_count else None,
        until=None if ends_by_count else first + timedelta(days=rng.randrange(0, 900)),
    )


def _rules(n: int = 600) -> list[SeriesRule]:
    print(f"seed {SEED}")
    rng = random.Random(SEED)
    return [_random_rule(rng) for _ in range(n)]


def test_every_date_is_on_the_weekday_within_the_end_and_increasing() -> None:
    for rule in _rules():
        days = occurrences(rule)
        assert all(d.weekday() == rule.weekday for d in days), rule
        assert all(a < b for a, b in zip(days, days[1:], strict=False)), rule
        assert all(d >= rule.first_date for d in days), rule
        if rule.until is not None:
            assert all(d <= rule.until for d in days), rule
        if rule.count is not None:
            assert len(days) == rule.count, rule
        if rule.monthly:
            assert rule.nth is not None
            for d in days:
                if rule.nth == LAST:
                    assert (d + timedelta(days=7)).month != d.month, rule
                else:
                    assert nth_of(d) == rule.nth, rule
        else:
            gaps = {(b - a).days for a, b in zip(days, days[1:], strict=False)}
            assert gaps <= {7 * rule.interval}, rule


def test_dates_equal_dateutils_expansion_of_the_rrule() -> None:
    """The rule's RRULE, expanded by dateutil, gives the same dates (an independent
    implementation of RFC 5545)."""
    for rule in _rules():
        days = occurrences(rule)
        if not days:
            continue
        start = datetime.combine(days[0], datetime.min.time())
        expanded = [d.date() for d in rrulestr(to_rrule(rule), dtstart=start)]
        assert expanded == days, (rule, to_rrule(rule))


def test_rrule_round_trip() -> None:
    for rule in _rules():
        days = occurrences(rule)
        if not days:
            continue
        synced = SeriesRule(
            rule.frequency,
            rule.interval,
            rule.weekday,
            days[0],
            nth=rule.nth,
            until=rule.until,
            count=rule.count,
        )
        back = from_rrule(to_rrule(synced), days[0])
        assert back == synced
        assert occurrences(back) == days


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        (
            "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=5",
            date(2025, 1, 14),
            SeriesRule(MONTHLY, 1, 1, date(2025, 1, 14), nth=2, count=5),
        ),
        (
            "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;UNTIL=20251231T225959Z",
            date(2025, 1, 31),
            SeriesRule(MONTHLY, 2, 4, date(2025, 1, 31), nth=LAST, until=date(2025, 12, 31)),
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;COUNT=3;WKST=MO",
            date(2025, 3, 5),
            SeriesRule(WEEKLY, 2, 2, date(2025, 3, 5), count=3),
        ),
    ],
)
def test_from_rrule(text: str, first: date, expected: SeriesRule) -> None:
    assert from_rrule(text, first) == expected


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=DAILY;COUNT=5",
        "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5",
        "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=5",
        "FREQ=WEEKLY;BYDAY=TU",  # no end
        "FREQ=WEEKLY;BYDAY=TU;COUNT=5;UNTIL=20250101",
        "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-2;COUNT=5",
        "FREQ=WEEKLY;BYDAY=TU;COUNT=5000",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=5",
        "FREQ=YEARLY;COUNT=5",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=5",  # DTSTART a tuesday: WKST decides
        "FREQ=MONTHLY;BYDAY=3TU;COUNT=5",  # DTSTART is the 2nd tuesday, no occurrence
    ],
)
def test_rules_a_series_cannot_hold_give_none(text: str) -> None:
    assert from_rrule(text, date(2025, 1, 14)) is None


def test_swedish_descriptions() -> None:
    assert describe(SeriesRule(WEEKLY, 1, 1, date(2025, 1, 7), count=12)) == (
        "Varje vecka på tisdagar, 12 tillfällen"
    )
    assert describe(SeriesRule(WEEKLY, 4, 0, date(2025, 1, 6), until=date(2025, 6, 1))) == (
        "Var 4:e vecka på måndagar till 1 juni 2025"
    )
    assert describe(
        SeriesRule(MONTHLY, 1, 1, date(2025, 1, 14), nth=2, until=date(2025, 6, 15))
    ) == ("Varje månad den andra tisdagen till 15 juni 2025")
    assert describe(SeriesRule(MONTHLY, 2, 4, date(2025, 1, 31), nth=LAST, count=1)) == (
        "Varannan månad den sista fredagen, 1 tillfälle"
    )


def test_a_month_without_a_fifth_weekday_is_skipped() -> None:
    days = occurrences(SeriesRule(MONTHLY, 1, 1, date(2025, 1, 1), nth=5, until=date(2025, 12, 31)))
    # 2025 has a 5th tuesday in april, july, september and december.
    assert days == [date(2025, 4, 29), date(2025, 7, 29), date(2025, 9, 30), date(2025, 12, 30)]


def test_problems_in_swedish() -> None:
    no_end = SeriesRule(WEEKLY, 1, 1, date(2025, 1, 7))
    assert problems(no_end) == ["Ange när serien slutar: ett datum eller ett antal tillfällen."]
    too_many = SeriesRule(WEEKLY, 1, 1, date(2025, 1, 7), until=date(2040, 1, 1))
    assert f"fler än {MAX_OCCURRENCES}" in problems(too_many)[0]
    backwards = SeriesRule(WEEKLY, 1, 1, date(2025, 1, 7), until=date(2024, 1, 1))
    assert problems(backwards) == ["Slutdatumet ligger före seriens första datum."]
    insats = Insats(1, 1, "ASF", date(2024, 1, 1), date(2025, 12, 31))
    past_insats = SeriesRule(MONTHLY, 1, 1, date(2025, 6, 10), nth=2, count=12)
    with pytest.raises(ValidationError) as caught:
        checked(past_insats, insats.years)
    assert caught.value.problems == [
        "5 tillfällen (först 2026-01-13) ligger utanför insatsens år 2024–2025."
    ]
    assert len(checked(past_insats)) == 12
