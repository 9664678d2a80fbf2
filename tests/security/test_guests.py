"""Guest identities are not free (issue 14, finding 2).

Each cookieless POST to /live/<code>/gast/ used to be a new guest with fresh dots:
20 guests put 60 dots on one factor in 4.2 s. Now a guest needs the token of a
page that was on screen (once), guests per code and per address are limited in
a way a room of 500 on one address still gets in, and the facilitator sees how
many dots came from guests and can leave out those of guests who came only
during the vote. Bounded loops, test client only.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factors.models import Factor
from meetings import services
from meetings.access import GUEST_JOINED, guest_token
from meetings.models import Contribution, Round, Vote
from tests.conftest import make_factor, make_meeting, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def live():
    meeting = make_meeting(title="Stemmen in de zaal", days=0, visibility="public")
    meeting.open_live()
    first = Round.objects.create(meeting=meeting, prompt="Wat werkte?", order=1, guests_allowed=True, kind="working")
    first.start()
    factor = make_factor("Vaste gezichten in de wijk")
    Contribution.objects.create(
        round=first, meeting=meeting, text="Vaste gezichten", perspective="inwoners", factor=factor, guest_key="g1"
    )
    vote = Round.objects.create(
        meeting=meeting, prompt="Waar zit de kracht?", order=2, mode="vote", guests_allowed=True, dots_per_person=3
    )
    return meeting, vote, factor


def guest_url(meeting):
    return reverse("live:guest", args=[meeting.join_code])


def join(client, meeting, token=None, perspective="inwoners"):
    return client.post(guest_url(meeting), {"perspective": perspective, "token": token or guest_token(meeting)})


def is_guest(client, meeting):
    page = client.get(reverse("live:participate", args=[meeting.join_code])).content.decode()
    return "Doe mee als gast" not in page


def test_a_guest_needs_the_token_of_a_page(live):
    meeting, _vote, _factor = live
    client = Client()
    response = client.post(guest_url(meeting), {"perspective": "inwoners"})
    assert response.status_code == 302
    assert "Deze pagina was verlopen" in client.get(response["Location"]).content.decode()
    assert not is_guest(client, meeting)
    assert join(client, meeting).status_code == 302
    assert is_guest(client, meeting)


def test_the_phone_page_carries_a_token_that_makes_a_guest(live):
    meeting, _vote, _factor = live
    client = Client()
    page = client.get(reverse("live:participate", args=[meeting.join_code])).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    join(client, meeting, token=token)
    assert is_guest(client, meeting)


def test_a_token_makes_one_guest_only(live):
    meeting, _vote, _factor = live
    token = guest_token(meeting)
    first, second = Client(), Client()
    join(first, meeting, token=token)
    join(second, meeting, token=token)
    assert is_guest(first, meeting)
    assert not is_guest(second, meeting)


def test_a_token_of_another_meeting_or_a_forged_one_makes_no_guest(live):
    meeting, _vote, _factor = live
    other = make_meeting(title="Andere bijeenkomst", days=0)
    for token in (guest_token(other), guest_token(meeting) + "x", "1:2"):
        client = Client()
        join(client, meeting, token=token)
        assert not is_guest(client, meeting)


def test_a_token_must_have_been_on_screen_a_moment(live, settings, monkeypatch):
    meeting, _vote, _factor = live
    settings.LIVE_GUEST_MIN_SECONDS = 1
    made_at = time.time()
    hasty_token, patient_token = guest_token(meeting), guest_token(meeting)
    hasty = Client()
    join(hasty, meeting, token=hasty_token)
    assert not is_guest(hasty, meeting)
    monkeypatch.setattr(time, "time", lambda: made_at + 2)
    patient = Client()
    join(patient, meeting, token=patient_token)
    assert is_guest(patient, meeting)


def test_new_guests_per_code_are_limited_and_the_choice_is_kept(live, settings):
    meeting, _vote, _factor = live
    settings.LIVE_RATE_LIMITS = {"guest_code": 3}
    answers = [join(Client(REMOTE_ADDR=f"192.0.2.{n}"), meeting).status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]
    refused = join(Client(REMOTE_ADDR="192.0.2.99"), meeting, perspective="onderwijs")
    body = refused.content.decode()
    assert "heel veel gasten tegelijk" in body
    assert '<option value="onderwijs" selected>' in body  # the select keeps what was chosen


def test_new_guests_per_address_are_limited_per_client_behind_the_proxy(live, settings):
    meeting, _vote, _factor = live
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LIVE_RATE_LIMITS = {"guest_address": 2}

    def via(address):
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address)

    assert [join(via("198.51.100.66"), meeting).status_code for _ in range(3)] == [302, 302, 429]
    assert join(via("203.0.113.5"), meeting).status_code == 302


def test_the_default_limits_let_a_room_of_500_on_one_address_in_within_two_minutes():
    from meetings.ratelimit import limit

    assert limit("guest_address") * 2 >= 500
    assert limit("guest_code") >= 500


def cast(client, vote, factor):
    return client.post(reverse("live:vote-add", args=[vote.meeting.join_code, vote.pk, factor.pk]))


def test_dots_of_guests_who_came_during_the_vote_can_be_left_out(client_of, live, facilitator):
    meeting, vote, factor = live
    early = Client()
    join(early, meeting)
    vote.meeting.next_round()  # closes the first round, starts the vote
    vote.refresh_from_db()
    late = Client()
    join(late, meeting)
    member = Client()
    member.force_login(make_user("lid@example.org", name="Lia Lid"))
    for voter in (early, late, member):
        assert cast(voter, vote, factor).status_code == 302
    assert list(Vote.objects.filter(round=vote).values_list("late_guest", flat=True).order_by("id")) == [
        False,
        True,
        False,
    ]
    assert vote.vote_breakdown() == [(factor, 3, 2, 1)]
    console = client_of(facilitator).get(reverse("meetings:console", args=[meeting.slug]), {"ronde": vote.pk})
    assert "van late gasten" in console.content.decode()

    response = client_of(facilitator).post(
        reverse("meetings:round-discount", args=[meeting.slug, vote.pk]), {"discount": "1"}
    )
    assert response.status_code == 302
    vote.refresh_from_db()
    assert vote.discount_late_guests
    assert vote.vote_breakdown() == [(factor, 2, 1, 1)]
    assert vote.vote_totals() == [(factor, 2)]

    # Once the harvest is public, the left-out dot is not evidence either.
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    counted = Factor.objects.filter(pk=factor.pk).with_evidence(None).get()
    assert counted.vote_count == 2


def test_a_guest_who_joined_before_the_vote_is_not_late(live):
    meeting, vote, factor = live
    guest = Client()
    join(guest, meeting)
    session = guest.session
    session[GUEST_JOINED] = (timezone.now() - timezone.timedelta(hours=1)).timestamp()
    session.save()
    meeting.next_round()
    assert cast(guest, vote, factor).status_code == 302
    assert Vote.objects.get().late_guest is False


def test_a_vote_round_can_require_signing_in(live):
    meeting, vote, factor = live
    Round.objects.filter(pk=vote.pk).update(guests_allowed=False)
    guest = Client()
    join(guest, meeting)
    meeting.next_round()
    assert cast(guest, vote, factor).status_code == 403
    assert not Vote.objects.exists()
