"""Facilitators accept proposals and retire factors; both are logged."""

import pytest
from django.urls import reverse

from factors.models import Cluster, CurationLog, Factor
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


def url(name, factor):
    return reverse(f"factors:{name}", kwargs={"slug": factor.slug})


def a_cluster():
    return Cluster.objects.get_or_create(name="Samenwerken", defaults={"slug": "samenwerken"})[0]


def test_a_facilitator_accepts_a_proposal(client_of, facilitator, participant):
    factor = make_factor("Voorstel", status="proposed", proposed_by=participant, cluster=a_cluster())
    response = client_of(facilitator).post(url("accept", factor), {"next": reverse("factors:console")})
    assert response.status_code == 302 and response["Location"] == reverse("factors:console")
    factor.refresh_from_db()
    assert factor.status == Factor.Status.ACCEPTED
    assert factor.accepted_by == facilitator and factor.accepted_at is not None
    entry = CurationLog.objects.get(action=CurationLog.Action.ACCEPT)
    assert (entry.factor, entry.by) == (factor, facilitator)
    assert "Voorstel" in client_of(None).get(reverse("factors:board")).content.decode()


def test_accepting_ignores_a_next_address_on_another_site(client_of, facilitator):
    factor = make_factor(status="proposed", cluster=a_cluster())
    response = client_of(facilitator).post(url("accept", factor), {"next": "https://example.com/"})
    assert response["Location"] == factor.get_absolute_url()


def test_a_facilitator_retires_a_factor_with_a_reason(client_of, facilitator):
    factor = make_factor("Achterhaald")
    response = client_of(facilitator).post(url("retire", factor), {"reason": "Dubbel"})
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.status == Factor.Status.RETIRED
    entry = CurationLog.objects.get(action=CurationLog.Action.RETIRE)
    assert entry.details == {"previous_status": "accepted", "reason": "Dubbel"}
    assert client_of(None).get(factor.get_absolute_url()).status_code == 404


def test_a_retired_factor_can_be_accepted_again(client_of, facilitator):
    factor = make_factor(status="retired", cluster=a_cluster())
    client_of(facilitator).post(url("accept", factor))
    factor.refresh_from_db()
    assert factor.status == Factor.Status.ACCEPTED


def test_accepting_an_accepted_factor_changes_nothing(client_of, facilitator):
    factor = make_factor()
    client_of(facilitator).post(url("accept", factor))
    assert not CurationLog.objects.exists()


@pytest.mark.parametrize("action", ["accept", "retire"])
def test_get_is_refused(client_of, facilitator, action):
    factor = make_factor(status="proposed")
    assert client_of(facilitator).get(url(action, factor)).status_code == 405


@pytest.mark.parametrize("action", ["accept", "retire"])
def test_a_visitor_is_sent_to_log_in(client, action):
    factor = make_factor(status="proposed")
    response = client.post(url(action, factor))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    factor.refresh_from_db()
    assert factor.status == Factor.Status.PROPOSED


@pytest.mark.parametrize("action", ["accept", "retire"])
def test_a_participant_gets_403_even_on_their_own_proposal(client_of, participant, action):
    factor = make_factor(status="proposed", proposed_by=participant)
    assert client_of(participant).post(url(action, factor)).status_code == 403
    factor.refresh_from_db()
    assert factor.status == Factor.Status.PROPOSED


@pytest.mark.parametrize("action", ["accept", "retire"])
def test_an_unknown_factor_is_404(client_of, facilitator, action):
    response = client_of(facilitator).post(reverse(f"factors:{action}", kwargs={"slug": "bestaat-niet"}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"statement": "Een beschrijving van wat er werkt."}, "een cluster"),
        ({"statement": "", "with_cluster": True}, "een eigen beschrijving"),
        ({"statement": "Eigen regie.", "with_cluster": True}, "een eigen beschrijving"),  # only the name again
        ({"statement": ""}, "een cluster en een eigen beschrijving"),
    ],
)
def test_a_proposal_is_accepted_only_with_a_cluster_and_a_description(client_of, facilitator, fields, missing):
    cluster = a_cluster() if fields.pop("with_cluster", False) else None
    factor = make_factor("Eigen regie", status="proposed", cluster=cluster, **fields)
    response = client_of(facilitator).post(url("accept", factor), {"next": reverse("factors:console")}, follow=True)
    factor.refresh_from_db()
    assert factor.status == Factor.Status.PROPOSED and factor.accepted_at is None
    assert not CurationLog.objects.filter(action=CurationLog.Action.ACCEPT).exists()
    assert missing in response.content.decode()
    assert "Eigen regie" not in client_of(None).get(reverse("factors:board")).content.decode()
