"""The wall on the projector: new contributions within one poll, cheap when nothing changed."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import LIVE_VERSIONS, Round
from tests.conftest import make_factor, make_user
from tests.meetings.conftest import add_round

pytestmark = pytest.mark.django_db


def poll(client, meeting, version, round_id=""):
    url = reverse("live:wall-changes", args=[meeting.join_code])
    return client.get(url, {"v": version, "r": round_id}, HTTP_HX_REQUEST="true")


def test_the_wall_shows_the_active_round_in_large_type_with_the_code(client, active_round, participant):
    active_round.contribute(text="Een vaste wijkagent", perspective="gemeente", author=participant)
    meeting = active_round.meeting
    response = client.get(reverse("live:wall", args=[meeting.join_code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="wall-prompt">Wat heeft gewerkt?</h1>' in page
    assert "Een vaste wijkagent" in page and "een deelnemer vanuit de gemeente" in page
    assert "Pim Deelnemer" not in page
    assert meeting.join_code in page and "data:image/svg+xml;base64," in page
    assert 'aria-live="polite"' in page and 'id="wall-status"' in page
    assert 'data-hx-trigger="every 2s"' in page
    assert '<html lang="nl">' in page and "<main" in page


def test_an_unchanged_wall_costs_one_query_and_answers_204(client, active_round, django_assert_num_queries):
    meeting = active_round.meeting
    meeting.refresh_from_db()
    with django_assert_num_queries(1):
        response = poll(client, meeting, meeting.live_version, active_round.pk)
    assert response.status_code == 204
    assert response.content == b""


def test_a_version_remembered_while_a_change_commits_is_forgotten_when_it_commits(
    client, active_round, django_capture_on_commit_callbacks, monkeypatch
):
    # Another request may read the old committed version between the change and its commit
    # and remember it; the commit forgets it again, so the next poll sees the change at once.
    monkeypatch.setattr(LIVE_VERSIONS, "seconds", 60)  # so that only the commit can make it forget
    meeting = active_round.meeting
    meeting.refresh_from_db()
    old = meeting.live_version
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        active_round.contribute(text="Net binnen", perspective="gemeente", author=make_user("a@example.org"))
        LIVE_VERSIONS.set(meeting.join_code, old)  # what a poll in another thread would remember
    assert LIVE_VERSIONS.get(meeting.join_code) is None
    response = poll(client, meeting, old, active_round.pk)
    assert response.status_code == 200 and "Net binnen" in response.content.decode()


def test_the_wall_gets_only_what_is_new_since_its_version(client, active_round, django_assert_num_queries):
    meeting = active_round.meeting
    first = active_round.contribute(text="Al gezien", perspective="gemeente", author=make_user("a@example.org"))
    meeting.refresh_from_db()
    seen = meeting.live_version
    active_round.contribute(text="Nieuw één", perspective="welzijn", author=make_user("b@example.org"))
    active_round.contribute(text="Nieuw twee", perspective="inwoners", guest_key="gast-1")
    with django_assert_num_queries(2):
        response = poll(client, meeting, seen, active_round.pk)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nieuw één" in body and "Nieuw twee" in body and first.text not in body
    assert 'data-hx-swap-oob="afterbegin:#wall-new"' in body
    assert body.index("Nieuw twee") < body.index("Nieuw één")  # newest first: always on screen
    assert "2 nieuwe bijdragen" in body
    meeting.refresh_from_db()
    assert f"v={meeting.live_version}" in body


def test_new_contributions_are_announced_to_screen_readers_one_by_one(client, active_round):
    meeting = active_round.meeting
    meeting.refresh_from_db()
    seen = meeting.live_version
    active_round.contribute(text="Korte lijnen", perspective="gemeente", author=make_user("a@example.org"))
    body = poll(client, meeting, seen, active_round.pk).content.decode()
    assert 'data-hx-swap-oob="innerHTML:#wall-status">Nieuwe bijdrage: Korte lijnen' in body


def test_clustering_redraws_the_wall_grouped_by_cluster(client, active_round, facilitator):
    meeting = active_round.meeting
    one = active_round.contribute(text="Vaste wijkagent", perspective="gemeente", author=make_user("a@example.org"))
    active_round.contribute(text="Nog los", perspective="gemeente", author=make_user("b@example.org"))
    meeting.refresh_from_db()
    seen = meeting.live_version
    factor = make_factor("Vaste gezichten")
    services.cluster_contributions(meeting, [one.pk], by=facilitator, factor=factor)
    body = poll(client, meeting, seen, active_round.pk).content.decode()
    assert 'id="wall-body" class="wall-layout wall-layout--join-large" data-hx-swap-oob="true"' in body
    assert "Vaste gezichten" in body and "Nog niet geclusterd" in body
    # The new (unclustered) notes first, then the clusters.
    assert body.index("Nog niet geclusterd") < body.index("Nog los") < body.index("Vaste gezichten")
    assert body.index("Vaste gezichten") < body.index("Vaste wijkagent")
    assert "Nieuwe vraag" not in body  # same round: nothing to announce


def test_hidden_and_withdrawn_contributions_leave_the_wall(client, active_round, facilitator, participant):
    meeting = active_round.meeting
    rude = active_round.contribute(text="Iets ongepasts", perspective="gemeente", author=make_user("a@example.org"))
    mine = active_round.contribute(text="Toch niet", perspective="gemeente", author=participant)
    meeting.refresh_from_db()
    seen = meeting.live_version
    rude.hide(by=facilitator, reason="Kwetsend")
    mine.withdraw()
    body = poll(client, meeting, seen, active_round.pk).content.decode()
    assert "Iets ongepasts" not in body and "Toch niet" not in body
    assert "Iets ongepasts" not in Client().get(reverse("live:wall", args=[meeting.join_code])).content.decode()


def test_a_new_round_is_announced_on_the_wall(client, active_round):
    meeting = active_round.meeting
    meeting.refresh_from_db()
    seen = meeting.live_version
    add_round(meeting, "Wat belemmert?", kind=Round.Kind.OBSTACLE)
    body = poll(client, meeting, seen, active_round.pk).content.decode()
    assert "Nieuwe vraag: Wat belemmert?" in body


def test_a_wall_without_a_version_gets_a_full_redraw(client, active_round):
    body = poll(client, active_round.meeting, "").content.decode()
    assert 'id="wall-body"' in body


def test_the_wall_shows_the_timer(client, live_meeting):
    add_round(live_meeting, timer_seconds=300)
    page = client.get(reverse("live:wall", args=[live_meeting.join_code])).content.decode()
    assert 'data-timer-remaining="' in page and 'data-timer-running="1"' in page
    assert "5:00" in page or "4:59" in page


def test_between_rounds_the_wall_shows_the_code_big(client, live_meeting):
    page = client.get(reverse("live:wall", args=[live_meeting.join_code])).content.decode()
    assert "wall-waiting" in page and live_meeting.join_code in page
    assert page.count("<h1") == 1


def test_a_closed_meetings_wall_shows_the_end_screen_in_place(client, active_round):
    meeting = active_round.meeting
    meeting.close()
    response = poll(client, meeting, 1)
    body = response.content.decode()
    assert response.status_code == 200 and "HX-Refresh" not in response
    assert "data-wall-ended" in body and "Dank je wel" in body and "Deze code werkt niet" not in body
    assert meeting.get_absolute_url() in body


def test_the_wall_answers_from_the_database_alone(active_round):
    """Two clients stand for two app processes: neither keeps state, both see the same wall."""
    meeting = active_round.meeting
    meeting.refresh_from_db()
    seen = meeting.live_version
    active_round.contribute(text="Gedeelde staat", perspective="gemeente", author=make_user("a@example.org"))
    first, second = Client(), Client()
    assert "Gedeelde staat" in poll(first, meeting, seen).content.decode()
    assert "Gedeelde staat" in poll(second, meeting, seen).content.decode()
