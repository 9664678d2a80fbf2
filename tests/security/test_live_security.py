"""The live mode under attack: probing join codes, flooding a round, and reaching for other ids.

``tests/meetings/test_participate.py`` covers the basic rules (a member's 429, the
per-code limit, a wrong and a closed code alike, someone else's contribution); this
adds what an attacker would try next.
"""

import re
import secrets
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.access import guest_token
from meetings.models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Contribution, Meeting, Round, Vote
from meetings.models.meeting import END_SCREEN_DAYS
from tests.conftest import make_factor, make_meeting, make_user

pytestmark = pytest.mark.django_db

TOO_FAST = "Je gaat erg snel"


@pytest.fixture
def live_round():
    meeting = make_meeting(title="Geheime bijeenkomst", days=0)
    meeting.open_live()
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkte?", order=1, guests_allowed=True, kind="working")
    round_.start()
    return round_


def as_guest(meeting, perspective="inwoners"):
    client = Client()
    client.post(
        reverse("live:guest", args=[meeting.join_code]), {"perspective": perspective, "token": guest_token(meeting)}
    )
    return client


def post(client, round_, text):
    url = reverse("live:contribute", args=[round_.meeting.join_code, round_.pk])
    return client.post(url, {"text": text, "perspective": "gemeente", "submission_key": secrets.token_urlsafe(12)})


def without_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_join_codes_cannot_be_guessed_in_bulk():
    # 24 characters, 6 places: 191 million codes, and 30 wrong guesses a minute per address.
    assert len(set(JOIN_CODE_ALPHABET)) ** JOIN_CODE_LENGTH > 10**8


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("live:participate", "get"),
        ("live:wall", "get"),
        ("live:changes", "get"),
        ("live:wall-changes", "get"),
        ("live:guest", "post"),
    ],
)
def test_an_unknown_a_closed_and_a_published_meeting_code_look_exactly_the_same(name, method):
    # Past the day of its end screen, a closed meeting's code tells nothing.
    closed = make_meeting(title="Afgesloten en geheim", days=-7)
    closed.open_live()
    closed.close()
    published = make_meeting(title="Gepubliceerd en geheim", days=-14)
    published.open_live()
    published.close()
    published.publish()
    long_ago = timezone.now() - END_SCREEN_DAYS - timedelta(minutes=1)
    Meeting.objects.filter(pk__in=[closed.pk, published.pk]).update(closed_at=long_ago)
    answers = {}
    for code in ("QQQQQQ", closed.join_code, published.join_code):
        response = getattr(Client(), method)(reverse(name, args=[code]))
        answers[code] = (response.status_code, without_tokens(response).replace(code, "CODE"))
    assert len(set(answers.values())) == 1, answers.keys()
    status, body = answers["QQQQQQ"]
    assert status == 404
    assert "geheim" not in body.lower()


@pytest.mark.parametrize("name", ["live:participate", "live:wall", "live:changes", "live:wall-changes"])
def test_the_end_screen_of_a_community_meeting_keeps_its_title_to_itself(name):
    secret = make_meeting(title="Besloten en geheim", days=0, visibility="community")
    secret.open_live()
    secret.close()
    open_ = make_meeting(title="Openbare avond", days=0)
    open_.open_live()
    open_.close()
    hidden = Client().get(reverse(name, args=[secret.join_code])).content.decode()
    shown = Client().get(reverse(name, args=[open_.join_code])).content.decode()
    assert "Dank je wel" in hidden and "geheim" not in hidden.lower()
    assert "Dank je wel" in shown and "Openbare avond" in shown


def test_after_too_many_wrong_codes_wrong_codes_are_refused_but_the_right_one_works(client, live_round, settings):
    settings.LIVE_RATE_LIMITS = {"lookup": 3}
    for code in ("AAAAAA", "CCCCCC", "DDDDDD"):
        assert client.get(reverse("live:participate", args=[code])).status_code == 404
    wrong = client.get(reverse("live:participate", args=["EEEEEE"]))
    assert wrong.status_code == 429
    assert "Wacht een minuut" in wrong.content.decode()
    assert wrong["Retry-After"] == "60"
    # Only failures count: the room's own code keeps working from the same address.
    right = client.get(reverse("live:participate", args=[live_round.meeting.join_code]))
    assert right.status_code == 200
    assert "Wat werkte?" in right.content.decode()
    # Another address is not blocked for wrong codes either.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.get(reverse("live:participate", args=["FFFFFF"])).status_code == 404


def test_a_guest_is_limited_like_a_member_and_keeps_what_they_typed(live_round, settings):
    settings.LIVE_RATE_LIMITS = {"participant": 2}
    guest = as_guest(live_round.meeting)
    assert [post(guest, live_round, f"Gast {n}").status_code for n in range(2)] == [302, 302]
    response = post(guest, live_round, "Nog een van de gast")
    assert response.status_code == 429
    assert TOO_FAST in response.content.decode()
    assert "Nog een van de gast" in response.content.decode()
    assert Contribution.objects.count() == 2


def test_a_fresh_guest_session_does_not_lift_the_limit_of_the_join_code(live_round, settings):
    settings.LIVE_RATE_LIMITS = {"participant": 1, "code": 3}
    statuses = [post(as_guest(live_round.meeting), live_round, f"Script {n}").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Contribution.objects.count() == 3


def test_dots_and_edits_count_towards_the_same_limit(live_round, settings):
    settings.LIVE_RATE_LIMITS = {"participant": 3}
    member = make_user("snel@example.org")
    phone = Client()
    phone.force_login(member)
    post(phone, live_round, "Eerste")
    contribution = Contribution.objects.get()
    edit = reverse("live:contribution-edit", args=[live_round.meeting.join_code, contribution.pk])
    assert phone.post(edit, {"text": "Aangepast"}).status_code == 302
    factor = make_factor("Korte lijnen")
    contribution.factor = factor
    contribution.save(update_fields=["factor"])
    vote_round = Round.objects.create(
        meeting=live_round.meeting, prompt="Stippen", order=2, mode=Round.Mode.VOTE, source_round=live_round
    )
    vote_round.start()
    vote = reverse("live:vote-add", args=[live_round.meeting.join_code, vote_round.pk, factor.pk])
    assert phone.post(vote).status_code == 302
    response = phone.post(vote)
    assert response.status_code == 429
    assert TOO_FAST in response.content.decode()
    assert Vote.objects.count() == 1
    contribution.refresh_from_db()
    assert contribution.text == "Aangepast"


def test_a_dot_on_a_factor_outside_the_round_reveals_nothing_and_stores_nothing(live_round):
    outside = make_factor("Voorstel dat niemand ziet", status="proposed")
    vote_round = Round.objects.create(meeting=live_round.meeting, prompt="Stippen", order=2, mode=Round.Mode.VOTE)
    vote_round.start()
    phone = Client()
    phone.force_login(make_user("nieuwsgierig@example.org"))
    for factor_pk in (outside.pk, 999_999):
        response = phone.post(reverse("live:vote-add", args=[live_round.meeting.join_code, vote_round.pk, factor_pk]))
        assert response.status_code == 404
        assert "Voorstel dat niemand ziet" not in response.content.decode()
    assert not Vote.objects.exists()


def test_rounds_and_contributions_of_another_live_meeting_are_out_of_reach(live_round):
    other = make_meeting(title="Andere bijeenkomst", days=0)
    other.open_live()
    other_round = Round.objects.create(meeting=other, prompt="Elders", order=1, guests_allowed=True)
    other_round.start()
    theirs = other_round.contribute(text="Van elders", perspective="gemeente", guest_key="gast-elders")
    guest = as_guest(live_round.meeting)
    code = live_round.meeting.join_code
    responses = [
        guest.post(
            reverse("live:contribute", args=[code, other_round.pk]),
            {"text": "Verkeerde ronde", "submission_key": "x"},
        ),
        guest.get(reverse("live:contribution-edit", args=[code, theirs.pk])),
        guest.post(reverse("live:contribution-withdraw", args=[code, theirs.pk])),
    ]
    assert [r.status_code for r in responses] == [404, 404, 404]
    assert not Contribution.objects.filter(text="Verkeerde ronde").exists()
    assert Contribution.objects.filter(pk=theirs.pk, text="Van elders").exists()
