"""A facilitator's landing page "Mijn bijeenkomsten" and where logging in leads."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, make_case, make_meeting

pytestmark = pytest.mark.django_db

MINE = reverse("meetings:mine")


def test_a_facilitator_sees_what_is_live_coming_to_publish_and_to_review(
    client_of, facilitator, owner, django_assert_num_queries
):
    live = make_meeting(title="Nu bezig", days=0)
    live.open_live()
    make_meeting(title="Straks", days=7)
    closed = make_meeting(title="Net afgelopen", days=-1)
    closed.open_live()
    closed.close()
    make_meeting(title="Van een ander", days=7).facilitators.add(owner)
    make_case(owner, title="Ingediende casus", status="submitted")
    client = client_of(facilitator)
    # Session, user, facilitator check, meetings, cases; the header's unread notifications.
    with django_assert_num_queries(6):
        response = client.get(MINE)
    html = response.content.decode()
    assert response.status_code == 200
    for title in ["Nu bezig", "Straks", "Net afgelopen", "Ingediende casus"]:
        assert title in html
    assert "Van een ander" not in html
    assert html.index("Nu live") < html.index("Nu bezig") < html.index("Komende") < html.index("Straks")
    assert html.index("Oogst nog publiceren") < html.index("Net afgelopen")


def test_only_facilitators_have_the_page(client_of, participant):
    assert client_of(participant).get(MINE).status_code == 403
    response = client_of(None).get(MINE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_facilitator_lands_on_her_meetings_after_logging_in(client, facilitator):
    response = client.post(reverse("account_login"), {"login": facilitator.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == MINE


def test_a_member_still_lands_on_the_profile_and_next_wins(client, participant):
    response = client.post(reverse("account_login"), {"login": participant.email, "password": PASSWORD})
    assert response["Location"] == reverse("profile")
    client.logout()
    response = client.post(
        reverse("account_login") + "?next=/casussen/", {"login": participant.email, "password": PASSWORD}
    )
    assert response["Location"] == "/casussen/"


def test_the_header_says_account_and_sign_up_points_to_the_live_join(client):
    assert ">Account maken</a>" in client.get("/").content.decode()
    html = client.get(reverse("account_signup")).content.decode()
    assert reverse("live:join") in html and "Meedoen met een code" in html
