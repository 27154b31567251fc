"""The words a survey answers with, mapped to 1–5: the Swedish and English answers of
Microsoft Forms' and Google Forms' Likert and rating questions, digits and stars.

Matching ignores case and runs of whitespace; an answer not in the table is never
guessed (``scale_value`` gives None and the importer names it)."""

from __future__ import annotations

import re

# Each answer as a respondent sees it, by value; the first of each value is the one
# shown in the mapping's explanation.
SCALE_WORDS: dict[int, tuple[str, ...]] = {
    5: (
        "Instämmer helt",
        "Stämmer helt",
        "Strongly agree",
        "Mycket bra",
        "Very good",
        "Mycket nöjd",
        "Very satisfied",
    ),
    4: (
        "Instämmer delvis",
        "Instämmer till stor del",
        "Stämmer till stor del",
        "Agree",
        "Somewhat agree",
        "Bra",
        "Good",
        "Nöjd",
        "Satisfied",
    ),
    3: (
        "Varken eller",
        "Neutral",
        "Neither agree nor disagree",
        "Varken instämmer eller tar avstånd",
        "Varken bra eller dålig",
        "Varken nöjd eller missnöjd",
    ),
    2: (
        "Instämmer till viss del",
        "Instämmer i liten grad",
        "Stämmer till viss del",
        "Disagree",
        "Somewhat disagree",
        "Dålig",
        "Poor",
        "Missnöjd",
        "Dissatisfied",
    ),
    1: (
        "Instämmer inte alls",
        "Stämmer inte alls",
        "Strongly disagree",
        "Mycket dålig",
        "Very poor",
        "Mycket missnöjd",
        "Very dissatisfied",
    ),
}
STARS = ("★", "⭐", "*")

_SPACE = re.compile(r"\s+")


def word_key(text: str) -> str:
    """An answer as compared: lower case, one space between words, no space at the ends."""
    return _SPACE.sub(" ", text.casefold()).strip()


def _table() -> dict[str, int]:
    table: dict[str, int] = {}
    for value, words in SCALE_WORDS.items():
        for word in words:
            table[word_key(word)] = value
        table[str(value)] = value
        for star in STARS:
            table[star * value] = value
    return table


WORD_VALUES = _table()


def scale_value(answer: str | int | float) -> int | None:
    """The value 1–5 of an answer (a word, a digit, 4.0, stars "★★★★"), or None."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        if float(answer).is_integer() and 1 <= int(answer) <= 5:
            return int(answer)
        return None
    key = word_key(answer)
    found = WORD_VALUES.get(key)
    if found is not None:
        return found
    compact = key.replace(" ", "")
    if compact and all(c == compact[0] for c in compact) and compact[0] in STARS:
        return None  # six stars or more: not on the scale
    number = key.replace(",", ".")
    if re.fullmatch(r"[1-5](\.0+)?", number):
        return int(float(number))
    return None


def mapping_lines(used: dict[str, int]) -> list[str]:
    """'Instämmer helt → 5' for each answer used, highest value first (the mapping shown
    in the import's preview and printed by the command line)."""
    ordered = sorted(used.items(), key=lambda item: (-item[1], word_key(item[0])))
    return [f"{word} → {value}" for word, value in ordered]
