"""Facilitators see who registered, export the list, and mark attendance, also by QR at the door."""

import csv
import io

import pytest
from django.urls import reverse

from meetings.models import Registration
from tests.conftest import make_meeting, make_organisation, make_user

pytestmark = pytest.mark.django_db
# Session, user, meeting, facilitator check, the counts per status, the registrations, the header's
# unread notifications.
REGISTRATIONS_QUERIES = 7


@pytest.fixture
def registration(participant):
    meeting = make_meeting(capacity=5)
    registration, _ = meeting.register(participant)
    return registration


def test_facilitators_see_the_registrations_with_a_fixed_number_of_queries(
    client_of, facilitator, registration, django_assert_num_queries
):
    meeting = registration.meeting
    client = client_of(facilitator)
    with django_assert_num_queries(REGISTRATIONS_QUERIES):
        page = client.get(reverse("meetings:registrations", args=[meeting.slug]))
    assert "Pim Deelnemer" in page.content.decode()
    for n in range(5):
        meeting.register(make_user(f"lid{n}@example.org", organisation=make_organisation(f"Organisatie {n}")))
    with django_assert_num_queries(REGISTRATIONS_QUERIES):
        client.get(reverse("meetings:registrations", args=[meeting.slug]))


def test_the_csv_export_lists_everyone_and_keeps_formulas_out(client_of, facilitator, registration):
    meeting = registration.meeting
    meeting.register(make_user("formule@example.org", name="=HYPERLINK(1)", organisation=make_organisation("@Corp")))
    response = client_of(facilitator).get(reverse("meetings:registrations-csv", args=[meeting.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["naam", "e-mailadres", "organisatie"]
    assert rows[1][:4] == ["Pim Deelnemer", "deelnemer@example.org", "", "aangemeld"]
    assert rows[2][0] == "'=HYPERLINK(1)" and rows[2][2] == "'@Corp"


def test_a_facilitator_marks_attendance_and_takes_it_back(client_of, facilitator, registration):
    url = reverse("meetings:attendance", args=[registration.meeting.slug, registration.pk])
    assert client_of(facilitator).post(url, {"attended": "1"}).status_code == 302
    registration.refresh_from_db()
    assert registration.attended_at is not None
    client_of(facilitator).post(url, {"attended": "0"})
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_someone_on_the_waiting_list_cannot_be_marked_present(client_of, facilitator):
    meeting = make_meeting(capacity=0)
    waiting, _ = meeting.register(make_user("wacht@example.org"))
    client_of(facilitator).post(reverse("meetings:attendance", args=[meeting.slug, waiting.pk]), {"attended": "1"})
    waiting.refresh_from_db()
    assert waiting.attended_at is None


def test_the_check_in_code_opens_a_confirmation_for_a_facilitator(client_of, facilitator, registration):
    url = registration.checkin_path()
    page = client_of(facilitator).get(url)
    assert page.status_code == 200 and "Pim Deelnemer" in page.content.decode()
    registration.refresh_from_db()
    assert registration.attended_at is None  # opening is not confirming
    assert client_of(facilitator).post(url).status_code == 302
    registration.refresh_from_db()
    assert registration.attended_at is not None


def test_members_cannot_check_themselves_in(client, client_of, registration):
    url = registration.checkin_path()
    assert client_of(registration.user).get(url).status_code == 403
    assert client_of(registration.user).post(url).status_code == 403
    assert reverse("account_login") in client.post(url).url
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_a_wrong_check_in_code_is_not_found(client_of, facilitator, registration):
    url = reverse("meetings:checkin", args=[registration.meeting.slug, "verkeerd"])
    assert client_of(facilitator).get(url).status_code == 404


@pytest.mark.parametrize("name", ["meetings:registrations", "meetings:registrations-csv"])
def test_the_list_and_the_export_are_for_facilitators(client, client_of, participant, registration, name):
    url = reverse(name, args=[registration.meeting.slug])
    assert reverse("account_login") in client.get(url).url
    assert client_of(participant).get(url).status_code == 403
    assert client_of(participant).get(reverse(name, args=["bestaat-niet"])).status_code == 404


def test_marking_attendance_needs_a_post_by_a_facilitator(client, client_of, participant, facilitator, registration):
    url = reverse("meetings:attendance", args=[registration.meeting.slug, registration.pk])
    assert client_of(facilitator).get(url).status_code == 405
    assert reverse("account_login") in client.post(url, {"attended": "1"}).url
    assert client_of(participant).post(url, {"attended": "1"}).status_code == 403
    registration.refresh_from_db()
    assert registration.attended_at is None
    assert Registration.objects.count() == 1
