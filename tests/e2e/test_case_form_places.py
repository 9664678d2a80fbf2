"""The case form: "Wijk of kern" follows the chosen municipality; the cases of a meeting can be filtered."""

import pytest
from django.urls import reverse

from cop.models import Area, Municipality
from tests.conftest import make_case
from tests.e2e.conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_areas_offered_are_those_of_the_chosen_municipality(contexts, live_server, participant):
    ede, tiel = Municipality.objects.create(name="Ede"), Municipality.objects.create(name="Tiel")
    Area.objects.create(municipality=ede, name="Veldhuizen")
    Area.objects.create(municipality=tiel, name="Passewaaij")
    page = sign_in(contexts(viewport=DESKTOP), live_server, participant).new_page()
    page.goto(live_server.url + reverse("cases:create"))
    areas = "() => [...document.querySelectorAll('#id_area option')].map(o => o.text)"
    assert {"Veldhuizen", "Passewaaij"} <= set(page.evaluate(areas))  # nothing chosen yet: all, grouped
    page.select_option("#id_municipality", label="Tiel")
    assert page.evaluate(areas)[1:] == ["Passewaaij"]
    page.select_option("#id_area", label="Passewaaij")
    page.select_option("#id_municipality", label="Ede")
    assert page.evaluate(areas)[1:] == ["Veldhuizen"]
    assert page.evaluate("document.querySelector('#id_area').value") == ""  # a place of Tiel is not kept


def test_the_cases_of_a_meeting_can_be_filtered_by_typing(contexts, live_server, facilitator, owner):
    make_case(owner, title="Kenniskwartier Arnhem")
    make_case(owner, title="Dorpsplan Rietmolen")
    page = sign_in(contexts(viewport=DESKTOP), live_server, facilitator).new_page()
    page.goto(live_server.url + reverse("meetings:create"))
    page.get_by_label("Zoek een casus in de lijst").fill("dorp")
    assert page.get_by_label("Dorpsplan Rietmolen").is_visible()
    assert not page.get_by_label("Kenniskwartier Arnhem").is_visible()
    assert page.locator(".choice-filter__status").inner_text() == "1 van 2 zichtbaar"
