"""Dot voting on the clusters of a round: N dots each, totals on the wall, never more than N."""

import pytest
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import Round, Vote
from tests.conftest import make_factor, make_user
from tests.meetings.conftest import add_round, join_as_guest

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote_round(active_round, facilitator):
    meeting = active_round.meeting
    people = [make_user(f"v{n}@example.org") for n in range(3)]
    posts = [active_round.contribute(text=f"Idee {n}", perspective="gemeente", author=p) for n, p in enumerate(people)]
    services.cluster_contributions(
        meeting, [posts[0].pk, posts[1].pk], by=facilitator, factor=make_factor("Eigenaarschap")
    )
    services.cluster_contributions(meeting, [posts[2].pk], by=facilitator, factor=make_factor("Continuïteit"))
    make_factor("Niet in deze ronde")
    return add_round(
        meeting,
        "Wat is het belangrijkst?",
        mode=Round.Mode.VOTE,
        source_round=active_round,
        dots_per_person=2,
        guests_allowed=True,
    )


def vote(client, round_, factor, remove=False):
    name = "live:vote-remove" if remove else "live:vote-add"
    return client.post(reverse(name, args=[round_.meeting.join_code, round_.pk, factor.pk]))


def test_the_phone_shows_the_clusters_and_the_dots_left(client_of, participant, vote_round):
    page = client_of(participant).get(reverse("live:participate", args=[vote_round.meeting.join_code])).content.decode()
    assert "Eigenaarschap" in page and "Continuïteit" in page and "Niet in deze ronde" not in page
    assert "Je hebt nog 2 stippen." in page


def test_a_participant_spends_their_dots_and_no_more(client_of, participant, vote_round):
    phone = client_of(participant)
    eigenaarschap = vote_round.vote_options().get(name="Eigenaarschap")
    assert vote(phone, vote_round, eigenaarschap).status_code == 302
    assert vote(phone, vote_round, eigenaarschap).status_code == 302
    response = vote(phone, vote_round, eigenaarschap)
    assert response.status_code == 409
    assert "al je stippen verdeeld" in response.content.decode()
    assert Vote.objects.filter(voter=participant).count() == 2
    page = phone.get(reverse("live:participate", args=[vote_round.meeting.join_code])).content.decode()
    assert "Je hebt nog 0 stippen." in page


def test_a_dot_can_be_taken_back_and_put_elsewhere(client_of, participant, vote_round):
    phone = client_of(participant)
    first, second = vote_round.vote_options()
    vote(phone, vote_round, first)
    vote(phone, vote_round, first)
    vote(phone, vote_round, first, remove=True)
    vote(phone, vote_round, second)
    assert sorted(Vote.objects.values_list("factor__name", flat=True)) == ["Continuïteit", "Eigenaarschap"]


def test_guests_vote_with_their_own_dots(vote_round):
    guest = Client()
    join_as_guest(guest, vote_round.meeting)
    factor = vote_round.vote_options().first()
    for _ in range(3):
        vote(guest, vote_round, factor)
    assert Vote.objects.filter(voter__isnull=True).count() == 2


def test_factors_outside_the_round_take_no_dots(client_of, participant, vote_round):
    outside = vote_round.vote_options().model.objects.get(name="Niet in deze ronde")
    assert vote(client_of(participant), vote_round, outside).status_code == 404
    assert not Vote.objects.exists()


def test_no_dots_once_the_round_is_closed(client_of, participant, vote_round):
    vote_round.close()
    assert vote(client_of(participant), vote_round, vote_round.vote_options().first()).status_code == 409
    assert not Vote.objects.exists()


def test_the_wall_and_the_console_show_the_totals(client, client_of, facilitator, vote_round):
    eigenaarschap, continuiteit = (vote_round.vote_options().get(name=n) for n in ["Eigenaarschap", "Continuïteit"])
    for n in range(3):
        vote_round.cast_vote(eigenaarschap, voter=make_user(f"s{n}@example.org"))
    vote_round.cast_vote(continuiteit, voter=make_user("s9@example.org"))
    hidden = client.get(reverse("live:wall", args=[vote_round.meeting.join_code])).content.decode()
    assert "3 stippen" not in hidden and "4 stippen gezet" in hidden
    assert hidden.index("Continuïteit") < hidden.index("Eigenaarschap")  # alphabetical: no leaderboard
    vote_round.reveal_results()
    wall = client.get(reverse("live:wall", args=[vote_round.meeting.join_code])).content.decode()
    assert "3 stippen" in wall and "1 stip" in wall
    assert wall.index("Eigenaarschap") < wall.index("Continuïteit")
    assert 'width="100"' in wall and 'width="33"' in wall
    console = client_of(facilitator).get(reverse("meetings:console", args=[vote_round.meeting.slug]))
    assert console.context["breakdown"] == [(eigenaarschap, 3, 0, 0), (continuiteit, 1, 0, 0)]


def test_a_vote_round_without_a_source_takes_all_clusters_of_the_meeting(vote_round):
    round_ = add_round(vote_round.meeting, "Alles", mode=Round.Mode.VOTE, start=False)
    assert {f.name for f in round_.vote_options()} == {"Eigenaarschap", "Continuïteit"}


def test_voting_needs_a_post(client_of, participant, vote_round):
    url = reverse(
        "live:vote-add", args=[vote_round.meeting.join_code, vote_round.pk, vote_round.vote_options().first().pk]
    )
    assert client_of(participant).get(url).status_code == 405


def test_a_guest_cannot_vote_where_guests_are_not_allowed(vote_round):
    Round.objects.filter(pk=vote_round.pk).update(guests_allowed=False)
    guest = Client()
    join_as_guest(guest, vote_round.meeting)
    assert vote(guest, vote_round, vote_round.vote_options().first()).status_code == 403
    assert not Vote.objects.exists()
