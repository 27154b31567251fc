"""`insatslogg export ics` and `insatslogg export maillist`."""

from __future__ import annotations

import csv
from datetime import date, time
from pathlib import Path

import icalendar
import pytest

from app.cli import main
from app.core.attendance import Attendance
from app.core.vocabulary import Status


@pytest.fixture
def filled(add_activity, db_path: Path) -> Path:
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    add_activity(
        "Workshop", "Hofors", date(2018, 4, 2), Status.PLANERAD, title="Workshop ASF",
        start_time=time(9), end_time=time(11, 30), place="Kulturhuset",
        link="https://zoom.us/j/1", description="Om upphandling.",
    )  # fmt: skip
    add_activity("Frukostmöte", "Ockelbo", date(2019, 5, 6), Status.INSTALLD, title="Frukost")
    return db_path


def _events(path: Path) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_a_year_of_planned_activities(filled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "inbjudan.ics"
    assert main(["export", "ics", "--year", "2018", "-o", str(out), "--db", str(filled)]) == 0
    assert capsys.readouterr().out == (
        f"Sparade 1 aktivitet (2018) som 1 kalenderhändelse i {out}\n"
    )
    (event,) = _events(out)
    assert str(event["SUMMARY"]) == "Workshop ASF"
    assert str(event["LOCATION"]) == "Kulturhuset, Hofors"
    assert str(event["URL"]) == "https://zoom.us/j/1"
    assert str(event["DESCRIPTION"]) == "Om upphandling.\n\nLänk: https://zoom.us/j/1"
    assert event["DTSTART"].dt.isoformat() == "2018-04-02T09:00:00+02:00"  # summer time
    assert event["DTEND"].dt.isoformat() == "2018-04-02T11:30:00+02:00"


def test_dates_and_all(filled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "allt.ics"
    argv = ["export", "ics", "--from", "2018-01-01", "--to", "2019-12-31", "--all"]
    assert main([*argv, "-o", str(out), "--db", str(filled)]) == 0
    events = _events(out)
    assert [str(e["SUMMARY"]) for e in events] == [
        "Seminarium 2018-03-14",
        "Workshop ASF",
        "Frukost",
    ]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    # All day: DTEND is the day after (exclusive).
    assert (events[0]["DTSTART"].dt, events[0]["DTEND"].dt) == (
        date(2018, 3, 14),
        date(2018, 3, 15),
    )


def test_bad_input_is_said_in_swedish(filled: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(filled)]
    assert main(["export", "ics", "--year", "2018", "-o", str(tmp_path / "x.txt"), *db]) == 1
    assert "Filen ska sluta på .ics" in capsys.readouterr().err
    assert main(["export", "ics", "--year", "2017", "-o", str(tmp_path / "x.ics"), *db]) == 1
    assert "inga aktiviteter" in capsys.readouterr().err
    assert not (tmp_path / "x.ics").exists()


def test_maillist(store, insats, filled: Path, tmp_path: Path, capsys) -> None:
    from app.core.group_entities import Group, GroupMember
    from app.core.vocabulary import Role

    kommuner = {k.name: k.id for k in store.reference.kommuner(insats.forbund_id)}
    orgs = {o.category: o for o in store.reference.organisations(insats.forbund_id)}
    (af,) = [o for c, o in orgs.items() if c.value == "arbetsformedlingen"]
    gavle = (
        GroupMember(None, af.id, Role.CHEF, "Åsa Öberg"),
        GroupMember(None, None, Role.OVRIGA, "Bo Ek"),
    )
    hofors = (GroupMember(None, af.id, Role.TJANSTEPERSON, "Cia Lund"),)
    for name, members in (("Gävle", gavle), ("Hofors", hofors)):
        store.groups.save(Group(None, insats.id, kommuner[name], f"ASF {name}", members=members))
    out = tmp_path / "lista.csv"
    argv = ["export", "maillist", "--målgrupp", "arbetsformedlingen", "--kommun", "gävle"]
    assert main([*argv, "-o", str(out), "--db", str(filled)]) == 0
    assert capsys.readouterr().out == f"Sparade en adresslista med 1 person i {out}\n"
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows == [
        ["Namn", "E-post", "Organisation", "Roll", "Kommun", "Samverkansgrupp"],
        ["Åsa Öberg", "", af.name, "Chef", "Gävle", "ASF Gävle"],
    ]
    assert (
        main(["export", "maillist", "--kommun", "Paris", "-o", str(out), "--db", str(filled)]) == 1
    )
    assert "Kommunen ”Paris” finns inte" in capsys.readouterr().err


def test_the_database_behind_a_link_is_never_written(filled: Path, tmp_path: Path, capsys) -> None:
    link = tmp_path / "kalender.ics"
    link.symlink_to(filled)
    before = filled.read_bytes()
    assert main(["export", "ics", "--year", "2018", "-o", str(link), "--db", str(filled)]) == 1
    assert capsys.readouterr().err.startswith("insatslogg: ")
    assert filled.read_bytes() == before


def test_a_write_protected_file_is_left_as_it_was(
    store, insats, filled: Path, tmp_path: Path, capsys
) -> None:
    from app.core.group_entities import Group, GroupMember
    from app.core.vocabulary import Role

    kommun = store.reference.kommuner(insats.forbund_id)[0]
    member = GroupMember(None, None, Role.CHEF, "Åsa Öberg")
    store.groups.save(Group(None, insats.id, kommun.id, "ASF", members=(member,)))
    out = tmp_path / "lista.csv"
    out.write_text("gammal", encoding="utf-8")
    out.chmod(0o444)
    argv = ["export", "maillist", "--källa", "medlemmar", "-o", str(out), "--db", str(filled)]
    assert main(argv) == 1
    assert "skrivskyddad" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "gammal"
    out.chmod(0o644)
    assert main(argv) == 0  # once writable: the list, readable by its owner only
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("Åsa Öberg;")
    assert out.stat().st_mode & 0o777 == 0o600
