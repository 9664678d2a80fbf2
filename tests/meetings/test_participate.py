"""Taking part from a phone: members and guests contribute, edit and withdraw; clear refusals."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.models import Contribution, Meeting, Round
from meetings.models.meeting import END_SCREEN_DAYS
from tests.conftest import make_meeting, make_user
from tests.meetings.conftest import add_round, contribute, join_as_guest

pytestmark = pytest.mark.django_db


def test_a_member_sees_the_active_round_and_contributes(client_of, participant, active_round):
    meeting = active_round.meeting
    phone = client_of(participant)
    page = phone.get(reverse("live:participate", args=[meeting.join_code]))
    assert page.status_code == 200
    assert "Wat heeft gewerkt?" in page.content.decode()
    response = contribute(phone, meeting, active_round, "  Een vaste wijkagent  ", perspective="welzijn")
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.text, contribution.author, contribution.perspective) == (
        "Een vaste wijkagent",
        participant,
        "welzijn",
    )
    assert (contribution.kind, contribution.meeting, contribution.guest_key) == ("working", meeting, "")
    page = phone.get(reverse("live:participate", args=[meeting.join_code])).content.decode()
    assert "Je bijdrage staat op de muur." in page
    assert "Een vaste wijkagent" in page


def test_the_members_own_perspective_is_the_default(client_of, participant, active_round):
    contribute(client_of(participant), active_round.meeting, active_round, "Korte lijnen", perspective="")
    assert Contribution.objects.get().perspective == "inwoners"


def test_the_round_case_goes_with_each_contribution(client_of, participant, live_meeting, owner):
    from tests.conftest import make_case

    case = make_case(owner)
    round_ = add_round(live_meeting, case=case)
    contribute(client_of(participant), live_meeting, round_, "Mooi voorbeeld")
    assert Contribution.objects.get().case == case


def test_a_guest_chooses_a_perspective_never_a_name_and_contributes(active_round):
    meeting = active_round.meeting
    guest = Client()
    page = guest.get(reverse("live:participate", args=[meeting.join_code])).content.decode()
    assert "Vanuit welk perspectief doe je mee?" in page
    assert 'name="name"' not in page
    join_as_guest(guest, meeting, "ondernemer")
    assert contribute(guest, meeting, active_round, "Ondernemers aan tafel", perspective="gemeente").status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.author is None and contribution.guest_key
    # A guest speaks from the perspective chosen once, whatever the form says.
    assert contribution.perspective == "ondernemer"
    assert "Ondernemers aan tafel" in guest.get(reverse("live:participate", args=[meeting.join_code])).content.decode()


def test_a_guest_cannot_contribute_where_guests_are_not_allowed(live_meeting):
    round_ = add_round(live_meeting, guests_allowed=False)
    guest = Client()
    page = guest.get(reverse("live:participate", args=[live_meeting.join_code])).content.decode()
    assert "Voor deze ronde moet je ingelogd zijn" in page
    join_as_guest(guest, live_meeting)
    response = contribute(guest, live_meeting, round_, "Toch proberen")
    assert response.status_code == 403
    assert "Gasten doen hier niet mee" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_visitor_who_did_not_choose_a_perspective_cannot_contribute(active_round):
    response = contribute(Client(), active_round.meeting, active_round, "Zonder perspectief")
    assert response.status_code == 403
    assert not Contribution.objects.exists()


def test_contributions_after_the_round_ended_are_refused_and_the_text_kept(client_of, participant, active_round):
    phone = client_of(participant)
    active_round.close()
    response = contribute(phone, active_round.meeting, active_round, "Net te laat")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Deze ronde is gesloten" in page
    assert not Contribution.objects.exists()


def test_a_paused_round_takes_no_new_contributions(client_of, participant, active_round):
    active_round.pause()
    assert contribute(client_of(participant), active_round.meeting, active_round, "Even wachten").status_code == 409
    assert not Contribution.objects.exists()


def test_an_empty_or_too_long_contribution_is_refused(client_of, participant, active_round):
    phone = client_of(participant)
    assert contribute(phone, active_round.meeting, active_round, "   ").status_code == 400
    assert contribute(phone, active_round.meeting, active_round, "x" * 501).status_code == 400
    assert not Contribution.objects.exists()


def test_a_double_tap_stores_the_contribution_once(client_of, participant, active_round):
    phone = client_of(participant)
    contribute(phone, active_round.meeting, active_round, "Eén keer", key="dezelfde-sleutel")
    contribute(phone, active_round.meeting, active_round, "Eén keer", key="dezelfde-sleutel")
    assert Contribution.objects.count() == 1


def test_contributing_too_fast_gets_a_clear_dutch_429(client_of, participant, active_round, settings):
    settings.LIVE_RATE_LIMITS = {"participant": 2}
    phone = client_of(participant)
    for n in range(2):
        assert contribute(phone, active_round.meeting, active_round, f"Bijdrage {n}").status_code == 302
    response = contribute(phone, active_round.meeting, active_round, "Nummer drie")
    assert response.status_code == 429
    assert "Wacht een minuut" in response.content.decode()
    assert "Nummer drie" in response.content.decode()
    assert Contribution.objects.count() == 2


def test_one_join_code_has_a_limit_too(client_of, active_round, settings):
    settings.LIVE_RATE_LIMITS = {"code": 1}
    contribute(client_of(make_user("a@example.org")), active_round.meeting, active_round, "Eerste")
    response = contribute(client_of(make_user("b@example.org")), active_round.meeting, active_round, "Tweede")
    assert response.status_code == 429
    assert Contribution.objects.count() == 1


def test_own_contributions_can_be_edited_and_withdrawn_until_the_round_ends(client_of, participant, active_round):
    meeting = active_round.meeting
    phone = client_of(participant)
    contribution = active_round.contribute(text="Eerst zo", perspective="gemeente", author=participant)
    edit_url = reverse("live:contribution-edit", args=[meeting.join_code, contribution.pk])
    assert phone.get(edit_url).status_code == 200
    assert phone.post(edit_url, {"text": "Toch anders"}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.text == "Toch anders"
    active_round.pause()
    withdraw_url = reverse("live:contribution-withdraw", args=[meeting.join_code, contribution.pk])
    assert phone.post(withdraw_url).status_code == 302
    assert not Contribution.objects.exists()


def test_after_the_round_ended_contributions_stay_as_they_are(client_of, participant, active_round):
    meeting = active_round.meeting
    phone = client_of(participant)
    contribution = active_round.contribute(text="Vastgelegd", perspective="gemeente", author=participant)
    active_round.close()
    phone.post(reverse("live:contribution-edit", args=[meeting.join_code, contribution.pk]), {"text": "Anders"})
    phone.post(reverse("live:contribution-withdraw", args=[meeting.join_code, contribution.pk]))
    contribution.refresh_from_db()
    assert contribution.text == "Vastgelegd"


def test_nobody_edits_or_withdraws_someone_elses_contribution(client_of, participant, active_round):
    meeting = active_round.meeting
    contribution = active_round.contribute(text="Van Pim", perspective="gemeente", author=participant)
    other = client_of(make_user("ander@example.org"))
    assert other.get(reverse("live:contribution-edit", args=[meeting.join_code, contribution.pk])).status_code == 404
    assert (
        other.post(reverse("live:contribution-withdraw", args=[meeting.join_code, contribution.pk])).status_code == 404
    )
    guest = Client()
    join_as_guest(guest, meeting)
    assert (
        guest.post(reverse("live:contribution-withdraw", args=[meeting.join_code, contribution.pk])).status_code == 404
    )
    assert Contribution.objects.filter(text="Van Pim").exists()


def test_editing_and_withdrawing_need_a_post(client_of, participant, active_round):
    contribution = active_round.contribute(text="Blijft", perspective="gemeente", author=participant)
    url = reverse("live:contribution-withdraw", args=[active_round.meeting.join_code, contribution.pk])
    assert client_of(participant).get(url).status_code == 405
    url = reverse("live:contribute", args=[active_round.meeting.join_code, active_round.pk])
    assert client_of(participant).get(url).status_code == 405


def test_a_wrong_code_and_a_meeting_closed_long_ago_get_the_same_clear_answer(client):
    closed = make_meeting(title="Vorige maand", days=-30)
    closed.open_live()
    closed.close()
    Meeting.objects.filter(pk=closed.pk).update(closed_at=timezone.now() - END_SCREEN_DAYS - timedelta(hours=1))
    unknown = client.get(reverse("live:participate", args=["QQQQQQ"]))
    ended = client.get(reverse("live:participate", args=[closed.join_code]))
    assert unknown.status_code == ended.status_code == 404
    assert "Deze code werkt niet" in unknown.content.decode()
    assert ended.content.decode().replace(closed.join_code, "QQQQQQ") == unknown.content.decode()
    assert "Vorige maand" not in ended.content.decode()


def test_a_meeting_closed_today_thanks_the_phone_and_links_to_the_coming_harvest(client):
    closed = make_meeting(title="Vandaag", days=0)
    closed.open_live()
    closed.close()
    page = client.get(reverse("live:participate", args=[closed.join_code]))
    body = page.content.decode()
    assert page.status_code == 200 and "Dank je wel" in body and "Deze code werkt niet" not in body
    assert closed.get_absolute_url() in body


def test_guessing_codes_is_slowed_down(client, settings):
    settings.LIVE_RATE_LIMITS = {"lookup": 3}
    for code in ["AAAAAA", "CCCCCC", "DDDDDD"]:
        assert client.get(reverse("live:participate", args=[code])).status_code == 404
    assert client.get(reverse("live:participate", args=["EEEEEE"])).status_code == 429


def test_a_code_typed_in_lower_case_with_spaces_still_works(client, live_meeting):
    response = client.get(
        reverse("live:join"), {"code": f" {live_meeting.join_code[:3].lower()} {live_meeting.join_code[3:]}"}
    )
    assert response.url == reverse("live:participate", args=[live_meeting.join_code])
    lower = client.get(reverse("live:participate", args=[live_meeting.join_code.lower()]))
    assert lower.url == reverse("live:participate", args=[live_meeting.join_code])


def test_the_phone_waits_nicely_before_the_first_round(client, live_meeting):
    page = client.get(reverse("live:participate", args=[live_meeting.join_code])).content.decode()
    assert "De begeleider start zo de eerste vraag" in page


def test_the_phone_hears_about_a_new_round_and_only_then(
    client_of, participant, active_round, django_assert_num_queries
):
    meeting = active_round.meeting
    phone = client_of(participant)
    page = phone.get(reverse("live:participate", args=[meeting.join_code]))
    url = reverse("live:changes", args=[meeting.join_code])
    meeting.refresh_from_db()
    key = page.context["round_key"]
    with django_assert_num_queries(1):
        assert phone.get(url, {"v": meeting.live_version, "r": key}, HTTP_HX_REQUEST="true").status_code == 204
    # A contribution elsewhere changes the version but not the round: only the poller is renewed.
    active_round.contribute(text="Van een ander", perspective="gemeente", author=make_user("x@example.org"))
    quiet = phone.get(url, {"v": meeting.live_version, "r": key}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="live-round"' not in quiet and 'id="live-poller"' in quiet
    next_round = add_round(meeting, "Wat belemmert?", kind=Round.Kind.OBSTACLE)
    loud = phone.get(url, {"v": meeting.live_version, "r": key}, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-hx-swap-oob="true"' in loud and next_round.prompt in loud
    assert "Nieuwe vraag: Wat belemmert?" in loud


def test_a_phone_polling_a_meeting_that_closed_shows_the_end_screen_in_place(client_of, participant, active_round):
    meeting = active_round.meeting
    meeting.close()
    response = client_of(participant).get(
        reverse("live:changes", args=[meeting.join_code]), {"v": 1, "r": "x"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "HX-Refresh" not in response
    assert 'id="live-round" data-hx-swap-oob="true"' in body and "Dank je wel" in body
    assert "Deze code werkt niet" not in body and 'data-hx-trigger="every 20s"' in body


def test_the_phone_page_has_one_heading_a_label_for_the_text_and_a_live_region(client_of, participant, active_round):
    page = (
        client_of(participant).get(reverse("live:participate", args=[active_round.meeting.join_code])).content.decode()
    )
    assert page.count("<h1") == 1
    assert '<label for="id_text">' in page
    assert 'aria-live="polite"' in page
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
