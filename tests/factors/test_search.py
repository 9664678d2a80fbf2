"""Dutch full-text search covers factors (PostgreSQL), with a word-matching fallback on SQLite."""

import pytest
from django.urls import reverse

from cop.search import search
from factors.models import Factor
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


@pytest.mark.postgres
def test_dutch_search_finds_a_factor_by_another_form_of_a_word():
    wanted = make_factor("Samenwerking met woningcorporaties", statement="Huurders doen mee.")
    make_factor("Geld voor de lange termijn")
    # "samenwerkingen" and "huurder" stem to the same Dutch words as the factor's.
    assert list(search(Factor.objects.public(), "samenwerkingen huurder")) == [wanted]


@pytest.mark.postgres
def test_dutch_search_ranks_the_name_above_the_explanation():
    in_explanation = make_factor("Iets anders", explanation="<p>Het gaat om vertrouwen.</p>")
    in_name = make_factor("Vertrouwen")
    assert list(search(Factor.objects.public(), "vertrouwen")) == [in_name, in_explanation]


@pytest.mark.postgres
def test_the_search_vector_follows_a_rename(facilitator):
    factor = make_factor("Buurtkamer", statement="Een plek in de wijk.")
    factor.rename("Ontmoetingsplek", by=facilitator)
    assert list(search(Factor.objects.all(), "ontmoetingsplek")) == [factor]
    assert not search(Factor.objects.all(), "buurtkamer").exists()


@pytest.mark.postgres
def test_the_board_search_uses_the_dutch_search(client):
    make_factor("Samenwerking met scholen")
    html = client.get(reverse("factors:board"), {"q": "samenwerkingen"}).content.decode()
    assert "Samenwerking met scholen" in html


def test_search_never_shows_proposals_on_the_board(client):
    make_factor("Vertrouwen geven", status="proposed")
    assert "Vertrouwen geven" not in client.get(reverse("factors:board"), {"q": "vertrouwen"}).content.decode()
