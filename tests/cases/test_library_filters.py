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


# --- faceted counts: each option's number given the other chosen filters -------------------


@pytest.fixture
def facets(owner):
    """Ede: two welfare cases (one on green), Tiel: one municipal case on green."""
    ede, tiel = Municipality.objects.create(name="Ede"), Municipality.objects.create(name="Tiel")
    green = Theme.objects.create(name="Groen")
    make_case(owner, title="Een", municipality=ede, perspective=Perspective.WELFARE).themes.add(green)
    make_case(owner, title="Twee", municipality=ede, perspective=Perspective.WELFARE)
    make_case(owner, title="Drie", municipality=tiel, perspective=Perspective.MUNICIPALITY).themes.add(green)
    return ede, tiel, green


def test_without_filters_the_counts_are_over_all_listed_cases(client, facets):
    response = client.get(LIBRARY)
    assert choices(response, "gemeente") == ["Ede (2)", "Tiel (1)"]
    assert "Groen (2)" in choices(response, "thema")


def test_choosing_a_theme_narrows_the_other_filters_counts(client, facets):
    response = client.get(LIBRARY, {"thema": "groen"})
    assert choices(response, "gemeente") == ["Ede (1)", "Tiel (1)"]
    perspectives = choices(response, "perspectief")
    assert any(label.endswith("(1)") for label in perspectives) and not any("(2)" in p for p in perspectives)
    # Its own options still count beside the other filters only (none chosen here): all themes.
    assert "Groen (2)" in choices(response, "thema")


def test_a_filter_own_options_count_beside_the_other_filters(client, facets):
    response = client.get(LIBRARY, {"gemeente": "ede", "perspectief": Perspective.WELFARE})
    # Ede's own option is counted given the welfare perspective only; Tiel has no welfare case.
    assert choices(response, "gemeente") == ["Ede (2)"]
    assert choices(response, "thema") == ["Groen (1)"]
    assert response.context["page"].paginator.count == 2


def test_options_without_cases_beside_the_other_filters_are_left_out_but_the_chosen_stays(client, facets):
    response = client.get(LIBRARY, {"gemeente": "tiel", "perspectief": Perspective.WELFARE})
    assert response.context["page"].paginator.count == 0
    assert choices(response, "gemeente") == ["Ede (2)", "Tiel (0)"]


def test_search_words_narrow_the_counts_too(client, facets):
    response = client.get(LIBRARY, {"q": "Drie"})
    assert choices(response, "gemeente") == ["Tiel (1)"]


def test_the_htmx_answer_sends_every_counted_filter_again_out_of_band(client, facets):
    response = client.get(LIBRARY, {"thema": "groen"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    for name in ("thema", "gemeente", "perspectief", "organisatie"):
        assert f'id="id_{name}"' in html
    assert html.count('data-hx-swap-oob="innerHTML"') == 4
    assert ">Ede (1)</option>" in html and ">Tiel (1)</option>" in html
    # The full page (no JavaScript: the form's own GET) shows the same numbers in place.
    page = client.get(LIBRARY, {"thema": "groen"}).content.decode()
    assert ">Ede (1)</option>" in page and 'data-hx-swap-oob="innerHTML"' not in page


def test_members_facets_count_the_community_cases(client_of, participant, facets, owner):
    ede = facets[0]
    make_case(owner, title="Vier", municipality=ede, perspective=Perspective.WELFARE, visibility="community")
    response = client_of(participant).get(LIBRARY, {"perspectief": Perspective.WELFARE})
    assert choices(response, "gemeente") == ["Ede (3)"]
