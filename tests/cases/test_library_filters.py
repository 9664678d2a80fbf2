"""The library's filters: counted choices without empty ones, two distinct kind filters, a shareable address."""

import pytest
from django.urls import reverse

from cases.models import CasePartner
from cop.models import Municipality, Organisation, Perspective, Theme
from tests.conftest import make_case

pytestmark = pytest.mark.django_db
LIBRARY = reverse("cases:library")


@pytest.fixture
def places(owner):
    ede, tiel = Municipality.objects.create(name="Ede"), Municipality.objects.create(name="Tiel")
    Municipality.objects.create(name="Zaltbommel")  # no cases
    corporation = Organisation.objects.create(name="Woonstichting", kind=Perspective.HOUSING)
    first = make_case(owner, title="Een", municipality=ede, perspective=Perspective.WELFARE)
    make_case(owner, title="Twee", municipality=ede, perspective=Perspective.WELFARE)
    make_case(owner, title="Drie", municipality=tiel, perspective=Perspective.MUNICIPALITY, visibility="community")
    CasePartner.objects.create(case=first, organisation=corporation)
    return ede, tiel


def choices(response, name):
    return [label for value, label in response.context["form"].fields[name].choices if value]


def test_municipalities_show_their_number_of_cases_and_hide_those_without(client, places):
    assert choices(client.get(LIBRARY), "gemeente") == ["Ede (2)"]  # Tiel's only case is community-only


def test_members_count_the_community_cases_they_can_read(client_of, participant, places):
    assert choices(client_of(participant).get(LIBRARY), "gemeente") == ["Ede (2)", "Tiel (1)"]


def test_a_selected_municipality_without_cases_stays_selected(client, places):
    response = client.get(LIBRARY, {"gemeente": "zaltbommel"})
    assert "Zaltbommel (0)" in choices(response, "gemeente")
    assert response.context["page"].paginator.count == 0


def test_perspective_and_organisation_kind_ask_different_questions(client, places):
    response = client.get(LIBRARY)
    form = response.context["form"]
    assert form.fields["perspectief"].label != form.fields["organisatie"].label
    assert choices(response, "perspectief") == ["welzijn (2)"]
    assert choices(response, "organisatie") == ["woningcorporatie (1)"]
    assert [c.title for c in client.get(LIBRARY, {"organisatie": "woningcorporatie"}).context["page"]] == ["Een"]


def test_themes_are_counted_and_named_in_the_interface_language(client, owner):
    theme = Theme.objects.create(name="Leefbaarheid", name_en="Liveability")
    Theme.objects.create(name="Wonen")
    make_case(owner, title="Een").themes.add(theme)
    assert choices(client.get(LIBRARY), "thema") == ["Leefbaarheid (1)"]
    client.get(reverse("set-language", args=["en"]))
    assert choices(client.get(LIBRARY), "thema") == ["Liveability (1)"]


def test_a_filter_change_by_htmx_pushes_the_shareable_address(client, places):
    response = client.get(
        LIBRARY, {"q": "", "gemeente": "ede", "thema": "", "perspectief": "", "sorteer": ""}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Push-Url"] == f"{LIBRARY}?gemeente=ede"
    assert client.get(response["HX-Push-Url"]).context["page"].paginator.count == 2


def test_an_unknown_filter_value_is_left_out_of_the_pushed_address(client, places):
    response = client.get(LIBRARY, {"gemeente": "nergens", "q": "een"}, HTTP_HX_REQUEST="true")
    assert response["HX-Push-Url"] == f"{LIBRARY}?q=een"


def test_without_any_filter_the_address_is_the_plain_library(client, places):
    assert client.get(LIBRARY, {"q": ""}, HTTP_HX_REQUEST="true")["HX-Push-Url"] == LIBRARY
