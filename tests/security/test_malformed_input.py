"""Malformed input gets the Dutch 400 or 404 page, never a 500.

A slash in a typed live code, NUL bytes in paths, query strings and form data, and
line breaks in titles that end up in e-mail subjects (a header cannot hold one).
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from cases.models import Case
from meetings.models import Meeting, Registration
from tests.cases.conftest import case_data
from tests.conftest import make_case, make_meeting
from tests.meetings.test_manage import meeting_data

pytestmark = pytest.mark.django_db

BAD_REQUEST = "Dit verzoek kunnen we niet verwerken"
NOT_FOUND = "Deze pagina bestaat niet (meer)"


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def assert_dutch_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert heading in html


def test_a_live_code_with_a_slash_is_not_found(visitor):
    assert_dutch_page(visitor.get("/live/", {"code": "A/B"}), 404, NOT_FOUND)


def test_a_live_code_of_letters_and_digits_still_redirects(visitor):
    response = visitor.get("/live/", {"code": "k7m-q4d"})
    assert response.status_code == 302 and response.url == "/live/K7MQ4D/"


@pytest.mark.parametrize(
    "url",
    [
        "/api/cases/?q=%00",
        "/api/cases/?q=a%00b",
        "/api/factors/?%00=1",
        "/live/A%00B/",
        "/live/A%00B/muur/",
        "/casussen/?q=%00",
        "/%00/",
    ],
)
def test_a_nul_byte_in_the_path_or_query_gets_the_dutch_400_page(visitor, url):
    assert_dutch_page(visitor.get(url), 400, BAD_REQUEST)


@pytest.mark.postgres
def test_a_nul_byte_in_an_api_filter_is_a_400_on_postgresql(visitor):
    # PostgreSQL refuses a string with a NUL byte (psycopg2 raises ValueError): it was a 500.
    assert_dutch_page(visitor.get("/api/cases/?q=%00"), 400, BAD_REQUEST)


def test_a_nul_byte_in_form_data_gets_the_dutch_400_page(participant):
    response = signed_in(participant).post(reverse("cases:create"), case_data(title="Buurt\x00kamer"))
    assert_dutch_page(response, 400, BAD_REQUEST)
    assert not Case.objects.exists()


def test_a_meeting_title_with_line_breaks_is_saved_on_one_line(facilitator):
    response = signed_in(facilitator).post(
        reverse("meetings:create"), meeting_data(title="Werkzame\r\nBcc: iedereen@example.org\r\nfactoren")
    )
    assert response.status_code == 302
    assert Meeting.objects.get().title == "Werkzame Bcc: iedereen@example.org factoren"


def test_registering_for_a_meeting_whose_title_has_a_line_break_sends_a_one_line_subject(
    participant, django_capture_on_commit_callbacks
):
    # A title saved before the forms refused line breaks (or through the admin).
    meeting = make_meeting(title="Werkzame\r\nfactoren", capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(participant).post(reverse("meetings:register", args=[meeting.slug]))
    assert response.status_code == 302
    assert Registration.objects.filter(meeting=meeting, user=participant).exists()
    [message] = mail.outbox
    assert "Werkzame factoren" in message.subject
    assert "\n" not in message.message()["Subject"]


def test_a_case_title_with_line_breaks_is_saved_on_one_line(participant):
    response = signed_in(participant).post(reverse("cases:create"), case_data(title="Buurtkamer\r\nDe Linde"))
    assert response.status_code == 302
    assert Case.objects.get().title == "Buurtkamer De Linde"


def test_inviting_a_co_editor_to_a_case_whose_title_has_a_line_break_works(owner, participant):
    case = make_case(owner, title="Buurtkamer\r\nDe Linde", status="draft")
    response = signed_in(owner).post(reverse("cases:coeditor-invite", args=[case.slug]), {"email": participant.email})
    assert response.status_code == 302
    assert case.invitations.filter(email=participant.email.lower()).exists()  # invited, not yet co-editor
    assert "Buurtkamer De Linde" in mail.outbox[-1].subject
