"""The names of the summary tables: how the overview, the period, the Excel export and
the PDF report find a table. An enum, so a misspelt key is a type error, not a table
silently left out."""

from __future__ import annotations

from enum import StrEnum


class TableKey(StrEnum):
    NYCKELTAL = "nyckeltal"
    AKTIVITETER_TYP = "aktiviteter_typ"
    AKTIVITETER_KOMMUN = "aktiviteter_kommun"
    DELTAGARE_KOMMUN = "deltagare_kommun"
    DELTAGARE_ORGANISATION = "deltagare_organisation"
    DELTAGARE_ROLL = "deltagare_roll"
    DELTAGARE_KON = "deltagare_kon"
    NADDA_PERSONER = "nadda_personer"
    NADDA_UTANFOR_TOTAL = "nadda_utanfor_total"
    NADDA_KOMMUN = "nadda_kommun"
    NADDA_ORGANISATION = "nadda_organisation"
    NADDA_ROLL = "nadda_roll"
    NADDA_KON = "nadda_kon"
    SAMVERKANSGRUPPER = "samverkansgrupper"
    SAMVERKANSGRUPPER_AKTIVA = "samverkansgrupper_aktiva"
    ARSPLAN = "arsplan"
    PLACERINGAR = "placeringar"
    PLACERINGAR_HUVUDMAN = "placeringar_huvudman"
    PLACERINGAR_PERIOD = "placeringar_period"
    LANSSTATISTIK = "lansstatistik"
    MANAD_AKTIVITETER = "manad_aktiviteter"
    MANAD_DELTAGARE = "manad_deltagare"


# The tables counted from the dated activities, in the order the reports show them: a
# part of a year names their columns by its dates, and a period adds them up over years.
ACTIVITY_KEYS: tuple[TableKey, ...] = (
    TableKey.NYCKELTAL,
    TableKey.AKTIVITETER_TYP,
    TableKey.AKTIVITETER_KOMMUN,
    TableKey.DELTAGARE_KOMMUN,
    TableKey.DELTAGARE_ORGANISATION,
    TableKey.DELTAGARE_ROLL,
    TableKey.DELTAGARE_KON,
    TableKey.NADDA_PERSONER,
    TableKey.NADDA_UTANFOR_TOTAL,
    TableKey.NADDA_KOMMUN,
    TableKey.NADDA_ORGANISATION,
    TableKey.NADDA_ROLL,
    TableKey.NADDA_KON,
)
