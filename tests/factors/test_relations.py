"""Facilitators relate factors: what helps against an obstacle, what is similar."""

import pytest
from django.urls import reverse

from factors.models import CurationLog, FactorRelation
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


def relate_url(factor):
    return reverse("factors:relate", kwargs={"slug": factor.slug})


@pytest.fixture
def obstacle():
    return make_factor("Wisselende gezichten", kind="obstacle")


def test_a_facilitator_says_what_helps_against_an_obstacle(client, client_of, facilitator, obstacle):
    helper = make_factor("Vaste contactpersoon")
    response = client_of(facilitator).post(relate_url(obstacle), {"relation": "helped_by", "other": helper.pk})
    assert response.status_code == 302
    relation = FactorRelation.objects.get()
    assert (relation.from_factor, relation.kind, relation.to_factor) == (helper, "helps", obstacle)
    assert CurationLog.objects.get(action=CurationLog.Action.RELATE).other_factor == obstacle
    html = client.get(obstacle.get_absolute_url()).content.decode()
    assert "Vaste contactpersoon" in html


def test_an_obstacle_cannot_help_against_anything(client_of, facilitator, obstacle):
    other = make_factor("Nog een belemmering", kind="obstacle")
    response = client_of(facilitator).post(relate_url(obstacle), {"relation": "helps", "other": other.pk})
    assert response.status_code == 400
    assert "Alleen een werkzame factor kan helpen" in response.content.decode()
    assert not FactorRelation.objects.exists()


def test_relating_twice_makes_one_relation(client_of, facilitator, obstacle):
    other = make_factor("Lijkt erop", kind="obstacle")
    for _ in range(2):
        client_of(facilitator).post(relate_url(obstacle), {"relation": "similar", "other": other.pk})
    assert FactorRelation.objects.count() == 1
    assert CurationLog.objects.count() == 1


def test_a_facilitator_removes_a_relation(client_of, facilitator, obstacle):
    helper = make_factor("Vaste contactpersoon")
    relation = FactorRelation.objects.create(from_factor=helper, to_factor=obstacle, kind="helps")
    url = reverse("factors:unrelate", kwargs={"slug": obstacle.slug, "pk": relation.pk})
    assert client_of(facilitator).get(url).status_code == 405
    assert client_of(facilitator).post(url).status_code == 302
    assert not FactorRelation.objects.exists()
    assert CurationLog.objects.get().details["removed"] is True


def test_a_relation_of_another_factor_is_404(client_of, facilitator, obstacle):
    a, b = make_factor("A"), make_factor("B")
    relation = FactorRelation.objects.create(from_factor=a, to_factor=b)
    url = reverse("factors:unrelate", kwargs={"slug": obstacle.slug, "pk": relation.pk})
    assert client_of(facilitator).post(url).status_code == 404
    assert FactorRelation.objects.exists()


def test_get_is_refused(client_of, facilitator, obstacle):
    assert client_of(facilitator).get(relate_url(obstacle)).status_code == 405


def test_a_visitor_is_sent_to_log_in(client, obstacle):
    helper = make_factor("Helper")
    response = client.post(relate_url(obstacle), {"relation": "helped_by", "other": helper.pk})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert not FactorRelation.objects.exists()


def test_a_participant_gets_403(client_of, participant, obstacle):
    helper = make_factor("Helper")
    response = client_of(participant).post(relate_url(obstacle), {"relation": "helped_by", "other": helper.pk})
    assert response.status_code == 403
    assert not FactorRelation.objects.exists()


def test_an_unknown_factor_is_404(client_of, facilitator):
    assert client_of(facilitator).post(reverse("factors:relate", kwargs={"slug": "niets"})).status_code == 404
