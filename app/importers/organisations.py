"""A count column headed by the name of one of the förbund's organisations.

"Region Kalmar län", "Coompanion Kalmar län", "Region Kalmar" (the name without its
trailing "län" or "kommun") and "Coompanion" (the first words of one name only) count
for that organisation's category. AF and FK are the ordinary synonyms of the headers.
A header that fits organisations of different categories is ambiguous and never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.entities import Organisation
from app.core.vocabulary import OrgCategory
from app.importers.fields import Field
from app.importers.table import words

ORG_FIELD: dict[OrgCategory, Field] = {
    OrgCategory.ARBETSFORMEDLINGEN: Field.ORG_ARBETSFORMEDLINGEN,
    OrgCategory.FORSAKRINGSKASSAN: Field.ORG_FORSAKRINGSKASSAN,
    OrgCategory.KOMMUN: Field.ORG_KOMMUN,
    OrgCategory.REGION: Field.ORG_REGION,
    OrgCategory.ASF: Field.ORG_ASF,
    OrgCategory.ANNAN: Field.ORG_ANNAN,
}
# Trailing words a header may leave out of a registered name (folded).
_DROPPABLE = ("lan", "kommun")
# "Organisation: Region Kalmar län", as the export writes the counts.
_PREFIXES = ("organisation", "organisationer", "org", "fran")


@dataclass(frozen=True)
class OrgHeader:
    """What a header says about organisations: the field, or the candidates when ambiguous."""

    organisations: tuple[Organisation, ...]

    @property
    def ambiguous(self) -> bool:
        return len({o.category for o in self.organisations}) > 1

    @property
    def field(self) -> Field | None:
        if self.ambiguous or not self.organisations:
            return None
        return ORG_FIELD[self.organisations[0].category]

    @property
    def names(self) -> str:
        """'Region Kalmar län' or 'Kalmar kommun, Kalmar läns museum'."""
        return ", ".join(o.name for o in self.organisations)


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(words(name))


def match_organisation_header(text: str, organisations: Sequence[Organisation]) -> OrgHeader | None:
    """The organisations ``text`` names, best match first; None when it names none.

    The name itself (case and spaces aside) beats the name without its trailing "län" or
    "kommun", which beats the first words of a name.
    """
    head = words(text)
    if len(head) > 1 and head[0] in _PREFIXES and ":" in text:
        head = words(text.split(":", 1)[1])
    if not head:
        return None
    exact: list[Organisation] = []
    shortened: list[Organisation] = []
    prefix: list[Organisation] = []
    for o in organisations:
        name = _name_words(o.name)
        if tuple(head) == name:
            exact.append(o)
        elif len(name) > len(head) and name[-1] in _DROPPABLE and tuple(head) == name[:-1]:
            shortened.append(o)
        elif len(name) > len(head) and tuple(head) == name[: len(head)]:
            prefix.append(o)
    for found in (exact, shortened, prefix):
        if found:
            return OrgHeader(tuple(found))
    return None
