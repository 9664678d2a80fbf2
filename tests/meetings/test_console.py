"""The facilitator's console: live mode, join code, rounds, ready-made formats."""

import pytest
from django.urls import reverse

from meetings.formats import FORMATS
from meetings.models import JOIN_CODE_ALPHABET, Meeting, Round
from tests.conftest import make_case
from tests.meetings.conftest import add_round

pytestmark = pytest.mark.django_db


def test_opening_the_live_mode_gives_a_short_unambiguous_code_and_a_qr_code(client_of, facilitator, meeting):
    client = client_of(facilitator)
    response = client.post(reverse("meetings:open-live", args=[meeting.slug]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.LIVE
    assert len(meeting.join_code) == 6 and set(meeting.join_code) <= set(JOIN_CODE_ALPHABET)
    assert not set(meeting.join_code) & set("0O1IL5S2Z8B")
    page = client.get(reverse("meetings:console", args=[meeting.slug])).content.decode()
    assert meeting.join_code in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert reverse("live:wall", args=[meeting.join_code]) in page


def test_reopening_keeps_the_code(live_meeting):
    code = live_meeting.join_code
    live_meeting.close()
    live_meeting.open_live()
    assert live_meeting.join_code == code and live_meeting.status == Meeting.Status.LIVE


def test_a_facilitator_adds_a_round_with_a_timer_and_a_case(client_of, facilitator, live_meeting, owner):
    case = make_case(owner)
    live_meeting.presented_cases.add(case)
    response = client_of(facilitator).post(
        reverse("meetings:round-add", args=[live_meeting.slug]),
        {
            "prompt": "Wat valt je op aan dit voorbeeld?",
            "kind": "observation",
            "mode": "contribute",
            "case": case.pk,
            "guests_allowed": "on",
            "dots_per_person": 3,
            "timer_minutes": 5,
        },
    )
    assert response.status_code == 302
    round_ = live_meeting.rounds.get()
    assert (round_.kind, round_.case, round_.guests_allowed, round_.timer_seconds) == ("observation", case, True, 300)
    assert round_.status == Round.Status.PENDING


def test_a_round_without_a_question_is_refused_and_the_input_kept(client_of, facilitator, live_meeting):
    response = client_of(facilitator).post(
        reverse("meetings:round-add", args=[live_meeting.slug]),
        {"prompt": "", "kind": "lesson", "mode": "contribute", "dots_per_person": 3, "timer_minutes": 7},
    )
    assert response.status_code == 400
    assert 'value="7"' in response.content.decode()
    assert not live_meeting.rounds.exists()


def test_start_pause_resume_and_close_a_round(client_of, facilitator, live_meeting):
    client = client_of(facilitator)
    round_ = add_round(live_meeting, start=False, timer_seconds=120)
    version = live_meeting.live_version
    client.post(reverse("meetings:round-start", args=[live_meeting.slug, round_.pk]))
    round_.refresh_from_db()
    assert round_.status == Round.Status.ACTIVE and round_.deadline is not None
    client.post(reverse("meetings:round-pause", args=[live_meeting.slug, round_.pk]))
    round_.refresh_from_db()
    assert round_.status == Round.Status.PAUSED and round_.deadline is None and 0 < round_.timer_left <= 120
    client.post(reverse("meetings:round-start", args=[live_meeting.slug, round_.pk]))
    round_.refresh_from_db()
    assert round_.status == Round.Status.ACTIVE
    client.post(reverse("meetings:round-close", args=[live_meeting.slug, round_.pk]))
    round_.refresh_from_db()
    assert round_.status == Round.Status.CLOSED and round_.ended_at is not None
    live_meeting.refresh_from_db()
    assert live_meeting.live_version == version + 4


def test_starting_a_round_pauses_the_one_that_was_active(live_meeting):
    first = add_round(live_meeting, "Eerste")
    second = add_round(live_meeting, "Tweede")
    first.refresh_from_db()
    assert (first.status, second.status) == (Round.Status.PAUSED, Round.Status.ACTIVE)
    assert live_meeting.rounds.filter(status=Round.Status.ACTIVE).count() == 1


def test_next_closes_the_active_round_and_starts_the_following_one(client_of, facilitator, live_meeting):
    first = add_round(live_meeting, "Eerste")
    second = add_round(live_meeting, "Tweede", start=False)
    client_of(facilitator).post(reverse("meetings:round-next", args=[live_meeting.slug]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Round.Status.CLOSED, Round.Status.ACTIVE)
    response = client_of(facilitator).post(reverse("meetings:round-next", args=[live_meeting.slug]), follow=True)
    assert "geen volgende ronde" in response.content.decode()
    second.refresh_from_db()
    assert second.status == Round.Status.CLOSED


def test_rounds_only_start_in_live_mode(client_of, facilitator, meeting):
    round_ = add_round(meeting, start=False)
    response = client_of(facilitator).post(reverse("meetings:round-start", args=[meeting.slug, round_.pk]), follow=True)
    assert "Open eerst de live-modus" in response.content.decode()
    round_.refresh_from_db()
    assert round_.status == Round.Status.PENDING


def test_a_pending_round_can_be_edited_and_deleted(client_of, facilitator, live_meeting):
    round_ = add_round(live_meeting, start=False)
    client = client_of(facilitator)
    client.post(
        reverse("meetings:round-edit", args=[live_meeting.slug, round_.pk]),
        {"prompt": "Welke lessen neem je mee?", "kind": "lesson", "mode": "contribute", "dots_per_person": 3},
    )
    round_.refresh_from_db()
    assert (round_.prompt, round_.kind) == ("Welke lessen neem je mee?", "lesson")
    client.post(reverse("meetings:round-delete", args=[live_meeting.slug, round_.pk]))
    assert not live_meeting.rounds.exists()


def test_a_round_that_ran_cannot_be_deleted(client_of, facilitator, active_round):
    client_of(facilitator).post(reverse("meetings:round-delete", args=[active_round.meeting.slug, active_round.pk]))
    assert Round.objects.filter(pk=active_round.pk).exists()


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.key)
def test_every_format_sets_up_a_full_run_in_one_click(client_of, facilitator, live_meeting, fmt):
    response = client_of(facilitator).post(
        reverse("meetings:format-apply", args=[live_meeting.slug]), {"format": fmt.key, "guests_allowed": "on"}
    )
    assert response.status_code == 302
    rounds = list(live_meeting.rounds.order_by("order"))
    assert len(rounds) == len(fmt.steps)
    assert all(r.guests_allowed and r.status == Round.Status.PENDING for r in rounds)
    assert "{topic}" not in " ".join(r.prompt for r in rounds)
    for round_ in rounds:
        if round_.is_vote:
            assert round_.source_round is not None and not round_.source_round.is_vote


def test_the_case_discussion_asks_the_three_questions_and_then_the_peers(client_of, facilitator, live_meeting, owner):
    case = make_case(owner, title="Kenniskwartier Arnhem")
    live_meeting.presented_cases.add(case)
    client_of(facilitator).post(
        reverse("meetings:format-apply", args=[live_meeting.slug]), {"format": "casus", "case": case.pk}
    )
    rounds = list(live_meeting.rounds.order_by("order"))
    assert [r.kind for r in rounds] == ["pride", "working", "lesson", "observation", "lesson"]
    assert rounds[0].prompt == "Waar ben je trots op?" and rounds[3].prompt == "Wat valt je op aan dit voorbeeld?"
    assert {r.case for r in rounds} == {case}


def test_the_obstacles_format_asks_what_helps_after_the_obstacles(client_of, facilitator, live_meeting):
    client_of(facilitator).post(reverse("meetings:format-apply", args=[live_meeting.slug]), {"format": "belemmeringen"})
    assert [r.kind for r in live_meeting.rounds.order_by("order")][:2] == ["obstacle", "helps"]


def test_1_2_4_all_uses_the_facilitators_question_and_kind(client_of, facilitator, live_meeting):
    client_of(facilitator).post(
        reverse("meetings:format-apply", args=[live_meeting.slug]),
        {"format": "1-2-4-alle", "topic": "Wat maakt een wijkteam sterk?", "kind": "working"},
    )
    rounds = list(live_meeting.rounds.order_by("order"))
    assert [r.timer_seconds for r in rounds] == [60, 120, 240, 300]
    assert "Wat maakt een wijkteam sterk?" in rounds[0].prompt
    assert {r.kind for r in rounds} == {"working"}


def test_the_console_notices_changes_without_redrawing(client_of, facilitator, active_round, django_assert_num_queries):
    meeting = active_round.meeting
    client = client_of(facilitator)
    url = reverse("meetings:console-changes", args=[meeting.slug])
    meeting.refresh_from_db()
    # Session, user, facilitator check, meeting: the same whether or not anything changed.
    with django_assert_num_queries(4):
        assert client.get(url, {"v": meeting.live_version}).status_code == 204
    active_round.pause()
    # ... and the count of contributions waiting for approval when something changed.
    with django_assert_num_queries(5):
        response = client.get(url, {"v": meeting.live_version})
    # 286: htmx shows the notice and stops asking.
    assert response.status_code == 286
    assert "Bijwerken" in response.content.decode()


def test_the_console_shows_the_contributions_of_the_chosen_round(client_of, facilitator, active_round, participant):
    active_round.contribute(text="Vaste wijkagent", perspective="gemeente", author=participant)
    other = add_round(active_round.meeting, "Andere vraag")
    page = client_of(facilitator).get(reverse("meetings:console", args=[active_round.meeting.slug]))
    assert page.context["selected"] == other
    page = client_of(facilitator).get(
        reverse("meetings:console", args=[active_round.meeting.slug]), {"ronde": active_round.pk}
    )
    assert "Vaste wijkagent" in page.content.decode()
    assert "Pim Deelnemer" not in page.content.decode()


CONSOLE_POSTS = [
    "meetings:open-live",
    "meetings:close",
    "meetings:format-apply",
    "meetings:round-add",
    "meetings:round-next",
    "meetings:cluster",
    "meetings:uncluster",
    "meetings:undo",
    "meetings:publish",
    "meetings:unpublish",
]


@pytest.mark.parametrize("name", CONSOLE_POSTS)
def test_console_actions_are_posts_by_facilitators_only(client, client_of, participant, facilitator, meeting, name):
    url = reverse(name, args=[meeting.slug])
    assert client_of(facilitator).get(url).status_code == 405
    assert reverse("account_login") in client.post(url).url
    assert client_of(participant).post(url).status_code == 403
    assert client_of(facilitator).post(reverse(name, args=["bestaat-niet"])).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED and not meeting.rounds.exists()


@pytest.mark.parametrize(
    "name", ["meetings:round-start", "meetings:round-pause", "meetings:round-close", "meetings:round-delete"]
)
def test_round_actions_are_posts_by_facilitators_only(client, client_of, participant, facilitator, live_meeting, name):
    round_ = add_round(live_meeting, start=False)
    url = reverse(name, args=[live_meeting.slug, round_.pk])
    assert client_of(facilitator).get(url).status_code == 405
    assert reverse("account_login") in client.post(url).url
    assert client_of(participant).post(url).status_code == 403
    assert client_of(facilitator).post(reverse(name, args=[live_meeting.slug, 99999])).status_code == 404
    round_.refresh_from_db()
    assert round_.status == Round.Status.PENDING


def test_a_participant_cannot_open_the_console(client, client_of, participant, live_meeting):
    url = reverse("meetings:console", args=[live_meeting.slug])
    assert client_of(participant).get(url).status_code == 403
    assert reverse("account_login") in client.get(url).url
    assert client_of(participant).get(reverse("meetings:console-changes", args=[live_meeting.slug])).status_code == 403
