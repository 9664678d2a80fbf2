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


ONLINE = "https://zoom.example.org/j/123?pwd=geheim"
HINT = "de link staat op de bijeenkomstpagina voor aangemelde deelnemers"


def unfolded(content):
    # iCalendar folds long lines (CRLF and a space); read it as one text.
    return content.decode().replace("\r\n ", "")


def events(content):
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


@pytest.mark.parametrize("visibility", [Meeting.Visibility.PUBLIC, Meeting.Visibility.COMMUNITY])
def test_the_calendar_entry_of_a_meeting_never_carries_the_online_link(client_of, participant, visibility):
    online = make_meeting(title="Online sessie", online_url=ONLINE, visibility=visibility)
    hybrid = make_meeting(title="Hybride", online_url=ONLINE, location_name="De Wiek", visibility=visibility)
    participant_client = client_of(participant)
    online.register(participant)  # even a registered member's download may be forwarded
    for meeting in (online, hybrid):
        response = participant_client.get(reverse("meetings:ics", args=[meeting.slug]))
        assert response.status_code == 200
        assert "pwd=" not in unfolded(response.content) and "zoom.example.org" not in unfolded(response.content)
        [event] = events(response.content)
        assert HINT in str(event["description"])
        assert meeting.get_absolute_url() in str(event["description"])
    [event] = events(participant_client.get(reverse("meetings:ics", args=[online.slug])).content)
    assert HINT in str(event["location"])


def test_the_public_calendar_feed_never_carries_the_online_link(client):
    make_meeting(title="Online sessie", online_url=ONLINE)
    make_meeting(title="Hybride", online_url=ONLINE, location_name="De Wiek", days=9)
    response = client.get(reverse("meetings:calendar-feed"))
    text = unfolded(response.content)
    assert "pwd=" not in text and "zoom.example.org" not in text
    assert len(events(response.content)) == 2
    for event in events(response.content):
        assert HINT in str(event["description"])


def test_the_registration_e_mail_keeps_the_online_link_for_the_registered_member(
    client_of, participant, django_capture_on_commit_callbacks
):
    from django.core import mail

    meeting = make_meeting(title="Online sessie", online_url=ONLINE, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        client_of(participant).post(reverse("meetings:register", args=[meeting.slug]))
    [message] = mail.outbox
    [(_filename, content, _mimetype)] = message.attachments
    assert ONLINE in str(events(content.encode() if isinstance(content, str) else content)[0]["description"])
