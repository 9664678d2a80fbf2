"""The facilitator's wall controls: QR display, word cloud, hidden results, a round's posting limit."""

import pytest
from django.urls import reverse

from cop.models import Perspective
from meetings.models import Meeting, Round, Vote
from tests.conftest import make_factor, make_user
from tests.meetings.conftest import add_round, contribute, join_as_guest


@pytest.fixture
def vote_round(live_meeting):
    source = add_round(live_meeting, "Wat werkt?")
    factor = make_factor("Korte lijnen")
    source.contribute(text="Korte lijnen met de wijkagent", perspective="gemeente", author=make_user("a@example.org"))
    source.contributions.update(factor=factor)
    return add_round(live_meeting, "Waar zet je je stippen?", mode=Round.Mode.VOTE, source_round=source)


def display_url(meeting):
    return reverse("meetings:wall-display", args=[meeting.slug])


def test_the_facilitator_makes_the_code_small_and_shows_a_word_cloud(client_of, facilitator, active_round):
    meeting = active_round.meeting
    active_round.contribute(text="Buurtkamer open, buurtkamer vol", perspective="gemeente", author=facilitator)
    response = client_of(facilitator).post(display_url(meeting), {"join_display": "small", "view": "words"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.wall_join_display, meeting.wall_view) == ("small", "words")
    wall = client_of(None).get(reverse("live:wall", args=[meeting.join_code])).content.decode()
    assert "wall-layout--join-small" in wall and "wall-join--small" in wall
    assert 'class="wordcloud"' in wall and "buurtkamer" in wall and "postit-list" not in wall


def test_the_controls_answer_htmx_in_place(client_of, facilitator, active_round):
    meeting = active_round.meeting
    response = client_of(facilitator).post(
        display_url(meeting), {"join_display": "hidden", "view": "notes"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.count('id="wall-controls"') == 1
    assert "De muur is bijgewerkt." in body and "<html" not in body
    wall = client_of(None).get(reverse("live:wall", args=[meeting.join_code])).content.decode()
    assert "wall-join__qr" not in wall


def test_a_wrong_choice_is_refused_in_place_and_nothing_changes(client_of, facilitator, active_round):
    meeting = active_round.meeting
    response = client_of(facilitator).post(
        display_url(meeting), {"join_display": "huge", "view": "notes"}, HTTP_HX_REQUEST="true"
    )
    # htmx swaps only successful answers: the refusal comes as 200, with the message in the controls.
    assert response.status_code == 200 and "message--error" in response.content.decode()
    assert "Kies hoe de muur eruitziet." in response.content.decode()
    plain = client_of(facilitator).post(display_url(meeting), {"join_display": "huge", "view": "notes"})
    assert plain.status_code == 302
    meeting.refresh_from_db()
    assert meeting.wall_join_display == Meeting.JoinDisplay.LARGE


@pytest.mark.parametrize("name", ["wall-display", "round-wall", "round-reveal"])
def test_the_controls_refuse_get_visitors_and_members(client_of, participant, vote_round, name):
    meeting = vote_round.meeting
    args = [meeting.slug] if name == "wall-display" else [meeting.slug, vote_round.pk]
    url = reverse(f"meetings:{name}", args=args)
    data = {"join_display": "small", "view": "words", "reveal": "1", "participant_limit": "50"}
    facilitator = make_user("begeleider2@example.org", facilitator=True)
    assert client_of(facilitator).get(url).status_code == 405
    visitor = client_of(None).post(url, data)
    assert visitor.status_code == 302 and "/accounts/login/" in visitor.url
    assert client_of(participant).post(url, data).status_code == 403
    meeting.refresh_from_db()
    vote_round.refresh_from_db()
    assert meeting.wall_join_display == "large" and not vote_round.results_revealed
    assert vote_round.participant_limit is None


def test_an_outsider_gets_404_for_a_meeting_of_the_community(client_of, facilitator, vote_round):
    meeting = vote_round.meeting
    Meeting.objects.filter(pk=meeting.pk).update(visibility=Meeting.Visibility.COMMUNITY)
    response = client_of(None).post(display_url(meeting), {"join_display": "small", "view": "notes"})
    assert response.status_code == 302  # visitors log in first; members of the CoP may see it
    other = reverse("meetings:round-reveal", args=[meeting.slug, 999999])
    assert client_of(facilitator).post(other, {"reveal": "1"}).status_code == 404


def test_results_stay_hidden_until_the_facilitator_reveals_them(client_of, facilitator, vote_round):
    meeting = vote_round.meeting
    factor = vote_round.vote_options().get()
    Vote.objects.create(round=vote_round, factor=factor, voter=make_user("v@example.org"))
    wall = client_of(None).get(reverse("live:wall", args=[meeting.join_code])).content.decode()
    assert "Korte lijnen" in wall and "1 stip gezet" in wall and "wall-vote__bar" not in wall
    url = reverse("meetings:round-reveal", args=[meeting.slug, vote_round.pk])
    response = client_of(facilitator).post(url, {"reveal": "1"}, HTTP_HX_REQUEST="true")
    assert "Uitslag weer verbergen" in response.content.decode()
    wall = client_of(None).get(reverse("live:wall", args=[meeting.join_code])).content.decode()
    assert "wall-vote__bar" in wall and "1 stip</span>" in wall
    client_of(facilitator).post(url, {"reveal": "0"})
    vote_round.refresh_from_db()
    assert not vote_round.results_revealed


def test_a_round_can_show_its_results_live_when_the_facilitator_wants(client_of, facilitator, vote_round):
    meeting = vote_round.meeting
    url = reverse("meetings:round-wall", args=[meeting.slug, vote_round.pk])
    assert client_of(facilitator).post(url, {"participant_limit": ""}).status_code == 302
    vote_round.refresh_from_db()
    assert not vote_round.hide_results and vote_round.shows_results
    wall = client_of(None).get(reverse("live:wall", args=[meeting.join_code])).content.decode()
    assert "wall-vote__bar" in wall


def test_revealing_a_round_without_dots_is_refused(client_of, facilitator, active_round):
    meeting = active_round.meeting
    url = reverse("meetings:round-reveal", args=[meeting.slug, active_round.pk])
    response = client_of(facilitator).post(url, {"reveal": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "In deze ronde wordt niet gestemd." in response.content.decode()


def test_a_raised_limit_lets_a_scribe_post_more_than_twelve_a_minute(client_of, facilitator, participant, active_round):
    meeting = active_round.meeting
    url = reverse("meetings:round-wall", args=[meeting.slug, active_round.pk])
    assert client_of(facilitator).post(url, {"participant_limit": "30"}).status_code == 302
    active_round.refresh_from_db()
    assert active_round.participant_limit == 30
    scribe = client_of(participant)
    statuses = [contribute(scribe, meeting, active_round, f"Tafel {n}").status_code for n in range(14)]
    assert statuses == [302] * 14
    assert active_round.contributions.count() == 14


def test_without_a_raised_limit_the_thirteenth_post_waits(client_of, participant, active_round):
    phone = client_of(participant)
    statuses = [contribute(phone, active_round.meeting, active_round, f"Bijdrage {n}").status_code for n in range(13)]
    assert statuses[:12] == [302] * 12 and statuses[12] == 429


def test_a_limit_out_of_range_is_refused_in_dutch_and_not_saved(client_of, facilitator, active_round):
    url = reverse("meetings:round-wall", args=[active_round.meeting.slug, active_round.pk])
    response = client_of(facilitator).post(url, {"participant_limit": "5000"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "120" in response.content.decode()
    active_round.refresh_from_db()
    assert active_round.participant_limit is None


def test_the_console_embeds_the_controls(client_of, facilitator, vote_round):
    page = client_of(facilitator).get(reverse("meetings:console", args=[vote_round.meeting.slug]))
    body = page.content.decode()
    assert 'id="wall-controls"' in body and "Uitslag op de muur laten zien" in body


def test_a_guest_picks_a_perspective_from_a_list(client, active_round):
    page = client.get(reverse("live:participate", args=[active_round.meeting.join_code])).content.decode()
    assert '<select name="perspective"' in page and 'type="radio"' not in page
    assert str(Perspective.RESIDENTS.label) in page


def test_a_guest_who_picks_no_perspective_is_told_so(client, active_round):
    meeting = active_round.meeting
    response = join_as_guest(client, meeting, perspective="")
    assert response.status_code == 400
    assert "Kies eerst vanuit welk perspectief je meedoet." in response.content.decode()
    assert "live_guest_key" not in client.session
