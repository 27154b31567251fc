"""Searching the activities of every year: what a query means, and what a hit shows.

A query's text is split into terms: words separated by spaces, and phrases in quotes
(``"goda exempel"``); an activity matches when every term is found in one of its
searched fields (title, place, type, kommun, notes, highlight, description). Matching
ignores case for every letter, å ä ö and Å Ä Ö included (Unicode case folding, after
canonical composition: an "ö" typed as "o" plus a combining diaeresis is an "ö"), and
any run of white space counts as one space. Pure Python; the store keeps the folded
texts (app.store.activity_search).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.core.vocabulary import Status
from app.core.wording import count_noun, thousands

# At most this many hits are listed (the newest); the total is always counted.
DEFAULT_CAP = 500

# The searched fields, in the order a hit names where its text was found.
FIELD_LABELS: tuple[str, ...] = (
    "Titel",
    "Plats",
    "Typ",
    "Kommun",
    "Anteckningar",
    "Höjdpunkt",
    "Beskrivning",
)
# The fields the results table shows in a column of their own: naming them is enough.
SHOWN_FIELDS = frozenset({"Titel", "Typ", "Kommun"})
EXCERPT_LENGTH = 60

# Between the folded fields of one activity in the store's haystack: no term holds it
# (parse_terms drops control characters), so no term is found across two fields. Not
# NUL, which PostgreSQL's text cannot hold, nor one of the controls str.split() takes
# for white space (fold would make it a space).
FIELD_SEPARATOR = "\x01"

_PHRASE_OR_WORD = re.compile(r'"([^"]*)"?|([^\s"]+)')
# Typographic quotes count as ": ”goda exempel” and “goda exempel” are phrases too.
_QUOTES = str.maketrans(dict.fromkeys("”“„«»", '"'))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(text: str) -> str:
    """``text`` as it is compared: composed (NFC), case-folded, white space as one space."""
    if text.isascii():
        return " ".join(text.lower().split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def parse_terms(text: str) -> tuple[str, ...]:
    """The folded terms of a query: each word, and each quoted phrase as one term (an
    unclosed quote runs to the end). Empty phrases, repeats and terms found inside
    another term are left out (they cannot change which activities match)."""
    terms: list[str] = []
    for phrase, word in _PHRASE_OR_WORD.findall(_CONTROL.sub(" ", text).translate(_QUOTES)):
        term = fold(phrase or word)
        if term:
            terms.append(term)
    kept: list[str] = []
    for term in sorted(set(terms), key=len, reverse=True):
        if not any(term in longer for longer in kept):
            kept.append(term)
    return tuple(sorted(kept, key=terms.index))


def haystack(fields: Sequence[str]) -> str:
    """One activity's searched fields, folded, as the store keeps them."""
    return FIELD_SEPARATOR.join(fold(f) for f in fields)


def matches(terms: Sequence[str], folded: str) -> bool:
    """Whether every term is in ``folded`` (a ``haystack``)."""
    return all(term in folded for term in terms)


@dataclass(frozen=True)
class SearchQuery:
    """What the user searches for. Empty fields do not filter."""

    text: str = ""
    type_name: str = ""
    place_label: str = ""  # a kommun's name, or Länsövergripande / Nationellt
    status: Status | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        return parse_terms(self.text)

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.type_name or self.place_label or self.status)


def _excerpt(text: str, term: str) -> str:
    """Some of ``text`` around where ``term`` was found, on one line."""
    flat = " ".join(text.split())
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    at = max(0, fold(flat).find(term))
    start = max(0, min(at - EXCERPT_LENGTH // 3, len(flat) - EXCERPT_LENGTH))
    space = flat.find(" ", start, at)
    if start and space >= 0:  # begin at a word
        start = space + 1
    end = start + EXCERPT_LENGTH
    space = flat.rfind(" ", at + len(term), end)
    if end < len(flat) and space >= 0:  # end at a word
        end = space
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def found_in(terms: Sequence[str], fields: Sequence[str]) -> str:
    """Where the terms were found: the fields' names (``FIELD_LABELS``, in that order),
    and for a field the table does not show, what it says there ("Titel · Anteckningar:
    ”…i gemensam mapp…”")."""
    parts: list[str] = []
    for label, text in zip(FIELD_LABELS, fields, strict=True):
        folded = fold(text)
        found = next((t for t in terms if t in folded), None)
        if found is None:
            continue
        if label in SHOWN_FIELDS:
            parts.append(label)
        else:
            parts.append(f"{label}: ”{_excerpt(text, found)}”")
    return " · ".join(parts)


@dataclass(frozen=True)
class SearchHit:
    id: int
    start: date
    title: str
    type_name: str
    place_label: str
    status: Status
    participants: int
    counts_approximate: bool = False
    found: str = ""  # found_in: where the text was found ("" when no text was searched)

    @property
    def year(self) -> int:
        return self.start.year


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[SearchHit, ...] = ()
    total: int = 0  # every match, also those beyond the cap
    cap: int = DEFAULT_CAP

    @property
    def capped(self) -> bool:
        return self.total > len(self.hits)

    def summary(self) -> str:
        """'Inga träffar', '1 träff', '1 234 träffar (visar de 500 senaste)'."""
        if self.total == 0:
            return "Inga träffar"
        text = count_noun(self.total, "träff", "träffar")
        if self.capped:
            text += f" (visar de {thousands(len(self.hits))} senaste)"
        return text


def highlight_spans(terms: Sequence[str], text: str) -> list[tuple[int, int]]:
    """Where in ``text`` the terms are, as (start, end) positions of ``text``, in order
    and merged where they overlap: what the search's table shows in bold. Found letter
    by letter (case-folded), so a phrase written with several spaces, or a letter written
    decomposed, is matched by the search but not marked here."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in ch.casefold():
            chars.append(c)
            origin.append(i)
    folded = "".join(chars)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = folded.find(term) if term else -1
        while at >= 0:
            spans.append((origin[at], origin[at + len(term) - 1] + 1))
            at = folded.find(term, at + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
