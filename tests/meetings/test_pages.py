"""The meetings list, a meeting before, during and after, and series pages."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, Registration, Series
from tests.conftest import make_case, make_meeting, make_user

pytestmark = pytest.mark.django_db


def test_the_list_shows_upcoming_and_past_public_meetings(client):
    make_meeting(title="Volgende keer", days=10)
    make_meeting(title="Vorige keer", days=-10)
    make_meeting(title="Besloten kring", days=5, visibility=Meeting.Visibility.COMMUNITY)
    response = client.get(reverse("meetings:list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert [m.title for m in response.context["upcoming"]] == ["Volgende keer"]
    assert [m.title for m in response.context["past"].object_list] == ["Vorige keer"]
    assert "Besloten kring" not in page


def test_members_also_see_community_meetings_in_the_list(client_of, participant):
    make_meeting(title="Besloten kring", days=5, visibility=Meeting.Visibility.COMMUNITY)
    assert "Besloten kring" in client_of(participant).get(reverse("meetings:list")).content.decode()


def test_the_list_costs_the_same_number_of_queries_however_many_meetings(client, django_assert_num_queries):
    series = Series.objects.create(title="CoP Gelderland")
    for n in range(3):
        make_meeting(title=f"Komt {n}", days=n + 1, series=series, capacity=20)
        make_meeting(title=f"Was {n}", days=-(n + 1), series=series)
    with django_assert_num_queries(3):
        client.get(reverse("meetings:list"))
    for n in range(6):
        make_meeting(title=f"Nog een {n}", days=n + 4, series=series, capacity=10)
        make_meeting(title=f"Eerder nog {n}", days=-(n + 4))
    with django_assert_num_queries(3):
        client.get(reverse("meetings:list"))


def test_the_past_meetings_are_paginated(client):
    for n in range(25):
        make_meeting(title=f"Was {n}", days=-(n + 1))
    second = client.get(reverse("meetings:list"), {"pagina": 2})
    assert len(second.context["past"].object_list) == 5


def test_a_planned_meeting_shows_its_practical_information_and_invites_to_register(client):
    meeting = make_meeting(
        title="Definitie aanscherpen",
        location_name="Buurthuis De Wiek",
        address="Dorpsstraat 1, Elst",
        agenda="<p>Welkom en koffie</p>",
        capacity=30,
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Buurthuis De Wiek" in page and "Dorpsstraat 1, Elst" in page
    assert "Welkom en koffie" in page
    assert "Inloggen om je aan te melden" in page
    assert "0 van 30 bezet" in page


def test_the_time_is_shown_in_dutch_time(client):
    start = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    meeting = Meeting.objects.create(title="Zomer", starts_at=start)
    assert "14:00" in client.get(meeting.get_absolute_url()).content.decode()


def test_the_online_link_is_only_for_registered_members(client, client_of, participant):
    meeting = make_meeting(online_url="https://meet.example.org/cop")
    assert "https://meet.example.org/cop" not in client.get(meeting.get_absolute_url()).content.decode()
    Registration.objects.create(meeting=meeting, user=participant)
    assert "https://meet.example.org/cop" in client_of(participant).get(meeting.get_absolute_url()).content.decode()


def test_a_live_meeting_invites_members_to_join_with_the_code(client, client_of, participant):
    meeting = make_meeting(days=0)
    meeting.open_live()
    member_page = client_of(participant).get(meeting.get_absolute_url()).content.decode()
    assert "Deze bijeenkomst is nu live" in member_page
    assert reverse("live:participate", args=[meeting.join_code]) in member_page
    # Visitors are pointed to the code on the screen in the room; the code itself is not on the public page.
    visitor_page = client.get(meeting.get_absolute_url()).content.decode()
    assert meeting.join_code not in visitor_page


def test_only_cases_the_visitor_may_see_are_listed(client, owner):
    meeting = make_meeting()
    meeting.presented_cases.add(make_case(owner, title="Kenniskwartier Arnhem"))
    meeting.presented_cases.add(make_case(owner, title="Nog een concept", status="draft"))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Kenniskwartier Arnhem" in page
    assert "Nog een concept" not in page


def test_facilitators_names_appear_only_with_consent(client):
    meeting = make_meeting()
    meeting.facilitators.add(make_user("open@example.org", name="Open Olga", public=True, facilitator=True))
    meeting.facilitators.add(make_user("stil@example.org", name="Stille Sien", facilitator=True))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Open Olga" in page
    assert "Stille Sien" not in page


def test_a_community_meeting_is_not_found_for_visitors(client, client_of, participant):
    meeting = make_meeting(visibility=Meeting.Visibility.COMMUNITY)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client_of(participant).get(meeting.get_absolute_url()).status_code == 200


def test_the_harvest_is_not_shown_before_it_is_published(client, client_of, facilitator):
    meeting = make_meeting(status=Meeting.Status.CLOSED, summary="<p>Wat we leerden</p>")
    assert "Wat we leerden" not in client.get(meeting.get_absolute_url()).content.decode()
    preview = client_of(facilitator).get(meeting.get_absolute_url()).content.decode()
    assert "Wat we leerden" in preview and "nog niet gepubliceerd" in preview


def test_a_series_page_lists_its_meetings(client):
    series = Series.objects.create(title="Krachtige Leerkring Lingewaard", description="<p>Vier keer per jaar</p>")
    make_meeting(title="Eerste leerkring", series=series)
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Vier keer per jaar" in page and "Eerste leerkring" in page


def test_a_community_series_is_not_found_for_visitors(client):
    series = Series.objects.create(title="Binnenkring", visibility=Series.Visibility.COMMUNITY)
    assert client.get(series.get_absolute_url()).status_code == 404
