"""Counted nouns agree with their number; thousands are grouped as on screen."""

from __future__ import annotations

import pytest

from app.core.wording import count_noun, thousands


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 aktiviteter"),
        (1, "1 aktivitet"),
        (2, "2 aktiviteter"),
        (1234, "1\u00a0234 aktiviteter"),
        (1_000_001, "1\u00a0000\u00a0001 aktiviteter"),
    ],
)
def test_count_noun(n: int, expected: str) -> None:
    assert count_noun(n, "aktivitet", "aktiviteter") == expected


def test_irregular_nouns_and_phrases_are_given_whole() -> None:
    assert count_noun(1, "man", "män") == "1 man"
    assert count_noun(3, "man", "män") == "3 män"
    assert count_noun(1, "säkerhetskopia", "säkerhetskopior") == "1 säkerhetskopia"
    assert count_noun(1, "genomfört möte", "genomförda möten") == "1 genomfört möte"


def test_thousands_like_qlocale_swedish() -> None:
    assert thousands(999) == "999"
    assert thousands(1275) == "1\u00a0275"
    assert thousands(-12) == "\u221212"
