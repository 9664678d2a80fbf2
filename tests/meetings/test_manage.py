"""Facilitators create and edit series and meetings."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, Registration, Series
from tests.conftest import make_case, make_meeting, make_user

pytestmark = pytest.mark.django_db


def meeting_data(**overrides):
    data = {
        "title": "Belemmeringen en wat helpt",
        "goal": "Samen de belemmeringen benoemen.",
        "starts_at": "2026-10-06T14:00",
        "ends_at": "2026-10-06T17:00",
        "location_name": "Stadhuis Arnhem",
        "address": "Koningstraat 38, Arnhem",
        "online_url": "",
        "agenda": "<p>Opening</p>",
        "capacity": "25",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_a_facilitator_creates_a_series(client_of, facilitator):
    response = client_of(facilitator).post(
        reverse("meetings:series-create"),
        {"title": "CoP Gelderland", "description": "<p>Drie keer</p>", "visibility": "public", "order": 1},
    )
    series = Series.objects.get()
    assert response.status_code == 302 and response.url == series.get_absolute_url()
    assert series.slug == "cop-gelderland"


def test_a_facilitator_edits_a_series(client_of, facilitator):
    series = Series.objects.create(title="Oud")
    client_of(facilitator).post(
        reverse("meetings:series-edit", args=[series.slug]),
        {"title": "Nieuw", "description": "", "visibility": "community", "order": 5},
    )
    series.refresh_from_db()
    assert (series.title, series.visibility) == ("Nieuw", "community")


def test_a_facilitator_creates_a_meeting_in_dutch_time_with_cases_and_facilitators(client_of, facilitator, owner):
    case = make_case(owner)
    colleague = make_user("collega@example.org", facilitator=True)
    series = Series.objects.create(title="CoP Gelderland")
    data = meeting_data(series=series.pk, presented_cases=[case.pk], facilitators=[facilitator.pk, colleague.pk])
    response = client_of(facilitator).post(reverse("meetings:create"), data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    # 14:00 in Amsterdam in October (summer time) is 12:00 UTC.
    assert meeting.starts_at == datetime(2026, 10, 6, 12, 0, tzinfo=UTC)
    assert meeting.created_by == facilitator
    assert list(meeting.presented_cases.all()) == [case]
    assert set(meeting.facilitators.all()) == {facilitator, colleague}
    assert meeting.series == series


def test_a_meeting_that_ends_before_it_starts_is_refused_and_the_form_keeps_the_input(client_of, facilitator):
    response = client_of(facilitator).post(reverse("meetings:create"), meeting_data(ends_at="2026-10-06T10:00"))
    assert response.status_code == 200
    assert "Het einde ligt vóór het begin." in response.content.decode()
    assert "Stadhuis Arnhem" in response.content.decode()
    assert not Meeting.objects.exists()


def test_only_facilitators_can_be_chosen_as_facilitators(client_of, facilitator, participant):
    response = client_of(facilitator).post(reverse("meetings:create"), meeting_data(facilitators=[participant.pk]))
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_more_places_move_the_waiting_list_up(client_of, facilitator, participant, django_capture_on_commit_callbacks):
    meeting = make_meeting(capacity=1)
    first = make_user("eerst@example.org")
    meeting.register(first)
    registration, _ = meeting.register(participant)
    assert registration.status == Registration.Status.WAITLISTED
    data = meeting_data(
        title=meeting.title, starts_at=meeting.starts_at.strftime("%Y-%m-%dT%H:%M"), ends_at="", capacity="2"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_of(facilitator).post(reverse("meetings:edit", args=[meeting.slug]), data)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.REGISTERED


@pytest.mark.parametrize("name", ["meetings:create", "meetings:series-create"])
def test_creating_is_for_facilitators(client, client_of, participant, name):
    assert client.get(reverse(name)).status_code == 302
    assert client_of(participant).get(reverse(name)).status_code == 403
    assert client_of(participant).post(reverse(name), meeting_data()).status_code == 403
    assert not Meeting.objects.exists() and not Series.objects.exists()


def test_editing_a_meeting_is_for_facilitators(client, client_of, participant):
    meeting = make_meeting(title="Ongewijzigd")
    url = reverse("meetings:edit", args=[meeting.slug])
    assert reverse("account_login") in client.get(url).url
    assert client_of(participant).post(url, meeting_data()).status_code == 403
    assert client_of(participant).get(reverse("meetings:edit", args=["bestaat-niet"])).status_code == 404
    meeting.refresh_from_db()
    assert meeting.title == "Ongewijzigd"


def test_editing_a_series_is_for_facilitators(client_of, participant):
    series = Series.objects.create(title="Oud")
    response = client_of(participant).post(reverse("meetings:series-edit", args=[series.slug]), {"title": "Nieuw"})
    assert response.status_code == 403
