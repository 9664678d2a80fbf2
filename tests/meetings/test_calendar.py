"""Calendar entries: one meeting (agenda.ics) and a feed of all public meetings."""

import icalendar
import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db


def test_a_meeting_has_a_calendar_entry_in_amsterdam_time(client):
    meeting = make_meeting(title="Definitie aanscherpen", location_name="De Wiek", address="Dorpsstraat 1, Elst")
    response = client.get(reverse("meetings:ics", args=[meeting.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Definitie aanscherpen"
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["location"]) == "De Wiek, Dorpsstraat 1, Elst"
    assert meeting.get_absolute_url() in str(event["url"])
    assert calendar.walk("VTIMEZONE")


def test_the_calendar_entry_follows_the_visibility_of_the_meeting(client, client_of, participant):
    meeting = make_meeting(visibility=Meeting.Visibility.COMMUNITY)
    assert client.get(reverse("meetings:ics", args=[meeting.slug])).status_code == 404
    assert client_of(participant).get(reverse("meetings:ics", args=[meeting.slug])).status_code == 200


def test_the_feed_lists_public_meetings_only(client):
    make_meeting(title="Open bijeenkomst")
    make_meeting(title="Nog een open bijeenkomst", days=30)
    make_meeting(title="Besloten kring", visibility=Meeting.Visibility.COMMUNITY)
    response = client.get(reverse("meetings:calendar-feed"))
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert titles == ["Nog een open bijeenkomst", "Open bijeenkomst"]
    assert len({str(event["uid"]) for event in calendar.walk("VEVENT")}) == 2


def test_the_feed_is_valid_without_meetings(client):
    response = client.get(reverse("meetings:calendar-feed"))
    assert icalendar.Calendar.from_ical(response.content).walk("VEVENT") == []
