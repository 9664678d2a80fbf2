"""A case page lists the meetings it was presented at apart from those still to come."""

import pytest

from tests.conftest import make_case, make_meeting

pytestmark = pytest.mark.django_db


def test_a_meeting_still_to_come_is_not_called_presented(client, owner):
    case = make_case(owner, title="Kenniskwartier")
    past = make_meeting(title="Vorige keer", days=-10, status="published")
    coming = make_meeting(title="Volgende keer", days=10)
    past.presented_cases.add(case)
    coming.presented_cases.add(case)
    html = client.get(case.get_absolute_url()).content.decode()
    presented = html.split('id="meetings-title"')[1].split("</section>")[0]
    upcoming = html.split('id="upcoming-meetings-title"')[1].split("</section>")[0]
    assert "Gepresenteerd op" in presented and "Vorige keer" in presented and "Volgende keer" not in presented
    assert "Wordt gepresenteerd op" in upcoming and "Volgende keer" in upcoming


def test_only_a_meeting_to_come_shows_no_presented_heading(client, owner):
    case = make_case(owner, title="Kenniskwartier")
    make_meeting(title="Volgende keer", days=10).presented_cases.add(case)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Gepresenteerd op" not in html and "Wordt gepresenteerd op" in html
