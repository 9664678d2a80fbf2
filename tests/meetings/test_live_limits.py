"""The join code's limits grow with the meeting's capacity (meetings.ratelimit), and still stop a flood."""

from django.test import Client

from meetings.models import Contribution
from meetings.ratelimit import code_write_limit, guest_code_limit

from .conftest import contribute, join_as_guest


def _guests(meeting, count):
    phones = []
    for n in range(count):
        phone = Client(REMOTE_ADDR=f"192.0.2.{n + 1}")
        assert join_as_guest(phone, meeting).status_code == 302
        phones.append(phone)
    return phones


def test_the_code_limit_grows_with_the_capacity(active_round, settings):
    meeting = active_round.meeting
    # Scaled down: a floor of 2 writes a minute, 3 for every place.
    settings.LIVE_RATE_LIMITS = {"code": 2, "code_per_place": 3}
    assert code_write_limit(meeting) == 2
    meeting.capacity = 2
    meeting.save(update_fields=["capacity"])
    assert code_write_limit(meeting) == 6
    phones = _guests(meeting, 2)
    answers = [contribute(phones[n % 2], meeting, active_round, f"Bijdrage {n}").status_code for n in range(7)]
    assert answers == [302] * 6 + [429]
    assert Contribution.objects.count() == 6


def test_new_guests_do_not_raise_the_code_limit(active_round, settings):
    meeting = active_round.meeting
    settings.LIVE_RATE_LIMITS = {"code": 2, "code_per_place": 3}
    phones = _guests(meeting, 4)
    answers = [contribute(phone, meeting, active_round, "Bijdrage").status_code for phone in phones]
    assert answers == [302, 302, 429, 429]


def test_new_guests_per_minute_grow_with_the_capacity(active_round, settings):
    meeting = active_round.meeting
    settings.LIVE_RATE_LIMITS = {"guest_code": 2}
    assert guest_code_limit(meeting) == 2
    meeting.capacity = 3
    meeting.save(update_fields=["capacity"])
    assert guest_code_limit(meeting) == 3
    answers = [join_as_guest(Client(REMOTE_ADDR=f"192.0.2.{n}"), meeting).status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]


def test_the_default_limits_let_a_room_of_2000_write_three_times_a_minute():
    from meetings.ratelimit import limit

    assert limit("code_per_place") * 2000 >= 2000 * 3 * 2  # posts, and as many edits and dots
    assert limit("code") >= 3000
