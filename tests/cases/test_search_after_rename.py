"""Renaming what a case is found by refreshes the case's stored search text (cases.search_context).

A rename queues ``cases.tasks.refresh_after_rename`` once it commits (the tests run tasks at once):
the case is then found by the new name and no longer by the old one, on SQLite and PostgreSQL.
"""

import pytest
from django.urls import reverse

from cases.models import Case, CaseFactor, CasePartner
from cop.models import Area, Municipality, Organisation, Theme
from tests.conftest import make_case, make_factor, make_user

pytestmark = pytest.mark.django_db
BOTH = pytest.mark.parametrize("database", [pytest.param("any"), pytest.param("postgres", marks=pytest.mark.postgres)])


@pytest.fixture
def linked(owner):
    municipality = Municipality.objects.create(name="Oudgemeente")
    area = Area.objects.create(municipality=municipality, name="Oudwijk")
    organisation = Organisation.objects.create(name="Stichting Oudnaam", kind="welzijn")
    partner = Organisation.objects.create(name="Corporatie Oudhuis", kind="woningcorporatie")
    theme = Theme.objects.create(name="Oudthema", name_en="Oldtheme")
    factor = make_factor("Oudfactor bij inwoners")
    case = make_case(owner, title="Energiecoaches", summary="Buren helpen buren.")
    case.municipality, case.area, case.organisation = municipality, area, organisation
    case.save()
    CasePartner.objects.create(case=case, organisation=partner, role="partner")
    case.themes.add(theme)
    CaseFactor.objects.create(case=case, factor=factor)
    case.refresh_search_document()
    return {"municipality": municipality, "area": area, "organisation": organisation, "partner": partner,
            "theme": theme, "factor": factor, "case": case}  # fmt: skip


def found(client, query):
    groups = {group.key: group for group in client.get(reverse("search"), {"q": query}).context["groups"]}
    return [hit.url for hit in groups["casussen"].results] if "casussen" in groups else []


@BOTH
@pytest.mark.parametrize(
    ("key", "old", "new"),
    [
        ("municipality", "Oudgemeente", "Nieuwgemeente"),
        ("area", "Oudwijk", "Nieuwwijk"),
        ("organisation", "Oudnaam", "Nieuwnaam"),
        ("partner", "Oudhuis", "Nieuwhuis"),
        ("theme", "Oudthema", "Nieuwthema"),
    ],
)
def test_a_renamed_place_organisation_or_theme_finds_the_case_by_its_new_name_only(
    client, linked, key, old, new, database, django_capture_on_commit_callbacks
):
    url = linked["case"].get_absolute_url()
    assert url in found(client, old)
    obj = linked[key]
    with django_capture_on_commit_callbacks(execute=True):
        obj.name = obj.name.replace(old, new)
        obj.save()
    assert url in found(client, new)
    assert url not in found(client, old)


@BOTH
def test_a_renamed_theme_english_name_is_refreshed_too(client, linked, database, django_capture_on_commit_callbacks):
    url = linked["case"].get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        linked["theme"].name_en = "Newtheme"
        linked["theme"].save(update_fields=["name_en"])
    assert url in found(client, "Newtheme")
    assert url not in found(client, "Oldtheme")


@BOTH
def test_a_factor_renamed_by_a_facilitator_finds_the_case_by_its_new_name(
    client, linked, database, django_capture_on_commit_callbacks
):
    url = linked["case"].get_absolute_url()
    facilitator = make_user("begeleider@example.org", facilitator=True)
    with django_capture_on_commit_callbacks(execute=True):
        linked["factor"].rename("Nieuwfactor bij inwoners", by=facilitator)
    assert url in found(client, "Nieuwfactor")
    assert url not in found(client, "Oudfactor")


@BOTH
def test_a_retired_factor_no_longer_finds_the_case(client, linked, database, django_capture_on_commit_callbacks):
    url = linked["case"].get_absolute_url()
    facilitator = make_user("begeleider@example.org", facilitator=True)
    with django_capture_on_commit_callbacks(execute=True):
        linked["factor"].retire(by=facilitator)
    assert url not in found(client, "Oudfactor")


def test_a_save_that_changes_no_name_queues_nothing(linked, monkeypatch, django_capture_on_commit_callbacks):
    import cop.tasks

    queued = []
    monkeypatch.setattr(cop.tasks, "enqueue", lambda task, *args, **kwargs: queued.append((task.name, args)))
    with django_capture_on_commit_callbacks(execute=True):
        linked["municipality"].save(update_fields=["province"])
        Municipality.objects.create(name="Heel nieuw")
    assert [name for name, _args in queued if "refresh_after_rename" in name] == []
    with django_capture_on_commit_callbacks(execute=True):
        linked["municipality"].save()
    assert ("refresh_after_rename", ("municipality", linked["municipality"].pk)) in [
        (name.rsplit(".", 1)[-1], args) for name, args in queued
    ]


def test_an_unchanged_case_is_not_rewritten(linked, django_capture_on_commit_callbacks):
    from cases.tasks import stale_after_rename

    assert stale_after_rename("municipality", linked["municipality"].pk) == []
    Case.objects.filter(pk=linked["case"].pk).update(search_context="")
    assert stale_after_rename("municipality", linked["municipality"].pk) == [linked["case"].pk]
