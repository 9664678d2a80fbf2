"""A member adds their own organisation from the case form or the profile, without a second copy."""

import pytest
from django.urls import reverse

from cases.models import Case
from cop.models import Organisation
from tests.cases.conftest import case_data

pytestmark = pytest.mark.django_db


def test_a_new_organisation_is_made_from_the_case_form(client_of, participant):
    response = client_of(participant).post(
        reverse("cases:create"), case_data(new_organisation="Buurtteam Zuid", new_organisation_kind="welzijn")
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Buurtteam Zuid")
    assert organisation.kind == "welzijn"
    assert Case.objects.get().organisation == organisation


def test_a_name_that_exists_picks_that_organisation(client_of, participant):
    existing = Organisation.objects.create(name="Buurtteam Zuid", kind="welzijn")
    client_of(participant).post(reverse("cases:create"), case_data(new_organisation="buurtteam zuid"))
    assert Organisation.objects.count() == 1
    assert Case.objects.get().organisation == existing


def test_a_new_organisation_needs_its_kind_and_nothing_is_half_saved(client_of, participant):
    response = client_of(participant).post(reverse("cases:create"), case_data(new_organisation="Buurtteam Zuid"))
    assert response.status_code == 200
    assert "Kies de soort van de nieuwe organisatie." in response.content.decode()
    assert not Organisation.objects.exists() and not Case.objects.exists()


def test_choosing_from_the_list_and_naming_a_new_one_is_refused(client_of, participant):
    listed = Organisation.objects.create(name="Gemeente Ede", kind="gemeente")
    response = client_of(participant).post(
        reverse("cases:create"),
        case_data(organisation=listed.pk, new_organisation="Buurtteam Zuid", new_organisation_kind="welzijn"),
    )
    assert "Kies een organisatie uit de lijst óf vul een nieuwe naam in." in response.content.decode()
    assert Organisation.objects.count() == 1 and not Case.objects.exists()


def test_a_member_adds_their_organisation_on_the_profile(client_of, participant):
    response = client_of(participant).post(
        reverse("profile"),
        {
            "display_name": "Pim",
            "perspective": "",
            "new_organisation": "Dorpsraad Spijk",
            "new_organisation_kind": "inwoners",
        },
    )
    assert response.status_code == 302
    participant.profile.refresh_from_db()
    assert participant.profile.organisation.name == "Dorpsraad Spijk"
    assert participant.profile.effective_perspective == "inwoners"


def test_the_profile_form_offers_the_new_organisation_fields(client_of, participant):
    html = client_of(participant).get(reverse("profile")).content.decode()
    assert 'name="new_organisation"' in html and 'name="new_organisation_kind"' in html
