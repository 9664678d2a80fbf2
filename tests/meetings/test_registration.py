"""Members register and cancel; a full meeting has a waiting list that moves up by itself."""

import pytest
from django.core import mail
from django.urls import reverse

from meetings.models import Meeting, Registration
from tests.conftest import make_meeting, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_meeting(db):
    meeting = make_meeting(title="Vol is vol", capacity=1)
    meeting.register(make_user("eerste@example.org"))
    return meeting


def test_a_member_registers_and_gets_a_confirmation_with_a_calendar_entry(
    client_of, participant, django_capture_on_commit_callbacks
):
    meeting = make_meeting(title="Werkzame factoren", capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(participant).post(reverse("meetings:register", args=[meeting.slug]))
    assert response.status_code == 302 and response.url == reverse("meetings:registration", args=[meeting.slug])
    registration = Registration.objects.get(meeting=meeting, user=participant)
    assert registration.status == Registration.Status.REGISTERED
    [message] = mail.outbox
    assert message.to == [participant.email]
    assert "Je bent aangemeld" in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content and "Werkzame factoren" in content


def test_registering_twice_keeps_one_registration(client_of, participant):
    meeting = make_meeting()
    client_of(participant).post(reverse("meetings:register", args=[meeting.slug]))
    client_of(participant).post(reverse("meetings:register", args=[meeting.slug]))
    assert Registration.objects.filter(meeting=meeting).count() == 1


def test_a_full_meeting_puts_the_member_on_the_waiting_list(
    client_of, participant, full_meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(participant).post(reverse("meetings:register", args=[full_meeting.slug]))
    registration = Registration.objects.get(user=participant)
    assert registration.status == Registration.Status.WAITLISTED
    assert "wachtlijst" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments == []


def test_cancelling_moves_the_first_on_the_waiting_list_up_and_tells_them(
    client_of, participant, full_meeting, django_capture_on_commit_callbacks
):
    first = Registration.objects.get(meeting=full_meeting)
    second_user = make_user("tweede@example.org")
    full_meeting.register(participant)
    full_meeting.register(second_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(first.user).post(reverse("meetings:cancel", args=[full_meeting.slug]))
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        "eerste@example.org": Registration.Status.CANCELLED,
        participant.email: Registration.Status.REGISTERED,
        "tweede@example.org": Registration.Status.WAITLISTED,
    }
    assert mail.outbox[-1].to == [participant.email]
    assert "plaats vrijgekomen" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments


def test_cancelling_from_the_waiting_list_moves_no_one(participant, full_meeting):
    registration, _ = full_meeting.register(participant)
    registration.cancel()
    assert full_meeting.counts() == {"registered": 1, "waitlisted": 0, "attended": 0}


def test_someone_who_registers_again_after_cancelling_queues_at_the_end(participant, full_meeting):
    registration, _ = full_meeting.register(participant)
    other = make_user("ander@example.org")
    full_meeting.register(other)
    registration.cancel()
    again, changed = full_meeting.register(participant)
    assert changed and again.pk == registration.pk and again.status == Registration.Status.WAITLISTED
    Registration.objects.get(meeting=full_meeting, status=Registration.Status.REGISTERED).cancel()
    assert Registration.objects.get(user=other).status == Registration.Status.REGISTERED
    assert Registration.objects.get(user=participant).status == Registration.Status.WAITLISTED


def test_registration_closes_when_the_meeting_is_over(client_of, participant):
    meeting = make_meeting(days=-2)
    response = client_of(participant).post(reverse("meetings:register", args=[meeting.slug]))
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_registration_is_closed_for_a_closed_meeting(participant):
    meeting = make_meeting(status=Meeting.Status.CLOSED)
    with pytest.raises(Exception, match="niet meer"):
        meeting.register(participant)


def test_the_registration_page_shows_a_personal_check_in_code(client_of, participant):
    meeting = make_meeting()
    meeting.register(participant)
    page = client_of(participant).get(reverse("meetings:registration", args=[meeting.slug])).content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    assert "Jouw inchekcode" in page


def test_the_waiting_list_gets_no_check_in_code(client_of, participant, full_meeting):
    full_meeting.register(participant)
    page = client_of(participant).get(reverse("meetings:registration", args=[full_meeting.slug])).content.decode()
    assert "data:image/svg+xml" not in page


@pytest.mark.parametrize("name", ["meetings:register", "meetings:cancel"])
def test_registering_and_cancelling_need_a_post_and_a_signed_in_member(client, client_of, participant, name):
    meeting = make_meeting()
    assert client_of(participant).get(reverse(name, args=[meeting.slug])).status_code == 405
    response = client.post(reverse(name, args=[meeting.slug]))
    assert response.status_code == 302 and reverse("account_login") in response.url
    assert client_of(participant).post(reverse(name, args=["bestaat-niet"])).status_code == 404


def test_cancelling_without_a_registration_is_not_found(client_of, participant):
    meeting = make_meeting()
    assert client_of(participant).post(reverse("meetings:cancel", args=[meeting.slug])).status_code == 404


def test_a_community_meeting_cannot_be_found_to_register_for_by_a_visitor(client):
    meeting = make_meeting(visibility=Meeting.Visibility.COMMUNITY)
    response = client.get(reverse("meetings:registration", args=[meeting.slug]))
    assert response.status_code == 302
