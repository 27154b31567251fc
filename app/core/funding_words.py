"""The words and signs by which core.funding_rules sees what a cost is for.

A cost is read as one text: its text, kontonamn and konto (and, for a grant or a
membership, its budget line's name: a line the user called "Medlemsavgifter"), folded
(NFC, case-folded, accents other than å, ä and ö taken away, so "Café", "CAFE" and a
decomposed "å" read alike) and searched with word boundaries, inflections included
("medlemsavgiften", "bidraget", "företagets"). The signs, and why each rule looks for
them, so a processledare can see why a cost was flagged:

*Recipients*
  - an ASF: "ASF", "socialt/sociala företag(et)", "arbetsintegrerande", "kooperativ(et)",
    or the name of one of the förbund's organisations of the category ASF (the register);
  - a business: AB, HB, KB, "aktiebolag", "handelsbolag", "kommanditbolag",
    "ek. för.", "ekonomisk förening", "enskild firma", "näringsidkare", "företag(et)";
  - an interest organisation: Skoopi, Coompanion, Sofisam, "intresseorganisation",
    "förening", "förbund", "nätverk", "riksförbund";
  - a part: kommun(en), Region(en), Arbetsförmedlingen, Försäkringskassan.

*kontantbidrag* — a grant to a business or an ASF: "bidrag" in any form
  ("kontantbidrag", "verksamhetsbidrag", "startbidrag", "bidraget"), "ekonomiskt stöd",
  "driftstöd", "verksamhetsstöd", "startstöd", "uppstartsstöd", "stöd till", or a
  Kommun-Bas konto 45xx (lämnade bidrag) — each together with an ASF or a business as
  recipient. "Stöd" to the målgrupp or deltagare is not a grant to a business.

*starta_utveckla* — the start or development of an ASF: "uppstart(sstöd)", "starta",
  "startbidrag", "nystart", "etablering/etablera", "utveckla", "utveckling (av)",
  "bilda", "grunda", together with an ASF sign. Not the knowledge work the guidance
  asks for: "inspirationsdag", "seminarium", "studiebesök", "föreläsning/föreläsare",
  "information", "policy", "samordnare", "kunskap", "konferens" make it allowed.
  Business and competence development ("affärsutveckling", "kompetensutveckling") are
  the next rule's, not this one's.

*medlemskap* — membership: "medlemsavgift(en)", "medlemskap(et)" always (a fee is paid
  to an organisation; the finding names it when the text does);
  "årsavgift" or "serviceavgift" only with an ASF, a business or an interest
  organisation ("årsavgift licens" is not a membership). "Medlemmar", "medlemsmöte"
  are not memberships.

*kompetensutveckling* — competence development for an ASF's staff: "affärsutveckling"
  (the guidance's own example; but not a seminarium, föreläsning … about it that names
  no staff); "kompetensutveckling" with an ASF sign; "utbildning", "kurs",
  "fortbildning", "handledarutbildning" with an ASF sign and a staff word
  ("personal(en)", "anställda", "medarbetare", "handledare", "styrelse"). Training
  about ASF for the målgrupp is what the guidance suggests: "målgrupp" or "deltagare"
  make it allowed.

*placering_direkt* — a cost on the placements line (BudgetLine.placements) whose
  recipient is an ASF or a business and which names no part: the placement must be
  paid through the part that procured it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from app.core.economy_entities import BudgetLine, Cost

# The combining accents taken away: all but ring above (å) and diaeresis (ä, ö).
_ACCENTS = re.compile("[\u0300-\u0307\u0309\u030b-\u036f\u1ab0-\u1aff\u1dc0-\u1dff]")


def fold(text: str) -> str:
    """``text`` as the checks read it: lower case, accents gone but å, ä, ö kept."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


ASF = _words(
    r"\basf\b",
    r"\bsocial[at]?\s+företag\w*",
    r"\barbetsintegrerande\b",
    r"\bkooperativ\w*",
)
BUSINESS = _words(
    r"\b(?:ab|hb|kb)\b",
    r"\b(?:aktie|handels|kommandit)bolag\w*",
    r"\bek\.?\s*för\b\.?",
    r"\bekonomisk(?:a)?\s+förening\w*",
    r"\benskild\s+firma\b",
    r"\bnäringsidkare\w*",
    r"\bföretag\w*",
)
INTEREST = _words(
    r"\bskoopi\b",
    r"\bcoompanion\b",
    r"\bsofisam\b",
    r"\w*intresseorganisation\w*",
    r"\w*förening\w*",
    r"\w*förbund\w*",
    r"\w*nätverk\w*",
)
PART = _words(
    r"\bkommun(?:en|ens)?\b",
    r"\bregion(?:en|ens)?\b",
    r"\barbetsförmedlingen?s?\b",
    r"\bförsäkringskassan?s?\b",
)
GRANT = _words(
    r"\w*bidrag\w*",
    r"\bekonomiskt\s+stöd\w*",
    r"\b(?:drift|verksamhets|start|uppstarts)stöd\w*",
    r"\bstöd(?:et)?\s+till\b",
)
GRANT_STOD = re.compile(r"stöd")
TO_PEOPLE = _words(r"\w*målgrupp\w*", r"\w*deltagar\w*")
START = _words(
    r"\buppstart\w*",
    r"\bstarta\w*",
    r"\bstart(?:bidrag|stöd)\w*",
    r"\bnystart\w*",
    r"\betabler\w*",
    r"\butveckla\w*",
    r"\butveckling\w*",
    r"\bbilda\w*",
    r"\bgrunda\w*",
)
KNOWLEDGE = _words(
    r"\w*inspirationsdag\w*",
    r"\w*seminari\w*",
    r"\w*studiebesök\w*",
    r"\w*föreläs\w*",
    r"\w*information\w*",
    r"\w*policy\w*",
    r"\w*samordnare\w*",
    r"\w*kunskap\w*",
    r"\w*konferens\w*",
)
MEMBER = _words(r"\bmedlemsavgift\w*", r"\bmedlemskap\w*")
MEMBER_WITH_RECIPIENT = _words(r"\bårsavgift\w*", r"\bserviceavgift\w*")
BUSINESS_DEVELOPMENT = _words(r"\baffärsutveckl\w*")
COMPETENCE = _words(r"\bkompetensutveckl\w*")
TRAINING = _words(
    r"\butbildning\w*", r"\bkurs(?:en|er|erna)?\b", r"\bfortbildning\w*", r"\w*utbildning\w*"
)
STAFF = _words(
    r"\bpersonal\w*",
    r"\banställd\w*",
    r"\bmedarbetare\w*",
    r"\bhandledar\w*",
    r"\bstyrelse\w*",
)
GRANT_KONTO = re.compile(r"45\d*")
# The stems every rule's words start from: a text with none of them (on a line that is
# not the placements line, and no konto 45xx) is no finding (a fast first look).
STEMS = (
    "bidrag",
    "stöd",
    "start",
    "etabler",
    "utveckl",
    "bilda",
    "grunda",
    "medlem",
    "avgift",
    "kurs",
    "utbildning",
    "fortbildning",
)


@lru_cache(maxsize=256)
def _folded_name(name: str) -> str:
    return fold(name)


@lru_cache(maxsize=64)
def _name_patterns(names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    folded = ((n, fold(n).strip()) for n in names)
    return tuple((n, re.compile(rf"(?<!\w){re.escape(f)}(?!\w)")) for n, f in folded if f)


def _find(pattern: re.Pattern[str], text: str) -> str:
    m = pattern.search(text)
    return m.group(0) if m else ""


def _asf_name(text: str, names: Sequence[str]) -> str:
    for name, pattern in _name_patterns(tuple(names)):
        if pattern.search(text):
            return name
    return ""


def _joined(*words: str) -> str:
    return " + ".join(dict.fromkeys(w for w in words if w))


def matches(
    cost: Cost, line: BudgetLine | None, asf_names: Sequence[str]
) -> Iterator[tuple[str, str]]:
    """(rule code, the words that matched) for each rule the cost may break. Only money
    paid out is read: a credit or a refund (a negative amount) finances nothing."""
    if cost.amount <= 0:
        return
    konto = cost.konto.strip()
    text = fold(" ".join((cost.text, cost.kontonamn, konto)))
    named = f"{_folded_name(line.name) if line else ''} {text}"  # the line's name, for its kind
    placements = line is not None and line.placements
    if not (placements or GRANT_KONTO.fullmatch(konto) or any(w in named for w in STEMS)):
        return
    asf = _asf_name(text, asf_names) or _find(ASF, text)
    business = _find(BUSINESS, text)
    recipient = asf or business
    to_people = _find(TO_PEOPLE, text)

    grant = _find(GRANT, named)
    if grant and to_people and GRANT_STOD.search(grant):
        grant = ""  # "stöd till deltagare": support for people, not a grant
    if not grant and GRANT_KONTO.fullmatch(konto):
        grant = f"konto {konto}"
    if grant and recipient:
        yield "kontantbidrag", _joined(grant, recipient)

    start = _find(START, text)
    if start and asf and not _find(KNOWLEDGE, text):
        yield "starta_utveckla", _joined(start, asf)

    member = _find(MEMBER, named)
    if not member:
        fee = _find(MEMBER_WITH_RECIPIENT, named)
        if fee and (recipient or _find(INTEREST, text)):
            member = fee
    if member:
        yield "medlemskap", _joined(member, recipient or _find(INTEREST, text))

    competence = _find(BUSINESS_DEVELOPMENT, text)
    if competence and _find(KNOWLEDGE, text) and not _find(STAFF, text):
        competence = ""  # a seminar on ASF's business development: knowledge work
    if not competence and asf and not to_people:
        competence = _find(COMPETENCE, text)
        if not competence:
            training, staff = _find(TRAINING, text), _find(STAFF, text)
            competence = _joined(training, staff) if training and staff else ""
        competence = _joined(competence, asf) if competence else ""
    if competence:
        yield "kompetensutveckling", competence

    if placements and recipient and not _find(PART, text):
        yield "placering_direkt", recipient
