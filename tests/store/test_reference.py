from dataclasses import replace
from datetime import date

import pytest

from app.core.entities import ActivityType, Insats, Kommun, Organisation
from app.core.errors import DomainError, ValidationError
from app.core.setup import InitialSetup, gavleborg_defaults
from app.core.vocabulary import (
    DEFAULT_ACTIVITY_TYPES,
    DEFAULT_ORGANISATIONS,
    GAVLEBORG_KOMMUNER,
    OrgCategory,
    Scope,
)

ASF_INSATS = "Ökad kompetens för utveckling av arbetsintegrerande socialt företagande (ASF)"


def names(items) -> list[str]:
    return [i.name for i in items]


# --- set-up -------------------------------------------------------------------------------


def test_a_new_database_is_not_set_up(empty_store):
    assert not empty_store.reference.is_set_up()
    assert empty_store.reference.current_insats() is None
    assert empty_store.reference.insatser() == []
    assert empty_store.reference.activity_types() == []


def test_set_up_with_gavleborg_defaults(empty_store):
    ref = empty_store.reference

    insats = ref.set_up(gavleborg_defaults(date(2018, 6, 1)))

    assert ref.is_set_up()
    assert insats.id is not None and insats.forbund_id is not None
    assert insats.name == ASF_INSATS
    assert (insats.start, insats.end) == (date(2018, 1, 1), date(2021, 12, 31))
    assert insats.is_current
    assert insats.goals.startswith("Att öka kunskapen om ASF")
    assert ref.current_insats() == insats
    assert ref.insatser() == [insats]
    assert ref.forbund(insats.forbund_id).name == "Samordningsförbund Gävleborg"

    kommuner = ref.kommuner(insats.forbund_id)
    assert len(kommuner) == 10
    assert [(k.name, k.delregion) for k in kommuner] == list(GAVLEBORG_KOMMUNER)
    assert {k.delregion for k in kommuner} == {"Gästrikland", "Hälsingland"}
    assert all(k.id is not None for k in kommuner)

    types = ref.activity_types()
    assert len(types) == 15
    assert names(types) == list(DEFAULT_ACTIVITY_TYPES)
    assert all(t.active for t in types)

    organisations = ref.organisations(insats.forbund_id)
    assert {(o.name, o.category) for o in organisations} == set(DEFAULT_ORGANISATIONS)
    assert names(organisations) == sorted(names(organisations))
    assert ref.organisations(insats.forbund_id)[0] == Organisation(
        organisations[0].id, "Arbetsförmedlingen", OrgCategory.ARBETSFORMEDLINGEN
    )


def test_set_up_refuses_an_empty_forbund_name(empty_store):
    setup = replace(gavleborg_defaults(date(2018, 1, 1)), forbund_name="   ")

    with pytest.raises(ValidationError) as info:
        empty_store.reference.set_up(setup)

    assert info.value.problems == ["Ange förbundets namn."]
    assert not empty_store.reference.is_set_up()


def test_set_up_refuses_duplicate_kommuner_and_reports_everything(empty_store):
    defaults = gavleborg_defaults(date(2018, 1, 1))
    setup = replace(
        defaults,
        forbund_name="",
        kommuner=(*defaults.kommuner, Kommun(None, "Gävle"), Kommun(None, " ")),
        activity_types=("Seminarium", "seminarium"),
    )

    with pytest.raises(ValidationError) as info:
        empty_store.reference.set_up(setup)

    assert info.value.problems == [
        "Ange förbundets namn.",
        "Varje kommun måste ha ett namn.",
        "Kommun Gävle finns två gånger.",
        "Aktivitetstyp seminarium finns två gånger.",
    ]
    assert not empty_store.reference.is_set_up()
    assert empty_store.reference.activity_types() == []


def test_set_up_needs_an_activity_type(empty_store):
    setup = replace(gavleborg_defaults(date(2018, 1, 1)), activity_types=())

    with pytest.raises(ValidationError, match="minst en aktivitetstyp"):
        empty_store.reference.set_up(setup)


# --- kommuner -----------------------------------------------------------------------------


def test_save_kommuner_rename_reorder_add_delete(store, insats, add_activity):
    before = {k.name: k for k in store.reference.kommuner(insats.forbund_id)}
    add_activity("Seminarium", "Gävle")
    wanted = [
        replace(before["Sandviken"], delregion="  Gästrikland väst "),
        replace(before["Gävle"], name=" Gävle kommun "),
        Kommun(None, "Uppsala", "Utanför länet"),
        *(before[n] for n in ("Bollnäs", "Hofors", "Hudiksvall", "Ljusdal", "Ockelbo")),
        # Nordanstig, Ovanåker and Söderhamn removed
    ]

    saved = store.reference.save_kommuner(insats.forbund_id, wanted)

    assert [(k.name, k.delregion) for k in saved] == [
        ("Sandviken", "Gästrikland väst"),
        ("Gävle kommun", "Gästrikland"),
        ("Uppsala", "Utanför länet"),
        ("Bollnäs", "Hälsingland"),
        ("Hofors", "Gästrikland"),
        ("Hudiksvall", "Hälsingland"),
        ("Ljusdal", "Hälsingland"),
        ("Ockelbo", "Gästrikland"),
    ]
    assert saved[1].id == before["Gävle"].id  # renamed, not replaced
    assert saved[2].id is not None
    assert saved[2].id not in {k.id for k in wanted}
    assert store.reference.kommuner(insats.forbund_id) == saved
    # The activity follows its kommun's new name.
    assert [r.place_label for r in store.activities.rows(insats.id, 2018)] == ["Gävle kommun"]


def test_a_kommun_in_use_cannot_be_removed(store, insats, add_activity):
    add_activity("Seminarium", "Hofors")
    add_activity("Workshop", "Hofors")
    before = store.reference.kommuner(insats.forbund_id)
    wanted = [replace(k, name=k.name.upper()) for k in before if k.name != "Hofors"]

    with pytest.raises(DomainError) as info:
        store.reference.save_kommuner(insats.forbund_id, wanted)

    assert str(info.value) == "Kommunen Hofors kan inte tas bort: den används av 2 aktiviteter."
    assert store.reference.kommuner(insats.forbund_id) == before  # nothing half-saved


def test_a_kommun_used_once_is_named_in_the_singular(store, insats, add_activity):
    add_activity("Seminarium", "Ljusdal")
    wanted = [k for k in store.reference.kommuner(insats.forbund_id) if k.name != "Ljusdal"]

    with pytest.raises(DomainError, match="den används av 1 aktivitet[.]"):
        store.reference.save_kommuner(insats.forbund_id, wanted)


def test_save_kommuner_refuses_duplicates(store, insats):
    before = store.reference.kommuner(insats.forbund_id)

    with pytest.raises(ValidationError) as info:
        store.reference.save_kommuner(insats.forbund_id, [*before, Kommun(None, "Bollnäs")])

    assert info.value.problems == ["Kommun Bollnäs finns två gånger."]
    assert store.reference.kommuner(insats.forbund_id) == before


def test_a_removed_kommun_name_can_be_taken_by_another(store, insats):
    before = store.reference.kommuner(insats.forbund_id)
    bollnas, gavle = before[0], before[1]
    assert (bollnas.name, gavle.name) == ("Bollnäs", "Gävle")

    saved = store.reference.save_kommuner(
        insats.forbund_id, [replace(bollnas, name="Gävle"), *before[2:]]
    )

    assert saved[0] == Kommun(bollnas.id, "Gävle", "Hälsingland")
    assert len(saved) == 9


def test_two_kommuner_can_swap_names(store, insats):
    before = store.reference.kommuner(insats.forbund_id)
    first, second = before[0], before[1]

    saved = store.reference.save_kommuner(
        insats.forbund_id,
        [replace(first, name=second.name), replace(second, name=first.name), *before[2:]],
    )

    assert [(k.id, k.name) for k in saved[:2]] == [(first.id, "Gävle"), (second.id, "Bollnäs")]


# --- activity types -----------------------------------------------------------------------


def test_a_type_in_use_cannot_be_removed_but_can_be_made_inactive(store, add_activity):
    add_activity("Podd", Scope.NATIONELLT)
    types = store.reference.activity_types(include_inactive=True)
    podd = next(t for t in types if t.name == "Podd")

    with pytest.raises(DomainError) as info:
        store.reference.save_activity_types([t for t in types if t.name != "Podd"])
    assert str(info.value) == (
        "Aktivitetstypen Podd kan inte tas bort: den används av 1 aktivitet. "
        "Gör den inaktiv i stället."
    )
    assert store.reference.activity_types(include_inactive=True) == types

    saved = store.reference.save_activity_types(
        [replace(t, active=False) if t.name == "Podd" else t for t in types]
    )

    assert ActivityType(podd.id, "Podd", False) in saved
    assert "Podd" not in names(store.reference.activity_types())
    assert len(store.reference.activity_types()) == 14
    assert len(store.reference.activity_types(include_inactive=True)) == 15


def test_save_activity_types_add_remove_rename_reorder(store):
    types = store.reference.activity_types(include_inactive=True)
    by_name = {t.name: t for t in types}
    wanted = [
        ActivityType(None, "  Lunchseminarium "),
        replace(by_name["Film/media"], name="Film och media"),
        *(t for t in types if t.name not in {"Film/media", "Övrigt"}),
    ]

    saved = store.reference.save_activity_types(wanted)

    assert names(saved[:3]) == ["Lunchseminarium", "Film och media", "Informationsmöte"]
    assert saved[1].id == by_name["Film/media"].id
    assert "Övrigt" not in names(saved)
    assert len(saved) == 15
    assert store.reference.activity_types() == saved


def test_at_least_one_type_must_stay_active(store):
    types = store.reference.activity_types(include_inactive=True)

    with pytest.raises(ValidationError) as info:
        store.reference.save_activity_types([replace(t, active=False) for t in types])

    assert info.value.problems == ["Minst en aktivitetstyp måste vara aktiv."]
    assert store.reference.activity_types() == types


def test_save_activity_types_refuses_duplicates(store):
    types = store.reference.activity_types(include_inactive=True)

    with pytest.raises(ValidationError, match="Aktivitetstyp Workshop finns två gånger."):
        store.reference.save_activity_types([*types, ActivityType(None, "Workshop")])


def test_two_activity_types_can_swap_names(store):
    types = store.reference.activity_types(include_inactive=True)
    first, second = types[0], types[1]

    saved = store.reference.save_activity_types(
        [replace(first, name=second.name), replace(second, name=first.name), *types[2:]]
    )

    assert names(saved[:2]) == [second.name, first.name]


# --- organisations ------------------------------------------------------------------------


def test_a_co_organiser_cannot_be_removed(store, insats, org_ids, add_activity):
    add_activity(coorganiser_ids=(org_ids["Movexum"],))
    before = store.reference.organisations(insats.forbund_id)

    with pytest.raises(DomainError) as info:
        store.reference.save_organisations(
            insats.forbund_id, [o for o in before if o.name != "Movexum"]
        )

    assert str(info.value) == (
        "Organisationen Movexum kan inte tas bort: den används av 1 aktivitet (medarrangör)."
    )
    assert store.reference.organisations(insats.forbund_id) == before


def test_save_organisations(store, insats):
    before = {o.name: o for o in store.reference.organisations(insats.forbund_id)}
    wanted = [
        replace(before["Movexum"], category=OrgCategory.ASF),
        Organisation(None, "Hela Gävleborg ekonomisk förening", OrgCategory.ASF),
        before["Arbetsförmedlingen"],
    ]

    saved = store.reference.save_organisations(insats.forbund_id, wanted)

    assert [(o.name, o.category) for o in saved] == [
        ("Arbetsförmedlingen", OrgCategory.ARBETSFORMEDLINGEN),
        ("Hela Gävleborg ekonomisk förening", OrgCategory.ASF),
        ("Movexum", OrgCategory.ASF),
    ]
    assert saved[2].id == before["Movexum"].id


# --- insatser -----------------------------------------------------------------------------


def next_insats(insats: Insats, *, current: bool) -> Insats:
    return Insats(
        None,
        insats.forbund_id,
        " ASF, fortsättning ",
        date(2022, 1, 1),
        date(2023, 12, 31),
        "Nya mål",
        current,
    )


def test_a_new_current_insats_takes_over(store, insats):
    new = store.reference.save_insats(next_insats(insats, current=True))

    assert new.id != insats.id
    assert new.name == "ASF, fortsättning"
    assert new.is_current
    assert store.reference.current_insats() == new
    assert [(i.id, i.is_current) for i in store.reference.insatser()] == [
        (insats.id, False),
        (new.id, True),
    ]

    store.reference.set_current_insats(insats.id)

    assert store.reference.current_insats() == replace(insats, is_current=True)
    assert store.reference.insats(new.id).is_current is False


def test_a_new_insats_that_is_not_current_leaves_the_current_one(store, insats):
    new = store.reference.save_insats(next_insats(insats, current=False))

    assert store.reference.current_insats() == insats
    assert store.reference.insats(new.id) == new
    assert len(store.reference.insatser()) == 2


def test_editing_an_insats(store, insats):
    saved = store.reference.save_insats(replace(insats, name="ASF-insatsen", end=date(2022, 6, 30)))

    assert saved == replace(insats, name="ASF-insatsen", end=date(2022, 6, 30))
    assert store.reference.current_insats() == saved


def test_an_invalid_insats_is_refused(store, insats):
    with pytest.raises(ValidationError) as info:
        store.reference.save_insats(replace(insats, name="", end=date(2017, 1, 1)))

    assert info.value.problems == [
        "Ange insatsens namn.",
        "Insatsens period slutar före den börjar.",
    ]
    assert store.reference.current_insats() == insats


def test_missing_insats(store):
    with pytest.raises(DomainError, match=r"Insatsen finns inte \(id 999\)"):
        store.reference.insats(999)


def test_rename_forbund(store, insats):
    store.reference.rename_forbund(insats.forbund_id, "  Finsam Gävleborg ")

    assert store.reference.forbund(insats.forbund_id).name == "Finsam Gävleborg"
    with pytest.raises(ValidationError, match="Ange förbundets namn."):
        store.reference.rename_forbund(insats.forbund_id, " ")


def test_several_insatser_and_forbund_in_one_database(store, insats, add_activity, make_activity):
    second_setup = InitialSetup(
        forbund_name="Samordningsförbundet Uppsala län",
        insats=Insats(None, None, "Uppsala-insatsen", date(2019, 1, 1), date(2020, 12, 31)),
        kommuner=(Kommun(None, "Uppsala"), Kommun(None, "Gävle")),
        activity_types=("Seminarium", "Hackathon"),
    )
    add_activity("Seminarium", "Gävle", date(2019, 2, 1))

    other = store.reference.set_up(second_setup)

    assert other.forbund_id != insats.forbund_id
    assert store.reference.current_insats() == other
    assert [i.id for i in store.reference.insatser()] == [insats.id, other.id]
    # Kommuner belong to their förbund; the same name may exist in both.
    assert names(store.reference.kommuner(other.forbund_id)) == ["Uppsala", "Gävle"]
    assert len(store.reference.kommuner(insats.forbund_id)) == 10
    assert store.reference.organisations(other.forbund_id) == []
    # Activity types are shared: only the new one is added.
    assert names(store.reference.activity_types()) == [*DEFAULT_ACTIVITY_TYPES, "Hackathon"]

    uppsala = store.reference.kommuner(other.forbund_id)[0]
    store.activities.add(
        replace(
            make_activity("Seminarium", day=date(2019, 3, 1)),
            insats_id=other.id,
            kommun_id=uppsala.id,
            title="Uppsala-seminarium",
        )
    )

    assert [r.title for r in store.activities.rows(other.id, 2019)] == ["Uppsala-seminarium"]
    assert [r.place_label for r in store.activities.rows(insats.id, 2019)] == ["Gävle"]
    summary = store.summaries.year_summary(other.id, 2019)
    assert [r.label for r in summary.table("aktiviteter_kommun").rows] == ["Uppsala", "Gävle"]
    assert summary.table("aktiviteter_kommun").value("Uppsala", "Genomförda") == 1
    assert summary.table("aktiviteter_kommun").value("Gävle", "Genomförda") == 0


def test_saving_a_list_with_a_vanished_row_is_a_domain_error(store, insats):
    kommuner = store.reference.kommuner(insats.forbund_id)
    ghost = replace(kommuner[0], id=99_999)
    with pytest.raises(DomainError, match="ändrats av någon annan"):
        store.reference.save_kommuner(insats.forbund_id, [ghost, *kommuner[1:]])
    assert store.reference.kommuner(insats.forbund_id) == kommuner


def test_a_vanished_insats_is_a_domain_error(store):
    with pytest.raises(DomainError, match="Insatsen finns inte"):
        store.reference.set_current_insats(99_999)


def test_a_kommun_with_a_samverkansgrupp_cannot_be_removed(store, insats, kommun_ids):
    from app.core.groups import Group

    store.groups.save(Group(None, insats.id, kommun_ids["Hofors"], "ASF-gruppen Hofors"))
    kommuner = store.reference.kommuner(insats.forbund_id)
    with pytest.raises(DomainError) as caught:
        store.reference.save_kommuner(
            insats.forbund_id, [k for k in kommuner if k.name != "Hofors"]
        )
    assert str(caught.value) == (
        "Kommunen Hofors kan inte tas bort: den används av 1 samverkansgrupp."
    )
    assert store.reference.kommuner(insats.forbund_id) == kommuner
