"""Any member proposes a factor; it waits for a facilitator."""

import pytest
from django.urls import reverse

from factors.models import CurationLog, Factor
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db

PROPOSE = reverse("factors:propose")
FORM = {
    "name": "Korte lijnen met de wijkcoach",
    "kind": "working",
    "statement": "Wie elkaar kent, lost problemen sneller op.",
    "explanation": "<p>Bijvoorbeeld in Bemmel.</p>",
}


def test_a_participant_proposes_a_factor(client_of, participant):
    client = client_of(participant)
    assert client.get(PROPOSE).status_code == 200
    response = client.post(PROPOSE, FORM)
    factor = Factor.objects.get(name=FORM["name"])
    assert response.status_code == 302
    assert response["Location"] == factor.get_absolute_url()
    assert factor.status == Factor.Status.PROPOSED
    assert factor.proposed_by == participant
    entry = CurationLog.objects.get(factor=factor)
    assert (entry.action, entry.by) == (CurationLog.Action.PROPOSE, participant)
    # The proposer sees it; the board does not show it.
    assert client.get(factor.get_absolute_url()).status_code == 200
    assert FORM["name"] not in client_of(None).get(reverse("factors:board")).content.decode()


def test_a_proposal_with_errors_keeps_what_was_typed(client_of, participant):
    response = client_of(participant).post(PROPOSE, {**FORM, "statement": ""})
    assert response.status_code == 200
    assert FORM["name"] in response.content.decode()
    assert not Factor.objects.exists()


def test_a_visitor_is_sent_to_log_in_to_propose(client):
    for response in (client.get(PROPOSE), client.post(PROPOSE, FORM)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not Factor.objects.exists()


def test_a_participant_can_propose_but_not_accept(client_of, participant):
    client = client_of(participant)
    client.post(PROPOSE, FORM)
    factor = Factor.objects.get()
    response = client.post(reverse("factors:accept", kwargs={"slug": factor.slug}))
    assert response.status_code == 403
    factor.refresh_from_db()
    assert factor.status == Factor.Status.PROPOSED


def test_a_new_factor_never_takes_a_reserved_or_redirected_slug():
    assert make_factor("Beheer").slug == "beheer-2"
    old = make_factor("Oud")
    from factors.models import FactorSlugRedirect

    FactorSlugRedirect.objects.create(old_slug="nieuw-idee", factor=old)
    assert make_factor("Nieuw idee").slug == "nieuw-idee-2"
