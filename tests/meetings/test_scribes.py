"""A facilitator marks a participant as scribe in the console: a higher personal limit."""

from django.test import Client
from django.urls import reverse

from meetings.models import Contribution, Scribe

from .conftest import contribute, join_as_guest

HTMX = {"HTTP_HX_REQUEST": "true"}


def scribe_url(meeting, contribution):
    return reverse("meetings:contribution-scribe", args=[meeting.slug, contribution.pk])


def console_url(meeting):
    return reverse("meetings:console", args=[meeting.slug])


def test_a_scribe_posts_past_the_personal_limit_and_the_console_shows_it(
    client_of, facilitator, active_round, settings
):
    meeting = active_round.meeting
    settings.LIVE_RATE_LIMITS = {"participant": 2}
    tablet = Client(REMOTE_ADDR="192.0.2.7")
    join_as_guest(tablet, meeting)
    answers = [contribute(tablet, meeting, active_round, f"Tafel 3, punt {n}").status_code for n in range(3)]
    assert answers == [302, 302, 429]

    console = client_of(facilitator)
    first = Contribution.objects.order_by("id").first()
    response = console.post(scribe_url(meeting, first), {"ronde": active_round.pk}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "mag nu 60 keer per minuut" in html
    assert html.count('<span class="tag">schrijver</span>') == 2  # both notes of this tablet
    assert 'aria-pressed="true"' in html
    assert Scribe.objects.filter(meeting=meeting, guest_key=first.guest_key).exists()

    # In the same minute the scribe goes on; another guest keeps the limit.
    assert [contribute(tablet, meeting, active_round, f"Meer {n}").status_code for n in range(3)] == [302] * 3
    other = Client(REMOTE_ADDR="192.0.2.8")
    join_as_guest(other, meeting)
    assert [contribute(other, meeting, active_round, f"Ander {n}").status_code for n in range(3)] == [302, 302, 429]

    # No longer a scribe: the personal limit again.
    console.post(scribe_url(meeting, first), {"ronde": active_round.pk}, **HTMX)
    assert not Scribe.objects.exists()
    assert contribute(tablet, meeting, active_round, "Nog een").status_code == 429


def test_a_scribe_keeps_a_higher_round_limit(client_of, facilitator, active_round, settings):
    meeting = active_round.meeting
    settings.LIVE_RATE_LIMITS = {"participant": 1}
    active_round.set_wall_options(hide_results=True, participant_limit=3)
    member = client_of(facilitator)
    answers = [contribute(member, meeting, active_round, f"Punt {n}").status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]  # the round's own limit, not the site's


def test_only_a_facilitator_marks_a_scribe(client_of, participant, active_round):
    meeting = active_round.meeting
    note = active_round.contribute(text="Een punt", perspective="inwoners", author=participant)
    response = client_of(participant).post(scribe_url(meeting, note), {"ronde": active_round.pk})
    assert response.status_code in (403, 404)
    assert client_of(None).post(scribe_url(meeting, note)).status_code == 302  # to the login
    assert not Scribe.objects.exists()
