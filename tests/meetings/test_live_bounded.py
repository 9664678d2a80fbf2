"""A full room costs no more per request than an empty one: the wall draws the newest notes
only, and a guest's post and poll read only the guest's own notes (issue 15: at 2,000
participants every post and wall page grew with the round)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cop import ratelimit as cop_ratelimit
from meetings.models import Contribution, Meeting
from meetings.views.live import own_notes
from meetings.views.wall import WALL_NOTES
from tests.meetings.conftest import join_as_guest

pytestmark = pytest.mark.django_db


def fill(round_, count, *, start=0):
    """``count`` notes by other guests, as many phones would have posted them (one live version each)."""
    meeting = round_.meeting
    meeting.refresh_from_db()
    notes = [
        Contribution(
            round=round_,
            meeting=meeting,
            text=f"Notitie {start + n}",
            kind=round_.kind,
            perspective="inwoners",
            guest_key=f"ander-{start + n}",
            live_version=meeting.live_version + n + 1,
        )
        for n in range(count)
    ]
    Contribution.objects.bulk_create(notes)
    Meeting.objects.filter(pk=meeting.pk).update(live_version=meeting.live_version + count)


def wall(client, meeting):
    return client.get(reverse("live:wall", args=[meeting.join_code]))


def queries(do):
    with CaptureQueriesContext(connection) as captured:
        response = do()
    return response, len(captured)


def test_the_wall_draws_the_newest_notes_and_counts_the_rest(client, active_round):
    fill(active_round, WALL_NOTES + 30)
    page = wall(client, active_round.meeting).content.decode()
    assert page.count('class="postit ') == WALL_NOTES
    newest, oldest_shown, left_out = WALL_NOTES + 29, 30, 29
    assert f"Notitie {newest}<" in page and f"Notitie {oldest_shown}<" in page
    assert f"Notitie {left_out}<" not in page and "Notitie 0<" not in page
    assert 'data-older="30"' in page
    assert "30 eerdere bijdragen passen niet meer op het scherm." in page


def test_a_wall_with_room_for_everything_leaves_nothing_out(client, active_round):
    fill(active_round, 12)
    page = wall(client, active_round.meeting).content.decode()
    assert page.count('class="postit ') == 12
    assert 'data-older="0"' in page and "eerdere bijdragen passen" not in page.split("data-older")[1][:80]


def test_the_wall_page_costs_the_same_with_200_or_2000_notes(client, active_round):
    fill(active_round, 200)
    response, small = queries(lambda: wall(client, active_round.meeting))
    assert response.status_code == 200
    fill(active_round, 1800, start=200)
    response, large = queries(lambda: wall(client, active_round.meeting))
    assert response.status_code == 200
    assert large == small
    assert response.content.decode().count('class="postit ') == WALL_NOTES


def test_the_word_wall_counts_every_note(client, active_round):
    fill(active_round, WALL_NOTES + 5)
    Meeting.objects.filter(pk=active_round.meeting_id).update(wall_view=Meeting.WallView.WORDS)
    page = wall(client, active_round.meeting).content.decode()
    assert f"De meest gebruikte woorden uit {WALL_NOTES + 5} bijdragen" in page


def post(client, meeting, round_, text):
    """As phone.js posts: htmx, answered with the round panel and the person's own notes."""
    url = reverse("live:contribute", kwargs={"code": meeting.join_code, "round_pk": round_.pk})
    return client.post(url, {"text": text, "submission_key": text}, HTTP_HX_REQUEST="true")


def test_a_guests_post_costs_the_same_in_a_full_round(client, active_round, monkeypatch):
    # One rate window for the whole test: the first hit of a new minute also clears old counters.
    monkeypatch.setattr(cop_ratelimit, "_window", lambda seconds: 1)
    meeting = active_round.meeting
    join_as_guest(client, meeting)
    post(client, meeting, active_round, "Eerste van mij")
    fill(active_round, 10)
    response, small = queries(lambda: post(client, meeting, active_round, "Tweede van mij"))
    assert response.status_code == 200
    fill(active_round, 2000, start=10)
    response, large = queries(lambda: post(client, meeting, active_round, "Derde van mij"))
    assert response.status_code == 200
    assert large == small
    panel = response.content.decode()
    # The answer lists the guest's own three notes, none of the 2,010 others.
    assert all(f"{n} van mij" in panel for n in ("Eerste", "Tweede", "Derde"))
    assert "Notitie" not in panel


@pytest.mark.postgres
def test_a_guests_own_notes_are_read_by_index(active_round):
    """EXPLAIN on PostgreSQL: the phone's list reads the guest's notes, not the round."""
    fill(active_round, 3000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_contribution")

    class Guest:
        user = None
        guest_key = "ander-7"

    plan = own_notes(Guest, active_round).explain()
    assert "contribution_guest_idx" in plan, plan
    assert [c.text for c in own_notes(Guest, active_round)] == ["Notitie 7"]
