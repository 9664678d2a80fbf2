"""The reflection form: one clear Dutch message for an empty reflection, the perspective kept, honest marks."""

import pytest
from django.urls import reverse

from cases.models import Reflection
from tests.conftest import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(owner):
    return make_case(owner, title="Kenniskwartier")


def create_url(case):
    return reverse("cases:reflection-create", args=[case.slug])


def test_an_empty_reflection_gets_one_dutch_message_and_never_the_constraint(client_of, case, participant):
    html = client_of(participant).post(create_url(case), {"perspective": "welzijn", "strikes": "", "learns": ""})
    html = html.content.decode()
    assert html.count("Beantwoord minstens één van de twee vragen.") == 1
    assert "reflection_not_empty" not in html and "Beperking" not in html
    assert not Reflection.objects.exists()


def test_the_chosen_perspective_stays_selected_after_a_refused_post(client_of, case, participant):
    html = client_of(participant).post(create_url(case), {"perspective": "welzijn", "strikes": "", "learns": ""})
    assert '<option value="welzijn" selected>' in html.content.decode()


def test_after_posting_the_form_offers_the_members_perspective_again(client_of, case, participant):
    client = client_of(participant)
    response = client.post(create_url(case), {"perspective": "welzijn", "strikes": "Mooi", "learns": ""}, follow=True)
    assert Reflection.objects.get().perspective == "welzijn"
    html = response.content.decode()
    assert '<option value="" selected>' not in html.split('name="perspective"')[1].split("</select>")[0]


def test_neither_question_is_marked_optional_but_the_pair_is_explained(client_of, case, participant):
    html = client_of(participant).get(case.get_absolute_url()).content.decode()
    form = html.split('action="' + create_url(case))[1].split("</form>")[0]
    assert "niet verplicht" not in form
    assert "Eén van de twee vragen beantwoorden is genoeg." in form


def test_the_database_constraint_has_a_dutch_message_of_its_own():
    constraint = next(c for c in Reflection._meta.constraints if c.name == "reflection_not_empty")
    assert "reflection_not_empty" not in str(constraint.violation_error_message)
