"""How core.funding_rules sees what a cost is for: words in its text, its kontonamn and
its budget line, read case- and accent-insensitively (NFC, å/ä/ö kept) and in their
Swedish forms (bidraget, medlemsavgiften, företagets).

A cost is read for five things, and each finding says which words it saw:

* **Kontantbidrag till ett företag**: a grant (kontantbidrag, bidrag, startbidrag,
  driftbidrag, ekonomiskt stöd, "stöd till", kontonamn "Lämnade bidrag", a konto 45xx)
  *and* a business or an ASF as its recipient (AB, HB, KB, ek. för., ekonomisk förening,
  enskild firma, näringsidkare, företag, ASF, socialt företag, kooperativ, or an ASF of
  the register). "Kontantbidrag" alone is enough. A grant *from* someone (income) is not.
* **Start eller utveckling av ett ASF**: uppstart, start, etablering, bildande,
  utveckling/utveckla, affärsplan *and* an ASF, unless the cost is knowledge work the
  guidance encourages (inspirationsdag, seminarium, studiebesök, föreläsning, konferens,
  information, kunskap, policy, samordnare, nätverksträff, workshop, utbildning om).
* **Medlemsavgift till ett ASF eller en intresseorganisation**: medlemsavgift,
  medlemskap, medlemsinsats; an årsavgift only when paid to an ASF or an organisation
  (förening, förbund, nätverk, intresseorganisation, Skoopi, Coompanion).
* **Kompetensutveckling för anställda på ett ASF**: affärsutveckling; or
  kompetensutveckling, utbildning, kurs, coachning, mentor *for* an ASF (or its
  personal, anställda, handledare, styrelse). Training *about* ASF for the target group
  (målgrupp, deltagare) is allowed by the guidance and not flagged.
* **Placering betald direkt till ett ASF**: a cost on the budget line for individinriktade
  placeringar, or a cost for a placement (placering, arbetsträning, arbetsprövning,
  praktikplats), paid to an ASF or a business rather than through a part (kommun,
  region, Arbetsförmedlingen, Försäkringskassan).

Only costs paid out are read (a credit or refund is not).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from app.core.economy_entities import BudgetLine, Cost

# "Socialt företagande" is the field the insats spreads knowledge of, not a business.
_ASF = (
    r"\basf\b",
    r"arbetsintegrerande (sociala? )?företag(?!ande)\w*",
    r"\bsocial(a|t)? företag(?!ande)\w*",
    r"\w*kooperativ(?!a företagande)\w*",
)
_BUSINESS = (
    r"\bab\b",
    r"\baktiebolag\w*",
    r"\bhb\b",
    r"\bkb\b",
    r"\bek\.? ?för\b\.?",
    r"ekonomisk\w* förening\w*",
    r"enskild\w* firma\w*",
    r"näringsidkare\w*",
    r"\bföretag(?!ande)\w*",
)
_PARTS = (
    r"\w*kommun\w*",
    r"\bregion\w*",
    r"arbetsförmedling\w*",
    r"försäkringskass\w*",
    r"landsting\w*",
)
_GRANT = (
    r"kontantbidrag\w*",
    r"\w*bidrag(et|en|s)?\b",
    r"ekonomiskt stöd\w*",
    r"\bstöd till\b",
)
_GRANT_FROM = r"\bbidrag\w* från\b"
_START = (
    r"uppstart\w*",
    r"\bstart(a|ar|ade|at|ande|stöd\w*|bidrag\w*|kapital\w*)?\b",
    r"nystart\w*",
    r"etabler\w*",
    r"\bbild(a|ar|ande|andet)\b",
    r"\butveckl\w*",
    r"affärsplan\w*",
)
_KNOWLEDGE = (
    r"inspiration\w*",
    r"seminari\w*",
    r"studiebesök\w*",
    r"föreläs\w*",
    r"konferens\w*",
    r"information\w*",
    r"kunskap\w*",
    r"\bpolicy\w*",
    r"samordnar\w*",
    r"nätverksträff\w*",
    r"workshop\w*",
    r"utbildning\w* om\b",
    r"\blön\w*",
    r"processledar\w*",
    r"arbetsgivaravgift\w*",
)
_MEMBER = (r"medlemsavgift\w*", r"medlemskap\w*", r"medlemsinsats\w*")
_YEARLY_FEE = r"årsavgift\w*"
_ORGANISATION = (
    r"förening\w*",
    r"\w*förbund\w*",
    r"nätverk\w*",
    r"intresseorganisation\w*",
    r"skoopi",
    r"coompanion",
)
_BUSINESS_DEVELOPMENT = r"affärsutveckling\w*"
_TRAINING = (
    r"kompetensutveckling\w*",
    r"utbildning\w*",
    r"\bkurs\w*",
    r"coachning\w*",
    r"mentor\w*",
)
_STAFF = (
    r"personal\w*",
    r"anställd\w*",
    r"medarbetar\w*",
    r"handledar\w*",
    r"styrelse\w*",
)
_TARGET_GROUP = (r"målgrupp\w*", r"deltagar\w*")
_PLACEMENT = (r"placering\w*", r"arbetsträning\w*", r"arbetsprövning\w*", r"praktikplats\w*")
_GRANTS_KONTO = re.compile(r"^45\d\d$")


def fold(text: str) -> str:
    """The text as the checks read it: NFC, case folded, whitespace made single."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_COMPILED: dict[tuple[str, ...], re.Pattern[str]] = {}


def _find(patterns: Sequence[str], text: str) -> str:
    """The first (leftmost) words in ``text`` that one of ``patterns`` matches."""
    key = tuple(patterns)
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = _COMPILED[key] = re.compile("|".join(f"(?:{p})" for p in patterns))
    m = compiled.search(text)
    return m.group(0).strip() if m else ""


def _asf(text: str, asf_names: Sequence[str]) -> str:
    found = _find(_ASF, text)
    if found:
        return found
    for name in asf_names:
        folded = fold(name)
        if folded and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", text):
            return name
    return ""


def _both(first: str, second: str) -> str:
    return first if first == second or not second else f"{first} + {second}"


def matches(
    cost: Cost, line: BudgetLine | None, asf_names: Sequence[str]
) -> Iterator[tuple[str, str]]:
    """(rule code, the words seen) for each rule the cost may break, in RULES' order."""
    if cost.amount <= 0:
        return
    text = fold(" ".join((cost.text, cost.kontonamn)))
    asf = _asf(text, asf_names)
    business = asf or _find(_BUSINESS, text)

    grant = _find(_GRANT, text) or ("lämnade bidrag" if "lämnade bidrag" in text else "")
    if not grant and _GRANTS_KONTO.match(cost.konto.strip()):
        grant = f"konto {cost.konto.strip()}"
    received = re.search(_GRANT_FROM, text) is not None
    if grant and not received and (grant.startswith("kontantbidrag") or business):
        yield "kontantbidrag", _both(grant, business)

    start = _find(_START, text)
    development = _find((_BUSINESS_DEVELOPMENT,), text)
    if start and asf and not development and not _find(_KNOWLEDGE, text):
        yield "starta_utveckla", _both(start, asf)

    member = _find(_MEMBER, text)
    if not member:
        fee = _find((_YEARLY_FEE,), text)
        organisation = asf or _find(_ORGANISATION, text)
        if fee and organisation:
            member = _both(fee, organisation)
    if member:
        yield "medlemskap", member

    if development:
        yield "kompetensutveckling", development
    else:
        training = _find(_TRAINING, text)
        staff = _find(_STAFF, text)
        if (
            training
            and asf
            and not _find(_TARGET_GROUP, text)
            and not re.search(r"utbildning\w* om\b", text)
        ):
            yield "kompetensutveckling", _both(_both(training, staff), asf)

    placement = line.name if line is not None and line.placements else ""
    placement = placement or _find(_PLACEMENT, text)
    if placement and business and not _find(_PARTS, text):
        yield "placering_direkt", _both(placement, business)
