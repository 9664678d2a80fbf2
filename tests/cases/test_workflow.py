"""The publication workflow: draft → submitted → published or sent back → withdrawn, through the client."""

import pytest
from django.urls import reverse

from cases.models import Case
from cop.access import Refused
from tests.conftest import make_case, make_user

pytestmark = pytest.mark.django_db


def post(client, name, case, data=None):
    return client.post(reverse(f"cases:{name}", args=[case.slug]), data or {})


# --- submit ---------------------------------------------------------------------------


def test_the_owner_submits_a_draft(client_of, draft, owner):
    response = post(client_of(owner), "submit", draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Case.Status.SUBMITTED
    assert draft.submitted_at is not None
    revision = draft.revisions.get()
    assert (revision.action, revision.author) == ("submit", owner)
    assert revision.changes["status"]["new"] == "ingediend"


def test_a_co_editor_may_submit(client_of, draft, coeditor):
    post(client_of(coeditor), "submit", draft)
    draft.refresh_from_db()
    assert draft.status == Case.Status.SUBMITTED


def test_submitting_is_post_only(client_of, draft, owner):
    assert client_of(owner).get(reverse("cases:submit", args=[draft.slug])).status_code == 405
    draft.refresh_from_db()
    assert draft.status == Case.Status.DRAFT


def test_a_visitor_is_sent_to_log_in_to_submit(client, draft):
    response = post(client, "submit", draft)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_an_outsider_cannot_find_a_draft_to_submit(client_of, draft, participant):
    assert post(client_of(participant), "submit", draft).status_code == 404


def test_a_reader_of_a_published_case_may_not_submit_it(client_of, owner, participant):
    case = make_case(owner)
    assert post(client_of(participant), "submit", case).status_code == 403


def test_a_draft_without_a_story_cannot_be_submitted(owner):
    case = make_case(owner, status="draft", story="<p></p>")
    with pytest.raises(Refused, match="het verhaal"):
        case.submit(by=owner)
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT


def test_submitting_twice_explains_instead_of_failing(client_of, draft, owner):
    draft.submit(by=owner)
    response = post(client_of(owner), "submit", draft)
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Dit kan niet bij een casus met de status ‘ingediend’."]


# --- publish --------------------------------------------------------------------------


def test_a_facilitator_publishes_a_submitted_case(client_of, draft, owner, facilitator):
    draft.submit(by=owner)
    assert post(client_of(facilitator), "publish", draft).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Case.Status.PUBLISHED
    assert draft.published_by == facilitator and draft.published_at is not None


def test_publishing_is_post_only(client_of, draft, owner, facilitator):
    draft.submit(by=owner)
    assert client_of(facilitator).get(reverse("cases:publish", args=[draft.slug])).status_code == 405


def test_a_visitor_is_sent_to_log_in_to_publish(client, draft, owner):
    draft.submit(by=owner)
    assert reverse("account_login") in post(client, "publish", draft)["Location"]


def test_the_owner_may_not_publish_their_own_case(client_of, draft, owner):
    draft.submit(by=owner)
    assert post(client_of(owner), "publish", draft).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Case.Status.SUBMITTED


def test_a_participant_cannot_find_a_submitted_case_to_publish(client_of, draft, owner, participant):
    draft.submit(by=owner)
    assert post(client_of(participant), "publish", draft).status_code == 404


def test_a_facilitator_cannot_find_a_draft_to_publish(client_of, draft, facilitator):
    assert post(client_of(facilitator), "publish", draft).status_code == 404


def test_staff_publish_too(client_of, draft, owner, staff):
    draft.submit(by=owner)
    post(client_of(staff), "publish", draft)
    draft.refresh_from_db()
    assert draft.status == Case.Status.PUBLISHED


# --- send back ------------------------------------------------------------------------


def test_a_facilitator_sends_a_case_back_with_a_message(client_of, draft, owner, facilitator):
    draft.submit(by=owner)
    response = post(client_of(facilitator), "send-back", draft, {"message": "Voeg nog foto's toe."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Case.Status.DRAFT
    assert draft.review_message == "Voeg nog foto's toe."
    assert draft.revisions.filter(action="send_back", message="Voeg nog foto's toe.").exists()
    html = client_of(owner).get(draft.get_absolute_url()).content.decode()
    assert "Voeg nog foto&#x27;s toe." in html


def test_sending_back_needs_a_message(client_of, draft, owner, facilitator):
    draft.submit(by=owner)
    response = post(client_of(facilitator), "send-back", draft, {"message": "  "})
    assert response.status_code == 200
    assert "Schrijf erbij wat de auteurs nog moeten doen." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Case.Status.SUBMITTED


def test_sending_back_is_post_only_and_for_facilitators(client, client_of, draft, owner, facilitator, coeditor):
    draft.submit(by=owner)
    assert client_of(facilitator).get(reverse("cases:send-back", args=[draft.slug])).status_code == 405
    assert reverse("account_login") in post(client, "send-back", draft, {"message": "x"})["Location"]
    assert post(client_of(coeditor), "send-back", draft, {"message": "x"}).status_code == 403


def test_resubmitting_clears_the_message(draft, owner, facilitator):
    draft.submit(by=owner)
    draft.send_back(by=facilitator, message="Meer uitleg graag.")
    draft.submit(by=owner)
    draft.refresh_from_db()
    assert draft.review_message == ""


# --- withdraw -------------------------------------------------------------------------


def test_the_owner_withdraws_a_published_case(client_of, owner):
    case = make_case(owner)
    assert post(client_of(owner), "withdraw", case).status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.WITHDRAWN


def test_withdrawing_is_post_only(client_of, owner):
    case = make_case(owner)
    assert client_of(owner).get(reverse("cases:withdraw", args=[case.slug])).status_code == 405


def test_a_visitor_is_sent_to_log_in_to_withdraw(client, owner):
    case = make_case(owner)
    assert reverse("account_login") in post(client, "withdraw", case)["Location"]


def test_a_co_editor_may_not_withdraw(client_of, owner, coeditor):
    case = make_case(owner)
    case.co_editors.add(coeditor)
    assert post(client_of(coeditor), "withdraw", case).status_code == 403


def test_an_outsider_cannot_find_a_withdrawn_case(client_of, client, owner, participant):
    case = make_case(owner, status="withdrawn")
    assert post(client_of(participant), "withdraw", case).status_code == 404
    assert client.get(case.get_absolute_url()).status_code == 404


def test_a_withdrawn_case_can_be_submitted_again(owner):
    case = make_case(owner, status="withdrawn")
    case.submit(by=owner)
    assert case.status == Case.Status.SUBMITTED


# --- review queue ---------------------------------------------------------------------


def test_facilitators_see_submitted_cases_in_the_review_queue(client_of, draft, owner, facilitator):
    draft.submit(by=owner)
    make_case(owner, title="Al gepubliceerd")
    html = client_of(facilitator).get(reverse("cases:review-queue")).content.decode()
    assert "Concept van Olga" in html
    assert "Al gepubliceerd" not in html


def test_the_review_queue_is_only_for_facilitators(client, client_of, participant):
    assert reverse("account_login") in client.get(reverse("cases:review-queue"))["Location"]
    assert client_of(participant).get(reverse("cases:review-queue")).status_code == 403


def test_the_review_queue_does_not_grow_in_queries(client_of, facilitator, django_assert_num_queries):
    owner = make_user("veel@example.org")

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            client_of(facilitator).get(reverse("cases:review-queue"))
        return len(ctx)

    make_case(owner, title="Eerste", status="submitted")
    one = count()
    for n in range(10):
        make_case(owner, title=f"Casus {n}", status="submitted")
    assert count() == one
