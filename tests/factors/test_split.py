"""Split off: a new factor from part of an existing one, with the chosen evidence."""

import pytest
from django.urls import reverse

from factors.models import CurationLog, Factor, FactorRelation
from tests.conftest import make_factor
from tests.factors.conftest import cite_in_case, cluster_contribution, published_meeting

pytestmark = pytest.mark.django_db


def split_url(factor):
    return reverse("factors:split", kwargs={"slug": factor.slug})


@pytest.fixture
def broad():
    factor = make_factor("Samenwerken in de wijk")
    meeting = published_meeting()
    links = [cite_in_case(factor, title=f"Casus {i}") for i in range(3)]
    contributions = [cluster_contribution(factor, meeting, text=f"Bijdrage {i}") for i in range(2)]
    return factor, links, contributions


def test_a_facilitator_splits_off_a_factor_with_the_chosen_evidence(client_of, facilitator, broad):
    factor, links, contributions = broad
    client = client_of(facilitator)
    html = client.get(split_url(factor)).content.decode()
    assert "Casus 0" in html and "Bijdrage 1" in html
    response = client.post(
        split_url(factor),
        {
            "name": "Samenwerken met scholen",
            "statement": "Scholen als partner.",
            "case_links": [links[0].pk, links[2].pk],
            "contributions": [contributions[1].pk],
        },
    )
    new = Factor.objects.get(name="Samenwerken met scholen")
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert new.status == Factor.Status.ACCEPTED and new.kind == factor.kind
    assert set(new.case_links.values_list("case__title", flat=True)) == {"Casus 0", "Casus 2"}
    assert list(new.contributions.values_list("text", flat=True)) == ["Bijdrage 1"]
    assert factor.case_links.count() == 1 and factor.contributions.count() == 1
    assert FactorRelation.objects.filter(from_factor=new, to_factor=factor, kind="similar").exists()
    entry = CurationLog.objects.get(action=CurationLog.Action.SPLIT)
    assert entry.details == {"case_links_moved": 2, "contributions_moved": 1}


def test_splitting_off_nothing_is_refused(client_of, facilitator, broad):
    factor, _links, _contributions = broad
    response = client_of(facilitator).post(split_url(factor), {"name": "Leeg", "statement": "x"})
    assert response.status_code == 200
    assert "Kies ten minste één" in response.content.decode()
    assert not Factor.objects.filter(name="Leeg").exists()


def test_a_visitor_is_sent_to_log_in(client, broad):
    factor, links, _contributions = broad
    response = client.post(split_url(factor), {"name": "X", "statement": "x", "case_links": [links[0].pk]})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert Factor.objects.count() == 1


def test_a_participant_gets_403(client_of, participant, broad):
    factor, links, _contributions = broad
    response = client_of(participant).post(
        split_url(factor), {"name": "X", "statement": "x", "case_links": [links[0].pk]}
    )
    assert response.status_code == 403
    assert Factor.objects.count() == 1


def test_an_unknown_factor_is_404(client_of, facilitator):
    assert client_of(facilitator).get(reverse("factors:split", kwargs={"slug": "niets"})).status_code == 404
