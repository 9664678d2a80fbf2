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


def later_clock(monkeypatch, minutes=90):
    """Move the clock on, as a second worker answering later would see it."""
    from django.utils import timezone

    moved = timezone.now() + timezone.timedelta(minutes=minutes)
    monkeypatch.setattr(timezone, "now", lambda: moved)


@pytest.mark.parametrize("kind", ["ics", "feed"])
def test_the_same_meetings_give_byte_identical_calendars_with_one_etag(client, monkeypatch, kind):
    meeting = make_meeting(title="Stabiele bijeenkomst", location_name="De Wiek", address="Dorpsstraat 1, Elst")
    url = reverse("meetings:ics", args=[meeting.slug]) if kind == "ics" else reverse("meetings:calendar-feed")
    first = client.get(url)
    later_clock(monkeypatch)
    second = client.get(url)
    assert first.content == second.content
    assert first["ETag"] and first["ETag"] == second["ETag"]
    [event] = events(first.content)
    # DTSTAMP is the meeting's last change (RFC 5545: without METHOD it means LAST-MODIFIED).
    assert event.decoded("dtstamp") == meeting.updated_at.replace(microsecond=0)
    revisit = client.get(url, headers={"if-none-match": first["ETag"]})
    assert revisit.status_code == 304
    assert revisit.content == b""


def test_a_changed_meeting_gets_a_new_etag(client):
    meeting = make_meeting(title="Voor de wijziging")
    url = reverse("meetings:ics", args=[meeting.slug])
    first = client.get(url)
    meeting.title = "Na de wijziging"
    meeting.save()
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert str(events(changed.content)[0]["summary"]) == "Na de wijziging"


def test_the_calendars_parse_and_carry_what_rfc_5545_requires(client):
    make_meeting(title="Fysiek", location_name="De Wiek")
    make_meeting(title="Online", online_url=ONLINE, days=9)
    content = client.get(reverse("meetings:calendar-feed")).content
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    for event in calendar.walk("VEVENT"):
        # UID and DTSTAMP are required once in every VEVENT (RFC 5545 3.6.1); DTSTAMP in UTC.
        for name in ("uid", "dtstamp", "dtstart"):
            assert name in event, name
        assert event.decoded("dtstamp").utcoffset().total_seconds() == 0
        assert event.decoded("dtend") > event.decoded("dtstart")
    assert b"\r\n" in content and all(len(line) <= 75 for line in content.split(b"\r\n"))


def test_two_workers_with_their_own_page_cache_give_the_same_etag(client, settings, monkeypatch):
    from tests.conftest import clear_caches

    settings.PAGE_CACHE_SECONDS = 600
    make_meeting(title="Gecachte bijeenkomst", location_name="De Wiek")
    url = reverse("meetings:calendar-feed")
    first = client.get(url)
    # Another worker, later, with a cache of its own (the local memory cache of one process).
    clear_caches()
    later_clock(monkeypatch)
    second = client.get(url)
    assert first.content == second.content and first["ETag"] == second["ETag"]
    clear_caches()
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_agenda_keeps_its_lines_in_the_calendar_entry(client):
    meeting = make_meeting(
        title="Agenda",
        agenda="<p>13.00 Inloop &amp; koffie</p><p>13.15 Alles op een rij</p><ul><li>13.45 Casus</li></ul>",
    )
    [event] = icalendar.Calendar.from_ical(client.get(reverse("meetings:ics", args=[meeting.slug])).content).walk(
        "VEVENT"
    )
    description = str(event["description"])
    assert "13.00 Inloop & koffie\n13.15 Alles op een rij\n13.45 Casus" in description
    assert "rij13.45" not in description
