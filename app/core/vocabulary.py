"""The fixed vocabularies of the domain, with their Swedish labels."""

from __future__ import annotations

from enum import StrEnum


class OrgCategory(StrEnum):
    """Category of the organisation a participant comes from."""

    ARBETSFORMEDLINGEN = "arbetsformedlingen"
    FORSAKRINGSKASSAN = "forsakringskassan"
    KOMMUN = "kommun"
    REGION = "region"
    ASF = "asf"
    ANNAN = "annan"

    @property
    def label(self) -> str:
        return _ORG_LABELS[self]


_ORG_LABELS = {
    OrgCategory.ARBETSFORMEDLINGEN: "Arbetsförmedlingen",
    OrgCategory.FORSAKRINGSKASSAN: "Försäkringskassan",
    OrgCategory.KOMMUN: "Kommun",
    OrgCategory.REGION: "Region",
    OrgCategory.ASF: "ASF",
    OrgCategory.ANNAN: "Annan",
}


class Role(StrEnum):
    """The participant's role — the insats's target groups."""

    TJANSTEPERSON = "tjansteperson"
    CHEF = "chef"
    FORTROENDEVALD = "fortroendevald"
    ASF_FORETRADARE = "asf_foretradare"
    OVRIGA = "ovriga"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.TJANSTEPERSON: "Tjänsteperson/medarbetare",
    Role.CHEF: "Chef",
    Role.FORTROENDEVALD: "Förtroendevald",
    Role.ASF_FORETRADARE: "ASF-företrädare",
    Role.OVRIGA: "Övriga",
}


class Status(StrEnum):
    PLANERAD = "planerad"
    GENOMFORD = "genomford"
    INSTALLD = "installd"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.PLANERAD: "Planerad",
    Status.GENOMFORD: "Genomförd",
    Status.INSTALLD: "Inställd",
}


class Format(StrEnum):
    """Whether an activity met in a room, on screen, or both."""

    FYSISKT = "fysiskt"
    DIGITALT = "digitalt"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return _FORMAT_LABELS[self]


_FORMAT_LABELS = {
    Format.FYSISKT: "Fysiskt",
    Format.DIGITALT: "Digitalt",
    Format.HYBRID: "Hybrid",
}


class Scope(StrEnum):
    """Where an activity belongs geographically."""

    KOMMUN = "kommun"
    LANSOVERGRIPANDE = "lansovergripande"
    NATIONELLT = "nationellt"

    @property
    def label(self) -> str:
        return _SCOPE_LABELS[self]


_SCOPE_LABELS = {
    Scope.KOMMUN: "Kommun",
    Scope.LANSOVERGRIPANDE: "Länsövergripande",
    Scope.NATIONELLT: "Nationellt",
}

DEFAULT_ACTIVITY_TYPES: tuple[str, ...] = (
    "Informationsmöte",
    "Frukostmöte",
    "Seminarium",
    "Konferens",
    "Workshop",
    "Temadag",
    "Utbildning",
    "Kunskapsdialog",
    "Inspirationsdag",
    "Studiebesök",
    "Processtöd",
    "Nätverksmöte",
    "Podd",
    "Film/media",
    "Övrigt",
)

GAVLEBORG_KOMMUNER: tuple[tuple[str, str], ...] = (
    ("Bollnäs", "Hälsingland"),
    ("Gävle", "Gästrikland"),
    ("Hofors", "Gästrikland"),
    ("Hudiksvall", "Hälsingland"),
    ("Ljusdal", "Hälsingland"),
    ("Nordanstig", "Hälsingland"),
    ("Ockelbo", "Gästrikland"),
    ("Ovanåker", "Hälsingland"),
    ("Sandviken", "Gästrikland"),
    ("Söderhamn", "Hälsingland"),
)

DEFAULT_ORGANISATIONS: tuple[tuple[str, OrgCategory], ...] = (
    ("Arbetsförmedlingen", OrgCategory.ARBETSFORMEDLINGEN),
    ("Försäkringskassan", OrgCategory.FORSAKRINGSKASSAN),
    ("Region Gävleborg", OrgCategory.REGION),
    ("Coompanion Gävleborg", OrgCategory.ANNAN),
    ("Högskolan i Gävle", OrgCategory.ANNAN),
    ("Movexum", OrgCategory.ANNAN),
    ("Tillväxtverket", OrgCategory.ANNAN),
    ("Sveriges Kommuner och Regioner (SKR)", OrgCategory.ANNAN),
)


class GroupStatus(StrEnum):
    """Where a local samverkansgrupp stands."""

    BILDAD = "bildad"
    AKTIV = "aktiv"
    VILANDE = "vilande"
    AVSLUTAD = "avslutad"

    @property
    def label(self) -> str:
        return _GROUP_STATUS_LABELS[self]

    @property
    def meets(self) -> bool:
        """Whether a group in this status counts as active."""
        return self in (GroupStatus.BILDAD, GroupStatus.AKTIV)


_GROUP_STATUS_LABELS = {
    GroupStatus.BILDAD: "Bildad",
    GroupStatus.AKTIV: "Aktiv",
    GroupStatus.VILANDE: "Vilande",
    GroupStatus.AVSLUTAD: "Avslutad",
}


class Outcome(StrEnum):
    """What a funded placement led to."""

    ARBETE = "arbete"
    STUDIER = "studier"
    ARBETSFORMEDLINGEN = "arbetsformedlingen"
    OFFENTLIG_FORSORJNING = "offentlig_forsorjning"
    FORTSATT_INSATS = "fortsatt_insats"
    ANNAT = "annat"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.ARBETE: "Arbete",
    Outcome.STUDIER: "Studier",
    Outcome.ARBETSFORMEDLINGEN: "Vidare till Arbetsförmedlingen",
    Outcome.OFFENTLIG_FORSORJNING: "Åter i offentlig försörjning",
    Outcome.FORTSATT_INSATS: "Fortsatt insats",
    Outcome.ANNAT: "Annat",
}


class PlacedSource(StrEnum):
    """Who placed people in the county's ASF companies."""

    ARBETSFORMEDLINGEN = "arbetsformedlingen"
    KOMMUN = "kommun"
    OVRIGA = "ovriga"

    @property
    def label(self) -> str:
        return _PLACED_LABELS[self]


_PLACED_LABELS = {
    PlacedSource.ARBETSFORMEDLINGEN: "Arbetsförmedlingen",
    PlacedSource.KOMMUN: "Kommunen",
    PlacedSource.OVRIGA: "Övriga (utan ersättning)",
}


class MilestoneKind(StrEnum):
    POLICY = "policy"
    RIKTLINJE = "riktlinje"
    HANDLINGSPLAN = "handlingsplan"
    RESERVERAT_KONTRAKT = "reserverat_kontrakt"
    PRIS = "pris"
    GRANSKNING = "granskning"
    MEDIA = "media"
    PROJEKT_START = "projekt_start"
    PROJEKT_SLUT = "projekt_slut"
    ANNAT = "annat"

    @property
    def label(self) -> str:
        return _MILESTONE_LABELS[self]


_MILESTONE_LABELS = {
    MilestoneKind.POLICY: "Policy antagen",
    MilestoneKind.RIKTLINJE: "Riktlinje antagen",
    MilestoneKind.HANDLINGSPLAN: "Handlingsplan antagen",
    MilestoneKind.RESERVERAT_KONTRAKT: "Upphandling med reserverat kontrakt",
    MilestoneKind.PRIS: "Pris/utmärkelse",
    MilestoneKind.GRANSKNING: "Granskning",
    MilestoneKind.MEDIA: "Media (film, podd, handbok)",
    MilestoneKind.PROJEKT_START: "Projektstart",
    MilestoneKind.PROJEKT_SLUT: "Projektslut",
    MilestoneKind.ANNAT: "Annat",
}
