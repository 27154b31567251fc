"""The calendar file (.ics) of the activities, read back by the program's own calendar
importer and by icalendar, over the demo and generated data; and the address list
(CSV) read back for every choice of source, kommun and target group."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from app.core.entities import Activity, Insats
from app.core.errors import DomainError
from app.core.invitation import InvitedActivity, location, names_kommun
from app.core.mail_list import COLUMNS, MailChoice, MailSource
from app.core.people import swedish_key
from app.core.vocabulary import OrgCategory, Scope, Status
from app.importers.calendar import read_calendar
from app.importers.calendar_rows import parse_calendar
from app.operations.imports import load_context
from app.operations.invitations import export_activity_ics, export_ics, export_mail_list
from app.store.database import Store
from tests.rich_data import build_rich_database

RICH_SEED = 20261202
STAMP = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory, demo_file: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("invite")
    rich = folder / "rich.sqlite3"
    build_rich_database(rich, RICH_SEED)  # prints the seed
    return {"demo": demo_file, "generated": rich}


@pytest.fixture(params=["demo", "generated"])
def source(
    request: pytest.FixtureRequest, sources: dict[str, Path], tmp_path: Path
) -> Iterator[Store]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(sources[request.param], path)
    store = Store.open(path)
    yield store
    store.close()


def _insats(store: Store) -> Insats:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None and insats.forbund_id is not None
    return insats


def _stored(store: Store, insats: Insats) -> list[Activity]:
    assert insats.id is not None
    ids = [
        r.id
        for r in store.activities.rows(insats.id, None)
        if insats.start <= r.start <= insats.end
    ]
    return store.activities.get_many(ids)


Occasion = tuple[str, date, date | None, object, object, str, bool]


def _expected(store: Store, insats: Insats, activities: list[Activity]) -> Counter[Occasion]:
    """Each occasion as the import should give it back: the title, the days, the clock
    times, the place (the calendar's place, where it says more than the kommun) and
    whether it is cancelled."""
    assert insats.forbund_id is not None
    kommuner = {k.id: k.name for k in store.reference.kommuner(insats.forbund_id)}
    bare = {n.casefold() for n in kommuner.values()}
    found: Counter[Occasion] = Counter()
    for a in activities:
        kommun = kommuner.get(a.kommun_id, "") if a.scope is Scope.KOMMUN else ""
        shown = location(InvitedActivity(a, kommun))
        place = "" if shown.casefold() in bare else shown
        cancelled = a.status is Status.INSTALLD
        if a.steps:
            for s in a.timed_steps:
                found[a.title, s.day, None, s.start_time, s.end_time, place, cancelled] += 1
        else:
            found[a.title, a.start, a.end, a.start_time, a.end_time, place, cancelled] += 1
    return found


def test_an_exported_calendar_imported_back_gives_the_same_activities(
    source: Store, tmp_path: Path
) -> None:
    insats = _insats(source)
    assert insats.id is not None and insats.forbund_id is not None
    stored = _stored(source, insats)
    path = tmp_path / "kalender.ics"
    result = export_ics(source, insats.id, insats.start, insats.end, path, include_all=True)
    assert result.activities == len(stored)
    assert result.events == sum(len(a.steps) or 1 for a in stored)

    calendar = read_calendar(path, (insats.start, insats.end))
    context = replace(load_context(source, insats, today=date(2019, 6, 1)), existing=frozenset())
    report = parse_calendar(calendar, context)
    assert report.rejected == []
    back = [r.activity for r in report.accepted] + [d.accepted.activity for d in report.duplicates]
    got: Counter[Occasion] = Counter(
        (a.title, a.start, a.end, a.start_time, a.end_time, a.place, a.status is Status.INSTALLD)
        for a in back
    )
    assert got == _expected(source, insats, stored)
    # The kommun comes back wherever the place names no other kommun.
    kommuner = source.reference.kommuner(insats.forbund_id)
    by_occasion = {(a.title, a.start, a.place): a.kommun_id for a in back}
    checked = 0
    for a in stored:
        if a.scope is not Scope.KOMMUN or a.steps:
            continue
        others = [k for k in kommuner if k.id != a.kommun_id and names_kommun(a.place, k.name)]
        if others:
            continue
        kommun = next(k.name for k in kommuner if k.id == a.kommun_id)
        shown = location(InvitedActivity(a, kommun))
        place = "" if shown == kommun else shown
        assert by_occasion[a.title, a.start, place] == a.kommun_id, a.title
        checked += 1
    assert checked > 0


def test_the_file_is_valid_icalendar(source: Store, tmp_path: Path) -> None:
    insats = _insats(source)
    assert insats.id is not None
    path = tmp_path / "kalender.ics"
    export_ics(source, insats.id, insats.start, insats.end, path, include_all=True, stamp=STAMP)
    data = path.read_bytes()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in data.replace(b"\r\n", b"")  # CRLF throughout
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["PRODID"]).startswith("-//Insatslogg")
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    events = cal.walk("VEVENT")
    assert events
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "STATUS"} <= set(event.keys())
        assert event["DTSTAMP"].dt == STAMP
        start = event["DTSTART"]
        if isinstance(start.dt, datetime):
            assert start.params["TZID"] == "Europe/Stockholm"
        elif "DTEND" in event:  # all day: DTEND exclusive, after DTSTART
            assert event["DTEND"].dt > start.dt
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(u.startswith(f"insatslogg-{insats.id}-") for u in uids)


def test_the_uids_are_the_same_at_every_export(source: Store, tmp_path: Path) -> None:
    insats = _insats(source)
    assert insats.id is not None
    first, second, one = tmp_path / "a.ics", tmp_path / "b.ics", tmp_path / "c.ics"
    export_ics(source, insats.id, insats.start, insats.end, first, include_all=True)
    export_ics(source, insats.id, insats.start, insats.end, second, include_all=True, stamp=STAMP)

    def uids(path: Path) -> list[str]:
        return [
            str(e["UID"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        ]

    assert uids(first) == uids(second)
    activity = _stored(source, insats)[0]
    assert activity.id is not None
    export_activity_ics(source, activity.id, one)
    assert set(uids(one)) <= set(uids(first)) and uids(one)


def test_planned_by_default(source: Store, tmp_path: Path) -> None:
    """Without --all: the planned and the cancelled activities (a calendar learns they
    are cancelled), never the held ones."""
    insats = _insats(source)
    assert insats.id is not None
    stored = _stored(source, insats)
    wanted = [a for a in stored if a.status is not Status.GENOMFORD]
    path = tmp_path / "planerat.ics"
    if not wanted:
        with pytest.raises(DomainError, match="inga aktiviteter"):
            export_ics(source, insats.id, insats.start, insats.end, path)
        assert not path.exists()
        return
    result = export_ics(source, insats.id, insats.start, insats.end, path)
    assert result.activities == len(wanted)
    statuses = Counter(
        str(e["STATUS"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    )
    assert statuses["CANCELLED"] == sum(
        len(a.steps) or 1 for a in wanted if a.status is Status.INSTALLD
    )
    assert statuses["CONFIRMED"] == sum(
        len(a.steps) or 1 for a in wanted if a.status is Status.PLANERAD
    )


def test_a_period_backwards_is_refused(source: Store, tmp_path: Path) -> None:
    insats = _insats(source)
    assert insats.id is not None
    with pytest.raises(DomainError, match="baklänges"):
        export_ics(source, insats.id, date(2019, 2, 1), date(2019, 1, 1), tmp_path / "x.ics")


# --- the address list ------------------------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Swedish Excel reads å, ä, ö
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def _members(store: Store, insats: Insats) -> list[tuple[tuple[str, ...], str, OrgCategory | None]]:
    """(row without its kommun, the kommun, the category) of every named seat."""
    assert insats.id is not None and insats.forbund_id is not None
    kommuner = {k.id: k.name for k in store.reference.kommuner(insats.forbund_id)}
    orgs = {o.id: o for o in store.reference.organisations(insats.forbund_id)}
    found = []
    for g in store.groups.list(insats.id):
        for m in g.members:
            if not m.name.strip():
                continue
            org = orgs.get(m.organisation_id)
            kommun = kommuner[g.kommun_id]
            row = (m.name, "", org.name if org else "", m.role.label, kommun, g.name)
            found.append((row, kommun, org.category if org else None))
    return found


def _persons(
    store: Store, insats: Insats
) -> list[tuple[tuple[str, ...], tuple[str, ...], OrgCategory | None]]:
    assert insats.forbund_id is not None
    orgs = {o.id: o for o in store.reference.organisations(insats.forbund_id)}
    scopes = {s.label for s in Scope}
    found = []
    for p in store.people.all(insats.forbund_id):
        if not p.name:
            continue
        org = orgs.get(p.organisation_id)
        kommuner = tuple(sorted({a.place_label for a in store.people.attended(p.id or 0)} - scopes))
        row = (p.name, p.email, org.name if org else "", "", ", ".join(kommuner), "")
        found.append((row, kommuner, org.category if org else None))
    return found


def test_the_address_list_holds_exactly_the_chosen_people(source: Store, tmp_path: Path) -> None:
    insats = _insats(source)
    assert insats.id is not None and insats.forbund_id is not None
    names = [k.name for k in source.reference.kommuner(insats.forbund_id)]
    members, persons = _members(source, insats), _persons(source, insats)
    written = 0
    for src in MailSource:
        for kommun in (None, *names):
            for category in (None, *OrgCategory):
                choice = MailChoice(src, kommun, category)
                if src is MailSource.MEMBERS:
                    expected = [
                        r for r, k, c in members
                        if kommun in (None, k) and category in (None, c)
                    ]  # fmt: skip
                else:
                    expected = [
                        (*r[:4], kommun if kommun else r[4], r[5])
                        for r, ks, c in persons
                        if (kommun is None or kommun in ks) and category in (None, c)
                    ]
                path = tmp_path / f"lista-{src}-{kommun}-{category}.csv"
                if not expected:
                    with pytest.raises(DomainError, match="Ingen person"):
                        export_mail_list(source, insats.id, choice, path)
                    assert not path.exists()
                    continue
                result = export_mail_list(source, insats.id, choice, path)
                assert result.rows == len(expected)
                header, *rows = _read_csv(path)
                assert tuple(header) == COLUMNS
                assert sorted(map(tuple, rows)) == sorted(expected)
                assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=swedish_key)
                assert path.stat().st_mode & 0o777 == 0o600
                written += 1
    assert written > 2


def test_a_value_excel_would_run_is_guarded(store: Store, insats: Insats, tmp_path: Path) -> None:
    from app.core.group_entities import Group, GroupMember
    from app.core.vocabulary import Role

    assert insats.id is not None and insats.forbund_id is not None
    kommun = store.reference.kommuner(insats.forbund_id)[0]
    store.groups.save(
        Group(
            None,
            insats.id,
            kommun.id,
            "Grupp",
            members=(GroupMember(None, None, Role.CHEF, "=HYPERLINK(1)"),),
        )
    )
    path = tmp_path / "lista.csv"
    export_mail_list(store, insats.id, MailChoice(MailSource.MEMBERS), path)
    (_, row) = _read_csv(path)
    assert row[0] == "'=HYPERLINK(1)"


def test_the_generated_data_fills_the_invitation_fields(sources: dict[str, Path]) -> None:
    """What the open-and-save-unchanged test and the round trip above rely on: the
    generated activities have links, descriptions (over two lines) and registrations."""
    store = Store.open(sources["generated"])
    try:
        insats = _insats(store)
        stored = _stored(store, insats)
    finally:
        store.close()
    assert any(a.link.startswith("https://") for a in stored)
    assert any("\n" in a.description for a in stored)
    assert any(a.registration for a in stored)
    assert any(a.steps and a.link for a in stored)
    assert any(not (a.link or a.description or a.registration) for a in stored)
