"""Renaming a factor changes its address; the old address redirects permanently."""

import pytest
from django.urls import reverse

from factors.models import CurationLog, Factor, FactorSlugRedirect
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


def rename_url(factor):
    return reverse("factors:rename", kwargs={"slug": factor.slug})


def test_a_facilitator_renames_and_the_old_slug_redirects_with_301(client, client_of, facilitator):
    factor = make_factor("Aansluiten bij wat leeft")
    old_url = factor.get_absolute_url()
    response = client_of(facilitator).post(rename_url(factor), {"name": "Beginnen bij wat leeft"})
    factor.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == factor.get_absolute_url()
    assert (factor.name, factor.slug) == ("Beginnen bij wat leeft", "beginnen-bij-wat-leeft")
    redirect = client.get(old_url)
    assert redirect.status_code == 301 and redirect["Location"] == factor.get_absolute_url()
    entry = CurationLog.objects.get(action=CurationLog.Action.RENAME)
    assert entry.details["old_slug"] == "aansluiten-bij-wat-leeft"
    assert entry.details["new_name"] == "Beginnen bij wat leeft"


def test_renaming_back_takes_the_old_slug_again(facilitator):
    factor = make_factor("Eerste naam")
    factor.rename("Tweede naam", by=facilitator)
    factor.rename("Eerste naam", by=facilitator)
    assert factor.slug == "eerste-naam"
    assert list(FactorSlugRedirect.objects.values_list("old_slug", flat=True)) == ["tweede-naam"]


def test_a_rename_never_takes_the_slug_of_another_factor(facilitator):
    make_factor("Vertrouwen")
    factor = make_factor("Iets")
    factor.rename("Vertrouwen", by=facilitator)
    assert factor.slug == "vertrouwen-2"


def test_the_rename_form_shows_the_current_name_and_keeps_errors(client_of, facilitator):
    factor = make_factor("Huidige naam")
    assert 'value="Huidige naam"' in client_of(facilitator).get(rename_url(factor)).content.decode()
    response = client_of(facilitator).post(rename_url(factor), {"name": ""})
    assert response.status_code == 200
    assert Factor.objects.get().name == "Huidige naam"


def test_a_visitor_is_sent_to_log_in(client):
    factor = make_factor("Naam")
    response = client.post(rename_url(factor), {"name": "Nieuw"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert Factor.objects.get().name == "Naam"


def test_a_participant_gets_403(client_of, participant):
    factor = make_factor("Naam")
    assert client_of(participant).post(rename_url(factor), {"name": "Nieuw"}).status_code == 403
    assert Factor.objects.get().name == "Naam"


def test_an_unknown_factor_is_404(client_of, facilitator):
    response = client_of(facilitator).post(reverse("factors:rename", kwargs={"slug": "niets"}), {"name": "x"})
    assert response.status_code == 404
