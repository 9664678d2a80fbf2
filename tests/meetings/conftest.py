"""Fixtures of the meetings tests: a live meeting, rounds, and helpers that act like a phone."""

import secrets

import pytest
from django.urls import reverse

from meetings.access import guest_token
from meetings.models import Round
from tests.conftest import make_meeting


@pytest.fixture
def meeting(db):
    return make_meeting(title="Werkzame factoren oogsten", days=0)


@pytest.fixture
def live_meeting(meeting):
    meeting.open_live()
    return meeting


def add_round(meeting, prompt="Wat heeft gewerkt?", *, start=True, **kwargs):
    kwargs.setdefault("kind", Round.Kind.WORKING)
    round_ = Round.objects.create(meeting=meeting, prompt=prompt, order=meeting.next_round_order(), **kwargs)
    if start:
        round_.start()
    return round_


@pytest.fixture
def active_round(live_meeting):
    return add_round(live_meeting, guests_allowed=True)


def contribute(client, meeting, round_, text, *, perspective="gemeente", key=None):
    url = reverse("live:contribute", kwargs={"code": meeting.join_code, "round_pk": round_.pk})
    data = {"text": text, "perspective": perspective, "submission_key": key or secrets.token_urlsafe(12)}
    return client.post(url, data)


def join_as_guest(client, meeting, perspective="inwoners"):
    data = {"perspective": perspective, "token": guest_token(meeting)}
    return client.post(reverse("live:guest", kwargs={"code": meeting.join_code}), data)
