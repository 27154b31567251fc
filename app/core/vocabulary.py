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
