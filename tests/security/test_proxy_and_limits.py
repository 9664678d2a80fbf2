"""Behind a reverse proxy, and with a room on one address: limits count the client, not the proxy.

Issue 14's first finding: every limit was keyed on REMOTE_ADDR, so behind the
documented proxy (or on venue wifi) 100 wrong join codes made a valid code fail
for everyone and 40 failed logins locked every member out. Requests here come
from the proxy (REMOTE_ADDR 10.0.0.1) with the client in X-Forwarded-For, as a
proxy sends them. Bounded loops, test client only.
"""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from cop.ratelimit import client_ip, count_hit, hit, hits
from meetings.models import Round
from tests.conftest import PASSWORD, make_meeting, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


def via_proxy(client_address):
    """A client as the app sees it behind one proxy."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


@pytest.fixture
def behind_a_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def live_meeting():
    meeting = make_meeting(title="Bijeenkomst in de zaal", days=0)
    meeting.open_live()
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkte?", order=1, guests_allowed=True, kind="working")
    round_.start()
    return meeting


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),  # no proxy trusted: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left entry was sent by the client
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", PROXY),  # fewer entries than proxies: the request bypassed them
        (1, "", PROXY),
    ],
)
def test_the_client_address_is_read_as_the_trusted_proxies_wrote_it(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_allauth_reads_the_same_client_address(settings):
    from django.conf import settings as live_settings

    assert live_settings.ALLAUTH_TRUSTED_PROXY_COUNT == live_settings.TRUSTED_PROXY_COUNT


def test_a_flood_of_wrong_codes_through_the_proxy_never_locks_the_room_out(behind_a_proxy, live_meeting, settings):
    settings.LIVE_RATE_LIMITS = {"lookup": 5}
    attacker = via_proxy("198.51.100.66")
    answers = [attacker.get(reverse("live:participate", args=[f"AAAA{c}{c}"])).status_code for c in "CDEFGHJK"]
    assert answers == [404] * 5 + [429] * 3
    # Everyone else behind the same proxy gets the meeting, and so does the wall's poll.
    member = via_proxy("203.0.113.20")
    assert member.get(reverse("live:participate", args=[live_meeting.join_code])).status_code == 200
    # The attacker too, with the right code: failures never make a valid code fail.
    assert attacker.get(reverse("live:participate", args=[live_meeting.join_code])).status_code == 200
    wall = via_proxy("203.0.113.30")
    poll = wall.get(
        reverse("live:wall-changes", args=[live_meeting.join_code]),
        {"v": 0, "r": ""},
        HTTP_HX_REQUEST="true",
    )
    assert poll.status_code == 200
    # A second client behind the proxy may still mistype a code and be told so.
    assert member.get(reverse("live:participate", args=["QQQQQQ"])).status_code == 404


def test_a_refused_poll_keeps_polling_instead_of_reloading_into_a_dead_page(behind_a_proxy, settings, db):
    settings.LIVE_RATE_LIMITS = {"lookup": 1}
    client = via_proxy("198.51.100.7")
    client.get(reverse("live:wall-changes", args=["CCCCCC"]), HTTP_HX_REQUEST="true")
    refused = client.get(reverse("live:wall-changes", args=["DDDDDD"]), HTTP_HX_REQUEST="true")
    assert refused.status_code == 429
    assert "HX-Refresh" not in refused  # htmx swaps nothing on a 429 and polls again
    assert refused["Retry-After"] == "60"


def test_failed_logins_of_one_client_behind_the_proxy_lock_nobody_else_out(behind_a_proxy, client, db):
    member = make_user("lid@example.org", name="Lia Lid")
    attacker = via_proxy("198.51.100.66")
    for n in range(40):
        attacker.post(reverse("account_login"), {"login": f"gok{n}@example.org", "password": "fout-wachtwoord"})
    refused = attacker.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    # The attacker's own address is limited: even the right password is refused there.
    assert refused.status_code == 200
    assert "Te veel" in refused.content.decode()
    assert attacker.get(reverse("profile")).status_code == 302
    colleague = via_proxy("203.0.113.20")
    response = colleague.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert colleague.get(reverse("profile")).status_code == 200


def test_a_room_on_one_address_can_all_sign_in(db):
    """Venue wifi without a proxy: 60 members sign in from one address within the minute."""
    members = [make_user(f"zaal{n}@example.org", name=f"Zaal {n}") for n in range(60)]
    answers = [
        Client(REMOTE_ADDR="192.0.2.50").post(reverse("account_login"), {"login": m.email, "password": PASSWORD})
        for m in members
    ]
    assert {response.status_code for response in answers} == {302}


def test_the_shared_counter_counts_each_hit_once_per_window():
    assert [count_hit("proef", "sleutel") for _ in range(3)] == [1, 2, 3]
    assert hits("proef", "sleutel") == 3
    assert hits("proef", "andere") == 0
    assert hit("proef", "andere", 1) is True
    assert hit("proef", "andere", 1) is False
