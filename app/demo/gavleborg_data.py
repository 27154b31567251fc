"""The Gävleborg ASF insats 2016–2020 as its final report records it, as plain values.

Source: "Slutrapport ASF-insats Gävleborg 2016–2020" (shared/domain). Everything the
report states is kept as stated, contradictions included (they show up as findings);
its own texts are quoted in app/demo/gavleborg_texts.py.

The report gives no activity an exact day, and no activity its own count of
participants. So that the activities can be logged at all, the demo puts each on a day
by a fixed rule and gives it a plausible count, and marks both as approximate
(``date_approximate``, ``counts_approximate``): the reports print "datum ungefärligt"
and "ca", never the invented day or count as fact. The activity's note says what the
report does give. The rule for a day:

* a month ("i februari") → the 15th of that month (or the next weekday);
* a season ("under hösten") → the 15th of its middle month: våren → april,
  sensommaren → augusti, hösten → oktober;
* only the year ("under året") → 1 July (milestones only; every milestone's date is
  approximate too).

Counts: the report gives the people reached per year (95, 586, 235, 183, 176) and the
45 participants of the three trainings together. The rest of each year's figure, beyond
the logged activities' estimated counts, is registered apart as "Information i
Mysam-grupperna och andra forum", so each year adds up to the report's figure. The
podcast's 10 programmes are logged with no listeners: the report gives no number
("exklusive podd-lyssnare").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.core.vocabulary import (
    Format,
    MilestoneKind,
    OrgCategory,
    Outcome,
    PlacedSource,
    Scope,
)

FORBUND = "Samordningsförbund Gävleborg"
INSATS = "Ökad kompetens för utveckling av arbetsintegrerat socialt företagande – ASF"
START = date(2016, 8, 1)
END = date(2020, 12, 31)
# "Övergripande målsättning för insatsen", quoted (the målgrupp is a report text).
GOALS = (
    "Att öka kunskapen om ASF hos förtroendevalda och tjänstemän inom offentlig sektor.\n"
    "Att göra ASF känt på övergripande nivå hos förbundets parter.\n"
    "Att bidra till utveckling av hållbara stödstrukturer för ASF på lokal och regional nivå.\n"
    "Att stödja utveckling av nyttjandegraden av individuella placering för rehabilitering, "
    "arbetsprövning, arbetsträning hos ASF."
)

SKR = "Sveriges Kommuner och Regioner (SKR)"
TVV = "Tillväxtverket"
AF = "Arbetsförmedlingen"
FK = "Försäkringskassan"
REGION = "Region Gävleborg"
COOMPANION = "Coompanion Gävleborg"
HIG = "Högskolan i Gävle"
MOVEXUM = "Movexum"
ASF_GAVLEBORG = "Arbetsintegrerande sociala företag i Gävleborg"

# The samverkansparter the report lists (the kommuner come from gavleborg_defaults).
ORGANISATIONS: tuple[tuple[str, OrgCategory], ...] = (
    (SKR, OrgCategory.ANNAN),
    (TVV, OrgCategory.ANNAN),
    (AF, OrgCategory.ARBETSFORMEDLINGEN),
    (FK, OrgCategory.FORSAKRINGSKASSAN),
    (REGION, OrgCategory.REGION),
    (COOMPANION, OrgCategory.ANNAN),
    (HIG, OrgCategory.ANNAN),
    (MOVEXUM, OrgCategory.ANNAN),
    (ASF_GAVLEBORG, OrgCategory.ASF),
)

# People reached per year as the report states them ("Registrerat antal individer i
# målgruppen som fått information under året").
REACHED_PER_YEAR: dict[int, int] = {2016: 95, 2017: 586, 2018: 235, 2019: 183, 2020: 176}
STATED_TOTAL = 1257  # "Totalt registrerat antal individer i volym … 1 257 personer"
FILLER_REASON = "Information i Mysam-grupperna och andra forum"


def weekday(day: date) -> date:
    """``day``, or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


APPROX = "Datum ungefärligt: slutrapporten anger {}."


@dataclass(frozen=True)
class DemoActivity:
    type_name: str
    title: str
    day: date
    where: str | Scope  # a kommun name, or Länsövergripande/Nationellt
    total: int
    steps: tuple[date, ...] = ()
    place: str = ""
    format: Format = Format.FYSISKT
    coorganisers: tuple[str, ...] = ()
    by_org: dict[OrgCategory, int] = field(default_factory=dict)
    tjanstepersoner: bool = False  # every participant is a tjänsteperson
    notes: str = ""
    # The report gives no activity an exact day or its own count (see the top).
    date_approximate: bool = True
    counts_approximate: bool = True


def _day(y: int, m: int, d: int = 15) -> date:
    return weekday(date(y, m, d))


ACTIVITIES: tuple[DemoActivity, ...] = (
    # --- 2016 ---------------------------------------------------------------------------
    DemoActivity(
        "Temadag",
        "Vägar till arbete – temadag med Mysam Ljusdal",
        _day(2016, 4),
        "Ljusdal",
        30,
        notes="Föreläsningar om och med ASF (tre lokala ASF medverkade) och workshop om "
        "samverkan med medarbetare från förbundets fyra parter. Insatsens avstamp; hölls "
        "före insatsperiodens start (augusti 2016). " + APPROX.format("våren 2016"),
    ),
    DemoActivity(
        "Frukostmöte",
        "Frukostmöte om arbetsintegrerande socialt företagande",
        _day(2016, 10),
        Scope.LANSOVERGRIPANDE,
        12,
        coorganisers=(COOMPANION, ASF_GAVLEBORG),
        notes="Ett av höstens frukostmöten runt om i länet; orten anges inte i "
        "slutrapporten. " + APPROX.format("hösten 2016"),
    ),
    DemoActivity(
        "Frukostmöte",
        "Arbetsintegrerande socialt företagande – frukostmöte i Ockelbo",
        _day(2016, 11),
        "Ockelbo",
        18,
        coorganisers=(COOMPANION, ASF_GAVLEBORG),
        notes="Välbesökt frukostmöte. " + APPROX.format("november 2016"),
    ),
    # --- 2017 ---------------------------------------------------------------------------
    DemoActivity(
        "Konferens",
        "Vägar till arbete – lokal samverkan med särskilt fokus på ASF",
        _day(2017, 2),
        "Bollnäs",
        80,
        coorganisers=(SKR, AF),
        notes="Konferens med workshop. Medverkande bl.a. SKR, Arbetsförmedlingen och "
        "kommunens arbetsmarknadsenhet. " + APPROX.format("februari 2017"),
    ),
    DemoActivity(
        "Konferens",
        "Framtidens företagande",
        _day(2017, 10),
        "Söderhamn",
        120,
        coorganisers=(REGION, TVV, COOMPANION),
        notes="Deltagare från hela länet. " + APPROX.format("hösten 2017"),
    ),
    # --- 2018: three process trainings in four steps, 45 participants in all ------------
    DemoActivity(
        "Utbildning",
        "Processutbildning om ASF 1: Arbetsförmedlingen i Gävle",
        date(2018, 1, 17),
        "Gävle",
        15,
        steps=(date(2018, 1, 17), date(2018, 2, 7), date(2018, 2, 28), date(2018, 3, 21)),
        coorganisers=(COOMPANION, AF),
        by_org={OrgCategory.ARBETSFORMEDLINGEN: 15},
        tjanstepersoner=True,
        notes="Första Arbetsförmedlingen i Sverige att gå utbildningen. Fyra processteg; "
        "delmål: ASF-ambassadörer i hemmaorganisationen. Stegens datum är ungefärliga "
        "(slutrapporten: utbildningsstart januari 2018, fyra dagar).",
    ),
    DemoActivity(
        "Utbildning",
        "Processutbildning om ASF 2",
        date(2018, 4, 11),
        Scope.LANSOVERGRIPANDE,
        15,
        steps=(date(2018, 4, 11), date(2018, 4, 25), date(2018, 5, 16), date(2018, 6, 5)),
        coorganisers=(COOMPANION,),
        by_org={OrgCategory.ARBETSFORMEDLINGEN: 5, OrgCategory.KOMMUN: 10},
        tjanstepersoner=True,
        notes="Medarbetare från Arbetsförmedlingen och kommuner. Fördelningen mellan "
        "utbildningarna och stegens datum är ungefärliga: slutrapporten anger 45 "
        "deltagare från Arbetsförmedlingen och 6 kommuner sammantaget.",
    ),
    DemoActivity(
        "Utbildning",
        "Processutbildning om ASF 3",
        date(2018, 9, 12),
        Scope.LANSOVERGRIPANDE,
        15,
        steps=(date(2018, 9, 12), date(2018, 10, 3), date(2018, 10, 24), date(2018, 11, 14)),
        coorganisers=(COOMPANION,),
        by_org={OrgCategory.ARBETSFORMEDLINGEN: 5, OrgCategory.KOMMUN: 10},
        tjanstepersoner=True,
        notes="Medarbetare från Arbetsförmedlingen och kommuner. Fördelningen mellan "
        "utbildningarna och stegens datum är ungefärliga: slutrapporten anger 45 "
        "deltagare från Arbetsförmedlingen och 6 kommuner sammantaget.",
    ),
    DemoActivity(
        "Kunskapsdialog",
        "Länsövergripande kunskapsdialog om ASF",
        _day(2018, 12, 5),
        Scope.LANSOVERGRIPANDE,
        35,
        place="Gävle",
        notes="Företrädare för Arbetsförmedlingen och länets kommuner: erfarenhetsutbyte och "
        "utveckling av lokal och regional samverkan runt ASF. " + APPROX.format("december 2018"),
    ),
    # --- 2019 ---------------------------------------------------------------------------
    DemoActivity(
        "Konferens",
        "Konferens om goda insatser för ASF i regionen",
        _day(2019, 10),
        Scope.LANSOVERGRIPANDE,
        70,
        coorganisers=(REGION, COOMPANION),
        notes="Syfte: synliggöra och sprida goda insatser i regionen och stärka lokala ASF. "
        "Orten anges inte i slutrapporten. " + APPROX.format("hösten 2019"),
    ),
    DemoActivity(
        "Inspirationsdag",
        "SKR:s inspirationsdag om ASF",
        _day(2019, 12, 10),
        Scope.NATIONELLT,
        3,
        coorganisers=(SKR,),
        notes="Anordnad av SKR. Från Gävleborg medverkade Nordanstigs kommun "
        "(upphandlingsstrateg om upphandling med social hänsyn) och förbundet. Antalet "
        "avser deltagare från länet. " + APPROX.format("december 2019"),
    ),
    # --- 2020 ---------------------------------------------------------------------------
    *(
        DemoActivity(
            "Frukostmöte",
            f"Digitalt frukostmöte om ASF och socialt företagande ({n})",
            _day(2020, month),
            Scope.LANSOVERGRIPANDE,
            15,
            format=Format.DIGITALT,
            notes="Förbundet medverkade löpande i digitala frukostmöten i olika nätverk "
            "under pandemin. " + APPROX.format("våren 2020"),
        )
        for n, month in ((1, 4), (2, 5), (3, 6))
    ),
    *(
        DemoActivity(
            "Podd",
            f"Sociala företags-podden, avsnitt {n}",
            weekday(date(2020, 2 + n, 1)),
            Scope.LANSOVERGRIPANDE,
            0,
            format=Format.DIGITALT,
            notes="Producerad med Centrum för socialt företagande (projektet Utveckling av "
            "socialt företagande i Gävleborgs län). Slutrapporten anger 10 program under 2020 "
            "men inget antal lyssnare (”exklusive podd-lyssnare”); publiceringsdatum "
            "ungefärligt.",
            counts_approximate=False,  # no listener is counted: nothing is estimated
        )
        for n in range(1, 11)
    ),
)


@dataclass(frozen=True)
class DemoGroup:
    kommun: str
    formed: date
    meetings: dict[int, tuple[tuple[date, int], ...]]  # year → (date, participants)
    vilande: date | None = None


GROUP_NAME = "Samverkansgrupp ASF"
ACTIVE_FROM = date(2018, 1, 15)
VILANDE_NOTE = "Arbetsförmedlingens lokalkontor stängde"
GROUP_NOTE = (
    "Bildad 2017 med medarbetare från kommunen, Arbetsförmedlingen och lokala ASF "
    "(datumet är ungefärligt). Mötenas antal och deltagare är exempel."
)


def _meetings(offset: int, continues: bool) -> dict[int, tuple[tuple[date, int], ...]]:
    d = offset  # spreads the groups' meetings over different days
    out: dict[int, tuple[tuple[date, int], ...]] = {
        2017: ((_day(2017, 11, 6 + d), 6),),
        2018: ((_day(2018, 3, 5 + d), 6), (_day(2018, 9, 17 + d), 6)),
    }
    if continues:
        out[2019] = ((_day(2019, 3, 11 + d), 5), (_day(2019, 10, 7 + d), 5))
        out[2020] = ((_day(2020, 5, 11 + d), 5), (_day(2020, 11, 9 + d), 5))
    return out


GROUPS: tuple[DemoGroup, ...] = (
    DemoGroup("Bollnäs", _day(2017, 3), _meetings(0, True)),
    DemoGroup("Söderhamn", _day(2017, 4), _meetings(1, True)),
    DemoGroup("Nordanstig", _day(2017, 5), _meetings(2, True)),
    DemoGroup("Hofors", _day(2017, 9), _meetings(3, False), vilande=date(2019, 1, 1)),
    DemoGroup("Gävle", _day(2017, 9, 25), _meetings(4, False), vilande=date(2019, 1, 1)),
    DemoGroup("Hudiksvall", _day(2017, 10), _meetings(5, True)),
)


@dataclass(frozen=True)
class DemoPlacement:
    year: int
    kommun: str
    target_group: str
    granted: int
    used: int
    women: int
    men: int
    outcomes: dict[Outcome, int]
    notes: str = ""


LONG = "Individer särskilt långt från arbetsmarknaden"
PSYKISK = "Individer med psykisk ohälsa"

PLACEMENTS: tuple[DemoPlacement, ...] = (
    DemoPlacement(2016, "Hofors", LONG, 4, 0, 0, 0, {}, "0 platser nyttjades."),
    DemoPlacement(
        2017,
        "Hudiksvall",
        PSYKISK,
        4,
        1,
        1,
        0,
        {Outcome.FORTSATT_INSATS: 1},
        "Utfall enligt slutrapporten: förlängning av insats.",
    ),
    DemoPlacement(
        2018,
        "Hofors",
        LONG,
        4,
        1,
        1,
        0,
        {},
        "Slutrapporten anger inget utfall för Hofors 2018.",
    ),
    DemoPlacement(
        2018,
        "Nordanstig",
        "Utrikes födda, företrädesvis kvinnor",
        7,
        7,
        6,
        1,
        {Outcome.ARBETE: 1, Outcome.ARBETSFORMEDLINGEN: 1, Outcome.OFFENTLIG_FORSORJNING: 5},
        "Slutrapporten: 1 vidare till arbete (man), 1 vidare till Arbetsförmedlingen (man), "
        "5 åter; i sammanfattningen anges den som gick till Arbetsförmedlingen som kvinna.",
    ),
    DemoPlacement(
        2018,
        "Hudiksvall",
        PSYKISK,
        4,
        2,
        1,
        1,
        {Outcome.OFFENTLIG_FORSORJNING: 2},
        "Utfall: 2 åter. Slutrapporten anger för 2016–2018 totalt 23 beviljade och 11 "
        "nyttjade placeringar för 10 unika individer, à 6 månader.",
    ),
)


@dataclass(frozen=True)
class DemoCountyStats:
    year: int
    source: str
    companies: int
    halsingland: int
    gastrikland: int
    employees: int
    women: int
    men: int
    placed: int
    af: int
    kommun: int
    ovriga: int

    @property
    def placed_by_source(self) -> dict[PlacedSource, int]:
        return {
            PlacedSource.ARBETSFORMEDLINGEN: self.af,
            PlacedSource.KOMMUN: self.kommun,
            PlacedSource.OVRIGA: self.ovriga,
        }


_SRC = "Slutrapport ASF-insatsen 2016–2020, {}"
COUNTY_STATS: tuple[DemoCountyStats, ...] = (
    DemoCountyStats(2016, _SRC.format("hösten 2016"), 34, 22, 12, 179, 113, 66, 156, 96, 57, 3),
    DemoCountyStats(2017, _SRC.format("hösten 2017"), 34, 24, 10, 228, 137, 91, 230, 155, 65, 10),
    DemoCountyStats(2018, _SRC.format("hösten 2018"), 30, 20, 10, 204, 113, 91, 244, 152, 74, 17),
    DemoCountyStats(2019, _SRC.format("hösten 2019"), 28, 17, 11, 206, 108, 98, 130, 93, 26, 11),
    DemoCountyStats(
        2020, _SRC.format("utgången av hösten 2020"), 28, 17, 11, 209, 111, 98, 123, 81, 26, 10
    ),
)


@dataclass(frozen=True)
class DemoMilestone:
    day: date
    kind: MilestoneKind
    text: str
    kommun: str | None = None
    organisation: str | None = None
    link: str = ""
    date_approximate: bool = True  # the report gives no milestone an exact day


STATED_TOTAL_SOURCE = "Slutrapport ASF-insats Gävleborg 2016–2020"

# Activities the final report singles out, with a sentence each for the report's highlights.
HIGHLIGHTS: dict[str, str] = {
    "Vägar till arbete – temadag med Mysam Ljusdal": (
        "Insatsen tog sin start med en temadag där tre lokala ASF presenterade sina "
        "verksamheter och parternas medarbetare arbetade fram hur samverkan kan utvecklas."
    ),
    "Vägar till arbete – lokal samverkan med särskilt fokus på ASF": (
        "Konferens med workshop i Bollnäs där bland andra SKR, Arbetsförmedlingen och "
        "kommunens arbetsmarknadsenhet medverkade."
    ),
    "Framtidens företagande": (
        "Förbundet arrangerade konferensen i Söderhamn tillsammans med Region Gävleborg, "
        "Tillväxtverket och Coompanion, med deltagare från hela länet."
    ),
    "Processutbildning om ASF 1: Arbetsförmedlingen i Gävle": (
        "Arbetsförmedlingen i Gävle blev först i Sverige att genomgå processutbildningen "
        "om arbetsintegrerande sociala företag."
    ),
}

MILESTONES: tuple[DemoMilestone, ...] = (
    DemoMilestone(
        date(2016, 7, 1),
        MilestoneKind.POLICY,
        "Hudiksvalls kommun antar en policy om tillämpning för främjande av "
        "arbetsintegrerande socialt företagande",
        kommun="Hudiksvall",
    ),
    DemoMilestone(
        date(2016, 8, 15),
        MilestoneKind.ANNAT,
        "Förbundet rekryterar en processledare för samordning och kunskapsspridning",
    ),
    DemoMilestone(
        date(2016, 10, 15),
        MilestoneKind.ANNAT,
        "Förstudie med Region Gävleborg om parternas samverkan och kunskap om ASF; "
        "mynnar ut i en handlingsplan",
        organisation=REGION,
    ),
    DemoMilestone(
        date(2017, 2, 1),
        MilestoneKind.PROJEKT_START,
        "Förbundet blir samverkanspart i Region Gävleborgs projekt Hållbara "
        "arbetsintegrerade sociala företag i Gävleborg (februari 2017–oktober 2018, "
        "finansiär Tillväxtverket)",
        organisation=REGION,
    ),
    DemoMilestone(
        date(2017, 6, 1),
        MilestoneKind.MEDIA,
        "Informationsfilmen om ASF, producerad med Glädjeverket i Bollnäs, lanseras "
        "på förbundets hemsida",
        link="https://youtu.be/5zoHr8DYbNE",
    ),
    DemoMilestone(
        date(2017, 7, 1),
        MilestoneKind.GRANSKNING,
        "Revisionen gör en fördjupad granskning av förbundets arbete med ASF",
        link="http://finsamgavleborg.se/media/156012/"
        "granskning-inriktning-asf-sf-ga-vleborg-2017-april-2018.pdf",
    ),
    DemoMilestone(
        date(2017, 9, 15),
        MilestoneKind.PRIS,
        "Förbundet prisas som Årets främjare av arbetsintegrerande socialt företagande "
        "på Stora sociala företagsdagen",
    ),
    DemoMilestone(
        date(2017, 10, 15),
        MilestoneKind.RESERVERAT_KONTRAKT,
        "Söderhamns kommun genomför sin första upphandling med reserverat kontrakt; "
        "Stenbackens boende och arbetskooperativ vinner",
        kommun="Söderhamn",
    ),
    DemoMilestone(
        date(2018, 4, 15),
        MilestoneKind.PROJEKT_SLUT,
        "Förbundet avslutar sitt samverkansuppdrag i projektet Hållbara "
        "arbetsintegrerade sociala företag i Gävleborg",
        organisation=REGION,
    ),
    DemoMilestone(
        date(2018, 7, 1),
        MilestoneKind.POLICY,
        "Bollnäs kommun antar policy för främjande av arbetsintegrerande sociala företag",
        kommun="Bollnäs",
    ),
    DemoMilestone(
        date(2019, 7, 1),
        MilestoneKind.RIKTLINJE,
        "Nordanstigs kommun antar Riktlinjer för arbetsintegrerande socialt företagande",
        kommun="Nordanstig",
    ),
    DemoMilestone(
        date(2019, 7, 1),
        MilestoneKind.PRIS,
        "Stenbackens boende och arbetskooperativ i Söderhamn får priset som årets "
        "arbetsintegrerande sociala företag i Sverige på Stora sociala företagsdagen",
        kommun="Söderhamn",
    ),
    DemoMilestone(
        date(2019, 7, 1),
        MilestoneKind.ANNAT,
        "SKR startar en nationell arbetsgrupp för att främja ASF; förbundet ingår",
        organisation=SKR,
    ),
    DemoMilestone(
        date(2019, 7, 1),
        MilestoneKind.PROJEKT_START,
        "Förbundet blir åter samverkanspart, i Region Gävleborgs projekt Utveckling av "
        "socialt företagande i Gävleborgs län (finansiär Tillväxtverket)",
        organisation=REGION,
    ),
    DemoMilestone(
        date(2019, 10, 15),
        MilestoneKind.HANDLINGSPLAN,
        "Bollnäs kommunfullmäktige antar en handlingsplan för att främja "
        "arbetsintegrerande socialt företagande",
        kommun="Bollnäs",
    ),
    DemoMilestone(
        date(2020, 7, 1),
        MilestoneKind.MEDIA,
        "Sociala företags-podden: 10 program om socialt företagande",
        link="http://finsamgavleborg.se/sociala-foretag/sociala-foretagspodden/podd-avsnitt.aspx",
    ),
    DemoMilestone(
        date(2020, 7, 1),
        MilestoneKind.MEDIA,
        "SKR:s arbetsgrupp publicerar handboken Ny väg till innovativa välfärdslösningar",
        organisation=SKR,
        link="http://finsamgavleborg.se/media/188974/"
        "ny-va-g-till-innovativa-va-lfa-rdslo-sningar-en-handbok-om-samverkan-med-sociala-"
        "fo-retag.pdf",
    ),
    DemoMilestone(
        date(2020, 12, 1),
        MilestoneKind.PROJEKT_SLUT,
        "Projektet Utveckling av socialt företagande i Gävleborgs län avslutas; "
        "kartläggningen av sociala företag sammanställs i en rapport",
        organisation=REGION,
        link="http://finsamgavleborg.se/media/194878/"
        "kartla-ggning-inventering-sociala-fo-retag-2019-2020-mapping-social-enterprises-"
        "in-ga-vleborg-county-1.pdf",
    ),
)


# Figures the report states beside its own account, kept to be checked against it
# (app.core.report_texts, app.core.stated_placements): (first year, last year, measure,
# value, where the report states it).
_SUMMARY = "Slutrapporten, Sammanfattning Individinriktade insatser 2016–2018"
_DETAIL = "Slutrapporten, Individinriktade insatser 2018"
STATED_FIGURES: tuple[tuple[int, int, str, int, str], ...] = (
    # "Totalt registrerat antal individer i volym … 1 257 personer" (the years say 1 275).
    (2016, 2020, "nadda_personer", STATED_TOTAL, STATED_TOTAL_SOURCE),
    # "Totalt beviljades medel för 23 handledda placeringar varav 11 nyttjades av 10
    # unika individer"; "1 till arbete (man) Nordanstig, 1 aktualiserades till
    # Arbetsförmedlingen (kvinna) Nordanstig, övriga 8 åter i offentlig försörjning
    # (kvinnor)".
    (2016, 2018, "placeringar_beviljade", 23, _SUMMARY),
    (2016, 2018, "placeringar_nyttjade", 11, _SUMMARY),
    (2016, 2018, "placeringar_unika", 10, _SUMMARY),
    (2016, 2018, "utfall_arbete_man", 1, _SUMMARY),
    (2016, 2018, "utfall_arbetsformedlingen_kvinnor", 1, _SUMMARY),
    (2016, 2018, "utfall_offentlig_forsorjning_kvinnor", 8, _SUMMARY),
    # Nordanstig 2018: "1 vidare till arbete (man) 1 vidare till Arbetsförmedlingen
    # (man), 5 åter" — for the one man among its seven.
    (2018, 2018, "utfall_arbete_man@Nordanstig", 1, _DETAIL),
    (2018, 2018, "utfall_arbetsformedlingen_man@Nordanstig", 1, _DETAIL),
)
